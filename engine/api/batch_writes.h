// BatchWriteItem after its request is read: the writes of each table, validated, then resolved
// against the tables and run one by one through the write path. Both readers of the request
// end here: the general one (batch_handler.cc, from a tree, with every check's error) and the
// plain one (plain_batch_write.h, straight from the text), so a batch is run one way.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"
#include "engine/core/engine_state.h"
#include "engine/store/table.h"
#include "engine/value/attribute_value.h"
#include "engine/value/primary_key.h"

namespace ddbpg::api {

// One put or delete of a BatchWriteItem, validated.
struct PendingWrite {
  // The WriteRequest as sent, for UnprocessedItems: its tree (the general reader) or its text
  // (the plain reader, which read only plainly valid JSON).
  const nlohmann::json* request = nullptr;
  std::string_view request_text;
  bool is_put = false;
  value::Item attributes;  // the item to put, or the key to delete
  value::PrimaryKey key;   // set by ResolveWrites
};

struct TableWrites {
  std::string name;
  store::Table* table = nullptr;  // set by ResolveWrites
  std::vector<PendingWrite> writes;
};

// The checks of an item to put that need no table: its size, and its attribute names' sizes.
base::Status CheckItemToPut(const value::Item& item);

// Table by table: lookup, each request's key against the schema, then duplicates (a put and a
// delete of one item count as duplicates too); once every table is resolved, each write against
// its item collection's size limit. Nothing is written; the first failure is the request's error.
base::Status ResolveWrites(core::EngineState& state, std::vector<TableWrites>& tables);

// Runs every resolved write through the write path, in order; a throttled one is left in
// UnprocessedItems. `options` holds ReturnConsumedCapacity and ReturnItemCollectionMetrics
// (the request itself, or just those members). The answer, or the first throttle when no write
// was done. Each write's key and item are moved to the write path: `tables` is used up.
base::Result<nlohmann::json> RunWrites(core::EngineState& state, std::vector<TableWrites>& tables,
                                       const nlohmann::json& options);

}  // namespace ddbpg::api
