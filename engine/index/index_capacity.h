// IndexCapacity: a global secondary index's own partitions, capacity and metrics. A global
// index is partitioned on its own key and provisioned on its own (Developer Guide, "Provisioned
// throughput considerations for Global Secondary Indexes"): its writes use its capacity, not
// the table's, and an index that cannot take a write throttles the table's write
// ("back-pressure").
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "engine/base/status.h"
#include "engine/capacity/table_capacity.h"
#include "engine/capacity/table_metrics.h"
#include "engine/partition/partition_map.h"

namespace ddbpg {

class IndexCapacity {
 public:
  IndexCapacity() { capacity_.SetForIndex(true); }

  // Partitions for the index's throughput at `scale` (never fewer than before) and its
  // capacity: provisioned RCU/WCU, or on demand like its table.
  void Configure(bool on_demand, double read_units, double write_units, double scale, double now);

  // OK, or the index's throttling error, before any effect; counted in the index's metrics.
  // Without a hash (a Scan of the index) only the index's own capacity limits.
  Status Admit(CapacityKind kind, std::optional<uint64_t> hash, double units, double now,
               const std::string& arn);
  void Record(CapacityKind kind, std::optional<uint64_t> hash, double units, double now);
  // As Table::SetThrottlingEnforced: when off, Admit counts a throttle and serves the request.
  void SetThrottlingEnforced(bool enforced) { throttling_enforced_ = enforced; }

  const PartitionMap& partitions() const { return partitions_; }
  const TableMetrics& metrics() const { return metrics_; }

 private:
  friend class StateCodec;
  PartitionMap partitions_;
  TableCapacity capacity_;
  TableMetrics metrics_;
  bool throttling_enforced_ = true;
};

}  // namespace ddbpg
