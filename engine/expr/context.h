// ExpressionContext: one request's ExpressionAttributeNames and ExpressionAttributeValues, the
// substitution of their placeholders into parsed expressions, and the bookkeeping behind the
// service's "undefined" and "unused" errors.
#pragma once

#include <map>
#include <set>
#include <string>

#include "engine/base/status.h"
#include "engine/expr/ast.h"
#include "engine/expr/parser.h"
#include "engine/value/attribute_value.h"

namespace ddbpg::expr {

class ExpressionContext {
 public:
  ExpressionContext() = default;
  ExpressionContext(std::map<std::string, std::string> names, value::Item values)
      : names_(std::move(names)), values_(std::move(values)) {}

  // Replace every #name in the expression by the attribute name it stands for and check that
  // every :value is defined. Errors name the expression `kind`.
  base::Status Resolve(Condition& condition, ExpressionKind kind);
  base::Status Resolve(UpdateExpression& update);
  base::Status Resolve(ProjectionExpression& projection);

  // The value a resolved `:name` stands for (never null after a successful Resolve).
  const value::AttributeValue* Value(const std::string& placeholder) const;

  // The service's error when a supplied name or value went unused by every expression.
  base::Status CheckAllUsed() const;

 private:
  base::Status ResolvePath(Path& path, ExpressionKind kind);
  base::Status ResolveOperand(Operand& operand, ExpressionKind kind);

  std::map<std::string, std::string> names_;
  value::Item values_;
  std::set<std::string> used_names_;
  std::set<std::string> used_values_;
};

}  // namespace ddbpg::expr
