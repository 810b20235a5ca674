// PartitionMap: how a table's partition-key hash space is cut into partitions.
//
// DynamoDB's published model (shared/DYNAMODB-FACTS.md A.4; Developer Guide "Partitions and data
// distribution", and the 2018 "GuidelinesForTables" formula): a partition serves at most
// 3,000 RCU and 1,000 WCU per second and holds about 10 GB; a table starts with enough
// partitions for its provisioned throughput, a throughput increase beyond what the partitions
// can carry doubles their number, a partition that outgrows 10 GB splits in two, and
// partitions never merge. Each partition owns a contiguous, inclusive range of the 64-bit hash
// of engine/partition/key_hash.h; together they cover the whole space.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ddbpg::persist {
class StateCodec;  // saves and loads the private state of the classes below
}  // namespace ddbpg::persist

namespace ddbpg::partition {

// Per-partition limits at a playground scale: DynamoDB's figures divided by `scale`, so small
// tables show splits and throttling (scale 1 is DynamoDB's own).
struct PartitionLimits {
  double read_units_per_second;
  double write_units_per_second;
  double size_bytes;
};
PartitionLimits PartitionLimitsAtScale(double scale);

struct Partition {
  uint64_t id;
  uint64_t hash_start;  // inclusive
  uint64_t hash_end;    // inclusive
};

class PartitionMap {
 public:
  // One partition over the whole hash space.
  PartitionMap();

  const std::vector<Partition>& partitions() const { return partitions_; }
  size_t size() const { return partitions_.size(); }

  // The index of the partition owning `hash`.
  size_t IndexOf(uint64_t hash) const;

  // Splits partition `index` in two at the middle of its hash range; returns false when the
  // range is a single hash and cannot split.
  bool Split(size_t index);
  // Splits partition `index` into [start, last_low_hash] and [last_low_hash + 1, end]; returns
  // false unless last_low_hash lies inside the range and below its end.
  bool SplitAfter(size_t index, uint64_t last_low_hash);

  // Doubles the partition count (every partition splits) until there are at least `count`.
  void GrowTo(size_t count);

 private:
  friend class persist::StateCodec;
  std::vector<Partition> partitions_;  // ordered by hash_start, contiguous
  uint64_t next_id_ = 1;
};

// Partitions a table needs for its provisioned throughput at `limits`:
// ceil(RCU / per-partition RCU + WCU / per-partition WCU), at least 1.
size_t PartitionsForThroughput(double read_units, double write_units,
                               const PartitionLimits& limits);

// A new on-demand table (or global index) serves twice its starting previous peak of 2,000 WCU
// or 6,000 RCU (Developer Guide, "Initial throughput for on-demand capacity mode"), with every
// partition at no more than half its limit (TableCapacity::PartitionsForPeak): 8 partitions.
// With fewer (4 would carry exactly 4,000 WCU) ordinary uniform traffic at those rates trips a
// partition's limit, which DynamoDB does not do. Throughput and limits scale together, so the
// count is the same at every scale.
constexpr size_t kOnDemandInitialPartitions = 8;

// At extreme scales the throughput formula asks for thousands of partitions (1 WCU at scale
// 10^6 is a thousand partitions' worth); the playground stops growing a table or index for
// throughput at 64 so the heat view stays readable. Size splits are not capped.
constexpr size_t kMaxPartitionsForThroughput = 64;

}  // namespace ddbpg::partition
