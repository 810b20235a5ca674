// Secondary indexes through the API (issue #6): CreateTable's index rules with DynamoDB's
// messages, DescribeTable's index descriptions, Query and Scan through an index, and the
// capacity of index writes and reads in DynamoDB's documented cases.
#include <gtest/gtest.h>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

json KeyElement(const std::string& name, const std::string& type) {
  return {{"AttributeName", name}, {"KeyType", type}};
}
json Definition(const std::string& name, const std::string& type) {
  return {{"AttributeName", name}, {"AttributeType", type}};
}

class IndexesTest : public EngineFixture {
 protected:
  // Posts: pk "author", sk "postId"; an LSI on "created" (KEYS_ONLY), a GSI on "topic" sorted
  // by "created" projecting "title", and a GSI on "email" with everything.
  json PostsRequest() {
    return {
        {"TableName", "Posts"},
        {"BillingMode", "PAY_PER_REQUEST"},
        {"KeySchema", {KeyElement("author", "HASH"), KeyElement("postId", "RANGE")}},
        {"AttributeDefinitions",
         {Definition("author", "S"), Definition("postId", "S"), Definition("created", "N"),
          Definition("topic", "S"), Definition("email", "S")}},
        {"LocalSecondaryIndexes",
         {{{"IndexName", "ByCreated"},
           {"KeySchema", {KeyElement("author", "HASH"), KeyElement("created", "RANGE")}},
           {"Projection", {{"ProjectionType", "KEYS_ONLY"}}}}}},
        {"GlobalSecondaryIndexes",
         {{{"IndexName", "ByTopic"},
           {"KeySchema", {KeyElement("topic", "HASH"), KeyElement("created", "RANGE")}},
           {"Projection", {{"ProjectionType", "INCLUDE"}, {"NonKeyAttributes", {"title"}}}}},
          {{"IndexName", "ByEmail"},
           {"KeySchema", json::array({KeyElement("email", "HASH")})},
           {"Projection", {{"ProjectionType", "ALL"}}}}}},
    };
  }
  void CreatePosts() { Ok("CreateTable", PostsRequest()); }
  json Post(const std::string& author, const std::string& id, const json& extra) {
    json item = {{"author", {{"S", author}}}, {"postId", {{"S", id}}}};
    for (auto& [name, value] : extra.items()) item[name] = value;
    return item;
  }
  json Put(const json& item) {
    return Ok("PutItem", {{"TableName", "Posts"}, {"Item", item}, {"ReturnConsumedCapacity", "INDEXES"}})
        ["ConsumedCapacity"];
  }
  std::string CreateError(const std::function<void(json&)>& change) {
    json request = PostsRequest();
    change(request);
    return ErrorOf(Call("CreateTable", request));
  }
};

TEST_F(IndexesTest, DescribeTableListsEachIndex) {
  json created = Ok("CreateTable", PostsRequest())["TableDescription"];
  EXPECT_EQ(created["GlobalSecondaryIndexes"][0]["IndexStatus"], "CREATING");
  Put(Post("ann", "p1", {{"topic", {{"S", "dynamodb"}}}, {"created", {{"N", "1"}}}}));
  json table = Ok("DescribeTable", {{"TableName", "Posts"}})["Table"];
  const json& local = table["LocalSecondaryIndexes"][0];
  EXPECT_EQ(local["IndexName"], "ByCreated");
  EXPECT_EQ(local["Projection"], json::parse(R"({"ProjectionType":"KEYS_ONLY"})"));
  EXPECT_EQ(local["IndexArn"],
            "arn:aws:dynamodb:us-east-1:000000000000:table/Posts/index/ByCreated");
  EXPECT_EQ(local["ItemCount"], 1);
  EXPECT_FALSE(local.contains("IndexStatus"));
  EXPECT_FALSE(local.contains("ProvisionedThroughput"));
  const json& by_topic = table["GlobalSecondaryIndexes"][0];
  EXPECT_EQ(by_topic["IndexStatus"], "ACTIVE");
  EXPECT_EQ(by_topic["KeySchema"], json::parse(R"([{"AttributeName":"topic","KeyType":"HASH"},
                                                   {"AttributeName":"created","KeyType":"RANGE"}])"));
  EXPECT_EQ(by_topic["ProvisionedThroughput"],
            json::parse(R"({"NumberOfDecreasesToday":0,"ReadCapacityUnits":0,"WriteCapacityUnits":0})"));
  EXPECT_EQ(by_topic["ItemCount"], 1);
  // author (6+3) + postId (6+2) + topic (5+8) + created (7+2) = 39 bytes, plus 100 of overhead.
  EXPECT_EQ(by_topic["IndexSizeBytes"], 139);
  EXPECT_EQ(table["GlobalSecondaryIndexes"][1]["ItemCount"], 0);  // no email: sparse
}

