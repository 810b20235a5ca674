// OnDemandThroughput (the most request units a second an on-demand table or global index may
// use) and WarmThroughput (what it serves at once), on CreateTable, UpdateTable and DescribeTable.
#include <gtest/gtest.h>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

constexpr const char* kTableArn = "arn:aws:dynamodb:us-east-1:000000000000:table/Orders";

class OnDemandThroughputTest : public EngineFixture {
 protected:
  json OnDemandRequest(const std::string& name) {
    return {{"TableName", name},
            {"BillingMode", "PAY_PER_REQUEST"},
            {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
            {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}}};
  }
  // An on-demand table with a global index "ByTopic" on "topic".
  json WithTopicIndex(json request, const json& index_maximum = nullptr) {
    request["AttributeDefinitions"].push_back({{"AttributeName", "topic"}, {"AttributeType", "S"}});
    json index = {{"IndexName", "ByTopic"},
                  {"KeySchema", {{{"AttributeName", "topic"}, {"KeyType", "HASH"}}}},
                  {"Projection", {{"ProjectionType", "KEYS_ONLY"}}}};
    if (!index_maximum.is_null()) index["OnDemandThroughput"] = index_maximum;
    request["GlobalSecondaryIndexes"] = json::array({index});
    return request;
  }
  json Describe(const std::string& name) {
    return Ok("DescribeTable", {{"TableName", name}})["Table"];
  }
  Response Put(const std::string& pk, const std::string& topic = "") {
    json item = {{"pk", {{"S", pk}}}};
    if (!topic.empty()) item["topic"] = {{"S", topic}};
    return Call("PutItem", {{"TableName", "Orders"}, {"Item", item}});
  }
  Response Get(const std::string& pk) {
    return Call(
        "GetItem",
        {{"TableName", "Orders"}, {"Key", {{"pk", {{"S", pk}}}}}, {"ConsistentRead", true}});
  }
  std::string Invalid(const std::string& detail) {
    return "ValidationException: One or more parameter values were invalid: " + detail;
  }
};

TEST_F(OnDemandThroughputTest, DescribeTableShowsTheMaximumOfOnDemandTablesOnly) {
  json request = OnDemandRequest("Orders");
  request["OnDemandThroughput"] = {{"MaxReadRequestUnits", 50}, {"MaxWriteRequestUnits", 10}};
  EXPECT_EQ(Ok("CreateTable", request)["TableDescription"]["OnDemandThroughput"],
            json({{"MaxReadRequestUnits", 50}, {"MaxWriteRequestUnits", 10}}));
  Ok("CreateTable", OnDemandRequest("Plain"));
  EXPECT_EQ(Describe("Plain")["OnDemandThroughput"],
            json({{"MaxReadRequestUnits", -1}, {"MaxWriteRequestUnits", -1}}));
  CreateProvisioned("Fixed", 5, 5);
  EXPECT_FALSE(Describe("Fixed").contains("OnDemandThroughput"));
}

TEST_F(OnDemandThroughputTest, WritesPastTheMaximumInOneSecondAreThrottledWithoutEffect) {
  json request = OnDemandRequest("Orders");
  request["OnDemandThroughput"] = {{"MaxWriteRequestUnits", 3}};
  Ok("CreateTable", request);
  for (int i = 0; i < 3; ++i) ASSERT_EQ(ErrorOf(Put("k" + std::to_string(i))), "OK");
  Response throttled = Put("k3");
  EXPECT_EQ(ErrorOf(throttled).rfind("ThrottlingException: ", 0), 0u) << ErrorOf(throttled);
  EXPECT_EQ(json::parse(throttled.body)["throttlingReasons"],
            json::array({{{"reason", "TableWriteMaxOnDemandThroughputExceeded"},
                          {"resource", kTableArn}}}));
  EXPECT_EQ(Ok("GetItem", {{"TableName", "Orders"}, {"Key", {{"pk", {{"S", "k3"}}}}}}),
            json::object());
  // Reads have no maximum here, and the next second has the whole maximum again.
  EXPECT_EQ(ErrorOf(Get("k0")), "OK");
  clock_.Advance(1);
  EXPECT_EQ(ErrorOf(Put("k3")), "OK");
}

