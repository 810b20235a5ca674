#include <gtest/gtest.h>

#include <string>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

constexpr const char* kTableNameKeysConstraint =
    "Map keys must satisfy constraint: [Member must have length less than or equal to 255, "
    "Member must have length greater than or equal to 3, Member must satisfy regular "
    "expression pattern: [a-zA-Z0-9_.-]+]";
constexpr const char* kWriteListValuesConstraint =
    "Map value must satisfy constraint: [Member must have length less than or equal to 25, "
    "Member must have length greater than or equal to 1]";
constexpr const char* kCastMessage =
    "SerializationException: class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl "
    "cannot be cast to class java.lang.Class (sun.reflect.generics.reflectiveObjects."
    "ParameterizedTypeImpl and java.lang.Class are in module java.base of loader 'bootstrap')";
constexpr const char* kProvisionedExceeded =
    "ProvisionedThroughputExceededException: The level of configured provisioned throughput for "
    "the table was exceeded. Consider increasing your provisioning level with the UpdateTable "
    "API.";

// Tables: "tbl" (pk S) and "composite" (pk S, sk N), both on demand.
class BatchTest : public EngineFixture {
 protected:
  void SetUp() override {
    CreateTable("tbl");
    CreateTable("composite", "N");
  }

  static json Key(const std::string& pk) { return {{"pk", {{"S", pk}}}}; }
  static json CompositeKey(const std::string& pk, const std::string& sk) {
    return {{"pk", {{"S", pk}}}, {"sk", {{"N", sk}}}};
  }
  // An item of exactly `bytes` bytes: "pk" + its value, "p" + padding.
  static json ItemOfSize(const std::string& pk, size_t bytes) {
    json item = Key(pk);
    item["p"] = {{"S", std::string(bytes - 3 - pk.size(), 'x')}};
    return item;
  }
  static json Put(const json& item) { return {{"PutRequest", {{"Item", item}}}}; }
  static json Delete(const json& key) { return {{"DeleteRequest", {{"Key", key}}}}; }
  static std::string Pad(int i) { return (i < 10 ? "0" : "") + std::to_string(i); }

  std::string GetError(const json& body) { return ErrorOf(Call("BatchGetItem", body)); }
  std::string WriteError(const json& body) { return ErrorOf(Call("BatchWriteItem", body)); }
  json Get(const std::string& table, const json& key) {
    return Ok("GetItem", {{"TableName", table}, {"Key", key}});
  }
};

// --- BatchWriteItem then BatchGetItem ------------------------------------------------------

TEST_F(BatchTest, WritesThenReadsItemsAcrossTables) {
  json a = Key("a"), b = Key("b"), c = CompositeKey("x", "1");
  a["v"] = {{"S", "first"}};
  c["v"] = {{"N", "2.50"}};
  EXPECT_EQ(Ok("BatchWriteItem",
               {{"RequestItems", {{"tbl", {Put(a), Put(b)}}, {"composite", {Put(c)}}}}}),
            json::parse(R"({"UnprocessedItems":{}})"));

  json got =
      Ok("BatchGetItem",
         {{"RequestItems",
           {{"tbl", {{"Keys", {Key("a"), Key("b"), Key("missing")}}}},
            {"composite", {{"Keys", {CompositeKey("x", "1.0")}}, {"ConsistentRead", true}}}}}});
  json expected_composite = c;
  expected_composite["v"] = {{"N", "2.5"}};
  EXPECT_EQ(got, json({{"Responses", {{"tbl", {a, b}}, {"composite", {expected_composite}}}},
                       {"UnprocessedKeys", json::object()}}));
}

TEST_F(BatchTest, OneWriteRequestListMixesPutsAndDeletes) {
  Ok("PutItem", {{"TableName", "tbl"}, {"Item", Key("old")}});
  Ok("BatchWriteItem",
     {{"RequestItems", {{"tbl", {Delete(Key("old")), Put(Key("new")), Delete(Key("never"))}}}}});
  EXPECT_EQ(Get("tbl", Key("old")), json::object());
  EXPECT_EQ(Get("tbl", Key("new"))["Item"], Key("new"));
  EXPECT_EQ(Ok("DescribeTable", {{"TableName", "tbl"}})["Table"]["ItemCount"], 1);
}

TEST_F(BatchTest, GetReturnsAnEmptyListForATableWithNoMatches) {
  EXPECT_EQ(Ok("BatchGetItem", {{"RequestItems", {{"tbl", {{"Keys", {Key("nobody")}}}}}}}),
            json::parse(R"({"Responses":{"tbl":[]},"UnprocessedKeys":{}})"));
}