TEST_F(IndexesTest, CreateTableChecksIndexesWithDynamoDBsMessages) {
  EXPECT_EQ(CreateError([](json& r) { r["LocalSecondaryIndexes"] = json::array(); }),
            "ValidationException: One or more parameter values were invalid: List of "
            "LocalSecondaryIndexes is empty");
  EXPECT_EQ(CreateError([](json& r) { r["GlobalSecondaryIndexes"][1]["IndexName"] = "ByTopic"; }),
            "ValidationException: One or more parameter values were invalid: Duplicate index "
            "name: ByTopic");
  EXPECT_EQ(CreateError([](json& r) {
              r["LocalSecondaryIndexes"][0]["KeySchema"][0]["AttributeName"] = "topic";
            }),
            "ValidationException: One or more parameter values were invalid: Index KeySchema "
            "does not have the same leading hash key as table KeySchema for index: ByCreated. "
            "index hash key: topic, table hash key: author");
  EXPECT_EQ(CreateError([](json& r) { r["LocalSecondaryIndexes"][0]["KeySchema"].erase(1); }),
            "ValidationException: One or more parameter values were invalid: Index KeySchema "
            "does not have a range key for index: ByCreated");
  EXPECT_EQ(CreateError([](json& r) {
              r["GlobalSecondaryIndexes"][0]["KeySchema"][0]["AttributeName"] = "missing";
            }),
            "ValidationException: One or more parameter values were invalid: Some index key "
            "attributes are not defined in AttributeDefinitions. Keys: [missing, created], "
            "AttributeDefinitions: [author, postId, created, topic, email]");
  EXPECT_EQ(CreateError([](json& r) { r["AttributeDefinitions"].push_back(Definition("x", "S")); }),
            "ValidationException: One or more parameter values were invalid: Some "
            "AttributeDefinitions are not used. AttributeDefinitions: [author, postId, created, "
            "topic, email, x], keys used: [author, postId, created, topic, email]");
  EXPECT_EQ(CreateError([](json& r) { r["GlobalSecondaryIndexes"][0]["Projection"].erase("NonKeyAttributes"); }),
            "ValidationException: One or more parameter values were invalid: ProjectionType is "
            "INCLUDE, but NonKeyAttributes is not specified");
  EXPECT_EQ(CreateError([](json& r) {
              r["GlobalSecondaryIndexes"][1]["Projection"]["NonKeyAttributes"] = {"a"};
            }),
            "ValidationException: One or more parameter values were invalid: ProjectionType is "
            "ALL, but NonKeyAttributes is specified");
  EXPECT_EQ(CreateError([](json& r) {
              r["GlobalSecondaryIndexes"][0]["ProvisionedThroughput"] = {
                  {"ReadCapacityUnits", 1}, {"WriteCapacityUnits", 1}};
            }),
            "ValidationException: One or more parameter values were invalid: ProvisionedThroughput "
            "should not be specified for index: ByTopic when BillingMode is PAY_PER_REQUEST");
  EXPECT_EQ(CreateError([](json& r) {
              r.erase("BillingMode");
              r["ProvisionedThroughput"] = {{"ReadCapacityUnits", 1}, {"WriteCapacityUnits", 1}};
            }),
            "ValidationException: One or more parameter values were invalid: ProvisionedThroughput "
            "is not specified for index: ByTopic");
  EXPECT_EQ(CreateError([](json& r) { r["GlobalSecondaryIndexes"][0]["IndexName"] = "x;"; }),
            "ValidationException: 2 validation errors detected: Value 'x;' at "
            "'globalSecondaryIndexes.1.member.indexName' failed to satisfy constraint: Member must "
            "satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value 'x;' at "
            "'globalSecondaryIndexes.1.member.indexName' failed to satisfy constraint: Member must "
            "have length greater than or equal to 3");
  // The global indexes' faults first, whatever the order of the request or the names (captured
  // from the service, 2026).
  EXPECT_EQ(CreateError([](json& r) {
              r["LocalSecondaryIndexes"][0]["IndexName"] = "aa";
              r["GlobalSecondaryIndexes"][0]["IndexName"] = "zz";
            }),
            "ValidationException: 2 validation errors detected: Value 'zz' at "
            "'globalSecondaryIndexes.1.member.indexName' failed to satisfy constraint: Member must "
            "have length greater than or equal to 3; Value 'aa' at "
            "'localSecondaryIndexes.1.member.indexName' failed to satisfy constraint: Member must "
            "have length greater than or equal to 3");
  EXPECT_EQ(CreateError([](json& r) { r["GlobalSecondaryIndexes"][0]["IndexName"] = 7; }),
            "SerializationException: NUMBER_VALUE cannot be converted to String");
}

TEST_F(IndexesTest, LocalIndexesNeedATableSortKeyAndAreAtMostFive) {
  json request = PostsRequest();
  request.erase("GlobalSecondaryIndexes");
  request["AttributeDefinitions"] = {Definition("author", "S"), Definition("postId", "S"),
                                     Definition("created", "N")};
  json five = request;
  for (int i = 1; i < 6; ++i) {
    json index = request["LocalSecondaryIndexes"][0];
    index["IndexName"] = "Local" + std::to_string(i);
    five["LocalSecondaryIndexes"].push_back(index);
  }
  EXPECT_EQ(ErrorOf(Call("CreateTable", five)),
            "ValidationException: One or more parameter values were invalid: Number of "
            "LocalSecondaryIndexes exceeds per-table limit of 5");
  request["KeySchema"].erase(1);
  request["AttributeDefinitions"].erase(1);
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)),
            "ValidationException: One or more parameter values were invalid: Table KeySchema "
            "does not have a range key, which is required when specifying a LocalSecondaryIndex");
}

