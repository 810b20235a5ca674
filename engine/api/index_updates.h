// UpdateTable's GlobalSecondaryIndexUpdates: creating a global index on a table that has data
// (CREATING, resources allocated, then backfilled on the engine's clock), changing its
// throughput, and deleting it, with the service's rules and texts (2026 probes of the live
// service, dynalite's AWS-run tests).
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "engine/api/request_schema.h"
#include "engine/base/status.h"
#include "engine/capacity/on_demand_maximum.h"
#include "engine/core/engine_state.h"

namespace ddbpg::api {

using json = nlohmann::json;

// The members of one GlobalSecondaryIndexUpdate, for the request shape walker.
std::vector<MemberSpec> GlobalSecondaryIndexUpdateMembers();

// The rules that need no table: one action per entry, one update per index, one online index
// created or deleted at a time, and what may not be combined with an index change.
base::Status CheckIndexUpdatesRequest(const json& request);

// What an UpdateTable asks of the table's global indexes, once every rule holds.
struct IndexUpdatePlan {
  std::vector<index::IndexDefinition> creates;
  std::vector<std::pair<std::string, std::pair<long long, long long>>> throughput_updates;
  // On demand: an index's new OnDemandThroughput maximum, or the warm throughput it asks for.
  std::vector<std::pair<std::string, capacity::OnDemandMaximum>> maximum_updates;
  std::vector<std::pair<std::string, json>> warm_updates;
  std::vector<std::string> deletes;
  json attribute_definitions;  // the request's, for the new key attributes
};

// The rules against the table, whose billing mode after the request is `on_demand_after`;
// nothing changes. A table switching to PROVISIONED must give each global index throughput.
base::Result<IndexUpdatePlan> PlanIndexUpdates(core::EngineState& state, const store::Table& table,
                                               const json& request, bool on_demand_after);

// Adds the new indexes (CREATING on the clock) and sets new index throughput; on an on-demand
// table the global indexes have none.
void ApplyIndexCreatesAndUpdates(core::EngineState& state, store::Table& table,
                                 IndexUpdatePlan& plan);

// After the response's description was taken: shows deleted indexes DELETING and updated ones
// (throughput, on-demand maximum or warm throughput; a warm one's WarmThroughput too) UPDATING in
// it, then drops the deleted indexes (DescribeTable shows them DELETING a few seconds more) and the
// attribute definitions only they used.
void FinishIndexDeletes(store::Table& table, const IndexUpdatePlan& plan, double now,
                        json& description);

// Sets one global index's IndexStatus in a table description.
void SetIndexStatus(json& description, const std::string& name, const std::string& status);

// Seconds a new global index spends allocating resources before its backfill starts.
inline constexpr double kIndexAllocationSeconds = 5;
// Seconds a deleted global index is shown DELETING (the service takes about 3 to 6).
inline constexpr double kIndexDeletionSeconds = 5;

}  // namespace ddbpg::api
