// DynamoDB's reserved words, which an expression may not use as attribute names without an
// ExpressionAttributeNames placeholder.
#pragma once

#include <string_view>

namespace ddbpg::expr {

// Case-insensitive, as the service treats them.
bool IsReservedWord(std::string_view word);

}  // namespace ddbpg::expr
