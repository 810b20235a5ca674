// The one table from ErrorType to the wire: `__type` string, HTTP status, and the JSON key
// that carries the message (the Coral serialization errors spell it "Message").
#pragma once

#include <string>

#include "engine/base/status.h"

namespace ddbpg::api {

struct WireError {
  const char* type;         // full `__type`, e.g. "com.amazonaws.dynamodb.v20120810#..."
  int http_status;          // 400 for the caller's errors, 500 for ours
  const char* message_key;  // "message" or "Message"
};

WireError WireErrorOf(base::ErrorType type);

// The Code an error has where a response lists errors per item instead of failing: a
// BatchExecuteStatement statement's Error (BatchStatementErrorCodeEnum) and a transaction's
// CancellationReasons (TransactionCanceledException), which name the same codes:
// ProvisionedThroughputExceeded, ThrottlingError, ItemCollectionSizeLimitExceeded, ...
const char* ReasonCodeOf(base::ErrorType type);

// The response body DynamoDB sends for `status`, as JSON text.
std::string ErrorBody(const base::Status& status);

}  // namespace ddbpg::api
