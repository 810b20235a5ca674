#include "engine/api/index_updates.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "engine/api/index_params.h"
#include "engine/api/messages.h"
#include "engine/api/on_demand_throughput.h"
#include "engine/api/warm_throughput.h"
#include "engine/capacity/units.h"
#include "engine/value/item_size.h"

namespace ddbpg::api {
namespace {

constexpr size_t kMaxGlobalIndexes = 20;

base::Status Invalid(const std::string& message) {
  return base::Status::Validation(std::string(kInvalidParameters) + message);
}

const json& ActionOf(const json& update, std::string* kind) {
  for (const char* name : {"Create", "Update", "Delete"}) {
    const json& action = Member(update, name);
    if (!action.is_null()) {
      *kind = name;
      return action;
    }
  }
  static const json kNull;
  return kNull;
}

value::AttributeType ScalarTypeOf(const std::string& name) {
  return name == "N"   ? value::AttributeType::kN
         : name == "B" ? value::AttributeType::kB
                       : value::AttributeType::kS;
}

// How long the backfill of `index` takes: every entry written once, at the index's write
// capacity (provisioned) or an on-demand table's initial 4,000 WCU, both divided by the scale.
double BackfillSeconds(const store::Table& table, const index::SecondaryIndex& index,
                       double scale) {
  double units = 0;
  for (const auto& [key, entry] : index.entries())
    units += capacity::WriteUnits(value::ItemSize(entry));
  const bool on_demand = table.definition().billing_mode == store::BillingMode::kPayPerRequest;
  const double rate = on_demand ? 4000 / scale
                                : static_cast<double>(index.definition().write_capacity_units);
  return std::max(1.0, std::ceil(units / std::max(rate, 1e-9)));
}

// Attribute definitions no key of the table or its indexes uses any more are dropped, as the
// service drops them after an index is deleted.
void PruneAttributeDefinitions(store::Table& table) {
  std::set<std::string> used;
  for (const store::KeySchemaElement& element : table.definition().key_schema) {
    used.insert(element.attribute_name);
  }
  for (const auto& index : table.indexes()) {
    for (const auto* names : {&index->definition().partition_key, &index->definition().sort_key}) {
      used.insert(names->begin(), names->end());
    }
  }
  auto& definitions = table.mutable_definition().attribute_definitions;
  definitions.erase(std::remove_if(definitions.begin(), definitions.end(),
                                   [&](const store::AttributeDefinition& d) {
                                     return !used.count(d.attribute_name);
                                   }),
                    definitions.end());
}

base::Result<index::IndexDefinition> CheckCreate(const store::Table& table, const json& request,
                                                 const json& create) {
  const std::string name = Member(create, "IndexName");
  if (table.FindIndex(name) != nullptr) {
    return base::Status::Validation("Attempting to create an index which already exists");
  }
  const json& definitions = Member(request, "AttributeDefinitions");
  if (definitions.is_null()) return Invalid("AttributeDefinitions is not specified for index: " + name);
  base::Result<index::IndexDefinition> definition = CheckGlobalIndex(create, definitions);
  if (!definition.ok()) return definition.status();
  size_t globals = 0;
  for (const auto& index : table.indexes()) globals += index->is_global() ? 1 : 0;
  if (globals >= kMaxGlobalIndexes) {
    return base::Status::LimitExceeded(
        "Subscriber limit exceeded: Number of global secondary indexes exceeds per-table limit "
        "of 20");
  }
  const bool on_demand = table.definition().billing_mode == store::BillingMode::kPayPerRequest;
  const bool has_throughput = !Member(create, "ProvisionedThroughput").is_null();
  if (on_demand && has_throughput) {
    return Invalid("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified for index: " +
                   name + " when BillingMode is PAY_PER_REQUEST");
  }
  if (!on_demand && !has_throughput) {
    return Invalid("Both ReadCapacityUnits and WriteCapacityUnits must be specified for index: " +
                   name);
  }
  if (base::Status s = ReadOnDemandThroughput(Member(create, "OnDemandThroughput"), name, on_demand,
                                              /*may_remove=*/false, definition->on_demand_maximum);
      !s.ok()) {
    return s;
  }
  return definition;
}

}  // namespace

std::vector<MemberSpec> GlobalSecondaryIndexUpdateMembers() {
  return {
      // A created index has CreateTable's members for a global index.
      {"Create", value::WireType::kStructure, "CreateGlobalSecondaryIndexAction",
       MemberKind::kPlain, SecondaryIndexMembers(/*global=*/true)},
      {"Update",
       value::WireType::kStructure,
       "UpdateGlobalSecondaryIndexAction",
       MemberKind::kPlain,
       {{"IndexName", value::WireType::kString},
        ProvisionedThroughputMember(),
        OnDemandThroughputMember(),
        WarmThroughputMember()}},
      {"Delete",
       value::WireType::kStructure,
       "DeleteGlobalSecondaryIndexAction",
       MemberKind::kPlain,
       {{"IndexName", value::WireType::kString}}},
  };
}

base::Status CheckIndexUpdatesRequest(const json& request) {
  const json& updates = Member(request, "GlobalSecondaryIndexUpdates");
  if (updates.is_null()) return base::Status::OK();
  if (updates.empty()) return Invalid("List of GlobalSecondaryIndexUpdates is empty");
  std::set<std::string> names;
  int online_changes = 0;
  for (const json& update : updates) {
    int actions = 0;
    for (const char* name : {"Create", "Update", "Delete"}) actions += Member(update, name).is_null() ? 0 : 1;
    if (actions == 0) {
      return Invalid(
          "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, "
          "GlobalSecondaryIndexUpdate.Delete must not be null");
    }
    if (actions > 1) {
      return Invalid("Only one global secondary index action is allowed per "
                     "GlobalSecondaryIndexUpdate object");
    }
    std::string kind;
    const json& action = ActionOf(update, &kind);
    const json& name = Member(action, "IndexName");
    if (!name.is_string()) {
      return base::Status::Validation(
          "1 validation error detected: Value null at 'indexName' failed "
          "to satisfy constraint: Member must not be null");
    }
    if (!names.insert(name.get<std::string>()).second) {
      return Invalid("Only one global secondary index update per index is allowed "
                     "simultaneously. Index: " + name.get<std::string>());
    }
    if (kind != "Update") ++online_changes;
  }
  if (online_changes > 0 && !Member(request, "ProvisionedThroughput").is_null()) {
    return Invalid("You cannot create or delete index while updating table IOPS");
  }
  if (online_changes > 0 && !Member(request, "StreamSpecification").is_null()) {
    return Invalid("You cannot create or delete index while changing stream status");
  }
  if (online_changes > 1) {
    return base::Status::LimitExceeded(
        "Subscriber limit exceeded: Only 1 online index can be created or deleted "
        "simultaneously per table");
  }
  return base::Status::OK();
}

base::Result<IndexUpdatePlan> PlanIndexUpdates(core::EngineState& state, const store::Table& table,
                                               const json& request, bool on_demand_after) {
  IndexUpdatePlan plan;
  const json& updates = Member(request, "GlobalSecondaryIndexUpdates");
  const bool becomes_provisioned =
      !on_demand_after && table.definition().billing_mode == store::BillingMode::kPayPerRequest;
  if (becomes_provisioned) {
    // Each global index needs its own throughput in the same request; the service names every
    // index without it, comma-separated (dynalite's tests, checked against AWS: "index3,index4").
    std::string missing;
    for (const auto& index : table.indexes()) {
      if (!index->is_global()) continue;
      bool given = false;
      for (const json& update : updates.is_array() ? updates : json::array()) {
        given = given || Member(Member(update, "Update"), "IndexName") == index->name();
      }
      if (!given) missing += (missing.empty() ? "" : ",") + index->name();
    }
    if (!missing.empty()) {
      return Invalid("ProvisionedThroughput must be specified for index: " + missing);
    }
  }
  if (updates.is_null()) return plan;
  plan.attribute_definitions = Member(request, "AttributeDefinitions");
  const double now = state.clock.NowSeconds();
  const std::string table_name = table.name();
  for (const json& update : updates) {
    std::string kind;
    const json& action = ActionOf(update, &kind);
    const std::string name = Member(action, "IndexName");
    if (kind == "Create") {
      for (const auto& index : table.indexes()) {
        if (index->IsCreating(now)) {
          return base::Status::LimitExceeded(
              "Subscriber limit exceeded: Only 1 online index can be created or deleted "
              "simultaneously per table");
        }
      }
      base::Result<index::IndexDefinition> definition = CheckCreate(table, request, action);
      if (!definition.ok()) return definition.status();
      const json& warm = Member(action, "WarmThroughput");
      if (base::Status s = CheckNewWarmThroughput(
              warm, name, table.definition().billing_mode == store::BillingMode::kPayPerRequest,
              definition->read_capacity_units, definition->write_capacity_units, state.scale, now);
          !s.ok()) {
        return s;
      }
      if (!warm.is_null()) plan.warm_updates.push_back({name, warm});
      plan.creates.push_back(std::move(*definition));
      continue;
    }
    const index::SecondaryIndex* index = table.FindIndex(name);
    if (index == nullptr) {
      return base::Status::ResourceNotFound("Requested resource not found: Index " + name +
                                            " for table " + table_name);
    }
    if (!index->is_global()) {
      return base::Status::Validation("Cannot " +
                                      std::string(kind == "Delete" ? "delete" : "update") +
                                      " an index that is not a GlobalSecondaryIndex: " + name);
    }
    if (kind == "Delete") {
      if (index->IsAllocating(now)) {
        return base::Status::ResourceInUse(
            "Attempt to change a resource which is still in use: Index creation is in resource "
            "allocation phase. Retry deletion during backfilling phase or when the index is "
            "active. Table: " +
            table_name + " Index: " + name);
      }
      plan.deletes.push_back(name);
      continue;
    }
    const json& maximum_spec = Member(action, "OnDemandThroughput");
    const json& warm_spec = Member(action, "WarmThroughput");
    if (!warm_spec.is_null()) {
      if (base::Status s = CheckWarmThroughput(warm_spec, name, index->capacity().Warm(now),
                                               WarmFloor::kCurrent);
          !s.ok()) {
        return s;
      }
      plan.warm_updates.push_back({name, warm_spec});
    }
    if (on_demand_after) {
      if (!Member(action, "ProvisionedThroughput").is_null() ||
          (maximum_spec.is_null() && warm_spec.is_null())) {
        return Invalid("The only Updates for index: " + name +
                       " when TableThroughputMode is PAY_PER_REQUEST can be to "
                       "OnDemandThroughput, WarmThroughput");
      }
      capacity::OnDemandMaximum maximum = index->definition().on_demand_maximum;
      if (base::Status s = ReadOnDemandThroughput(maximum_spec, name, /*on_demand=*/true,
                                                  /*may_remove=*/true, maximum);
          !s.ok()) {
        return s;
      }
      if (!maximum_spec.is_null()) plan.maximum_updates.push_back({name, maximum});
      continue;
    }
    // A provisioned table's index takes no maximum; an empty OnDemandThroughput asks nothing.
    capacity::OnDemandMaximum unused;
    if (base::Status s = ReadOnDemandThroughput(maximum_spec, name, /*on_demand=*/false,
                                                /*may_remove=*/true, unused);
        !s.ok()) {
      return s;
    }
    const json& throughput = Member(action, "ProvisionedThroughput");
    if (throughput.is_null() && !warm_spec.is_null()) continue;
    if (throughput.is_null()) {
      return base::Status::Validation(
          "1 validation error detected: Value null at "
          "'provisionedThroughput' failed to satisfy constraint: Member "
          "must not be null");
    }
    const long long read = Member(throughput, "ReadCapacityUnits").get<long long>();
    const long long write = Member(throughput, "WriteCapacityUnits").get<long long>();
    const index::IndexDefinition& current = index->definition();
    if (!becomes_provisioned && read == current.read_capacity_units &&
        write == current.write_capacity_units) {
      return base::Status::Validation(
          "The provisioned throughput for the index " + name +
          " will not change. The requested value equals the current value. Current "
          "ReadCapacityUnits provisioned for the index: " +
          std::to_string(read) + ". Requested ReadCapacityUnits: " + std::to_string(read) +
          ". Current WriteCapacityUnits provisioned for the index: " + std::to_string(write) +
          ". Requested WriteCapacityUnits: " + std::to_string(write) +
          ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to "
          "request higher limits.");
    }
    plan.throughput_updates.push_back({name, {read, write}});
  }
  return plan;
}

void ApplyIndexCreatesAndUpdates(core::EngineState& state, store::Table& table,
                                 IndexUpdatePlan& plan) {
  const double now = state.clock.NowSeconds();
  const bool on_demand = table.definition().billing_mode == store::BillingMode::kPayPerRequest;
  for (const auto& index : table.indexes()) {
    // An on-demand table's indexes have no throughput, a provisioned one's no maximum.
    if (on_demand) {
      index->mutable_definition().read_capacity_units = 0;
      index->mutable_definition().write_capacity_units = 0;
    } else {
      index->mutable_definition().on_demand_maximum = {};
    }
  }
  for (const auto& [name, maximum] : plan.maximum_updates) {
    table.FindIndex(name)->mutable_definition().on_demand_maximum = maximum;
  }
  for (const auto& [name, units] : plan.throughput_updates) {
    index::IndexDefinition& definition = table.FindIndex(name)->mutable_definition();
    definition.read_capacity_units = units.first;
    definition.write_capacity_units = units.second;
  }
  for (index::IndexDefinition& definition : plan.creates) {
    // The new key attributes join the table's definitions.
    auto& table_definitions = table.mutable_definition().attribute_definitions;
    for (const json& attribute : plan.attribute_definitions) {
      const std::string name = Member(attribute, "AttributeName");
      bool known = std::any_of(
          table_definitions.begin(), table_definitions.end(),
          [&name](const store::AttributeDefinition& d) { return d.attribute_name == name; });
      if (!known) {
        table_definitions.push_back({name, ScalarTypeOf(Member(attribute, "AttributeType"))});
      }
    }
    index::SecondaryIndex& index = table.AddIndex(std::move(definition));
    const double allocation_end = now + kIndexAllocationSeconds;
    index.SetCreation(allocation_end, allocation_end + BackfillSeconds(table, index, state.scale));
    PruneAttributeDefinitions(table);
  }
  // Updated and created indexes alike.
  for (const auto& [name, spec] : plan.warm_updates) {
    ApplyWarmThroughput(table.FindIndex(name)->capacity(), spec, now);
  }
}

void FinishIndexDeletes(store::Table& table, const IndexUpdatePlan& plan, double now,
                        json& description) {
  for (const std::string& name : plan.deletes) {
    SetIndexStatus(description, name, "DELETING");
    table.RemoveIndexLater(name, now + kIndexDeletionSeconds);
  }
  if (!plan.deletes.empty()) PruneAttributeDefinitions(table);
  for (const auto& [name, units] : plan.throughput_updates) {
    SetIndexStatus(description, name, "UPDATING");
  }
  for (const auto& [name, maximum] : plan.maximum_updates) {
    SetIndexStatus(description, name, "UPDATING");
  }
  // A warm throughput raise is an index update too; its WarmThroughput says the same
  // (GlobalSecondaryIndexWarmThroughputDescription's Status: UPDATING or ACTIVE). A new index's
  // warm throughput is part of its creation: it stays CREATING.
  if (plan.warm_updates.empty() || !description.contains("GlobalSecondaryIndexes")) return;
  for (json& index : description["GlobalSecondaryIndexes"]) {
    const bool raised =
        std::any_of(plan.warm_updates.begin(), plan.warm_updates.end(),
                    [&index](const auto& update) { return index["IndexName"] == update.first; });
    if (!raised || index["IndexStatus"] == "CREATING") continue;
    index["IndexStatus"] = "UPDATING";
    if (index.contains("WarmThroughput")) index["WarmThroughput"]["Status"] = "UPDATING";
  }
}

void SetIndexStatus(json& description, const std::string& name, const std::string& status) {
  if (!description.contains("GlobalSecondaryIndexes")) return;
  for (json& index : description["GlobalSecondaryIndexes"]) {
    if (index["IndexName"] == name) index["IndexStatus"] = status;
  }
}

}  // namespace ddbpg::api
