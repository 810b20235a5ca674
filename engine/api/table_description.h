// TableDescription: the JSON DescribeTable (and CreateTable, UpdateTable, DeleteTable) return.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/core/engine_state.h"
#include "engine/store/table.h"

namespace ddbpg {

// `status` is the TableStatus to report: "ACTIVE", or "CREATING"/"UPDATING"/"DELETING" in the
// responses of the operations that start those transitions.
nlohmann::json DescribeTableJson(const core::EngineState& state, const Table& table,
                                 const std::string& status);

}  // namespace ddbpg
