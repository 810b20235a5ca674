// A write request made ready for the write path (core/write_path.h): its values decoded, its
// expressions (or legacy members) parsed, its table and key found, each with the service's
// error when wrong.
#pragma once

#include <nlohmann/json.hpp>

#include "engine/api/expression_params.h"
#include "engine/base/status.h"
#include "engine/core/engine_state.h"
#include "engine/core/write_path.h"

namespace ddbpg::api {

using json = nlohmann::json;
using core::PreparedWrite;
using core::WriteKind;

// Validates one write request after its shape and member constraints have been checked:
// values, expressions, table and key. `kind` names the member holding the attributes ("Item"
// for puts, "Key" otherwise). `envelope` wraps the faults of the expressions, placeholders and
// legacy members in "1 validation error detected: ", as PutItem, UpdateItem and DeleteItem answer
// (and the values' faults, value::DecodeItem); `owner` as in ParseRequestExpressions.
base::Result<PreparedWrite> PrepareWrite(
    core::EngineState& state, const json& request, WriteKind kind, bool envelope,
    ExpressionOwner owner = ExpressionOwner::kRequest);

}  // namespace ddbpg::api
