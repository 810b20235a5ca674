// KeyConditionExpression: the subset of the condition grammar a Query accepts (partition key
// equality, at most one sort-key condition), turned into a plan the store can execute.
#pragma once

#include <optional>
#include <string>

#include "engine/base/status.h"
#include "engine/expr/ast.h"
#include "engine/expr/context.h"
#include "engine/value/attribute_value.h"

namespace ddbpg::expr {

struct SortKeyCondition {
  enum class Op { kEq, kLt, kLe, kGt, kGe, kBetween, kBeginsWith };
  Op op = Op::kEq;
  AttributeValue value;
  AttributeValue upper;  // kBetween only
};

struct KeyConditionPlan {
  AttributeValue partition_value;
  std::optional<SortKeyCondition> sort;
};

struct KeySchemaView {
  std::string partition_name;
  AttributeType partition_type;
  std::string sort_name;  // empty when the table has no sort key
  AttributeType sort_type = AttributeType::kS;
};

// Checks a resolved key condition against the key schema and extracts the plan, with the
// service's messages for conditions a Query cannot execute.
Result<KeyConditionPlan> PlanKeyCondition(const Condition& condition,
                                          const ExpressionContext& context,
                                          const KeySchemaView& schema);

// Whether a sort key value satisfies the plan's sort-key condition.
bool SortKeyMatches(const SortKeyCondition& condition, const AttributeValue& sort_value);

}  // namespace ddbpg::expr
