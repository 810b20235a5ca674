// GetItem read straight from its text, without a tree, for the requests most reads are: a table
// name, a key of plain values (value/item_text.h), ConsistentRead and ReturnConsumedCapacity.
// For anything else the reader returns nullopt and the dispatcher reads the request as a tree
// for api::GetItem, which answers these exactly as this does (api/get_item_answer.h) and every
// other request as the service does. A test sends random requests both ways and compares.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/api/consumed_capacity.h"
#include "engine/base/status.h"
#include "engine/core/engine_state.h"
#include "engine/value/attribute_value.h"

namespace ddbpg::api {

struct PlainGetItem {
  std::string table_name;
  value::Item key;
  bool consistent = false;
  ReturnConsumedCapacity return_consumed_capacity = ReturnConsumedCapacity::kNone;
};

// The request when it is plain: only the members above, each once and valid; nullopt otherwise.
std::optional<PlainGetItem> ReadPlainGetItem(std::string_view body);

// The answer, as api::GetItem gives it; nullopt when the request needs a check only
// api::GetItem makes (an unknown table, a key that is not the table's).
std::optional<base::Result<std::string>> GetPlainItem(core::EngineState& state,
                                                      const PlainGetItem& request);

}  // namespace ddbpg::api
