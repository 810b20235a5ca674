#include "engine/api/warm_throughput.h"

#include "engine/api/messages.h"
#include "engine/partition/partition_map.h"
#include "engine/value/json_object.h"

namespace ddbpg::api {
namespace {

// The UpdateTable members that change something besides WarmThroughput.
constexpr const char* kOtherChanges[] = {
    "ProvisionedThroughput", "BillingMode", "StreamSpecification",       "SSESpecification",
    "ReplicaUpdates",        "TableClass",  "DeletionProtectionEnabled", "OnDemandThroughput"};

std::string FloorWords(WarmFloor reason, const char* member) {
  switch (reason) {
    case WarmFloor::kCurrent:
      return "lower than current WarmThroughput, decreasing WarmThroughput is not supported";
    case WarmFloor::kOnDemandInitial:
      return "lower than initial throughput for OnDemand. See: "
             "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
             "on-demand-capacity-mode.html#on-demand-capacity-mode-initial";
    case WarmFloor::kProvisionedCapacity:
      return std::string("lower than ") +
             (member[0] == 'R' ? "ReadCapacityUnits" : "WriteCapacityUnits") +
             " of ProvisionedThroughput";
  }
  return "";
}

}  // namespace

MemberSpec WarmThroughputMember() {
  return {"WarmThroughput",
          value::WireType::kStructure,
          "WarmThroughput",
          MemberKind::kPlain,
          {{"ReadUnitsPerSecond", value::WireType::kLong},
           {"WriteUnitsPerSecond", value::WireType::kLong}}};
}

base::Status CheckWarmThroughput(const json& spec, const std::string& index_name, WarmUnits floor,
                                 WarmFloor reason) {
  if (spec.is_null()) return base::Status::OK();
  for (const char* member : {"ReadUnitsPerSecond", "WriteUnitsPerSecond"}) {
    const json& units = Member(spec, member);
    if (units.is_null()) continue;
    const long long least =
        member[0] == 'R' ? floor.read_units_per_second : floor.write_units_per_second;
    if (units.get<long long>() >= least) continue;
    return base::Status::Validation(std::string(kInvalidParameters) + "Requested " + member +
                                    " for WarmThroughput for " +
                                    (index_name.empty() ? "table" : "index " + index_name) +
                                    " is " + FloorWords(reason, member));
  }
  return base::Status::OK();
}

base::Status CheckWarmThroughputAlone(const json& request) {
  if (Member(request, "WarmThroughput").is_null()) return base::Status::OK();
  bool other = false;
  for (const char* member : kOtherChanges) other = other || !Member(request, member).is_null();
  const json& updates = Member(request, "GlobalSecondaryIndexUpdates");
  if (!other && updates.is_array()) {
    for (const json& update : updates) {
      if (!Member(update, "Create").is_null()) {
        return base::Status::Validation(
            std::string(kInvalidParameters) +
            "Create global secondary index cannot be specified when updating WarmThroughput");
      }
    }
    other = !updates.empty();
  }
  if (!other) return base::Status::OK();
  return base::Status::Validation(std::string(kInvalidParameters) +
                                  "WarmThroughput must be the only operation in the request");
}

WarmUnits NewWarmUnits(bool on_demand, double read, double write, double scale, double now) {
  capacity::PartitionedCapacity fresh;
  fresh.Configure(on_demand, read, write, partition::PartitionLimitsAtScale(scale), now);
  return fresh.Warm(now);
}

base::Status CheckNewWarmThroughput(const json& spec, const std::string& index_name, bool on_demand,
                                    long long read, long long write, double scale, double now) {
  if (spec.is_null()) return base::Status::OK();
  if (on_demand) {
    return CheckWarmThroughput(spec, index_name, NewWarmUnits(true, 0, 0, scale, now),
                               WarmFloor::kOnDemandInitial);
  }
  return CheckWarmThroughput(spec, index_name, WarmUnits{read, write},
                             WarmFloor::kProvisionedCapacity);
}

WarmUnits RequestedWarmUnits(const json& spec, WarmUnits current) {
  if (const json& read = Member(spec, "ReadUnitsPerSecond"); !read.is_null()) {
    current.read_units_per_second = read.get<long long>();
  }
  if (const json& write = Member(spec, "WriteUnitsPerSecond"); !write.is_null()) {
    current.write_units_per_second = write.get<long long>();
  }
  return current;
}

json WarmThroughputJson(WarmUnits units, const std::string& status) {
  return value::JsonObject({{"ReadUnitsPerSecond", units.read_units_per_second},
                            {"WriteUnitsPerSecond", units.write_units_per_second},
                            {"Status", status}});
}

void ApplyIndexWarmThroughputs(const json& global_indexes, store::Table& table, double now) {
  if (!global_indexes.is_array()) return;
  for (const json& index : global_indexes) {
    const json& spec = Member(index, "WarmThroughput");
    if (spec.is_null()) continue;
    ApplyWarmThroughput(table.FindIndex(Member(index, "IndexName").get<std::string>())->capacity(),
                        spec, now);
  }
}

}  // namespace ddbpg::api
