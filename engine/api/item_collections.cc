#include "engine/api/item_collections.h"

#include <cmath>

#include "engine/api/request_schema.h"
#include "engine/value/ddb_json.h"
#include "engine/value/json_object.h"

namespace ddbpg::api {
namespace {

constexpr double kBytesPerGb = 1024.0 * 1024 * 1024;

}  // namespace

bool ReturnsItemCollectionMetrics(const store::Table& table, const json& request) {
  return table.has_local_indexes() && Member(request, "ReturnItemCollectionMetrics") == "SIZE";
}

json ItemCollectionMetricsJson(const store::Table& table,
                               const value::AttributeValue& partition_key) {
  value::Item key;
  key[table.partition_key_name()] = partition_key;
  // The service reports whole gigabytes around the size: [0.0, 1.0] for a small collection.
  const double low = std::floor(static_cast<double>(table.ItemCollectionBytes(partition_key)) /
                                kBytesPerGb);
  return value::JsonObject(
      {{"ItemCollectionKey", value::EncodeItem(key)}, {"SizeEstimateRangeGB", {low, low + 1}}});
}

void ItemCollectionMetricsList::Note(const store::Table& table,
                                     const value::AttributeValue& partition_key) {
  for (const auto& [noted_table, noted_key] : noted_) {
    if (noted_table == &table && noted_key == partition_key) return;
  }
  noted_.push_back({&table, partition_key});
}

json ItemCollectionMetricsList::ToJson() const {
  json by_table = json::object();
  for (const auto& [table, partition_key] : noted_) {
    by_table[table->name()].push_back(ItemCollectionMetricsJson(*table, partition_key));
  }
  return by_table;
}

}  // namespace ddbpg::api
