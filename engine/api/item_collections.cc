#include "engine/api/item_collections.h"

#include <cmath>

#include "engine/api/request_schema.h"
#include "engine/value/ddb_json.h"
#include "engine/value/item_size.h"

namespace ddbpg {
namespace {

constexpr double kCollectionLimitBytes = 10.0 * 1024 * 1024 * 1024;
constexpr double kBytesPerGb = 1024.0 * 1024 * 1024;

// What `item` adds to its collection: its own size and its entries in the local indexes.
long long CollectionShare(const Table& table, const Item* item) {
  if (item == nullptr) return 0;
  long long bytes = static_cast<long long>(ItemSize(*item));
  for (const auto& index : table.indexes()) {
    if (index->is_global() || !index->EntryKeyOf(*item)) continue;
    // Each entry carries DynamoDB's 100 bytes of index overhead, as IndexSizeBytes does.
    bytes += static_cast<long long>(ItemSize(index->Project(*item))) + 100;
  }
  return bytes;
}

}  // namespace

Status CheckItemCollectionSize(const Table& table, const PrimaryKey& key, const Item* old_item,
                               const Item* new_item, double scale) {
  if (!table.has_local_indexes()) return Status::OK();
  const long long growth = CollectionShare(table, new_item) - CollectionShare(table, old_item);
  if (growth <= 0) return Status::OK();
  const long long after = table.ItemCollectionBytes(key.partition) + growth;
  if (static_cast<double>(after) <= kCollectionLimitBytes / scale) return Status::OK();
  return Status(ErrorType::kItemCollectionSizeLimitExceeded, "Collection size exceeded.");
}

bool ReturnsItemCollectionMetrics(const Table& table, const json& request) {
  return table.has_local_indexes() && Member(request, "ReturnItemCollectionMetrics") == "SIZE";
}

json ItemCollectionMetricsJson(const Table& table, const AttributeValue& partition_key) {
  Item key;
  key[table.partition_key_name()] = partition_key;
  // The service reports whole gigabytes around the size: [0.0, 1.0] for a small collection.
  const double low = std::floor(static_cast<double>(table.ItemCollectionBytes(partition_key)) /
                                kBytesPerGb);
  return {{"ItemCollectionKey", EncodeItem(key)}, {"SizeEstimateRangeGB", {low, low + 1}}};
}

void ItemCollectionMetricsList::Note(const Table& table, const AttributeValue& partition_key) {
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

}  // namespace ddbpg