TEST_F(IndexesTest, AGlobalIndexIsSparseAndOrderedByItsKeys) {
  CreatePosts();
  Put(Post("ann", "p1", {{"topic", {{"S", "go"}}}, {"created", {{"N", "30"}}}, {"title", {{"S", "A"}}}}));
  Put(Post("bob", "p2", {{"topic", {{"S", "go"}}}, {"created", {{"N", "10"}}}, {"body", {{"S", "x"}}}}));
  Put(Post("cid", "p3", {{"topic", {{"S", "go"}}}}));  // no sort key attribute: not indexed
  Put(Post("dan", "p4", {{"topic", {{"S", "rust"}}}, {"created", {{"N", "20"}}}}));
  json result = Ok("Query", {{"TableName", "Posts"},
                             {"IndexName", "ByTopic"},
                             {"KeyConditionExpression", "topic = :t AND created > :c"},
                             {"ExpressionAttributeValues", {{":t", {{"S", "go"}}}, {":c", {{"N", "0"}}}}},
                             {"ReturnConsumedCapacity", "INDEXES"}});
  ASSERT_EQ(result["Count"], 2);
  EXPECT_EQ(result["Items"][0]["postId"]["S"], "p2");
  EXPECT_EQ(result["Items"][1]["postId"]["S"], "p1");
  // INCLUDE holds the keys and title only.
  EXPECT_EQ(result["Items"][1]["title"]["S"], "A");
  EXPECT_FALSE(result["Items"][0].contains("body"));
  EXPECT_EQ(result["ConsumedCapacity"],
            json::parse(R"({"TableName":"Posts","CapacityUnits":0.5,"Table":{"CapacityUnits":0.0},
                            "GlobalSecondaryIndexes":{"ByTopic":{"CapacityUnits":0.5}}})"));
}

// A global index cannot fetch from the table: a projection naming attributes it does not
// project is refused, listing them (LocalStack's issue #478 quotes the service), while the
// attributes it projects, keys included, can be asked for.
TEST_F(IndexesTest, AGlobalIndexRefusesAProjectionOfAttributesItDoesNotProject) {
  CreatePosts();
  json request = {{"TableName", "Posts"},
                  {"IndexName", "ByTopic"},
                  {"KeyConditionExpression", "topic = :t"},
                  {"ExpressionAttributeValues", {{":t", {{"S", "go"}}}}},
                  {"ProjectionExpression", "title, body, author, stats.nlikes"}};
  EXPECT_EQ(ErrorOf(Call("Query", request)),
            "ValidationException: One or more parameter values were invalid: Global secondary "
            "index ByTopic does not project [body, stats]");
  json scan = {{"TableName", "Posts"}, {"IndexName", "ByTopic"}, {"AttributesToGet", {"body"}}};
  EXPECT_EQ(ErrorOf(Call("Scan", scan)),
            "ValidationException: One or more parameter values were invalid: Global secondary "
            "index ByTopic does not project [body]");
  request["ProjectionExpression"] = "title, author, postId, topic, created";
  EXPECT_EQ(Ok("Query", request)["Count"], 0);
}

TEST_F(IndexesTest, IndexPagesCarryTheTableAndIndexKeys) {
  CreatePosts();
  for (int i = 0; i < 3; ++i) {
    Put(Post("ann", "p" + std::to_string(i),
             {{"topic", {{"S", "go"}}}, {"created", {{"N", std::to_string(i)}}}}));
  }
  json request = {{"TableName", "Posts"},
                  {"IndexName", "ByTopic"},
                  {"KeyConditionExpression", "topic = :t"},
                  {"ExpressionAttributeValues", {{":t", {{"S", "go"}}}}},
                  {"Limit", 2}};
  json first = Ok("Query", request);
  EXPECT_EQ(first["LastEvaluatedKey"],
            json::parse(R"({"author":{"S":"ann"},"postId":{"S":"p1"},"topic":{"S":"go"},
                            "created":{"N":"1"}})"));
  request["ExclusiveStartKey"] = first["LastEvaluatedKey"];
  json second = Ok("Query", request);
  ASSERT_EQ(second["Count"], 1);
  EXPECT_EQ(second["Items"][0]["postId"]["S"], "p2");
  request["ExclusiveStartKey"].erase("created");
  EXPECT_EQ(ErrorOf(Call("Query", request)),
            "ValidationException: The provided starting key is invalid");
  request["ExclusiveStartKey"]["created"] = {{"S", "1"}};
  EXPECT_EQ(ErrorOf(Call("Query", request)),
            "ValidationException: The provided key element does not match the schema");
}