TEST_F(OnDemandThroughputTest, ReadsPastTheMaximumAreThrottledWithTheReadReason) {
  json request = OnDemandRequest("Orders");
  request["OnDemandThroughput"] = {{"MaxReadRequestUnits", 2}};
  Ok("CreateTable", request);
  ASSERT_EQ(ErrorOf(Put("k")), "OK");
  ASSERT_EQ(ErrorOf(Get("k")), "OK");
  ASSERT_EQ(ErrorOf(Get("k")), "OK");
  Response throttled = Get("k");
  EXPECT_EQ(json::parse(throttled.body)["throttlingReasons"][0]["reason"],
            "TableReadMaxOnDemandThroughputExceeded");
}

// A transaction is one request: the maximum counts all its units on the table, also those on
// other partitions, and the action that goes past it cancels the transaction.
TEST_F(OnDemandThroughputTest, ATransactionsWritesOnSeveralPartitionsCountTogether) {
  json request = OnDemandRequest("Orders");
  request["OnDemandThroughput"] = {{"MaxWriteRequestUnits", 10}};
  Ok("CreateTable", request);
  ASSERT_EQ(ErrorOf(Put("first")), "OK");  // 1 unit of 10 in this second
  // About 4 KB each: 8 units as a transactional write, so each fits the 9 left, not both.
  auto put = [](const std::string& pk) {
    return json{{"Put",
                 {{"TableName", "Orders"},
                  {"Item", {{"pk", {{"S", pk}}}, {"data", {{"S", std::string(3900, 'x')}}}}}}}};
  };
  const std::string other = StringKeyOnAnotherPartition("Orders", "a");
  Response both = Call("TransactWriteItems", {{"TransactItems", {put("a"), put(other)}}});
  EXPECT_EQ(ErrorOf(both),
            "TransactionCanceledException: Transaction cancelled, please refer cancellation "
            "reasons for specific reasons [None, ThrottlingError]");
  EXPECT_EQ(Ok("GetItem", {{"TableName", "Orders"}, {"Key", {{"pk", {{"S", "a"}}}}}}),
            json::object());
  EXPECT_EQ(ErrorOf(Call("TransactWriteItems", {{"TransactItems", {put("a")}}})), "OK");
}

TEST_F(OnDemandThroughputTest, ATransactionsReadsOnSeveralPartitionsCountTogether) {
  json request = OnDemandRequest("Orders");
  request["OnDemandThroughput"] = {{"MaxReadRequestUnits", 10}};
  Ok("CreateTable", request);
  // About 12 KB each: 3 units strongly consistent, 6 as a transactional read.
  const std::string other = StringKeyOnAnotherPartition("Orders", "a");
  for (const std::string& pk : {std::string("a"), other}) {
    ASSERT_EQ(ErrorOf(Call(
                  "PutItem",
                  {{"TableName", "Orders"},
                   {"Item", {{"pk", {{"S", pk}}}, {"data", {{"S", std::string(12000, 'x')}}}}}})),
              "OK");
  }
  clock_.Advance(1);
  ASSERT_EQ(ErrorOf(Get("missing")), "OK");  // 1 unit of 10 in this second
  auto get = [](const std::string& pk) {
    return json{{"Get", {{"TableName", "Orders"}, {"Key", {{"pk", {{"S", pk}}}}}}}};
  };
  EXPECT_EQ(ErrorOf(Call("TransactGetItems", {{"TransactItems", {get("a"), get(other)}}})),
            "TransactionCanceledException: Transaction cancelled, please refer cancellation "
            "reasons for specific reasons [None, ThrottlingError]");
  EXPECT_EQ(ErrorOf(Call("TransactGetItems", {{"TransactItems", {get("a")}}})), "OK");
}

