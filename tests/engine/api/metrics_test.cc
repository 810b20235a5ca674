#include <gtest/gtest.h>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

class MetricsTest : public EngineFixture {
 protected:
  void Put(const std::string& table, const std::string& pk, size_t padding = 0) {  // NOLINT
    json item = {{"pk", {{"S", pk}}}};
    if (padding) item["pad"] = {{"S", std::string(padding, 'x')}};
    Ok("PutItem", {{"TableName", table}, {"Item", item}});
  }
};

TEST_F(MetricsTest, ProvisionedTablesGetPartitionsForTheirThroughput) {
  CreateProvisioned("small", 5, 5);
  EXPECT_EQ(Playground("GetMetrics", {{"TableName", "small"}})["Partitions"].size(), 1u);
  CreateProvisioned("large", 5000, 2000);
  EXPECT_EQ(Playground("GetMetrics", {{"TableName", "large"}})["Partitions"].size(), 4u);
  // Raising throughput past what 4 partitions carry doubles them.
  Ok("UpdateTable", {{"TableName", "large"},
                     {"ProvisionedThroughput", {{"ReadCapacityUnits", 8000}, {"WriteCapacityUnits", 2000}}}});
  EXPECT_EQ(Playground("GetMetrics", {{"TableName", "large"}})["Partitions"].size(), 8u);
}

TEST_F(MetricsTest, PartitionsCoverTheHashSpaceAsDecimalStrings) {
  CreateProvisioned("large", 5000, 2000);
  json partitions = Playground("GetMetrics", {{"TableName", "large"}})["Partitions"];
  EXPECT_EQ(partitions[0]["HashRange"]["Start"], "0");
  EXPECT_EQ(partitions[3]["HashRange"]["End"], "18446744073709551615");
}

TEST_F(MetricsTest, NamesWhatOnePartitionServesAndHolds) {
  CreateTable("plain");
  json limits = Playground("GetMetrics", {{"TableName", "plain"}})["PartitionLimits"];
  EXPECT_EQ(limits, json::parse(R"({"ReadCapacityUnitsPerSecond": 3000.0,
                                    "WriteCapacityUnitsPerSecond": 1000.0,
                                    "SizeBytes": 10737418240.0})"));
}

TEST_F(MetricsTest, ScaleMakesSmallDataSplit) {
  Playground("Configure", {{"Scale", 1000000}});  // a partition holds 10,737 bytes
  CreateTable("tiny");  // on demand: 8 partitions
  for (int i = 0; i < 30; ++i) {
    clock_.Advance(1);  // at this scale a partition serves about one write a second
    Put("tiny", "key" + std::to_string(i), 1000);
  }
  json metrics = Playground("GetMetrics", {{"TableName", "tiny"}});
  EXPECT_EQ(metrics["Scale"], 1000000.0);
  // What one partition serves and holds, divided by the scale (so the page never hard-codes it).
  EXPECT_DOUBLE_EQ(metrics["PartitionLimits"]["ReadCapacityUnitsPerSecond"].get<double>(), 0.003);
  EXPECT_DOUBLE_EQ(metrics["PartitionLimits"]["WriteCapacityUnitsPerSecond"].get<double>(), 0.001);
  EXPECT_NEAR(metrics["PartitionLimits"]["SizeBytes"].get<double>(), 10737.418, 0.001);
  EXPECT_GE(metrics["Partitions"].size(), 8u);
  long long items = 0, bytes = 0;
  for (const json& partition : metrics["Partitions"]) {
    items += partition["ItemCount"].get<long long>();
    bytes += partition["SizeBytes"].get<long long>();
    EXPECT_LE(partition["SizeBytes"].get<long long>(), 10737);
  }
  EXPECT_EQ(items, 30);
  EXPECT_EQ(bytes, Ok("DescribeTable", {{"TableName", "tiny"}})["Table"]["TableSizeBytes"]);
}

TEST_F(MetricsTest, ConsumedCapacityIsRecordedPerPartitionPerSecond) {
  Playground("SetClock", {{"Mode", "VIRTUAL"}, {"Now", 2000000000}});
  CreateProvisioned("busy", 10, 10);
  Put("busy", "a", 1500);  // 2 WCU
  Put("busy", "b");        // 1 WCU
  Playground("AdvanceClock", {{"Seconds", 1}});
  Ok("GetItem", {{"TableName", "busy"}, {"Key", {{"pk", {{"S", "a"}}}}}});  // 0.5 RCU
  json seconds = Playground("GetMetrics", {{"TableName", "busy"}})["Partitions"][0]["Seconds"];
  ASSERT_EQ(seconds.size(), 2u);
  EXPECT_EQ(seconds[0], json::parse(R"({"Time":2000000000,"ConsumedReadCapacityUnits":0.0,
    "ConsumedWriteCapacityUnits":3.0,"ThrottledReads":0,"ThrottledWrites":0})"));
  EXPECT_EQ(seconds[1]["ConsumedReadCapacityUnits"], 0.5);
  // SinceSeconds narrows the window to the current second.
  EXPECT_EQ(Playground("GetMetrics", {{"TableName", "busy"}, {"SinceSeconds", 1}})["Partitions"][0]
                ["Seconds"].size(),
            1u);
}

TEST_F(MetricsTest, HotKeysRankPartitionKeysByTraffic) {
  CreateProvisioned("hot", 10, 10);
  for (int i = 0; i < 5; ++i) Put("hot", "celebrity");
  Put("hot", "nobody");
  Ok("GetItem", {{"TableName", "hot"}, {"Key", {{"pk", {{"S", "celebrity"}}}}}});
  json hot = Playground("GetMetrics", {{"TableName", "hot"}})["HotKeys"];
  EXPECT_EQ(hot[0], json::parse(R"({"Key":{"S":"celebrity"},"Reads":1,"Writes":5,"Throttles":0})"));
  EXPECT_EQ(hot[1]["Key"], json::parse(R"({"S":"nobody"})"));
}

TEST_F(MetricsTest, RequestsAreValidated) {
  EXPECT_EQ(ErrorOf(engine_.Handle("Playground.GetMetrics", R"({"TableName":"nope"})")),
            "ResourceNotFoundException: Requested resource not found: Table: nope not found");
  EXPECT_EQ(ErrorOf(engine_.Handle("Playground.Configure", R"({"Scale":0.5})")),
            "ValidationException: Scale must be at least 1 and at most 1000000.0");
}

}  // namespace
}  // namespace ddbpg::testing

namespace ddbpg::testing {
namespace {

TEST_F(MetricsTest, OneOversizedItemCollectionDoesNotSplitForever) {
  Playground("Configure", {{"Scale", 1000000}});
  CreateTable("solo");  // on demand: 8 partitions
  Ok("PutItem", {{"TableName", "solo"},
                 {"Item", {{"pk", {{"S", "only"}}}, {"pad", {{"S", std::string(300 * 1024, 'x')}}}}}});
  EXPECT_EQ(Playground("GetMetrics", {{"TableName", "solo"}})["Partitions"].size(), 8u);
}

TEST_F(MetricsTest, ThroughputPartitionsStopAtSixtyFourAtExtremeScales) {
  Playground("Configure", {{"Scale", 1000000}});
  CreateProvisioned("many", 1, 1);
  EXPECT_EQ(Playground("GetMetrics", {{"TableName", "many"}})["Partitions"].size(), 64u);
}

}  // namespace
}  // namespace ddbpg::testing
