// DynamoDB Streams (issue #6): StreamSpecification on CreateTable and UpdateTable, the records
// every write path produces, and the Streams API's shards, iterators, expiry and trimming on
// the engine's clock.
#include <gtest/gtest.h>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

constexpr double kStart = 1800000000;  // 2027-01-15T08:00:00Z

class StreamsTest : public EngineFixture {
 protected:
  void SetUp() override { clock_.Set(kStart); }

  json CreateWithStream(const std::string& name, const std::string& view_type) {
    json request = {{"TableName", name},
                    {"BillingMode", "PAY_PER_REQUEST"},
                    {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
                    {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}},
                    {"StreamSpecification", {{"StreamEnabled", true}, {"StreamViewType", view_type}}}};
    return Ok("CreateTable", request)["TableDescription"];
  }
  Response Streams(const std::string& operation, const json& body) {
    return engine_.Handle("DynamoDBStreams_20120810." + operation, body.dump());
  }
  json StreamsOk(const std::string& operation, const json& body) {
    Response response = Streams(operation, body);
    EXPECT_EQ(response.status, 200) << operation << ": " << response.body;
    return json::parse(response.body);
  }
  std::string Arn(const std::string& table) {
    return Ok("DescribeTable", {{"TableName", table}})["Table"]["LatestStreamArn"];
  }
  json Shards(const std::string& arn) {
    return StreamsOk("DescribeStream", {{"StreamArn", arn}})["StreamDescription"]["Shards"];
  }
  std::string Iterator(const std::string& arn, const std::string& shard, const std::string& type) {
    return StreamsOk("GetShardIterator",
                     {{"StreamArn", arn}, {"ShardId", shard}, {"ShardIteratorType", type}})
        ["ShardIterator"];
  }
  // Every record of the stream's first shard, from the trim horizon.
  json Records(const std::string& table) {
    std::string arn = Arn(table);
    return StreamsOk("GetRecords",
                     {{"ShardIterator", Iterator(arn, Shards(arn)[0]["ShardId"], "TRIM_HORIZON")}})
        ["Records"];
  }
  void Put(const std::string& table, const json& item) {
    Ok("PutItem", {{"TableName", table}, {"Item", item}});
  }
};

TEST_F(StreamsTest, DescribeTableShowsTheStream) {
  json created = CreateWithStream("Posts", "NEW_AND_OLD_IMAGES");
  EXPECT_EQ(created["StreamSpecification"],
            json::parse(R"({"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"})"));
  EXPECT_EQ(created["LatestStreamLabel"], "2027-01-15T08:00:00.000");
  EXPECT_EQ(created["LatestStreamArn"],
            "arn:aws:dynamodb:us-east-1:000000000000:table/Posts/stream/2027-01-15T08:00:00.000");
}

TEST_F(StreamsTest, EveryChangeIsOneRecordInOrder) {
  CreateWithStream("Posts", "NEW_AND_OLD_IMAGES");
  Put("Posts", {{"pk", {{"S", "a"}}}, {"v", {{"N", "1"}}}});
  Put("Posts", {{"pk", {{"S", "a"}}}, {"v", {{"N", "1"}}}});  // identical: no record
  clock_.Advance(2.5);
  Ok("UpdateItem", {{"TableName", "Posts"}, {"Key", {{"pk", {{"S", "a"}}}}},
                    {"UpdateExpression", "SET v = :v"}, {"ExpressionAttributeValues", {{":v", {{"N", "2"}}}}}});
  EXPECT_NE(ErrorOf(Call("PutItem", {{"TableName", "Posts"}, {"Item", {{"pk", {{"S", "a"}}}}},
                                     {"ConditionExpression", "attribute_not_exists(pk)"}})),
            "OK");  // a failed condition changes nothing
  Ok("DeleteItem", {{"TableName", "Posts"}, {"Key", {{"pk", {{"S", "a"}}}}}});
  Ok("DeleteItem", {{"TableName", "Posts"}, {"Key", {{"pk", {{"S", "a"}}}}}});  // already gone
  json records = Records("Posts");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0]["eventName"], "INSERT");
  EXPECT_EQ(records[1]["eventName"], "MODIFY");
  EXPECT_EQ(records[2]["eventName"], "REMOVE");
  EXPECT_EQ(records[0], json::parse(R"({
      "eventID": "00000000000000000000000000000001", "eventName": "INSERT", "eventVersion": "1.1",
      "eventSource": "aws:dynamodb", "awsRegion": "us-east-1",
      "dynamodb": {"ApproximateCreationDateTime": 1800000000.0, "Keys": {"pk": {"S": "a"}},
                   "NewImage": {"pk": {"S": "a"}, "v": {"N": "1"}},
                   "SequenceNumber": "100000000000000000001", "SizeBytes": 9,
                   "StreamViewType": "NEW_AND_OLD_IMAGES"}})"));
  // MODIFY carries both images; its time is whole seconds on the clock. SizeBytes counts the
  // keys (pk "a": 3 bytes) and each image (6 bytes).
  EXPECT_EQ(records[1]["dynamodb"]["OldImage"]["v"]["N"], "1");
  EXPECT_EQ(records[1]["dynamodb"]["NewImage"]["v"]["N"], "2");
  EXPECT_EQ(records[1]["dynamodb"]["ApproximateCreationDateTime"], 1800000002.0);
  EXPECT_EQ(records[1]["dynamodb"]["SizeBytes"], 3 + 6 + 6);
  EXPECT_FALSE(records[2]["dynamodb"].contains("NewImage"));
  EXPECT_LT(records[0]["dynamodb"]["SequenceNumber"].get<std::string>(),
            records[2]["dynamodb"]["SequenceNumber"].get<std::string>());
}

