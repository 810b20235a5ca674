// The legacy conditional parameters older applications still send (Expected, KeyConditions,
// QueryFilter, ScanFilter with ConditionalOperator, and AttributeUpdates), validated with
// DynamoDB's messages and translated into the same expression trees the modern parameters
// produce, so one evaluator serves both.
#pragma once

#include <optional>
#include <nlohmann/json.hpp>

#include "engine/base/status.h"
#include "engine/expr/ast.h"
#include "engine/value/attribute_value.h"

namespace ddbpg::api {

using json = nlohmann::json;

// Values the translation introduced, named ":legacy0", ":legacy1", ... in the trees.
struct LegacyTranslation {
  std::optional<expr::Condition> condition;
  std::optional<expr::UpdateExpression> update;
  value::Item values;
};

// Expected (with ConditionalOperator) as a condition.
base::Status TranslateExpected(const json& expected, const json& conditional_operator,
                               LegacyTranslation& out);

// QueryFilter / ScanFilter / KeyConditions (with ConditionalOperator) as a condition. For
// KeyConditions the result is a conjunction the key-condition planner accepts.
base::Status TranslateConditions(const json& conditions, const json& conditional_operator,
                                 LegacyTranslation& out);

// AttributeUpdates as an update expression.
base::Status TranslateAttributeUpdates(const json& updates, LegacyTranslation& out);

}  // namespace ddbpg::api
