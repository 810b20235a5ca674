#include <gtest/gtest.h>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

class TablesTest : public EngineFixture {
 protected:
  json ProvisionedRequest(const std::string& name, long long read = 5, long long write = 5) {
    return {{"TableName", name},
            {"KeySchema", {{{"AttributeName", "id"}, {"KeyType", "HASH"}}}},
            {"AttributeDefinitions", {{{"AttributeName", "id"}, {"AttributeType", "S"}}}},
            {"ProvisionedThroughput", {{"ReadCapacityUnits", read}, {"WriteCapacityUnits", write}}}};
  }
};

TEST_F(TablesTest, CreateTableReturnsACreatingDescription) {
  clock_.Set(1700000000.5);
  json description = Ok("CreateTable", ProvisionedRequest("Music"))["TableDescription"];
  EXPECT_EQ(description["TableStatus"], "CREATING");
  EXPECT_EQ(description["TableName"], "Music");
  EXPECT_EQ(description["TableArn"], "arn:aws:dynamodb:us-east-1:000000000000:table/Music");
  EXPECT_EQ(description["CreationDateTime"], 1700000000.5);
  EXPECT_EQ(description["ItemCount"], 0);
  EXPECT_EQ(description["TableSizeBytes"], 0);
  EXPECT_EQ(description["ProvisionedThroughput"],
            json::parse(R"({"NumberOfDecreasesToday":0,"ReadCapacityUnits":5,"WriteCapacityUnits":5})"));
  EXPECT_EQ(description["BillingModeSummary"]["BillingMode"], "PROVISIONED");
  EXPECT_EQ(description["TableId"].get<std::string>().size(), 36u);
}

TEST_F(TablesTest, DescribeTableShowsTheTableActive) {
  Ok("CreateTable", ProvisionedRequest("Music"));
  json table = Ok("DescribeTable", {{"TableName", "Music"}})["Table"];
  EXPECT_EQ(table["TableStatus"], "ACTIVE");
  EXPECT_EQ(table["KeySchema"], json::parse(R"([{"AttributeName":"id","KeyType":"HASH"}])"));
}

TEST_F(TablesTest, PayPerRequestTablesReportZeroThroughputAndTheSwitchTime) {
  clock_.Set(1700000000);
  CreateTable("tbl");
  json table = Ok("DescribeTable", {{"TableName", "tbl"}})["Table"];
  EXPECT_EQ(table["BillingModeSummary"],
            json::parse(R"({"BillingMode":"PAY_PER_REQUEST","LastUpdateToPayPerRequestDateTime":1700000000.0})"));
  EXPECT_EQ(table["ProvisionedThroughput"]["ReadCapacityUnits"], 0);
}

TEST_F(TablesTest, AttributeDefinitionsAreListedByName) {
  CreateTable("tbl", "N");
  json request = {{"TableName", "uuu"},
                  {"BillingMode", "PAY_PER_REQUEST"},
                  {"KeySchema", {{{"AttributeName", "z"}, {"KeyType", "HASH"}},
                                 {{"AttributeName", "a"}, {"KeyType", "RANGE"}}}},
                  {"AttributeDefinitions", {{{"AttributeName", "z"}, {"AttributeType", "S"}},
                                            {{"AttributeName", "a"}, {"AttributeType", "N"}}}}};
  json description = Ok("CreateTable", request)["TableDescription"];
  EXPECT_EQ(description["AttributeDefinitions"][0]["AttributeName"], "a");
}

TEST_F(TablesTest, CreatingAnExistingTableIsResourceInUse) {
  Ok("CreateTable", ProvisionedRequest("Music"));
  EXPECT_EQ(ErrorOf(Call("CreateTable", ProvisionedRequest("Music"))),
            "ResourceInUseException: Table already exists: Music");
}

TEST_F(TablesTest, CreateTableRequiresATableName) {
  json request = ProvisionedRequest("x");
  request.erase("TableName");
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)),
            "ValidationException: The parameter 'TableName' is required but was not present in "
            "the request");
}