TEST_F(OnDemandThroughputTest, AGlobalIndexMaximumThrottlesTheTablesWritesThatReachIt) {
  Ok("CreateTable", WithTopicIndex(OnDemandRequest("Orders"), {{"MaxWriteRequestUnits", 2}}));
  EXPECT_EQ(Describe("Orders")["GlobalSecondaryIndexes"][0]["OnDemandThroughput"],
            json({{"MaxReadRequestUnits", -1}, {"MaxWriteRequestUnits", 2}}));
  ASSERT_EQ(ErrorOf(Put("a", "news")), "OK");
  ASSERT_EQ(ErrorOf(Put("b", "news")), "OK");
  // A write without the index's key attribute does not reach the index.
  ASSERT_EQ(ErrorOf(Put("c")), "OK");
  Response throttled = Put("d", "sport");
  EXPECT_EQ(json::parse(throttled.body)["throttlingReasons"],
            json::array({{{"reason", "IndexWriteMaxOnDemandThroughputExceeded"},
                          {"resource", std::string(kTableArn) + "/index/ByTopic"}}}));
  EXPECT_EQ(Ok("GetItem", {{"TableName", "Orders"}, {"Key", {{"pk", {{"S", "d"}}}}}}),
            json::object());
}

TEST_F(OnDemandThroughputTest, UpdateTableSetsChangesAndRemovesTheMaximum) {
  Ok("CreateTable", OnDemandRequest("Orders"));
  json update = {
      {"TableName", "Orders"},
      {"OnDemandThroughput", {{"MaxReadRequestUnits", 100}, {"MaxWriteRequestUnits", 1}}}};
  EXPECT_EQ(Ok("UpdateTable", update)["TableDescription"]["OnDemandThroughput"],
            json({{"MaxReadRequestUnits", 100}, {"MaxWriteRequestUnits", 1}}));
  ASSERT_EQ(ErrorOf(Put("a")), "OK");
  EXPECT_EQ(ErrorOf(Put("b")).rfind("ThrottlingException", 0), 0u);
  // A member left out keeps its value; -1 removes a maximum.
  Ok("UpdateTable",
     {{"TableName", "Orders"}, {"OnDemandThroughput", {{"MaxWriteRequestUnits", -1}}}});
  EXPECT_EQ(Describe("Orders")["OnDemandThroughput"],
            json({{"MaxReadRequestUnits", 100}, {"MaxWriteRequestUnits", -1}}));
  EXPECT_EQ(ErrorOf(Put("b")), "OK");
}

TEST_F(OnDemandThroughputTest, ProvisionedTablesAndIndexesRefuseAMaximum) {
  json request = OnDemandRequest("Orders");
  request.erase("BillingMode");
  request["ProvisionedThroughput"] = {{"ReadCapacityUnits", 5}, {"WriteCapacityUnits", 5}};
  request["OnDemandThroughput"] = {{"MaxWriteRequestUnits", 10}};
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)),
            Invalid("MaxWriteRequestUnits for OnDemandThroughput cannot be specified when the "
                    "table BillingMode is PROVISIONED"));
  request.erase("OnDemandThroughput");
  Ok("CreateTable", request);
  EXPECT_EQ(ErrorOf(Call("UpdateTable", {{"TableName", "Orders"},
                                         {"OnDemandThroughput", {{"MaxReadRequestUnits", 10}}}})),
            Invalid("MaxReadRequestUnits for OnDemandThroughput cannot be specified when the "
                    "table BillingMode is PROVISIONED"));
  json provisioned_index = WithTopicIndex(OnDemandRequest("Posts"), {{"MaxReadRequestUnits", 4}});
  provisioned_index.erase("BillingMode");
  provisioned_index["ProvisionedThroughput"] = {{"ReadCapacityUnits", 5},
                                                {"WriteCapacityUnits", 5}};
  provisioned_index["GlobalSecondaryIndexes"][0]["ProvisionedThroughput"] = {
      {"ReadCapacityUnits", 5}, {"WriteCapacityUnits", 5}};
  EXPECT_EQ(ErrorOf(Call("CreateTable", provisioned_index)),
            Invalid("MaxReadRequestUnits for OnDemandThroughput for index : ByTopic cannot be "
                    "specified when the table BillingMode is PROVISIONED"));
}

