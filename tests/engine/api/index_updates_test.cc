// UpdateTable's GlobalSecondaryIndexUpdates (issue #6): a global index added to a table with
// data is CREATING (allocating, then backfilling) on the engine's clock, then ACTIVE; index
// throughput changes and deletes; the service's rules and texts.
#include <gtest/gtest.h>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

class IndexUpdatesTest : public EngineFixture {
 protected:
  void SetUp() override {
    clock_.Set(1800000000);
    Ok("CreateTable",
       {{"TableName", "Users"},
        {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
        {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}},
        {"ProvisionedThroughput", {{"ReadCapacityUnits", 5}, {"WriteCapacityUnits", 5}}}});
    for (int i = 0; i < 20; ++i) {
      Ok("PutItem", {{"TableName", "Users"},
                     {"Item", {{"pk", {{"S", "u" + std::to_string(i)}}},
                               {"email", {{"S", "u" + std::to_string(i) + "@example.com"}}}}}});
    }
  }
  json CreateAction(const std::string& name, int write_units = 2) {
    return {{"Create",
             {{"IndexName", name},
              {"KeySchema", {{{"AttributeName", "email"}, {"KeyType", "HASH"}}}},
              {"Projection", {{"ProjectionType", "KEYS_ONLY"}}},
              {"ProvisionedThroughput", {{"ReadCapacityUnits", 1}, {"WriteCapacityUnits", write_units}}}}}};
  }
  Response Update(const json& updates, bool with_definitions = true) {
    json request = {{"TableName", "Users"}, {"GlobalSecondaryIndexUpdates", updates}};
    if (with_definitions) {
      request["AttributeDefinitions"] = {{{"AttributeName", "email"}, {"AttributeType", "S"}}};
    }
    return Call("UpdateTable", request);
  }
  json Describe() { return Ok("DescribeTable", {{"TableName", "Users"}})["Table"]; }
  std::string QueryEmail() {
    return ErrorOf(Call("Query", {{"TableName", "Users"},
                                  {"IndexName", "ByEmail"},
                                  {"KeyConditionExpression", "email = :e"},
                                  {"ExpressionAttributeValues", {{":e", {{"S", "u3@example.com"}}}}}}));
  }
};

TEST_F(IndexUpdatesTest, ANewIndexAllocatesBackfillsThenServes) {
  Response created = Update(json::array({CreateAction("ByEmail")}));
  ASSERT_EQ(ErrorOf(created), "OK");
  json in_response = json::parse(created.body)["TableDescription"];
  EXPECT_EQ(in_response["TableStatus"], "UPDATING");
  EXPECT_EQ(in_response["GlobalSecondaryIndexes"][0]["IndexStatus"], "CREATING");
  EXPECT_EQ(in_response["GlobalSecondaryIndexes"][0]["Backfilling"], false);
  EXPECT_EQ(QueryEmail(), "ValidationException: Cannot read from backfilling global secondary index");
  EXPECT_EQ(ErrorOf(Call("DeleteTable", {{"TableName", "Users"}})),
            "ResourceInUseException: Attempt to change a resource which is still in use: Cannot "
            "delete table while indexes are being created, updated, or deleted.");
  // Allocation takes 5 seconds, during which the table is UPDATING.
  clock_.Advance(5);
  json backfilling = Describe();
  EXPECT_EQ(backfilling["TableStatus"], "ACTIVE");
  EXPECT_EQ(backfilling["GlobalSecondaryIndexes"][0]["Backfilling"], true);
  // 20 entries of one write unit each at the index's 2 WCU: 10 seconds of backfill.
  clock_.Advance(9);
  EXPECT_EQ(Describe()["GlobalSecondaryIndexes"][0]["IndexStatus"], "CREATING");
  clock_.Advance(1);
  json active = Describe()["GlobalSecondaryIndexes"][0];
  EXPECT_EQ(active["IndexStatus"], "ACTIVE");
  EXPECT_FALSE(active.contains("Backfilling"));
  EXPECT_EQ(active["ItemCount"], 20);
  EXPECT_EQ(QueryEmail(), "OK");
  // The new key attribute joined the table's definitions.
  EXPECT_EQ(Describe()["AttributeDefinitions"].size(), 2u);
}