TEST_F(BatchTest, ProjectionsApplyPerTable) {
  json item = Key("a");
  item["x"] = {{"S", "1"}};
  item["y"] = {{"M", {{"z", {{"N", "3"}}}, {"w", {{"BOOL", true}}}}}};
  Ok("PutItem", {{"TableName", "tbl"}, {"Item", item}});
  Ok("PutItem", {{"TableName", "tbl"}, {"Item", Key("bare")}});
  json nested = CompositeKey("a", "1");
  nested["y"] = item["y"];
  Ok("PutItem", {{"TableName", "composite"}, {"Item", nested}});

  // (AttributesToGet and ProjectionExpression cannot share a request, even on two tables.)
  json got =
      Ok("BatchGetItem",
         {{"RequestItems",
           {{"tbl", {{"Keys", {Key("a"), Key("bare")}}, {"AttributesToGet", {"x", "nope"}}}}}}});
  // An item with none of the attributes still comes back, as an empty object.
  EXPECT_EQ(got["Responses"]["tbl"], json::parse(R"([{"x":{"S":"1"}},{}])"));
  got = Ok("BatchGetItem", {{"RequestItems",
                             {{"tbl", {{"Keys", {Key("a")}}, {"ProjectionExpression", "x"}}},
                              {"composite",
                               {{"Keys", {CompositeKey("a", "1")}},
                                {"ProjectionExpression", "#y.z"},
                                {"ExpressionAttributeNames", {{"#y", "y"}}}}}}}});
  EXPECT_EQ(got["Responses"]["tbl"], json::parse(R"([{"x":{"S":"1"}}])"));
  EXPECT_EQ(got["Responses"]["composite"], json::parse(R"([{"y":{"M":{"z":{"N":"3"}}}}])"));
}

// --- capacity ------------------------------------------------------------------------------

TEST_F(BatchTest, ReadsAreChargedPerItemRoundedToFourKilobytesSeparately) {
  Ok("PutItem", {{"TableName", "tbl"}, {"Item", ItemOfSize("s", 1536)}});  // 1.5 KB
  Ok("PutItem", {{"TableName", "tbl"}, {"Item", ItemOfSize("l", 6656)}});  // 6.5 KB
  json request = {
      {"RequestItems",
       {{"tbl", {{"Keys", {Key("s"), Key("l"), Key("missing")}}, {"ConsistentRead", true}}},
        {"composite", {{"Keys", {CompositeKey("missing", "1")}}}}}},
      {"ReturnConsumedCapacity", "TOTAL"}};
  // 1 + 2 + 1 for tbl (8 KB as one block would be 2 + 1); a missing key costs a read.
  EXPECT_EQ(Ok("BatchGetItem", request)["ConsumedCapacity"],
            json::parse(R"([{"TableName":"composite","CapacityUnits":0.5},
                            {"TableName":"tbl","CapacityUnits":4.0}])"));
  request["RequestItems"]["tbl"]["ConsistentRead"] = false;
  request["ReturnConsumedCapacity"] = "INDEXES";
  EXPECT_EQ(
      Ok("BatchGetItem", request)["ConsumedCapacity"],
      json::parse(R"([{"TableName":"composite","CapacityUnits":0.5,"Table":{"CapacityUnits":0.5}},
                      {"TableName":"tbl","CapacityUnits":2.0,"Table":{"CapacityUnits":2.0}}])"));
  request["ReturnConsumedCapacity"] = "NONE";
  EXPECT_FALSE(Ok("BatchGetItem", request).contains("ConsumedCapacity"));
}

TEST_F(BatchTest, WritesAreChargedPerItemRoundedToOneKilobyteSeparately) {
  // 500 B + 3.5 KB: 1 + 4 = 5 units (4 as one block).
  json written =
      Ok("BatchWriteItem", {{"RequestItems",
                             {{"tbl", {Put(ItemOfSize("a", 500)), Put(ItemOfSize("b", 3584))}},
                              {"composite", {Put(CompositeKey("c", "1"))}}}},
                            {"ReturnConsumedCapacity", "TOTAL"}});
  EXPECT_EQ(written, json::parse(R"({"UnprocessedItems":{},"ConsumedCapacity":[
      {"TableName":"composite","CapacityUnits":1.0},{"TableName":"tbl","CapacityUnits":5.0}]})"));
  // Replacing the 3.5 KB item with a small one pays for the old item; a delete pays for the
  // item it removes.
  written = Ok("BatchWriteItem",
               {{"RequestItems", {{"tbl", {Put(ItemOfSize("b", 100)), Delete(Key("a"))}}}},
                {"ReturnConsumedCapacity", "INDEXES"}});
  EXPECT_EQ(
      written["ConsumedCapacity"],
      json::parse(R"([{"TableName":"tbl","CapacityUnits":5.0,"Table":{"CapacityUnits":5.0}}])"));
  // Deleting nothing still costs a write.
  written = Ok("BatchWriteItem", {{"RequestItems", {{"tbl", {Delete(Key("a"))}}}},
                                  {"ReturnConsumedCapacity", "TOTAL"}});
  EXPECT_EQ(written["ConsumedCapacity"],
            json::parse(R"([{"TableName":"tbl","CapacityUnits":1.0}])"));
}

// --- the 16 MB response -------------------------------------------------------------------

