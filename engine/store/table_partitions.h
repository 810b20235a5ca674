// TablePartitions: a table's partitions as DynamoDB keeps them. The hash ranges with the items
// and bytes each holds, the capacity and traffic they share (PartitionedCapacity), the
// playground scale their limits are read at, and the splits: for size (a partition past its
// limit divides its data evenly), for throughput (UpdateTable, an on-demand peak) and for heat
// (HeatSplitter). Table owns the items; it passes them in when a split has to count them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/base/status.h"
#include "engine/capacity/partitioned_capacity.h"
#include "engine/store/heat_splitter.h"
#include "engine/store/item_versions.h"
#include "engine/value/primary_key.h"

namespace ddbpg::persist {
class StateCodec;  // saves and loads the private state of the classes below
}  // namespace ddbpg::persist

namespace ddbpg::store {

class TablePartitions {
 public:
  using ItemMap = ItemVersions::ItemMap;
  struct Stats {
    long long item_count = 0;
    long long size_bytes = 0;
  };

  const partition::PartitionMap& map() const { return capacity_.partitions(); }
  const Stats& stats(size_t index) const { return stats_[index]; }
  double scale() const { return scale_; }
  capacity::TableMetrics& metrics() { return capacity_.metrics(); }
  const capacity::TableMetrics& metrics() const { return capacity_.metrics(); }
  bool throttling_enforced() const { return capacity_.throttling_enforced(); }

  // Partitions and capacity for the throughput (or on demand) and data at playground `scale`:
  // splits (never merges) until the throughput fits and no partition is over its size limit.
  void Repartition(bool on_demand, double read_units, double write_units, double scale,
                   double now, const ItemMap& items);
  // An item stored, replaced or deleted under `hash` changed its partition's count by `items`
  // and its bytes by `bytes`; a partition grown past its size limit splits. `now_items` are the
  // table's items after the change.
  void NoteChange(uint64_t hash, long long items, long long bytes, const ItemMap& now_items);
  // Counts every partition's items and bytes again (after a split, or a restore).
  void RecomputeStats(const ItemMap& items);

  // Before each admission: grows an on-demand table to the partitions for twice its previous
  // peak, and splits hot partitions unless `may_split_for_heat` is false (DynamoDB does not
  // isolate items of a table with a local secondary index: Developer Guide, "Isolate
  // frequently accessed items") or Playground.Configure turned it off.
  void Adapt(double now, bool may_split_for_heat, const ItemMap& items);
  void SetSplitForHeat(bool enabled) { split_for_heat_ = enabled; }
  void SetThrottlingEnforced(bool enforced) { capacity_.SetThrottlingEnforced(enforced); }
  void SetOnDemandMaximum(const capacity::OnDemandMaximum& maximum) {
    capacity_.SetOnDemandMaximum(maximum);
  }
  // WarmThroughput: what the table serves at once, and raising it (PartitionedCapacity).
  capacity::PartitionedCapacity::WarmUnits Warm(double now) const { return capacity_.Warm(now); }
  void Prewarm(double read, double write, double now, const ItemMap& items) {
    capacity_.Prewarm(read, write, now);
    RecomputeStats(items);
  }

  // OK, or the throttling error when the table or the key's partition has no capacity for
  // `units` now; a throttle is counted against the partition and the key.
  // `request_units_before`: as capacity::TableCapacity::Admit.
  base::Status Admit(capacity::CapacityKind kind, const value::PrimaryKey& key, double units,
                     double now, const capacity::ResourceArn& arn, double request_units_before = 0);
  // The same for a read spread over many partitions (Scan): only the table's capacity limits.
  base::Status AdmitSpread(double units, double now, const capacity::ResourceArn& arn);
  // Takes admitted units from the capacity and records them against the key's partition, the
  // key's own traffic and the heat splitter's.
  void Record(capacity::CapacityKind kind, const value::PrimaryKey& key, double units, double now);
  // Spreads a Scan page's units over the partitions it read, in proportion to the bytes read in
  // each: `bytes_by_hash` holds each item's partition-key hash and size.
  void RecordSpread(const std::vector<std::pair<uint64_t, double>>& bytes_by_hash, double units,
                    double now);

 private:
  // Saves and restores every member (engine/persist/state_codec.h).
  friend class persist::StateCodec;
  void SplitOversized(const ItemMap& items);

  capacity::PartitionedCapacity capacity_;
  std::vector<Stats> stats_ = std::vector<Stats>(1);
  double scale_ = 1;
  HeatSplitter heat_splitter_;
  bool split_for_heat_ = true;
};

}  // namespace ddbpg::store
