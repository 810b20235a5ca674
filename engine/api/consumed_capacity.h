// The ConsumedCapacity member of a response, shaped by ReturnConsumedCapacity.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "engine/base/json_writer.h"
#include "engine/capacity/capacity_charge.h"

namespace ddbpg::api {

enum class ReturnConsumedCapacity { kNone, kTotal, kIndexes };

// NONE (or absent) -> kNone. Assumes the value already passed the enum check.
ReturnConsumedCapacity ParseReturnConsumedCapacity(const nlohmann::json& value);


// Adds "ConsumedCapacity" to `response` unless `mode` is kNone: TableName and the total
// CapacityUnits, plus under INDEXES the "Table" arm and the index arms that consumed anything.
void AddConsumedCapacity(nlohmann::json& response, ReturnConsumedCapacity mode,
                         const std::string& table_name, const capacity::CapacityCharge& charge);
// The same, as a JSON object (BatchWriteItem and the transactions list them per table).
nlohmann::json ConsumedCapacityJson(ReturnConsumedCapacity mode, const std::string& table_name,
                                    const capacity::CapacityCharge& charge);

// The same member for a response written as text (JsonWriter).
void WriteConsumedCapacity(base::JsonWriter& writer, ReturnConsumedCapacity mode,
                           const std::string& table_name, const capacity::CapacityCharge& charge);

// Adds "ConsumedCapacity" to `response` unless `mode` is kNone. Single-item operations carry
// only CapacityUnits (no Read/Write split), plus a "Table" arm under INDEXES.
void AddConsumedCapacity(nlohmann::json& response, ReturnConsumedCapacity mode,
                         const std::string& table_name, double units);

}  // namespace ddbpg::api
