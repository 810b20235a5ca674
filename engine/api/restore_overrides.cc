#include "engine/api/restore_overrides.h"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>

#include "engine/api/index_params.h"
#include "engine/api/messages.h"
#include "engine/api/on_demand_throughput.h"
#include "engine/api/table_description.h"
#include "engine/api/warm_throughput.h"
#include "engine/value/json_object.h"

namespace ddbpg::api {
namespace {

void ValidateThroughputOverride(const json& throughput, ValidationErrors& errors) {
  if (throughput.is_null()) return;
  for (const char* member : {"WriteCapacityUnits", "ReadCapacityUnits"}) {
    const std::string path = std::string("provisionedThroughputOverride.") +
                             (member[0] == 'W' ? "writeCapacityUnits" : "readCapacityUnits");
    errors.NotNull(Member(throughput, member), path);
    errors.MinValue(Member(throughput, member), path, 1);
  }
}

json AttributeDefinitionsJson(const std::vector<store::AttributeDefinition>& definitions) {
  json list = json::array();
  for (const store::AttributeDefinition& definition : definitions) {
    list.push_back(value::JsonObject(
        {{"AttributeName", definition.attribute_name},
         {"AttributeType", std::string(value::AttributeTypeName(definition.attribute_type))}}));
  }
  return list;
}

// The attribute names an index list of the request uses in its key schemas.
void AddKeyNames(const json& indexes, std::set<std::string>& names) {
  if (!indexes.is_array()) return;
  for (const json& index : indexes) {
    const json& key_schema = Member(index, "KeySchema");
    if (!key_schema.is_array()) continue;
    for (const json& element : key_schema) {
      const json& name = Member(element, "AttributeName");
      if (name.is_string()) names.insert(name.get<std::string>());
    }
  }
}

// The WarmThroughput of each GlobalSecondaryIndexOverride entry, checked as CreateTable checks a
// global index's: not below what a new index of the restored table's billing mode serves at once,
// nor below its provisioned throughput.
base::Status CheckOverridingWarmThroughput(const json& request,
                                           const store::TableDefinition& definition,
                                           const std::vector<index::IndexDefinition>& indexes,
                                           double scale, double now) {
  const bool on_demand = definition.billing_mode == store::BillingMode::kPayPerRequest;
  const json& globals = Member(request, "GlobalSecondaryIndexOverride");
  if (!globals.is_array()) return base::Status::OK();
  for (const json& entry : globals) {
    const json& warm = Member(entry, "WarmThroughput");
    if (warm.is_null()) continue;
    const std::string name = Member(entry, "IndexName").get<std::string>();
    auto index = std::find_if(indexes.begin(), indexes.end(),
                              [&](const index::IndexDefinition& d) { return d.name == name; });
    if (index == indexes.end()) continue;  // ApplyRestoreOverrides took every entry
    if (base::Status s = CheckNewWarmThroughput(warm, name, on_demand, index->read_capacity_units,
                                                index->write_capacity_units, scale, now);
        !s.ok()) {
      return s;
    }
  }
  return base::Status::OK();
}

}  // namespace

std::vector<MemberSpec> WithRestoreOverrides(std::vector<MemberSpec> own) {
  std::vector<MemberSpec> overrides = {
      {"BillingModeOverride", value::WireType::kString},
      {"GlobalSecondaryIndexOverride", value::WireType::kList, "GlobalSecondaryIndex",
       MemberKind::kPlain, SecondaryIndexMembers(/*global=*/true)},
      {"LocalSecondaryIndexOverride", value::WireType::kList, "LocalSecondaryIndex",
       MemberKind::kPlain, SecondaryIndexMembers(/*global=*/false)},
      ProvisionedThroughputMember("ProvisionedThroughputOverride"),
      OnDemandThroughputMember("OnDemandThroughputOverride"),
      {"SSESpecificationOverride", value::WireType::kStructure, "SSESpecification"},
  };
  for (MemberSpec& member : overrides) own.push_back(std::move(member));
  return own;
}

void ValidateRestoreOverrides(const json& request, ValidationErrors& errors) {
  errors.Enum(Member(request, "BillingModeOverride"), "billingModeOverride",
              "[PROVISIONED, PAY_PER_REQUEST]");
  for (const auto& [member, path, global] :
       {std::tuple{"GlobalSecondaryIndexOverride", "globalSecondaryIndexOverride", true},
        std::tuple{"LocalSecondaryIndexOverride", "localSecondaryIndexOverride", false}}) {
    const json& list = Member(request, member);
    if (!list.is_array()) continue;
    for (size_t i = 0; i < list.size(); ++i) {
      ValidateIndexMembersAt(list[i], std::string(path) + "." + std::to_string(i + 1) + ".member.",
                             global, errors);
    }
  }
  ValidateThroughputOverride(Member(request, "ProvisionedThroughputOverride"), errors);
}

namespace {

// OnDemandThroughputOverride: only with BillingModeOverride PAY_PER_REQUEST, each member at
// least 1 (the service's "Invalid Request" texts for restores).
base::Status OverrideOnDemandMaximum(const json& request, store::TableDefinition& definition) {
  const json& maximum = Member(request, "OnDemandThroughputOverride");
  if (maximum.is_null()) return base::Status::OK();
  for (const char* member : {"MaxReadRequestUnits", "MaxWriteRequestUnits"}) {
    const json& units = Member(maximum, member);
    if (units.is_null()) continue;
    if (Member(request, "BillingModeOverride") != "PAY_PER_REQUEST") {
      return base::Status::Validation("Invalid Request: Cannot override " + std::string(member) +
                                      " for OnDemandThroughput unless BillingModeOverride is "
                                      "PAY_PER_REQUEST");
    }
    if (units.get<long long>() < 1) {
      return base::Status::Validation("Invalid Request: Requested " + std::string(member) +
                                      " for OnDemandThroughput is outside of valid range");
    }
    (member[3] == 'R' ? definition.on_demand_maximum.read_request_units
                      : definition.on_demand_maximum.write_request_units) = units.get<long long>();
  }
  return base::Status::OK();
}

}  // namespace

base::Status ApplyRestoreOverrides(const json& request, store::TableDefinition& definition,
                                   std::vector<index::IndexDefinition>& indexes, double scale,
                                   double now) {
  const json& billing = Member(request, "BillingModeOverride");
  const json& throughput = Member(request, "ProvisionedThroughputOverride");
  if (!billing.is_null()) {
    definition.billing_mode = billing == "PAY_PER_REQUEST" ? store::BillingMode::kPayPerRequest
                                                           : store::BillingMode::kProvisioned;
  }
  const bool on_demand = definition.billing_mode == store::BillingMode::kPayPerRequest;
  if (on_demand && !throughput.is_null()) {
    return base::Status::Validation(kThroughputWithPayPerRequestMessage);
  }
  if (!throughput.is_null()) {
    definition.throughput.read_capacity_units = Member(throughput, "ReadCapacityUnits");
    definition.throughput.write_capacity_units = Member(throughput, "WriteCapacityUnits");
  }
  if (!on_demand && definition.throughput.read_capacity_units == 0) {
    // An on-demand source restored as provisioned needs the throughput it never had.
    return base::Status::Validation(kNoThroughputMessage);
  }
  // The source's on-demand maximum, unless overridden; a provisioned table has none.
  if (base::Status s = OverrideOnDemandMaximum(request, definition); !s.ok()) return s;
  if (!on_demand) definition.on_demand_maximum = {};

  const json& globals = Member(request, "GlobalSecondaryIndexOverride");
  const json& locals = Member(request, "LocalSecondaryIndexOverride");
  // The source's indexes of a kind the request does not override stay.
  std::vector<index::IndexDefinition> kept;
  for (index::IndexDefinition& index : indexes) {
    const json& replacing = index.kind == index::IndexKind::kGlobal ? globals : locals;
    if (replacing.is_null()) kept.push_back(std::move(index));
  }
  std::set<std::string> used;
  for (const store::KeySchemaElement& element : definition.key_schema)
    used.insert(element.attribute_name);
  for (const index::IndexDefinition& index : kept) {
    used.insert(index.partition_key.begin(), index.partition_key.end());
    used.insert(index.sort_key.begin(), index.sort_key.end());
  }
  AddKeyNames(globals, used);
  AddKeyNames(locals, used);
  std::vector<store::AttributeDefinition>& attributes = definition.attribute_definitions;
  attributes.erase(std::remove_if(attributes.begin(), attributes.end(),
                                  [&](const store::AttributeDefinition& a) {
                                    return used.count(a.attribute_name) == 0;
                                  }),
                   attributes.end());

  // The overriding lists are checked as CreateTable's index lists, over the table's keys and
  // the backup's attribute definitions that the table's and their keys use (those of the kept
  // indexes are not theirs to use); an empty list means "no index of that kind".
  std::vector<index::IndexDefinition> overriding;
  const bool has_globals = globals.is_array() && !globals.empty();
  const bool has_locals = locals.is_array() && !locals.empty();
  if (has_globals || has_locals) {
    std::set<std::string> override_used;
    for (const store::KeySchemaElement& element : definition.key_schema) {
      override_used.insert(element.attribute_name);
    }
    AddKeyNames(globals, override_used);
    AddKeyNames(locals, override_used);
    std::vector<store::AttributeDefinition> narrowed;
    for (const store::AttributeDefinition& a : attributes) {
      if (override_used.count(a.attribute_name)) narrowed.push_back(a);
    }
    json as_create =
        value::JsonObject({{"KeySchema", KeySchemaJson(definition.key_schema)},
                           {"AttributeDefinitions", AttributeDefinitionsJson(narrowed)}});
    if (has_globals) as_create["GlobalSecondaryIndexes"] = globals;
    if (has_locals) as_create["LocalSecondaryIndexes"] = locals;
    base::Result<std::vector<index::IndexDefinition>> checked = CheckIndexes(as_create, on_demand);
    if (!checked.ok()) return checked.status();
    overriding = std::move(checked.value());
  }
  indexes = std::move(kept);
  for (index::IndexDefinition& index : overriding) indexes.push_back(std::move(index));
  // A kept global index follows the table's billing: no throughput of its own on demand, the
  // table's when a provisioned table's index had none.
  for (index::IndexDefinition& index : indexes) {
    if (index.kind != index::IndexKind::kGlobal) continue;
    if (on_demand) {
      index.read_capacity_units = index.write_capacity_units = 0;
    } else {
      index.on_demand_maximum = {};
    }
    if (!on_demand && index.read_capacity_units == 0) {
      index.read_capacity_units = definition.throughput.read_capacity_units;
      index.write_capacity_units = definition.throughput.write_capacity_units;
    }
  }
  return CheckOverridingWarmThroughput(request, definition, indexes, scale, now);
}

}  // namespace ddbpg::api
