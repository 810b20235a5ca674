// The expression members of one request: ExpressionAttributeNames and ExpressionAttributeValues
// validated the way DynamoDB validates them, and each expression parsed and resolved against
// them, so a handler receives ready-to-evaluate trees or the service's exact error.
#pragma once

#include <initializer_list>
#include <optional>
#include <vector>
#include <nlohmann/json.hpp>

#include "engine/base/status.h"
#include "engine/expr/ast.h"
#include "engine/expr/context.h"
#include "engine/expr/parser.h"

namespace ddbpg {

using json = nlohmann::json;

struct ExpressionMember {
  const char* name;  // "ConditionExpression", "UpdateExpression", ...
  expr::ExpressionKind kind;
};

// The legacy member that an expression member replaces, for the mixing rule.
struct LegacyMember {
  const char* name;  // "Expected", "AttributesToGet", ...
};

class RequestExpressions {
 public:
  // The first rule of all: expression and legacy members cannot be mixed. Handlers call this
  // before decoding any value, as the service does.
  static Status CheckMixing(const json& request, std::initializer_list<ExpressionMember> members,
                            std::initializer_list<const char*> legacy);

  // Validates the placeholders and parses every expression member of `request` named in
  // `members`. `legacy` lists the request's legacy members that cannot be mixed with them.
  // `envelope` wraps the request-level messages in "1 validation error detected: " as
  // PutItem, UpdateItem and DeleteItem do.
  static Result<RequestExpressions> Parse(const json& request,
                                          std::initializer_list<ExpressionMember> members,
                                          std::initializer_list<const char*> legacy,
                                          bool envelope);

  // The trees a request's legacy members translated to (legacy_parameters.h), with the values
  // the translation introduced; evaluated exactly like expressions.
  static RequestExpressions FromLegacy(Item values, std::optional<expr::Condition> condition,
                                       std::optional<expr::UpdateExpression> update,
                                       std::optional<expr::Condition> filter,
                                       std::optional<expr::Condition> key_condition);

  const std::optional<expr::Condition>& condition() const { return condition_; }
  const std::optional<expr::Condition>& filter() const { return filter_; }
  const std::optional<expr::Condition>& key_condition() const { return key_condition_; }
  const std::optional<expr::UpdateExpression>& update() const { return update_; }
  const std::optional<expr::ProjectionExpression>& projection() const { return projection_; }
  const expr::ExpressionContext& context() const { return context_; }

 private:
  std::optional<expr::Condition> condition_;
  std::optional<expr::Condition> filter_;
  std::optional<expr::Condition> key_condition_;
  std::optional<expr::UpdateExpression> update_;
  std::optional<expr::ProjectionExpression> projection_;
  expr::ExpressionContext context_;
};

// The paths a read returns: ProjectionExpression's, or AttributesToGet's top-level names; empty
// for the whole item.
std::vector<expr::Path> ProjectionPaths(const RequestExpressions& expressions,
                                        const json& attributes_to_get);

}  // namespace ddbpg
