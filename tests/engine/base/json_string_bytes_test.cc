// The word-at-a-time scan for a JSON string's next stop must find exactly what the byte table
// finds: every byte value at every offset of a word and across words, and seeded random words
// (whose bytes often sit next to the stops' edges, where a borrow could mislead the test).
#include "engine/base/json_string_bytes.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "tests/engine/support/model_random.h"

namespace ddbpg {
namespace {

TEST(JsonStringBytesTest, EveryByteAtEveryOffsetIsFoundOrPassedAsTheTableSays) {
  for (int byte = 0; byte < 256; ++byte) {
    const bool stops = base::kJsonStringStops[static_cast<unsigned char>(byte)];
    for (size_t size : {1u, 7u, 8u, 9u, 17u, 40u}) {
      for (size_t offset = 0; offset < size; ++offset) {
        std::string text(size, 'a');
        text[offset] = static_cast<char>(byte);
        const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
        EXPECT_EQ(base::NextJsonStringStop(bytes, 0, size), stops ? offset : size)
            << "byte " << byte << " at " << offset << " of " << size;
      }
    }
  }
}

TEST(JsonStringBytesTest, AWordStopsExactlyWhenOneOfItsBytesDoes) {
  // Bytes drawn near the edges: around 0x20, the quote, the backslash and 0x80.
  const unsigned char edges[] = {0x00, 0x01, 0x1E, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B,
                                 0x5C, 0x5D, 0x7E, 0x7F, 0x80, 0x81, 0xFF, 'a',  'z'};
  testing::model::Random random(20261204);
  for (int round = 0; round < 200000; ++round) {
    unsigned char bytes[8];
    bool expected = false;
    for (unsigned char& byte : bytes) {
      byte = random.Below(2) == 0 ? edges[random.Below(sizeof(edges))]
                                  : static_cast<unsigned char>(random.Below(256));
      expected = expected || base::kJsonStringStops[byte];
    }
    uint64_t word;
    std::memcpy(&word, bytes, 8);
    ASSERT_EQ(base::AnyJsonStringStop(word), expected) << "word " << std::hex << word;
  }
}

TEST(JsonStringBytesTest, AScanStartsWhereItIsToldAndStopsAtTheEnd) {
  const std::string text = "\"0123456789abcdefghij\"";
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  EXPECT_EQ(base::NextJsonStringStop(bytes, 1, text.size()), text.size() - 1);
  EXPECT_EQ(base::NextJsonStringStop(bytes, 0, text.size()), 0u);
  EXPECT_EQ(base::NextJsonStringStop(bytes, 1, text.size() - 1), text.size() - 1);
  EXPECT_EQ(base::NextJsonStringStop(bytes, 5, 5), 5u);
}

TEST(JsonStringBytesTest, PlainStringsArePrintableAsciiWithoutQuoteOrBackslash) {
  EXPECT_TRUE(base::IsPlainJsonString(""));
  EXPECT_TRUE(base::IsPlainJsonString("key-123 with spaces ~!@#$%^&*()"));
  EXPECT_TRUE(base::IsPlainJsonString(std::string(1000, 'x')));
  // One byte to escape anywhere, in the word-at-a-time part or the tail, is enough.
  for (const char* stop : {"\"", "\\", "\n", "\x01", "\xc3\xa9"}) {
    for (size_t at : {0, 3, 8, 15, 20}) {
      std::string text(21, 'a');
      text.insert(at, stop);
      EXPECT_FALSE(base::IsPlainJsonString(text)) << stop << " at " << at;
    }
  }
}

}  // namespace
}  // namespace ddbpg
