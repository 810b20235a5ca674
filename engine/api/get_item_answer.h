// The answer of a GetItem whose request has passed its checks, the same whichever way the request
// was read (api::GetItem from the tree, plain_get_item.h from the text).
#pragma once

#include <string>
#include <vector>

#include "engine/api/consumed_capacity.h"
#include "engine/base/status.h"
#include "engine/capacity/capacity_charge.h"
#include "engine/core/engine_state.h"
#include "engine/expr/ast.h"
#include "engine/store/table.h"
#include "engine/value/primary_key.h"

namespace ddbpg::api {

// Reads the item under `key` (admitted by the table's read capacity) and writes the response:
// ConsumedCapacity as `mode` asks, then Item (only `paths`, when not empty) when it exists.
// `charge`, when given, receives the units consumed.
base::Result<std::string> AnswerGetItem(core::EngineState& state, store::Table& table,
                                        const value::PrimaryKey& key, bool consistent,
                                        ReturnConsumedCapacity mode,
                                        const std::vector<expr::Path>& paths,
                                        capacity::CapacityCharge* charge);

}  // namespace ddbpg::api