TEST_F(StreamsTest, ViewTypesChooseTheImages) {
  CreateWithStream("Keys", "KEYS_ONLY");
  CreateWithStream("Old", "OLD_IMAGE");
  for (const char* table : {"Keys", "Old"}) {
    Put(table, {{"pk", {{"S", "a"}}}, {"v", {{"N", "1"}}}});
    Put(table, {{"pk", {{"S", "a"}}}, {"v", {{"N", "2"}}}});
  }
  json keys = Records("Keys")[1]["dynamodb"];
  EXPECT_FALSE(keys.contains("NewImage"));
  EXPECT_FALSE(keys.contains("OldImage"));
  EXPECT_EQ(keys["SizeBytes"], 3);
  json old = Records("Old")[1]["dynamodb"];
  EXPECT_FALSE(old.contains("NewImage"));
  EXPECT_EQ(old["OldImage"]["v"]["N"], "1");
}

TEST_F(StreamsTest, BatchesAndTransactionsWriteARecordPerChangedItem) {
  CreateWithStream("Posts", "NEW_IMAGE");
  Ok("BatchWriteItem",
     {{"RequestItems",
       {{"Posts", {{{"PutRequest", {{"Item", {{"pk", {{"S", "a"}}}}}}}},
                   {{"PutRequest", {{"Item", {{"pk", {{"S", "b"}}}}}}}}}}}}});
  Ok("TransactWriteItems",
     {{"TransactItems",
       {{{"Put", {{"TableName", "Posts"}, {"Item", {{"pk", {{"S", "c"}}}}}}}},
        {{"ConditionCheck", {{"TableName", "Posts"}, {"Key", {{"pk", {{"S", "a"}}}}},
                             {"ConditionExpression", "attribute_exists(pk)"}}}},
        {{"Delete", {{"TableName", "Posts"}, {"Key", {{"pk", {{"S", "b"}}}}}}}}}}});
  std::string names;
  for (const json& record : Records("Posts")) names += record["eventName"].get<std::string>() + " ";
  EXPECT_EQ(names, "INSERT INSERT INSERT REMOVE ");
}

