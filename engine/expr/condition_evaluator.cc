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

bool IsScalarOrderable(value::AttributeType type) {
  return type == value::AttributeType::kN || type == value::AttributeType::kS ||
         type == value::AttributeType::kB;
}

base::Status IncorrectOperandType(ExpressionKind kind, const std::string& function,
                                  value::AttributeType type) {
  return base::Status::Validation(Prefix(kind) +
                                  "Incorrect operand type for operator or function; operator or "
                                  "function: " +
                                  function +
                                  ", operand type: " + std::string(value::AttributeTypeName(type)));
}

base::Status RequiresPath(ExpressionKind kind, const std::string& function) {
  return base::Status::Validation(Prefix(kind) +
                                  "Operator or function requires a document path; operator or "
                                  "function: " +
                                  function);
}

// The type a `:value` operand (or size(), always a number) will have, if known before reading.
std::optional<value::AttributeType> StaticType(const Operand& operand,
                                               const ExpressionContext& context) {
  if (operand.kind == Operand::Kind::kSize) return value::AttributeType::kN;
  if (operand.kind != Operand::Kind::kValue) return std::nullopt;
  const value::AttributeValue* value = context.Value(operand.value_name);
  if (value == nullptr) return std::nullopt;
  return value->type();
}

// A path as the service writes it in messages: [a, b, [1], c].
std::string PathText(const Path& path) {
  std::string text = "[";
  for (size_t i = 0; i < path.elements.size(); ++i) {
    if (i > 0) text += ", ";
    const PathElement& element = path.elements[i];
    text += element.is_index ? "[" + std::to_string(element.index) + "]" : element.name;
  }
  return text + "]";
}

bool SamePath(const Path& a, const Path& b) {
  return std::equal(a.elements.begin(), a.elements.end(), b.elements.begin(), b.elements.end(),
                    [](const PathElement& x, const PathElement& y) {
                      return x.is_index == y.is_index &&
                             (x.is_index ? x.index == y.index : x.name == y.name);
                    });
}

// A comparison or a two-operand function of a path with that same path (`a = a`,
// `contains(a, #a)` with #a naming a) is refused before anything is read (Developer Guide,
// "Condition and filter expressions, operators, and functions": "contains (a, a) returns an
// error"). Paths are compared once their names are resolved; values and size() are not paths.
base::Status CheckDistinctOperands(const std::vector<Operand>& operands,
                                   const std::string& operator_name, ExpressionKind kind) {
  if (operands.size() != 2 || operands[0].kind != Operand::Kind::kPath ||
      operands[1].kind != Operand::Kind::kPath || !SamePath(operands[0].path, operands[1].path)) {
    return base::Status::OK();
  }
  return base::Status::Validation(Prefix(kind) +
                                  "The first operand must be distinct from the remaining operands "
                                  "for this operator or function; operator: " +
                                  operator_name + ", first operand: " + PathText(operands[0].path));
}

constexpr const char* kTypeNames[] = {"S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M"};

// size() of a number, boolean or null has no meaning; of a :value of another type it is the
// value's size.
base::Status CheckOperand(const Operand& operand, const ExpressionContext& context,
                          ExpressionKind kind) {
  if (operand.kind != Operand::Kind::kSize) return base::Status::OK();
  const Operand& argument = operand.arguments[0];
  if (argument.kind == Operand::Kind::kPath) return base::Status::OK();
  std::optional<value::AttributeType> type = StaticType(argument, context);
  if (type && (*type == value::AttributeType::kN || *type == value::AttributeType::kBool ||
               *type == value::AttributeType::kNull)) {
    return IncorrectOperandType(kind, "size", *type);
  }
  return base::Status::OK();
}

