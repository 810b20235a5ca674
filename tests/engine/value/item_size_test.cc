#include "engine/value/item_size.h"

#include <gtest/gtest.h>

#include "engine/value/ddb_json.h"

namespace ddbpg {
namespace {

value::Item ItemOf(const char* wire) { return *value::DecodeItem(nlohmann::json::parse(wire)); }

TEST(ItemSizeTest, CountsNameBytesPlusValueBytes) {
  EXPECT_EQ(value::ItemSize(ItemOf(R"({"id": {"S": "abc"}})")), 2u + 3u);
  // UTF-8 bytes, not characters: "é" is two bytes.
  EXPECT_EQ(value::ItemSize(ItemOf(R"({"é": {"S": "é"}})")), 4u);
  EXPECT_EQ(value::ItemSize(ItemOf(R"({"b": {"B": "AAEC"}})")), 1u + 3u);  // decoded bytes
}

TEST(ItemSizeTest, BooleanAndNullCostOneByte) {
  EXPECT_EQ(value::ItemSize(ItemOf(R"({"a": {"BOOL": false}, "b": {"NULL": true}})")), 4u);
}

TEST(ItemSizeTest, NumbersUseTheMeasuredBase100Rule) {
  EXPECT_EQ(value::ItemSize(ItemOf(R"({"n": {"N": "3.14159"}})")), 1u + 5u);
  EXPECT_EQ(value::ItemSize(ItemOf(R"({"n": {"N": "-42"}})")), 1u + 3u);
  EXPECT_EQ(value::ItemSize(ItemOf(R"({"n": {"N": "1E125"}})")), 1u + 2u);
}

TEST(ItemSizeTest, ListsAndMapsCostThreeBytesPlusOnePerElement) {
  EXPECT_EQ(value::ItemSize(ItemOf(R"({"l": {"L": []}})")), 1u + 3u);
  EXPECT_EQ(value::ItemSize(ItemOf(R"({"m": {"M": {}}})")), 1u + 3u);
  // "l": 3 + (1 + 1 "x") + (1 + 1 true) = 7
  EXPECT_EQ(value::ItemSize(ItemOf(R"({"l": {"L": [{"S": "x"}, {"BOOL": true}]}})")), 1u + 7u);
  // "m": 3 + (1 + 2 "ab" + 2 "cd") = 8
  EXPECT_EQ(value::ItemSize(ItemOf(R"({"m": {"M": {"ab": {"S": "cd"}}}})")), 1u + 8u);
}

TEST(ItemSizeTest, SetsCostTheSumOfTheirMembers) {
  EXPECT_EQ(value::ItemSize(ItemOf(R"({"s": {"SS": ["ab", "c"]}})")), 1u + 3u);
  EXPECT_EQ(value::ItemSize(ItemOf(R"({"s": {"NS": ["12", "123"]}})")), 1u + 2u + 3u);
  EXPECT_EQ(value::ItemSize(ItemOf(R"({"s": {"BS": ["AA==", "AAE="]}})")), 1u + 3u);
}

}  // namespace
}  // namespace ddbpg
