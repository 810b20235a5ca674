#include "engine/api/consumed_capacity.h"

namespace ddbpg {

ReturnConsumedCapacity ParseReturnConsumedCapacity(const nlohmann::json& value) {
  if (value == "TOTAL") return ReturnConsumedCapacity::kTotal;
  if (value == "INDEXES") return ReturnConsumedCapacity::kIndexes;
  return ReturnConsumedCapacity::kNone;
}

void AddConsumedCapacity(nlohmann::json& response, ReturnConsumedCapacity mode,
                         const std::string& table_name, double units) {
  if (mode == ReturnConsumedCapacity::kNone) return;
  nlohmann::json consumed = {{"TableName", table_name}, {"CapacityUnits", units}};
  if (mode == ReturnConsumedCapacity::kIndexes) consumed["Table"] = {{"CapacityUnits", units}};
  response["ConsumedCapacity"] = consumed;
}

}  // namespace ddbpg