TEST_F(IndexesTest, GlobalIndexReadsAreEventuallyConsistentAndProjected) {
  CreatePosts();
  json request = {{"TableName", "Posts"},
                  {"IndexName", "ByTopic"},
                  {"KeyConditionExpression", "topic = :t"},
                  {"ExpressionAttributeValues", {{":t", {{"S", "go"}}}}},
                  {"ConsistentRead", true}};
  EXPECT_EQ(ErrorOf(Call("Query", request)),
            "ValidationException: Consistent reads are not supported on global secondary indexes");
  request.erase("ConsistentRead");
  request["Select"] = "ALL_ATTRIBUTES";
  EXPECT_EQ(ErrorOf(Call("Query", request)),
            "ValidationException: One or more parameter values were invalid: Select type "
            "ALL_ATTRIBUTES is not supported for global secondary index ByTopic because its "
            "projection type is not ALL");
  request["IndexName"] = "Nope";
  EXPECT_EQ(ErrorOf(Call("Query", request)),
            "ValidationException: The table does not have the specified index: Nope");
  EXPECT_EQ(ErrorOf(Call("Scan", {{"TableName", "Posts"}, {"IndexName", "Nope"}})),
            "ValidationException: The table does not have the specified index: Nope");
}

TEST_F(IndexesTest, ScanReadsAnIndexsEntriesOnly) {
  CreatePosts();
  Put(Post("ann", "p1", {{"email", {{"S", "ann@example.com"}}}}));
  Put(Post("bob", "p2", {}));
  json result = Ok("Scan", {{"TableName", "Posts"}, {"IndexName", "ByEmail"}});
  ASSERT_EQ(result["Count"], 1);
  EXPECT_EQ(result["Items"][0]["email"]["S"], "ann@example.com");
}

TEST_F(IndexesTest, IndexWritesAreChargedInTheDocumentedCases) {
  CreatePosts();
  const json topic = {{"topic", {{"S", "go"}}}, {"created", {{"N", "1"}}}};
  // A new item that enters two indexes (ByTopic and the local ByCreated): one write each.
  EXPECT_EQ(Put(Post("ann", "p1", topic)),
            json::parse(R"({"TableName":"Posts","CapacityUnits":3.0,"Table":{"CapacityUnits":1.0},
              "LocalSecondaryIndexes":{"ByCreated":{"CapacityUnits":1.0}},
              "GlobalSecondaryIndexes":{"ByTopic":{"CapacityUnits":1.0}}})"));
  // The same item again: nothing an index holds changes, so no index writes.
  EXPECT_EQ(Put(Post("ann", "p1", topic)),
            json::parse(R"({"TableName":"Posts","CapacityUnits":1.0,"Table":{"CapacityUnits":1.0}})"));
  // A projected attribute changes: one write to ByTopic (title is projected), none to the
  // KEYS_ONLY local index.
  json titled = topic;
  titled["title"] = {{"S", "Hello"}};
  EXPECT_EQ(Put(Post("ann", "p1", titled))["GlobalSecondaryIndexes"]["ByTopic"]["CapacityUnits"], 1.0);
  // An attribute no index projects: no index writes.
  titled["body"] = {{"S", "..."}};
  EXPECT_EQ(Put(Post("ann", "p1", titled))["CapacityUnits"], 1.0);
  // The index key changes: a delete and a put in ByTopic.
  json moved = titled;
  moved["topic"] = {{"S", "rust"}};
  EXPECT_EQ(Put(Post("ann", "p1", moved))["GlobalSecondaryIndexes"]["ByTopic"]["CapacityUnits"], 2.0);
  // The index key goes away: one write to delete the entry.
  json update = {{"TableName", "Posts"},
                 {"Key", {{"author", {{"S", "ann"}}}, {"postId", {{"S", "p1"}}}}},
                 {"UpdateExpression", "REMOVE topic"},
                 {"ReturnConsumedCapacity", "INDEXES"}};
  EXPECT_EQ(Ok("UpdateItem", update)["ConsumedCapacity"],
            json::parse(R"({"TableName":"Posts","CapacityUnits":2.0,"Table":{"CapacityUnits":1.0},
              "GlobalSecondaryIndexes":{"ByTopic":{"CapacityUnits":1.0}}})"));
  // TOTAL folds the index writes into one figure.
  json remove = {{"TableName", "Posts"},
                 {"Key", {{"author", {{"S", "ann"}}}, {"postId", {{"S", "p1"}}}}},
                 {"ReturnConsumedCapacity", "TOTAL"}};
  EXPECT_EQ(Ok("DeleteItem", remove)["ConsumedCapacity"],
            json::parse(R"({"TableName":"Posts","CapacityUnits":2.0})"));  // table + ByCreated
  EXPECT_EQ(Ok("Scan", {{"TableName", "Posts"}, {"IndexName", "ByCreated"}})["Count"], 0);
}

