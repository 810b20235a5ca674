// The resources the tagging and resource-policy operations name by ARN: a table, or a table's
// stream (arn:aws:dynamodb:<region>:<account>:table/<name>[/stream/<label>]), for tagging checked
// in two steps at the two places the service checks them. Texts captured from the live service
// (2026, and dynalite's recordings for the access errors); see docs/api-coverage.md, "Tags" and
// "PutResourcePolicy".
#pragma once

#include <string>
#include <string_view>

#include "engine/base/status.h"
#include "engine/core/engine_state.h"

namespace ddbpg::api {

// What a well-formed ARN names.
struct ResourceArn {
  std::string table_name;
  std::string stream_label;  // empty when the ARN names the table itself
};

// The service's first check, before it looks at the request's members (it is its
// authorization's): an ARN must start with "arn:" (ValidationException), and one for another
// service or another account is AccessDeniedException for `operation` ("TagResource"). An ARN
// too short to name a service or an account passes here and fails in ParseResourceArn.
base::Status CheckArnAccess(const core::EngineState& state, const std::string& arn,
                            std::string_view operation);

// The rest, after the members: this partition and region and a valid table name ("Invalid
// TableArn: ..."), a table or stream ARN (an index ARN, and a backup's or anything else under
// "table/", are ValidationExceptions with their own texts). Does not look the resource up.
base::Result<ResourceArn> ParseResourceArn(const core::EngineState& state, const std::string& arn);

// The resource-policy operations' whole check of an ARN, in their own words (2026 captures):
// "arn:" first, then another service ("not a DynamoDB resource arn"), another account ("only
// supported by accounts that match the resource owner's account"), another partition or region
// ("Invalid resource Arn"), then the table path as ParseResourceArn reads it. All are
// ValidationExceptions. Does not look the resource up.
base::Result<ResourceArn> ParsePolicyResourceArn(const core::EngineState& state,
                                                 const std::string& arn);

}  // namespace ddbpg::api
