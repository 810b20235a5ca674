// UTF-8 as RFC 3629 defines it (no overlong forms, surrogates or code points past U+10FFFF),
// shared by the JSON reader, which refuses anything else, and the JSON writer, which replaces it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ddbpg::base {

struct Utf8Sequence {
  // Bytes of the valid sequence at the start, or 0 when it is not valid.
  size_t length;
  // When not valid: the bytes that belong to the broken sequence (at least 1), so a reader
  // replacing it resumes at the byte that broke it.
  size_t broken_length;
};

// The sequence at the start of `bytes` (not empty), whose first byte is 0x80 or more.
Utf8Sequence MultiByteSequenceAt(std::string_view bytes);

// Reads the code point at `at` in `text` into `code_point` and moves `at` past it; false at the
// end of `text` or when the bytes there are not valid UTF-8.
bool NextCodePoint(std::string_view text, size_t& at, char32_t& code_point);

// Appends `code_point` (at most U+10FFFF, not a surrogate) in UTF-8.
void AppendUtf8(std::string& out, char32_t code_point);

}  // namespace ddbpg::base
