#include "engine/api/consumed_capacity.h"

#include <algorithm>

namespace ddbpg {

ReturnConsumedCapacity ParseReturnConsumedCapacity(const nlohmann::json& value) {
  if (value == "TOTAL") return ReturnConsumedCapacity::kTotal;
  if (value == "INDEXES") return ReturnConsumedCapacity::kIndexes;
  return ReturnConsumedCapacity::kNone;
}

namespace {

void MergeArms(std::vector<std::pair<std::string, double>>& into,
               const std::vector<std::pair<std::string, double>>& from, double factor) {
  for (const auto& arm : from) {
    auto it = std::find_if(into.begin(), into.end(),
                           [&arm](const auto& existing) { return existing.first == arm.first; });
    if (it == into.end()) {
      into.push_back({arm.first, arm.second * factor});
    } else {
      it->second += arm.second * factor;
    }
  }
}

nlohmann::json Arms(const std::vector<std::pair<std::string, double>>& arms) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [name, units] : arms) out[name] = {{"CapacityUnits", units}};
  return out;
}

}  // namespace

double CapacityCharge::Total() const {
  double total = OnTableCapacity();
  for (const auto& [name, units] : global_indexes) total += units;
  return total;
}

double CapacityCharge::OnTableCapacity() const {
  double total = table;
  for (const auto& [name, units] : local_indexes) total += units;
  return total;
}

CapacityCharge& CapacityCharge::operator+=(const CapacityCharge& other) {
  table += other.table;
  MergeArms(local_indexes, other.local_indexes, 1);
  MergeArms(global_indexes, other.global_indexes, 1);
  return *this;
}

CapacityCharge CapacityCharge::Times(double factor) const {
  CapacityCharge scaled;
  scaled.table = table * factor;
  MergeArms(scaled.local_indexes, local_indexes, factor);
  MergeArms(scaled.global_indexes, global_indexes, factor);
  return scaled;
}

nlohmann::json ConsumedCapacityJson(ReturnConsumedCapacity mode, const std::string& table_name,
                                    const CapacityCharge& charge) {
  nlohmann::json consumed = {{"TableName", table_name}, {"CapacityUnits", charge.Total()}};
  if (mode == ReturnConsumedCapacity::kIndexes) {
    consumed["Table"] = {{"CapacityUnits", charge.table}};
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
                         const std::string& table_name, const CapacityCharge& charge) {
  if (mode == ReturnConsumedCapacity::kNone) return;
  response["ConsumedCapacity"] = ConsumedCapacityJson(mode, table_name, charge);
}

void WriteConsumedCapacity(JsonWriter& writer, ReturnConsumedCapacity mode,
                           const std::string& table_name, const CapacityCharge& charge) {
  if (mode == ReturnConsumedCapacity::kNone) return;
  writer.Key("ConsumedCapacity");
  writer.Raw(ConsumedCapacityJson(mode, table_name, charge)
                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void AddConsumedCapacity(nlohmann::json& response, ReturnConsumedCapacity mode,
                         const std::string& table_name, double units) {
  AddConsumedCapacity(response, mode, table_name, CapacityCharge{units, {}, {}});
}

}  // namespace ddbpg
