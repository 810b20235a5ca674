#include "engine/capacity/partitioned_capacity.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace ddbpg {
namespace {

const ddbpg::capacity::ResourceArn kArn = [] {
  return std::string("arn:aws:dynamodb:us-east-1:000000000000:table/t");
};

// 1 WCU provisioned: a bucket of 300 units of burst, then one unit a second.
capacity::PartitionedCapacity OneWriteUnit() {
  capacity::PartitionedCapacity capacity;
  capacity.Configure(/*on_demand=*/false, 1, 1, partition::PartitionLimitsAtScale(1), 0);
  return capacity;
}

// Writes one unit at a time at `now` until the first refusal; returns how many were admitted.
int WritesUntilThrottled(capacity::PartitionedCapacity& capacity, double now) {
  for (int admitted = 0; admitted < 10000; ++admitted) {
    base::Status throttle;
    if (capacity.Admit(capacity::CapacityKind::kWrite, 7, 1, now, kArn, &throttle) !=
        capacity::PartitionedCapacity::Admission::kAdmitted) {
      return admitted;
    }
    capacity.Record(capacity::CapacityKind::kWrite, 7, 1, now);
  }
  return -1;
}

TEST(PartitionedCapacityTest, AdmitsUntilTheCapacityIsSpentThenRefusesWithTheReason) {
  capacity::PartitionedCapacity capacity = OneWriteUnit();
  EXPECT_EQ(WritesUntilThrottled(capacity, 0), 300);
  base::Status throttle;
  EXPECT_EQ(capacity.Admit(capacity::CapacityKind::kWrite, 7, 1, 0, kArn, &throttle),
            capacity::PartitionedCapacity::Admission::kThrottled);
  EXPECT_FALSE(throttle.ok());
  EXPECT_NE(throttle.extra_members().find("TableWriteProvisionedThroughputExceeded"),
            std::string::npos);
  // Refusals are counted against the key's partition, admissions recorded there too.
  const uint64_t partition = capacity.PartitionIdOf(7);
  std::vector<capacity::SecondSample> samples = capacity.metrics().Samples(partition, 0);
  ASSERT_EQ(samples.size(), 1u);
  EXPECT_EQ(samples[0].write_units, 300);
  EXPECT_EQ(samples[0].throttled_writes, 2);
  // The simple form gives the same answer as a Status.
  EXPECT_FALSE(capacity.Admit(capacity::CapacityKind::kWrite, 7, 1, 0, kArn).ok());
  // Reads have their own capacity.
  EXPECT_TRUE(capacity.Admit(capacity::CapacityKind::kRead, 7, 1, 0, kArn).ok());
}

TEST(PartitionedCapacityTest, WithThrottlingOffARefusalIsCountedAndServed) {
  capacity::PartitionedCapacity capacity = OneWriteUnit();
  capacity.SetThrottlingEnforced(false);
  EXPECT_EQ(WritesUntilThrottled(capacity, 0), 300);
  base::Status throttle;
  EXPECT_EQ(capacity.Admit(capacity::CapacityKind::kWrite, 7, 1, 0, kArn, &throttle),
            capacity::PartitionedCapacity::Admission::kThrottledButServed);
  EXPECT_TRUE(throttle.ok());  // nothing to refuse with
  EXPECT_TRUE(capacity.Admit(capacity::CapacityKind::kWrite, 7, 1, 0, kArn).ok());
  EXPECT_EQ(capacity.metrics().Samples(capacity.PartitionIdOf(7), 0)[0].throttled_writes, 3);
}

TEST(PartitionedCapacityTest, AScanWithoutAHashIsLimitedByTheWholeCapacityOnly) {
  capacity::PartitionedCapacity capacity = OneWriteUnit();
  base::Status throttle;
  EXPECT_EQ(capacity.Admit(capacity::CapacityKind::kRead, std::nullopt, 300, 0, kArn, &throttle),
            capacity::PartitionedCapacity::Admission::kAdmitted);
  capacity.Record(capacity::CapacityKind::kRead, std::nullopt, 300, 0);
  EXPECT_EQ(capacity.Admit(capacity::CapacityKind::kRead, std::nullopt, 1, 0, kArn, &throttle),
            capacity::PartitionedCapacity::Admission::kThrottled);
  // Unhashed traffic is counted against the first partition.
  const uint64_t first = capacity.partitions().partitions()[0].id;
  EXPECT_EQ(capacity.metrics().Samples(first, 0)[0].read_units, 300);
}

TEST(PartitionedCapacityTest, ProvisionedThroughputDecidesThePartitionsAndNeverShrinksThem) {
  capacity::PartitionedCapacity capacity;
  const partition::PartitionLimits limits = partition::PartitionLimitsAtScale(1);
  capacity.Configure(false, 1, 1, limits, 0);
  EXPECT_EQ(capacity.partitions().size(), 1u);
  // 1,000 WCU a partition: 2,500 need 3, and every partition splits in two until there are.
  capacity.Configure(false, 1, 2500, limits, 0);
  EXPECT_EQ(capacity.partitions().size(), 4u);
  capacity.Configure(false, 1, 1, limits, 0);
  EXPECT_EQ(capacity.partitions().size(), 4u);
  EXPECT_FALSE(capacity.GrowForPeak(0));  // provisioned: no peak to grow for
  // Every hash has a partition.
  EXPECT_NO_THROW(capacity.PartitionIdOf(std::numeric_limits<uint64_t>::max()));
}

}  // namespace
}  // namespace ddbpg
