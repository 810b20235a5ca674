// JsonWriter must print exactly what nlohmann's dump(-1, ' ', false, replace) prints, since a
// response may be written by either: checked on examples and on seeded random byte strings
// (valid and invalid UTF-8, control characters, quotes).
#include "engine/base/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "tests/engine/support/model_random.h"

namespace ddbpg {
namespace {

using json = nlohmann::json;

std::string NlohmannDump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string Written(std::string_view text) {
  std::string out;
  base::JsonWriter writer(out);
  writer.String(text);
  return out;
}

TEST(JsonWriterTest, EscapesAsNlohmannDoes) {
  EXPECT_EQ(Written("plain"), "\"plain\"");
  EXPECT_EQ(Written("q\"b\\s/"), R"("q\"b\\s/")");
  EXPECT_EQ(Written("\b\f\n\r\t"), R"("\b\f\n\r\t")");
  EXPECT_EQ(Written(std::string("\x00\x01\x1f\x7f", 4)), "\"\\u0000\\u0001\\u001f\x7f\"");
  EXPECT_EQ(Written("caf\xC3\xA9 \xF0\x9F\x98\x80"), "\"caf\xC3\xA9 \xF0\x9F\x98\x80\"");
}

TEST(JsonWriterTest, ReplacesInvalidUtf8AsNlohmannDoes) {
  // A lone continuation byte, an overlong form, a surrogate, a sequence cut short by ASCII,
  // a sequence cut short by the end, and a byte no sequence starts with.
  for (const char* bad : {"a\x80z", "\xC0\xAF", "\xED\xA0\x80", "\xE2\x82x", "ok\xF0\x9F\x98",
                          "\xFF\xFE", "\xF4\x90\x80\x80"}) {
    EXPECT_EQ(Written(bad), NlohmannDump(json(bad))) << ::testing::PrintToString(bad);
  }
}

TEST(JsonWriterTest, RandomStringsPrintAsNlohmannPrintsThem) {
  testing::model::Random random(testing::model::EnvNumber("DDBPG_MODEL_SEED", 20261202));
  const size_t cases = testing::model::EnvNumber("DDBPG_MODEL_CASES", 20000);
  // Bytes weighted towards the interesting ones: ASCII, escapes, lead and continuation bytes.
  static const std::vector<unsigned char> kInteresting = {'a',  '"',  '\\', '\n', 0x00, 0x1F, 0x7F,
                                                          0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF,
                                                          0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
  for (size_t c = 0; c < cases; ++c) {
    std::string text;
    const size_t length = random.Below(12);
    for (size_t i = 0; i < length; ++i) {
      text += static_cast<char>(random.Chance(0.5) ? random.Pick(kInteresting)
                                                   : static_cast<unsigned char>(random.Below(256)));
    }
    ASSERT_EQ(Written(text), NlohmannDump(json(text))) << "case " << c;
  }
}

TEST(JsonWriterTest, NestedDocumentsMatchNlohmann) {
  std::string out;
  base::JsonWriter writer(out);
  writer.BeginObject();
  writer.Key("Count");
  writer.Unsigned(18446744073709551615ULL);
  writer.Key("Items");
  writer.BeginArray();
  writer.BeginObject();
  writer.EndObject();
  writer.BeginObject();
  writer.Key("k\"");
  writer.Bool(false);
  writer.Key("n");
  writer.Raw(R"({"a":[1,2.5]})");
  writer.EndObject();
  writer.BeginArray();
  writer.EndArray();
  writer.EndArray();
  writer.Key("Yes");
  writer.Bool(true);
  writer.EndObject();
  json expected = {
      {"Count", 18446744073709551615ULL},
      {"Items",
       json::array({json::object(), {{"k\"", false}, {"n", {{"a", {1, 2.5}}}}}, json::array()})},
      {"Yes", true}};
  EXPECT_EQ(out, NlohmannDump(expected));
}

// Plain members and one-member objects are gathered on the stack before they are appended: every
// length around the stack buffer's (64 bytes), as names and as strings, prints as nlohmann does,
// commas between them included.
TEST(JsonWriterTest, PlainMembersOfEveryLengthMatchNlohmann) {
  for (size_t name_length = 0; name_length <= 140; name_length += 7) {
    std::string out;
    base::JsonWriter writer(out);
    json expected = json::array();
    writer.BeginArray();
    for (size_t text_length = 0; text_length <= 140; ++text_length) {
      const std::string name(name_length, 'n');
      const std::string text(text_length, 't');
      writer.PlainStringObject(name, text);
      writer.BeginObject();
      writer.PlainKey(name);
      writer.PlainString(text);
      writer.Key(name + "k");
      writer.Bool(true);
      writer.EndObject();
      expected.push_back({{name, text}});
      expected.push_back({{name + "k", true}, {name, text}});
    }
    writer.EndArray();
    ASSERT_EQ(out, NlohmannDump(expected)) << "names of " << name_length << " bytes";
  }
}

}  // namespace
}  // namespace ddbpg
