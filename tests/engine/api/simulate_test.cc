// The explainer's scenarios, run as simulations (issue #4, "Scenarios from the explainer").
#include <gtest/gtest.h>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

class SimulateTest : public EngineFixture {
 protected:
  void SetUp() override { Playground("SetClock", {{"Mode", "VIRTUAL"}, {"Now", 1900000000}}); }
  void CreateProvisioned(const std::string& name, const std::string& key, int read, int write) {
    Ok("CreateTable",
       {{"TableName", name},
        {"KeySchema", {{{"AttributeName", key}, {"KeyType", "HASH"}}}},
        {"AttributeDefinitions", {{{"AttributeName", key}, {"AttributeType", "S"}}}},
        {"ProvisionedThroughput", {{"ReadCapacityUnits", read}, {"WriteCapacityUnits", write}}}});
  }
};

TEST_F(SimulateTest, HotPartitionMistakeThrottlesOneCountryWhileTheTableHasCapacity) {
  // 4,000 WCU give 4 partitions of 1,000 WCU. 2,000 writes a second, 90% of them for "US".
  CreateProvisioned("ByCountry", "country", 100, 4000);
  json weighted = {{"Type", "WEIGHTED"},
                   {"Keys", {{{"Key", "US"}, {"Weight", 90}}, {{"Key", "DE"}, {"Weight", 4}},
                             {{"Key", "FR"}, {"Weight", 3}}, {{"Key", "JP"}, {"Weight", 3}}}}};
  json result = Playground("SimulateWorkload", {{"TableName", "ByCountry"},
                                                {"DurationSeconds", 10},
                                                {"RequestsPerSecond", 2000},
                                                {"Operations", {{"PutItem", 1}}},
                                                {"ItemSizeBytes", 900},
                                                {"KeyDistribution", weighted}});
  EXPECT_EQ(result["Requests"], 20000);
  EXPECT_GT(result["Throttled"].get<long long>(), 5000);
  // The table consumed well under its 4,000 WCU a second: it had capacity left.
  EXPECT_LT(result["ConsumedWriteCapacityUnits"].get<double>() / 10, 2000);
  json hot = Playground("GetMetrics", {{"TableName", "ByCountry"}})["HotKeys"][0];
  EXPECT_EQ(hot["Key"], json::parse(R"({"S":"US"})"));
  EXPECT_GT(hot["Throttles"].get<long long>(), 0);
}

TEST_F(SimulateTest, BackgroundWorkRunsDuringASimulation) {
  // Ten 10 KB items that expire 5 seconds in; the sweeper (no deletion delay) must delete them
  // while the simulation reads them, as it would between real requests.
  CreateProvisioned("Sessions", "id", 1000, 1000);
  Ok("UpdateTimeToLive", {{"TableName", "Sessions"},
                          {"TimeToLiveSpecification", {{"AttributeName", "expires"}, {"Enabled", true}}}});
  Playground("Configure", {{"TtlDeletionDelaySeconds", 0}});
  for (int i = 0; i < 10; ++i) {
    Ok("PutItem", {{"TableName", "Sessions"},
                   {"Item", {{"id", {{"S", "key-" + std::to_string(i)}}},
                             {"expires", {{"N", "1900000005"}}},
                             {"payload", {{"S", std::string(10000, 'x')}}}}}});
  }
  json result = Playground("SimulateWorkload",
                           {{"TableName", "Sessions"},
                            {"DurationSeconds", 30},
                            {"RequestsPerSecond", 10},
                            {"Operations", {{"GetItem", 1}}},
                            {"KeyDistribution", {{"Type", "UNIFORM"}, {"KeyCount", 10}}}});
  // An eventually consistent read of a 10 KB item costs 1.5 units, of a missing one 0.5: about
  // 6 seconds of the first and 24 of the second (~192 units); without the sweeps, 450.
  const double units = result["ConsumedReadCapacityUnits"].get<double>();
  EXPECT_GT(units, 150);
  EXPECT_LT(units, 250);
}

TEST_F(SimulateTest, HighCardinalityKeysDoNotThrottle) {
  CreateProvisioned("ByUser", "user_id", 100, 4000);
  json result = Playground("SimulateWorkload",
                           {{"TableName", "ByUser"},
                            {"DurationSeconds", 10},
                            {"RequestsPerSecond", 2000},
                            {"Operations", {{"PutItem", 1}}},
                            {"ItemSizeBytes", 900},
                            {"KeyDistribution", {{"Type", "UNIFORM"}, {"KeyCount", 100000}}}});
  EXPECT_EQ(result["Throttled"], 0);
  EXPECT_DOUBLE_EQ(result["ConsumedWriteCapacityUnits"].get<double>(), 20000);
}

