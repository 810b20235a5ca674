#include "engine/core/item_collection_limit.h"

#include "engine/value/item_size.h"

namespace ddbpg::core {
namespace {

constexpr double kCollectionLimitBytes = 10.0 * 1024 * 1024 * 1024;

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

}  // namespace ddbpg::core
