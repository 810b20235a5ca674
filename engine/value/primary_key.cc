#include "engine/value/primary_key.h"

namespace ddbpg::value {

bool PrimaryKeyLess::operator()(const PrimaryKey& a, const PrimaryKey& b) const {
  if (a.partition_hash != b.partition_hash) return a.partition_hash < b.partition_hash;
  int by_partition = CompareKeyValues(a.partition, b.partition);
  if (by_partition != 0) return by_partition < 0;
  if (!a.sort || !b.sort) return b.sort.has_value() && !a.sort.has_value();
  return CompareKeyValues(*a.sort, *b.sort) < 0;
}

}  // namespace ddbpg::value
