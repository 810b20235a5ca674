#include <gtest/gtest.h>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

class ItemsTest : public EngineFixture {
 protected:
  void SetUp() override { CreateTable("tbl", "N"); }

  static json Key(const std::string& pk, const std::string& sk) {
    return {{"pk", {{"S", pk}}}, {"sk", {{"N", sk}}}};
  }
  // An item of exactly `bytes` bytes: pk "a" (2+1), sk "1" (2+2), pad attribute "p" (1 + n).
  static json ItemOfSize(size_t bytes) {
    json item = Key("a", "1");
    item["p"] = {{"S", std::string(bytes - 8, 'x')}};
    return item;
  }
};

TEST_F(ItemsTest, PutThenGetReturnsTheItemNormalised) {
  json item = Key("a", "1");
  item["price"] = {{"N", "019.50"}};
  item["tags"] = {{"SS", {"x", "y"}}};
  item["data"] = {{"B", "AAEC"}};
  Ok("PutItem", {{"TableName", "tbl"}, {"Item", item}});
  json got = Ok("GetItem", {{"TableName", "tbl"}, {"Key", Key("a", "1.0")}});
  EXPECT_EQ(got["Item"]["price"], json::parse(R"({"N":"19.5"})"));
  EXPECT_EQ(got["Item"]["tags"], json::parse(R"({"SS":["x","y"]})"));
  EXPECT_EQ(got["Item"]["data"], json::parse(R"({"B":"AAEC"})"));
}

TEST_F(ItemsTest, GetOfAMissingItemReturnsAnEmptyObject) {
  EXPECT_EQ(Ok("GetItem", {{"TableName", "tbl"}, {"Key", Key("a", "1")}}), json::object());
}

TEST_F(ItemsTest, AttributesToGetReturnsOnlyThoseAttributes) {
  json item = Key("a", "1");
  item["x"] = {{"S", "1"}};
  item["y"] = {{"S", "2"}};
  Ok("PutItem", {{"TableName", "tbl"}, {"Item", item}});
  json got = Ok("GetItem", {{"TableName", "tbl"}, {"Key", Key("a", "1")}, {"AttributesToGet", {"x", "nope"}}});
  EXPECT_EQ(got["Item"], json::parse(R"({"x":{"S":"1"}})"));
  EXPECT_EQ(ErrorOf(Call("GetItem", {{"TableName", "tbl"}, {"Key", Key("a", "1")},
                                     {"AttributesToGet", {"x", "x"}}})),
            "ValidationException: One or more parameter values were invalid: Duplicate value in "
            "attribute name: x");
}

TEST_F(ItemsTest, PutReturnsTheOldItemOnlyWithAllOld) {
  json first = Key("a", "1");
  first["v"] = {{"S", "old"}};
  EXPECT_EQ(Ok("PutItem", {{"TableName", "tbl"}, {"Item", first}, {"ReturnValues", "ALL_OLD"}}),
            json::object());
  json second = Key("a", "1");
  second["v"] = {{"S", "new"}};
  EXPECT_EQ(Ok("PutItem", {{"TableName", "tbl"}, {"Item", second}, {"ReturnValues", "ALL_OLD"}})["Attributes"]["v"],
            json::parse(R"({"S":"old"})"));
  EXPECT_EQ(Ok("PutItem", {{"TableName", "tbl"}, {"Item", second}, {"ReturnValues", "NONE"}}),
            json::object());
}

