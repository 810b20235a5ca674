#include "engine/value/json_depth.h"

#include <cstring>

namespace ddbpg::value {
namespace {

// The index just past the string whose body starts at `i` (after its opening quote), or the
// text's size when it never closes. memchr finds the quote and any backslash before it, since
// request bodies are mostly long strings without escapes.
size_t SkipString(std::string_view text, size_t i) {
  const char* data = text.data();
  const size_t size = text.size();
  while (i < size) {
    const void* quote = std::memchr(data + i, '"', size - i);
    if (quote == nullptr) return size;
    const size_t quote_at = static_cast<const char*>(quote) - data;
    const void* backslash = std::memchr(data + i, '\\', quote_at - i);
    if (backslash == nullptr) return quote_at + 1;
    i = static_cast<const char*>(backslash) - data + 2;  // past the escaped character
  }
  return size;
}

}  // namespace

bool NestedDeeperThan(std::string_view text, int max_depth) {
  int depth = 0;
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '"') {
      i = SkipString(text, i + 1);
      continue;
    }
    if (c == '{' || c == '[') {
      if (++depth > max_depth) return true;
    } else if (c == '}' || c == ']') {
      --depth;
    }
    ++i;
  }
  return false;
}

}  // namespace ddbpg::value
