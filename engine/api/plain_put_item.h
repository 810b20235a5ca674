// PutItem read straight from its text, without a tree, for the requests most writes are: a
// table name, an item of plainly valid values (value/item_text.h) and the return options. For
// anything else the reader returns nullopt, and the dispatcher reads the request as a tree and
// runs api::PutItem, which answers these requests exactly as this does and every other request
// as the service does. A test sends random requests both ways and compares answers and tables.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "engine/base/status.h"
#include "engine/core/engine_state.h"
#include "engine/value/attribute_value.h"

namespace ddbpg::api {

struct PlainPutItem {
  std::string table_name;
  value::Item item;
  // ReturnValues (NONE or ALL_OLD), ReturnConsumedCapacity and ReturnItemCollectionMetrics, as
  // sent: what shapes the answer (null when none was sent).
  nlohmann::json return_options;
};

// The request when it is plain: only the members above, each once and valid, the item read by
// value::ReadPlainItem; nullopt otherwise.
std::optional<PlainPutItem> ReadPlainPutItem(std::string_view body);

// The answer, as api::PutItem gives it; nullopt, with nothing changed, when the request needs a
// check only api::PutItem makes (an unknown table, an item without its key or too large).
std::optional<base::Result<std::string>> PutPlainItem(core::EngineState& state,
                                                      PlainPutItem& request);

}  // namespace ddbpg::api
