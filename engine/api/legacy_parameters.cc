#include "engine/api/legacy_parameters.h"

#include <string>

#include "engine/api/request_schema.h"
#include "engine/base/service_text.h"
#include "engine/value/ddb_json.h"

namespace ddbpg::api {
namespace {



expr::Path TopLevelPath(const std::string& name) {
  expr::Path path;
  path.elements.push_back({false, name, 0});
  return path;
}

expr::Operand PathOperand(const std::string& name) {
  expr::Operand operand;
  operand.kind = expr::Operand::Kind::kPath;
  operand.path = TopLevelPath(name);
  return operand;
}

base::Result<expr::Operand> ValueOperand(const json& wire, LegacyTranslation& out) {
  base::Result<value::AttributeValue> value = value::DecodeAttributeValue(wire);
  if (!value.ok()) return value.status();
  std::string name = ":legacy" + std::to_string(out.values.size());
  out.values.emplace(name, std::move(*value));
  expr::Operand operand;
  operand.kind = expr::Operand::Kind::kValue;
  operand.value_name = name;
  return operand;
}

expr::Condition Function(const std::string& function, std::vector<expr::Operand> operands) {
  expr::Condition condition;
  condition.kind = expr::Condition::Kind::kFunction;
  condition.function = function;
  condition.operands = std::move(operands);
  return condition;
}

expr::Condition Negate(expr::Condition inner) {
  expr::Condition condition;
  condition.kind = expr::Condition::Kind::kNot;
  condition.children.push_back(std::move(inner));
  return condition;
}

expr::Condition Combine(expr::Condition left, expr::Condition right, bool use_or) {
  expr::Condition condition;
  condition.kind = use_or ? expr::Condition::Kind::kOr : expr::Condition::Kind::kAnd;
  condition.children.push_back(std::move(left));
  condition.children.push_back(std::move(right));
  return condition;
}

struct OperatorRule {
  const char* name;
  int min_arguments;
  int max_arguments;  // -1: any number (IN)
};

constexpr OperatorRule kOperators[] = {
    {"EQ", 1, 1},           {"NE", 1, 1},          {"LE", 1, 1},       {"LT", 1, 1},
    {"GE", 1, 1},           {"GT", 1, 1},          {"NOT_NULL", 0, 0}, {"NULL", 0, 0},
    {"CONTAINS", 1, 1},     {"NOT_CONTAINS", 1, 1}, {"BEGINS_WITH", 1, 1},
    {"IN", 1, -1},          {"BETWEEN", 2, 2},
};

// Which value types each ComparisonOperator accepts (API reference, "Condition"): EQ and NE
// any, BEGINS_WITH strings and binaries, the others scalars.
bool OperatorAccepts(const std::string& op, value::AttributeType type) {
  if (op == "EQ" || op == "NE") return true;
  if (op == "BEGINS_WITH")
    return type == value::AttributeType::kS || type == value::AttributeType::kB;
  return type == value::AttributeType::kS || type == value::AttributeType::kN ||
         type == value::AttributeType::kB;
}

// One attribute's ComparisonOperator and AttributeValueList as a condition on it.
base::Result<expr::Condition> TranslateComparison(const std::string& attribute, const json& op_json,
                                                  const json& value_list, LegacyTranslation& out) {
  const std::string op = op_json.get<std::string>();
  const OperatorRule* rule = nullptr;
  for (const OperatorRule& candidate : kOperators) {
    if (op == candidate.name) rule = &candidate;
  }
  if (rule == nullptr) {
    return base::Status::Validation(
        "1 validation error detected: Value '" + op +
        "' at 'comparisonOperator' failed to "
        "satisfy constraint: Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, "
        "NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
  }
  int count = value_list.is_array() ? static_cast<int>(value_list.size()) : 0;
  if (count < rule->min_arguments || (rule->max_arguments >= 0 && count > rule->max_arguments)) {
    return base::Status::Validation(std::string(base::kParameterValuesInvalid) +
                                    "Invalid number of argument(s) for the " + op +
                                    " ComparisonOperator");
  }
  std::vector<expr::Operand> values;
  std::vector<value::AttributeValue> decoded;
  for (int i = 0; i < count; ++i) {
    base::Result<expr::Operand> operand = ValueOperand(value_list[i], out);
    if (!operand.ok()) return operand.status();
    decoded.push_back(out.values.at(operand->value_name));
    values.push_back(std::move(*operand));
  }
  for (const value::AttributeValue& value : decoded) {
    if (value.type() != decoded[0].type()) {
      return base::Status::Validation(
          std::string(base::kParameterValuesInvalid) +
          "AttributeValues inside AttributeValueList must be of same type");
    }
  }
  if (!decoded.empty() && !OperatorAccepts(op, decoded[0].type())) {
    return base::Status::Validation(std::string(base::kParameterValuesInvalid) +
                                    "ComparisonOperator " + op + " is not valid for " +
                                    std::string(value::AttributeTypeName(decoded[0].type())) +
                                    " AttributeValue type");
  }
  if (op == "BETWEEN" && value::CompareKeyValues(decoded[0], decoded[1]) > 0) {
    return base::Status::Validation(
        "The BETWEEN condition was provided a range where the lower bound is greater than the "
        "upper bound");
  }
  expr::Operand subject = PathOperand(attribute);
  if (op == "NOT_NULL") return Function("attribute_exists", {subject});
  if (op == "NULL") return Function("attribute_not_exists", {subject});
  if (op == "CONTAINS") return Function("contains", {subject, values[0]});
  if (op == "NOT_CONTAINS") {
    return Combine(Function("attribute_exists", {subject}),
                   Negate(Function("contains", {subject, values[0]})), false);
  }
  if (op == "BEGINS_WITH") return Function("begins_with", {subject, values[0]});
  expr::Condition condition;
  condition.operands.push_back(subject);
  if (op == "IN" || op == "BETWEEN") {
    condition.kind = op == "IN" ? expr::Condition::Kind::kIn : expr::Condition::Kind::kBetween;
    for (expr::Operand& value : values) condition.operands.push_back(std::move(value));
    return condition;
  }
  condition.kind = expr::Condition::Kind::kCompare;
  condition.comparator = op == "EQ"   ? expr::Comparator::kEq
                         : op == "NE" ? expr::Comparator::kNe
                         : op == "LE" ? expr::Comparator::kLe
                         : op == "LT" ? expr::Comparator::kLt
                         : op == "GE" ? expr::Comparator::kGe
                                      : expr::Comparator::kGt;
  condition.operands.push_back(std::move(values[0]));
  return condition;
}

base::Status CheckConditionalOperator(const json& conditions, const json& conditional_operator) {
  if (!conditional_operator.is_null() && (conditions.is_null() || conditions.empty())) {
    return base::Status::Validation(
        "ConditionalOperator can only be used when Filter or Expected conditions have been "
        "specified");
  }
  return base::Status::OK();
}

// Joins per-attribute conditions with ConditionalOperator (AND by default).
void Accumulate(std::optional<expr::Condition>& all, expr::Condition one, bool use_or) {
  all = all ? Combine(std::move(*all), std::move(one), use_or) : std::move(one);
}

}  // namespace

base::Status TranslateExpected(const json& expected, const json& conditional_operator,
                               LegacyTranslation& out) {
  if (base::Status s = CheckConditionalOperator(expected, conditional_operator); !s.ok()) return s;
  if (!expected.is_object()) return base::Status::OK();
  const bool use_or = conditional_operator == "OR";
  auto invalid = [](const std::string& detail) {
    return base::Status::Validation(std::string(base::kParameterValuesInvalid) + detail);
  };
  for (const auto& [attribute, spec] : expected.items()) {
    const json& value = Member(spec, "Value");
    const json& exists = Member(spec, "Exists");
    const json& op = Member(spec, "ComparisonOperator");
    const json& value_list = Member(spec, "AttributeValueList");
    if (!value.is_null() && !value_list.is_null()) {
      return invalid("Value and AttributeValueList cannot be used together for Attribute: " +
                     attribute);
    }
    expr::Condition condition;
    if (!op.is_null()) {
      if (!exists.is_null()) {
        return invalid("Exists and ComparisonOperator cannot be used together for Attribute: " +
                       attribute);
      }
      const bool needs_values = op != "NULL" && op != "NOT_NULL";
      if (needs_values && value.is_null() && value_list.is_null()) {
        return invalid("Value or AttributeValueList must be used with ComparisonOperator: " +
                       op.get<std::string>() + " for Attribute: " + attribute);
      }
      // A Value with a ComparisonOperator is its single argument.
      json arguments = value.is_null() ? value_list : json::array({value});
      base::Result<expr::Condition> translated = TranslateComparison(attribute, op, arguments, out);
      if (!translated.ok()) return translated.status();
      condition = std::move(*translated);
    } else if (!value_list.is_null()) {
      return invalid("AttributeValueList can only be used with a ComparisonOperator for "
                     "Attribute: " + attribute);
    } else if (exists == false) {
      if (!value.is_null()) {
        return invalid("Value cannot be used when Exists is false for Attribute: " + attribute);
      }
      condition = Function("attribute_not_exists", {PathOperand(attribute)});
    } else {
      if (value.is_null()) {
        return invalid("Value must be provided when Exists is " +
                       std::string(exists.is_null() ? "null" : "true") +
                       " for Attribute: " + attribute);
      }
      base::Result<expr::Operand> operand = ValueOperand(value, out);
      if (!operand.ok()) return operand.status();
      condition.kind = expr::Condition::Kind::kCompare;
      condition.comparator = expr::Comparator::kEq;
      condition.operands = {PathOperand(attribute), std::move(*operand)};
    }
    Accumulate(out.condition, std::move(condition), use_or);
  }
  return base::Status::OK();
}

base::Status TranslateConditions(const json& conditions, const json& conditional_operator,
                                 LegacyTranslation& out) {
  if (base::Status s = CheckConditionalOperator(conditions, conditional_operator); !s.ok())
    return s;
  if (!conditions.is_object()) return base::Status::OK();
  const bool use_or = conditional_operator == "OR";
  for (const auto& [attribute, spec] : conditions.items()) {
    const json& op = Member(spec, "ComparisonOperator");
    if (op.is_null()) {
      return base::Status::Validation(
          "1 validation error detected: Value null at 'comparisonOperator' failed to satisfy "
          "constraint: Member must not be null");
    }
    base::Result<expr::Condition> condition =
        TranslateComparison(attribute, op, Member(spec, "AttributeValueList"), out);
    if (!condition.ok()) return condition.status();
    Accumulate(out.condition, std::move(*condition), use_or);
  }
  return base::Status::OK();
}

base::Status TranslateAttributeUpdates(const json& updates, LegacyTranslation& out) {
  if (!updates.is_object()) return base::Status::OK();
  expr::UpdateExpression update;
  for (const auto& [attribute, spec] : updates.items()) {
    const json& value = Member(spec, "Value");
    const json& action_json = Member(spec, "Action");
    const std::string action = action_json.is_string() ? action_json.get<std::string>() : "PUT";
    if (action != "PUT" && action != "ADD" && action != "DELETE") {
      return base::Status::Validation("1 validation error detected: Value '" + action +
                                      "' at 'attributeUpdates." + attribute +
                                      ".member.action' failed to satisfy constraint: Member must "
                                      "satisfy enum value set: [ADD, PUT, DELETE]");
    }
    expr::UpdateAction translated;
    translated.path = TopLevelPath(attribute);
    if (value.is_null()) {
      if (action != "DELETE") {
        return base::Status::Validation(std::string(base::kParameterValuesInvalid) +
                                        "Only DELETE action is allowed when no attribute value is "
                                        "specified");
      }
      translated.kind = expr::UpdateAction::Kind::kRemove;
      update.actions.push_back(std::move(translated));
      continue;
    }
    base::Result<expr::Operand> operand = ValueOperand(value, out);
    if (!operand.ok()) return operand.status();
    const value::AttributeType type = out.values.at(operand->value_name).type();
    const bool is_set = type == value::AttributeType::kSS || type == value::AttributeType::kNS ||
                        type == value::AttributeType::kBS;
    if (action == "DELETE" && !is_set) {
      return base::Status::Validation(std::string(base::kParameterValuesInvalid) +
                                      "DELETE action with value is not supported for the type " +
                                      std::string(value::AttributeTypeName(type)));
    }
    if (action == "ADD" && !is_set && type != value::AttributeType::kN &&
        type != value::AttributeType::kL) {
      return base::Status::Validation(std::string(base::kParameterValuesInvalid) +
                                      "ADD action is not supported for the type " +
                                      std::string(value::AttributeTypeName(type)));
    }
    if (action == "ADD" && type == value::AttributeType::kL) {
      // Legacy ADD of a list appends: SET a = list_append(if_not_exists(a, []), :v).
      base::Result<expr::Operand> empty = ValueOperand(json{{"L", json::array()}}, out);
      if (!empty.ok()) return empty.status();
      expr::Operand existing;
      existing.kind = expr::Operand::Kind::kIfNotExists;
      existing.path = TopLevelPath(attribute);
      existing.arguments = {PathOperand(attribute), std::move(*empty)};
      translated.kind = expr::UpdateAction::Kind::kSet;
      translated.value.kind = expr::Operand::Kind::kListAppend;
      translated.value.arguments = {std::move(existing), std::move(*operand)};
    } else {
      translated.value = std::move(*operand);
      translated.kind = action == "ADD"      ? expr::UpdateAction::Kind::kAdd
                        : action == "DELETE" ? expr::UpdateAction::Kind::kDelete
                                             : expr::UpdateAction::Kind::kSet;
    }
    update.actions.push_back(std::move(translated));
  }
  out.update = std::move(update);
  return base::Status::OK();
}

}  // namespace ddbpg::api
