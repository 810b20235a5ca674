// The ConsumedCapacity member of a response, shaped by ReturnConsumedCapacity.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace ddbpg {

enum class ReturnConsumedCapacity { kNone, kTotal, kIndexes };

// NONE (or absent) -> kNone. Assumes the value already passed the enum check.
ReturnConsumedCapacity ParseReturnConsumedCapacity(const nlohmann::json& value);

// Adds "ConsumedCapacity" to `response` unless `mode` is kNone. Single-item operations carry
// only CapacityUnits (no Read/Write split), plus a "Table" arm under INDEXES.
void AddConsumedCapacity(nlohmann::json& response, ReturnConsumedCapacity mode,
                         const std::string& table_name, double units);

}  // namespace ddbpg
