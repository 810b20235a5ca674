#include "engine/api/expression_params.h"

#include <map>
#include <string>

#include "engine/api/request_schema.h"
#include "engine/expr/condition_evaluator.h"
#include "engine/expr/document.h"
#include "engine/expr/update_evaluator.h"
#include "engine/value/ddb_json.h"

namespace ddbpg::api {
namespace {

constexpr size_t kMaxExpressionBytes = 4096;  // ServiceQuotas: each expression at most 4 KB

bool IsPlaceholderKey(const std::string& key, char sigil) {
  if (key.size() < 2 || key[0] != sigil) return false;
  for (size_t i = 1; i < key.size(); ++i) {
    char c = key[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

}  // namespace

base::Status CheckExpressionMixing(const json& request,
                                   std::initializer_list<ExpressionMember> members,
                                   std::initializer_list<const char*> legacy) {
  std::vector<std::string> used_expressions;
  std::vector<std::string> used_legacy;
  for (const ExpressionMember& member : members) {
    if (!Member(request, member.name).is_null()) used_expressions.push_back(member.name);
  }
  for (const char* member : legacy) {
    if (!Member(request, member).is_null()) used_legacy.push_back(member);
  }
  if (used_expressions.empty() || used_legacy.empty()) return base::Status::OK();
  return base::Status::Validation(
      "Can not use both expression and non-expression parameters in the same request: "
      "Non-expression parameters: {" +
      JoinNames(used_legacy) + "} Expression parameters: {" + JoinNames(used_expressions) + "}");
}

base::Status CheckPlaceholdersNeedExpressions(const json& request,
                                              std::initializer_list<ExpressionMember> members) {
  bool uses_expressions = false;
  bool uses_values = false;
  for (const ExpressionMember& member : members) {
    const bool present = !Member(request, member.name).is_null();
    uses_expressions = uses_expressions || present;
    if (member.kind != expr::ExpressionKind::kProjection) uses_values = uses_values || present;
  }
  // Older answers named the expressions left out ("...: ConditionExpression is null", dynalite's
  // recordings); the service has sent these texts alone since (2026 captures).
  if (!Member(request, "ExpressionAttributeNames").is_null() && !uses_expressions) {
    return base::Status::Validation(
        "ExpressionAttributeNames can only be specified when using expressions");
  }
  if (!Member(request, "ExpressionAttributeValues").is_null() && !uses_values) {
    return base::Status::Validation(
        "ExpressionAttributeValues can only be specified when using expressions");
  }
  return base::Status::OK();
}

namespace {

// Resolves a condition's placeholders and checks its operands. A KeyConditionExpression's
// clauses are taken one at a time in the order written, so a bad operand reaches the caller
// before an undefined value in a later clause (captured from the service, 2026); the other
// conditions resolve every placeholder first.
base::Status ResolveAndCheck(expr::Condition& condition, expr::ExpressionContext& context,
                             expr::ExpressionKind kind) {
  if (kind == expr::ExpressionKind::kKeyCondition &&
      condition.kind == expr::Condition::Kind::kAnd) {
    for (expr::Condition& clause : condition.children) {
      if (base::Status s = ResolveAndCheck(clause, context, kind); !s.ok()) return s;
    }
    return base::Status::OK();
  }
  if (base::Status s = context.Resolve(condition, kind); !s.ok()) return s;
  return expr::CheckCondition(condition, context, kind);
}

}  // namespace

base::Result<RequestExpressions> ParseRequestExpressions(
    const json& request, std::initializer_list<ExpressionMember> members,
    std::initializer_list<const char*> legacy, ExpressionOwner owner,
    value::ValueLayer layer) {
  auto fail = [](const std::string& message) { return base::Status::Validation(message); };
  if (base::Status s = CheckExpressionMixing(request, members, legacy); !s.ok()) return s;
  bool any_expression = false;
  for (const ExpressionMember& member : members) {
    any_expression = any_expression || !Member(request, member.name).is_null();
  }
  const bool unused_allowed = owner == ExpressionOwner::kTransactionAction && !any_expression;
  if (!unused_allowed) {
    if (base::Status s = CheckPlaceholdersNeedExpressions(request, members); !s.ok()) {
      return s;
    }
  }
  const json& names = Member(request, "ExpressionAttributeNames");
  const json& values = Member(request, "ExpressionAttributeValues");
  if (!names.is_null() && names.empty()) return fail("ExpressionAttributeNames must not be empty");
  if (!values.is_null() && values.empty()) {
    return fail("ExpressionAttributeValues must not be empty");
  }

  std::map<std::string, std::string> name_map;
  if (names.is_object()) {
    for (const auto& [key, value] : names.items()) {
      if (!IsPlaceholderKey(key, '#')) {
        return fail("ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key +
                    "\"");
      }
      std::string name = value.get<std::string>();
      if (name.empty()) {
        return fail(
            "ExpressionAttributeNames contains invalid value: Empty attribute name for key " + key);
      }
      name_map[key] = std::move(name);
    }
  }
  value::Item value_map;
  if (values.is_object()) {
    for (const auto& [key, value] : values.items()) {
      if (!IsPlaceholderKey(key, ':')) {
        return fail("ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key +
                    "\"");
      }
      const std::string for_key = " for key " + key;
      base::Result<value::AttributeValue> decoded = value::DecodeAttributeValue(
          value, {.layer = layer,
                  .fault_prefix = "ExpressionAttributeValues contains invalid value: ",
                  .fault_suffix = for_key});
      if (!decoded.ok()) return fail(decoded.status().message());
      value_map.emplace(key, std::move(*decoded));
    }
  }

  RequestExpressions::Parts parsed;
  parsed.context = expr::ExpressionContext(std::move(name_map), std::move(value_map));
  for (const ExpressionMember& member : members) {
    const json& text_json = Member(request, member.name);
    if (text_json.is_null()) continue;
    const std::string& text = text_json.get_ref<const std::string&>();
    if (text.size() > kMaxExpressionBytes) {
      // The older layer's checks (a Scan's) and a transaction's name the size, and never an
      // UpdateExpression's (captured in 2026: a Scan's filter and a transaction's condition
      // end "; expression size: 4097", a Query's filter, GetItem's projection, PutItem's
      // condition and every UpdateExpression end at "size;"; a Scan's projection and a
      // TransactGetItems projection are taken to follow their operation).
      const bool names_size = member.kind != expr::ExpressionKind::kUpdate &&
                              (layer == value::ValueLayer::kOlder ||
                               owner == ExpressionOwner::kTransactionAction);
      return base::Status::Validation(
          "Invalid " + std::string(member.name) +
          ": Expression size has exceeded the maximum allowed size;" +
          (names_size ? " expression size: " + std::to_string(text.size()) : std::string()));
    }
    switch (member.kind) {
      case expr::ExpressionKind::kUpdate: {
        base::Result<expr::UpdateExpression> update = expr::ParseUpdate(text);
        if (!update.ok()) return update.status();
        if (base::Status s = parsed.context.Resolve(*update); !s.ok()) return s;
        if (base::Status s = expr::CheckUpdateFunctions(*update); !s.ok()) return s;
        parsed.update = std::move(*update);
        break;
      }
      case expr::ExpressionKind::kProjection: {
        base::Result<expr::ProjectionExpression> projection = expr::ParseProjection(text);
        if (!projection.ok()) return projection.status();
        if (base::Status s = parsed.context.Resolve(*projection); !s.ok()) return s;
        if (base::Status s =
                expr::CheckPathsDisjoint(projection->paths, "Invalid ProjectionExpression: ");
            !s.ok()) {
          return s;
        }
        parsed.projection = std::move(*projection);
        break;
      }
      default: {
        base::Result<expr::Condition> condition = expr::ParseCondition(text, member.kind);
        if (!condition.ok()) return condition.status();
        if (base::Status s = ResolveAndCheck(*condition, parsed.context, member.kind); !s.ok()) {
          return s;
        }
        std::optional<expr::Condition>& slot =
            member.kind == expr::ExpressionKind::kFilter         ? parsed.filter
            : member.kind == expr::ExpressionKind::kKeyCondition ? parsed.key_condition
                                                                 : parsed.condition;
        slot = std::move(*condition);
        break;
      }
    }
  }
  if (!unused_allowed) {
    if (base::Status s = parsed.context.CheckAllUsed(); !s.ok()) return s;
  }
  return RequestExpressions(std::move(parsed));
}

std::vector<expr::Path> ProjectionPaths(const RequestExpressions& expressions,
                                        const json& attributes_to_get) {
  if (expressions.projection()) return expressions.projection()->paths;
  std::vector<expr::Path> paths;
  if (!attributes_to_get.is_array()) return paths;
  for (const json& name : attributes_to_get) {
    if (!name.is_string()) continue;  // a JSON null element names nothing
    expr::Path path;
    path.elements.push_back({false, name.get<std::string>(), 0});
    paths.push_back(std::move(path));
  }
  return paths;
}

}  // namespace ddbpg::api
