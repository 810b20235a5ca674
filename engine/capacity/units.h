// Capacity units from item sizes (Developer Guide, "Read/write capacity mode" and
// shared/DYNAMODB-FACTS.md A.3): a read unit covers 4 KB strongly consistent (half a unit when
// eventually consistent), a write unit 1 KB; sizes round up to whole units, and touching no
// item still costs one unit.
#pragma once

#include <cstddef>

namespace ddbpg::capacity {

// Read units for reading `bytes` as one rounded block (GetItem: one item).
double ReadUnits(size_t bytes, bool strongly_consistent);

// Write units for writing an item of `bytes`.
double WriteUnits(size_t bytes);

}  // namespace ddbpg::capacity