TEST_F(StreamsTest, StreamSpecificationRulesUseTheServicesTexts) {
  json request = {{"TableName", "Tbl"},
                  {"BillingMode", "PAY_PER_REQUEST"},
                  {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
                  {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}},
                  {"StreamSpecification", {{"StreamEnabled", true}}}};
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)),
            "ValidationException: One or more parameter values were invalid: Table is being "
            "created with a stream enabled, UpdateViewType is required");
  request["StreamSpecification"] = {{"StreamEnabled", true}, {"StreamViewType", "new_image"}};
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)),
            "ValidationException: 1 validation error detected: Value 'new_image' at "
            "'streamSpecification.streamViewType' failed to satisfy constraint: Member must "
            "satisfy enum value set: [OLD_IMAGE, KEYS_ONLY, NEW_AND_OLD_IMAGES, NEW_IMAGE]");
  request["StreamSpecification"] = {{"StreamEnabled", false}};
  ASSERT_EQ(ErrorOf(Call("CreateTable", request)), "OK");
  EXPECT_FALSE(Ok("DescribeTable", {{"TableName", "Tbl"}})["Table"].contains("LatestStreamArn"));
  auto update = [this](const json& specification) {
    return ErrorOf(Call("UpdateTable", {{"TableName", "Tbl"}, {"StreamSpecification", specification}}));
  };
  EXPECT_EQ(update({{"StreamEnabled", false}}),
            "ValidationException: Table has no stream to disable: TableName: Tbl");
  EXPECT_EQ(update({{"StreamEnabled", true}}),
            "ValidationException: One or more parameter values were invalid: If stream is being "
            "enabled then UpdateViewType is required");
  EXPECT_EQ(update({{"StreamEnabled", true}, {"StreamViewType", "KEYS_ONLY"}}), "OK");
  EXPECT_EQ(update({{"StreamEnabled", true}, {"StreamViewType", "NEW_IMAGE"}}),
            "ValidationException: Table already has an enabled stream: TableName: Tbl");
  EXPECT_EQ(update({{"StreamEnabled", false}, {"StreamViewType", "KEYS_ONLY"}}),
            "ValidationException: One or more parameter values were invalid: If stream is being "
            "disabled, then UpdateViewType must not be specified");
}

TEST_F(StreamsTest, ADisabledStreamStaysReadableAndANewOneHasANewArn) {
  CreateWithStream("Posts", "KEYS_ONLY");
  Put("Posts", {{"pk", {{"S", "a"}}}});
  const std::string first = Arn("Posts");
  Ok("UpdateTable", {{"TableName", "Posts"}, {"StreamSpecification", {{"StreamEnabled", false}}}});
  json table = Ok("DescribeTable", {{"TableName", "Posts"}})["Table"];
  EXPECT_FALSE(table.contains("StreamSpecification"));
  EXPECT_EQ(table["LatestStreamArn"], first);
  Put("Posts", {{"pk", {{"S", "b"}}}});  // not recorded
  json described = StreamsOk("DescribeStream", {{"StreamArn", first}})["StreamDescription"];
  EXPECT_EQ(described["StreamStatus"], "DISABLED");
  EXPECT_TRUE(described["Shards"][0]["SequenceNumberRange"].contains("EndingSequenceNumber"));
  Ok("UpdateTable", {{"TableName", "Posts"},
                     {"StreamSpecification", {{"StreamEnabled", true}, {"StreamViewType", "KEYS_ONLY"}}}});
  EXPECT_NE(Arn("Posts"), first);
  json listed = StreamsOk("ListStreams", {{"TableName", "Posts"}})["Streams"];
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0]["StreamArn"], Arn("Posts"));  // newest first
  EXPECT_EQ(listed[1]["StreamArn"], first);
  // The closed shard, read to its end, has no next iterator.
  json read = StreamsOk("GetRecords",
                        {{"ShardIterator", Iterator(first, Shards(first)[0]["ShardId"], "TRIM_HORIZON")}});
  EXPECT_EQ(read["Records"].size(), 1u);
  EXPECT_FALSE(read.contains("NextShardIterator"));
}

