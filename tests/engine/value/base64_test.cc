#include "engine/value/base64.h"

#include <gtest/gtest.h>

namespace ddbpg {
namespace {

TEST(Base64Test, EncodesWithPadding) {
  EXPECT_EQ(value::Base64Encode(""), "");
  EXPECT_EQ(value::Base64Encode("f"), "Zg==");
  EXPECT_EQ(value::Base64Encode("fo"), "Zm8=");
  EXPECT_EQ(value::Base64Encode("foo"), "Zm9v");
  EXPECT_EQ(value::Base64Encode(std::string("\xff\x00\x80", 3)), "/wCA");
}

TEST(Base64Test, DecodeInvertsEncodeForEveryByte) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += char(i);
  EXPECT_EQ(value::Base64Decode(value::Base64Encode(all)), all);
}

TEST(Base64Test, DecodeRejectsNonCanonicalText) {
  EXPECT_FALSE(value::Base64Decode("Zg="));       // length not a multiple of 4
  EXPECT_FALSE(value::Base64Decode("Z!=="));      // outside the alphabet
  EXPECT_FALSE(value::Base64Decode("Zh=="));      // stray bits after the last byte
  EXPECT_FALSE(value::Base64Decode("Z==="));      // too much padding
  EXPECT_FALSE(value::Base64Decode("Zg==Zg=="));  // padding in the middle
}

}  // namespace
}  // namespace ddbpg