base::Status CheckFunction(const Condition& condition, const ExpressionContext& context,
                           ExpressionKind kind) {
  const std::string& name = condition.function;
  if (base::Status s = CheckDistinctOperands(condition.operands, name, kind); !s.ok()) return s;
  const Operand& subject = condition.operands[0];
  if (subject.kind != Operand::Kind::kPath) return RequiresPath(kind, name);
  if (name == "attribute_type") {
    std::optional<value::AttributeType> type = StaticType(condition.operands[1], context);
    if (!type || *type != value::AttributeType::kS) {
      if (type) return IncorrectOperandType(kind, name, *type);
      return base::Status::OK();
    }
    const std::string& wanted = context.Value(condition.operands[1].value_name)->AsString();
    bool valid = std::any_of(std::begin(kTypeNames), std::end(kTypeNames),
                             [&wanted](const char* type_name) { return wanted == type_name; });
    if (!valid) {
      return base::Status::Validation(Prefix(kind) + "Invalid attribute type name found; type: " +
                                      wanted + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
    }
  }
  if (name == "begins_with") {
    std::optional<value::AttributeType> type = StaticType(condition.operands[1], context);
    if (type && *type != value::AttributeType::kS && *type != value::AttributeType::kB) {
      return IncorrectOperandType(kind, name, *type);
    }
  }
  return CheckOperand(condition.operands[1 % condition.operands.size()], context, kind);
}

int CompareScalars(const value::AttributeValue& a, const value::AttributeValue& b) {
  return value::CompareKeyValues(a, b);
}

bool Compare(Comparator comparator, const std::optional<value::AttributeValue>& left,
             const std::optional<value::AttributeValue>& right) {
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

bool BeginsWith(const value::AttributeValue& value, const value::AttributeValue& prefix) {
  if (value.type() != prefix.type()) return false;
  if (value.type() != value::AttributeType::kS && value.type() != value::AttributeType::kB)
    return false;
  const std::string& text = value.AsString();
  const std::string& start = prefix.AsString();
  return text.compare(0, start.size(), start) == 0;
}

bool Contains(const value::AttributeValue& haystack, const value::AttributeValue& needle) {
  switch (haystack.type()) {
    case value::AttributeType::kS:
    case value::AttributeType::kB:
      return needle.type() == haystack.type() &&
             haystack.AsString().find(needle.AsString()) != std::string::npos;
    case value::AttributeType::kSS:
    case value::AttributeType::kBS: {
      value::AttributeType member = haystack.type() == value::AttributeType::kSS
                                        ? value::AttributeType::kS
                                        : value::AttributeType::kB;
      if (needle.type() != member) return false;
      const auto& members = haystack.AsStringSet();
      return std::find(members.begin(), members.end(), needle.AsString()) != members.end();
    }
    case value::AttributeType::kNS: {
      if (needle.type() != value::AttributeType::kN) return false;
      const auto& members = haystack.AsNumberSet();
      return std::any_of(members.begin(), members.end(),
                         [&needle](const value::Number& n) { return n == needle.AsNumber(); });
    }
    case value::AttributeType::kL: {
      const auto& list = haystack.AsList();
      return std::find(list.begin(), list.end(), needle) != list.end();
    }
    default:
      return false;
  }
}

bool EvaluateFunction(const Condition& condition, const value::Item& item,
                      const ExpressionContext& context) {
  const std::string& name = condition.function;
  const value::AttributeValue* subject = FindAtPath(item, condition.operands[0].path);
  if (name == "attribute_exists") return subject != nullptr;
  if (name == "attribute_not_exists") return subject == nullptr;
  if (subject == nullptr) return false;
  std::optional<value::AttributeValue> argument =
      EvaluateOperand(condition.operands[1], item, context);
  if (!argument) return false;
  if (name == "attribute_type") {
    return argument->type() == value::AttributeType::kS &&
           value::AttributeTypeName(subject->type()) == argument->AsString();
  }
  if (name == "begins_with") return BeginsWith(*subject, *argument);
  return Contains(*subject, *argument);
}

std::optional<size_t> SizeOf(const value::AttributeValue& value) {
  switch (value.type()) {
    case value::AttributeType::kS:
    case value::AttributeType::kB:
      return value.AsString().size();
    case value::AttributeType::kSS:
    case value::AttributeType::kBS:
      return value.AsStringSet().size();
    case value::AttributeType::kNS:
      return value.AsNumberSet().size();
    case value::AttributeType::kL:
      return value.AsList().size();
    case value::AttributeType::kM:
      return value.AsMap().size();
    default:
      return std::nullopt;
  }
}

}  // namespace

base::Status CheckCondition(const Condition& condition, const ExpressionContext& context,
                            ExpressionKind kind) {
  switch (condition.kind) {
    case Condition::Kind::kAnd:
    case Condition::Kind::kOr:
    case Condition::Kind::kNot:
      for (const Condition& child : condition.children) {
        if (base::Status s = CheckCondition(child, context, kind); !s.ok()) return s;
      }
      return base::Status::OK();
    case Condition::Kind::kFunction:
      return CheckFunction(condition, context, kind);
    case Condition::Kind::kCompare:
      if (base::Status s =
              CheckDistinctOperands(condition.operands, ComparatorText(condition.comparator), kind);
          !s.ok()) {
        return s;
      }
      for (const Operand& operand : condition.operands) {
        if (base::Status s = CheckOperand(operand, context, kind); !s.ok()) return s;
        if (condition.comparator == Comparator::kEq || condition.comparator == Comparator::kNe) {
          continue;
        }
        std::optional<value::AttributeType> type = StaticType(operand, context);
        if (type && !IsScalarOrderable(*type)) {
          return IncorrectOperandType(kind, ComparatorText(condition.comparator), *type);
        }
      }
      return base::Status::OK();
    case Condition::Kind::kBetween: {
      for (const Operand& operand : condition.operands) {
        if (base::Status s = CheckOperand(operand, context, kind); !s.ok()) return s;
        std::optional<value::AttributeType> type = StaticType(operand, context);
        if (type && !IsScalarOrderable(*type)) return IncorrectOperandType(kind, "BETWEEN", *type);
      }
      const Operand& low = condition.operands[1];
      const Operand& high = condition.operands[2];
      if (low.kind == Operand::Kind::kValue && high.kind == Operand::Kind::kValue) {
        const value::AttributeValue* low_value = context.Value(low.value_name);
        const value::AttributeValue* high_value = context.Value(high.value_name);
        auto render = [](const value::AttributeValue* value) {
          return "AttributeValue: {" + std::string(value::AttributeTypeName(value->type())) + ":" +
                 (value->type() == value::AttributeType::kN ? value->AsNumber().ToString()
                                                            : value->AsString()) +
                 "}";
        };
        std::string bounds = "lower bound operand: " + render(low_value) +
                             ", upper bound operand: " + render(high_value);
        if (low_value->type() != high_value->type()) {
          return base::Status::Validation(
              Prefix(kind) +
              "The BETWEEN operator requires same data type for lower and "
              "upper bounds; " +
              bounds);
        }
        if (CompareScalars(*low_value, *high_value) > 0) {
          return base::Status::Validation(Prefix(kind) +
                                          "The BETWEEN operator requires upper bound to be greater "
                                          "than or equal to lower bound; " +
                                          bounds);
        }
      }
      return base::Status::OK();
    }
    case Condition::Kind::kIn:
      for (const Operand& operand : condition.operands) {
        if (base::Status s = CheckOperand(operand, context, kind); !s.ok()) return s;
      }
      return base::Status::OK();
  }
  return base::Status::OK();
}

std::optional<value::AttributeValue> EvaluateOperand(const Operand& operand,
                                                     const value::Item& item,
                                                     const ExpressionContext& context) {
  switch (operand.kind) {
    case Operand::Kind::kValue: {
      const value::AttributeValue* value = context.Value(operand.value_name);
      if (value == nullptr) return std::nullopt;
      return *value;
    }
    case Operand::Kind::kPath: {
      const value::AttributeValue* value = FindAtPath(item, operand.path);
      if (value == nullptr) return std::nullopt;
      return *value;
    }
    case Operand::Kind::kSize: {
      std::optional<value::AttributeValue> value =
          EvaluateOperand(operand.arguments[0], item, context);
      if (!value) return std::nullopt;
      std::optional<size_t> size = SizeOf(*value);
      if (!size) return std::nullopt;
      return value::AttributeValue::OfNumber(*value::Number::Parse(std::to_string(*size)));
    }
    default:
      return std::nullopt;  // update-only operands never reach a condition
  }
}

bool EvaluateCondition(const Condition& condition, const value::Item& item,
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
