#include "engine/capacity/table_capacity.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace ddbpg::capacity {
namespace {

// The share of its limit a partition of an on-demand table carries when the table serves
// twice its previous peak spread evenly over its keys.
constexpr double kOnDemandPartitionShareOfLimit = 0.5;

constexpr const char* kProvisionedExceededMessage =
    "The level of configured provisioned throughput for the table was exceeded. Consider "
    "increasing your provisioning level with the UpdateTable API.";
constexpr const char* kKeyRangeMessage =
    "Throughput exceeds the current capacity of your table or index. DynamoDB is automatically "
    "scaling your table or index so please try again shortly. If exceptions persist, check if "
    "you have a hot key: "
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html";

// A global secondary index's throttles (seen in real logs of the service).
constexpr const char* kIndexProvisionedExceededMessage =
    "The level of configured provisioned throughput for one or more global secondary indexes of "
    "the table was exceeded. Consider increasing your provisioning level for the "
    "under-provisioned global secondary indexes with the UpdateTable API.";
constexpr const char* kIndexKeyRangeMessage =
    "Throughput exceeds the current capacity for one or more global secondary indexes. DynamoDB "
    "is automatically scaling your index so please try again shortly.";

// Past an on-demand maximum (OnDemandThroughput). The reason is documented; the text is the
// playground's own (docs/differences.md).
constexpr const char* kMaxOnDemandMessage =
    "Throughput exceeds the maximum OnDemandThroughput configured for the table or index. "
    "Increase MaxReadRequestUnits or MaxWriteRequestUnits with the UpdateTable API, or retry "
    "later.";

// Provisioned tables answer ProvisionedThroughputExceededException with "ThrottlingReasons";
// on-demand tables ThrottlingException, whose model spells the member "throttlingReasons".
base::Status Throttled(bool on_demand, const char* message, const std::string& reason,
                       const std::string& resource) {
  nlohmann::json list = {{{"reason", reason}, {"resource", resource}}};
  if (on_demand) {
    return base::Status::Throttling(message).WithExtraMembers(
        nlohmann::json{{"throttlingReasons", list}}.dump());
  }
  return base::Status::ProvisionedThroughputExceeded(message).WithExtraMembers(
      nlohmann::json{{"ThrottlingReasons", list}}.dump());
}

std::string Reason(bool for_index, CapacityKind kind, const char* limit) {
  return std::string(for_index ? "Index" : "Table") +
         (kind == CapacityKind::kRead ? "Read" : "Write") + limit;
}

long long SecondOf(double now) { return static_cast<long long>(std::floor(now)); }

}  // namespace

double TableCapacity::PreviousPeakLoad(double now) const {
  double peak = std::max({initial_peak_load_, peak_load_, warm_load_});
  // The second being counted is over once the clock has moved on.
  if (SecondOf(now) > current_second_) peak = std::max(peak, current_load_);
  return peak;
}

size_t TableCapacity::PartitionsForPeak(double now) const {
  if (!on_demand_) return 0;
  return static_cast<size_t>(
      std::ceil(2 * PreviousPeakLoad(now) / kOnDemandPartitionShareOfLimit - 1e-9));
}

void TableCapacity::Configure(bool on_demand, double read_units, double write_units,
                              const partition::PartitionLimits& limits, double now) {
  // A table switched from provisioned keeps at least the throughput it had provisioned: its
  // "previous peak is half the maximum ... provisioned" (Developer Guide, "On-demand capacity
  // mode"), and on-demand serves twice the previous peak.
  if (!on_demand) {
    max_read_provisioned_ = std::max(max_read_provisioned_, read_units);
    max_write_provisioned_ = std::max(max_write_provisioned_, write_units);
  }
  on_demand_ = on_demand;
  limits_ = limits;
  constexpr double kNewTablePeakLoad = 2;  // 2,000 WCU or 6,000 RCU at scale 1
  initial_peak_load_ = std::max(kNewTablePeakLoad,
                                (max_read_provisioned_ / limits.read_units_per_second +
                                 max_write_provisioned_ / limits.write_units_per_second) /
                                    2);
  if (read_bucket_.rate() == 0 && write_bucket_.rate() == 0) {
    read_bucket_ = TokenBucket(read_units, now);
    write_bucket_ = TokenBucket(write_units, now);
  } else {
    read_bucket_.SetRate(read_units, now);
    write_bucket_.SetRate(write_units, now);
  }
}

base::Status TableCapacity::Admit(CapacityKind kind, double units, double partition_used,
                                  double now, const ResourceArn& resource_arn,
                                  double request_units_before) {
  const bool is_read = kind == CapacityKind::kRead;
  const double partition_limit =
      is_read ? limits_.read_units_per_second : limits_.write_units_per_second;
  if (!on_demand_) {
    TokenBucket& bucket = is_read ? read_bucket_ : write_bucket_;
    if (bucket.Available(now) < request_units_before + units) {
      return Throttled(false,
                       for_index_ ? kIndexProvisionedExceededMessage : kProvisionedExceededMessage,
                       Reason(for_index_, kind, "ProvisionedThroughputExceeded"), resource_arn());
    }
  }
  // The owner's maximum counts whole seconds on the clock, like a partition's limit below, and
  // as there a request larger than the maximum is served in a second that has taken nothing
  // before it.
  const long long maximum =
      is_read ? on_demand_maximum_.read_request_units : on_demand_maximum_.write_request_units;
  if (on_demand_ && maximum != OnDemandMaximum::kNone) {
    const double taken = SecondOf(now) == current_second_
                             ? (is_read ? read_units_in_second_ : write_units_in_second_)
                             : 0;
    if (taken > 0 && taken + request_units_before + units > static_cast<double>(maximum)) {
      return Throttled(true, kMaxOnDemandMessage,
                       Reason(for_index_, kind, "MaxOnDemandThroughputExceeded"), resource_arn());
    }
  }
  // A partition serves at most its per-second limit however much the table has left; a request
  // larger than the whole limit is still served when the partition is otherwise idle.
  if (partition_used > 0 && partition_used + units > partition_limit) {
    return Throttled(
        on_demand_,
        on_demand_ ? (for_index_ ? kIndexKeyRangeMessage : kKeyRangeMessage)
                   : (for_index_ ? kIndexProvisionedExceededMessage : kProvisionedExceededMessage),
        Reason(for_index_, kind, "KeyRangeThroughputExceeded"), resource_arn());
  }
  return base::Status::OK();
}

void TableCapacity::Consume(CapacityKind kind, double units, double now) {
  if (on_demand_) {
    const long long second = SecondOf(now);
    if (second > current_second_) {
      peak_load_ = std::max(peak_load_, current_load_);
      current_second_ = second;
      current_load_ = 0;
      read_units_in_second_ = 0;
      write_units_in_second_ = 0;
    }
    current_load_ += units / (kind == CapacityKind::kRead ? limits_.read_units_per_second
                                                         : limits_.write_units_per_second);
    (kind == CapacityKind::kRead ? read_units_in_second_ : write_units_in_second_) += units;
    return;
  }
  (kind == CapacityKind::kRead ? read_bucket_ : write_bucket_).Consume(units, now);
}

}  // namespace ddbpg::capacity