TEST_F(OnDemandThroughputTest, ValuesOutsideTheRangeAreRefused) {
  for (long long units : {0LL, -1LL, -5LL}) {
    json request = OnDemandRequest("Orders");
    request["OnDemandThroughput"] = {{"MaxReadRequestUnits", units}};
    EXPECT_EQ(ErrorOf(Call("CreateTable", request)),
              Invalid("Requested MaxReadRequestUnits for OnDemandThroughput for table is outside "
                      "of valid range"))
        << units;
  }
  EXPECT_EQ(ErrorOf(Call("CreateTable",
                         WithTopicIndex(OnDemandRequest("Orders"), {{"MaxWriteRequestUnits", 0}}))),
            Invalid("Requested MaxWriteRequestUnits for OnDemandThroughput for index : ByTopic is "
                    "outside of valid range"));
  Ok("CreateTable", OnDemandRequest("Orders"));
  EXPECT_EQ(ErrorOf(Call("UpdateTable", {{"TableName", "Orders"},
                                         {"OnDemandThroughput", {{"MaxWriteRequestUnits", -2}}}})),
            Invalid("Requested MaxWriteRequestUnits for OnDemandThroughput for table is outside "
                    "of valid range"));
  EXPECT_EQ(
      ErrorOf(Call("UpdateTable", {{"TableName", "Orders"},
                                   {"OnDemandThroughput", {{"MaxWriteRequestUnits", "ten"}}}}))
          .rfind("SerializationException", 0),
      0u);
}

TEST_F(OnDemandThroughputTest, UpdateTableTakesTheMaximumOnlyWithABillingMode) {
  CreateProvisioned("Orders", 5, 5);
  EXPECT_EQ(ErrorOf(Call("UpdateTable", {{"TableName", "Orders"},
                                         {"DeletionProtectionEnabled", true},
                                         {"OnDemandThroughput", {{"MaxReadRequestUnits", 10}}}})),
            Invalid("DeletionProtection modification must be the only operation in the request"));
  EXPECT_EQ(
      ErrorOf(Call("UpdateTable", {{"TableName", "Orders"},
                                   {"StreamSpecification",
                                    {{"StreamEnabled", true}, {"StreamViewType", "KEYS_ONLY"}}},
                                   {"OnDemandThroughput", {{"MaxReadRequestUnits", 10}}}})),
      Invalid("OnDemandThroughput can only be combined with BillingMode in an UpdateTable "
              "request"));
  // Switching to on demand with a maximum is one request.
  Ok("UpdateTable", {{"TableName", "Orders"},
                     {"BillingMode", "PAY_PER_REQUEST"},
                     {"OnDemandThroughput", {{"MaxReadRequestUnits", 10}}}});
  EXPECT_EQ(Describe("Orders")["OnDemandThroughput"],
            json({{"MaxReadRequestUnits", 10}, {"MaxWriteRequestUnits", -1}}));
  // Back to provisioned, the maximum goes; on demand again, there is none.
  Ok("UpdateTable",
     {{"TableName", "Orders"},
      {"BillingMode", "PROVISIONED"},
      {"ProvisionedThroughput", {{"ReadCapacityUnits", 5}, {"WriteCapacityUnits", 5}}}});
  EXPECT_FALSE(Describe("Orders").contains("OnDemandThroughput"));
  Ok("UpdateTable", {{"TableName", "Orders"}, {"BillingMode", "PAY_PER_REQUEST"}});
  EXPECT_EQ(Describe("Orders")["OnDemandThroughput"],
            json({{"MaxReadRequestUnits", -1}, {"MaxWriteRequestUnits", -1}}));
}

TEST_F(OnDemandThroughputTest, AnIndexMaximumChangesThroughGlobalSecondaryIndexUpdates) {
  Ok("CreateTable", WithTopicIndex(OnDemandRequest("Orders")));
  json update = {
      {"TableName", "Orders"},
      {"GlobalSecondaryIndexUpdates",
       {{{"Update",
          {{"IndexName", "ByTopic"}, {"OnDemandThroughput", {{"MaxWriteRequestUnits", 1}}}}}}}}};
  json description = Ok("UpdateTable", update)["TableDescription"];
  EXPECT_EQ(description["GlobalSecondaryIndexes"][0]["IndexStatus"], "UPDATING");
  EXPECT_EQ(Describe("Orders")["GlobalSecondaryIndexes"][0]["OnDemandThroughput"],
            json({{"MaxReadRequestUnits", -1}, {"MaxWriteRequestUnits", 1}}));
  ASSERT_EQ(ErrorOf(Put("a", "news")), "OK");
  EXPECT_EQ(json::parse(Put("b", "news").body)["throttlingReasons"][0]["reason"],
            "IndexWriteMaxOnDemandThroughputExceeded");
  // ProvisionedThroughput is not an on-demand index's to change.
  update["GlobalSecondaryIndexUpdates"][0]["Update"]["ProvisionedThroughput"] = {
      {"ReadCapacityUnits", 5}, {"WriteCapacityUnits", 5}};
  EXPECT_EQ(ErrorOf(Call("UpdateTable", update)),
            Invalid("The only Updates for index: ByTopic when TableThroughputMode is "
                    "PAY_PER_REQUEST can be to OnDemandThroughput, WarmThroughput"));
}

