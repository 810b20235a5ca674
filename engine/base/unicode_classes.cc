#include "engine/base/unicode_classes.h"

#include <algorithm>
#include <iterator>

namespace ddbpg::base {
namespace {

struct CodePointRange {
  char32_t first;
  char32_t last;
};

constexpr CodePointRange kLetterNumberSeparatorRanges[] = {
#include "engine/base/unicode_tag_classes.inc"
};

}  // namespace

bool IsLetterNumberOrSeparator(char32_t code_point) {
  // The first range whose last code point is not below `code_point` is the only candidate.
  const auto* end = std::end(kLetterNumberSeparatorRanges);
  const auto* it = std::lower_bound(
      std::begin(kLetterNumberSeparatorRanges), end, code_point,
      [](const CodePointRange& range, char32_t value) { return range.last < value; });
  return it != end && it->first <= code_point;
}

}  // namespace ddbpg::base
