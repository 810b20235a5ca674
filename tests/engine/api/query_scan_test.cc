#include <gtest/gtest.h>

#include <set>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

class QueryScanTest : public EngineFixture {
 protected:
  void SetUp() override {
    CreateTable("Thread", "N");
    for (int i = 1; i <= 10; ++i) {
      Put("forum", i, i % 2 == 0 ? "even" : "odd");
    }
    Put("other", 1, "odd");
  }
  void Put(const std::string& pk, int sk, const std::string& parity, size_t padding = 0) {
    json item = {{"pk", {{"S", pk}}}, {"sk", {{"N", std::to_string(sk)}}},
                 {"parity", {{"S", parity}}}};
    if (padding > 0) item["pad"] = {{"S", std::string(padding, 'x')}};
    Ok("PutItem", {{"TableName", "Thread"}, {"Item", item}});
  }
  json Query(json extra) {
    json request = {{"TableName", "Thread"},
                    {"KeyConditionExpression", "pk = :pk"},
                    {"ExpressionAttributeValues", {{":pk", {{"S", "forum"}}}}}};
    for (auto& [key, value] : extra.items()) {
      if (key == "ExpressionAttributeValues") {
        request[key].update(value);
      } else {
        request[key] = value;
      }
    }
    return Ok("Query", request);
  }
  static std::vector<std::string> SortKeys(const json& response) {
    std::vector<std::string> keys;
    for (const json& item : response["Items"]) keys.push_back(item["sk"]["N"]);
    return keys;
  }
};