TEST_F(OnDemandThroughputTest, TheMaximumSurvivesASnapshot) {
  json request = WithTopicIndex(OnDemandRequest("Orders"), {{"MaxReadRequestUnits", 7}});
  request["OnDemandThroughput"] = {{"MaxWriteRequestUnits", 1}};
  Ok("CreateTable", request);
  ASSERT_EQ(ErrorOf(Put("a")), "OK");
  Engine& restored = RestoredFromSnapshot();
  json table =
      json::parse(restored.Handle("DynamoDB_20120810.DescribeTable", R"({"TableName": "Orders"})")
                      .body)["Table"];
  EXPECT_EQ(table["OnDemandThroughput"]["MaxWriteRequestUnits"], 1);
  EXPECT_EQ(table["GlobalSecondaryIndexes"][0]["OnDemandThroughput"]["MaxReadRequestUnits"], 7);
  // The second's units are restored with it: the next write in that second is throttled.
  Response throttled = restored.Handle("DynamoDB_20120810.PutItem",
                                       R"({"TableName": "Orders", "Item": {"pk": {"S": "b"}}})");
  EXPECT_EQ(ErrorOf(throttled).rfind("ThrottlingException", 0), 0u);
}

TEST_F(OnDemandThroughputTest, ARestoreKeepsTheMaximumUnlessOverridden) {
  json request = OnDemandRequest("Orders");
  request["OnDemandThroughput"] = {{"MaxWriteRequestUnits", 10}};
  Ok("CreateTable", request);
  const std::string backup =
      Ok("CreateBackup",
         {{"TableName", "Orders"}, {"BackupName", "nightly"}})["BackupDetails"]["BackupArn"];
  auto restore = [&](const std::string& target, const json& extra) {
    json body = {{"BackupArn", backup}, {"TargetTableName", target}};
    body.update(extra);
    return Call("RestoreTableFromBackup", body);
  };
  ASSERT_EQ(ErrorOf(restore("Same", json::object())), "OK");
  EXPECT_EQ(Describe("Same")["OnDemandThroughput"],
            json({{"MaxReadRequestUnits", -1}, {"MaxWriteRequestUnits", 10}}));
  ASSERT_EQ(
      ErrorOf(restore("Raised", {{"BillingModeOverride", "PAY_PER_REQUEST"},
                                 {"OnDemandThroughputOverride", {{"MaxReadRequestUnits", 40}}}})),
      "OK");
  EXPECT_EQ(Describe("Raised")["OnDemandThroughput"],
            json({{"MaxReadRequestUnits", 40}, {"MaxWriteRequestUnits", 10}}));
  // Restored as provisioned, the table has no maximum.
  ASSERT_EQ(ErrorOf(restore("Fixed", {{"BillingModeOverride", "PROVISIONED"},
                                      {"ProvisionedThroughputOverride",
                                       {{"ReadCapacityUnits", 5}, {"WriteCapacityUnits", 5}}}})),
            "OK");
  EXPECT_FALSE(Describe("Fixed").contains("OnDemandThroughput"));

  EXPECT_EQ(
      ErrorOf(restore("Refused", {{"OnDemandThroughputOverride", {{"MaxWriteRequestUnits", 5}}}})),
      "ValidationException: Invalid Request: Cannot override MaxWriteRequestUnits for "
      "OnDemandThroughput unless BillingModeOverride is PAY_PER_REQUEST");
  EXPECT_EQ(
      ErrorOf(restore("Refused", {{"BillingModeOverride", "PAY_PER_REQUEST"},
                                  {"OnDemandThroughputOverride", {{"MaxReadRequestUnits", 0}}}})),
      "ValidationException: Invalid Request: Requested MaxReadRequestUnits for "
      "OnDemandThroughput is outside of valid range");
  EXPECT_EQ(ErrorOf(Call("DescribeTable", {{"TableName", "Refused"}}))
                .rfind("ResourceNotFoundException", 0),
            0u);
}

