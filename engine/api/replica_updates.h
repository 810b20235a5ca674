// Global tables, version 2019.11.21: UpdateTable's ReplicaUpdates (adding a replica of a table
// in another region, or removing one), what DescribeTable says of the replicas, and the
// legacy version 2017.11.29 operations, which answer as the service does for a table of the
// current version.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/api/index_updates.h"
#include "engine/api/request_schema.h"
#include "engine/base/status.h"
#include "engine/core/engine_state.h"

namespace ddbpg::api {

using json = nlohmann::json;

// The members of a ReplicationGroupUpdate (ReplicaUpdates' elements), for the shape walker.
std::vector<MemberSpec> ReplicationGroupUpdateMembers();

// UpdateTable with ReplicaUpdates, which must be the only change the request asks for.
base::Result<json> UpdateReplicas(core::EngineState& state, const json& request);

// ValidationException when `table` added a replica within the last 24 hours that is still in
// its group: the service keeps a source table that long (DeleteTable, ReplicaUpdates Delete).
base::Status CheckReplicaDeletable(core::EngineState& state, const store::Table& table);

// Takes a table being deleted out of its replica group: the other replicas stop listing it
// and nothing more reaches it. The other replicas stay.
void LeaveReplicaGroup(core::EngineState& state, store::Table& table);

// A global table's index creates and deletes (UpdateTable GlobalSecondaryIndexUpdates) for its
// other replicas, each region's plan: DynamoDB keeps a global table's indexes alike in every
// region. An index's throughput updates stay the replica's own.
struct ReplicaIndexChanges {
  std::vector<std::pair<std::string, IndexUpdatePlan>> plans;  // by region
};

// Checks the request's index creates and deletes against every other replica of `table` (the
// request's copy); nothing changes. None for a table that is not global.
base::Result<ReplicaIndexChanges> PlanReplicaIndexChanges(core::EngineState& state,
                                                          const store::Table& table,
                                                          const json& request);

// Applies the planned changes to the other replicas of the table `name`, each in its region.
void ApplyReplicaIndexChanges(core::EngineState& state, const std::string& name,
                              ReplicaIndexChanges& changes);

// DescribeTable's Replicas (every other region of the group, in the order they joined) and
// GlobalTableVersion, added to `description` for a global table.
void DescribeReplicas(const core::EngineState& state, const store::Table& table, json& description);

// Playground.DescribeReplication: each region of a table's replica group side by side (its
// copy's item count and size, the changes on their way to it and when the next arrives) and
// the replication delay; a table that is not global is one region.
base::Result<json> DescribeReplication(core::EngineState& state, const json& request);

// CreateGlobalTable, DescribeGlobalTable, UpdateGlobalTable, ListGlobalTables,
// DescribeGlobalTableSettings, UpdateGlobalTableSettings, DescribeTableReplicaAutoScaling and
// UpdateTableReplicaAutoScaling.
base::Result<json> CreateGlobalTable(core::EngineState& state, const json& request);
base::Result<json> DescribeGlobalTable(core::EngineState& state, const json& request);
base::Result<json> UpdateGlobalTable(core::EngineState& state, const json& request);
base::Result<json> ListGlobalTables(core::EngineState& state, const json& request);
base::Result<json> DescribeGlobalTableSettings(core::EngineState& state, const json& request);
base::Result<json> UpdateGlobalTableSettings(core::EngineState& state, const json& request);
base::Result<json> DescribeTableReplicaAutoScaling(core::EngineState& state, const json& request);
base::Result<json> UpdateTableReplicaAutoScaling(core::EngineState& state, const json& request);

}  // namespace ddbpg::api