TEST_F(TablesTest, CreateTableChecksTheNameRules) {
  EXPECT_EQ(ErrorOf(Call("CreateTable", ProvisionedRequest("ab"))),
            "ValidationException: 1 validation error detected: Value 'ab' at 'tableName' failed "
            "to satisfy constraint: Member must have length greater than or equal to 3");
  EXPECT_EQ(ErrorOf(Call("CreateTable", ProvisionedRequest("a;"))),
            "ValidationException: 2 validation errors detected: Value 'a;' at 'tableName' failed "
            "to satisfy constraint: Member must satisfy regular expression pattern: "
            "[a-zA-Z0-9_.-]+; Value 'a;' at 'tableName' failed to satisfy constraint: Member "
            "must have length greater than or equal to 3");
  EXPECT_EQ(ErrorOf(Call("CreateTable", ProvisionedRequest(std::string(256, 'a')))),
            "ValidationException: 1 validation error detected: Value '" + std::string(256, 'a') +
                "' at 'tableName' failed to satisfy constraint: Member must have length less "
                "than or equal to 255");
  EXPECT_EQ(ErrorOf(Call("CreateTable", ProvisionedRequest(std::string(255, 'a')))), "OK");
}

TEST_F(TablesTest, CreateTableListsEveryMemberViolation) {
  json request = ProvisionedRequest("Music", 0, 0);
  request["KeySchema"][0]["KeyType"] = "PRIMARY";
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)),
            "ValidationException: 3 validation errors detected: Value '0' at "
            "'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: Member "
            "must have value greater than or equal to 1; Value '0' at "
            "'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must "
            "have value greater than or equal to 1; Value 'PRIMARY' at "
            "'keySchema.1.member.keyType' failed to satisfy constraint: Member must satisfy enum "
            "value set: [HASH, RANGE]");
}

TEST_F(TablesTest, CreateTableChecksKeySchemaAgainstDefinitions) {
  json request = ProvisionedRequest("tbl");
  request["AttributeDefinitions"][0]["AttributeName"] = "other";
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)),
            "ValidationException: One or more parameter values were invalid: Some index key "
            "attributes are not defined in AttributeDefinitions. Keys: [id], "
            "AttributeDefinitions: [other]");

  request = ProvisionedRequest("tbl");
  request["AttributeDefinitions"].push_back({{"AttributeName", "extra"}, {"AttributeType", "N"}});
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)),
            "ValidationException: One or more parameter values were invalid: Number of "
            "attributes in KeySchema does not exactly match number of attributes defined in "
            "AttributeDefinitions");

  request = ProvisionedRequest("tbl");
  request["KeySchema"][0]["KeyType"] = "RANGE";
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)),
            "ValidationException: Invalid KeySchema: The first KeySchemaElement is not a HASH "
            "key type");

  request = ProvisionedRequest("tbl");
  request["KeySchema"].push_back({{"AttributeName", "id"}, {"KeyType", "RANGE"}});
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)),
            "ValidationException: Invalid KeySchema: Some index key attribute have no definition");

  request = ProvisionedRequest("tbl");
  request["KeySchema"].push_back({{"AttributeName", "id"}, {"KeyType", "RANGE"}});
  request["AttributeDefinitions"].push_back({{"AttributeName", "x"}, {"AttributeType", "N"}});
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)),
            "ValidationException: Both the Hash Key and the Range Key element in the KeySchema "
            "have the same name");

  request = ProvisionedRequest("tbl");
  request["KeySchema"].push_back({{"AttributeName", "x"}, {"KeyType", "HASH"}});
  request["AttributeDefinitions"].push_back({{"AttributeName", "x"}, {"AttributeType", "N"}});
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)),
            "ValidationException: Invalid KeySchema: The second KeySchemaElement is not a RANGE "
            "key type");
}

TEST_F(TablesTest, CreateTableChecksBillingModeAgainstThroughput) {
  json request = ProvisionedRequest("tbl");
  request["BillingMode"] = "PAY_PER_REQUEST";
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)),
            "ValidationException: One or more parameter values were invalid: Neither "
            "ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is "
            "PAY_PER_REQUEST");
  request.erase("BillingMode");
  request.erase("ProvisionedThroughput");
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)),
            "ValidationException: One or more parameter values were invalid: ReadCapacityUnits "
            "and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
  request["BillingMode"] = "FREE";
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)),
            "ValidationException: 1 validation error detected: Value 'FREE' at 'billingMode' "
            "failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, "
            "PAY_PER_REQUEST]");
}

TEST_F(TablesTest, CreateTableRejectsThroughputOutOfBoundsAndOverQuota) {
  EXPECT_EQ(ErrorOf(Call("CreateTable", ProvisionedRequest("tbl", 1000000000001LL, 1))),
            "ValidationException: Given value 1000000000001 for ReadCapacityUnits is out of "
            "bounds");
  EXPECT_EQ(ErrorOf(Call("CreateTable", ProvisionedRequest("tbl", 40001, 1))),
            "LimitExceededException: The requested ReadCapacityUnits, 40001, is above the per "
            "table maximum for the account in us-east-1. Per table maximum: 40000. Refer to the "
            "Amazon DynamoDB Developer Guide for current limits and how to request higher "
            "limits.");
  EXPECT_EQ(ErrorOf(Call("CreateTable", ProvisionedRequest("tbl", 40000, 40000))), "OK");
}

