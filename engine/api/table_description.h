// TableDescription: the JSON DescribeTable (and CreateTable, UpdateTable, DeleteTable) return.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/core/engine_state.h"
#include "engine/store/table.h"

namespace ddbpg::api {

// The pieces a backup's description shares with a table's.
nlohmann::json KeySchemaJson(const std::vector<store::KeySchemaElement>& key_schema);
nlohmann::json IndexKeySchema(const index::IndexDefinition& index);
nlohmann::json ProjectionJson(const index::IndexDefinition& index);

// `status` is the TableStatus to report: "ACTIVE", or "CREATING"/"UPDATING"/"DELETING" in the
// responses of the operations that start those transitions.
nlohmann::json DescribeTableJson(const core::EngineState& state, const store::Table& table,
                                 const std::string& status);

}  // namespace ddbpg::api
