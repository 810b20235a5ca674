#include "engine/partition/partition_map.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/engine/support/partition_text.h"

namespace ddbpg {
namespace {

TEST(PartitionMapTest, StartsWithOnePartitionOverTheWholeHashSpace) {
  partition::PartitionMap map;
  EXPECT_EQ(DescribePartitions(map), "[0..ffffffffffffffff]");
  EXPECT_EQ(map.IndexOf(0), 0u);
  EXPECT_EQ(map.IndexOf(UINT64_MAX), 0u);
}

TEST(PartitionMapTest, SplitHalvesTheHashRange) {
  partition::PartitionMap map;
  ASSERT_TRUE(map.Split(0));
  EXPECT_EQ(DescribePartitions(map), "[0..7fffffffffffffff][8000000000000000..ffffffffffffffff]");
  EXPECT_EQ(map.IndexOf(0x7fffffffffffffffULL), 0u);
  EXPECT_EQ(map.IndexOf(0x8000000000000000ULL), 1u);
  // Every split gives both halves new ids.
  EXPECT_NE(map.partitions()[0].id, map.partitions()[1].id);
}

TEST(PartitionMapTest, GrowingDoublesThePartitionCount) {
  partition::PartitionMap map;
  map.GrowTo(3);
  EXPECT_EQ(map.size(), 4u);
  map.GrowTo(5);
  EXPECT_EQ(map.size(), 8u);
  map.GrowTo(2);  // partitions never merge
  EXPECT_EQ(map.size(), 8u);
}

TEST(PartitionMapTest, ThroughputFormulaFollowsTheDocumentedExample) {
  // 5,000 RCU + 2,000 WCU need 4 partitions at DynamoDB's limits (GuidelinesForTables, 2018).
  EXPECT_EQ(partition::PartitionsForThroughput(5000, 2000, partition::PartitionLimitsAtScale(1)),
            4u);
  EXPECT_EQ(partition::PartitionsForThroughput(8000, 2000, partition::PartitionLimitsAtScale(1)),
            5u);
  EXPECT_EQ(partition::PartitionsForThroughput(5, 5, partition::PartitionLimitsAtScale(1)), 1u);
  // At scale 100 a partition serves 10 WCU, so 50 WCU need 5.
  EXPECT_EQ(partition::PartitionsForThroughput(0, 50, partition::PartitionLimitsAtScale(100)), 5u);
}

}  // namespace
}  // namespace ddbpg
