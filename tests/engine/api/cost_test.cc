#include <gtest/gtest.h>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

class CostTest : public EngineFixture {};

// The explainer's "Cost Example": a chat application with 100M writes and 500M reads a month
// and 100 GB stored (shared/seed/what-is-dynamodb.md).
const json kChatApplication = {{"MonthlyWrites", 100e6}, {"MonthlyReads", 500e6}, {"StorageGB", 100}};

TEST_F(CostTest, ReproducesTheExplainersCostExampleAtItsPrices) {
  Playground("Configure", {{"Prices", "explainer"}});
  json estimate = Playground("EstimateCost", kChatApplication);
  EXPECT_DOUBLE_EQ(estimate["OnDemand"]["Writes"].get<double>(), 125);
  EXPECT_DOUBLE_EQ(estimate["OnDemand"]["Reads"].get<double>(), 125);
  EXPECT_DOUBLE_EQ(estimate["OnDemand"]["Storage"].get<double>(), 25);
  EXPECT_DOUBLE_EQ(estimate["OnDemand"]["Total"].get<double>(), 275);
  // 100M / (30 days x 86,400 s) = 38.58 WCU and 500M / 2,592,000 s = 192.90 RCU on average,
  // which the explainer writes as 38 and 193.
  double wcu = estimate["Provisioned"]["AverageWriteCapacityUnits"];
  double rcu = estimate["Provisioned"]["AverageReadCapacityUnits"];
  EXPECT_NEAR(wcu, 38.58, 0.005);
  EXPECT_NEAR(rcu, 192.90, 0.005);
  EXPECT_EQ(static_cast<int>(wcu), 38);
  EXPECT_EQ(static_cast<int>(rcu + 0.5), 193);
}

TEST_F(CostTest, TodaysListPricesHalveTheOnDemandRequests) {
  json estimate = Playground("EstimateCost", kChatApplication);
  EXPECT_EQ(estimate["Prices"]["Name"], "us-east-1");
  EXPECT_DOUBLE_EQ(estimate["OnDemand"]["Writes"].get<double>(), 62.5);
  EXPECT_DOUBLE_EQ(estimate["OnDemand"]["Reads"].get<double>(), 62.5);
  EXPECT_DOUBLE_EQ(estimate["OnDemand"]["Total"].get<double>(), 150);
  // Provisioned at the average rate: 38.58 WCU x 720 h x $0.00065 = $18.06.
  EXPECT_NEAR(estimate["Provisioned"]["Writes"].get<double>(), 18.06, 0.005);
}

TEST_F(CostTest, CustomPricesAndErrors) {
  json configured = Playground("Configure", {{"Prices",
                                              {{"WriteRequestUnitsPerMillion", 1},
                                               {"ReadRequestUnitsPerMillion", 1},
                                               {"WcuHour", 0},
                                               {"RcuHour", 0},
                                               {"StorageGbMonth", 0}}}});
  EXPECT_EQ(configured["Prices"]["Name"], "custom");
  EXPECT_DOUBLE_EQ(Playground("EstimateCost", kChatApplication)["OnDemand"]["Total"].get<double>(), 600);
  EXPECT_EQ(ErrorOf(engine_.Handle("Playground.Configure", R"({"Prices":"eu-mars-1"})")),
            "ValidationException: Unknown Prices preset: eu-mars-1; presets: us-east-1, explainer");
}

TEST_F(CostTest, GetMetricsPricesTheTrafficItRecorded) {
  CreateTable("chat");
  for (int i = 0; i < 4; ++i) {
    Ok("PutItem", {{"TableName", "chat"}, {"Item", {{"pk", {{"S", "m" + std::to_string(i)}}}}}});
  }
  json cost = Playground("GetMetrics", {{"TableName", "chat"}})["Cost"];
  EXPECT_EQ(cost["Prices"], "us-east-1");
  EXPECT_DOUBLE_EQ(cost["OnDemand"].get<double>(), 4 * 0.625 / 1e6);
  EXPECT_DOUBLE_EQ(cost["Provisioned"].get<double>(), 0);
}

TEST_F(CostTest, StandardInfrequentAccessPaysMoreForRequestsAndLessForStorage) {
  json request = kChatApplication;
  request["TableClass"] = "STANDARD_INFREQUENT_ACCESS";
  json estimate = Playground("EstimateCost", request);
  EXPECT_EQ(estimate["TableClass"], "STANDARD_INFREQUENT_ACCESS");
  // $0.78125 per million writes, $0.15625 per million reads, $0.10 per GB-month.
  EXPECT_DOUBLE_EQ(estimate["Prices"]["WriteRequestUnitsPerMillion"].get<double>(), 0.78125);
  EXPECT_DOUBLE_EQ(estimate["OnDemand"]["Writes"].get<double>(), 78.125);
  EXPECT_DOUBLE_EQ(estimate["OnDemand"]["Reads"].get<double>(), 78.125);
  EXPECT_DOUBLE_EQ(estimate["OnDemand"]["Storage"].get<double>(), 10);
  EXPECT_EQ(Playground("EstimateCost", kChatApplication)["TableClass"], "STANDARD");
  request["TableClass"] = "GLACIER";
  EXPECT_EQ(ErrorOf(engine_.Handle("Playground.EstimateCost", request.dump())),
            "ValidationException: TableClass must be STANDARD or STANDARD_INFREQUENT_ACCESS");
}

TEST_F(CostTest, GetMetricsPricesATableByItsClass) {
  CreateTable("chat");
  Ok("UpdateTable", {{"TableName", "chat"}, {"TableClass", "STANDARD_INFREQUENT_ACCESS"}});
  for (int i = 0; i < 4; ++i) {
    Ok("PutItem", {{"TableName", "chat"}, {"Item", {{"pk", {{"S", "m" + std::to_string(i)}}}}}});
  }
  json cost = Playground("GetMetrics", {{"TableName", "chat"}})["Cost"];
  EXPECT_DOUBLE_EQ(cost["OnDemand"].get<double>(), 4 * 0.625 * 1.25 / 1e6);
  EXPECT_GT(cost["StoragePerMonth"].get<double>(), 0);
  const double infrequent_storage = cost["StoragePerMonth"].get<double>();
  Ok("UpdateTable", {{"TableName", "chat"}, {"TableClass", "STANDARD"}});
  cost = Playground("GetMetrics", {{"TableName", "chat"}})["Cost"];
  EXPECT_DOUBLE_EQ(cost["StoragePerMonth"].get<double>(), infrequent_storage / 0.4);
}

}  // namespace
}  // namespace ddbpg::testing
