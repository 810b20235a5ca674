// UpdateExpression: the request-time rules (key attributes, overlapping paths, operand types)
// and the application of SET, REMOVE, ADD and DELETE to an item.
#pragma once

#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/expr/ast.h"
#include "engine/expr/context.h"
#include "engine/value/attribute_value.h"

namespace ddbpg::expr {

// How functions may be combined, checked once the placeholders are resolved: the first
// argument of if_not_exists must be a document path, and list_append may not take a
// list_append (measured on DynamoDB by ScyllaDB's tests; list_append(if_not_exists(...), ...)
// is fine).
base::Status CheckUpdateFunctions(const UpdateExpression& update);

// Rules DynamoDB checks before reading the item. `key_names` are the table's key attributes,
// which an update may not touch.
base::Status CheckUpdate(const UpdateExpression& update, const ExpressionContext& context,
                         const std::vector<std::string>& key_names);

// Applies a checked update to `item` (the existing item, or the key alone for a new one). Every
// operand reads the item as it was before the update. Errors are DynamoDB's
// ValidationExceptions; on error `item` is unchanged.
base::Status ApplyUpdate(const UpdateExpression& update, const ExpressionContext& context,
                         value::Item& item);

// The paths an update writes or removes, for ReturnValues UPDATED_OLD / UPDATED_NEW.
std::vector<Path> UpdatedPaths(const UpdateExpression& update);

}  // namespace ddbpg::expr