TEST_F(IndexesTest, AnIndexKeyOfTheWrongTypeIsRejected) {
  CreatePosts();
  EXPECT_EQ(ErrorOf(Call("PutItem", {{"TableName", "Posts"},
                                     {"Item", Post("ann", "p1", {{"topic", {{"N", "1"}}}})}})),
            "ValidationException: One or more parameter values were invalid: Type mismatch for "
            "Index Key topic Expected: S Actual: N IndexName: ByTopic");
  EXPECT_EQ(ErrorOf(Call("PutItem", {{"TableName", "Posts"},
                                     {"Item", Post("ann", "p1", {{"email", {{"S", ""}}}})}})),
            "ValidationException: One or more parameter values are not valid. A value specified "
            "for a secondary index key is not supported. The AttributeValue for a key attribute "
            "cannot contain an empty string value. IndexName: ByEmail, IndexKey: email");
  EXPECT_EQ(
      ErrorOf(Call("UpdateItem", {{"TableName", "Posts"},
                                  {"Key", {{"author", {{"S", "ann"}}}, {"postId", {{"S", "p1"}}}}},
                                  {"UpdateExpression", "SET created = :c"},
                                  {"ExpressionAttributeValues", {{":c", {{"S", "yesterday"}}}}}})),
      // An UpdateExpression's own text (API reference, TransactionCanceledException).
      "ValidationException: The update expression attempted to update the secondary index "
      "key to unsupported type");
  // Nothing was written.
  EXPECT_EQ(Ok("Scan", {{"TableName", "Posts"}})["Count"], 0);
}

TEST_F(IndexesTest, ALocalIndexFetchesWhatItDoesNotProjectFromTheTable) {
  CreatePosts();
  for (int i = 0; i < 3; ++i) {
    Put(Post("ann", "p" + std::to_string(i),
             {{"created", {{"N", std::to_string(i)}}}, {"body", {{"S", "text"}}}}));
  }
  json request = {{"TableName", "Posts"},
                  {"IndexName", "ByCreated"},
                  {"KeyConditionExpression", "author = :a AND created >= :c"},
                  {"ExpressionAttributeValues", {{":a", {{"S", "ann"}}}, {":c", {{"N", "1"}}}}},
                  {"ConsistentRead", true},
                  {"ReturnConsumedCapacity", "INDEXES"}};
  json projected = Ok("Query", request);
  ASSERT_EQ(projected["Count"], 2);
  EXPECT_FALSE(projected["Items"][0].contains("body"));
  EXPECT_EQ(projected["ConsumedCapacity"]["LocalSecondaryIndexes"]["ByCreated"]["CapacityUnits"], 1.0);
  request["Select"] = "ALL_ATTRIBUTES";
  json fetched = Ok("Query", request);
  EXPECT_EQ(fetched["Items"][0]["body"]["S"], "text");
  // One strongly consistent read of each whole item on the table, plus the index page.
  EXPECT_EQ(fetched["ConsumedCapacity"],
            json::parse(R"({"TableName":"Posts","CapacityUnits":3.0,"Table":{"CapacityUnits":2.0},
              "LocalSecondaryIndexes":{"ByCreated":{"CapacityUnits":1.0}}})"));
}

