// A partition map as text, "[start..end]" per partition in hex, so that a failing comparison
// reads well.
#pragma once

#include <cstdio>
#include <string>

#include "engine/partition/partition_map.h"

namespace ddbpg {

inline std::string DescribePartitions(const partition::PartitionMap& map) {
  std::string out;
  char buffer[64];
  for (const partition::Partition& p : map.partitions()) {
    std::snprintf(buffer, sizeof(buffer), "[%llx..%llx]", (unsigned long long)p.hash_start,
                  (unsigned long long)p.hash_end);
    out += buffer;
  }
  return out;
}

}  // namespace ddbpg