TEST_F(QueryScanTest, QueryReturnsOneItemCollectionInSortKeyOrder) {
  json response = Query(json::object());
  EXPECT_EQ(SortKeys(response),
            (std::vector<std::string>{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"}));
  EXPECT_EQ(response["Count"], 10);
  EXPECT_EQ(response["ScannedCount"], 10);
  EXPECT_FALSE(response.contains("LastEvaluatedKey"));
}

TEST_F(QueryScanTest, SortKeyConditionsAndDescendingOrder) {
  EXPECT_EQ(SortKeys(Query({{"KeyConditionExpression", "pk = :pk AND sk BETWEEN :a AND :b"},
                            {"ExpressionAttributeValues", {{":a", {{"N", "3"}}}, {":b", {{"N", "5"}}}}},
                            {"ScanIndexForward", false}})),
            (std::vector<std::string>{"5", "4", "3"}));
  EXPECT_EQ(SortKeys(Query({{"KeyConditionExpression", "pk = :pk AND sk > :a"},
                            {"ExpressionAttributeValues", {{":a", {{"N", "8"}}}}}})),
            (std::vector<std::string>{"9", "10"}));
}

TEST_F(QueryScanTest, AReversedComparisonIsFlipped) {
  EXPECT_EQ(SortKeys(Query({{"KeyConditionExpression", "pk = :pk AND :a >= sk"},
                            {"ExpressionAttributeValues", {{":a", {{"N", "2"}}}}}})),
            (std::vector<std::string>{"1", "2"}));
}

TEST_F(QueryScanTest, SelectRules) {
  json base = {{"TableName", "Thread"},
               {"KeyConditionExpression", "pk = :pk"},
               {"ExpressionAttributeValues", {{":pk", {{"S", "forum"}}}}}};
  json request = base;
  request["Select"] = "SPECIFIC_ATTRIBUTES";
  EXPECT_EQ(ErrorOf(Call("Query", request)),
            "ValidationException: 1 validation error detected: Must specify the AttributesToGet "
            "or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
  request["Select"] = "COUNT";
  request["ProjectionExpression"] = "sk";
  EXPECT_EQ(ErrorOf(Call("Query", request)),
            "ValidationException: 1 validation error detected: Cannot specify the "
            "ProjectionExpression when choosing to get only the Count");
  EXPECT_EQ(ErrorOf(Call("Scan", {{"TableName", "Thread"}, {"Select", "ALL_PROJECTED_ATTRIBUTES"}})),
            "ValidationException: ALL_PROJECTED_ATTRIBUTES can be used only when Querying using "
            "an IndexName");
}

TEST_F(QueryScanTest, LimitPagesWithLastEvaluatedKey) {
  json first = Query({{"Limit", 4}});
  EXPECT_EQ(SortKeys(first), (std::vector<std::string>{"1", "2", "3", "4"}));
  EXPECT_EQ(first["LastEvaluatedKey"], json::parse(R"({"pk":{"S":"forum"},"sk":{"N":"4"}})"));
  json second = Query({{"Limit", 4}, {"ExclusiveStartKey", first["LastEvaluatedKey"]}});
  EXPECT_EQ(SortKeys(second), (std::vector<std::string>{"5", "6", "7", "8"}));
  json third = Query({{"Limit", 4}, {"ExclusiveStartKey", second["LastEvaluatedKey"]}});
  EXPECT_EQ(SortKeys(third), (std::vector<std::string>{"9", "10"}));
  EXPECT_FALSE(third.contains("LastEvaluatedKey"));
}

TEST_F(QueryScanTest, FilterAppliesAfterTheReadSoCountDiffersFromScannedCount) {
  json response = Query({{"FilterExpression", "parity = :p"},
                         {"ExpressionAttributeValues", {{":p", {{"S", "even"}}}}},
                         {"Limit", 5}});
  EXPECT_EQ(SortKeys(response), (std::vector<std::string>{"2", "4"}));
  EXPECT_EQ(response["Count"], 2);
  EXPECT_EQ(response["ScannedCount"], 5);
}

TEST_F(QueryScanTest, SelectCountAndProjection) {
  json count = Query({{"Select", "COUNT"}});
  EXPECT_FALSE(count.contains("Items"));
  EXPECT_EQ(count["Count"], 10);
  json projected = Query({{"ProjectionExpression", "sk"}, {"Limit", 1}});
  EXPECT_EQ(projected["Items"][0], json::parse(R"({"sk":{"N":"1"}})"));
}

TEST_F(QueryScanTest, CapacityRoundsTheWholePageOnceAndCountsFilteredItems) {
  // 10 items of 28 bytes = 280 bytes: one 4 KB unit, halved when eventually consistent.
  json response = Query({{"ReturnConsumedCapacity", "TOTAL"},
                         {"FilterExpression", "parity = :p"},
                         {"ExpressionAttributeValues", {{":p", {{"S", "none"}}}}}});
  EXPECT_EQ(response["ConsumedCapacity"]["CapacityUnits"], 0.5);
  for (int i = 11; i <= 20; ++i) Put("forum", i, "odd", 1000);
  response = Query({{"ReturnConsumedCapacity", "TOTAL"}, {"ConsistentRead", true}});
  // 280 + 10 * (28 + 4 + 1000) bytes = 10,600 bytes -> 3 units.
  EXPECT_EQ(response["ConsumedCapacity"]["CapacityUnits"], 3.0);
}

TEST_F(QueryScanTest, PagesStopAtOneMegabyte) {
  for (int i = 100; i < 110; ++i) {
    clock_.Advance(1);  // one partition takes at most 1,000 WCU a second
    Put("big", i, "odd", 210 * 1024);
  }
  json response = Ok("Query", {{"TableName", "Thread"},
                               {"KeyConditionExpression", "pk = :pk"},
                               {"ExpressionAttributeValues", {{":pk", {{"S", "big"}}}}}});
  // Five items of 210 KB pass 1 MB (1,048,576 bytes); the page stops there.
  EXPECT_EQ(response["Count"], 5);
  EXPECT_TRUE(response.contains("LastEvaluatedKey"));
}

TEST_F(QueryScanTest, KeyConditionErrors) {
  auto error = [this](const std::string& condition, json values) {
    return ErrorOf(Call("Query", {{"TableName", "Thread"},
                                  {"KeyConditionExpression", condition},
                                  {"ExpressionAttributeValues", values}}));
  };
  json pk = {{":pk", {{"S", "forum"}}}};
  EXPECT_EQ(error("sk = :pk", {{":pk", {{"N", "1"}}}}),
            "ValidationException: Query condition missed key schema element: pk");
  EXPECT_EQ(error("pk = :pk OR pk = :pk", pk),
            "ValidationException: Invalid operator used in KeyConditionExpression: OR");
  EXPECT_EQ(error("pk > :pk", pk), "ValidationException: Query key condition not supported");
  // A condition on another attribute than the sort key names the sort key as missing (moto's
  // tests recorded against the service); more conditions than key attributes, or two on one
  // key, have their own texts (captured in 2026).
  EXPECT_EQ(error("pk = :pk AND parity = :pk", pk),
            "ValidationException: Query condition missed key schema element: sk");
  EXPECT_EQ(error("parity = :pk AND sk = :s", {{":pk", {{"S", "forum"}}}, {":s", {{"N", "1"}}}}),
            "ValidationException: Query condition missed key schema element: pk");
  EXPECT_EQ(error("parity = :pk", pk),
            "ValidationException: Query condition missed key schema element: pk");
  EXPECT_EQ(error("pk = :pk AND sk > :a AND parity = :pk",
                  {{":pk", {{"S", "forum"}}}, {":a", {{"N", "1"}}}}),
            "ValidationException: The number of query conditions (3) exceeds the number of key "
            "attributes defined in the schema (2)");
  EXPECT_EQ(error("pk = :pk AND pk = :pk", pk),
            "ValidationException: Invalid KeyConditionExpression: KeyConditionExpressions must "
            "only contain one condition per key");
  EXPECT_EQ(error("pk = :pk AND begins_with(sk, :s)", {{":pk", {{"S", "forum"}}}, {":s", {{"N", "1"}}}}),
            "ValidationException: Invalid KeyConditionExpression: Incorrect operand type for "
            "operator or function; operator or function: begins_with, operand type: N");
  // The clauses are checked in the order written: a bad operand before an undefined value in a
  // later clause, and the other way round (captured from the service, 2026).
  const std::string bad_operand =
      "ValidationException: Invalid KeyConditionExpression: Incorrect operand type for operator "
      "or function; operator or function: begins_with, operand type: N";
  EXPECT_EQ(error("begins_with(sk, :s) AND pk = :missing", {{":s", {{"N", "1"}}}}), bad_operand);
  EXPECT_EQ(error("pk = :pk AND begins_with(sk, :s) AND sk = :missing",
                  {{":pk", {{"S", "forum"}}}, {":s", {{"N", "1"}}}}),
            bad_operand);
  EXPECT_EQ(error("pk = :missing AND begins_with(sk, :s)", {{":s", {{"N", "1"}}}}),
            "ValidationException: Invalid KeyConditionExpression: An expression attribute value "
            "used in expression is not defined; attribute value: :missing");
  EXPECT_EQ(error("pk = :pk AND size(sk) > :pk", pk),
            "ValidationException: KeyConditionExpressions cannot contain nested operations");
  EXPECT_EQ(error("pk = :pk AND sk > parity", pk),
            "ValidationException: Invalid condition in KeyConditionExpression: Multiple attribute "
            "names used in one condition");
  EXPECT_EQ(error("pk = :pk AND :pk > :pk", pk),
            "ValidationException: Invalid condition in KeyConditionExpression: No key attribute "
            "specified");
  EXPECT_EQ(error("pk = :pk AND sk > :a AND sk < :a", {{":pk", {{"S", "forum"}}}, {":a", {{"N", "1"}}}}),
            "ValidationException: Invalid KeyConditionExpression: KeyConditionExpressions must "
            "only contain one condition per key");
  EXPECT_EQ(ErrorOf(Call("Query", {{"TableName", "Thread"}})),
            "ValidationException: Either the KeyConditions or KeyConditionExpression parameter "
            "must be specified in the request.");
  EXPECT_EQ(ErrorOf(Call("Query", {{"TableName", "Thread"},
                                   {"KeyConditionExpression", "pk = :pk"},
                                   {"FilterExpression", "sk > :pk"},
                                   {"ExpressionAttributeValues", pk}})),
            "ValidationException: Filter Expression can only contain non-primary key attributes: "
            "Primary key attribute: sk");
  EXPECT_EQ(ErrorOf(Call("Query", {{"TableName", "Thread"},
                                   {"IndexName", "ByParity"},
                                   {"KeyConditionExpression", "pk = :pk"},
                                   {"ExpressionAttributeValues", pk}})),
            "ValidationException: The table does not have the specified index: ByParity");
}

// The issue's case: 1,100 items of about 1 KB are over 1 MB, so a Scan with no Limit must stop
// at 1 MB and say where, and paging on must return every item exactly once, for a whole table,
// for parallel segments and for a table read through an index.
TEST_F(QueryScanTest, ScanPastOneMegabyteReturnsLastEvaluatedKeyAndEveryItem) {
  for (int i = 0; i < 1100; ++i) {
    if (i % 500 == 0) clock_.Advance(1);  // stay under the partitions' per-second write limit
    Put("item" + std::to_string(i), 1, "odd", 1000);
  }
  auto scan_all = [&](json base) {
    std::multiset<std::string> seen;
    json start;
    int pages = 0;
    do {
      json request = base;
      if (!start.is_null()) request["ExclusiveStartKey"] = start;
      clock_.Advance(1);
      json page = Ok("Scan", request);
      if (pages == 0 && !base.contains("Segment")) {
        EXPECT_LT(page["Count"].get<int>(), 1111);
        EXPECT_TRUE(page.contains("LastEvaluatedKey"));
      }
      for (const json& item : page["Items"]) {
        seen.insert(item["pk"]["S"].get<std::string>() + "/" + item["sk"]["N"].get<std::string>());
      }
      start = page.contains("LastEvaluatedKey") ? page["LastEvaluatedKey"] : json();
      ++pages;
    } while (!start.is_null() && pages < 20);
    return seen;
  };
  std::multiset<std::string> whole = scan_all({{"TableName", "Thread"}});
  EXPECT_EQ(whole.size(), 1111u);
  EXPECT_EQ(std::set<std::string>(whole.begin(), whole.end()).size(), 1111u);
  std::multiset<std::string> segments;
  for (int segment = 0; segment < 2; ++segment) {
    std::multiset<std::string> part =
        scan_all({{"TableName", "Thread"}, {"Segment", segment}, {"TotalSegments", 2}});
    segments.insert(part.begin(), part.end());
  }
  EXPECT_EQ(segments, whole);
}

TEST_F(QueryScanTest, ScanReturnsEveryItemAndPages) {
  std::set<std::string> seen;
  json start;
  int pages = 0;
  do {
    json request = {{"TableName", "Thread"}, {"Limit", 3}};
    if (!start.is_null()) request["ExclusiveStartKey"] = start;
    json page = Ok("Scan", request);
    for (const json& item : page["Items"]) {
      EXPECT_TRUE(seen.insert(item["pk"]["S"].get<std::string>() + "/" +
                              item["sk"]["N"].get<std::string>()).second);
    }
    start = page.contains("LastEvaluatedKey") ? page["LastEvaluatedKey"] : json();
    ++pages;
  } while (!start.is_null() && pages < 20);
  EXPECT_EQ(seen.size(), 11u);
}

TEST_F(QueryScanTest, ParallelSegmentsCoverEveryItemExactlyOnce) {
  for (int i = 0; i < 200; ++i) Put("key" + std::to_string(i), 1, "odd");
  std::multiset<std::string> seen;
  for (int segment = 0; segment < 7; ++segment) {
    json page = Ok("Scan", {{"TableName", "Thread"}, {"Segment", segment}, {"TotalSegments", 7}});
    for (const json& item : page["Items"]) {
      seen.insert(item["pk"]["S"].get<std::string>() + "/" + item["sk"]["N"].get<std::string>());
    }
  }
  EXPECT_EQ(seen.size(), 211u);
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 211u);
}

TEST_F(QueryScanTest, SegmentRules) {
  EXPECT_EQ(ErrorOf(Call("Scan", {{"TableName", "Thread"}, {"Segment", 1}})),
            "ValidationException: The TotalSegments parameter is required but was not present in "
            "the request when Segment parameter is present");
  EXPECT_EQ(ErrorOf(Call("Scan", {{"TableName", "Thread"}, {"Segment", 3}, {"TotalSegments", 3}})),
            "ValidationException: The Segment parameter is zero-based and must be less than "
            "parameter TotalSegments: Segment: 3 is not less than TotalSegments: 3");
  EXPECT_EQ(ErrorOf(Call("Scan", {{"TableName", "Thread"}, {"TotalSegments", 1000001}, {"Segment", 0}})),
            "ValidationException: 1 validation error detected: Value '1000001' at "
            "'totalSegments' failed to satisfy constraint: Member must have value less than or "
            "equal to 1000000");
}

TEST_F(QueryScanTest, ScanFilterMayUseKeys) {
  json page = Ok("Scan", {{"TableName", "Thread"},
                          {"FilterExpression", "pk = :o"},
                          {"ExpressionAttributeValues", {{":o", {{"S", "other"}}}}}});
  EXPECT_EQ(page["Count"], 1);
  EXPECT_EQ(page["ScannedCount"], 11);
}

// Issue #10: Select is neither an expression nor a legacy parameter, so it goes with either.
TEST_F(QueryScanTest, SelectGoesWithTheLegacyParameters) {
  json key_conditions = {
      {"pk", {{"ComparisonOperator", "EQ"}, {"AttributeValueList", {{{"S", "forum"}}}}}}};
  json odd = {{"parity", {{"ComparisonOperator", "EQ"}, {"AttributeValueList", {{{"S", "odd"}}}}}}};
  json count = Ok("Query", {{"TableName", "Thread"}, {"KeyConditions", key_conditions},
                            {"Select", "COUNT"}});
  EXPECT_EQ(count["Count"], 10);
  EXPECT_FALSE(count.contains("Items"));
  json specific = Ok("Query", {{"TableName", "Thread"},
                               {"KeyConditions", key_conditions},
                               {"QueryFilter", odd},
                               {"Select", "SPECIFIC_ATTRIBUTES"},
                               {"AttributesToGet", {"sk"}},
                               {"Limit", 3}});
  EXPECT_EQ(specific["Items"], json::parse(R"([{"sk":{"N":"1"}},{"sk":{"N":"3"}}])"));
  json scanned = Ok("Scan", {{"TableName", "Thread"}, {"ScanFilter", odd}, {"Select", "COUNT"}});
  EXPECT_EQ(scanned["Count"], 6);
  json projected = Ok("Scan", {{"TableName", "Thread"},
                               {"Select", "SPECIFIC_ATTRIBUTES"},
                               {"ProjectionExpression", "#p"},
                               {"ExpressionAttributeNames", {{"#p", "parity"}}},
                               {"Limit", 1}});
  EXPECT_EQ(projected["Items"][0].size(), 1u);
  EXPECT_EQ(ErrorOf(Call("Query", {{"TableName", "Thread"},
                                   {"KeyConditions", key_conditions},
                                   {"Select", "SPECIFIC_ATTRIBUTES"},
                                   {"ProjectionExpression", "sk"}})),
            "ValidationException: Can not use both expression and non-expression parameters in "
            "the same request: Non-expression parameters: {KeyConditions} Expression parameters: "
            "{ProjectionExpression}");
}

// Issue #10: a Query's start key must be a key of the table in the queried partition.
TEST_F(QueryScanTest, QueryStartKeyOutsideThePartitionOrSchemaIsRefused) {
  json request = {{"TableName", "Thread"},
                  {"KeyConditionExpression", "pk = :pk"},
                  {"ExpressionAttributeValues", {{":pk", {{"S", "forum"}}}}}};
  request["ExclusiveStartKey"] = {{"pk", {{"S", "other"}}}, {"sk", {{"N", "1"}}}};
  EXPECT_EQ(ErrorOf(Call("Query", request)),
            "ValidationException: The provided starting key is outside query boundaries based on "
            "provided conditions");
  for (const char* wrong_attributes : {R"({})", R"({"pk":{"S":"forum"}})",
                                       R"({"pk":{"S":"forum"},"sk":{"N":"1"},"x":{"S":"1"}})"}) {
    request["ExclusiveStartKey"] = json::parse(wrong_attributes);
    EXPECT_EQ(ErrorOf(Call("Query", request)),
              "ValidationException: The provided starting key is invalid")
        << wrong_attributes;
  }
  request["ExclusiveStartKey"] = {{"pk", {{"S", "forum"}}}, {"sk", {{"S", "1"}}}};
  EXPECT_EQ(ErrorOf(Call("Query", request)),
            "ValidationException: The provided key element does not match the schema");
  // Scan says every mismatch the same way.
  EXPECT_EQ(ErrorOf(Call("Scan", {{"TableName", "Thread"},
                                  {"ExclusiveStartKey", {{"pk", {{"S", "forum"}}}}}})),
            "ValidationException: The provided starting key is invalid: The provided key element "
            "does not match the schema");
  // A value that is no valid AttributeValue is the start key's fault too, except that a
  // Query, in the service's current layer, reports a number's or a set member's fault bare
  // (captured in 2026); a Scan, in the older layer, names the start key for every fault.
  request["ExclusiveStartKey"] = {{"pk", {{"S", "forum"}}}, {"sk", {{"N", "b"}}}};
  EXPECT_EQ(ErrorOf(Call("Query", request)),
            "ValidationException: The parameter cannot be converted to a numeric value: b");
  request["ExclusiveStartKey"] = {{"pk", {{"SS", {"b", "a", "b"}}}}, {"sk", {{"N", "1"}}}};
  EXPECT_EQ(ErrorOf(Call("Query", request)),
            "ValidationException: One or more parameter values were invalid: Input collection "
            "[\"a\", \"b\", \"b\"] contains duplicates.");
  request["ExclusiveStartKey"] = {{"pk", {{"SS", json::array()}}}, {"sk", {{"N", "1"}}}};
  EXPECT_EQ(ErrorOf(Call("Query", request)),
            "ValidationException: The provided starting key is invalid: One or more parameter "
            "values were invalid: An string set  may not be empty");
  EXPECT_EQ(ErrorOf(Call("Scan", {{"TableName", "Thread"},
                                  {"ExclusiveStartKey", {{"pk", {{"SS", json::array()}}}}}})),
            "ValidationException: The provided starting key is invalid: One or more parameter "
            "values were invalid: An string set  may not be empty");
  EXPECT_EQ(ErrorOf(Call("Scan", {{"TableName", "Thread"},
                                  {"ExclusiveStartKey", {{"pk", {{"N", ""}}}}}})),
            "ValidationException: The provided starting key is invalid: The parameter cannot be "
            "converted to a numeric value");
}

// A start key outside the sort-key condition is refused (dynalite's tests against the service);
// one inside it, even of an item that is gone, continues after it.
TEST_F(QueryScanTest, QueryStartKeyOutsideTheSortKeyConditionIsRefused) {
  json request = {{"TableName", "Thread"},
                  {"KeyConditionExpression", "pk = :pk AND sk > :low"},
                  {"ExpressionAttributeValues", {{":pk", {{"S", "forum"}}}, {":low", {{"N", "5"}}}}}};
  for (const char* outside : {"2", "5"}) {
    request["ExclusiveStartKey"] = {{"pk", {{"S", "forum"}}}, {"sk", {{"N", outside}}}};
    EXPECT_EQ(ErrorOf(Call("Query", request)),
              "ValidationException: The provided starting key does not match the range key "
              "predicate")
        << outside;
  }
  request["ExclusiveStartKey"] = {{"pk", {{"S", "forum"}}}, {"sk", {{"N", "7.5"}}}};
  EXPECT_EQ(SortKeys(Ok("Query", request)), (std::vector<std::string>{"8", "9", "10"}));
  request["ScanIndexForward"] = false;
  EXPECT_EQ(SortKeys(Ok("Query", request)), (std::vector<std::string>{"7", "6"}));
}

// Issue #10: a parallel scan continues only from a key of its own segment.
TEST_F(QueryScanTest, ScanStartKeyOfAnotherSegmentIsRefused) {
  for (int i = 0; i < 40; ++i) Put("key" + std::to_string(i), 1, "odd");
  json own = Ok("Scan", {{"TableName", "Thread"}, {"Segment", 2}, {"TotalSegments", 3},
                         {"Limit", 1}})["LastEvaluatedKey"];
  ASSERT_TRUE(own.is_object());
  EXPECT_EQ(ErrorOf(Call("Scan", {{"TableName", "Thread"}, {"Segment", 2}, {"TotalSegments", 3},
                                  {"ExclusiveStartKey", own}})),
            "OK");
  EXPECT_EQ(ErrorOf(Call("Scan", {{"TableName", "Thread"}, {"Segment", 0}, {"TotalSegments", 3},
                                  {"ExclusiveStartKey", own}})),
            "ValidationException: The provided starting key is invalid: Invalid ExclusiveStartKey. "
            "Please use ExclusiveStartKey with correct Segment. TotalSegments: 3 Segment: 0");
  // Without segments any key of the table goes.
  EXPECT_EQ(ErrorOf(Call("Scan", {{"TableName", "Thread"}, {"ExclusiveStartKey", own}})), "OK");
}

}  // namespace
}  // namespace ddbpg::testing