// Back-pressure: a global index with too little write capacity throttles the table's writes,
// naming the index (Developer Guide, "Provisioned throughput considerations for GSIs").
TEST_F(IndexesTest, AnUnderProvisionedGlobalIndexThrottlesTheTablesWrites) {
  json request = PostsRequest();
  request.erase("BillingMode");
  request.erase("LocalSecondaryIndexes");
  request["AttributeDefinitions"] = {Definition("author", "S"), Definition("postId", "S"),
                                     Definition("topic", "S")};
  request["ProvisionedThroughput"] = {{"ReadCapacityUnits", 100}, {"WriteCapacityUnits", 1000}};
  request["GlobalSecondaryIndexes"] = json::array({request["GlobalSecondaryIndexes"][0]});
  request["GlobalSecondaryIndexes"][0]["KeySchema"] = json::array({KeyElement("topic", "HASH")});
  request["GlobalSecondaryIndexes"][0]["ProvisionedThroughput"] = {{"ReadCapacityUnits", 1},
                                                                   {"WriteCapacityUnits", 1}};
  Ok("CreateTable", request);
  // The index's burst holds 300 seconds of its 1 WCU.
  for (int i = 0; i < 300; ++i) {
    ASSERT_EQ(ErrorOf(Call("PutItem", {{"TableName", "Posts"},
                                       {"Item", Post("ann", "p" + std::to_string(i),
                                                     {{"topic", {{"S", "t" + std::to_string(i)}}}})}})),
              "OK") << i;
  }
  Response throttled = Call("PutItem", {{"TableName", "Posts"},
                                        {"Item", Post("ann", "late", {{"topic", {{"S", "x"}}}})}});
  EXPECT_EQ(ErrorOf(throttled),
            "ProvisionedThroughputExceededException: The level of configured provisioned "
            "throughput for one or more global secondary indexes of the table was exceeded. "
            "Consider increasing your provisioning level for the under-provisioned global "
            "secondary indexes with the UpdateTable API.");
  EXPECT_EQ(json::parse(throttled.body)["ThrottlingReasons"],
            json::parse(R"([{"reason":"IndexWriteProvisionedThroughputExceeded",
              "resource":"arn:aws:dynamodb:us-east-1:000000000000:table/Posts/index/ByTopic"}])"));
  // The index's partitions show its traffic and its throttle.
  json metrics = json::parse(engine_.Handle("Playground.GetMetrics", R"({"TableName":"Posts"})").body);
  const json& index_metrics = metrics["GlobalSecondaryIndexes"][0];
  EXPECT_EQ(index_metrics["IndexName"], "ByTopic");
  long long entries = 0, throttled_writes = 0;
  for (const json& partition : index_metrics["Partitions"]) {
    entries += partition["ItemCount"].get<long long>();
    for (const json& second : partition["Seconds"]) throttled_writes += second["ThrottledWrites"].get<long long>();
  }
  EXPECT_EQ(entries, 300);
  EXPECT_EQ(throttled_writes, 1);
  // Nothing was written, and a write the index does not see still goes through.
  EXPECT_FALSE(Ok("GetItem", {{"TableName", "Posts"},
                              {"Key", {{"author", {{"S", "ann"}}}, {"postId", {{"S", "late"}}}}}})
                   .contains("Item"));
  EXPECT_EQ(ErrorOf(Call("PutItem", {{"TableName", "Posts"}, {"Item", Post("ann", "plain", json::object())}})),
            "OK");
  // In a transaction the index's throttle cancels it, and is the reason of the action that
  // writes the index (API reference, TransactionCanceledException).
  json indexed = {
      {"Put", {{"TableName", "Posts"}, {"Item", Post("ann", "late", {{"topic", {{"S", "x"}}}})}}}};
  json plain = {{"Put", {{"TableName", "Posts"}, {"Item", Post("bob", "plain", json::object())}}}};
  Response transaction =
      Call("TransactWriteItems", {{"TransactItems", json::array({plain, indexed})}});
  EXPECT_EQ(json::parse(transaction.body)["CancellationReasons"],
            json::parse(R"([{"Code":"None"},{"Code":"ProvisionedThroughputExceeded","Message":
              "The level of configured provisioned throughput for one or more global secondary indexes of the table was exceeded. Consider increasing your provisioning level for the under-provisioned global secondary indexes with the UpdateTable API."}])"));
}

// "Queries on a GSI right after a write can miss it" (the explainer): with a propagation delay
// the global index catches up that much later; local indexes and the table never lag.
TEST_F(IndexesTest, GlobalIndexesLagWhenPropagationIsOn) {
  ASSERT_EQ(ErrorOf(engine_.Handle("Playground.Configure", R"({"IndexPropagationSeconds": 2})")), "OK");
  CreatePosts();
  Put(Post("ann", "p1", {{"topic", {{"S", "go"}}}, {"created", {{"N", "1"}}}}));
  auto count = [this](const std::string& index, const std::string& condition, const json& values) {
    return Ok("Query", {{"TableName", "Posts"}, {"IndexName", index},
                        {"KeyConditionExpression", condition},
                        {"ExpressionAttributeValues", values}})["Count"].get<int>();
  };
  const json topic = {{":t", {{"S", "go"}}}};
  const json author = {{":a", {{"S", "ann"}}}};
  EXPECT_EQ(count("ByTopic", "topic = :t", topic), 0);       // not there yet
  EXPECT_EQ(count("ByCreated", "author = :a", author), 1);  // local: at once
  clock_.Advance(2);
  EXPECT_EQ(count("ByTopic", "topic = :t", topic), 1);
  EXPECT_EQ(ErrorOf(engine_.Handle("Playground.Configure", R"({"IndexPropagationSeconds": 61})")),
            "ValidationException: IndexPropagationSeconds must be between 0 and 60");
}

