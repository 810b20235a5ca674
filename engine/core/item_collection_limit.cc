#include "engine/core/item_collection_limit.h"

#include "engine/value/item_size.h"

namespace ddbpg::core {
namespace {

constexpr double kCollectionLimitBytes = 10.0 * 1024 * 1024 * 1024;

// What `item` adds to its collection: its own size and its entries in the local indexes.
long long CollectionShare(const store::Table& table, const value::Item* item) {
  if (item == nullptr) return 0;
  long long bytes = static_cast<long long>(value::ItemSize(*item));
  for (const auto& index : table.indexes()) {
    if (index->is_global() || !index->EntryKeyOf(*item)) continue;
    // Each entry carries DynamoDB's 100 bytes of index overhead, as IndexSizeBytes does.
    bytes += static_cast<long long>(value::ItemSize(index->Project(*item))) + 100;
  }
  return bytes;
}

}  // namespace

long long ItemCollectionGrowth(const store::Table& table, const value::Item* old_item,
                               const value::Item* new_item) {
  if (!table.has_local_indexes()) return 0;
  return CollectionShare(table, new_item) - CollectionShare(table, old_item);
}

base::Status CheckItemCollectionSize(const store::Table& table, const value::PrimaryKey& key,
                                     const value::Item* old_item, const value::Item* new_item,
                                     double scale, long long pending_growth) {
  if (!table.has_local_indexes()) return base::Status::OK();
  const long long growth = ItemCollectionGrowth(table, old_item, new_item);
  if (growth <= 0) return base::Status::OK();
  const long long after = table.ItemCollectionBytes(key.partition) + pending_growth + growth;
  if (static_cast<double>(after) <= kCollectionLimitBytes / scale) return base::Status::OK();
  return base::Status(base::ErrorType::kItemCollectionSizeLimitExceeded,
                      "Collection size exceeded.");
}

}  // namespace ddbpg::core