// --- WarmThroughput ------------------------------------------------------------------------------

TEST_F(OnDemandThroughputTest, ANewTablesWarmThroughputIsWhatItServesAtOnce) {
  Ok("CreateTable", WithTopicIndex(OnDemandRequest("Orders")));
  json table = Describe("Orders");
  // On demand: twice the starting previous peak, the service's 12,000 reads and 4,000 writes.
  EXPECT_EQ(
      table["WarmThroughput"],
      json({{"ReadUnitsPerSecond", 12000}, {"WriteUnitsPerSecond", 4000}, {"Status", "ACTIVE"}}));
  EXPECT_EQ(
      table["GlobalSecondaryIndexes"][0]["WarmThroughput"],
      json({{"ReadUnitsPerSecond", 12000}, {"WriteUnitsPerSecond", 4000}, {"Status", "ACTIVE"}}));
  // Provisioned: every partition at its limit (one partition: 3,000 and 1,000).
  CreateProvisioned("Fixed", 5, 5);
  EXPECT_EQ(
      Describe("Fixed")["WarmThroughput"],
      json({{"ReadUnitsPerSecond", 3000}, {"WriteUnitsPerSecond", 1000}, {"Status", "ACTIVE"}}));
}

TEST_F(OnDemandThroughputTest, RaisingWarmThroughputServesAPeakAtOnce) {
  Ok("CreateTable", OnDemandRequest("Orders"));
  // A new on-demand table throttles past 4,000 WCU in its first second...
  int throttles = 0;
  for (int i = 0; i < 12000; ++i)
    throttles += Put("cold" + std::to_string(i)).status == 200 ? 0 : 1;
  EXPECT_GT(throttles, 0);
  Ok("CreateTable", OnDemandRequest("Warm"));
  json update = {{"TableName", "Warm"}, {"WarmThroughput", {{"WriteUnitsPerSecond", 24000}}}};
  EXPECT_GE(Ok("UpdateTable", update)["TableDescription"]["WarmThroughput"]["WriteUnitsPerSecond"]
                .get<long long>(),
            24000);
  // ...a table warmed for 24,000 does not at 12,000.
  for (int i = 0; i < 12000; ++i) {
    ASSERT_EQ(ErrorOf(Call("PutItem", {{"TableName", "Warm"},
                                       {"Item", {{"pk", {{"S", "w" + std::to_string(i)}}}}}})),
              "OK")
        << i;
  }
  // Warm throughput never goes down.
  EXPECT_EQ(ErrorOf(Call("UpdateTable", {{"TableName", "Warm"},
                                         {"WarmThroughput", {{"ReadUnitsPerSecond", 100}}}})),
            Invalid("Requested ReadUnitsPerSecond for WarmThroughput for table is lower than "
                    "current WarmThroughput, decreasing WarmThroughput is not supported"));
}

TEST_F(OnDemandThroughputTest, AProvisionedTableSwitchedToOnDemandStaysAsWarm) {
  CreateProvisioned("Fixed", 5, 5);
  Ok("UpdateTable",
     {{"TableName", "Fixed"},
      {"WarmThroughput", {{"ReadUnitsPerSecond", 60000}, {"WriteUnitsPerSecond", 20000}}}});
  const json provisioned = Describe("Fixed")["WarmThroughput"];
  ASSERT_GE(provisioned["ReadUnitsPerSecond"].get<long long>(), 60000);
  Ok("UpdateTable", {{"TableName", "Fixed"}, {"BillingMode", "PAY_PER_REQUEST"}});
  const json on_demand = Describe("Fixed")["WarmThroughput"];
  EXPECT_EQ(on_demand["ReadUnitsPerSecond"], provisioned["ReadUnitsPerSecond"]);
  EXPECT_EQ(on_demand["WriteUnitsPerSecond"], provisioned["WriteUnitsPerSecond"]);
  // A small provisioned table switched keeps on demand's starting 12,000 and 4,000.
  CreateProvisioned("Small", 5, 5);
  Ok("UpdateTable", {{"TableName", "Small"}, {"BillingMode", "PAY_PER_REQUEST"}});
  EXPECT_EQ(Describe("Small")["WarmThroughput"]["WriteUnitsPerSecond"], 4000);
}