// Item collections (tables with a local index): ReturnItemCollectionMetrics, and the 10 GB
// limit on one partition-key value (divided by the scale: 10,737 bytes at 1,000,000). At that
// scale a partition serves one request a second, so the clock moves a second per request.
TEST_F(IndexesTest, ItemCollectionsAreMeasuredAndLimited) {
  ASSERT_EQ(ErrorOf(engine_.Handle("Playground.Configure", R"({"Scale": 1000000})")), "OK");
  CreatePosts();
  json put = {{"TableName", "Posts"},
              {"Item", Post("ann", "p0", {{"created", {{"N", "1"}}}})},
              {"ReturnItemCollectionMetrics", "SIZE"}};
  EXPECT_EQ(Ok("PutItem", put)["ItemCollectionMetrics"],
            json::parse(R"({"ItemCollectionKey":{"author":{"S":"ann"}},"SizeEstimateRangeGB":[0.0,1.0]})"));
  const std::string body(3000, 'x');
  std::string outcome;
  for (int i = 1; i <= 4; ++i) {
    clock_.Advance(1);
    outcome = ErrorOf(Call("PutItem", {{"TableName", "Posts"},
                                       {"Item", Post("ann", "p" + std::to_string(i), {{"body", {{"S", body}}}})}}));
    if (outcome != "OK") break;
  }
  EXPECT_EQ(outcome, "ItemCollectionSizeLimitExceededException: Collection size exceeded.");
  // In a transaction the limit cancels it, and is the action's reason (API reference).
  clock_.Advance(1);
  json put_action = {
      {"Put", {{"TableName", "Posts"}, {"Item", Post("ann", "p9", {{"body", {{"S", body}}}})}}}};
  Response transaction = Call("TransactWriteItems", {{"TransactItems", json::array({put_action})}});
  EXPECT_EQ(
      json::parse(transaction.body)["CancellationReasons"],
      json::parse(
          R"([{"Code":"ItemCollectionSizeLimitExceeded","Message":"Collection size exceeded."}])"));
  // Another partition-key value is another collection; shrinking a full one is allowed.
  clock_.Advance(1);
  EXPECT_EQ(ErrorOf(Call("PutItem", {{"TableName", "Posts"}, {"Item", Post("bob", "p1", {{"body", {{"S", body}}}})}})),
            "OK");
  clock_.Advance(1);
  EXPECT_EQ(ErrorOf(Call("DeleteItem", {{"TableName", "Posts"},
                                        {"Key", {{"author", {{"S", "ann"}}}, {"postId", {{"S", "p1"}}}}}})),
            "OK");
  clock_.Advance(1);
  json batch = Ok("BatchWriteItem",
                  {{"RequestItems", {{"Posts", json::array({{{"PutRequest", {{"Item", Post("cid", "p1", json::object())}}}}})}}},
                   {"ReturnItemCollectionMetrics", "SIZE"}});
  EXPECT_EQ(batch["ItemCollectionMetrics"]["Posts"][0]["ItemCollectionKey"],
            json::parse(R"({"author":{"S":"cid"}})"));
}

// A transaction's writes take effect together, so they fill one item collection together.
TEST_F(IndexesTest, ATransactionsWritesFillAnItemCollectionTogether) {
  ASSERT_EQ(ErrorOf(engine_.Handle("Playground.Configure", R"({"Scale": 1000000})")), "OK");
  CreatePosts();
  // About 6 KB each, no local index entry: one fits the 10,737 bytes, two do not.
  const std::string body(6000, 'x');
  auto put = [this, &body](const std::string& post) {
    return json{
        {"Put", {{"TableName", "Posts"}, {"Item", Post("dan", post, {{"body", {{"S", body}}}})}}}};
  };
  Response both =
      Call("TransactWriteItems", {{"TransactItems", json::array({put("a"), put("b")})}});
  EXPECT_EQ(json::parse(both.body)["CancellationReasons"], json::parse(R"([{"Code":"None"},
              {"Code":"ItemCollectionSizeLimitExceeded","Message":"Collection size exceeded."}])"));
  clock_.Advance(1);
  EXPECT_EQ(ErrorOf(Call("TransactWriteItems", {{"TransactItems", json::array({put("a")})}})),
            "OK");
}

TEST_F(IndexesTest, TablesWithoutALocalIndexReturnNoItemCollectionMetrics) {
  CreateTable("Plain");
  json output = Ok("PutItem", {{"TableName", "Plain"},
                               {"Item", {{"pk", {{"S", "a"}}}}},
                               {"ReturnItemCollectionMetrics", "SIZE"}});
  EXPECT_FALSE(output.contains("ItemCollectionMetrics"));
}

// The same cases for a local index, charged to the table's capacity (and so to the total).
TEST_F(IndexesTest, LocalIndexWritesFollowTheSameCases) {
  CreatePosts();
  auto update = [this](const std::string& expression, const json& values) {
    json request = {{"TableName", "Posts"},
                    {"Key", {{"author", {{"S", "ann"}}}, {"postId", {{"S", "p1"}}}}},
                    {"UpdateExpression", expression},
                    {"ReturnConsumedCapacity", "INDEXES"}};
    if (!values.is_null()) request["ExpressionAttributeValues"] = values;
    return Ok("UpdateItem", request)["ConsumedCapacity"];
  };
  const json enters = update("SET created = :c", {{":c", {{"N", "1"}}}});
  EXPECT_EQ(enters["LocalSecondaryIndexes"]["ByCreated"]["CapacityUnits"], 1.0);
  EXPECT_EQ(enters["CapacityUnits"], 2.0);
  const json moves = update("SET created = :c", {{":c", {{"N", "2"}}}});
  EXPECT_EQ(moves["LocalSecondaryIndexes"]["ByCreated"]["CapacityUnits"], 2.0);  // delete + put
  const json untouched = update("SET mood = :o", {{":o", {{"S", "x"}}}});  // KEYS_ONLY
  EXPECT_FALSE(untouched.contains("LocalSecondaryIndexes"));
  const json leaves = update("REMOVE created", nullptr);
  EXPECT_EQ(leaves["LocalSecondaryIndexes"]["ByCreated"]["CapacityUnits"], 1.0);
}