TEST_F(TablesTest, CreateTableWireTypesAreSerializationErrors) {
  json request = ProvisionedRequest("tbl");
  request["ProvisionedThroughput"]["ReadCapacityUnits"] = "5";
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)),
            "SerializationException: STRING_VALUE cannot be converted to Long");
  request = ProvisionedRequest("tbl");
  request["KeySchema"] = json::object();
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)),
            "SerializationException: Start of structure or map found where not expected");
  request["KeySchema"] = {"x"};
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)),
            "SerializationException: Unexpected value type in payload");
  request = ProvisionedRequest("tbl");
  request["ProvisionedThroughput"] = json::array();
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)),
            "SerializationException: Unrecognized collection type class "
            "com.amazonaws.dynamodb.v20120810.ProvisionedThroughput");
  request["ProvisionedThroughput"] = 5;
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)), "SerializationException: Unexpected field type");
  request = ProvisionedRequest("tbl");
  request["TableName"] = 5;
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)),
            "SerializationException: NUMBER_VALUE cannot be converted to String");
}

TEST_F(TablesTest, MissingTablesAreNotFound) {
  for (const char* operation : {"DescribeTable", "DeleteTable"}) {
    EXPECT_EQ(ErrorOf(Call(operation, {{"TableName", "nope"}})),
              "ResourceNotFoundException: Requested resource not found: Table: nope not found");
  }
  EXPECT_EQ(ErrorOf(Call("UpdateTable", {{"TableName", "nope"}, {"BillingMode", "PAY_PER_REQUEST"}})),
            "ResourceNotFoundException: Requested resource not found: Table: nope not found");
  EXPECT_EQ(ErrorOf(Call("DescribeTable", json::object())),
            "ValidationException: The parameter 'TableName' is required but was not present in "
            "the request");
}

TEST_F(TablesTest, DeleteTableRemovesTheTableAndItsItems) {
  CreateTable("tbl");
  Ok("PutItem", {{"TableName", "tbl"}, {"Item", {{"pk", {{"S", "a"}}}}}});
  json deleted = Ok("DeleteTable", {{"TableName", "tbl"}})["TableDescription"];
  EXPECT_EQ(deleted["TableStatus"], "DELETING");
  EXPECT_EQ(deleted["ItemCount"], 1);
  EXPECT_EQ(deleted["TableName"], "tbl");
  EXPECT_TRUE(deleted.contains("TableArn"));
  EXPECT_TRUE(deleted.contains("TableId"));
  EXPECT_TRUE(deleted.contains("ProvisionedThroughput"));
  // The schema is not part of DeleteTable's description, as on DynamoDB.
  for (const char* member : {"KeySchema", "AttributeDefinitions", "CreationDateTime"}) {
    EXPECT_FALSE(deleted.contains(member)) << member;
  }
  EXPECT_EQ(Ok("ListTables", json::object())["TableNames"], json::array());
  CreateTable("tbl");
  EXPECT_EQ(Ok("DescribeTable", {{"TableName", "tbl"}})["Table"]["ItemCount"], 0);
}

TEST_F(TablesTest, ListTablesPagesInNameOrder) {
  for (const char* name : {"ccc", "aaa", "bbb", "ddd"}) CreateTable(name);
  json page = Ok("ListTables", {{"Limit", 2}});
  EXPECT_EQ(page["TableNames"], json::array({"aaa", "bbb"}));
  EXPECT_EQ(page["LastEvaluatedTableName"], "bbb");
  page = Ok("ListTables", {{"Limit", 2}, {"ExclusiveStartTableName", "bbb"}});
  EXPECT_EQ(page["TableNames"], json::array({"ccc", "ddd"}));
  EXPECT_FALSE(page.contains("LastEvaluatedTableName"));
  // The start name need not exist.
  page = Ok("ListTables", {{"ExclusiveStartTableName", "bba"}});
  EXPECT_EQ(page["TableNames"], json::array({"bbb", "ccc", "ddd"}));
}

