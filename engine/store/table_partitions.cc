#include "engine/store/table_partitions.h"

#include <cstdlib>
#include <map>

#include "engine/value/item_size.h"

namespace ddbpg::store {

namespace {

// Keys are tracked as "<type>:<bytes>" (a number by its canonical text), cheap to build on every
// request; GetMetrics turns them back into DynamoDB JSON.
std::string PartitionKeyText(const value::AttributeValue& value) {
  std::string text(value::AttributeTypeName(value.type()));
  text += ':';
  text += value.type() == value::AttributeType::kN ? value.AsNumber().ToString() : value.AsString();
  return text;
}

}  // namespace

void TablePartitions::Repartition(bool on_demand, double read_units, double write_units,
                                  double scale, double now, const ItemMap& items) {
  scale_ = scale;
  capacity_.Configure(on_demand, read_units, write_units, partition::PartitionLimitsAtScale(scale),
                      now);
  RecomputeStats(items);
  SplitOversized(items);
}

void TablePartitions::NoteChange(uint64_t hash, long long items, long long bytes,
                                 const ItemMap& now_items) {
  Stats& stats = stats_[map().IndexOf(hash)];
  stats.item_count += items;
  stats.size_bytes += bytes;
  if (stats.size_bytes > partition::PartitionLimitsAtScale(scale_).size_bytes)
    SplitOversized(now_items);
}

void TablePartitions::RecomputeStats(const ItemMap& items) {
  stats_.assign(map().size(), Stats{});
  for (const auto& [key, item] : items) {
    Stats& stats = stats_[map().IndexOf(key.partition_hash)];
    stats.item_count += 1;
    stats.size_bytes += static_cast<long long>(value::ItemSize(item));
  }
}

// A partition over its size limit splits in two with its data divided evenly: at the hash
// where half of its bytes lie below. An item collection (one partition-key value) cannot be
// divided, so a partition holding a single one stays as it is, however large.
void TablePartitions::SplitOversized(const ItemMap& items) {
  const double limit = partition::PartitionLimitsAtScale(scale_).size_bytes;
  partition::PartitionMap& partitions = capacity_.mutable_partitions();
  bool split = true;
  while (split) {
    split = false;
    for (size_t i = 0; i < partitions.size() && !split; ++i) {
      if (stats_[i].size_bytes <= limit) continue;
      const partition::Partition range = partitions.partitions()[i];
      // Bytes per distinct hash, in hash order; the split goes after the hash where the bytes
      // below come closest to half.
      std::vector<std::pair<uint64_t, long long>> by_hash;
      for (const auto& [key, item] : items) {
        if (key.partition_hash < range.hash_start || key.partition_hash > range.hash_end) continue;
        long long bytes = static_cast<long long>(value::ItemSize(item));
        if (by_hash.empty() || by_hash.back().first != key.partition_hash) {
          by_hash.push_back({key.partition_hash, 0});
        }
        by_hash.back().second += bytes;
      }
      if (by_hash.size() < 2) continue;
      const long long total = stats_[i].size_bytes;
      long long below = 0;
      long long best_gap = -1;
      uint64_t split_after = by_hash.front().first;
      for (size_t h = 0; h + 1 < by_hash.size(); ++h) {
        below += by_hash[h].second;
        long long gap = std::llabs(total - 2 * below);
        if (best_gap < 0 || gap < best_gap) {
          best_gap = gap;
          split_after = by_hash[h].first;
        }
      }
      if (partitions.SplitAfter(i, split_after)) {
        RecomputeStats(items);
        split = true;
      }
    }
  }
}

void TablePartitions::Adapt(double now, bool may_split_for_heat, const ItemMap& items) {
  bool changed = capacity_.GrowForPeak(now);
  if (split_for_heat_ && may_split_for_heat &&
      heat_splitter_.SplitIfHot(now, capacity_.mutable_partitions(), capacity_.metrics(),
                                partition::PartitionLimitsAtScale(scale_))) {
    changed = true;
  }
  if (changed) RecomputeStats(items);
}

base::Status TablePartitions::Admit(capacity::CapacityKind kind, const value::PrimaryKey& key,
                                    double units, double now, const capacity::ResourceArn& arn,
                                    double request_units_before) {
  base::Status throttle;
  switch (
      capacity_.Admit(kind, key.partition_hash, units, now, arn, &throttle, request_units_before)) {
    case capacity::PartitionedCapacity::Admission::kAdmitted:
      return base::Status::OK();
    case capacity::PartitionedCapacity::Admission::kThrottledButServed:
      // Served after all: Record counts the request, so only the throttle is noted here.
      capacity_.metrics().RecordKeyThrottle(PartitionKeyText(key.partition));
      return base::Status::OK();
    case capacity::PartitionedCapacity::Admission::kThrottled:
      break;
  }
  capacity_.metrics().RecordKey(PartitionKeyText(key.partition),
                                kind == capacity::CapacityKind::kWrite,
                                /*throttled=*/true);
  heat_splitter_.NoteTraffic(key.partition_hash, units);
  return throttle;
}

base::Status TablePartitions::AdmitSpread(double units, double now,
                                          const capacity::ResourceArn& arn) {
  base::Status throttle;
  if (capacity_.Admit(capacity::CapacityKind::kRead, std::nullopt, units, now, arn, &throttle) ==
      capacity::PartitionedCapacity::Admission::kThrottled) {
    return throttle;
  }
  return base::Status::OK();
}

void TablePartitions::Record(capacity::CapacityKind kind, const value::PrimaryKey& key,
                             double units, double now) {
  capacity_.Record(kind, key.partition_hash, units, now);
  capacity_.metrics().RecordKey(PartitionKeyText(key.partition),
                                kind == capacity::CapacityKind::kWrite,
                                /*throttled=*/false);
  heat_splitter_.NoteTraffic(key.partition_hash, units);
}

void TablePartitions::RecordSpread(const std::vector<std::pair<uint64_t, double>>& bytes_by_hash,
                                   double units, double now) {
  std::map<uint64_t, double> bytes_by_partition;
  double total = 0;
  for (const auto& [hash, bytes] : bytes_by_hash) {
    bytes_by_partition[capacity_.PartitionIdOf(hash)] += bytes;
    total += bytes;
  }
  // An empty page still costs its minimum, charged to the first partition.
  if (total == 0) {
    capacity_.Record(capacity::CapacityKind::kRead, std::nullopt, units, now);
    return;
  }
  capacity_.Consume(capacity::CapacityKind::kRead, units, now);
  for (const auto& [id, bytes] : bytes_by_partition) {
    capacity_.metrics().RecordRead(id, now, units * bytes / total);
  }
}

}  // namespace ddbpg::store
