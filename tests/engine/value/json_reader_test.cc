// ReadJson must accept exactly what nlohmann::json::parse accepts and build the same tree, with
// the same number types, since the handlers read requests through it: checked on examples of
// every rule and on seeded random documents, valid and mutated.
#include "engine/value/json_reader.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "tests/engine/support/model_random.h"

namespace ddbpg {
namespace {

using json = nlohmann::json;

// Equal types and values all the way down (json's == calls 1 and 1u and 1.0 equal).
bool Identical(const json& a, const json& b) {
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case json::value_t::object: {
      if (a.size() != b.size()) return false;
      for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j) {
        if (i.key() != j.key() || !Identical(*i, *j)) return false;
      }
      return true;
    }
    case json::value_t::array: {
      if (a.size() != b.size()) return false;
      for (size_t i = 0; i < a.size(); ++i) {
        if (!Identical(a[i], b[i])) return false;
      }
      return true;
    }
    default:
      return a == b;
  }
}

// Whether both readers agree on `text`: both refuse it, or both build identical trees.
::testing::AssertionResult ReadAsNlohmannDoes(const std::string& text) {
  json expected = json::parse(text, nullptr, /*allow_exceptions=*/false);
  json read;
  const bool accepted = value::ReadJson(text, read);
  if (expected.is_discarded() != !accepted) {
    return ::testing::AssertionFailure()
           << (accepted ? "accepted" : "refused") << " " << ::testing::PrintToString(text);
  }
  if (accepted && !Identical(read, expected)) {
    return ::testing::AssertionFailure()
           << "read " << read.dump() << " instead of " << expected.dump() << " from "
           << ::testing::PrintToString(text);
  }
  return ::testing::AssertionSuccess();
}

TEST(JsonReaderTest, ReadsWhatNlohmannReads) {
  for (
      const char* text : {
          R"({"TableName":"t","Item":{"pk":{"S":"a"},"n":{"N":"1.5"}}})",
          " \t\r\n{ \"a\" : [ 1 , -2 , 3.5 , -0 , 0.0 , 1e3 , 1E-3 , 2e+2 , true , false , null ] "
          "} ",
          R"({"esc":"\"\\\/\b\f\n\r\t\u0041\u00e9\u20AC\ud83d\ude00\u0000"})",
          "{\"utf8\":\"caf\xC3\xA9 \xF0\x9F\x98\x80\"}",
          R"({"big":18446744073709551615,"bigger":18446744073709551616,"low":-9223372036854775808,"lower":-9223372036854775809})",
          R"({"dup":1,"other":2,"dup":{"x":3}})",
          "\xEF\xBB\xBF{\"bom\":1}",
          R"([])",
          R"("text")",
          R"(12)",
          R"(null)",
          R"({})",
          R"([[[]]])",
      }) {
    json read;
    EXPECT_TRUE(value::ReadJson(text, read)) << text;
    EXPECT_TRUE(ReadAsNlohmannDoes(text));
  }
}

TEST(JsonReaderTest, RefusesWhatNlohmannRefuses) {
  for (const char* text : {
           "",
           " ",
           "{",
           "}",
           R"({"a"})",
           R"({"a":})",
           R"({"a":1,})",
           R"([1,])",
           R"({a:1})",
           R"({"a":01})",
           R"({"a":1.})",
           R"({"a":.5})",
           R"({"a":+1})",
           R"({"a":-})",
           R"({"a":1e})",
           R"({"a":1e400})",
           R"({"a":-1e400})",
           R"({"a":tru})",
           R"({"a":nul})",
           R"({"a":"\x"})",
           R"({"a":"\u12"})",
           R"({"a":"\ud800"})",
           R"({"a":"\udc00"})",
           R"({"a":"\ud800\u0041"})",
           "{\"a\":\"\x01\"}",
           "{\"a\":\"\xC3\"}",
           "{\"a\":\"\xED\xA0\x80\"}",
           "{\"a\":\"\xC0\xAF\"}",
           "{\"a\":1}x",
           "{\"a\":1} {}",
           "\xEF\xBB{}",
           R"({"a":1 "b":2})",
           R"(// comment
{})",
       }) {
    json read;
    EXPECT_FALSE(value::ReadJson(text, read)) << text;
    EXPECT_TRUE(ReadAsNlohmannDoes(std::string(text))) << text;
  }
  // nlohmann ends the input at a NUL byte between tokens, and so does the reader.
  EXPECT_TRUE(ReadAsNlohmannDoes(std::string("{\"a\":1}\0", 8)));
  EXPECT_TRUE(ReadAsNlohmannDoes(std::string("{\"a\":1} \0junk", 13)));
  EXPECT_TRUE(ReadAsNlohmannDoes(std::string("{\"a\":\0}", 7)));
}