TEST_F(BatchTest, ResponsesStopAtSixteenMegabytesAndTheRestIsUnprocessed) {
  // 100 items of 390 KB (39 MB): 42 fit in 16 MB (16,773,120 bytes; a 43rd would pass it).
  json keys = json::array();
  for (int i = 0; i < 100; ++i) {
    Ok("PutItem", {{"TableName", "tbl"}, {"Item", ItemOfSize("k" + Pad(i), 390 * 1024)}});
    keys.push_back(Key("k" + Pad(i)));
    clock_.Advance(1);  // 390 WCU each: stay under a partition's 1,000 WCU per second
  }
  json got = Ok("BatchGetItem",
                {{"RequestItems", {{"tbl", {{"Keys", keys}, {"ProjectionExpression", "pk"}}}}},
                 {"ReturnConsumedCapacity", "TOTAL"}});
  ASSERT_EQ(got["Responses"]["tbl"].size(), 42u);
  EXPECT_EQ(got["Responses"]["tbl"][41], Key("k41"));
  // The limit counts the items read, not the projection returned; UnprocessedKeys keeps the
  // table's other members so it can be sent back as it is.
  json unprocessed = got["UnprocessedKeys"]["tbl"];
  EXPECT_EQ(unprocessed["ProjectionExpression"], "pk");
  ASSERT_EQ(unprocessed["Keys"].size(), 58u);
  EXPECT_EQ(unprocessed["Keys"][0], Key("k42"));
  // Only the keys read are charged: 42 x 390 KB, each 98 units halved.
  EXPECT_EQ(got["ConsumedCapacity"],
            json::parse(R"([{"TableName":"tbl","CapacityUnits":2058.0}])"));

  clock_.Advance(1);
  json retried = Ok("BatchGetItem", {{"RequestItems", got["UnprocessedKeys"]}});
  EXPECT_EQ(retried["Responses"]["tbl"].size(), 42u);
  EXPECT_EQ(retried["UnprocessedKeys"]["tbl"]["Keys"].size(), 16u);
}

// --- throttling ---------------------------------------------------------------------------

TEST_F(BatchTest, ThrottledWritesComeBackAsUnprocessedItems) {
  CreateProvisioned("slow", 1, 1);  // 300 write units of burst
  json requests = json::array();
  for (int i = 0; i < 25; ++i) requests.push_back(Put(ItemOfSize("w" + Pad(i), 20 * 1024)));
  json written = Ok("BatchWriteItem",
                    {{"RequestItems", {{"slow", requests}}}, {"ReturnConsumedCapacity", "TOTAL"}});
  // 15 writes of 20 units use the burst; the other 10 are returned as sent.
  ASSERT_EQ(written["UnprocessedItems"]["slow"].size(), 10u);
  EXPECT_EQ(written["UnprocessedItems"]["slow"][0], requests[15]);
  EXPECT_EQ(written["ConsumedCapacity"],
            json::parse(R"([{"TableName":"slow","CapacityUnits":300.0}])"));
  EXPECT_EQ(Ok("DescribeTable", {{"TableName", "slow"}})["Table"]["ItemCount"], 15);

  // Nothing left: throttled on every table is an error, not an empty result.
  json retry = {{"RequestItems", written["UnprocessedItems"]}};
  EXPECT_EQ(WriteError(retry), kProvisionedExceeded);
  clock_.Advance(200);
  EXPECT_EQ(Ok("BatchWriteItem", retry), json::parse(R"({"UnprocessedItems":{}})"));
  EXPECT_EQ(Ok("DescribeTable", {{"TableName", "slow"}})["Table"]["ItemCount"], 25);
}

TEST_F(BatchTest, ThrottledReadsComeBackAsUnprocessedKeys) {
  CreateProvisioned("slow", 1, 100);  // 300 read units of burst
  json keys = json::array();
  for (int i = 0; i < 25; ++i) {
    Ok("PutItem", {{"TableName", "slow"}, {"Item", ItemOfSize("r" + Pad(i), 60 * 1024)}});
    keys.push_back(Key("r" + Pad(i)));
    clock_.Advance(1);
  }
  json request = {{"RequestItems", {{"slow", {{"Keys", keys}, {"ConsistentRead", true}}}}},
                  {"ReturnConsumedCapacity", "TOTAL"}};
  json got = Ok("BatchGetItem", request);
  // 15 units a read: 20 reads use the 300 units, the last 5 keys wait.
  EXPECT_EQ(got["Responses"]["slow"].size(), 20u);
  json five_keys = json::array();
  for (int i = 20; i < 25; ++i) five_keys.push_back(Key("r" + Pad(i)));
  EXPECT_EQ(got["UnprocessedKeys"],
            json({{"slow", {{"Keys", five_keys}, {"ConsistentRead", true}}}}));
  EXPECT_EQ(got["ConsumedCapacity"],
            json::parse(R"([{"TableName":"slow","CapacityUnits":300.0}])"));
  EXPECT_EQ(GetError({{"RequestItems", got["UnprocessedKeys"]}}), kProvisionedExceeded);
}

// --- BatchGetItem: serialization and validation ---------------------------------------------

