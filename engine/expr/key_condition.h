// KeyConditionExpression: the subset of the condition grammar a Query accepts (partition key
// equality, at most one sort-key condition), turned into a plan the store can execute.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/base/status.h"
#include "engine/expr/ast.h"
#include "engine/expr/context.h"
#include "engine/value/attribute_value.h"

namespace ddbpg::expr {

struct SortKeyCondition {
  enum class Op { kEq, kLt, kLe, kGt, kGe, kBetween, kBeginsWith };
  Op op = Op::kEq;
  value::AttributeValue value;
  value::AttributeValue upper;  // kBetween only
};

struct KeyConditionPlan {
  value::AttributeValue partition_value;
  std::optional<SortKeyCondition> sort;
};

struct KeySchemaView {
  std::string partition_name;
  value::AttributeType partition_type;
  std::string sort_name;  // empty when the table has no sort key
  value::AttributeType sort_type = value::AttributeType::kS;
};

// Checks a resolved key condition against the key schema and extracts the plan, with the
// service's messages for conditions a Query cannot execute.
base::Result<KeyConditionPlan> PlanKeyCondition(const Condition& condition,
                                                const ExpressionContext& context,
                                                const KeySchemaView& schema);

// A global index with a multi-attribute key (up to four partition-key and four sort-key
// attributes, November 2025): each attribute's name and type, in key-schema order.
struct MultiKeySchemaView {
  std::vector<std::pair<std::string, value::AttributeType>> partition;
  std::vector<std::pair<std::string, value::AttributeType>> sort;
};

struct MultiKeyConditionPlan {
  std::vector<value::AttributeValue> partition_values;  // one per partition-key attribute
  // Conditions on a prefix of the sort-key attributes: equality on all but the last.
  std::vector<SortKeyCondition> sort;
};

// The Developer Guide's rules for multi-attribute keys: every partition-key attribute by
// equality; sort-key attributes left to right with no gap; a range condition only on the last.
base::Result<MultiKeyConditionPlan> PlanMultiKeyCondition(const Condition& condition,
                                                          const ExpressionContext& context,
                                                          const MultiKeySchemaView& schema);

// Whether a sort key value satisfies the plan's sort-key condition.
bool SortKeyMatches(const SortKeyCondition& condition, const value::AttributeValue& sort_value);

}  // namespace ddbpg::expr
