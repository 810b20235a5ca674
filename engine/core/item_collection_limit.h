// The 10 GB limit on an item collection of a table with local secondary indexes: one
// partition-key value's items and their local index entries (divided by the playground scale).
// Tables without a local index have no limit (Developer Guide, "Item collections in Local
// Secondary Indexes").
#pragma once

#include "engine/base/status.h"
#include "engine/store/table.h"

namespace ddbpg::core {

// ItemCollectionSizeLimitExceededException ("Collection size exceeded.") when the write would
// grow the item collection of `key` past the limit; a write that shrinks it always passes.
base::Status CheckItemCollectionSize(const store::Table& table, const value::PrimaryKey& key,
                                     const value::Item* old_item, const value::Item* new_item,
                                     double scale);

}  // namespace ddbpg::core
