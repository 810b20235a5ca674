#include "engine/capacity/partitioned_capacity.h"

#include <algorithm>
#include <cmath>

namespace ddbpg::capacity {

void PartitionedCapacity::Configure(bool on_demand, double read_units, double write_units,
                                    const partition::PartitionLimits& limits, double now) {
  const size_t needed = on_demand
                            ? partition::kOnDemandInitialPartitions
                            : partition::PartitionsForThroughput(read_units, write_units, limits);
  const bool switches_to_on_demand = on_demand && capacity_.provisioned();
  const size_t provisioned_partitions = partitions_.size();
  partitions_.GrowTo(std::min(needed, partition::kMaxPartitionsForThroughput));
  capacity_.Configure(on_demand, read_units, write_units, limits, now);
  // Warm throughput never goes down (UpdateTable refuses a lower one): a provisioned table (or
  // index) served each of its partitions at its limit at once, so on demand, which serves twice
  // the previous peak, starts from a peak of at least half those partitions.
  if (switches_to_on_demand) {
    capacity_.RaisePreviousPeak(static_cast<double>(provisioned_partitions) / 2);
  }
}

bool PartitionedCapacity::GrowForPeak(double now) {
  const size_t for_peak =
      std::min(capacity_.PartitionsForPeak(now), partition::kMaxPartitionsForThroughput);
  if (for_peak <= partitions_.size()) return false;
  partitions_.GrowTo(for_peak);
  return true;
}

PartitionedCapacity::WarmUnits PartitionedCapacity::Warm(double now) const {
  const partition::PartitionLimits& limits = capacity_.limits();
  const double partitions = capacity_.on_demand() ? 2 * capacity_.PreviousPeakLoad(now)
                                                  : static_cast<double>(partitions_.size());
  return {std::llround(partitions * limits.read_units_per_second),
          std::llround(partitions * limits.write_units_per_second)};
}

void PartitionedCapacity::Prewarm(double read, double write, double now) {
  const partition::PartitionLimits& limits = capacity_.limits();
  const double partitions =
      std::max(read / limits.read_units_per_second, write / limits.write_units_per_second);
  if (capacity_.on_demand()) {
    capacity_.RaisePreviousPeak(partitions / 2);
    GrowForPeak(now);
    return;
  }
  const size_t needed = static_cast<size_t>(std::ceil(partitions - 1e-9));
  partitions_.GrowTo(std::min(needed, partition::kMaxPartitionsForThroughput));
}

PartitionedCapacity::Admission PartitionedCapacity::Admit(
    CapacityKind kind, std::optional<uint64_t> hash, double units, double now,
    const ResourceArn& arn, base::Status* throttle, double request_units_before) {
  const bool is_write = kind == CapacityKind::kWrite;
  const uint64_t partition = PartitionIdOf(hash.value_or(0));
  const double partition_used = hash ? metrics_.ConsumedInSecond(partition, now, is_write) : 0;
  base::Status admitted =
      capacity_.Admit(kind, units, partition_used, now, arn, request_units_before);
  if (admitted.ok()) return Admission::kAdmitted;
  metrics_.RecordThrottle(partition, now, is_write);
  if (!throttling_enforced_) return Admission::kThrottledButServed;
  *throttle = std::move(admitted);
  return Admission::kThrottled;
}

base::Status PartitionedCapacity::Admit(CapacityKind kind, std::optional<uint64_t> hash,
                                        double units, double now, const ResourceArn& arn,
                                        double request_units_before) {
  GrowForPeak(now);
  base::Status throttle;
  if (Admit(kind, hash, units, now, arn, &throttle, request_units_before) ==
      Admission::kThrottled) {
    return throttle;
  }
  return base::Status::OK();
}

void PartitionedCapacity::Record(CapacityKind kind, std::optional<uint64_t> hash, double units,
                                 double now) {
  capacity_.Consume(kind, units, now);
  const uint64_t partition = PartitionIdOf(hash.value_or(0));
  if (kind == CapacityKind::kWrite) {
    metrics_.RecordWrite(partition, now, units);
  } else {
    metrics_.RecordRead(partition, now, units);
  }
}

}  // namespace ddbpg::capacity
