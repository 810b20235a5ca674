// IndexDefinition: what CreateTable (and UpdateTable, for global indexes) says about one
// secondary index: its kind, key attributes, projection and, for a provisioned global index,
// its own throughput.
#pragma once

#include <string>
#include <vector>

#include "engine/capacity/on_demand_maximum.h"

namespace ddbpg::index {

enum class IndexKind { kLocal, kGlobal };
enum class ProjectionType { kKeysOnly, kInclude, kAll };

struct IndexDefinition {
  std::string name;
  IndexKind kind = IndexKind::kGlobal;
  // Partition-key attributes, in key-schema order: one for a local index (the table's), up to
  // four for a global index (multi-attribute keys, November 2025). The same for sort keys; a
  // local index has exactly one.
  std::vector<std::string> partition_key;
  std::vector<std::string> sort_key;
  ProjectionType projection = ProjectionType::kAll;
  std::vector<std::string> non_key_attributes;  // kInclude only
  // A global index of a provisioned table has its own throughput.
  long long read_capacity_units = 0;
  long long write_capacity_units = 0;
  // A global index of an on-demand table may have its own maximum (OnDemandThroughput).
  capacity::OnDemandMaximum on_demand_maximum;
};

}  // namespace ddbpg::index