TEST_F(StreamsTest, IteratorsFollowTheShardAndExpire) {
  CreateWithStream("Posts", "KEYS_ONLY");
  const std::string arn = Arn("Posts");
  const std::string shard = Shards(arn)[0]["ShardId"];
  EXPECT_EQ(shard.size(), 37u);
  const std::string latest = Iterator(arn, shard, "LATEST");
  Put("Posts", {{"pk", {{"S", "a"}}}});
  json first = StreamsOk("GetRecords", {{"ShardIterator", latest}});
  ASSERT_EQ(first["Records"].size(), 1u);
  const std::string sequence = first["Records"][0]["dynamodb"]["SequenceNumber"];
  Put("Posts", {{"pk", {{"S", "b"}}}});
  json next = StreamsOk("GetRecords", {{"ShardIterator", first["NextShardIterator"]}});
  ASSERT_EQ(next["Records"].size(), 1u);
  EXPECT_EQ(next["Records"][0]["dynamodb"]["Keys"]["pk"]["S"], "b");
  json after = StreamsOk("GetShardIterator", {{"StreamArn", arn}, {"ShardId", shard},
                                              {"ShardIteratorType", "AFTER_SEQUENCE_NUMBER"},
                                              {"SequenceNumber", sequence}});
  EXPECT_EQ(StreamsOk("GetRecords", {{"ShardIterator", after["ShardIterator"]}})["Records"].size(), 1u);
  // Fifteen minutes later the iterator is gone.
  clock_.Advance(15 * 60 + 1);
  EXPECT_EQ(ErrorOf(Streams("GetRecords", {{"ShardIterator", next["NextShardIterator"]}})),
            "ExpiredIteratorException: Shard iterator has expired");
  EXPECT_EQ(ErrorOf(Streams("GetRecords", {{"ShardIterator", "nonsense"}})),
            "ValidationException: Invalid ShardIterator");
  EXPECT_EQ(ErrorOf(Streams("GetShardIterator", {{"StreamArn", arn},
                                                 {"ShardId", "shardId-00000000000000000000-00000000"},
                                                 {"ShardIteratorType", "LATEST"}})),
            "ResourceNotFoundException: Requested resource not found: Shard does not exist");
  EXPECT_EQ(ErrorOf(Streams("DescribeStream", {{"StreamArn", "fake-stream"}})),
            "ValidationException: Invalid StreamArn");
  EXPECT_EQ(ErrorOf(Streams("DescribeStream", {{"StreamArn", arn + "0"}})),
            "ResourceNotFoundException: Requested resource not found: Stream: " + arn +
                "0 not found");
}

TEST_F(StreamsTest, ShardsRollOverAndRecordsAreTrimmedAfterADay) {
  CreateWithStream("Posts", "KEYS_ONLY");
  const std::string arn = Arn("Posts");
  Put("Posts", {{"pk", {{"S", "early"}}}});
  clock_.Advance(4 * 3600);
  Put("Posts", {{"pk", {{"S", "later"}}}});
  json shards = Shards(arn);
  ASSERT_EQ(shards.size(), 2u);
  EXPECT_EQ(shards[1]["ParentShardId"], shards[0]["ShardId"]);
  EXPECT_TRUE(shards[0]["SequenceNumberRange"].contains("EndingSequenceNumber"));
  EXPECT_FALSE(shards[1]["SequenceNumberRange"].contains("EndingSequenceNumber"));
  // A day after the first record it is trimmed; an older iterator pointing at it fails.
  clock_.Advance(20 * 3600 + 1);
  const std::string stale = Iterator(arn, shards[0]["ShardId"], "TRIM_HORIZON");
  EXPECT_EQ(StreamsOk("GetRecords", {{"ShardIterator", stale}})["Records"].size(), 0u);
  const std::string first_sequence = "100000000000000000001";
  EXPECT_EQ(ErrorOf(Streams("GetShardIterator", {{"StreamArn", arn},
                                                 {"ShardId", shards[0]["ShardId"]},
                                                 {"ShardIteratorType", "AT_SEQUENCE_NUMBER"},
                                                 {"SequenceNumber", first_sequence}})),
            "TrimmedDataAccessException: The data you are trying to access has been trimmed");
}