TEST_F(BatchTest, GetRejectsMembersOfTheWrongJsonType) {
  auto with_items = [](const json& request_items) { return json{{"RequestItems", request_items}}; };
  EXPECT_EQ(GetError(with_items(json::array())),
            "SerializationException: Unrecognized collection type java.util.Map<java.lang.String, "
            "com.amazonaws.dynamodb.v20120810.KeysAndAttributes>");
  EXPECT_EQ(GetError(with_items({{"tbl", "x"}})),
            "SerializationException: Unexpected value type in payload");
  EXPECT_EQ(GetError(with_items({{"tbl", json::array()}})),
            "SerializationException: Unrecognized collection type class "
            "com.amazonaws.dynamodb.v20120810.KeysAndAttributes");
  EXPECT_EQ(GetError(with_items({{"tbl", {{"Keys", "x"}}}})),
            "SerializationException: Unexpected field type");
  EXPECT_EQ(GetError(with_items({{"tbl", {{"Keys", {"x"}}}}})), kCastMessage);
  EXPECT_EQ(GetError(with_items({{"tbl", {{"Keys", {json::array()}}}}})),
            "SerializationException: Unrecognized collection type java.util.Map<java.lang.String, "
            "com.amazonaws.dynamodb.v20120810.AttributeValue>");
  EXPECT_EQ(GetError(with_items({{"tbl", {{"Keys", {{{"pk", "x"}}}}}}})),
            "SerializationException: Unexpected value type in payload");
  EXPECT_EQ(GetError(with_items({{"tbl", {{"Keys", {Key("a")}}, {"ConsistentRead", "yes"}}}})),
            "SerializationException: Unexpected token received from parser");
  EXPECT_EQ(GetError(with_items({{"tbl", {{"Keys", {Key("a")}}, {"AttributesToGet", {1}}}}})),
            "SerializationException: NUMBER_VALUE cannot be converted to String");
  EXPECT_EQ(GetError({{"RequestItems", {{"tbl", {{"Keys", {Key("a")}}}}}},
                      {"ReturnConsumedCapacity", 1}}),
            "SerializationException: NUMBER_VALUE cannot be converted to String");
}

TEST_F(BatchTest, GetNeedsRequestItems) {
  EXPECT_EQ(GetError(json::object()),
            "ValidationException: 1 validation error detected: Value at 'RequestItems' failed to "
            "satisfy constraint: Member must not be null");
  EXPECT_EQ(GetError({{"RequestItems", json::object()}}),
            "ValidationException: 1 validation error detected: Value at 'RequestItems' failed to "
            "satisfy constraint: Member must have length greater than or equal to 1");
  EXPECT_EQ(GetError({{"ReturnConsumedCapacity", "hi"}}),
            "ValidationException: 2 validation errors detected: Value 'hi' at "
            "'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value "
            "set: [INDEXES, TOTAL, NONE]; Value at 'RequestItems' failed to satisfy constraint: "
            "Member must not be null");
}

TEST_F(BatchTest, GetTakesOneToOneHundredKeysPerTable) {
  EXPECT_EQ(GetError({{"RequestItems", {{"tbl", json::object()}}}}),
            "ValidationException: 1 validation error detected: Value at "
            "'RequestItems.tbl.member.Keys' failed to satisfy constraint: Member must not be null");
  EXPECT_EQ(GetError({{"RequestItems", {{"tbl", {{"Keys", json::array()}}}}}}),
            "ValidationException: 1 validation error detected: Value at "
            "'RequestItems.tbl.member.Keys' failed to satisfy constraint: Member must have length "
            "greater than or equal to 1");
  json keys = json::array();
  for (int i = 0; i < 101; ++i) keys.push_back(Key(std::to_string(i)));
  EXPECT_EQ(GetError({{"RequestItems", {{"tbl", {{"Keys", keys}}}}}}),
            "ValidationException: 1 validation error detected: Value at "
            "'RequestItems.tbl.member.Keys' failed to satisfy constraint: Member must have length "
            "less than or equal to 100");
  EXPECT_EQ(GetError({{"RequestItems",
                       {{"tbl", {{"Keys", {Key("a")}}, {"AttributesToGet", json::array()}}}}}}),
            "ValidationException: 1 validation error detected: Value at "
            "'RequestItems.tbl.member.AttributesToGet' failed to satisfy constraint: Member must "
            "have length greater than or equal to 1");
}

TEST_F(BatchTest, GetTakesAtMostOneHundredKeysInTotal) {
  json keys = json::array();
  for (int i = 0; i < 100; ++i) keys.push_back(Key(std::to_string(i)));
  EXPECT_EQ(GetError({{"RequestItems",
                       {{"tbl", {{"Keys", keys}}},
                        {"composite", {{"Keys", {CompositeKey("a", "1")}}}}}}}),
            "ValidationException: Too many items requested for the BatchGetItem call");
  // Exactly 100 passes validation and reaches the table lookup.
  EXPECT_EQ(GetError({{"RequestItems", {{"nosuch", {{"Keys", keys}}}}}}),
            "ResourceNotFoundException: Requested resource not found");
}

TEST_F(BatchTest, GetChecksTableNamesAndEchoesTheMap) {
  // Captured from the service in 2026: the map comes back as JSON.
  EXPECT_EQ(GetError({{"RequestItems", {{"bad!name", {{"Keys", {Key("a")}}}}}}}),
            std::string("ValidationException: 1 validation error detected: Value "
                        "'{\"bad!name\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}]}}' at 'requestItems' "
                        "failed to satisfy constraint: ") +
                kTableNameKeysConstraint);
  EXPECT_EQ(GetError({{"RequestItems", {{"ab", {{"Keys", {Key("a")}}}}}}}),
            std::string("ValidationException: 1 validation error detected: Value "
                        "'{\"ab\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}]}}' at 'requestItems' "
                        "failed to satisfy constraint: ") +
                kTableNameKeysConstraint);
}

