// The expressions of one request, each parsed and resolved against the request's placeholders
// (or translated from its legacy members): what the operations evaluate. The api layer makes
// them from a request (api/expression_params.h); below it no request is seen.
#pragma once

#include <optional>
#include <utility>

#include "engine/expr/ast.h"
#include "engine/expr/context.h"
#include "engine/value/attribute_value.h"

namespace ddbpg::expr {

class RequestExpressions {
 public:
  struct Parts {
    ExpressionContext context;
    std::optional<Condition> condition;
    std::optional<Condition> filter;
    std::optional<Condition> key_condition;
    std::optional<UpdateExpression> update;
    std::optional<ProjectionExpression> projection;
  };

  RequestExpressions() = default;
  explicit RequestExpressions(Parts parts) : parts_(std::move(parts)) {}

  // The trees a request's legacy members translated to (api/legacy_parameters.h), with the
  // values the translation introduced; evaluated exactly like expressions.
  static RequestExpressions FromLegacy(value::Item values, std::optional<Condition> condition,
                                       std::optional<UpdateExpression> update,
                                       std::optional<Condition> filter,
                                       std::optional<Condition> key_condition) {
    Parts parts;
    parts.context = ExpressionContext({}, std::move(values));
    parts.condition = std::move(condition);
    parts.update = std::move(update);
    parts.filter = std::move(filter);
    parts.key_condition = std::move(key_condition);
    return RequestExpressions(std::move(parts));
  }

  const std::optional<Condition>& condition() const { return parts_.condition; }
  const std::optional<Condition>& filter() const { return parts_.filter; }
  const std::optional<Condition>& key_condition() const { return parts_.key_condition; }
  const std::optional<UpdateExpression>& update() const { return parts_.update; }
  const std::optional<ProjectionExpression>& projection() const { return parts_.projection; }
  const ExpressionContext& context() const { return parts_.context; }

 private:
  Parts parts_;
};

}  // namespace ddbpg::expr