TEST(JsonReaderTest, RefusesNestingPastItsLimit) {
  json read;
  EXPECT_TRUE(value::ReadJson(
      std::string(value::kMaxReadDepth, '[') + std::string(value::kMaxReadDepth, ']'), read));
  EXPECT_FALSE(value::ReadJson(
      std::string(value::kMaxReadDepth + 1, '[') + std::string(value::kMaxReadDepth + 1, ']'),
      read));
}

// What the engine reads its own documents with answers as nlohmann::json::parse(text, nullptr,
// false) does: the tree, or a discarded value for text that is not JSON.
TEST(JsonReaderTest, ReadJsonOrDiscardedAnswersAsNlohmannParseDoes) {
  for (const std::string text : {"{\"a\":[1,2.5,\"x\",null,true]}", "[]", "\"s\"", " 12 ", "{}"}) {
    const json read = value::ReadJsonOrDiscarded(text);
    EXPECT_FALSE(read.is_discarded()) << text;
    EXPECT_EQ(read, json::parse(text)) << text;
    EXPECT_EQ(read.dump(), json::parse(text).dump()) << text;
  }
  for (const std::string text : {"", "{", "{\"a\":}", "[1,]", "nul", "{} {}", "\"\xff\""}) {
    EXPECT_TRUE(value::ReadJsonOrDiscarded(text).is_discarded()) << text;
    EXPECT_TRUE(json::parse(text, nullptr, false).is_discarded()) << text;
  }
}

// A random document, written with random spacing and escapes.
std::string RandomDocument(testing::model::Random& random, int depth) {
  static const std::vector<std::string> kScalars = {"0",
                                                    "-0",
                                                    "7",
                                                    "-12",
                                                    "3.25",
                                                    "-0.5e-3",
                                                    "1E9",
                                                    "18446744073709551615",
                                                    "18446744073709551616",
                                                    "-9223372036854775809",
                                                    "true",
                                                    "false",
                                                    "null",
                                                    "\"\"",
                                                    "\"a\\\"b\"",
                                                    "\"\\u00e9\\ud83d\\ude00\"",
                                                    "\"caf\xC3\xA9\"",
                                                    "\"\\n\\t\\/\"",
                                                    "\"\\b\\f\\r\\\\\""};
  static const std::vector<std::string> kSpaces = {"", "", " ", "\n", "\t ", "\r\n"};
  auto space = [&] { return random.Pick(kSpaces); };
  const size_t kind = random.Below(depth < 4 ? 4 : 2);
  if (kind < 2) return random.Pick(kScalars);
  std::string text = kind == 2 ? "{" : "[";
  const size_t members = random.Below(4);
  for (size_t i = 0; i < members; ++i) {
    if (i > 0) text += space() + ",";
    text += space();
    if (kind == 2) text += "\"" + testing::model::RandomText(random, 0, 2) + "\"" + space() + ":";
    text += space() + RandomDocument(random, depth + 1);
  }
  return text + space() + (kind == 2 ? "}" : "]");
}

TEST(JsonReaderTest, RandomAndMutatedDocumentsReadAsNlohmannReadsThem) {
  testing::model::Random random(testing::model::EnvNumber("DDBPG_MODEL_SEED", 1203));
  const size_t cases = testing::model::EnvNumber("DDBPG_MODEL_CASES", 5000);
  static const std::vector<char> kNoise = {'{',  '}',    '[',    ']',    '"',    ',',   ':',
                                           '\\', '-',    '.',    'e',    '0',    '9',   ' ',
                                           'u',  '\x00', '\x01', '\x80', '\xC3', '\xFF'};
  for (size_t c = 0; c < cases; ++c) {
    std::string text = RandomDocument(random, 0);
    ASSERT_TRUE(ReadAsNlohmannDoes(text)) << "case " << c;
    // Then one to three mutations: a byte replaced, inserted or removed, or the text cut.
    for (size_t m = random.Between(1, 3); m > 0 && !text.empty(); --m) {
      const size_t at = random.Below(text.size());
      switch (random.Below(4)) {
        case 0:
          text[at] = random.Pick(kNoise);
          break;
        case 1:
          text.insert(text.begin() + at, random.Pick(kNoise));
          break;
        case 2:
          text.erase(at, 1);
          break;
        default:
          text.resize(at);
          break;
      }
    }
    ASSERT_TRUE(ReadAsNlohmannDoes(text)) << "mutated case " << c;
  }
}

}  // namespace
}  // namespace ddbpg