TEST_F(BatchTest, GetRejectsDuplicateKeysBeforeLookingUpTheTable) {
  EXPECT_EQ(GetError({{"RequestItems", {{"tbl", {{"Keys", {Key("a"), Key("b"), Key("a")}}}}}}}),
            "ValidationException: Provided list of item keys contains duplicates");
  // The same number written two ways, attributes in another order, on a table that does not
  // exist: still a duplicate.
  EXPECT_EQ(
      GetError(
          {{"RequestItems",
            {{"nosuch",
              {{"Keys",
                {CompositeKey("a", "1"), json{{"sk", {{"N", "1.0"}}}, {"pk", {{"S", "a"}}}}}}}}}}}),
      "ValidationException: Provided list of item keys contains duplicates");
  // The same key in two tables is two items.
  EXPECT_EQ(GetError({{"RequestItems",
                       {{"tbl", {{"Keys", {Key("a")}}}}, {"composite", {{"Keys", {Key("a")}}}}}}}),
            "ValidationException: The provided key element does not match the schema");
}

TEST_F(BatchTest, GetChecksEachTableAndKey) {
  EXPECT_EQ(GetError({{"RequestItems", {{"nosuch", {{"Keys", {json::object()}}}}}}}),
            "ResourceNotFoundException: Requested resource not found");
  EXPECT_EQ(GetError({{"RequestItems",
                       {{"tbl", {{"Keys", {Key("a")}}}}, {"zzz", {{"Keys", {Key("a")}}}}}}}),
            "ResourceNotFoundException: Requested resource not found");
  for (const json& key : {json::object(), json{{"pk", {{"N", "1"}}}},
                          json{{"pk", {{"S", "a"}}}, {"other", {{"S", "b"}}}}}) {
    EXPECT_EQ(GetError({{"RequestItems", {{"tbl", {{"Keys", {key}}}}}}}),
              "ValidationException: The provided key element does not match the schema")
        << key;
  }
  EXPECT_EQ(GetError({{"RequestItems", {{"composite", {{"Keys", {Key("a")}}}}}}}),
            "ValidationException: The provided key element does not match the schema");
  EXPECT_EQ(GetError({{"RequestItems", {{"tbl", {{"Keys", {Key(std::string(2049, 'k'))}}}}}}}),
            "ValidationException: One or more parameter values were invalid: Size of hashkey has "
            "exceeded the maximum size limit of2048 bytes");
  EXPECT_EQ(GetError({{"RequestItems", {{"tbl", {{"Keys", {Key("")}}}}}}}),
            "ValidationException: One or more parameter values are not valid. The AttributeValue "
            "for a key attribute cannot contain an empty string value. Key: pk");
  EXPECT_EQ(
      GetError({{"RequestItems", {{"tbl", {{"Keys", {json{{"pk", {{"S", "a"}, {"N", "1"}}}}}}}}}}}),
      "ValidationException: Supplied AttributeValue has more than one datatypes set, must "
      "contain exactly one of the supported datatypes");
}

TEST_F(BatchTest, GetRefusesExpressionAndLegacyProjectionsEvenAcrossTables) {
  const std::string mixing =
      "ValidationException: Can not use both expression and non-expression parameters in the "
      "same request: Non-expression parameters: {AttributesToGet} Expression parameters: "
      "{ProjectionExpression}";
  EXPECT_EQ(GetError({{"RequestItems",
                       {{"tbl",
                         {{"Keys", {Key("a")}},
                          {"AttributesToGet", {"pk"}},
                          {"ProjectionExpression", "pk"}}}}}}),
            mixing);
  EXPECT_EQ(
      GetError(
          {{"RequestItems",
            {{"tbl", {{"Keys", {Key("a")}}, {"ProjectionExpression", "pk"}}},
             {"composite", {{"Keys", {CompositeKey("a", "1")}}, {"AttributesToGet", {"pk"}}}}}}}),
      mixing);
}