TEST_F(IndexUpdatesTest, ThroughputChangesAndDeletes) {
  ASSERT_EQ(ErrorOf(Update(json::array({CreateAction("ByEmail")}))), "OK");
  clock_.Advance(60);
  json update = {{"Update", {{"IndexName", "ByEmail"},
                             {"ProvisionedThroughput", {{"ReadCapacityUnits", 3}, {"WriteCapacityUnits", 4}}}}}};
  Response updated = Update(json::array({update}), false);
  ASSERT_EQ(ErrorOf(updated), "OK");
  EXPECT_EQ(json::parse(updated.body)["TableDescription"]["GlobalSecondaryIndexes"][0]["IndexStatus"],
            "UPDATING");
  EXPECT_EQ(Describe()["GlobalSecondaryIndexes"][0]["ProvisionedThroughput"]["WriteCapacityUnits"], 4);
  EXPECT_EQ(ErrorOf(Update(json::array({update}), false)),
            "ValidationException: The provisioned throughput for the index ByEmail will not "
            "change. The requested value equals the current value. Current ReadCapacityUnits "
            "provisioned for the index: 3. Requested ReadCapacityUnits: 3. Current "
            "WriteCapacityUnits provisioned for the index: 4. Requested WriteCapacityUnits: 4. "
            "Refer to the Amazon DynamoDB Developer Guide for current limits and how to request "
            "higher limits.");
  Response deleted = Update(json::array({{{"Delete", {{"IndexName", "ByEmail"}}}}}), false);
  ASSERT_EQ(ErrorOf(deleted), "OK");
  EXPECT_EQ(json::parse(deleted.body)["TableDescription"]["GlobalSecondaryIndexes"][0]["IndexStatus"],
            "DELETING");
  // It shows DELETING for a few seconds, serving nothing, then is gone.
  json deleting = Describe();
  EXPECT_EQ(deleting["GlobalSecondaryIndexes"][0]["IndexStatus"], "DELETING");
  EXPECT_EQ(deleting["GlobalSecondaryIndexes"][0]["ItemCount"], 20);
  EXPECT_EQ(QueryEmail(), "ValidationException: The table does not have the specified index: ByEmail");
  EXPECT_EQ(ErrorOf(Call("DeleteTable", {{"TableName", "Users"}})),
            "ResourceInUseException: Attempt to change a resource which is still in use: Cannot "
            "delete table while indexes are being created, updated, or deleted.");
  clock_.Advance(5);
  json after = Describe();
  EXPECT_FALSE(after.contains("GlobalSecondaryIndexes"));
  EXPECT_EQ(after["AttributeDefinitions"].size(), 1u);  // email is no longer a key
}

TEST_F(IndexUpdatesTest, TheServicesRules) {
  EXPECT_EQ(ErrorOf(Update(json::array({CreateAction("Aaa"), CreateAction("Bbb")}))),
            "LimitExceededException: Subscriber limit exceeded: Only 1 online index can be "
            "created or deleted simultaneously per table");
  EXPECT_EQ(ErrorOf(Update(json::array({CreateAction("Aaa"), {{"Delete", {{"IndexName", "Aaa"}}}}}))),
            "ValidationException: One or more parameter values were invalid: Only one global "
            "secondary index update per index is allowed simultaneously. Index: Aaa");
  EXPECT_EQ(ErrorOf(Update(json::array({json::object()}))),
            "ValidationException: One or more parameter values were invalid: One of "
            "GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, "
            "GlobalSecondaryIndexUpdate.Delete must not be null");
  EXPECT_EQ(ErrorOf(Update(json::array({{{"Delete", {{"IndexName", "Ghost"}}}}}))),
            "ResourceNotFoundException: Requested resource not found: Index Ghost for table Users");
  EXPECT_EQ(ErrorOf(Update(json::array({CreateAction("ByEmail")}), false)),
            "ValidationException: One or more parameter values were invalid: "
            "AttributeDefinitions is not specified for index: ByEmail");
  json no_throughput = CreateAction("ByEmail");
  no_throughput["Create"].erase("ProvisionedThroughput");
  EXPECT_EQ(ErrorOf(Update(json::array({no_throughput}))),
            "ValidationException: One or more parameter values were invalid: Both "
            "ReadCapacityUnits and WriteCapacityUnits must be specified for index: ByEmail");
  EXPECT_EQ(ErrorOf(Call("UpdateTable", {{"TableName", "Users"},
                                         {"GlobalSecondaryIndexUpdates", json::array()}})),
            "ValidationException: At least one of ProvisionedThroughput, BillingMode, "
            "UpdateStreamEnabled, GlobalSecondaryIndexUpdates, SSESpecification, "
            "ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn, "
            "MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, "
            "WarmThroughput or TableClass is required");
  EXPECT_EQ(ErrorOf(Call("UpdateTable", {{"TableName", "Users"},
                                         {"AttributeDefinitions", json::array({{{"AttributeName", "email"}}})},
                                         {"GlobalSecondaryIndexUpdates", json::array({CreateAction("ByEmail")})}})),
            "ValidationException: 1 validation error detected: Value null at "
            "'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member "
            "must not be null");
  ASSERT_EQ(ErrorOf(Update(json::array({CreateAction("ByEmail")}))), "OK");
  EXPECT_EQ(ErrorOf(Update(json::array({{{"Delete", {{"IndexName", "ByEmail"}}}}}), false)),
            "ResourceInUseException: Attempt to change a resource which is still in use: Index "
            "creation is in resource allocation phase. Retry deletion during backfilling phase or "
            "when the index is active. Table: Users Index: ByEmail");
  // Meanwhile the table is UPDATING, and takes no other UpdateTable (API reference).
  const json stream = {
      {"TableName", "Users"},
      {"StreamSpecification", {{"StreamEnabled", true}, {"StreamViewType", "KEYS_ONLY"}}}};
  EXPECT_EQ(ErrorOf(Call("UpdateTable", stream)),
            "ResourceInUseException: Attempt to change a resource which is still in use: Table is "
            "being updated: Users");
  EXPECT_FALSE(Describe().contains("LatestStreamArn"));
  clock_.Advance(100);
  EXPECT_EQ(ErrorOf(Call("UpdateTable", stream)), "OK");
  EXPECT_EQ(ErrorOf(Update(json::array({CreateAction("ByEmail")}))),
            "ValidationException: Attempting to create an index which already exists");
  // Nothing half-applied: the table still has one index.
  EXPECT_EQ(Describe()["GlobalSecondaryIndexes"].size(), 1u);
}