TEST_F(OnDemandThroughputTest, AnIndexWarmThroughputRaiseIsAnIndexUpdate) {
  Ok("CreateTable", WithTopicIndex(OnDemandRequest("Orders")));
  json update = {
      {"TableName", "Orders"},
      {"GlobalSecondaryIndexUpdates",
       {{{"Update",
          {{"IndexName", "ByTopic"}, {"WarmThroughput", {{"WriteUnitsPerSecond", 9000}}}}}}}}};
  json index = Ok("UpdateTable", update)["TableDescription"]["GlobalSecondaryIndexes"][0];
  EXPECT_EQ(index["IndexStatus"], "UPDATING");
  EXPECT_EQ(index["WarmThroughput"]["Status"], "UPDATING");
  EXPECT_GE(index["WarmThroughput"]["WriteUnitsPerSecond"].get<long long>(), 9000);
  // The playground applies it at once: the next DescribeTable shows the index ACTIVE.
  json described = Describe("Orders")["GlobalSecondaryIndexes"][0];
  EXPECT_EQ(described["IndexStatus"], "ACTIVE");
  EXPECT_EQ(described["WarmThroughput"]["Status"], "ACTIVE");
  EXPECT_GE(described["WarmThroughput"]["WriteUnitsPerSecond"].get<long long>(), 9000);
}

TEST_F(OnDemandThroughputTest, ANewIndexWithWarmThroughputIsCreatingNotUpdating) {
  Ok("CreateTable", OnDemandRequest("Orders"));
  json create = {{"IndexName", "ByTopic"},
                 {"KeySchema", {{{"AttributeName", "topic"}, {"KeyType", "HASH"}}}},
                 {"Projection", {{"ProjectionType", "ALL"}}},
                 {"WarmThroughput", {{"ReadUnitsPerSecond", 15000}}}};
  json update = {{"TableName", "Orders"},
                 {"AttributeDefinitions",
                  {{{"AttributeName", "pk"}, {"AttributeType", "S"}},
                   {{"AttributeName", "topic"}, {"AttributeType", "S"}}}},
                 {"GlobalSecondaryIndexUpdates", {{{"Create", create}}}}};
  json index = Ok("UpdateTable", update)["TableDescription"]["GlobalSecondaryIndexes"][0];
  EXPECT_EQ(index["IndexStatus"], "CREATING");
}

TEST_F(OnDemandThroughputTest, WarmThroughputChecksOnCreateAndAlone) {
  json request = OnDemandRequest("Orders");
  request["WarmThroughput"] = {{"ReadUnitsPerSecond", 11000}};
  EXPECT_EQ(
      ErrorOf(Call("CreateTable", request))
          .rfind(Invalid("Requested ReadUnitsPerSecond for WarmThroughput for table is lower than "
                         "initial throughput for OnDemand. See: "),
                 0),
      0u);
  request["WarmThroughput"] = {{"ReadUnitsPerSecond", 30000}, {"WriteUnitsPerSecond", 10000}};
  json created = Ok("CreateTable", request)["TableDescription"]["WarmThroughput"];
  EXPECT_GE(created["ReadUnitsPerSecond"].get<long long>(), 30000);
  EXPECT_GE(created["WriteUnitsPerSecond"].get<long long>(), 10000);

  json provisioned = OnDemandRequest("Fixed");
  provisioned.erase("BillingMode");
  provisioned["ProvisionedThroughput"] = {{"ReadCapacityUnits", 5000}, {"WriteCapacityUnits", 5}};
  provisioned["WarmThroughput"] = {{"ReadUnitsPerSecond", 4000}};
  EXPECT_EQ(ErrorOf(Call("CreateTable", provisioned)),
            Invalid("Requested ReadUnitsPerSecond for WarmThroughput for table is lower than "
                    "ReadCapacityUnits of ProvisionedThroughput"));
  provisioned["WarmThroughput"] = {{"ReadUnitsPerSecond", 9000}};
  Ok("CreateTable", provisioned);
  // Partitions split in halves, so the table may be warmer than asked.
  EXPECT_GE(Describe("Fixed")["WarmThroughput"]["ReadUnitsPerSecond"].get<long long>(), 9000);

  EXPECT_EQ(
      ErrorOf(Call("UpdateTable", {{"TableName", "Fixed"},
                                   {"WarmThroughput", {{"ReadUnitsPerSecond", 20000}}},
                                   {"ProvisionedThroughput",
                                    {{"ReadCapacityUnits", 6000}, {"WriteCapacityUnits", 5}}}})),
      Invalid("WarmThroughput must be the only operation in the request"));
}

