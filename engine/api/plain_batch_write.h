// BatchWriteItem read straight from its text, without a tree, for the batches most are: puts
// and deletes of plainly valid items and keys (value/item_text.h), every count within its
// limit, and the return options. For anything else the reader returns nullopt, and the
// dispatcher reads the request as a tree for api::BatchWriteItem, which answers these requests
// exactly as this does and every other request as the service does. Both run the batch with
// batch_writes.h. A test sends random batches both ways and compares answers and tables.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/api/batch_writes.h"
#include "engine/base/status.h"
#include "engine/core/engine_state.h"

namespace ddbpg::api {

struct PlainBatchWrite {
  // In table name order, as the general reader's tree holds them; each write keeps its
  // WriteRequest's text (a view into the request) for UnprocessedItems.
  std::vector<TableWrites> tables;
  // ReturnConsumedCapacity and ReturnItemCollectionMetrics, as sent (null when neither was).
  nlohmann::json return_options;
};

// The request when it is plain: only the members above, each once and valid, 1 to 25 writes in
// all, each WriteRequest exactly one PutRequest {Item} or DeleteRequest {Key} read by
// value::ReadPlainItem; nullopt otherwise. The views point into `body`.
std::optional<PlainBatchWrite> ReadPlainBatchWrite(std::string_view body);

// The answer, as api::BatchWriteItem gives it; nullopt, with nothing changed, when the request
// fails a check (an item too large or with an attribute name too long, an unknown table, a key not
// the table's, a key twice, an item collection full), which api::BatchWriteItem then reports.
std::optional<base::Result<std::string>> WritePlainBatch(core::EngineState& state,
                                                         PlainBatchWrite& request);

}  // namespace ddbpg::api
