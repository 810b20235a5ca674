#include "engine/expr/condition_evaluator.h"

#include <algorithm>
#include <string>

#include "engine/expr/document.h"

namespace ddbpg::expr {
namespace {

std::string Prefix(ExpressionKind kind) {
  return "Invalid " + std::string(ExpressionMemberName(kind)) + ": ";
}

const char* ComparatorText(Comparator comparator) {
  switch (comparator) {
    case Comparator::kEq: return "=";
    case Comparator::kNe: return "<>";
    case Comparator::kLt: return "<";
    case Comparator::kLe: return "<=";
    case Comparator::kGt: return ">";
    case Comparator::kGe: return ">=";
  }
  return "?";
}

bool IsScalarOrderable(AttributeType type) {
  return type == AttributeType::kN || type == AttributeType::kS || type == AttributeType::kB;
}

Status IncorrectOperandType(ExpressionKind kind, const std::string& function, AttributeType type) {
  return Status::Validation(Prefix(kind) +
                            "Incorrect operand type for operator or function; operator or "
                            "function: " + function + ", operand type: " +
                            std::string(AttributeTypeName(type)));
}

Status RequiresPath(ExpressionKind kind, const std::string& function) {
  return Status::Validation(Prefix(kind) +
                            "Operator or function requires a document path; operator or "
                            "function: " + function);
}

// The type a `:value` operand (or size(), always a number) will have, if known before reading.
std::optional<AttributeType> StaticType(const Operand& operand, const ExpressionContext& context) {
  if (operand.kind == Operand::Kind::kSize) return AttributeType::kN;
  if (operand.kind != Operand::Kind::kValue) return std::nullopt;
  const AttributeValue* value = context.Value(operand.value_name);
  if (value == nullptr) return std::nullopt;
  return value->type();
}

constexpr const char* kTypeNames[] = {"S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M"};

// size() of a number, boolean or null has no meaning; of a :value of another type it is the
// value's size.
Status CheckOperand(const Operand& operand, const ExpressionContext& context, ExpressionKind kind) {
  if (operand.kind != Operand::Kind::kSize) return Status::OK();
  const Operand& argument = operand.arguments[0];
  if (argument.kind == Operand::Kind::kPath) return Status::OK();
  std::optional<AttributeType> type = StaticType(argument, context);
  if (type && (*type == AttributeType::kN || *type == AttributeType::kBool ||
               *type == AttributeType::kNull)) {
    return IncorrectOperandType(kind, "size", *type);
  }
  return Status::OK();
}

Status CheckFunction(const Condition& condition, const ExpressionContext& context,
                     ExpressionKind kind) {
  const std::string& name = condition.function;
  const Operand& subject = condition.operands[0];
  if (subject.kind != Operand::Kind::kPath) return RequiresPath(kind, name);
  if (name == "attribute_type") {
    std::optional<AttributeType> type = StaticType(condition.operands[1], context);
    if (!type || *type != AttributeType::kS) {
      if (type) return IncorrectOperandType(kind, name, *type);
      return Status::OK();
    }
    const std::string& wanted = context.Value(condition.operands[1].value_name)->AsString();
    bool valid = std::any_of(std::begin(kTypeNames), std::end(kTypeNames),
                             [&wanted](const char* type_name) { return wanted == type_name; });
    if (!valid) {
      return Status::Validation(Prefix(kind) + "Invalid attribute type name found; type: " +
                                wanted + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
    }
  }
  if (name == "begins_with") {
    std::optional<AttributeType> type = StaticType(condition.operands[1], context);
    if (type && *type != AttributeType::kS && *type != AttributeType::kB) {
      return IncorrectOperandType(kind, name, *type);
    }
  }
  return CheckOperand(condition.operands[1 % condition.operands.size()], context, kind);
}

int CompareScalars(const AttributeValue& a, const AttributeValue& b) {
  return CompareKeyValues(a, b);
}

bool Compare(Comparator comparator, const std::optional<AttributeValue>& left,
             const std::optional<AttributeValue>& right) {
  if (comparator == Comparator::kEq) return left && right && *left == *right;
  if (comparator == Comparator::kNe) return !(left && right && *left == *right);
  if (!left || !right || left->type() != right->type() || !IsScalarOrderable(left->type())) {
    return false;
  }
  int order = CompareScalars(*left, *right);
  switch (comparator) {
    case Comparator::kLt: return order < 0;
    case Comparator::kLe: return order <= 0;
    case Comparator::kGt: return order > 0;
    case Comparator::kGe: return order >= 0;
    default: return false;
  }
}

bool BeginsWith(const AttributeValue& value, const AttributeValue& prefix) {
  if (value.type() != prefix.type()) return false;
  if (value.type() != AttributeType::kS && value.type() != AttributeType::kB) return false;
  const std::string& text = value.AsString();
  const std::string& start = prefix.AsString();
  return text.compare(0, start.size(), start) == 0;
}

bool Contains(const AttributeValue& haystack, const AttributeValue& needle) {
  switch (haystack.type()) {
    case AttributeType::kS:
    case AttributeType::kB:
      return needle.type() == haystack.type() &&
             haystack.AsString().find(needle.AsString()) != std::string::npos;
    case AttributeType::kSS:
    case AttributeType::kBS: {
      AttributeType member = haystack.type() == AttributeType::kSS ? AttributeType::kS
                                                                   : AttributeType::kB;
      if (needle.type() != member) return false;
      const auto& members = haystack.AsStringSet();
      return std::find(members.begin(), members.end(), needle.AsString()) != members.end();
    }
    case AttributeType::kNS: {
      if (needle.type() != AttributeType::kN) return false;
      const auto& members = haystack.AsNumberSet();
      return std::any_of(members.begin(), members.end(),
                         [&needle](const Number& n) { return n == needle.AsNumber(); });
    }
    case AttributeType::kL: {
      const auto& list = haystack.AsList();
      return std::find(list.begin(), list.end(), needle) != list.end();
    }
    default:
      return false;
  }
}

bool EvaluateFunction(const Condition& condition, const Item& item,
                      const ExpressionContext& context) {
  const std::string& name = condition.function;
  const AttributeValue* subject = FindAtPath(item, condition.operands[0].path);
  if (name == "attribute_exists") return subject != nullptr;
  if (name == "attribute_not_exists") return subject == nullptr;
  if (subject == nullptr) return false;
  std::optional<AttributeValue> argument = EvaluateOperand(condition.operands[1], item, context);
  if (!argument) return false;
  if (name == "attribute_type") {
    return argument->type() == AttributeType::kS &&
           AttributeTypeName(subject->type()) == argument->AsString();
  }
  if (name == "begins_with") return BeginsWith(*subject, *argument);
  return Contains(*subject, *argument);
}

std::optional<size_t> SizeOf(const AttributeValue& value) {
  switch (value.type()) {
    case AttributeType::kS:
    case AttributeType::kB:
      return value.AsString().size();
    case AttributeType::kSS:
    case AttributeType::kBS:
      return value.AsStringSet().size();
    case AttributeType::kNS:
      return value.AsNumberSet().size();
    case AttributeType::kL:
      return value.AsList().size();
    case AttributeType::kM:
      return value.AsMap().size();
    default:
      return std::nullopt;
  }
}

}  // namespace

Status CheckCondition(const Condition& condition, const ExpressionContext& context,
                      ExpressionKind kind) {
  switch (condition.kind) {
    case Condition::Kind::kAnd:
    case Condition::Kind::kOr:
    case Condition::Kind::kNot:
      for (const Condition& child : condition.children) {
        if (Status s = CheckCondition(child, context, kind); !s.ok()) return s;
      }
      return Status::OK();
    case Condition::Kind::kFunction:
      return CheckFunction(condition, context, kind);
    case Condition::Kind::kCompare:
      for (const Operand& operand : condition.operands) {
        if (Status s = CheckOperand(operand, context, kind); !s.ok()) return s;
        if (condition.comparator == Comparator::kEq || condition.comparator == Comparator::kNe) {
          continue;
        }
        std::optional<AttributeType> type = StaticType(operand, context);
        if (type && !IsScalarOrderable(*type)) {
          return IncorrectOperandType(kind, ComparatorText(condition.comparator), *type);
        }
      }
      return Status::OK();
    case Condition::Kind::kBetween: {
      for (const Operand& operand : condition.operands) {
        if (Status s = CheckOperand(operand, context, kind); !s.ok()) return s;
        std::optional<AttributeType> type = StaticType(operand, context);
        if (type && !IsScalarOrderable(*type)) return IncorrectOperandType(kind, "BETWEEN", *type);
      }
      const Operand& low = condition.operands[1];
      const Operand& high = condition.operands[2];
      if (low.kind == Operand::Kind::kValue && high.kind == Operand::Kind::kValue) {
        const AttributeValue* low_value = context.Value(low.value_name);
        const AttributeValue* high_value = context.Value(high.value_name);
        auto render = [](const AttributeValue* value) {
          return "AttributeValue: {" + std::string(AttributeTypeName(value->type())) + ":" +
                 (value->type() == AttributeType::kN ? value->AsNumber().ToString()
                                                     : value->AsString()) +
                 "}";
        };
        std::string bounds = "lower bound operand: " + render(low_value) +
                             ", upper bound operand: " + render(high_value);
        if (low_value->type() != high_value->type()) {
          return Status::Validation(Prefix(kind) +
                                    "The BETWEEN operator requires same data type for lower and "
                                    "upper bounds; " + bounds);
        }
        if (CompareScalars(*low_value, *high_value) > 0) {
          return Status::Validation(Prefix(kind) +
                                    "The BETWEEN operator requires upper bound to be greater "
                                    "than or equal to lower bound; " + bounds);
        }
      }
      return Status::OK();
    }
    case Condition::Kind::kIn:
      for (const Operand& operand : condition.operands) {
        if (Status s = CheckOperand(operand, context, kind); !s.ok()) return s;
      }
      return Status::OK();
  }
  return Status::OK();
}

std::optional<AttributeValue> EvaluateOperand(const Operand& operand, const Item& item,
                                              const ExpressionContext& context) {
  switch (operand.kind) {
    case Operand::Kind::kValue: {
      const AttributeValue* value = context.Value(operand.value_name);
      if (value == nullptr) return std::nullopt;
      return *value;
    }
    case Operand::Kind::kPath: {
      const AttributeValue* value = FindAtPath(item, operand.path);
      if (value == nullptr) return std::nullopt;
      return *value;
    }
    case Operand::Kind::kSize: {
      std::optional<AttributeValue> value = EvaluateOperand(operand.arguments[0], item, context);
      if (!value) return std::nullopt;
      std::optional<size_t> size = SizeOf(*value);
      if (!size) return std::nullopt;
      return AttributeValue::OfNumber(*Number::Parse(std::to_string(*size)));
    }
    default:
      return std::nullopt;  // update-only operands never reach a condition
  }
}

bool EvaluateCondition(const Condition& condition, const Item& item,
                       const ExpressionContext& context) {
  switch (condition.kind) {
    case Condition::Kind::kAnd:
      return EvaluateCondition(condition.children[0], item, context) &&
             EvaluateCondition(condition.children[1], item, context);
    case Condition::Kind::kOr:
      return EvaluateCondition(condition.children[0], item, context) ||
             EvaluateCondition(condition.children[1], item, context);
    case Condition::Kind::kNot:
      return !EvaluateCondition(condition.children[0], item, context);
    case Condition::Kind::kFunction:
      return EvaluateFunction(condition, item, context);
    case Condition::Kind::kCompare:
      return Compare(condition.comparator, EvaluateOperand(condition.operands[0], item, context),
                     EvaluateOperand(condition.operands[1], item, context));
    case Condition::Kind::kBetween: {
      auto value = EvaluateOperand(condition.operands[0], item, context);
      auto low = EvaluateOperand(condition.operands[1], item, context);
      auto high = EvaluateOperand(condition.operands[2], item, context);
      return Compare(Comparator::kGe, value, low) && Compare(Comparator::kLe, value, high);
    }
    case Condition::Kind::kIn: {
      auto value = EvaluateOperand(condition.operands[0], item, context);
      if (!value) return false;
      for (size_t i = 1; i < condition.operands.size(); ++i) {
        auto candidate = EvaluateOperand(condition.operands[i], item, context);
        if (candidate && *candidate == *value) return true;
      }
      return false;
    }
  }
  return false;
}

}  // namespace ddbpg::expr
