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

// The response body DynamoDB sends for `status`, as JSON text.
std::string ErrorBody(const base::Status& status);

}  // namespace ddbpg::api