TEST_F(IndexUpdatesTest, SwitchingBillingModeCarriesTheGlobalIndexes) {
  Ok("CreateTable",
     json::parse(R"({"TableName": "Feed", "BillingMode": "PAY_PER_REQUEST",
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
        "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                                 {"AttributeName": "day", "AttributeType": "S"}],
        "GlobalSecondaryIndexes": [{"IndexName": "ByDay",
          "KeySchema": [{"AttributeName": "day", "KeyType": "HASH"}],
          "Projection": {"ProjectionType": "KEYS_ONLY"}},
          {"IndexName": "ByDayToo",
          "KeySchema": [{"AttributeName": "day", "KeyType": "HASH"}],
          "Projection": {"ProjectionType": "KEYS_ONLY"}}]})"));
  json to_provisioned = {{"TableName", "Feed"},
                         {"BillingMode", "PROVISIONED"},
                         {"ProvisionedThroughput", {{"ReadCapacityUnits", 5}, {"WriteCapacityUnits", 5}}}};
  EXPECT_EQ(ErrorOf(Call("UpdateTable", to_provisioned)),
            "ValidationException: One or more parameter values were invalid: "
            "ProvisionedThroughput must be specified for index: ByDay,ByDayToo");
  json one_given = to_provisioned;
  one_given["GlobalSecondaryIndexUpdates"] = json::array(
      {{{"Update", {{"IndexName", "ByDayToo"},
                    {"ProvisionedThroughput", {{"ReadCapacityUnits", 1}, {"WriteCapacityUnits", 1}}}}}}});
  EXPECT_EQ(ErrorOf(Call("UpdateTable", one_given)),
            "ValidationException: One or more parameter values were invalid: "
            "ProvisionedThroughput must be specified for index: ByDay");
  json bad = to_provisioned;
  bad["GlobalSecondaryIndexUpdates"] = json::array({{{"Update", {{"IndexName", "ByDay"}, {"ProvisionedThroughput", json::object()}}}}});
  EXPECT_EQ(ErrorOf(Call("UpdateTable", bad)),
            "ValidationException: 2 validation errors detected: Value null at "
            "'globalSecondaryIndexUpdates.1.member.update.provisionedThroughput.writeCapacityUnits' "
            "failed to satisfy constraint: Member must not be null; Value null at "
            "'globalSecondaryIndexUpdates.1.member.update.provisionedThroughput.readCapacityUnits' "
            "failed to satisfy constraint: Member must not be null");
  to_provisioned["GlobalSecondaryIndexUpdates"] = json::array(
      {{{"Update", {{"IndexName", "ByDay"},
                    {"ProvisionedThroughput", {{"ReadCapacityUnits", 3}, {"WriteCapacityUnits", 4}}}}}},
       {{"Update", {{"IndexName", "ByDayToo"},
                    {"ProvisionedThroughput", {{"ReadCapacityUnits", 1}, {"WriteCapacityUnits", 1}}}}}}});
  ASSERT_EQ(ErrorOf(Call("UpdateTable", to_provisioned)), "OK");
  json index = Ok("DescribeTable", {{"TableName", "Feed"}})["Table"]["GlobalSecondaryIndexes"][0];
  EXPECT_EQ(index["ProvisionedThroughput"]["WriteCapacityUnits"], 4);
  ASSERT_EQ(ErrorOf(Call("UpdateTable", {{"TableName", "Feed"}, {"BillingMode", "PAY_PER_REQUEST"}})), "OK");
  index = Ok("DescribeTable", {{"TableName", "Feed"}})["Table"]["GlobalSecondaryIndexes"][0];
  EXPECT_EQ(index["ProvisionedThroughput"]["WriteCapacityUnits"], 0);
}

}  // namespace
}  // namespace ddbpg::testing
