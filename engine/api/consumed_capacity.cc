#include "engine/api/consumed_capacity.h"

#include <algorithm>

#include "engine/value/json_object.h"

namespace ddbpg::api {

ReturnConsumedCapacity ParseReturnConsumedCapacity(const nlohmann::json& value) {
  if (value == "TOTAL") return ReturnConsumedCapacity::kTotal;
  if (value == "INDEXES") return ReturnConsumedCapacity::kIndexes;
  return ReturnConsumedCapacity::kNone;
}

namespace {

nlohmann::json Arms(const std::vector<std::pair<std::string, double>>& arms) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [name, units] : arms) out[name] = value::JsonObject({{"CapacityUnits", units}});
  return out;
}

}  // namespace

nlohmann::json ConsumedCapacityJson(ReturnConsumedCapacity mode, const std::string& table_name,
                                    const capacity::CapacityCharge& charge) {
  nlohmann::json consumed =
      value::JsonObject({{"TableName", table_name}, {"CapacityUnits", charge.Total()}});
  if (mode == ReturnConsumedCapacity::kIndexes) {
    consumed["Table"] = value::JsonObject({{"CapacityUnits", charge.table}});
    if (!charge.local_indexes.empty()) {
      consumed["LocalSecondaryIndexes"] = Arms(charge.local_indexes);
    }
    if (!charge.global_indexes.empty()) {
      consumed["GlobalSecondaryIndexes"] = Arms(charge.global_indexes);
    }
  }
  return consumed;
}

void AddConsumedCapacity(nlohmann::json& response, ReturnConsumedCapacity mode,
                         const std::string& table_name, const capacity::CapacityCharge& charge) {
  if (mode == ReturnConsumedCapacity::kNone) return;
  response["ConsumedCapacity"] = ConsumedCapacityJson(mode, table_name, charge);
}

void WriteConsumedCapacity(base::JsonWriter& writer, ReturnConsumedCapacity mode,
                           const std::string& table_name, const capacity::CapacityCharge& charge) {
  if (mode == ReturnConsumedCapacity::kNone) return;
  writer.Key("ConsumedCapacity");
  writer.Raw(ConsumedCapacityJson(mode, table_name, charge)
                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void AddConsumedCapacity(nlohmann::json& response, ReturnConsumedCapacity mode,
                         const std::string& table_name, double units) {
  AddConsumedCapacity(response, mode, table_name, capacity::CapacityCharge{units, {}, {}});
}

}  // namespace ddbpg::api
