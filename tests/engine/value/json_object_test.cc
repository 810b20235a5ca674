// value::JsonObject makes the objects nlohmann's nested initializer lists make.
#include "engine/value/json_object.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace ddbpg {
namespace {

using json = nlohmann::json;

TEST(JsonObjectTest, MakesTheObjectAnInitializerListMakes) {
  const std::string name = "Music";
  const json key_schema = json::array({json{{"AttributeName", "Artist"}, {"KeyType", "HASH"}}});
  // The same members written once, given to both.
  // clang-format off
#define MUSIC_TABLE_MEMBERS                                                                      \
  {"TableName", name}, {"ItemCount", 12LL}, {"TableSizeBytes", 3ULL}, {"CreationDateTime", 1.5}, \
  {"DeletionProtectionEnabled", false}, {"KeySchema", key_schema}, {"TableStatus", "ACTIVE"},    \
  {"Tags", {1, 2}}, {"Nested", {{"A", 1}}}
  // clang-format on
  const json built = value::JsonObject({MUSIC_TABLE_MEMBERS});
  const json listed = {MUSIC_TABLE_MEMBERS};
#undef MUSIC_TABLE_MEMBERS
  EXPECT_EQ(built, listed);
  EXPECT_EQ(built.dump(), listed.dump());
  // The same number types, which print differently (12 and 1.5, unsigned and signed).
  EXPECT_TRUE(built["ItemCount"].is_number_integer());
  EXPECT_TRUE(built["TableSizeBytes"].is_number_unsigned());
  EXPECT_TRUE(built["CreationDateTime"].is_number_float());
}

TEST(JsonObjectTest, AnEmptyListIsAnEmptyObject) {
  const json built = value::JsonObject({});
  EXPECT_TRUE(built.is_object());
  EXPECT_EQ(built.dump(), "{}");
}

TEST(JsonObjectTest, MovesAValueGivenToBeMoved) {
  json items = json::array({1, 2, 3});
  const json built = value::JsonObject({{"Items", std::move(items)}});
  EXPECT_EQ(built["Items"].size(), 3u);
  EXPECT_TRUE(items.is_null());  // moved from, not copied
}

TEST(JsonObjectTest, ANameGivenTwiceKeepsItsFirstValueAsInitializerListsDo) {
  const json built = value::JsonObject({{"A", 1}, {"A", 2}});
  const json listed = {{"A", 1}, {"A", 2}};
  EXPECT_EQ(built, listed);
  EXPECT_EQ(built["A"], 1);
}

}  // namespace
}  // namespace ddbpg
