// TableBackup: an on-demand backup (CreateBackup), or the system backup DynamoDB keeps of a
// table deleted with point-in-time recovery on: a copy of the table's items, key schema,
// attribute definitions, indexes and billing settings at one instant, which
// RestoreTableFromBackup turns into a new table.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/index/index_definition.h"
#include "engine/store/table.h"
#include "engine/value/attribute_value.h"

namespace ddbpg::store {

enum class BackupType { kUser, kSystem };

struct TableBackup {
  std::string arn;
  std::string name;
  BackupType type = BackupType::kUser;
  double created_at = 0;
  std::optional<double> expires_at;  // a system backup's end; user backups never expire
  // The table as it was: its definition (name, id, keys, billing, throughput, stream and TTL
  // settings), its indexes, and its items in Scan order.
  TableDefinition table;
  std::vector<index::IndexDefinition> indexes;
  std::vector<value::Item> items;
  long long size_bytes = 0;
};

// The backup of `table` as it is now, without its ARN, name, type or time.
TableBackup CaptureTable(const Table& table);

}  // namespace ddbpg::store
