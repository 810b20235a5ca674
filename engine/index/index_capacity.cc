#include "engine/index/index_capacity.h"

#include <algorithm>

namespace ddbpg {

void IndexCapacity::Configure(bool on_demand, double read_units, double write_units, double scale,
                              double now) {
  const PartitionLimits limits = PartitionLimitsAtScale(scale);
  const size_t needed = on_demand ? kOnDemandInitialPartitions
                                 : PartitionsForThroughput(read_units, write_units, limits);
  partitions_.GrowTo(std::min(needed, kMaxPartitionsForThroughput));
  capacity_.Configure(on_demand, read_units, write_units, limits, now);
}

Status IndexCapacity::Admit(CapacityKind kind, std::optional<uint64_t> hash, double units,
                            double now, const std::string& arn) {
  const bool is_write = kind == CapacityKind::kWrite;
  // On demand, the index keeps the partitions for twice its previous peak, as tables do.
  const size_t for_peak = std::min(capacity_.PartitionsForPeak(now), kMaxPartitionsForThroughput);
  if (for_peak > partitions_.size()) partitions_.GrowTo(for_peak);
  const uint64_t partition = partitions_.partitions()[partitions_.IndexOf(hash.value_or(0))].id;
  const double partition_used = hash ? metrics_.ConsumedInSecond(partition, now, is_write) : 0;
  Status admitted = capacity_.Admit(kind, units, partition_used, now, arn);
  if (!admitted.ok()) {
    metrics_.RecordThrottle(partition, now, is_write);
    if (!throttling_enforced_) return Status::OK();
  }
  return admitted;
}

void IndexCapacity::Record(CapacityKind kind, std::optional<uint64_t> hash, double units,
                           double now) {
  capacity_.Consume(kind, units, now);
  const uint64_t partition = partitions_.partitions()[partitions_.IndexOf(hash.value_or(0))].id;
  if (kind == CapacityKind::kWrite) {
    metrics_.RecordWrite(partition, now, units);
  } else {
    metrics_.RecordRead(partition, now, units);
  }
}

}  // namespace ddbpg
