// The size UpdateItem gives its UpdateExpression in most regions, checked against the 400 KB
// item limit beside the finished item's own size (paritysuite's itemSizeBySurface, captured in
// eu-west-2 in 2026 and measured across 33 regions). It is not the item's size: it counts what
// each clause writes from the request and a fixed cost per clause, so the key and every
// attribute the update leaves alone are out of it.
#pragma once

#include <cstddef>

#include "engine/expr/ast.h"
#include "engine/expr/context.h"
#include "engine/value/attribute_value.h"

namespace ddbpg::expr {

// The statement size of a resolved `update` over `current` (null: no item yet), whose set
// members an ADD already holds are not counted again:
//   3 for the update, plus for each clause
//   SET path = v       19 + the target + v's operand size
//   ADD path v         19 + the target + the bytes v adds (a set's new members only)
//   REMOVE / DELETE    1 + the target
// A target is its first name's bytes, plus 4 and the element for each later element (a name's
// bytes, or a list index's digits). An operand: a path 1, plus 14 and the element for each
// element; a :value its size, at every use; x + y 34, x - y 37, if_not_exists 39 and
// list_append 37, each plus its operands.
size_t UpdateStatementSize(const UpdateExpression& update, const ExpressionContext& context,
                           const value::Item* current);

}  // namespace ddbpg::expr