TEST_F(IndexesTest, TransactionsDoubleIndexWritesAndListTheirArms) {
  CreatePosts();
  json consumed = Ok("TransactWriteItems",
                     {{"TransactItems",
                       json::array({{{"Put", {{"TableName", "Posts"},
                                              {"Item", Post("ann", "p1", {{"topic", {{"S", "go"}}},
                                                                          {"created", {{"N", "1"}}}})}}}}})},
                      {"ReturnConsumedCapacity", "INDEXES"}})["ConsumedCapacity"][0];
  EXPECT_EQ(consumed, json::parse(R"({"TableName":"Posts","CapacityUnits":6.0,"WriteCapacityUnits":6.0,
      "Table":{"CapacityUnits":2.0,"WriteCapacityUnits":2.0},
      "LocalSecondaryIndexes":{"ByCreated":{"CapacityUnits":2.0,"WriteCapacityUnits":2.0}},
      "GlobalSecondaryIndexes":{"ByTopic":{"CapacityUnits":2.0,"WriteCapacityUnits":2.0}}})"));
}

// Issue #10: an index key has the table key's size limits, on every write to the table.
TEST_F(IndexesTest, AnIndexKeyLongerThanAKeyIsRefusedOnEveryWrite) {
  json request = PostsRequest();
  request["AttributeDefinitions"].push_back(Definition("title", "S"));
  request["GlobalSecondaryIndexes"].push_back(
      {{"IndexName", "ByTitle"},
       {"KeySchema", {KeyElement("topic", "HASH"), KeyElement("title", "RANGE")}},
       {"Projection", {{"ProjectionType", "KEYS_ONLY"}}}});
  Ok("CreateTable", request);
  auto message = [](const std::string& name, int size, int max, const std::string& index) {
    return "ValidationException: One or more parameter values were invalid: Size limit exceeded "
           "for Index Key " + name + " Actual Size: " + std::to_string(size) +
           " bytes Max Size: " + std::to_string(max) + " bytes IndexName: " + index;
  };
  // At the limits: stored.
  Put(Post("ann", "p1", {{"email", {{"S", std::string(2048, 'e')}}},
                         {"topic", {{"S", "go"}}},
                         {"title", {{"S", std::string(1024, 't')}}}}));
  EXPECT_EQ(ErrorOf(Call("PutItem", {{"TableName", "Posts"},
                                     {"Item", Post("ann", "p2", {{"email", {{"S", std::string(2049, 'e')}}}})}})),
            message("email", 2049, 2048, "ByEmail"));
  EXPECT_EQ(ErrorOf(Call("UpdateItem",
                         {{"TableName", "Posts"},
                          {"Key", {{"author", {{"S", "ann"}}}, {"postId", {{"S", "p2"}}}}},
                          {"UpdateExpression", "SET topic = :t, title = :long"},
                          {"ExpressionAttributeValues",
                           {{":t", {{"S", "go"}}}, {":long", {{"S", std::string(1025, 't')}}}}}})),
            message("title", 1025, 1024, "ByTitle"));
  json batch = {{"RequestItems",
                 {{"Posts",
                   {{{"PutRequest",
                      {{"Item", Post("ann", "p2", {{"topic", {{"S", std::string(2049, 'g')}}}})}}}}}}}}};
  EXPECT_EQ(ErrorOf(Call("BatchWriteItem", batch)), message("topic", 2049, 2048, "ByTopic"));
  json transaction = {
      {"TransactItems",
       {{{"Put", {{"TableName", "Posts"},
                  {"Item", Post("ann", "p2", {{"email", {{"S", std::string(2049, 'e')}}}})}}}}}}};
  EXPECT_EQ(ErrorOf(Call("TransactWriteItems", transaction)),
            "TransactionCanceledException: Transaction cancelled, please refer cancellation "
            "reasons for specific reasons [ValidationError]");
  // Nothing but the first item was written.
  EXPECT_EQ(Ok("Scan", {{"TableName", "Posts"}})["Count"], 1);
}

// Issue #10: a start key for an index read names the table's and the index's key attributes.
TEST_F(IndexesTest, AnIndexStartKeyNeedsTheTableAndIndexKeys) {
  CreatePosts();
  Put(Post("ann", "p1", {{"email", {{"S", "a@x"}}}}));
  json request = {{"TableName", "Posts"}, {"IndexName", "ByEmail"}};
  request["ExclusiveStartKey"] = {{"email", {{"S", "a@x"}}}};
  EXPECT_EQ(ErrorOf(Call("Scan", request)),
            "ValidationException: The provided starting key is invalid");
  request["ExclusiveStartKey"] = Post("ann", "p1", {{"email", {{"S", "a@x"}}}, {"x", {{"S", "1"}}}});
  EXPECT_EQ(ErrorOf(Call("Scan", request)),
            "ValidationException: The provided starting key is invalid");
  request["ExclusiveStartKey"] = Post("ann", "p1", {{"email", {{"N", "1"}}}});
  EXPECT_EQ(ErrorOf(Call("Scan", request)),
            "ValidationException: The provided key element does not match the schema");
  request["ExclusiveStartKey"] = Post("ann", "p1", {{"email", {{"S", "a@x"}}}});
  EXPECT_EQ(Ok("Scan", request)["Count"], 0);
}

}  // namespace
}  // namespace ddbpg::testing
