// TableCapacity: the admission decision made before a request has any effect. A request is
// throttled when its table has no capacity left (provisioned: the token bucket with burst;
// on-demand: twice the previous peak) or when its partition would pass the per-partition
// limit in the current second. Adaptive capacity is what lets a hot partition use up to that
// limit whenever the table has capacity to spare, so it is implied by checking the two.
#pragma once

#include <deque>
#include <string>
#include <utility>

#include "engine/base/status.h"
#include "engine/capacity/token_bucket.h"
#include "engine/store/partition_map.h"

namespace ddbpg {

enum class CapacityKind { kRead, kWrite };

class TableCapacity {
 public:
  // Called on creation, on UpdateTable and when the scale changes. Provisioned tables get
  // buckets at their provisioned rates; on-demand tables start with the throughput of four
  // partitions (4,000 WCU and 12,000 RCU at scale 1; Developer Guide, "On-demand capacity mode").
  void Configure(bool on_demand, double read_units, double write_units,
                 const PartitionLimits& limits, double now);

  // OK, or the throttling error DynamoDB sends, with ThrottlingReasons naming `resource_arn`.
  // `partition_used` is what the request's partition consumed so far this second.
  Status Admit(CapacityKind kind, double units, double partition_used, double now,
               const std::string& resource_arn);

  // Takes the units of an admitted request.
  void Consume(CapacityKind kind, double units, double now);

  // A global secondary index's capacity: its throttles name an index (Index... reasons and the
  // service's index messages).
  void SetForIndex(bool for_index) { for_index_ = for_index; }

 private:
  struct OnDemandMeter {
    double initial = 0;
    std::deque<std::pair<long long, double>> seconds;  // (second, units), newest last
    double Allowance(long long second) const;
  };

  bool on_demand_ = false;
  bool for_index_ = false;
  PartitionLimits limits_{};
  TokenBucket read_bucket_;
  TokenBucket write_bucket_;
  OnDemandMeter read_meter_;
  OnDemandMeter write_meter_;
  double max_read_provisioned_ = 0;
  double max_write_provisioned_ = 0;
};

}  // namespace ddbpg
