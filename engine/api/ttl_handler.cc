// Time to Live: UpdateTimeToLive and DescribeTimeToLive, and the sweeper's place in every
// request. Texts and rules from 2026 probes of the live service (see docs/differences.md for
// the choices where the service was not observed).
#include <cmath>

#include "engine/api/handlers.h"
#include "engine/api/messages.h"
#include "engine/api/request_schema.h"
#include "engine/api/validation_errors.h"
#include "engine/core/replication.h"
#include "engine/ttl/ttl_sweeper.h"
#include "engine/value/json_object.h"

namespace ddbpg::api {
namespace {

// "Any additional UpdateTimeToLive calls for the same table during this one hour duration result
// in a ValidationException" (API reference, UpdateTimeToLive).
constexpr double kChangeIntervalSeconds = 3600;

const std::vector<MemberSpec>& UpdateShape() {
  static const auto* spec = new std::vector<MemberSpec>{
      {"TableName", value::WireType::kString},
      {"TimeToLiveSpecification",
       value::WireType::kStructure,
       "TimeToLiveSpecification",
       MemberKind::kPlain,
       {{"AttributeName", value::WireType::kString}, {"Enabled", value::WireType::kBoolean}}},
  };
  return *spec;
}

base::Result<store::Table*> FindNamedTable(core::EngineState& state, const json& request) {
  ValidationErrors errors;
  const json& name = Member(request, "TableName");
  errors.NotNull(name, "tableName");
  errors.ResourceName(name, "tableName");
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  store::Table* table = state.FindTable(name.get<std::string>());
  if (table == nullptr) {
    return base::Status::ResourceNotFound(TableNotFoundMessage(name.get<std::string>()));
  }
  return table;
}

}  // namespace

base::Result<json> UpdateTimeToLive(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, UpdateShape()); !s.ok()) return s;
  const json& specification = Member(request, "TimeToLiveSpecification");
  const json& attribute = Member(specification, "AttributeName");
  const json& enabled = Member(specification, "Enabled");
  ValidationErrors errors;
  const json& name = Member(request, "TableName");
  errors.NotNull(name, "tableName");
  errors.ResourceName(name, "tableName");
  errors.NotNull(specification, "timeToLiveSpecification");
  if (!specification.is_null()) {
    errors.NotNull(attribute, "timeToLiveSpecification.attributeName");
    errors.MinLength(attribute, "timeToLiveSpecification.attributeName", 1);
    errors.MaxLength(attribute, "timeToLiveSpecification.attributeName", 255);
    errors.NotNull(enabled, "timeToLiveSpecification.enabled");
  }
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  base::Result<store::Table*> table = FindNamedTable(state, request);
  if (!table.ok()) return table.status();

  store::TableDefinition& definition = (*table)->mutable_definition();
  const std::string wanted = attribute.get<std::string>();
  // What the request asks is checked before the interval between changes.
  if (definition.ttl_attribute && *definition.ttl_attribute != wanted) {
    return base::Status::Validation(
        "TimeToLive is active on a different AttributeName: current AttributeName is " +
        *definition.ttl_attribute);
  }
  if (enabled == true && definition.ttl_attribute) {
    return base::Status::Validation("TimeToLive is already enabled");
  }
  if (enabled == false && !definition.ttl_attribute) {
    return base::Status::Validation("TimeToLive is already disabled");
  }
  const double now = state.clock.NowSeconds();
  if (definition.ttl_changed_at && now - *definition.ttl_changed_at < kChangeIntervalSeconds) {
    return base::Status::Validation(
        "Time to live has been modified multiple times within a fixed interval");
  }
  if (enabled == true) {
    definition.ttl_attribute = wanted;
  } else {
    definition.ttl_attribute.reset();
  }
  definition.ttl_changed_at = now;
  // A global table's Time to Live setting is the same in every replica.
  for (const std::string& region : definition.replica_regions) {
    store::Table* replica = state.FindTableIn(region, definition.name);
    if (replica == nullptr || replica == *table) continue;
    replica->mutable_definition().ttl_attribute = definition.ttl_attribute;
    replica->mutable_definition().ttl_changed_at = now;
  }
  return json{{"TimeToLiveSpecification",
               value::JsonObject({{"AttributeName", wanted}, {"Enabled", enabled}})}};
}

base::Result<json> DescribeTimeToLive(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, {{"TableName", value::WireType::kString}});
      !s.ok())
    return s;
  base::Result<store::Table*> table = FindNamedTable(state, request);
  if (!table.ok()) return table.status();
  const store::TableDefinition& definition = (*table)->definition();
  // ENABLING and DISABLING are in the API's enum, but the live service answers the settled
  // status on the very next call (ScyllaDB's test_ttl.py, which also runs against DynamoDB,
  // asserts ENABLED right after enabling and DISABLED right after disabling).
  json description;
  if (definition.ttl_attribute) {
    description = {{"TimeToLiveStatus", "ENABLED"}, {"AttributeName", *definition.ttl_attribute}};
  } else {
    // A disabled table does not say which attribute it used.
    description = {{"TimeToLiveStatus", "DISABLED"}};
  }
  return json{{"TimeToLiveDescription", description}};
}

void RunBackgroundWork(core::EngineState& state) {
  const double now = state.clock.NowSeconds();
  // Changes from other replicas of global tables land first, then index changes due by now,
  // so the sweeper's deletes follow them.
  if (core::ApplyDueReplication(state, now)) state.background_changed = true;
  state.ForEachRegion([now](core::EngineState::TableMap& tables) {
    for (auto& [name, table] : tables) table->PropagateIndexUpdates(now);
  });
  // Streams age here, on every request, so that a read ages them exactly as the next write
  // would: the journal then records it as background work when it changed something.
  if (AdvanceStreams(state)) state.background_changed = true;
  const long long second = static_cast<long long>(std::floor(now));
  if (second == state.last_ttl_sweep_second) return;
  state.last_ttl_sweep_second = second;
  state.ForEachRegion([&state, now](core::EngineState::TableMap& tables) {
    for (auto& [name, table] : tables) {
      if (ttl::SweepExpiredItems(*table, now, state.ttl_deletion_delay_seconds) > 0) {
        state.background_changed = true;
      }
    }
  });
}

}  // namespace ddbpg::api