TEST_F(ItemsTest, PutAndDeleteAcceptOnlyAllOldOrNone) {
  EXPECT_EQ(ErrorOf(Call("PutItem", {{"TableName", "tbl"}, {"Item", Key("a", "1")},
                                     {"ReturnValues", "ALL_NEW"}})),
            "ValidationException: 1 validation error detected: ReturnValues can only be ALL_OLD "
            "or NONE");
  EXPECT_EQ(ErrorOf(Call("DeleteItem", {{"TableName", "tbl"}, {"Key", Key("a", "1")},
                                        {"ReturnValues", "UPDATED_OLD"}})),
            "ValidationException: 1 validation error detected: ReturnValues can only be ALL_OLD "
            "or NONE");
  EXPECT_EQ(ErrorOf(Call("PutItem", {{"TableName", "tbl"}, {"Item", Key("a", "1")},
                                     {"ReturnValues", "none"}})),
            "ValidationException: 1 validation error detected: Value 'none' at 'returnValues' "
            "failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, "
            "UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
}

TEST_F(ItemsTest, DeleteRemovesAndReturnsTheItem) {
  json item = Key("a", "1");
  item["v"] = {{"BOOL", true}};
  Ok("PutItem", {{"TableName", "tbl"}, {"Item", item}});
  json deleted = Ok("DeleteItem", {{"TableName", "tbl"}, {"Key", Key("a", "1")}, {"ReturnValues", "ALL_OLD"}});
  EXPECT_EQ(deleted["Attributes"], item);
  EXPECT_EQ(Ok("GetItem", {{"TableName", "tbl"}, {"Key", Key("a", "1")}}), json::object());
  EXPECT_EQ(Ok("DescribeTable", {{"TableName", "tbl"}})["Table"]["ItemCount"], 0);
}

TEST_F(ItemsTest, DescribeTableCountsItemsAndBytes) {
  Ok("PutItem", {{"TableName", "tbl"}, {"Item", ItemOfSize(100)}});
  json item = Key("b", "2");
  Ok("PutItem", {{"TableName", "tbl"}, {"Item", item}});
  json table = Ok("DescribeTable", {{"TableName", "tbl"}})["Table"];
  EXPECT_EQ(table["ItemCount"], 2);
  EXPECT_EQ(table["TableSizeBytes"], 100 + 7);
}

TEST_F(ItemsTest, WritesAreChargedPerKilobyteOnTheLargerOfOldAndNew) {
  auto put = [this](const json& item) {
    return Ok("PutItem", {{"TableName", "tbl"}, {"Item", item}, {"ReturnConsumedCapacity", "TOTAL"}})
        ["ConsumedCapacity"];
  };
  EXPECT_EQ(put(ItemOfSize(1024)), json::parse(R"({"TableName":"tbl","CapacityUnits":1.0})"));
  EXPECT_EQ(put(ItemOfSize(1025))["CapacityUnits"], 2.0);
  // Replacing a 3 KB item with a small one is charged on the old 3 KB.
  put(ItemOfSize(3000));
  EXPECT_EQ(put(ItemOfSize(100))["CapacityUnits"], 3.0);
  json deleted = Ok("DeleteItem", {{"TableName", "tbl"}, {"Key", Key("a", "1")},
                                   {"ReturnConsumedCapacity", "INDEXES"}});
  EXPECT_EQ(deleted["ConsumedCapacity"],
            json::parse(R"({"TableName":"tbl","CapacityUnits":1.0,"Table":{"CapacityUnits":1.0}})"));
  // Deleting nothing still costs a write.
  deleted = Ok("DeleteItem", {{"TableName", "tbl"}, {"Key", Key("a", "1")},
                              {"ReturnConsumedCapacity", "TOTAL"}});
  EXPECT_EQ(deleted["ConsumedCapacity"]["CapacityUnits"], 1.0);
}

TEST_F(ItemsTest, ReadsAreChargedPerFourKilobytesHalvedWhenEventual) {
  Ok("PutItem", {{"TableName", "tbl"}, {"Item", ItemOfSize(8193)}});
  auto get = [this](bool consistent, const json& key) {
    return Ok("GetItem", {{"TableName", "tbl"}, {"Key", key}, {"ConsistentRead", consistent},
                          {"ReturnConsumedCapacity", "TOTAL"}})["ConsumedCapacity"]["CapacityUnits"];
  };
  EXPECT_EQ(get(true, Key("a", "1")), 3.0);
  EXPECT_EQ(get(false, Key("a", "1")), 1.5);
  EXPECT_EQ(get(true, Key("zz", "1")), 1.0);
  EXPECT_EQ(get(false, Key("zz", "1")), 0.5);
  // Without ReturnConsumedCapacity there is no ConsumedCapacity member.
  EXPECT_FALSE(Ok("GetItem", {{"TableName", "tbl"}, {"Key", Key("a", "1")}}).contains("ConsumedCapacity"));
}

TEST_F(ItemsTest, ItemSizeLimitIsByteExact) {
  EXPECT_EQ(ErrorOf(Call("PutItem", {{"TableName", "tbl"}, {"Item", ItemOfSize(409600)}})), "OK");
  EXPECT_EQ(ErrorOf(Call("PutItem", {{"TableName", "tbl"}, {"Item", ItemOfSize(409601)}})),
            "ValidationException: Item size has exceeded the maximum allowed size");
  // The rejected put left the accepted item in place.
  json got = Ok("GetItem", {{"TableName", "tbl"}, {"Key", Key("a", "1")}});
  EXPECT_EQ(got["Item"]["p"]["S"].get<std::string>().size(), 409600u - 8u);
}

TEST_F(ItemsTest, KeyAttributesAreCheckedAgainstTheSchema) {
  EXPECT_EQ(ErrorOf(Call("PutItem", {{"TableName", "tbl"}, {"Item", {{"pk", {{"S", "a"}}}}}})),
            "ValidationException: One or more parameter values were invalid: Missing the key sk "
            "in the item");
  EXPECT_EQ(ErrorOf(Call("PutItem", {{"TableName", "tbl"},
                                     {"Item", {{"pk", {{"N", "1"}}}, {"sk", {{"N", "1"}}}}}})),
            "ValidationException: One or more parameter values were invalid: Type mismatch for "
            "key pk expected: S actual: N");
  EXPECT_EQ(ErrorOf(Call("PutItem", {{"TableName", "tbl"}, {"Item", Key("", "1")}})),
            "ValidationException: One or more parameter values are not valid. The AttributeValue "
            "for a key attribute cannot contain an empty string value. Key: pk");
  EXPECT_EQ(ErrorOf(Call("PutItem", {{"TableName", "tbl"}, {"Item", Key(std::string(2049, 'k'), "1")}})),
            "ValidationException: One or more parameter values were invalid: Size of hashkey has "
            "exceeded the maximum size limit of2048 bytes");
  EXPECT_EQ(ErrorOf(Call("PutItem", {{"TableName", "tbl"}, {"Item", Key(std::string(2048, 'k'), "1")}})),
            "OK");
}

TEST_F(ItemsTest, SortKeysLongerThan1024BytesAreRejected) {
  CreateTable("srt", "S");
  auto put = [this](size_t bytes) {
    return ErrorOf(Call("PutItem", {{"TableName", "srt"},
                                    {"Item", {{"pk", {{"S", "a"}}}, {"sk", {{"S", std::string(bytes, 's')}}}}}}));
  };
  EXPECT_EQ(put(1024), "OK");
  EXPECT_EQ(put(1025),
            "ValidationException: One or more parameter values were invalid: Aggregated size of "
            "all range keys has exceeded the size limit of 1024 bytes");
}

TEST_F(ItemsTest, KeyParametersMustMatchTheSchemaExactly) {
  const std::string mismatch =
      "ValidationException: The provided key element does not match the schema";
  EXPECT_EQ(ErrorOf(Call("GetItem", {{"TableName", "tbl"}, {"Key", {{"pk", {{"S", "a"}}}}}})), mismatch);
  json extra = Key("a", "1");
  extra["other"] = {{"S", "x"}};
  EXPECT_EQ(ErrorOf(Call("GetItem", {{"TableName", "tbl"}, {"Key", extra}})), mismatch);
  EXPECT_EQ(ErrorOf(Call("DeleteItem", {{"TableName", "tbl"},
                                        {"Key", {{"pk", {{"S", "a"}}}, {"sk", {{"S", "1"}}}}}})),
            mismatch);
}

TEST_F(ItemsTest, ItemOperationsOnMissingTablesAreNotFound) {
  for (const char* operation : {"PutItem", "GetItem", "DeleteItem"}) {
    json request = {{"TableName", "nope"}, {"Item", Key("a", "1")}, {"Key", Key("a", "1")}};
    EXPECT_EQ(ErrorOf(Call(operation, request)),
              "ResourceNotFoundException: Requested resource not found")
        << operation;
  }
}

TEST_F(ItemsTest, ValueErrorsInPutAreEnvelopedAndInGetAreBare) {
  json item = Key("a", "1");
  item["n"] = {{"N", "abc"}};
  EXPECT_EQ(ErrorOf(Call("PutItem", {{"TableName", "tbl"}, {"Item", item}})),
            "ValidationException: 1 validation error detected: The parameter cannot be converted "
            "to a numeric value: abc");
  EXPECT_EQ(ErrorOf(Call("GetItem", {{"TableName", "tbl"}, {"Key", Key("a", "1e999")}})),
            "ValidationException: Number overflow. Attempting to store a number with magnitude "
            "larger than supported range");
}

TEST_F(ItemsTest, MemberViolationsAreListedInTheServiceOrder) {
  EXPECT_EQ(ErrorOf(Call("PutItem", {{"ReturnConsumedCapacity", "ALL"}})),
            "ValidationException: 3 validation errors detected: Value 'ALL' at "
            "'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum "
            "value set: [INDEXES, TOTAL, NONE]; Value null at 'tableName' failed to satisfy "
            "constraint: Member must not be null; Value null at 'item' failed to satisfy "
            "constraint: Member must not be null");
  EXPECT_EQ(ErrorOf(Call("GetItem", {{"TableName", ""}, {"Key", Key("a", "1")}})),
            "ValidationException: 1 validation error detected: Value '' at 'tableName' failed "
            "to satisfy constraint: Member must have length greater than or equal to 1");
}

TEST_F(ItemsTest, WireTypeErrorsComeBeforeValidation) {
  EXPECT_EQ(ErrorOf(Call("PutItem", {{"TableName", "tbl"}, {"Item", "x"}})),
            "SerializationException: Unexpected field type");
  EXPECT_EQ(ErrorOf(Call("PutItem", {{"TableName", "tbl"}, {"Item", json::array()}})),
            "SerializationException: Unrecognized collection type java.util.Map<java.lang.String, "
            "com.amazonaws.dynamodb.v20120810.AttributeValue>");
  EXPECT_EQ(ErrorOf(Call("PutItem", {{"TableName", "tbl"}, {"Item", {{"a", "x"}}}})),
            "SerializationException: Unexpected value type in payload");
  EXPECT_EQ(ErrorOf(Call("GetItem", {{"Key", Key("a", "1")}, {"ConsistentRead", "yes"}})),
            "SerializationException: Unexpected token received from parser");
}

TEST_F(ItemsTest, SortKeysOrderNumbersNumerically) {
  for (const char* sk : {"10", "9", "-1", "0.5"}) Ok("PutItem", {{"TableName", "tbl"}, {"Item", Key("a", sk)}});
  for (const char* sk : {"10", "9", "-1", "0.5"}) {
    EXPECT_TRUE(Ok("GetItem", {{"TableName", "tbl"}, {"Key", Key("a", sk)}}).contains("Item")) << sk;
  }
  EXPECT_EQ(Ok("DescribeTable", {{"TableName", "tbl"}})["Table"]["ItemCount"], 4);
}

// Issue #10: attribute names, nested map keys included, may be up to 65,535 bytes long.
TEST_F(ItemsTest, AttributeNamesUpTo65535BytesAreStored) {
  const std::string longest(65535, 'a');
  json item = Key("a", "1");
  item[longest] = {{"S", "x"}};
  Ok("PutItem", {{"TableName", "tbl"}, {"Item", item}});
  EXPECT_TRUE(Ok("GetItem", {{"TableName", "tbl"}, {"Key", Key("a", "1")}})["Item"].contains(longest));

  const std::string message =
      "ValidationException: 1 validation error detected: Attribute name is too large, must be "
      "less than 65536 bytes";
  const std::string too_long(65536, 'a');
  json top = Key("b", "1");
  top[too_long] = {{"S", "x"}};
  EXPECT_EQ(ErrorOf(Call("PutItem", {{"TableName", "tbl"}, {"Item", top}})), message);
  json nested = Key("b", "1");
  nested["doc"] = {{"M", {{"inner", {{"L", {{{"M", {{too_long, {{"S", "x"}}}}}}}}}}}}};
  EXPECT_EQ(ErrorOf(Call("PutItem", {{"TableName", "tbl"}, {"Item", nested}})), message);
  EXPECT_EQ(ErrorOf(Call("UpdateItem", {{"TableName", "tbl"},
                                        {"Key", Key("b", "1")},
                                        {"UpdateExpression", "SET #n = :v"},
                                        {"ExpressionAttributeNames", {{"#n", too_long}}},
                                        {"ExpressionAttributeValues", {{":v", {{"S", "x"}}}}}})),
            message);
  EXPECT_EQ(ErrorOf(Call("BatchWriteItem",
                         {{"RequestItems", {{"tbl", {{{"PutRequest", {{"Item", top}}}}}}}}})),
            message);
  EXPECT_EQ(Ok("GetItem", {{"TableName", "tbl"}, {"Key", Key("b", "1")}}), json::object());
}

// An item's attribute needs a name: an empty one is refused by every write that stores the item,
// before its table is looked up, and nothing is stored.
TEST_F(ItemsTest, AnEmptyAttributeNameInAnItemIsRefused) {
  json item = Key("e", "1");
  item[""] = {{"S", "x"}};
  const std::string message = "ValidationException: Empty attribute name";
  for (const char* table : {"tbl", "absent"}) {
    EXPECT_EQ(ErrorOf(Call("PutItem", {{"TableName", table}, {"Item", item}})), message);
    EXPECT_EQ(ErrorOf(Call("TransactWriteItems",
                           {{"TransactItems", {{{"Put", {{"TableName", table}, {"Item", item}}}}}}})),
              message);
  }
  EXPECT_EQ(ErrorOf(Call("BatchWriteItem",
                         {{"RequestItems", {{"tbl", {{{"PutRequest", {{"Item", item}}}}}}}}})),
            message);
  EXPECT_EQ(Ok("GetItem", {{"TableName", "tbl"}, {"Key", Key("e", "1")}}), json::object());
  // A map's key is an attribute name too, at any depth.
  json nested = Key("e", "1");
  nested["doc"] = {{"L", {{{"M", {{"", {{"S", "x"}}}}}}}}};
  EXPECT_EQ(ErrorOf(Call("PutItem", {{"TableName", "tbl"}, {"Item", nested}})), message);
  EXPECT_EQ(ErrorOf(Call("UpdateItem", {{"TableName", "tbl"},
                                        {"Key", Key("e", "1")},
                                        {"UpdateExpression", "SET doc = :v"},
                                        {"ExpressionAttributeValues", {{":v", nested["doc"]}}}})),
            message);
  EXPECT_EQ(Ok("GetItem", {{"TableName", "tbl"}, {"Key", Key("e", "1")}}), json::object());
}

// A placeholder must name an attribute: an empty name is refused in every expression.
TEST_F(ItemsTest, AnEmptyExpressionAttributeNameIsRefused) {
  Ok("PutItem", {{"TableName", "tbl"}, {"Item", Key("a", "1")}});
  const std::string message =
      "ExpressionAttributeNames contains invalid value: Empty attribute name for key #a";
  // PutItem, UpdateItem and DeleteItem put their request-level messages in an envelope.
  EXPECT_EQ(ErrorOf(Call("UpdateItem", {{"TableName", "tbl"},
                                        {"Key", Key("a", "1")},
                                        {"UpdateExpression", "SET #a = :v"},
                                        {"ExpressionAttributeNames", {{"#a", ""}}},
                                        {"ExpressionAttributeValues", {{":v", {{"S", "x"}}}}}})),
            "ValidationException: 1 validation error detected: " + message);
  EXPECT_EQ(ErrorOf(Call("GetItem", {{"TableName", "tbl"},
                                     {"Key", Key("a", "1")},
                                     {"ProjectionExpression", "#a"},
                                     {"ExpressionAttributeNames", {{"#a", ""}}}})),
            "ValidationException: " + message);
  // Nothing was written.
  EXPECT_EQ(Ok("GetItem", {{"TableName", "tbl"}, {"Key", Key("a", "1")}})["Item"].size(), 2u);
}

}  // namespace
}  // namespace ddbpg::testing
