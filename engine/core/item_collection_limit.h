// The 10 GB limit on an item collection of a table with local secondary indexes: one
// partition-key value's items and their local index entries (divided by the playground scale).
// Tables without a local index have no limit (Developer Guide, "Item collections in Local
// Secondary Indexes").
#pragma once

#include "engine/base/status.h"
#include "engine/store/table.h"

namespace ddbpg::core {

// What replacing `old_item` with `new_item` (either may be null) adds to their item collection
// in bytes, the local index entries included; negative when it shrinks. 0 without local indexes.
long long ItemCollectionGrowth(const store::Table& table, const value::Item* old_item,
                               const value::Item* new_item);

// ItemCollectionSizeLimitExceededException ("Collection size exceeded.") when the write would
// grow the item collection of `key` past the limit; a write that shrinks it always passes.
// `pending_growth` is what other writes taking effect with this one (a transaction's) add to
// the same collection.
base::Status CheckItemCollectionSize(const store::Table& table, const value::PrimaryKey& key,
                                     const value::Item* old_item, const value::Item* new_item,
                                     double scale, long long pending_growth = 0);

}  // namespace ddbpg::core
