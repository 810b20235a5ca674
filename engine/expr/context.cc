#include "engine/expr/context.h"

namespace ddbpg::expr {
namespace {

std::string Prefix(ExpressionKind kind) {
  return "Invalid " + std::string(ExpressionMemberName(kind)) + ": ";
}

template <class Map>
std::string UnusedKeys(const Map& supplied, const std::set<std::string>& used) {
  std::string keys;
  for (const auto& [key, unused_value] : supplied) {
    if (used.count(key)) continue;
    if (!keys.empty()) keys += ", ";
    keys += key;
  }
  return keys;
}

}  // namespace

base::Status ExpressionContext::ResolvePath(Path& path, ExpressionKind kind) {
  for (PathElement& element : path.elements) {
    if (element.is_index || element.name.empty() || element.name[0] != '#') continue;
    auto it = names_.find(element.name);
    if (it == names_.end()) {
      return base::Status::Validation(
          Prefix(kind) +
          "An expression attribute name used in the document path is not defined; attribute "
          "name: " +
          element.name);
    }
    used_names_.insert(element.name);
    element.name = it->second;
  }
  return base::Status::OK();
}

base::Status ExpressionContext::ResolveOperand(Operand& operand, ExpressionKind kind) {
  if (operand.kind == Operand::Kind::kValue) {
    if (!values_.count(operand.value_name)) {
      return base::Status::Validation(
          Prefix(kind) +
          "An expression attribute value used in expression is not defined; attribute value: " +
          operand.value_name);
    }
    used_values_.insert(operand.value_name);
    return base::Status::OK();
  }
  if (base::Status s = ResolvePath(operand.path, kind); !s.ok()) return s;
  for (Operand& argument : operand.arguments) {
    if (base::Status s = ResolveOperand(argument, kind); !s.ok()) return s;
  }
  return base::Status::OK();
}

base::Status ExpressionContext::Resolve(Condition& condition, ExpressionKind kind) {
  for (Operand& operand : condition.operands) {
    if (base::Status s = ResolveOperand(operand, kind); !s.ok()) return s;
  }
  for (Condition& child : condition.children) {
    if (base::Status s = Resolve(child, kind); !s.ok()) return s;
  }
  return base::Status::OK();
}

base::Status ExpressionContext::Resolve(UpdateExpression& update) {
  for (UpdateAction& action : update.actions) {
    if (base::Status s = ResolvePath(action.path, ExpressionKind::kUpdate); !s.ok()) return s;
    if (action.kind == UpdateAction::Kind::kRemove) continue;
    if (base::Status s = ResolveOperand(action.value, ExpressionKind::kUpdate); !s.ok()) return s;
  }
  return base::Status::OK();
}

base::Status ExpressionContext::Resolve(ProjectionExpression& projection) {
  for (Path& path : projection.paths) {
    if (base::Status s = ResolvePath(path, ExpressionKind::kProjection); !s.ok()) return s;
  }
  return base::Status::OK();
}

const value::AttributeValue* ExpressionContext::Value(const std::string& placeholder) const {
  auto it = values_.find(placeholder);
  return it == values_.end() ? nullptr : &it->second;
}

base::Status ExpressionContext::CheckAllUsed() const {
  std::string unused_names = UnusedKeys(names_, used_names_);
  if (!unused_names.empty()) {
    return base::Status::Validation(
        "Value provided in ExpressionAttributeNames unused in expressions: "
        "keys: {" +
        unused_names + "}");
  }
  std::string unused_values = UnusedKeys(values_, used_values_);
  if (!unused_values.empty()) {
    return base::Status::Validation(
        "Value provided in ExpressionAttributeValues unused in expressions: "
        "keys: {" +
        unused_values + "}");
  }
  return base::Status::OK();
}

}  // namespace ddbpg::expr
