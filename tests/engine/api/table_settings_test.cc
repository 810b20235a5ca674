// Deletion protection, the table class, DescribeLimits and DescribeEndpoints.
#include <gtest/gtest.h>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

constexpr const char* kOnlyClassMessage =
    "ValidationException: One or more parameter values were invalid: TableClass modification "
    "must be the only operation in the request";
constexpr const char* kOnlyProtectionMessage =
    "ValidationException: One or more parameter values were invalid: DeletionProtection "
    "modification must be the only operation in the request";
constexpr const char* kProtectedMessage =
    "ValidationException: Resource cannot be deleted as it is currently protected against "
    "deletion. Disable deletion protection first.";

class TableSettingsTest : public EngineFixture {
 protected:
  json CreateRequest(const std::string& name) {
    return {{"TableName", name},
            {"KeySchema", {{{"AttributeName", "id"}, {"KeyType", "HASH"}}}},
            {"AttributeDefinitions", {{{"AttributeName", "id"}, {"AttributeType", "S"}}}},
            {"BillingMode", "PAY_PER_REQUEST"}};
  }
  json Describe(const std::string& name) {
    return Ok("DescribeTable", {{"TableName", name}})["Table"];
  }
};

TEST_F(TableSettingsTest, DeletionProtectionRefusesDeleteTableUntilTurnedOff) {
  json request = CreateRequest("Orders");
  request["DeletionProtectionEnabled"] = true;
  EXPECT_EQ(Ok("CreateTable", request)["TableDescription"]["DeletionProtectionEnabled"], true);
  EXPECT_EQ(Describe("Orders")["DeletionProtectionEnabled"], true);
  EXPECT_EQ(ErrorOf(Call("DeleteTable", {{"TableName", "Orders"}})), kProtectedMessage);
  EXPECT_EQ(Describe("Orders")["TableStatus"], "ACTIVE");  // still there
  Ok("UpdateTable", {{"TableName", "Orders"}, {"DeletionProtectionEnabled", false}});
  EXPECT_EQ(Describe("Orders")["DeletionProtectionEnabled"], false);
  EXPECT_EQ(ErrorOf(Call("DeleteTable", {{"TableName", "Orders"}})), "OK");
}

TEST_F(TableSettingsTest, ProtectionIsOffByDefaultAndCanBeTurnedOnLater) {
  Ok("CreateTable", CreateRequest("Orders"));
  EXPECT_EQ(Describe("Orders")["DeletionProtectionEnabled"], false);
  Ok("UpdateTable", {{"TableName", "Orders"}, {"DeletionProtectionEnabled", true}});
  EXPECT_EQ(ErrorOf(Call("DeleteTable", {{"TableName", "Orders"}})), kProtectedMessage);
}

TEST_F(TableSettingsTest, TableClassIsShownOnceNamedAndItsChangeIsDated) {
  Ok("CreateTable", CreateRequest("Plain"));
  EXPECT_FALSE(Describe("Plain").contains("TableClassSummary"));
  json request = CreateRequest("Archive");
  request["TableClass"] = "STANDARD_INFREQUENT_ACCESS";
  Ok("CreateTable", request);
  EXPECT_EQ(Describe("Archive")["TableClassSummary"],
            json({{"TableClass", "STANDARD_INFREQUENT_ACCESS"}}));
  clock_.Set(clock_.NowSeconds() + 60);
  const double now = clock_.NowSeconds();
  Ok("UpdateTable", {{"TableName", "Archive"}, {"TableClass", "STANDARD"}});
  json summary = Describe("Archive")["TableClassSummary"];
  EXPECT_EQ(summary["TableClass"], "STANDARD");
  EXPECT_DOUBLE_EQ(summary["LastUpdateDateTime"].get<double>(), now);
}

