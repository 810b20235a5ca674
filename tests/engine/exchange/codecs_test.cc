// The export and import file codecs: MD5 and CRC-32 against their published test vectors, gzip
// written stored and read back, and inflate of files zlib compressed (fixed and dynamic Huffman
// blocks), with damaged input refused and never read past its end (seeded mutations).
#include <gtest/gtest.h>

#include <string>

#include "engine/base/rng.h"
#include "engine/exchange/gzip.h"
#include "engine/exchange/md5.h"

namespace ddbpg::exchange {
namespace {

std::string FromHex(const std::string& hex) {
  std::string bytes;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  return bytes;
}

// gzip -9 of "hello hello hello" (one fixed-Huffman block) and of 40 DynamoDB JSON lines (one
// dynamic-Huffman block), made with zlib.
const char* kFixedHuffmanGzip = "1f8b0800000000000203cb48cdc9c957c84090008088f9e511000000";
const char* kDynamicHuffmanGzip =
    "1f8b080000000000020385943b0e02310c447b8e115a8ad8ce776f4043c319b64220c4a75aeddd61259ab144a689"
    "9468d6f2cef37809c7d77c0dd312ee97ed3c8729bc9ff3631fc37a08b7ede9f47dfaded675b7fc130b88652c5610"
    "a7b1d840dcc7e2846d94b13a835af3585d406da476c57f247d37501762490775236e0b8294c8503a96caea234e49"
    "a47b31078978230e6a27ce8bc3cab84a7163c0ea235a6dac7f846bcafce96ed0589a906f627c15f9a6c4eabbb836"
    "d2bf22dfacc41f45beb912ff15f916c657916fa1f5916fa5fd23df4afd71f165fe1bf2ed8caf21dfcee6c75c7e23"
    "1b5073018e2c01e6122c2c6296dd0a628cadb80fd89230842cc6b69035bfe5984b8859f26f8f7e00a104567b7007"
    "0000";

std::string DynamicHuffmanText() {
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text += "{\"Item\":{\"pk\":{\"S\":\"user#" + std::to_string(i) + "\"},\"n\":{\"N\":\"" +
            std::to_string(i * i) + "\"}}}\n";
  }
  return text;
}

TEST(Md5Test, MatchesRfc1321TestSuite) {
  EXPECT_EQ(Md5Hex(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(Md5Hex("a"), "0cc175b9c0f1b6a831c399e269772661");
  EXPECT_EQ(Md5Hex("abc"), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(Md5Hex("message digest"), "f96b697d7cb7938d525a2f31aaf161d0");
  EXPECT_EQ(Md5Hex("abcdefghijklmnopqrstuvwxyz"), "c3fcd3d76192e4007dfb496cca67e13b");
  // 80 bytes: the padding spills into a second block.
  EXPECT_EQ(Md5Hex("1234567890123456789012345678901234567890123456789012345678901234567890123456"
                   "7890"),
            "57edf4a22be3c955ac49da2e2107b67a");
  EXPECT_EQ(Md5Digest("abc").size(), 16u);
}

TEST(Crc32Test, MatchesTheCheckValue) {
  EXPECT_EQ(Crc32("123456789"), 0xCBF43926u);
  EXPECT_EQ(Crc32(""), 0u);
  // Continuing a checksum equals checksumming the whole.
  EXPECT_EQ(Crc32("6789", Crc32("12345")), Crc32("123456789"));
}

TEST(GzipTest, StoredGzipRoundTripsAcrossBlockBoundaries) {
  base::Rng rng(7);
  for (size_t size : {size_t{0}, size_t{1}, size_t{65535}, size_t{65536}, size_t{200001}}) {
    std::string data(size, '\0');
    for (char& c : data) c = static_cast<char>(rng.NextDouble() * 256);
    const std::string gz = GzipStored(data);
    ASSERT_EQ(static_cast<unsigned char>(gz[0]), 0x1f);
    ASSERT_EQ(static_cast<unsigned char>(gz[1]), 0x8b);
    std::optional<std::string> back = Gunzip(gz, size + 1);
    ASSERT_TRUE(back.has_value()) << size;
    EXPECT_EQ(*back, data) << size;
  }
}

TEST(GzipTest, InflatesWhatZlibCompressed) {
  EXPECT_EQ(Gunzip(FromHex(kFixedHuffmanGzip), 1 << 20), "hello hello hello");
  EXPECT_EQ(Gunzip(FromHex(kDynamicHuffmanGzip), 1 << 20), DynamicHuffmanText());
}

TEST(GzipTest, ReadsConcatenatedMembersAsGunzipDoes) {
  const std::string both = GzipStored("first ") + FromHex(kFixedHuffmanGzip);
  EXPECT_EQ(Gunzip(both, 1 << 20), "first hello hello hello");
}

TEST(GzipTest, RefusesDamagedTruncatedAndOversizedInput) {
  std::string gz = FromHex(kDynamicHuffmanGzip);
  EXPECT_FALSE(Gunzip("not gzip at all", 1 << 20).has_value());
  EXPECT_FALSE(Gunzip("", 1 << 20).has_value());
  EXPECT_FALSE(Gunzip(gz.substr(0, gz.size() - 3), 1 << 20).has_value());  // no whole trailer
  std::string bad_crc = gz;
  bad_crc[bad_crc.size() - 8] ^= 1;
  EXPECT_FALSE(Gunzip(bad_crc, 1 << 20).has_value());
  // More than the cap once inflated.
  EXPECT_FALSE(Gunzip(gz, DynamicHuffmanText().size() - 1).has_value());
  EXPECT_TRUE(Gunzip(gz, DynamicHuffmanText().size()).has_value());
}

TEST(GzipTest, RandomDamageIsRefusedOrReadWithoutOverrun) {
  // Seeded: flipping bytes of a valid file either fails cleanly or (when the damage hits only
  // header fields gunzip ignores) reads; never a crash or a read past the end.
  base::Rng rng(2026);
  const std::string gz = FromHex(kDynamicHuffmanGzip);
  const std::string text = DynamicHuffmanText();
  int refused = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string damaged = gz;
    const int flips = 1 + static_cast<int>(rng.NextDouble() * 4);
    for (int i = 0; i < flips; ++i) {
      damaged[static_cast<size_t>(rng.NextDouble() * damaged.size())] ^=
          static_cast<char>(1 + rng.NextDouble() * 255);
    }
    if (rng.NextDouble() < 0.3)
      damaged.resize(static_cast<size_t>(rng.NextDouble() * damaged.size()));
    std::optional<std::string> out = Gunzip(damaged, 1 << 20);
    if (!out) {
      ++refused;
    } else {
      EXPECT_EQ(*out, text);  // the checksum guarantees what it reads is the original
    }
  }
  EXPECT_GT(refused, 1900);
}

}  // namespace
}  // namespace ddbpg::exchange
