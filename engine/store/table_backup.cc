#include "engine/store/table_backup.h"

namespace ddbpg::store {

TableBackup CaptureTable(const Table& table) {
  TableBackup backup;
  backup.table = table.definition();
  // What a backup does not carry: the restored table gets none of these (RestoreTableFromBackup
  // API reference: tags, stream and TTL settings, PITR are set up again by hand; nor the
  // resource-based policy).
  backup.table.tags.clear();
  backup.table.resource_policy = base::ResourcePolicy();
  backup.table.restore_summary.reset();
  for (const auto& index : table.indexes()) backup.indexes.push_back(index->definition());
  backup.items.reserve(table.items().size());
  for (const auto& [key, item] : table.items()) backup.items.push_back(item);
  backup.size_bytes = table.size_bytes();
  return backup;
}

}  // namespace ddbpg::store