TEST_F(SimulateTest, ScanCostsFarMoreThanQueryForTheSameAnswer) {
  CreateTable("Orders");
  Playground("SimulateWorkload", {{"TableName", "Orders"},
                                  {"DurationSeconds", 1},
                                  {"RequestsPerSecond", 1000},
                                  {"Operations", {{"PutItem", 1}}},
                                  {"KeyDistribution", {{"Type", "UNIFORM"}, {"KeyCount", 1000000}}}});
  json common = {{"TableName", "Orders"}, {"DurationSeconds", 1}, {"RequestsPerSecond", 10},
                 {"KeyDistribution", {{"Type", "UNIFORM"}, {"KeyCount", 1000}}}};
  json query = common;
  query["Operations"] = {{"Query", 1}};
  json scan = common;
  scan["Operations"] = {{"Scan", 1}};
  double query_units = Playground("SimulateWorkload", query)["ConsumedReadCapacityUnits"];
  double scan_units = Playground("SimulateWorkload", scan)["ConsumedReadCapacityUnits"];
  // A Query reads at most one ~1 KB item: half a unit. A Scan page reads ~1 MB: 128 units / 2.
  EXPECT_DOUBLE_EQ(query_units, 10 * 0.5);
  EXPECT_GT(scan_units, 100 * query_units);
}

TEST_F(SimulateTest, ASpikeThrottlesAProvisionedTableButNotAnOnDemandOne) {
  json spike = {{"StartSecond", 10}, {"DurationSeconds", 60}, {"Multiplier", 10}};
  json workload = {{"DurationSeconds", 120},
                   {"RequestsPerSecond", 100},
                   {"Operations", {{"PutItem", 1}}},
                   {"ItemSizeBytes", 900},
                   {"KeyDistribution", {{"Type", "UNIFORM"}, {"KeyCount", 100000}}},
                   {"Spike", spike}};
  CreateProvisioned("Provisioned", "pk", 100, 100);
  workload["TableName"] = "Provisioned";
  json provisioned = Playground("SimulateWorkload", workload);
  EXPECT_GT(provisioned["Throttled"].get<long long>(), 0);
  CreateTable("OnDemand");
  workload["TableName"] = "OnDemand";
  json on_demand = Playground("SimulateWorkload", workload);
  EXPECT_EQ(on_demand["Throttled"], 0);
  EXPECT_EQ(on_demand["Requests"], 100 * 60 + 1000 * 60);
}

TEST_F(SimulateTest, SameSeedSameOutcome) {
  CreateProvisioned("TableA", "pk", 10, 10);
  CreateProvisioned("TableB", "pk", 10, 10);
  json workload = {{"DurationSeconds", 5},
                   {"RequestsPerSecond", 50},
                   {"Operations", {{"PutItem", 1}, {"GetItem", 1}}},
                   {"KeyDistribution", {{"Type", "ZIPF"}, {"KeyCount", 100}, {"Exponent", 1.2}}},
                   {"Seed", 7}};
  workload["TableName"] = "TableA";
  json first = Playground("SimulateWorkload", workload);
  workload["TableName"] = "TableB";
  json second = Playground("SimulateWorkload", workload);
  EXPECT_EQ(first["Throttled"], second["Throttled"]);
  EXPECT_EQ(first["ConsumedWriteCapacityUnits"], second["ConsumedWriteCapacityUnits"]);
}

TEST_F(SimulateTest, RequestsAreValidated) {
  CreateTable("tbl");
  EXPECT_EQ(ErrorOf(engine_.Handle("Playground.SimulateWorkload",
                                   R"({"TableName":"tbl","RequestsPerSecond":0})")),
            "ValidationException: RequestsPerSecond must be greater than 0 and at most 100000");
  EXPECT_EQ(ErrorOf(engine_.Handle("Playground.SimulateWorkload",
                                   R"({"TableName":"tbl","KeyDistribution":{"Type":"NORMAL"}})")),
            "ValidationException: KeyDistribution.Type must be one of UNIFORM, ZIPF, HOT_KEY, "
            "WEIGHTED");
  Playground("SetClock", {{"Mode", "REAL"}});
  EXPECT_EQ(ErrorOf(engine_.Handle("Playground.SimulateWorkload", R"({"TableName":"tbl"})")),
            "ValidationException: SimulateWorkload runs in virtual time; switch the clock to "
            "VIRTUAL with Playground.SetClock first");
}

}  // namespace
}  // namespace ddbpg::testing
