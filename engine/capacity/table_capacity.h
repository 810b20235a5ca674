// TableCapacity: the admission decision made before a request has any effect. A request is
// throttled when a provisioned table has no capacity left (the token bucket with burst) or
// when its partition would pass the per-partition limit in the current second. Adaptive
// capacity is what lets a hot partition use up to that limit whenever the table has capacity
// to spare, so it is implied by checking the two.
//
// On-demand tables have no table-level limit here: "twice the previous peak" is how many
// partitions the table keeps ready (PartitionsForPeak), so traffic past it throttles on the
// partitions it overloads, with the key-range reason DynamoDB gives, until the table grows.
// The one table-level limit an on-demand table has is the maximum its owner may set
// (OnDemandThroughput): units past it in one second throttle with the MaxOnDemandThroughput
// reasons.
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <string>

#include "engine/base/status.h"
#include "engine/capacity/on_demand_maximum.h"
#include "engine/capacity/token_bucket.h"
#include "engine/partition/partition_map.h"

namespace ddbpg::persist {
class StateCodec;  // saves and loads the private state of the classes below
}  // namespace ddbpg::persist

namespace ddbpg::capacity {

// The ARN a throttling error names, made only when a request is refused: building it for every
// admitted request was a tenth of a write's allocations.
using ResourceArn = std::function<std::string()>;

enum class CapacityKind { kRead, kWrite };

class TableCapacity {
 public:
  // Called on creation, on UpdateTable and when the scale changes. Provisioned tables get
  // buckets at their provisioned rates. A new on-demand table's previous peak is 2,000 WCU or
  // 6,000 RCU (two partitions' worth at scale 1), so it serves 4,000 WCU or 12,000 RCU at once
  // (Developer Guide, "Initial throughput for on-demand capacity mode").
  void Configure(bool on_demand, double read_units, double write_units,
                 const partition::PartitionLimits& limits, double now);

  // OK, or the throttling error DynamoDB sends, with ThrottlingReasons naming `resource_arn()`.
  // `partition_used` is what the request's partition consumed so far this second.
  // `request_units_before` are units the same request already has admitted on this capacity for
  // other partitions (a transaction's actions elsewhere in the table): the table's own limits
  // (provisioned rate and burst, the on-demand maximum) count them with `units`, the partition's
  // limit does not.
  base::Status Admit(CapacityKind kind, double units, double partition_used, double now,
                     const ResourceArn& resource_arn, double request_units_before = 0);

  // Takes the units of an admitted request.
  void Consume(CapacityKind kind, double units, double now);

  // OnDemandThroughput: applies while the capacity is on demand.
  void SetOnDemandMaximum(const OnDemandMaximum& maximum) { on_demand_maximum_ = maximum; }
  const OnDemandMaximum& on_demand_maximum() const { return on_demand_maximum_; }

  // A global secondary index's capacity: its throttles name an index (Index... reasons and the
  // service's index messages).
  void SetForIndex(bool for_index) { for_index_ = for_index; }

  // On demand: the partitions that serve twice the previous peak, as of `now`, with every
  // partition at no more than half its limit, so uniform traffic at that rate never trips one
  // (hashes never spread keys perfectly evenly). 0 for a provisioned table.
  size_t PartitionsForPeak(double now) const;

  // On demand: the busiest whole second so far, in partitions' worth of throughput
  // (RCU / per-partition RCU + WCU / per-partition WCU), at least the starting figure and at
  // least what WarmThroughput asked for.
  double PreviousPeakLoad(double now) const;

  // WarmThroughput on demand: makes the previous peak at least `load` (partitions' worth), as
  // if the table had served it, so twice it is served at once.
  void RaisePreviousPeak(double load) { warm_load_ = std::max(warm_load_, load); }

  bool on_demand() const { return on_demand_; }
  // Configured with provisioned throughput (a capacity never configured is neither).
  bool provisioned() const {
    return !on_demand_ && (read_bucket_.rate() > 0 || write_bucket_.rate() > 0);
  }
  const partition::PartitionLimits& limits() const { return limits_; }

 private:
  friend class persist::StateCodec;
  bool on_demand_ = false;
  bool for_index_ = false;
  partition::PartitionLimits limits_{};
  TokenBucket read_bucket_;
  TokenBucket write_bucket_;
  // On demand, in partitions' worth of throughput: the previous peak a new table starts with,
  // the busiest whole second, and the second being counted.
  double initial_peak_load_ = 0;
  double peak_load_ = 0;
  long long current_second_ = 0;
  double current_load_ = 0;
  double max_read_provisioned_ = 0;
  double max_write_provisioned_ = 0;
  // On demand: the owner's maximum, and the units of each kind taken in current_second_.
  OnDemandMaximum on_demand_maximum_;
  double read_units_in_second_ = 0;
  double write_units_in_second_ = 0;
  // The previous peak WarmThroughput asked for, in partitions' worth.
  double warm_load_ = 0;
};

}  // namespace ddbpg::capacity
