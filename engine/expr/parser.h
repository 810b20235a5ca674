// Parsers for DynamoDB's expression languages. One lexer and one set of productions (paths,
// operands, conditions) serve all five kinds; errors carry the service's messages, prefixed
// with the kind ("Invalid ConditionExpression: Syntax error; token: ...").
#pragma once

#include <string>
#include <string_view>

#include "engine/base/status.h"
#include "engine/expr/ast.h"

namespace ddbpg::expr {

// The request member an expression came from; it names the expression in error messages.
enum class ExpressionKind {
  kCondition,
  kFilter,
  kKeyCondition,
  kProjection,
  kUpdate,
};

// "ConditionExpression", "FilterExpression", ...
std::string_view ExpressionMemberName(ExpressionKind kind);

// Condition, filter and key-condition expressions share one grammar.
base::Result<Condition> ParseCondition(std::string_view text, ExpressionKind kind);
base::Result<ProjectionExpression> ParseProjection(std::string_view text);
base::Result<UpdateExpression> ParseUpdate(std::string_view text);

}  // namespace ddbpg::expr
