// WriteItem must print the text EncodeItem's tree dumps to, for every type and nesting: checked
// on an item with one of each type and on seeded random items.
#include "engine/value/item_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "engine/value/ddb_json.h"
#include "tests/engine/support/model_random.h"

namespace ddbpg {
namespace {

using json = nlohmann::json;

std::string Written(const value::Item& item) {
  std::string out;
  base::JsonWriter writer(out);
  value::WriteItem(writer, item);
  return out;
}

std::string Dumped(const value::Item& item) {
  return value::EncodeItem(item).dump(-1, ' ', false, json::error_handler_t::replace);
}

value::Item Decoded(const json& wire) {
  base::Result<value::Item> item = value::DecodeItem(wire);
  EXPECT_TRUE(item.ok()) << item.status().message();
  return item.ok() ? *item : value::Item{};
}

TEST(ItemWriterTest, EveryTypeAsEncodeItemPrintsIt) {
  value::Item item = Decoded(json::parse(R"({
    "s": {"S": "caf\u00e9 \"quoted\"\n"}, "n": {"N": "-0012.50"}, "b": {"B": "AAF/gP8="},
    "t": {"BOOL": true}, "f": {"BOOL": false}, "z": {"NULL": true},
    "ss": {"SS": ["b", "a"]}, "ns": {"NS": ["10", "-1e3", "0.5"]}, "bs": {"BS": ["AA==", "/w=="]},
    "l": {"L": [{"S": "x"}, {"L": []}, {"M": {}}]},
    "m": {"M": {"inner": {"M": {"deep": {"N": "1"}}}, "": {"S": ""}}}
  })"));
  EXPECT_EQ(Written(item), Dumped(item));
  EXPECT_EQ(Written(value::Item{}), "{}");
}

// A string value knows when it was made whether it can be copied into JSON as it is; a value that
// cannot is still escaped when written.
TEST(ItemWriterTest, PlainStringsAreCopiedAndOthersEscaped) {
  EXPECT_TRUE(value::AttributeValue::String("key-1").IsJsonPlain());
  EXPECT_TRUE(value::AttributeValue::String(std::string(1000, 'x')).IsJsonPlain());
  EXPECT_FALSE(value::AttributeValue::String("say \"hi\"").IsJsonPlain());
  EXPECT_FALSE(value::AttributeValue::String("caf\u00e9").IsJsonPlain());
  EXPECT_FALSE(value::AttributeValue::Binary("abc").IsJsonPlain());  // an S flag only
  const value::AttributeValue copied = value::AttributeValue::String("line\nbreak");
  value::Item item{{"plain", value::AttributeValue::String("abc")}, {"escaped", copied}};
  EXPECT_EQ(Written(item), R"({"escaped":{"S":"line\nbreak"},"plain":{"S":"abc"}})");
}

value::AttributeValue RandomAttribute(testing::model::Random& random, int depth) {
  using testing::model::RandomBytes;
  using testing::model::RandomText;
  switch (random.Below(depth < 3 ? 10 : 8)) {
    case 0:
      return value::AttributeValue::String(RandomText(random, 0, 4));
    case 1:
      return value::AttributeValue::OfNumber(*value::Number::Parse(
          std::to_string(random.Between(-999, 999)) + "." + std::to_string(random.Below(100))));
    case 2:
      return value::AttributeValue::Binary(RandomBytes(random, 0, 5));
    case 3:
      return value::AttributeValue::Bool(random.Chance(0.5));
    case 4:
      return value::AttributeValue::Null();
    case 5:
      return value::AttributeValue::StringSet({RandomText(random, 1, 2), RandomText(random, 3, 4)});
    case 6:
      return value::AttributeValue::BinarySet(
          {RandomBytes(random, 1, 2), RandomBytes(random, 3, 4)});
    case 7:
      return value::AttributeValue::NumberSet(
          {*value::Number::Parse(std::to_string(random.Below(50))),
           *value::Number::Parse(std::to_string(50 + random.Below(50)))});
    case 8: {
      value::AttributeValue::List list;
      for (size_t i = random.Below(4); i > 0; --i)
        list.push_back(RandomAttribute(random, depth + 1));
      return value::AttributeValue::OfList(std::move(list));
    }
    default: {
      value::AttributeValue::Map map;
      for (size_t i = random.Below(4); i > 0; --i) {
        map[RandomText(random, 0, 3)] = RandomAttribute(random, depth + 1);
      }
      return value::AttributeValue::OfMap(std::move(map));
    }
  }
}

TEST(ItemWriterTest, RandomItemsPrintAsEncodeItemPrintsThem) {
  testing::model::Random random(testing::model::EnvNumber("DDBPG_MODEL_SEED", 1202));
  const size_t cases = testing::model::EnvNumber("DDBPG_MODEL_CASES", 3000);
  for (size_t c = 0; c < cases; ++c) {
    value::Item item;
    for (size_t i = random.Below(6); i > 0; --i) {
      item[testing::model::RandomText(random, 1, 3)] = RandomAttribute(random, 0);
    }
    ASSERT_EQ(Written(item), Dumped(item)) << "case " << c;
  }
}

}  // namespace
}  // namespace ddbpg
