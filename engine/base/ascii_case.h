// Comparing words without regard to ASCII case: the keywords of the expression languages and
// of PartiQL. Letters beyond ASCII compare as they are, as the service's keywords are ASCII.
#pragma once

#include <string_view>

namespace ddbpg::base {

inline bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'a' && x <= 'z') x = char(x - 'a' + 'A');
    if (y >= 'a' && y <= 'z') y = char(y - 'a' + 'A');
    if (x != y) return false;
  }
  return true;
}

}  // namespace ddbpg::base
