// A table's ARN where a request names an existing table: TableName (every operation on a table
// but CreateTable), a batch's RequestItems keys and a transaction's TableName members. The API
// reference: "You can also provide the Amazon Resource Name (ARN) of the table in this
// parameter." The ARN is read as the table's name before anything else looks at the request, so
// every later check, message and answer (ConsumedCapacity, a batch's Responses and Unprocessed
// members) names the table, as the service's do. See docs/api-coverage.md, "Tables by ARN".
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "engine/base/status.h"
#include "engine/core/engine_state.h"

namespace ddbpg::api {

// Rewrites, in `request` for `operation` ("GetItem"), every table named by ARN to its name. A
// value that does not start with "arn:" is left to the operation's own checks. An ARN for
// another service or account is AccessDeniedException (as for the tagging operations); one for
// another region or partition, or that names no table or something under a table (an index, a
// stream, a backup), is a ValidationException; a batch that names one table twice, once by ARN,
// is a ValidationException. Nothing is looked up: a well-formed ARN of a missing table becomes
// its name, and the operation answers ResourceNotFoundException as for the name.
base::Status ResolveTableArns(const core::EngineState& state, std::string_view operation,
                              nlohmann::json& request);

}  // namespace ddbpg::api