TEST_F(TablesTest, ListTablesValidatesItsMembers) {
  EXPECT_EQ(ErrorOf(Call("ListTables", {{"Limit", 0}})),
            "ValidationException: 1 validation error detected: Value '0' at 'limit' failed to "
            "satisfy constraint: Member must have value greater than or equal to 1");
  EXPECT_EQ(ErrorOf(Call("ListTables", {{"Limit", 101}})),
            "ValidationException: 1 validation error detected: Value '101' at 'limit' failed to "
            "satisfy constraint: Member must have value less than or equal to 100");
  EXPECT_EQ(ErrorOf(Call("ListTables", {{"ExclusiveStartTableName", ""}, {"Limit", 0}})),
            "ValidationException: 2 validation errors detected: Value '' at "
            "'exclusiveStartTableName' failed to satisfy constraint: Member must have length "
            "greater than or equal to 3; Value '0' at 'limit' failed to satisfy constraint: "
            "Member must have value greater than or equal to 1");
  EXPECT_EQ(ErrorOf(Call("ListTables", {{"Limit", "5"}})),
            "SerializationException: STRING_VALUE cannot be converted to Integer");
}

TEST_F(TablesTest, UpdateTableChangesThroughputAndRecordsTheTimes) {
  Ok("CreateTable", ProvisionedRequest("tbl", 5, 5));
  clock_.Set(1800000000);
  json response = Ok("UpdateTable", {{"TableName", "tbl"},
                                     {"ProvisionedThroughput",
                                      {{"ReadCapacityUnits", 10}, {"WriteCapacityUnits", 5}}}});
  // The response shows the table as the update found it.
  EXPECT_EQ(response["TableDescription"]["TableStatus"], "UPDATING");
  EXPECT_EQ(response["TableDescription"]["ProvisionedThroughput"]["ReadCapacityUnits"], 5);
  json throughput = Ok("DescribeTable", {{"TableName", "tbl"}})["Table"]["ProvisionedThroughput"];
  EXPECT_EQ(throughput["ReadCapacityUnits"], 10);
  EXPECT_EQ(throughput["LastIncreaseDateTime"], 1800000000.0);
  Ok("UpdateTable", {{"TableName", "tbl"},
                     {"ProvisionedThroughput", {{"ReadCapacityUnits", 1}, {"WriteCapacityUnits", 5}}}});
  throughput = Ok("DescribeTable", {{"TableName", "tbl"}})["Table"]["ProvisionedThroughput"];
  EXPECT_EQ(throughput["NumberOfDecreasesToday"], 1);
  EXPECT_EQ(throughput["LastDecreaseDateTime"], 1800000000.0);
}

