// The expression members of one request: ExpressionAttributeNames and ExpressionAttributeValues
// validated the way DynamoDB validates them, and each expression parsed and resolved against
// them, so a handler receives ready-to-evaluate trees (expr::RequestExpressions) or the
// service's exact error.
#pragma once

#include <initializer_list>
#include <optional>
#include <vector>
#include <nlohmann/json.hpp>

#include "engine/base/status.h"
#include "engine/expr/ast.h"
#include "engine/expr/context.h"
#include "engine/expr/parser.h"
#include "engine/expr/request_expressions.h"
#include "engine/value/ddb_json.h"

namespace ddbpg::api {

using json = nlohmann::json;
using expr::RequestExpressions;

struct ExpressionMember {
  const char* name;  // "ConditionExpression", "UpdateExpression", ...
  expr::ExpressionKind kind;
};

// The legacy member that an expression member replaces, for the mixing rule.
struct LegacyMember {
  const char* name;  // "Expected", "AttributesToGet", ...
};

// The first rule of all: expression and legacy members cannot be mixed. Handlers call this
// before decoding any value, as the service does.
base::Status CheckExpressionMixing(const json& request,
                                   std::initializer_list<ExpressionMember> members,
                                   std::initializer_list<const char*> legacy);

// ExpressionAttributeNames need an expression of `members`, and ExpressionAttributeValues one
// that takes values (not a projection). A request in the legacy parameters has no expressions:
// checked with no `members`, it may hold neither.
base::Status CheckPlaceholdersNeedExpressions(const json& request,
                                              std::initializer_list<ExpressionMember> members);

// Validates the placeholders and parses every expression member of `request` named in
// `members`. `legacy` lists the request's legacy members that cannot be mixed with them.
// The messages are bare; PutItem, UpdateItem and DeleteItem wrap them (PrepareWrite).
// `owner` says whose expressions they are, since a transaction's actions differ in two ways
// (captured from the service): they take ExpressionAttributeNames and Values with no expression
// at all and ignore them, where every other request refuses them; and their condition's size
// fault names the size. `layer` words a value's faults (value::ValueLayer): a Scan's in the
// older layer, inside "ExpressionAttributeValues contains invalid value: ... for key :v".
enum class ExpressionOwner { kRequest, kTransactionAction };
base::Result<RequestExpressions> ParseRequestExpressions(
    const json& request, std::initializer_list<ExpressionMember> members,
    std::initializer_list<const char*> legacy,
    ExpressionOwner owner = ExpressionOwner::kRequest,
    value::ValueLayer layer = value::ValueLayer::kCurrent);

// The paths a read returns: ProjectionExpression's, or AttributesToGet's top-level names; empty
// for the whole item.
std::vector<expr::Path> ProjectionPaths(const RequestExpressions& expressions,
                                        const json& attributes_to_get);

}  // namespace ddbpg::api