TEST_F(StreamsTest, AShardFilterListsTheChildrenOfAShard) {
  CreateWithStream("Posts", "KEYS_ONLY");
  const std::string arn = Arn("Posts");
  Put("Posts", {{"pk", {{"S", "early"}}}});
  clock_.Advance(4 * 3600);
  Put("Posts", {{"pk", {{"S", "later"}}}});
  clock_.Advance(4 * 3600);
  Put("Posts", {{"pk", {{"S", "last"}}}});
  json shards = Shards(arn);
  ASSERT_EQ(shards.size(), 3u);
  auto children = [&](const json& parent) {
    return StreamsOk("DescribeStream",
                     {{"StreamArn", arn},
                      {"ShardFilter", {{"Type", "CHILD_SHARDS"}, {"ShardId", parent}}}})
        ["StreamDescription"]["Shards"];
  };
  json first_children = children(shards[0]["ShardId"]);
  ASSERT_EQ(first_children.size(), 1u);
  EXPECT_EQ(first_children[0], shards[1]);
  EXPECT_EQ(children(shards[1]["ShardId"])[0], shards[2]);
  EXPECT_EQ(children(shards[2]["ShardId"]).size(), 0u);  // the open shard has none yet
  // Without a filter, or with an empty one, every shard is listed.
  EXPECT_EQ(StreamsOk("DescribeStream", {{"StreamArn", arn}, {"ShardFilter", json::object()}})
                ["StreamDescription"]["Shards"],
            shards);
  EXPECT_EQ(ErrorOf(Streams("DescribeStream",
                            {{"StreamArn", arn}, {"ShardFilter", {{"Type", "PARENT_SHARDS"}}}})),
            "ValidationException: 1 validation error detected: Value 'PARENT_SHARDS' at "
            "'shardFilter.type' failed to satisfy constraint: Member must satisfy enum value set: "
            "[CHILD_SHARDS]");
  EXPECT_EQ(ErrorOf(Streams("DescribeStream", {{"StreamArn", arn},
                                               {"ShardFilter", {{"Type", "CHILD_SHARDS"},
                                                                {"ShardId", "short"}}}})),
            "ValidationException: 1 validation error detected: Value 'short' at "
            "'shardFilter.shardId' failed to satisfy constraint: Member must have length greater "
            "than or equal to 28");
  EXPECT_EQ(ErrorOf(Streams("DescribeStream",
                            {{"StreamArn", arn}, {"ShardFilter", {{"Type", "CHILD_SHARDS"}}}})),
            "ValidationException: ShardFilter ShardId must be provided for the CHILD_SHARDS type");
  EXPECT_EQ(ErrorOf(Streams("DescribeStream", {{"StreamArn", arn}, {"ShardFilter", "x"}})),
            "SerializationException: Unexpected field type");
}

// A reader may start at a shard's StartingSequenceNumber even before the shard holds a record
// (ScyllaDB's tests against DynamoDB do so on a fresh stream); it then reads what comes.
TEST_F(StreamsTest, AnIteratorMayStartAtTheStartOfAnEmptyShard) {
  CreateWithStream("Fresh", "KEYS_ONLY");
  const std::string arn = Arn("Fresh");
  const json shard = Shards(arn)[0];
  const std::string start = shard["SequenceNumberRange"]["StartingSequenceNumber"];
  std::string at;
  for (const char* type : {"AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER"}) {
    Response response = Streams("GetShardIterator", {{"StreamArn", arn},
                                                     {"ShardId", shard["ShardId"]},
                                                     {"ShardIteratorType", type},
                                                     {"SequenceNumber", start}});
    ASSERT_EQ(response.status, 200) << type << ": " << response.body;
    if (std::string(type) == "AT_SEQUENCE_NUMBER") {
      at = json::parse(response.body)["ShardIterator"];
    }
  }
  Put("Fresh", {{"pk", {{"S", "first"}}}});
  json records = StreamsOk("GetRecords", {{"ShardIterator", at}})["Records"];
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["dynamodb"]["Keys"]["pk"]["S"], "first");
  // A number past everything the shard can hold so far is still refused.
  EXPECT_EQ(ErrorOf(Streams("GetShardIterator", {{"StreamArn", arn},
                                                 {"ShardId", shard["ShardId"]},
                                                 {"ShardIteratorType", "AT_SEQUENCE_NUMBER"},
                                                 {"SequenceNumber", "999999999999999999999"}})),
            "ValidationException: Invalid SequenceNumber for the shard");
}

TEST_F(StreamsTest, TimeToLiveDeletesAreTheServicesOwn) {
  CreateWithStream("Sessions", "NEW_AND_OLD_IMAGES");
  Ok("UpdateTimeToLive", {{"TableName", "Sessions"},
                          {"TimeToLiveSpecification", {{"AttributeName", "ttl"}, {"Enabled", true}}}});
  Put("Sessions", {{"pk", {{"S", "s1"}}}, {"ttl", {{"N", std::to_string(static_cast<long long>(kStart) + 5)}}}});
  clock_.Advance(60);
  Ok("Scan", {{"TableName", "Sessions"}});  // the sweeper runs before a request
  json records = Records("Sessions");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1]["eventName"], "REMOVE");
  EXPECT_EQ(records[1]["userIdentity"],
            json::parse(R"({"PrincipalId":"dynamodb.amazonaws.com","Type":"Service"})"));
  EXPECT_FALSE(records[0].contains("userIdentity"));
}

