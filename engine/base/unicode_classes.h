// Unicode general categories the service's patterns name, from a table generated out of the
// Unicode Character Database (scripts/gen_unicode_tag_classes.py), so the answer is the same
// natively and in wasm, where no locale can be relied on.
#pragma once

namespace ddbpg::base {

// Whether `code_point` is a letter (\p{L}), a number (\p{N}) or a separator (\p{Z}: spaces,
// including U+00A0 and U+3000, and the line and paragraph separators). Tabs and newlines are
// control characters, not separators.
bool IsLetterNumberOrSeparator(char32_t code_point);

}  // namespace ddbpg::base
