// A stored item's primary key and the order a table keeps its items in.
#pragma once

#include <cstdint>
#include <optional>

#include "engine/value/attribute_value.h"

namespace ddbpg::value {

struct PrimaryKey {
  // PartitionKeyHash(partition); Table fills it in. First, because most comparisons end on it:
  // in a map node it shares a cache line with the node's links, so a walk down the tree costs
  // one cache miss a level instead of two.
  uint64_t partition_hash = 0;
  AttributeValue partition;
  std::optional<AttributeValue> sort;
};

// Items are kept in the order Scan walks them: by partition-key hash (so by partition), then
// by partition key (an item collection stays together), then by sort key in DynamoDB's order.
// A key without a sort key sorts before every key with one, which lets a Query find the start
// of an item collection.
struct PrimaryKeyLess {
  bool operator()(const PrimaryKey& a, const PrimaryKey& b) const;
};

}  // namespace ddbpg::value
