#include "engine/partition/partition_map.h"

#include <algorithm>
#include <cmath>

namespace ddbpg::partition {
namespace {

// Developer Guide, "Best practices for designing and using partition keys effectively" and
// ServiceQuotas: 3,000 RCU, 1,000 WCU and about 10 GB per partition.
constexpr double kPartitionReadUnits = 3000;
constexpr double kPartitionWriteUnits = 1000;
constexpr double kPartitionSizeBytes = 10.0 * 1024 * 1024 * 1024;

}  // namespace

PartitionLimits PartitionLimitsAtScale(double scale) {
  return {kPartitionReadUnits / scale, kPartitionWriteUnits / scale, kPartitionSizeBytes / scale};
}

PartitionMap::PartitionMap() { partitions_.push_back({0, 0, UINT64_MAX}); }

size_t PartitionMap::IndexOf(uint64_t hash) const {
  auto it = std::upper_bound(partitions_.begin(), partitions_.end(), hash,
                             [](uint64_t h, const Partition& p) { return h < p.hash_start; });
  return static_cast<size_t>(it - partitions_.begin()) - 1;
}

bool PartitionMap::Split(size_t index) {
  const Partition& whole = partitions_[index];
  if (whole.hash_start == whole.hash_end) return false;
  return SplitAfter(index, whole.hash_start + (whole.hash_end - whole.hash_start) / 2);
}

bool PartitionMap::SplitAfter(size_t index, uint64_t last_low_hash) {
  Partition whole = partitions_[index];
  if (last_low_hash < whole.hash_start || last_low_hash >= whole.hash_end) return false;
  Partition low{next_id_++, whole.hash_start, last_low_hash};
  Partition high{next_id_++, last_low_hash + 1, whole.hash_end};
  partitions_[index] = low;
  partitions_.insert(partitions_.begin() + static_cast<long>(index) + 1, high);
  return true;
}

void PartitionMap::GrowTo(size_t count) {
  while (partitions_.size() < count) {
    size_t before = partitions_.size();
    for (size_t i = partitions_.size(); i-- > 0;) Split(i);
    if (partitions_.size() == before) return;  // nothing left to split
  }
}

size_t PartitionsForThroughput(double read_units, double write_units,
                               const PartitionLimits& limits) {
  double needed = read_units / limits.read_units_per_second +
                  write_units / limits.write_units_per_second;
  return std::max<size_t>(1, static_cast<size_t>(std::ceil(needed - 1e-9)));
}

}  // namespace ddbpg::partition