TEST_F(TableSettingsTest, AnUnknownTableClassIsRefusedWithTheServicesText) {
  json request = CreateRequest("Archive");
  request["TableClass"] = "GLACIER";
  const std::string expected =
      "ValidationException: Invalid table-class parameter provided. Please try again with a "
      "valid table-class value: [STANDARD, STANDARD_INFREQUENT_ACCESS].";
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)), expected);
  EXPECT_EQ(ErrorOf(Call("DescribeTable", {{"TableName", "Archive"}})).rfind(
                "ResourceNotFoundException", 0),
            0u);
  Ok("CreateTable", CreateRequest("Archive"));
  EXPECT_EQ(ErrorOf(Call("UpdateTable", {{"TableName", "Archive"}, {"TableClass", "cold"}})),
            expected);
}

TEST_F(TableSettingsTest, ClassAndProtectionChangesComeAlone) {
  Ok("CreateTable", CreateRequest("Orders"));
  EXPECT_EQ(ErrorOf(Call("UpdateTable", {{"TableName", "Orders"},
                                         {"TableClass", "STANDARD_INFREQUENT_ACCESS"},
                                         {"BillingMode", "PAY_PER_REQUEST"}})),
            kOnlyClassMessage);
  EXPECT_EQ(ErrorOf(Call("UpdateTable", {{"TableName", "Orders"},
                                         {"TableClass", "STANDARD_INFREQUENT_ACCESS"},
                                         {"DeletionProtectionEnabled", true}})),
            kOnlyClassMessage);
  EXPECT_EQ(ErrorOf(Call("UpdateTable",
                         {{"TableName", "Orders"},
                          {"DeletionProtectionEnabled", true},
                          {"StreamSpecification",
                           {{"StreamEnabled", true}, {"StreamViewType", "KEYS_ONLY"}}}})),
            kOnlyProtectionMessage);
  // Nothing was changed by the refused requests.
  json table = Describe("Orders");
  EXPECT_EQ(table["DeletionProtectionEnabled"], false);
  EXPECT_FALSE(table.contains("TableClassSummary"));
  EXPECT_FALSE(table.contains("StreamSpecification"));
}

TEST_F(TableSettingsTest, SettingsSurviveASnapshot) {
  json request = CreateRequest("Orders");
  request["DeletionProtectionEnabled"] = true;
  request["TableClass"] = "STANDARD_INFREQUENT_ACCESS";
  Ok("CreateTable", request);
  Engine& restored = RestoredFromSnapshot();
  json table = json::parse(
      restored.Handle("DynamoDB_20120810.DescribeTable", R"({"TableName":"Orders"})").body)["Table"];
  EXPECT_EQ(table["DeletionProtectionEnabled"], true);
  EXPECT_EQ(table["TableClassSummary"]["TableClass"], "STANDARD_INFREQUENT_ACCESS");
}

TEST_F(TableSettingsTest, DescribeLimitsGivesTheDefaultQuotas) {
  EXPECT_EQ(Ok("DescribeLimits", json::object()),
            json({{"AccountMaxReadCapacityUnits", 80000},
                  {"AccountMaxWriteCapacityUnits", 80000},
                  {"TableMaxReadCapacityUnits", 40000},
                  {"TableMaxWriteCapacityUnits", 40000}}));
}

TEST_F(TableSettingsTest, DescribeEndpointsNamesTheRegionsEndpoint) {
  json endpoints = Ok("DescribeEndpoints", json::object())["Endpoints"];
  ASSERT_EQ(endpoints.size(), 1u);
  EXPECT_EQ(endpoints[0]["Address"], "dynamodb.us-east-1.amazonaws.com");
  EXPECT_EQ(endpoints[0]["CachePeriodInMinutes"], 1440);
}

TEST_F(TableSettingsTest, OperationsWithoutParametersIgnoreUnknownOnesAsTheServiceDoes) {
  EXPECT_EQ(ErrorOf(Call("DescribeLimits", {{"TableName", "x"}})), "OK");
  EXPECT_EQ(ErrorOf(Call("DescribeEndpoints", {{"Extra", 1}})), "OK");
}

}  // namespace
}  // namespace ddbpg::testing
