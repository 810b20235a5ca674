// The Time to Live sweeper: DynamoDB's background process that deletes expired items, run on
// the engine's clock.
//
// An item expires when its TTL attribute is a top-level Number of epoch seconds below now and no
// more than five years in the past (Developer Guide, "Formatting an item's TTL attribute");
// anything else never expires. The service deletes expired items "within a few days"; the
// playground waits `deletion_delay_seconds` after expiry (Playground.Configure), so expired items
// are still read until then, as on AWS. Deletes consume no capacity.
#pragma once

#include <functional>
#include <optional>

#include "engine/store/table.h"

namespace ddbpg::ttl {

// The expiry time `item` carries in TTL attribute `attribute`, or nullopt when it has none (the
// attribute is missing or not a Number).
std::optional<double> TtlExpiry(const value::Item& item, const std::string& attribute);

// Deletes the items of `table` that expired at least `deletion_delay_seconds` before `now`.
// `on_delete` sees each deleted item (for stream records). Returns how many were deleted.
size_t SweepExpiredItems(store::Table& table, double now, double deletion_delay_seconds,
                         const std::function<void(const value::Item&)>& on_delete = {});

}  // namespace ddbpg::ttl
