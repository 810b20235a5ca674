// NestedDeeperThan counts brackets outside strings: checked on examples and against a
// byte-by-byte reference on seeded random text of brackets, quotes and backslashes.
#include "engine/value/json_depth.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/engine/support/model_random.h"

namespace ddbpg {
namespace {

bool ReferenceDeeperThan(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > max_depth) return true;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return false;
}

TEST(JsonDepthTest, CountsBracketsOutsideStrings) {
  EXPECT_FALSE(value::NestedDeeperThan(R"({"a":[{"b":1}]})", 3));
  EXPECT_TRUE(value::NestedDeeperThan(R"({"a":[{"b":[1]}]})", 3));
  EXPECT_FALSE(value::NestedDeeperThan(R"({"a":"[[[[{{{{"})", 1));
  EXPECT_FALSE(value::NestedDeeperThan(R"({"a":"\"[[[["})", 1));
  EXPECT_TRUE(value::NestedDeeperThan(R"({"a":"\\",[[[]]]})", 3));
  EXPECT_FALSE(value::NestedDeeperThan(R"({"a":"never closed [[[[)", 1));
}

TEST(JsonDepthTest, RandomTextAgreesWithTheReference) {
  testing::model::Random random(testing::model::EnvNumber("DDBPG_MODEL_SEED", 1204));
  const size_t cases = testing::model::EnvNumber("DDBPG_MODEL_CASES", 20000);
  static const std::vector<char> kBytes = {'{', '}', '[', ']', '"', '\\', 'a', ':', ','};
  for (size_t c = 0; c < cases; ++c) {
    std::string text;
    for (size_t i = random.Below(24); i > 0; --i) text += random.Pick(kBytes);
    const int max_depth = static_cast<int>(random.Below(4));
    ASSERT_EQ(value::NestedDeeperThan(text, max_depth), ReferenceDeeperThan(text, max_depth))
        << text << " " << max_depth;
  }
}

}  // namespace
}  // namespace ddbpg
