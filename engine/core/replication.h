// Replication between the replicas of global tables (core/global_tables.h): each change a
// replica takes from a request or its Time to Live sweeper travels to the replica group's other
// regions and lands there once due, unless a later change of the item is already there.
#pragma once

#include <string>

#include "engine/core/engine_state.h"
#include "engine/store/table.h"

namespace ddbpg::core {

// Makes `table`, a replica in `table_region`, stamp each change it takes and send it to the
// other regions of its replica group (its definition's replica_regions, read at each change).
void StartReplicating(EngineState& state, store::Table& table, const std::string& table_region);

// Applies the changes due by `now`, oldest due first: a change lands when it is later than the
// destination's last change of the item (last writer wins), and the destination is charged its
// replicated write units. Returns whether any item changed.
bool ApplyDueReplication(EngineState& state, double now);

// Makes `replica`, just copied from `source` into `replica_region`, know what the source knows:
// the source's last-write stamps, and a copy of every change on its way to the source.
void AddReplicaLike(EngineState& state, const store::Table& source,
                    const std::string& source_region, const store::Table& replica,
                    const std::string& replica_region);

// Forgets what a deleted replica knew; changes still on their way to it are dropped on arrival.
void ForgetReplica(EngineState& state, const std::string& table_id);

}  // namespace ddbpg::core
