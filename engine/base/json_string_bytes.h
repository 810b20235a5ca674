// The bytes inside a JSON string that need a look of their own: the quote, the backslash,
// control characters and every byte of a multi-byte UTF-8 sequence. Everything else is copied in
// runs, by the reader and the writer alike (strings are most of a request's and a response's
// bytes), and a table makes the run a single load per byte.
#pragma once

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

}  // namespace ddbpg::base