TEST_F(TablesTest, UpdateTableSwitchesBillingModeBothWays) {
  Ok("CreateTable", ProvisionedRequest("tbl"));
  Ok("UpdateTable", {{"TableName", "tbl"}, {"BillingMode", "PAY_PER_REQUEST"}});
  json table = Ok("DescribeTable", {{"TableName", "tbl"}})["Table"];
  EXPECT_EQ(table["BillingModeSummary"]["BillingMode"], "PAY_PER_REQUEST");
  EXPECT_EQ(table["ProvisionedThroughput"]["ReadCapacityUnits"], 0);
  // Asking again for the mode in force is accepted.
  Ok("UpdateTable", {{"TableName", "tbl"}, {"BillingMode", "PAY_PER_REQUEST"}});
  EXPECT_EQ(ErrorOf(Call("UpdateTable", {{"TableName", "tbl"}, {"BillingMode", "PROVISIONED"}})),
            "ValidationException: One or more parameter values were invalid: "
            "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
  Ok("UpdateTable", {{"TableName", "tbl"},
                     {"BillingMode", "PROVISIONED"},
                     {"ProvisionedThroughput", {{"ReadCapacityUnits", 7}, {"WriteCapacityUnits", 3}}}});
  table = Ok("DescribeTable", {{"TableName", "tbl"}})["Table"];
  EXPECT_EQ(table["BillingModeSummary"]["BillingMode"], "PROVISIONED");
  EXPECT_EQ(table["ProvisionedThroughput"]["WriteCapacityUnits"], 3);
}

TEST_F(TablesTest, SwitchingToOnDemandIsLimitedToFourTimesADay) {
  clock_.Set(1767225600);  // Thursday, January 1, 2026 at 12:00:00 AM UTC
  Ok("CreateTable", ProvisionedRequest("tbl"));
  json to_provisioned = {{"TableName", "tbl"},
                         {"BillingMode", "PROVISIONED"},
                         {"ProvisionedThroughput", {{"ReadCapacityUnits", 5}, {"WriteCapacityUnits", 5}}}};
  json to_on_demand = {{"TableName", "tbl"}, {"BillingMode", "PAY_PER_REQUEST"}};
  for (int i = 0; i < 4; ++i) {
    clock_.Advance(60);
    ASSERT_EQ(ErrorOf(Call("UpdateTable", to_on_demand)), "OK");
    ASSERT_EQ(ErrorOf(Call("UpdateTable", to_provisioned)), "OK");  // always allowed
  }
  clock_.Advance(60);
  EXPECT_EQ(ErrorOf(Call("UpdateTable", to_on_demand)),
            "LimitExceededException: Subscriber limit exceeded: Update to PayPerRequest mode are "
            "limited to 4 times in a rolling 24 hour window. Last update at Thursday, January 1, "
            "2026 at 12:04:00 AM Coordinated Universal Time. Next update can be made at Friday, "
            "January 2, 2026 at 12:01:00 AM Coordinated Universal Time");
  clock_.Advance(24 * 3600);
  EXPECT_EQ(ErrorOf(Call("UpdateTable", to_on_demand)), "OK");
}

TEST_F(TablesTest, DecreasesAreLimitedAfterFourADay) {
  clock_.Set(1767225600);
  Ok("CreateTable", ProvisionedRequest("tbl", 100, 100));
  for (int i = 1; i <= 4; ++i) {
    clock_.Advance(10);
    ASSERT_EQ(ErrorOf(Call("UpdateTable", {{"TableName", "tbl"},
                                           {"ProvisionedThroughput",
                                            {{"ReadCapacityUnits", 100 - i}, {"WriteCapacityUnits", 100}}}})),
              "OK");
  }
  json fifth = {{"TableName", "tbl"},
                {"ProvisionedThroughput", {{"ReadCapacityUnits", 50}, {"WriteCapacityUnits", 100}}}};
  EXPECT_EQ(ErrorOf(Call("UpdateTable", fifth)),
            "LimitExceededException: Subscriber limit exceeded: Provisioned throughput decreases "
            "are limited within a given UTC day. After the first 4 decreases, each subsequent "
            "decrease in the same UTC day can be performed at most once every 3600 seconds. "
            "Number of decreases today: 4. Last decrease at Thursday, January 1, 2026 at "
            "12:00:40 AM Coordinated Universal Time. Next decrease can be made at Thursday, "
            "January 1, 2026 at 1:00:40 AM Coordinated Universal Time");
  clock_.Advance(3600);
  EXPECT_EQ(ErrorOf(Call("UpdateTable", fifth)), "OK");
  // Increases are never limited.
  EXPECT_EQ(ErrorOf(Call("UpdateTable", {{"TableName", "tbl"},
                                         {"ProvisionedThroughput",
                                          {{"ReadCapacityUnits", 200}, {"WriteCapacityUnits", 100}}}})),
            "OK");
}

TEST_F(TablesTest, UpdateTableRejectsNoOpsAndEmptyUpdates) {
  Ok("CreateTable", ProvisionedRequest("tbl", 5, 5));
  EXPECT_EQ(ErrorOf(Call("UpdateTable", {{"TableName", "tbl"}})),
            "ValidationException: At least one of ProvisionedThroughput, BillingMode, "
            "UpdateStreamEnabled, GlobalSecondaryIndexUpdates, SSESpecification, "
            "ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn, "
            "MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, "
            "WarmThroughput or TableClass is required");
  EXPECT_EQ(ErrorOf(Call("UpdateTable", {{"TableName", "tbl"},
                                         {"ProvisionedThroughput",
                                          {{"ReadCapacityUnits", 5}, {"WriteCapacityUnits", 5}}}})),
            "ValidationException: The provisioned throughput for the table will not change. The "
            "requested value equals the current value. Current ReadCapacityUnits provisioned for "
            "the table: 5. Requested ReadCapacityUnits: 5. Current WriteCapacityUnits "
            "provisioned for the table: 5. Requested WriteCapacityUnits: 5. Refer to the Amazon "
            "DynamoDB Developer Guide for current limits and how to request higher limits.");
  EXPECT_EQ(ErrorOf(Call("UpdateTable", {{"TableName", "tbl"},
                                         {"ProvisionedThroughput", {{"ReadCapacityUnits", 5}}}})),
            "ValidationException: 1 validation error detected: Value null at "
            "'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: Member must "
            "not be null");
}

}  // namespace
}  // namespace ddbpg::testing
