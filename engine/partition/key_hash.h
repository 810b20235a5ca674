// The 64-bit hash of a partition key value that places an item in its partition.
//
// Frozen: partition ranges in the heat view, the order Scan walks and parallel-scan segments
// are all defined by it, so a change would move every item. The hash is FNV-1a (64-bit) over
// the value's type letter ('S', 'N' or 'B') followed by its bytes (a number's canonical decimal
// text), then the SplitMix64 finaliser, because FNV-1a alone spreads short keys poorly over
// the high bits that decide the partition.
#pragma once

#include <cstdint>

#include "engine/value/attribute_value.h"

namespace ddbpg::partition {

uint64_t PartitionKeyHash(const value::AttributeValue& partition_key);

}  // namespace ddbpg::partition
