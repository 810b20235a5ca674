// Writes parts of a PartiQL statement as DynamoDB expression text: every attribute name becomes
// a "#pN" placeholder and every value a ":pN" one, collected for ExpressionAttributeNames and
// ExpressionAttributeValues. The JSON API's own parser and evaluator then run the result, so
// PartiQL has no evaluator of its own.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/base/status.h"
#include "engine/partiql/ast.h"

namespace ddbpg::api {

using json = nlohmann::json;

// A literal as an AttributeValue in DynamoDB JSON: 'a' is S, 1 is N, <<'a'>> is SS, `?` is the
// request's parameter as given. A bag mixing types, or empty, is a ValidationException. A number
// literal the statement reader cannot convert is a syntax error; one out of range or too long is
// refused naming where it sits below `path` ("root", "root.x", "root[1]"; captured in 2026). An
// empty `path` makes a tuple's members each a root, as an INSERT's item's attributes are.
base::Result<json> LiteralValue(const partiql::Literal& literal, const json& parameters,
                                const std::string& path = "root");

class ExpressionWriter {
 public:
  explicit ExpressionWriter(const json& parameters) : parameters_(parameters) {}

  // "#p0.#p1[2]"
  std::string Path(const partiql::Path& path);
  // ":p3", holding the literal's value.
  base::Result<std::string> Value(const partiql::Literal& literal);
  // A WHERE condition as a ConditionExpression / FilterExpression.
  base::Result<std::string> Condition(const partiql::Expr& condition);
  // The right side of SET path = value: operands, + and -, list_append and if_not_exists.
  base::Result<std::string> SetValue(const partiql::Expr& value);

  // The placeholders used so far; empty objects are left out of the request by the caller.
  const json& names() const { return names_; }
  const json& values() const { return values_; }
  // Adds both maps to `request` when they hold anything.
  void AddTo(json& request) const;

 private:
  base::Result<std::string> Operand(const partiql::Expr& operand);
  base::Result<std::string> Call(const partiql::Expr& call);

  const json& parameters_;
  json names_ = json::object();
  json values_ = json::object();
  int next_ = 0;
};

}  // namespace ddbpg::api
