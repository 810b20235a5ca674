// The ConsumedCapacity member of a response, shaped by ReturnConsumedCapacity.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "engine/base/json_writer.h"

namespace ddbpg {

enum class ReturnConsumedCapacity { kNone, kTotal, kIndexes };

// NONE (or absent) -> kNone. Assumes the value already passed the enum check.
ReturnConsumedCapacity ParseReturnConsumedCapacity(const nlohmann::json& value);

// What one request consumed, on the table and on each index it touched (an index that consumed
// nothing is left out, as the service leaves it out).
struct CapacityCharge {
  double table = 0;
  std::vector<std::pair<std::string, double>> local_indexes;
  std::vector<std::pair<std::string, double>> global_indexes;

  double Total() const;
  // What the table's own capacity pays: the table and its local indexes (Developer Guide, "Local
  // secondary indexes": index writes "consume provisioned write capacity units for the table").
  double OnTableCapacity() const;
  CapacityCharge& operator+=(const CapacityCharge& other);
  CapacityCharge Times(double factor) const;
};

// Adds "ConsumedCapacity" to `response` unless `mode` is kNone: TableName and the total
// CapacityUnits, plus under INDEXES the "Table" arm and the index arms that consumed anything.
void AddConsumedCapacity(nlohmann::json& response, ReturnConsumedCapacity mode,
                         const std::string& table_name, const CapacityCharge& charge);
// The same, as a JSON object (BatchWriteItem and the transactions list them per table).
nlohmann::json ConsumedCapacityJson(ReturnConsumedCapacity mode, const std::string& table_name,
                                    const CapacityCharge& charge);

// The same member for a response written as text (JsonWriter).
void WriteConsumedCapacity(JsonWriter& writer, ReturnConsumedCapacity mode,
                           const std::string& table_name, const CapacityCharge& charge);

// Adds "ConsumedCapacity" to `response` unless `mode` is kNone. Single-item operations carry
// only CapacityUnits (no Read/Write split), plus a "Table" arm under INDEXES.
void AddConsumedCapacity(nlohmann::json& response, ReturnConsumedCapacity mode,
                         const std::string& table_name, double units);

}  // namespace ddbpg