TEST_F(BatchTest, GetValidatesProjectionsAsGetItemDoes) {
  auto with = [](const json& members) {
    json table = members;
    table["Keys"] = json::array({Key("a")});
    return json{{"RequestItems", {{"tbl", table}}}};
  };
  EXPECT_EQ(GetError(with(json::parse(R"({"AttributesToGet": ["a", "a"]})"))),
            "ValidationException: One or more parameter values were invalid: Duplicate value in "
            "attribute name: a");
  EXPECT_EQ(GetError(with(json::parse(R"({"ProjectionExpression": ""})"))),
            "ValidationException: Invalid ProjectionExpression: The expression can not be empty;");
  EXPECT_EQ(GetError(with(json::parse(R"({"ExpressionAttributeNames": {"#a": "a"}})"))),
            "ValidationException: ExpressionAttributeNames can only be specified when using "
            "expressions");
  EXPECT_EQ(GetError(with(json::parse(R"({"ProjectionExpression": "#x"})"))),
            "ValidationException: Invalid ProjectionExpression: An expression attribute name used "
            "in the document path is not defined; attribute name: #x");
}

// --- BatchWriteItem: serialization and validation -------------------------------------------

TEST_F(BatchTest, WriteRejectsMembersOfTheWrongJsonType) {
  auto with_items = [](const json& request_items) { return json{{"RequestItems", request_items}}; };
  EXPECT_EQ(WriteError(with_items(json::array())),
            "SerializationException: Unrecognized collection type java.util.Map<java.lang.String, "
            "java.util.List<com.amazonaws.dynamodb.v20120810.WriteRequest>>");
  EXPECT_EQ(WriteError(with_items("x")), "SerializationException: Unexpected field type");
  EXPECT_EQ(WriteError(with_items({{"tbl", json::object()}})),
            "SerializationException: Start of structure or map found where not expected");
  EXPECT_EQ(WriteError(with_items({{"tbl", "x"}})), kCastMessage);
  EXPECT_EQ(WriteError(with_items({{"tbl", {"x"}}})),
            "SerializationException: Unexpected value type in payload");
  EXPECT_EQ(WriteError(with_items({{"tbl", {json::array()}}})),
            "SerializationException: Unrecognized collection type class "
            "com.amazonaws.dynamodb.v20120810.WriteRequest");
  EXPECT_EQ(WriteError(with_items({{"tbl", {{{"PutRequest", "x"}}}}})),
            "SerializationException: Unexpected field type");
  EXPECT_EQ(WriteError(with_items({{"tbl", {{{"DeleteRequest", json::array()}}}}})),
            "SerializationException: Unrecognized collection type class "
            "com.amazonaws.dynamodb.v20120810.DeleteRequest");
  EXPECT_EQ(WriteError(with_items({{"tbl", {{{"PutRequest", {{"Item", json::array()}}}}}}})),
            "SerializationException: Unrecognized collection type java.util.Map<java.lang.String, "
            "com.amazonaws.dynamodb.v20120810.AttributeValue>");
  EXPECT_EQ(WriteError(with_items({{"tbl", {Put({{"pk", {{"S", 5}}}})}}})),
            "SerializationException: NUMBER_VALUE cannot be converted to String");
  EXPECT_EQ(WriteError({{"RequestItems", {{"tbl", {Put(Key("a"))}}}},
                        {"ReturnItemCollectionMetrics", true}}),
            "SerializationException: TRUE_VALUE cannot be converted to String");
}

TEST_F(BatchTest, WriteNeedsRequestItems) {
  EXPECT_EQ(WriteError(json::object()),
            "ValidationException: 1 validation error detected: Value at 'RequestItems' failed to "
            "satisfy constraint: Member must not be null");
  EXPECT_EQ(WriteError({{"RequestItems", json::object()}}),
            "ValidationException: 1 validation error detected: Value at 'RequestItems' failed to "
            "satisfy constraint: Member must have length greater than or equal to 1");
  EXPECT_EQ(WriteError({{"ReturnConsumedCapacity", "hi"}, {"ReturnItemCollectionMetrics", "hi"}}),
            "ValidationException: 3 validation errors detected: Value 'hi' at "
            "'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value "
            "set: [INDEXES, TOTAL, NONE]; Value 'hi' at 'returnItemCollectionMetrics' failed to "
            "satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]; Value at "
            "'RequestItems' failed to satisfy constraint: Member must not be null");
}

TEST_F(BatchTest, WriteTakesOneToTwentyFiveRequestsPerTable) {
  EXPECT_EQ(WriteError({{"RequestItems", {{"tbl", json::array()}}}}),
            std::string("ValidationException: 1 validation error detected: Value '{tbl=[]}' at "
                        "'requestItems' failed to satisfy constraint: ") +
                kWriteListValuesConstraint);
  json requests = json::array();
  for (int i = 0; i < 26; ++i) requests.push_back(Put(Key(std::to_string(i))));
  // The whole map is echoed as the service's request model prints it (captured in 2026).
  std::string error = WriteError({{"RequestItems", {{"tbl", requests}}}});
  EXPECT_EQ(error.rfind("ValidationException: 1 validation error detected: Value "
                        "'{tbl=[WriteRequest(putRequest=PutRequest(item={pk={S=0}}), "
                        "deleteRequest=null), WriteRequest(putRequest=PutRequest(item={pk={S=1}}), ",
                        0),
            0u)
      << error;
  const std::string tail =
      std::string("deleteRequest=null)]}' at 'requestItems' failed to satisfy constraint: ") +
      kWriteListValuesConstraint;
  EXPECT_EQ(error.substr(error.size() - tail.size()), tail);
  // A table name outside the pattern: the same echo, a delete's key too.
  EXPECT_EQ(WriteError({{"RequestItems",
                         {{"bad!name", {{{"DeleteRequest", {{"Key", Key("x")}}}}}}}}}),
            "ValidationException: 1 validation error detected: Value "
            "'{bad!name=[WriteRequest(putRequest=null, "
            "deleteRequest=DeleteRequest(key={pk={S=x}}))]}' at 'requestItems' failed to satisfy constraint: Map keys must satisfy constraint: "
            "[Member must have length less than or equal to 255, Member must have length greater "
            "than or equal to 3, Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]");
}

TEST_F(BatchTest, WriteTakesAtMostTwentyFiveRequestsInTotal) {
  json twenty = json::array(), ten = json::array();
  for (int i = 0; i < 20; ++i) twenty.push_back(Put(Key(std::to_string(i))));
  for (int i = 0; i < 10; ++i) ten.push_back(Put(CompositeKey(std::to_string(i), "1")));
  EXPECT_EQ(WriteError({{"RequestItems", {{"tbl", twenty}, {"composite", ten}}}}),
            "ValidationException: Too many items requested for the BatchWriteItem call");
  EXPECT_EQ(Ok("DescribeTable", {{"TableName", "tbl"}})["Table"]["ItemCount"], 0);
}

// Measured in 2026 (us-east-1, eu-west-2): an unknown enum is reported alone, the RequestItems
// map's faults only without one (dynalite's older recordings listed all five together).
TEST_F(BatchTest, WriteReportsAnUnknownEnumAloneThenTableNamesAndMissingMembersTogether) {
  const json request_items = {
      {"aa;", {{{"PutRequest", json::object()}, {"DeleteRequest", json::object()}}}}};
  EXPECT_EQ(WriteError({{"RequestItems", request_items},
                        {"ReturnConsumedCapacity", "hi"},
                        {"ReturnItemCollectionMetrics", "hi"}}),
            "ValidationException: 2 validation errors detected: Value 'hi' at "
            "'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy "
            "enum value set: [INDEXES, TOTAL, NONE]; Value 'hi' at "
            "'returnItemCollectionMetrics' failed to satisfy constraint: Member must "
            "satisfy enum value set: [SIZE, NONE]");
  EXPECT_EQ(WriteError({{"RequestItems", request_items}}),
            std::string("ValidationException: 3 validation errors detected: Value "
                        "'{aa;=[WriteRequest(putRequest=PutRequest(item=null), "
                        "deleteRequest=DeleteRequest(key=null))]}' at 'requestItems' failed to "
                        "satisfy constraint: ") +
                kTableNameKeysConstraint +
                "; Value null at 'requestItems.aa;.member.1.member.deleteRequest.key' failed to "
                "satisfy constraint: Member must not be null; Value null at "
                "'requestItems.aa;.member.1.member.putRequest.item' failed to satisfy constraint: "
                "Member must not be null");
}

// BatchGetItem lists the RequestItems map's faults first, then an unknown ReturnConsumedCapacity
// (measured in 2026).
TEST_F(BatchTest, GetReportsTableNamesBeforeAnUnknownEnum) {
  EXPECT_EQ(GetError({{"RequestItems", {{"bad!name", {{"Keys", {Key("a")}}}}}},
                      {"ReturnConsumedCapacity", "BOGUS"}}),
            std::string("ValidationException: 2 validation errors detected: Value "
                        "'{\"bad!name\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}]}}' at 'requestItems' "
                        "failed to satisfy constraint: ") +
                kTableNameKeysConstraint +
                "; Value 'BOGUS' at 'returnConsumedCapacity' failed to satisfy constraint: Member "
                "must satisfy enum value set: [INDEXES, TOTAL, NONE]");
}

TEST_F(BatchTest, EachWriteRequestHoldsExactlyOnePutOrDelete) {
  const std::string expected =
      "ValidationException: Supplied AttributeValue has more than one datatypes set, must "
      "contain exactly one of the supported datatypes";
  EXPECT_EQ(WriteError({{"RequestItems", {{"tbl", {json::object()}}}}}), expected);
  json both = Put(Key("a"));
  both["DeleteRequest"] = {{"Key", Key("b")}};
  EXPECT_EQ(WriteError({{"RequestItems", {{"tbl", {Put(Key("c")), both}}}}}), expected);
  EXPECT_EQ(Get("tbl", Key("c")), json::object());
}

TEST_F(BatchTest, WriteRejectsTwoRequestsForOneItem) {
  for (const json& requests :
       {json{Put(Key("a")), Delete(Key("a"))}, json{Delete(Key("a")), Put(Key("a"))},
        json{Put(Key("a")), Put(Key("b")), Put(Key("a"))}}) {
    EXPECT_EQ(WriteError({{"RequestItems", {{"tbl", requests}}}}),
              "ValidationException: Provided list of item keys contains duplicates");
  }
  EXPECT_EQ(
      WriteError(
          {{"RequestItems",
            {{"composite", {Put(CompositeKey("a", "1")), Delete(CompositeKey("a", "1.0"))}}}}}),
      "ValidationException: Provided list of item keys contains duplicates");
  // The table is looked up before keys are compared.
  EXPECT_EQ(WriteError({{"RequestItems", {{"nosuch", {Put(Key("a")), Delete(Key("a"))}}}}}),
            "ResourceNotFoundException: Requested resource not found");
  // One key in two tables is two items.
  Ok("BatchWriteItem",
     {{"RequestItems", {{"tbl", {Put(Key("a"))}}, {"composite", {Put(CompositeKey("a", "1"))}}}}});
  EXPECT_EQ(Ok("DescribeTable", {{"TableName", "tbl"}})["Table"]["ItemCount"], 1);
}

TEST_F(BatchTest, NothingIsWrittenWhenAnyPartOfTheRequestFails) {
  // "tbl" comes before "zzz" and would be valid on its own.
  EXPECT_EQ(WriteError({{"RequestItems", {{"tbl", {Put(Key("a"))}}, {"zzz", {Put(Key("b"))}}}}}),
            "ResourceNotFoundException: Requested resource not found");
  EXPECT_EQ(WriteError({{"RequestItems",
                         {{"composite", {Put(CompositeKey("a", "1"))}}, {"tbl", {Put(Key(""))}}}}}),
            "ValidationException: One or more parameter values are not valid. The AttributeValue "
            "for a key attribute cannot contain an empty string value. Key: pk");
  EXPECT_EQ(Get("tbl", Key("a")), json::object());
  EXPECT_EQ(Ok("DescribeTable", {{"TableName", "composite"}})["Table"]["ItemCount"], 0);
}

TEST_F(BatchTest, WriteKeysMustMatchTheSchema) {
  const std::string mismatch =
      "ValidationException: The provided key element does not match the schema";
  // A put's missing or mistyped key is worded as a schema mismatch, unlike PutItem's.
  EXPECT_EQ(WriteError({{"RequestItems", {{"tbl", {Put({{"other", {{"S", "a"}}}})}}}}}), mismatch);
  EXPECT_EQ(WriteError({{"RequestItems", {{"tbl", {Put({{"pk", {{"N", "5"}}}})}}}}}), mismatch);
  EXPECT_EQ(WriteError({{"RequestItems", {{"tbl", {Put({{"pk", {{"L", {{{"S", "x"}}}}}}})}}}}}),
            mismatch);
  EXPECT_EQ(WriteError({{"RequestItems", {{"composite", {Put(Key("a"))}}}}}), mismatch);
  EXPECT_EQ(WriteError({{"RequestItems", {{"composite", {Delete(Key("a"))}}}}}), mismatch);
  json extra = Key("a");
  extra["v"] = {{"S", "x"}};
  EXPECT_EQ(WriteError({{"RequestItems", {{"tbl", {Delete(extra)}}}}}), mismatch);
  EXPECT_EQ(WriteError({{"RequestItems", {{"tbl", {Put(Key(std::string(2049, 'k')))}}}}}),
            "ValidationException: One or more parameter values were invalid: Size of hashkey has "
            "exceeded the maximum size limit of2048 bytes");
}

TEST_F(BatchTest, WriteChecksValuesAndItemSizeBeforeLookingUpTables) {
  // 409,600 bytes is the largest item; one more is refused even for a table that does not exist.
  EXPECT_EQ(WriteError({{"RequestItems", {{"nosuch", {Put(ItemOfSize("a", 409601))}}}}}),
            "ValidationException: Item size has exceeded the maximum allowed size");
  EXPECT_EQ(WriteError({{"RequestItems", {{"nosuch", {Put(ItemOfSize("a", 409600))}}}}}),
            "ResourceNotFoundException: Requested resource not found");
  EXPECT_EQ(WriteError({{"RequestItems", {{"nosuch", {Put({{"pk", {{"S", "a"}, {"N", "1"}}}})}}}}}),
            "ValidationException: Supplied AttributeValue has more than one datatypes set, must "
            "contain exactly one of the supported datatypes");
  EXPECT_EQ(
      WriteError({{"RequestItems", {{"nosuch", {Delete({{"pk", {{"SS", json::array()}}}})}}}}}),
      "ValidationException: One or more parameter values were invalid: An string set  may "
      "not be empty");
  Ok("BatchWriteItem", {{"RequestItems", {{"tbl", {Put(ItemOfSize("a", 409600))}}}}});
}

TEST_F(BatchTest, ItemCollectionMetricsAreAcceptedAndNotReturnedWithoutIndexes) {
  EXPECT_EQ(Ok("BatchWriteItem", {{"RequestItems", {{"tbl", {Put(Key("a"))}}}},
                                  {"ReturnItemCollectionMetrics", "SIZE"}}),
            json::parse(R"({"UnprocessedItems":{}})"));
}

TEST_F(BatchTest, HostileShapesGetAnswersNotCrashes) {
  const json get_bodies[] = {
      {{"RequestItems", {{"tbl", nullptr}}}},
      {{"RequestItems", {{"tbl", {{"Keys", {nullptr}}}}}}},
      {{"RequestItems", {{"tbl", {{"Keys", {{{"pk", nullptr}}}}}}}}},
      {{"RequestItems",
        {{"tbl", {{"Keys", {Key("a")}}, {"AttributesToGet", {nullptr, nullptr}}}}}}},
      {{"RequestItems",
        {{"tbl", {{"Keys", {Key("a")}}, {"ExpressionAttributeNames", {{"#a", nullptr}}}}}}}},
      {{"RequestItems", {{"", {{"Keys", {Key("a")}}}}}}},
  };
  for (const json& body : get_bodies) {
    Response response = Call("BatchGetItem", body);
    EXPECT_NE(response.status, 500) << body << " -> " << response.body;
  }
  const json write_bodies[] = {
      {{"RequestItems", {{"tbl", nullptr}}}},
      {{"RequestItems", {{"tbl", {nullptr}}}}},
      {{"RequestItems", {{"tbl", {{{"PutRequest", nullptr}}}}}}},
      {{"RequestItems", {{"tbl", {{{"PutRequest", {{"Item", {{"pk", nullptr}}}}}}}}}}},
      {{"RequestItems", {{"tbl", {{{"DeleteRequest", {{"Key", nullptr}}}}}}}}},
  };
  for (const json& body : write_bodies) {
    Response response = Call("BatchWriteItem", body);
    EXPECT_NE(response.status, 500) << body << " -> " << response.body;
    EXPECT_NE(response.status, 200) << body;
  }
  // Many tables, each valid in shape: still one bounded message.
  json many = json::object();
  for (int i = 0; i < 1000; ++i) many["t" + std::to_string(1000 + i)] = {{"Keys", {Key("a")}}};
  EXPECT_EQ(GetError({{"RequestItems", many}}),
            "ValidationException: Too many items requested for the BatchGetItem call");
}

}  // namespace
}  // namespace ddbpg::testing
