#include "engine/capacity/table_capacity.h"

#include <gtest/gtest.h>

namespace ddbpg {
namespace {

const ddbpg::capacity::ResourceArn kArn = [] {
  return std::string("arn:aws:dynamodb:us-east-1:000000000000:table/t");
};

std::string Outcome(capacity::TableCapacity& capacity, capacity::CapacityKind kind, double units,
                    double partition_used, double now) {
  base::Status s = capacity.Admit(kind, units, partition_used, now, kArn);
  if (s.ok()) {
    capacity.Consume(kind, units, now);
    return "OK";
  }
  return s.extra_members();
}

TEST(TokenBucketTest, BurstsUpToThreeHundredSecondsOfUnusedCapacity) {
  capacity::TokenBucket bucket(5, 1000);
  EXPECT_EQ(bucket.Available(1000), 1500);
  bucket.Consume(1500, 1000);
  EXPECT_EQ(bucket.Available(1010), 50);
  EXPECT_EQ(bucket.Available(5000), 1500);  // never more than 300 s worth
}

TEST(TableCapacityTest, ProvisionedTablesThrottleWhenTheBucketIsEmpty) {
  capacity::TableCapacity capacity;
  capacity.Configure(false, 1, 1, partition::PartitionLimitsAtScale(1), 0);
  for (int i = 0; i < 300; ++i)
    ASSERT_EQ(Outcome(capacity, capacity::CapacityKind::kWrite, 1, 0, 0), "OK");
  EXPECT_EQ(Outcome(capacity, capacity::CapacityKind::kWrite, 1, 0, 0),
            R"({"ThrottlingReasons":[{"reason":"TableWriteProvisionedThroughputExceeded",)"
            R"("resource":"arn:aws:dynamodb:us-east-1:000000000000:table/t"}]})");
  // Reads have their own bucket.
  EXPECT_EQ(Outcome(capacity, capacity::CapacityKind::kRead, 1, 0, 0), "OK");
  // One second later one more write unit has accrued.
  EXPECT_EQ(Outcome(capacity, capacity::CapacityKind::kWrite, 1, 0, 1), "OK");
  EXPECT_NE(Outcome(capacity, capacity::CapacityKind::kWrite, 1, 0, 1), "OK");
}

TEST(TableCapacityTest, APartitionServesAtMostItsLimitPerSecond) {
  capacity::TableCapacity capacity;
  capacity.Configure(false, 10000, 10000, partition::PartitionLimitsAtScale(1), 0);
  EXPECT_EQ(Outcome(capacity, capacity::CapacityKind::kWrite, 1, 999, 0), "OK");
  EXPECT_EQ(Outcome(capacity, capacity::CapacityKind::kWrite, 1, 1000, 0),
            R"({"ThrottlingReasons":[{"reason":"TableWriteKeyRangeThroughputExceeded",)"
            R"("resource":"arn:aws:dynamodb:us-east-1:000000000000:table/t"}]})");
  EXPECT_EQ(Outcome(capacity, capacity::CapacityKind::kRead, 1, 2999, 0), "OK");
  EXPECT_NE(Outcome(capacity, capacity::CapacityKind::kRead, 1, 3000, 0), "OK");
  // An idle partition serves even a request larger than its limit.
  EXPECT_EQ(Outcome(capacity, capacity::CapacityKind::kWrite, 1500, 0, 0), "OK");
}

TEST(TableCapacityTest, OnDemandKeepsPartitionsForTwiceThePreviousPeak) {
  capacity::TableCapacity capacity;
  capacity.Configure(true, 0, 0, partition::PartitionLimitsAtScale(100),
                     0);  // 10 WCU, 30 RCU a partition
  // A new table's previous peak is two partitions' worth: 4 at half load serve twice it.
  EXPECT_DOUBLE_EQ(capacity.PreviousPeakLoad(0), 2);
  EXPECT_EQ(capacity.PartitionsForPeak(0), 8u);
  // The table itself refuses nothing on demand; only a partition's limit does.
  for (int i = 0; i < 100; ++i)
    ASSERT_EQ(Outcome(capacity, capacity::CapacityKind::kWrite, 1, 0, 10), "OK");
  EXPECT_EQ(Outcome(capacity, capacity::CapacityKind::kWrite, 1, 10, 10),
            R"({"throttlingReasons":[{"reason":"TableWriteKeyRangeThroughputExceeded",)"
            R"("resource":"arn:aws:dynamodb:us-east-1:000000000000:table/t"}]})");
  // 100 WCU is ten partitions' worth; reads and writes add up (60 RCU is two more). The second
  // still counting is not a peak yet.
  for (int i = 0; i < 60; ++i)
    ASSERT_EQ(Outcome(capacity, capacity::CapacityKind::kRead, 1, 0, 10), "OK");
  EXPECT_EQ(capacity.PartitionsForPeak(10.5), 8u);
  EXPECT_NEAR(capacity.PreviousPeakLoad(11), 12, 1e-9);
  EXPECT_EQ(capacity.PartitionsForPeak(11), 48u);
  // A quieter second later leaves the peak where it was.
  ASSERT_EQ(Outcome(capacity, capacity::CapacityKind::kWrite, 1, 0, 20), "OK");
  EXPECT_EQ(capacity.PartitionsForPeak(30), 48u);
}

TEST(TableCapacityTest, ATableSwitchedToOnDemandKeepsItsProvisionedThroughput) {
  capacity::TableCapacity capacity;
  capacity.Configure(false, 3000, 8000, partition::PartitionLimitsAtScale(1), 0);
  EXPECT_EQ(capacity.PartitionsForPeak(0), 0u);  // provisioned: partitions follow the throughput
  capacity.Configure(true, 0, 0, partition::PartitionLimitsAtScale(1), 1);
  // Its previous peak is half the 3,000 RCU and 8,000 WCU provisioned: 4.5 partitions' worth,
  // more than a new on-demand table's 2.
  EXPECT_DOUBLE_EQ(capacity.PreviousPeakLoad(1), 4.5);
  EXPECT_EQ(capacity.PartitionsForPeak(1), 18u);
  for (int i = 0; i < 90; ++i)
    ASSERT_EQ(Outcome(capacity, capacity::CapacityKind::kWrite, 100, 0, 2), "OK");
}

}  // namespace
}  // namespace ddbpg
