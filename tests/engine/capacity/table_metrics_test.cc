#include "engine/capacity/table_metrics.h"

#include <gtest/gtest.h>

namespace ddbpg {
namespace {

TEST(TableMetricsTest, SamplesAreKeptPerPartitionPerSecond) {
  capacity::TableMetrics metrics;
  metrics.RecordWrite(7, 100.2, 1);
  metrics.RecordWrite(7, 100.9, 2);
  metrics.RecordRead(7, 101.0, 0.5);
  metrics.RecordThrottle(7, 101.5, /*is_write=*/true);
  std::vector<capacity::SecondSample> samples = metrics.Samples(7, 0);
  ASSERT_EQ(samples.size(), 2u);
  EXPECT_EQ(samples[0].second, 100);
  EXPECT_EQ(samples[0].write_units, 3);
  EXPECT_EQ(samples[1].read_units, 0.5);
  EXPECT_EQ(samples[1].throttled_writes, 1);
  EXPECT_EQ(metrics.ConsumedInSecond(7, 101.7, /*is_write=*/false), 0.5);
  EXPECT_EQ(metrics.ConsumedInSecond(7, 102.0, /*is_write=*/false), 0);
  EXPECT_TRUE(metrics.Samples(8, 0).empty());
}

TEST(TableMetricsTest, SamplesOlderThanTheWindowAreDropped) {
  capacity::TableMetrics metrics;
  metrics.RecordWrite(1, 0, 1);
  metrics.RecordWrite(1, capacity::TableMetrics::kWindowSeconds + 5, 1);
  EXPECT_EQ(metrics.Samples(1, 0).size(), 1u);
}

TEST(TableMetricsTest, AHeavyHitterSurvivesMillionsOfOtherKeys) {
  capacity::TableMetrics metrics;
  for (int i = 0; i < 200000; ++i) {
    metrics.RecordKey("S:hot", /*is_write=*/true, /*throttled=*/i % 10 == 0);
    metrics.RecordKey("S:cold-" + std::to_string(i), /*is_write=*/false, /*throttled=*/false);
  }
  std::vector<capacity::KeyTraffic> top = metrics.TopKeys(3);
  ASSERT_EQ(top.size(), 3u);
  EXPECT_EQ(top[0].key, "S:hot");
  EXPECT_EQ(top[0].writes, 200000);
  EXPECT_EQ(top[0].throttles, 20000);
  EXPECT_LE(metrics.TopKeys(100000).size(), capacity::TableMetrics::kTrackedKeys);
}

}  // namespace
}  // namespace ddbpg
