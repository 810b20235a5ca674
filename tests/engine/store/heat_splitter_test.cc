#include "engine/store/heat_splitter.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/engine/support/partition_text.h"

namespace ddbpg {
namespace {

// Writes `units` per second to the partition owning every hash, for `seconds` seconds of the
// first window, noting the traffic by hash as the table does.
void Drive(store::HeatSplitter& splitter, capacity::TableMetrics& metrics,
           partition::PartitionMap& map, const std::vector<std::pair<uint64_t, double>>& traffic,
           int seconds) {
  splitter.SplitIfHot(0, map, metrics,
                      partition::PartitionLimitsAtScale(1));  // opens the first window
  for (int s = 0; s < seconds; ++s) {
    for (const auto& [hash, units] : traffic) {
      metrics.RecordWrite(map.partitions()[map.IndexOf(hash)].id, s, units);
      splitter.NoteTraffic(hash, units);
    }
  }
}

TEST(HeatSplitterTest, OneBusyKeyIsIsolatedOnAPartitionOfItsOwn) {
  partition::PartitionMap map;
  capacity::TableMetrics metrics;
  store::HeatSplitter splitter;
  // 600 WCU a second on one key, 10 on two neighbours: 620 of the partition's 1,000.
  Drive(splitter, metrics, map, {{0x100, 10}, {0x8000, 600}, {0x9000, 10}}, 60);
  EXPECT_EQ(DescribePartitions(map), "[0..ffffffffffffffff]");  // nothing moves within the window
  EXPECT_TRUE(splitter.SplitIfHot(60, map, metrics, partition::PartitionLimitsAtScale(1)));
  EXPECT_EQ(DescribePartitions(map), "[0..7fff][8000..8000][8001..ffffffffffffffff]");
}

TEST(HeatSplitterTest, SpreadTrafficSplitsWhereHalfOfItLiesBelow) {
  partition::PartitionMap map;
  capacity::TableMetrics metrics;
  store::HeatSplitter splitter;
  Drive(splitter, metrics, map, {{0x10, 200}, {0x20, 200}, {0x30, 200}, {0x40, 200}}, 60);
  EXPECT_TRUE(splitter.SplitIfHot(61, map, metrics, partition::PartitionLimitsAtScale(1)));
  EXPECT_EQ(DescribePartitions(map), "[0..20][21..ffffffffffffffff]");
}

TEST(HeatSplitterTest, APartitionBelowHalfItsLimitDoesNotSplit) {
  partition::PartitionMap map;
  capacity::TableMetrics metrics;
  store::HeatSplitter splitter;
  Drive(splitter, metrics, map, {{0x10, 499}}, 60);
  EXPECT_FALSE(splitter.SplitIfHot(60, map, metrics, partition::PartitionLimitsAtScale(1)));
  EXPECT_EQ(map.size(), 1u);
}

TEST(HeatSplitterTest, HeatMustBeSustainedForMostOfTheWindow) {
  partition::PartitionMap map;
  capacity::TableMetrics metrics;
  store::HeatSplitter splitter;
  Drive(splitter, metrics, map, {{0x10, 900}}, store::HeatSplitter::kHotSecondsToSplit - 1);
  EXPECT_FALSE(splitter.SplitIfHot(60, map, metrics, partition::PartitionLimitsAtScale(1)));
  EXPECT_EQ(map.size(), 1u);
}

TEST(HeatSplitterTest, ThrottledSecondsCountAsHot) {
  partition::PartitionMap map;
  capacity::TableMetrics metrics;
  store::HeatSplitter splitter;
  splitter.SplitIfHot(0, map, metrics, partition::PartitionLimitsAtScale(1));
  for (int s = 0; s < 60; ++s) {
    metrics.RecordThrottle(map.partitions()[0].id, s, /*is_write=*/false);
    splitter.NoteTraffic(0x10, 1);
    splitter.NoteTraffic(0x20, 1);
  }
  EXPECT_TRUE(splitter.SplitIfHot(60, map, metrics, partition::PartitionLimitsAtScale(1)));
  EXPECT_EQ(DescribePartitions(map), "[0..10][11..ffffffffffffffff]");
}

TEST(HeatSplitterTest, AScaledLimitMakesSmallRatesHot) {
  partition::PartitionMap map;
  capacity::TableMetrics metrics;
  store::HeatSplitter splitter;
  Drive(splitter, metrics, map, {{0x10, 5}, {0x20, 5}}, 60);  // 10 WCU against 10 at scale 100
  EXPECT_TRUE(splitter.SplitIfHot(60, map, metrics, partition::PartitionLimitsAtScale(100)));
  EXPECT_EQ(map.size(), 2u);
}

}  // namespace
}  // namespace ddbpg
