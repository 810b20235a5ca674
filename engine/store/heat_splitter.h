// HeatSplitter: DynamoDB's "split for heat", the second half of adaptive capacity.
//
// Developer Guide, "Isolate frequently accessed items": when a partition keeps receiving more
// traffic than its share, DynamoDB splits it so that the traffic divides, down to a single busy
// item collection on a partition of its own, where it can use the whole per-partition limit
// (3,000 RCU, 1,000 WCU) without taking capacity from its neighbours. The service does not
// publish its thresholds; the playground's are below and in docs/differences.md.
//
// The splitter watches fixed windows of the engine's clock. A partition is hot in a second when
// it consumed at least half of its per-partition limit (read or write) or throttled a request;
// a partition hot in most seconds of a window splits when the next window begins:
//   - one partition-key value carried most of its traffic: that value is isolated (the range
//     is cut just below and just above its hash);
//   - otherwise at the hash where half of its traffic lies below.
// Hashes are what partitions are made of here, so isolation stops at one partition-key value;
// DynamoDB can also divide a busy item collection by sort key.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/capacity/table_metrics.h"
#include "engine/partition/partition_map.h"

namespace ddbpg::persist {
class StateCodec;  // saves and loads the private state of the classes below
}  // namespace ddbpg::persist

namespace ddbpg::store {

class HeatSplitter {
 public:
  static constexpr int64_t kWindowSeconds = 60;
  // Hot seconds in a window that make a partition split.
  static constexpr int64_t kHotSecondsToSplit = 45;
  // Share of the per-partition limit that makes a second hot.
  static constexpr double kHotShareOfLimit = 0.5;
  // A key with more than this share of a partition's traffic is isolated.
  static constexpr double kIsolateShare = 0.5;
  // Splits for heat stop here, so the heat view stays readable.
  static constexpr size_t kMaxPartitions = 256;

  // Counts `units` of demand (consumed, or asked for and throttled) on the key with `hash`.
  void NoteTraffic(uint64_t hash, double units);

  // At the first request of a new window, splits the partitions that were hot through the
  // previous one. Returns whether any partition split.
  bool SplitIfHot(double now, partition::PartitionMap& partitions,
                  const capacity::TableMetrics& metrics, const partition::PartitionLimits& limits);

  // Forgets what was counted (the table's partitions were rebuilt).
  void Reset();

 private:
  friend class persist::StateCodec;
  bool IsHot(const partition::Partition& partition, const capacity::TableMetrics& metrics,
             const partition::PartitionLimits& limits, int64_t window) const;
  // Splits partition `index` by the traffic counted in its range (`traffic` is
  // TrafficInHashOrder()); false if it cannot.
  static bool SplitByTraffic(size_t index, partition::PartitionMap& partitions,
                             const std::vector<std::pair<uint64_t, double>>& traffic);

  // The traffic counted per hash, sorted by hash: sums over it and snapshots of it run in one
  // order, the same after a snapshot is restored.
  std::vector<std::pair<uint64_t, double>> TrafficInHashOrder() const;

  int64_t window_ = -1;
  // Hashed, since every write adds to it; read in hash order through TrafficInHashOrder.
  std::unordered_map<uint64_t, double> traffic_by_hash_;
};

}  // namespace ddbpg::store
