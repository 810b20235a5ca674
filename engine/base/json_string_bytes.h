// The bytes inside a JSON string that need a look of their own: the quote, the backslash,
// control characters and every byte of a multi-byte UTF-8 sequence. Everything else is copied in
// runs, by the reader and the writer alike (strings are most of a request's and a response's
// bytes): eight bytes at a time while none of them stops, then a table lookup per byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace ddbpg::base {

struct JsonStringStops {
  bool stops[256] = {};
  constexpr JsonStringStops() {
    for (int c = 0; c < 0x20; ++c) stops[c] = true;
    stops[static_cast<int>('"')] = true;
    stops[static_cast<int>('\\')] = true;
    for (int c = 0x80; c < 0x100; ++c) stops[c] = true;
  }
  bool operator[](unsigned char byte) const { return stops[byte]; }
};

inline constexpr JsonStringStops kJsonStringStops;

// True when one of the eight bytes of `word` is a stop. Exact as a whole (a byte's own flag may
// be wrong once a lower byte borrowed, but only after a true one): a byte of 0x80 or more, one
// below 0x20, or one equal to the quote or the backslash.
constexpr bool AnyJsonStringStop(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  auto has_zero_byte = [](uint64_t v) { return ((v - kOnes) & ~v & kHighBits) != 0; };
  const bool below_space = ((word - kOnes * 0x20) & ~word & kHighBits) != 0;
  return (word & kHighBits) != 0 || below_space || has_zero_byte(word ^ (kOnes * '"')) ||
         has_zero_byte(word ^ (kOnes * '\\'));
}

// The index of the first stop in bytes[from, size), or `size` when there is none.
inline size_t NextJsonStringStop(const unsigned char* bytes, size_t from, size_t size) {
  size_t at = from;
  for (uint64_t word; at + 8 <= size; at += 8) {
    std::memcpy(&word, bytes + at, 8);
    if (AnyJsonStringStop(word)) break;
  }
  while (at < size && !kJsonStringStops[bytes[at]]) ++at;
  return at;
}

// True when `text` goes into a JSON string as it is: printable ASCII without a quote or a
// backslash, the common case that a writer copies without looking at each byte.
inline bool IsPlainJsonString(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  return NextJsonStringStop(bytes, 0, text.size()) == text.size();
}

}  // namespace ddbpg::base
