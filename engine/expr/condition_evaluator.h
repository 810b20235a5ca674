// Condition, filter and key-condition evaluation, and the rules DynamoDB checks against the
// supplied values before it reads any item (operand types of functions, BETWEEN bounds).
#pragma once

#include <optional>

#include "engine/base/status.h"
#include "engine/expr/ast.h"
#include "engine/expr/context.h"
#include "engine/expr/parser.h"
#include "engine/value/attribute_value.h"

namespace ddbpg::expr {

// The request-time rules of a resolved condition. Errors name the expression `kind`.
base::Status CheckCondition(const Condition& condition, const ExpressionContext& context,
                            ExpressionKind kind);

// Whether `item` satisfies a checked condition; an absent item is an empty one.
bool EvaluateCondition(const Condition& condition, const value::Item& item,
                       const ExpressionContext& context);

// The value of an operand against `item`: a path's value, a placeholder's value, or size().
// nullopt when the path names nothing (or size() of a value without a size).
std::optional<value::AttributeValue> EvaluateOperand(const Operand& operand,
                                                     const value::Item& item,
                                                     const ExpressionContext& context);

}  // namespace ddbpg::expr