TEST_F(StreamsTest, ADeletedTablesStreamIsStillListed) {
  CreateWithStream("Gone", "KEYS_ONLY");
  const std::string arn = Arn("Gone");
  Ok("DeleteTable", {{"TableName", "Gone"}});
  json listed = StreamsOk("ListStreams", json::object())["Streams"];
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0], json({{"StreamArn", arn}, {"TableName", "Gone"},
                             {"StreamLabel", "2027-01-15T08:00:00.000"}}));
  EXPECT_EQ(StreamsOk("DescribeStream", {{"StreamArn", arn}})["StreamDescription"]["StreamStatus"],
            "DISABLED");
  clock_.Advance(24 * 3600 + 1);
  EXPECT_EQ(StreamsOk("ListStreams", json::object())["Streams"].size(), 0u);
}

TEST_F(StreamsTest, GetRecordsStopsAtOneMegabyteOrItsLimit) {
  CreateWithStream("Big", "NEW_IMAGE");
  const std::string payload(390 * 1024, 'x');
  for (int i = 0; i < 3; ++i) {
    Put("Big", {{"pk", {{"S", "k" + std::to_string(i)}}}, {"payload", {{"S", payload}}}});
  }
  const std::string arn = Arn("Big");
  const std::string horizon = Iterator(arn, Shards(arn)[0]["ShardId"], "TRIM_HORIZON");
  json first = StreamsOk("GetRecords", {{"ShardIterator", horizon}});
  EXPECT_EQ(first["Records"].size(), 2u);  // a third 390 KB record would pass 1 MB
  EXPECT_EQ(StreamsOk("GetRecords", {{"ShardIterator", first["NextShardIterator"]}})["Records"].size(), 1u);
  EXPECT_EQ(StreamsOk("GetRecords", {{"ShardIterator", horizon}, {"Limit", 1}})["Records"].size(), 1u);
  EXPECT_EQ(ErrorOf(Streams("GetRecords", {{"ShardIterator", horizon}, {"Limit", 1001}})),
            "ValidationException: 1 validation error detected: Value '1001' at 'limit' failed to "
            "satisfy constraint: Member must have value less than or equal to 1000");
  EXPECT_EQ(StreamsOk("GetRecords", {{"ShardIterator", horizon}, {"Limit", 1000}})["Records"].size(), 2u);
}

// Streams share the engine's sequence numbers, so a shard's numbers have gaps; a closed shard
// still ends at its own last record and is read to its end.
TEST_F(StreamsTest, AClosedShardEndsAtItsOwnLastRecordWhenStreamsInterleave) {
  CreateWithStream("First", "KEYS_ONLY");
  CreateWithStream("Second", "KEYS_ONLY");
  Put("First", {{"pk", {{"S", "a"}}}});
  Put("Second", {{"pk", {{"S", "b"}}}});
  clock_.Advance(4 * 3600);
  Put("First", {{"pk", {{"S", "c"}}}});  // rolls First over to a new shard
  const std::string arn = Arn("First");
  json shards = Shards(arn);
  ASSERT_EQ(shards.size(), 2u);
  EXPECT_EQ(shards[0]["SequenceNumberRange"]["EndingSequenceNumber"], "100000000000000000001");
  json read = StreamsOk("GetRecords",
                        {{"ShardIterator", Iterator(arn, shards[0]["ShardId"], "TRIM_HORIZON")}});
  ASSERT_EQ(read["Records"].size(), 1u);
  EXPECT_FALSE(read.contains("NextShardIterator"));
  json child = StreamsOk("GetRecords",
                         {{"ShardIterator", Iterator(arn, shards[1]["ShardId"], "TRIM_HORIZON")}});
  ASSERT_EQ(child["Records"].size(), 1u);
  EXPECT_EQ(child["Records"][0]["dynamodb"]["Keys"]["pk"]["S"], "c");
}

}  // namespace
}  // namespace ddbpg::testing
