// Making tables: installing a new table with the engine's settings (CreateTable and the
// restores), and building a restored table from a backup's or a point in time's contents.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/core/engine_state.h"
#include "engine/store/table.h"

namespace ddbpg::core {

// Gives `table` the engine's settings (scale, replication lag, heat splitting, throttling,
// index propagation, the clock), lays out its partitions and adds it to the state: to the
// tables every region sees, or to `table_region`'s replicas.
store::Table& InstallTable(EngineState& state, std::unique_ptr<store::Table> table);
store::Table& InstallTable(EngineState& state, std::unique_ptr<store::Table> table,
                           const std::string& table_region);

// What a restored table takes from its source: key schema, attribute definitions, billing mode
// and provisioned throughput. Everything else starts afresh (API reference,
// RestoreTableFromBackup: tags, streams, TTL, PITR, auto scaling are set up by hand).
store::TableDefinition RestoredDefinition(const store::TableDefinition& source,
                                          const std::string& target_name);

// Creates the restored table `definition` (its name free, its overrides applied) now, with
// `indexes` filled from `items`, and installs it; it is ACTIVE at once.
store::Table& RestoreTable(EngineState& state, store::TableDefinition definition,
                           std::vector<index::IndexDefinition> indexes,
                           std::vector<value::Item> items);

}  // namespace ddbpg::core