TEST_F(OnDemandThroughputTest, GlobalIndexesStartAsWarmAsAsked) {
  json request = WithTopicIndex(OnDemandRequest("Orders"));
  request["GlobalSecondaryIndexes"][0]["WarmThroughput"] = {{"WriteUnitsPerSecond", 3000}};
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)),
            Invalid("Requested WriteUnitsPerSecond for WarmThroughput for index ByTopic is lower "
                    "than initial throughput for OnDemand. See: "
                    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
                    "on-demand-capacity-mode.html#on-demand-capacity-mode-initial"));
  request["GlobalSecondaryIndexes"][0]["WarmThroughput"] = {{"WriteUnitsPerSecond", 20000}};
  Ok("CreateTable", request);
  EXPECT_GE(Describe("Orders")["GlobalSecondaryIndexes"][0]["WarmThroughput"]["WriteUnitsPerSecond"]
                .get<long long>(),
            20000);
  // An index added later too.
  json create = {{"IndexName", "ByCity"},
                 {"KeySchema", {{{"AttributeName", "city"}, {"KeyType", "HASH"}}}},
                 {"Projection", {{"ProjectionType", "ALL"}}},
                 {"WarmThroughput", {{"ReadUnitsPerSecond", 50000}}}};
  Ok("UpdateTable",
     {{"TableName", "Orders"},
      {"AttributeDefinitions", {{{"AttributeName", "city"}, {"AttributeType", "S"}}}},
      {"GlobalSecondaryIndexUpdates", {{{"Create", create}}}}});
  json by_city;
  const json table = Describe("Orders");
  for (const json& index : table["GlobalSecondaryIndexes"]) {
    if (index["IndexName"] == "ByCity") by_city = index;
  }
  ASSERT_FALSE(by_city.is_null());
  EXPECT_GE(by_city["WarmThroughput"]["ReadUnitsPerSecond"].get<long long>(), 50000);
}

TEST_F(OnDemandThroughputTest, AProvisionedIndexUpdateWithAnEmptyMaximumChangesItsThroughput) {
  json request = WithTopicIndex(OnDemandRequest("Orders"));
  request.erase("BillingMode");
  request["ProvisionedThroughput"] = {{"ReadCapacityUnits", 5}, {"WriteCapacityUnits", 5}};
  request["GlobalSecondaryIndexes"][0]["ProvisionedThroughput"] = {{"ReadCapacityUnits", 5},
                                                                   {"WriteCapacityUnits", 5}};
  Ok("CreateTable", request);
  json update = {
      {"TableName", "Orders"},
      {"GlobalSecondaryIndexUpdates",
       {{{"Update",
          {{"IndexName", "ByTopic"},
           {"OnDemandThroughput", json::object()},
           {"ProvisionedThroughput", {{"ReadCapacityUnits", 7}, {"WriteCapacityUnits", 8}}}}}}}}};
  EXPECT_EQ(ErrorOf(Call("UpdateTable", update)), "OK");
  EXPECT_EQ(
      Describe(
          "Orders")["GlobalSecondaryIndexes"][0]["ProvisionedThroughput"]["WriteCapacityUnits"],
      8);
  // Without ProvisionedThroughput the update asks nothing of a provisioned index.
  update["GlobalSecondaryIndexUpdates"][0]["Update"].erase("ProvisionedThroughput");
  EXPECT_EQ(ErrorOf(Call("UpdateTable", update)).rfind("ValidationException", 0), 0u);
}

}  // namespace
}  // namespace ddbpg::testing
