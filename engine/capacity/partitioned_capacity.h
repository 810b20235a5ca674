// PartitionedCapacity: what a table and each of its global indexes have alike: partitions (hash
// ranges), the capacity they were given (provisioned or on demand, with burst and adaptive
// capacity: TableCapacity) and the traffic each partition took (TableMetrics). One place decides
// admission: the table's or index's capacity, then the key's partition's share of it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "engine/base/status.h"
#include "engine/capacity/table_capacity.h"
#include "engine/capacity/table_metrics.h"
#include "engine/partition/partition_map.h"

namespace ddbpg::persist {
class StateCodec;  // saves and loads the private state of the classes below
}  // namespace ddbpg::persist

namespace ddbpg::capacity {

class PartitionedCapacity {
 public:
  // Partitions for the throughput at `limits` (never fewer than before) and the capacity:
  // provisioned RCU/WCU, or on demand.
  void Configure(bool on_demand, double read_units, double write_units,
                 const partition::PartitionLimits& limits, double now);
  // On demand, keeps the partitions for twice the previous peak; true when it added some.
  bool GrowForPeak(double now);

  // WarmThroughput: the units a second served at once. On demand, twice the previous peak;
  // provisioned, every partition at its limit (what an UpdateTable may raise the throughput to
  // without waiting for new partitions).
  struct WarmUnits {
    long long read_units_per_second = 0;
    long long write_units_per_second = 0;
  };
  WarmUnits Warm(double now) const;
  // Makes at least `read` and `write` units a second warm: a higher previous peak on demand,
  // more partitions when provisioned.
  void Prewarm(double read, double write, double now);

  enum class Admission { kAdmitted, kThrottled, kThrottledButServed };
  // Admission before any effect. Without a hash (a Scan) only the overall capacity limits. A
  // throttle is counted in the metrics against the key's partition (the first for a Scan); with
  // throttling not enforced (Playground.Configure) the request is served all the same.
  // `request_units_before`: as TableCapacity::Admit.
  Admission Admit(CapacityKind kind, std::optional<uint64_t> hash, double units, double now,
                  const ResourceArn& arn, base::Status* throttle, double request_units_before = 0);
  // What a global index does before a read or write: grows for its peak, then admits; OK when
  // the request is served.
  base::Status Admit(CapacityKind kind, std::optional<uint64_t> hash, double units, double now,
                     const ResourceArn& arn, double request_units_before = 0);
  // Takes admitted units from the capacity and counts them against the hash's partition.
  void Record(CapacityKind kind, std::optional<uint64_t> hash, double units, double now);
  // Takes admitted units from the capacity only (the caller counts them against partitions).
  void Consume(CapacityKind kind, double units, double now) { capacity_.Consume(kind, units, now); }

  // OnDemandThroughput's maximum, applied while the capacity is on demand.
  void SetOnDemandMaximum(const OnDemandMaximum& maximum) { capacity_.SetOnDemandMaximum(maximum); }

  void SetThrottlingEnforced(bool enforced) { throttling_enforced_ = enforced; }
  bool throttling_enforced() const { return throttling_enforced_; }
  // Global indexes never get the table's burst of a new on-demand table (TableCapacity).
  void SetForIndex(bool for_index) { capacity_.SetForIndex(for_index); }

  // The id of the partition holding `hash`.
  uint64_t PartitionIdOf(uint64_t hash) const {
    return partitions_.partitions()[partitions_.IndexOf(hash)].id;
  }
  const partition::PartitionMap& partitions() const { return partitions_; }
  // For the table's splits (for size and for heat), which change the ranges but not capacity.
  partition::PartitionMap& mutable_partitions() { return partitions_; }
  const TableCapacity& capacity() const { return capacity_; }
  TableMetrics& metrics() { return metrics_; }
  const TableMetrics& metrics() const { return metrics_; }

 private:
  // Saves and restores every member (engine/persist/state_codec.h).
  friend class persist::StateCodec;
  partition::PartitionMap partitions_;
  TableCapacity capacity_;
  TableMetrics metrics_;
  bool throttling_enforced_ = true;
};

}  // namespace ddbpg::capacity
