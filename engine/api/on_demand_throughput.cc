#include "engine/api/on_demand_throughput.h"

#include "engine/api/messages.h"
#include "engine/value/json_object.h"

namespace ddbpg::api {
namespace {

base::Status Invalid(const std::string& message) {
  return base::Status::Validation(std::string(kInvalidParameters) + message);
}

// "for table" or "for index : <name>", as the service words the owner.
std::string OwnerWords(const std::string& index_name) {
  return index_name.empty() ? "for table" : "for index : " + index_name;
}

// The UpdateTable members besides BillingMode that change something.
constexpr const char* kOtherChanges[] = {"ProvisionedThroughput",
                                         "GlobalSecondaryIndexUpdates",
                                         "StreamSpecification",
                                         "SSESpecification",
                                         "ReplicaUpdates",
                                         "TableClass",
                                         "DeletionProtectionEnabled",
                                         "WarmThroughput"};

}  // namespace

MemberSpec OnDemandThroughputMember(const char* name) {
  return {name,
          value::WireType::kStructure,
          "OnDemandThroughput",
          MemberKind::kPlain,
          {{"MaxReadRequestUnits", value::WireType::kLong},
           {"MaxWriteRequestUnits", value::WireType::kLong}}};
}

base::Status ReadOnDemandThroughput(const json& spec, const std::string& index_name, bool on_demand,
                                    bool may_remove, capacity::OnDemandMaximum& maximum) {
  if (spec.is_null()) return base::Status::OK();
  capacity::OnDemandMaximum read = maximum;
  for (const char* member : {"MaxReadRequestUnits", "MaxWriteRequestUnits"}) {
    const json& units = Member(spec, member);
    if (units.is_null()) continue;
    if (!on_demand) {
      return Invalid(std::string(member) + " for OnDemandThroughput " +
                     (index_name.empty() ? "" : OwnerWords(index_name) + " ") +
                     "cannot be specified when the table BillingMode is PROVISIONED");
    }
    const long long value = units.get<long long>();
    const bool removes = may_remove && value == capacity::OnDemandMaximum::kNone;
    if (value < 1 && !removes) {
      return Invalid("Requested " + std::string(member) + " for OnDemandThroughput " +
                     OwnerWords(index_name) + " is outside of valid range");
    }
    (member[3] == 'R' ? read.read_request_units : read.write_request_units) = value;
  }
  maximum = read;
  return base::Status::OK();
}

base::Status CheckOnDemandThroughputAlone(const json& request) {
  if (Member(request, "OnDemandThroughput").is_null()) return base::Status::OK();
  for (const char* member : kOtherChanges) {
    if (!Member(request, member).is_null()) {
      return Invalid(
          "OnDemandThroughput can only be combined with BillingMode in an UpdateTable "
          "request");
    }
  }
  return base::Status::OK();
}

json OnDemandThroughputJson(const capacity::OnDemandMaximum& maximum) {
  return value::JsonObject({{"MaxReadRequestUnits", maximum.read_request_units},
                            {"MaxWriteRequestUnits", maximum.write_request_units}});
}

}  // namespace ddbpg::api
