#include "engine/capacity/table_capacity.h"

#include <gtest/gtest.h>

namespace ddbpg {
namespace {

constexpr const char* kArn = "arn:aws:dynamodb:us-east-1:000000000000:table/t";

std::string Outcome(TableCapacity& capacity, CapacityKind kind, double units, double partition_used,
                    double now) {
  Status s = capacity.Admit(kind, units, partition_used, now, kArn);
  if (s.ok()) {
    capacity.Consume(kind, units, now);
    return "OK";
  }
  return s.extra_members();
}

TEST(TokenBucketTest, BurstsUpToThreeHundredSecondsOfUnusedCapacity) {
  TokenBucket bucket(5, 1000);
  EXPECT_EQ(bucket.Available(1000), 1500);
  bucket.Consume(1500, 1000);
  EXPECT_EQ(bucket.Available(1010), 50);
  EXPECT_EQ(bucket.Available(5000), 1500);  // never more than 300 s worth
}

TEST(TableCapacityTest, ProvisionedTablesThrottleWhenTheBucketIsEmpty) {
  TableCapacity capacity;
  capacity.Configure(false, 1, 1, PartitionLimitsAtScale(1), 0);
  for (int i = 0; i < 300; ++i) ASSERT_EQ(Outcome(capacity, CapacityKind::kWrite, 1, 0, 0), "OK");
  EXPECT_EQ(Outcome(capacity, CapacityKind::kWrite, 1, 0, 0),
            R"({"ThrottlingReasons":[{"reason":"TableWriteProvisionedThroughputExceeded",)"
            R"("resource":"arn:aws:dynamodb:us-east-1:000000000000:table/t"}]})");
  // Reads have their own bucket.
  EXPECT_EQ(Outcome(capacity, CapacityKind::kRead, 1, 0, 0), "OK");
  // One second later one more write unit has accrued.
  EXPECT_EQ(Outcome(capacity, CapacityKind::kWrite, 1, 0, 1), "OK");
  EXPECT_NE(Outcome(capacity, CapacityKind::kWrite, 1, 0, 1), "OK");
}

TEST(TableCapacityTest, APartitionServesAtMostItsLimitPerSecond) {
  TableCapacity capacity;
  capacity.Configure(false, 10000, 10000, PartitionLimitsAtScale(1), 0);
  EXPECT_EQ(Outcome(capacity, CapacityKind::kWrite, 1, 999, 0), "OK");
  EXPECT_EQ(Outcome(capacity, CapacityKind::kWrite, 1, 1000, 0),
            R"({"ThrottlingReasons":[{"reason":"TableWriteKeyRangeThroughputExceeded",)"
            R"("resource":"arn:aws:dynamodb:us-east-1:000000000000:table/t"}]})");
  EXPECT_EQ(Outcome(capacity, CapacityKind::kRead, 1, 2999, 0), "OK");
  EXPECT_NE(Outcome(capacity, CapacityKind::kRead, 1, 3000, 0), "OK");
  // An idle partition serves even a request larger than its limit.
  EXPECT_EQ(Outcome(capacity, CapacityKind::kWrite, 1500, 0, 0), "OK");
}

TEST(TableCapacityTest, OnDemandAllowsTwiceThePreviousPeak) {
  TableCapacity capacity;
  capacity.Configure(true, 0, 0, PartitionLimitsAtScale(100), 0);  // starts at 40 WCU/s
  for (int i = 0; i < 40; ++i) ASSERT_EQ(Outcome(capacity, CapacityKind::kWrite, 1, 0, 10), "OK");
  EXPECT_EQ(Outcome(capacity, CapacityKind::kWrite, 1, 0, 10),
            R"({"throttlingReasons":[{"reason":"TableWriteKeyRangeThroughputExceeded",)"
            R"("resource":"arn:aws:dynamodb:us-east-1:000000000000:table/t"}]})");
  // The next second, twice the 40 WCU peak is available.
  for (int i = 0; i < 80; ++i) ASSERT_EQ(Outcome(capacity, CapacityKind::kWrite, 1, 0, 11), "OK");
  EXPECT_NE(Outcome(capacity, CapacityKind::kWrite, 1, 0, 11), "OK");
  // Thirty minutes later the peak is forgotten.
  EXPECT_EQ(Outcome(capacity, CapacityKind::kWrite, 60, 0, 11 + 1801), "OK");
  EXPECT_NE(Outcome(capacity, CapacityKind::kWrite, 1, 0, 11 + 1801), "OK");
}

TEST(TableCapacityTest, ATableSwitchedToOnDemandKeepsItsProvisionedThroughput) {
  TableCapacity capacity;
  capacity.Configure(false, 100, 8000, PartitionLimitsAtScale(1), 0);
  capacity.Configure(true, 0, 0, PartitionLimitsAtScale(1), 1);
  // 8,000 WCU were provisioned: more than a new on-demand table's 4,000.
  for (int i = 0; i < 80; ++i) ASSERT_EQ(Outcome(capacity, CapacityKind::kWrite, 100, 0, 2), "OK");
  EXPECT_NE(Outcome(capacity, CapacityKind::kWrite, 100, 0, 2), "OK");
}

}  // namespace
}  // namespace ddbpg
