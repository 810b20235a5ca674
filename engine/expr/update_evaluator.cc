#include "engine/expr/update_evaluator.h"

#include <algorithm>

#include "engine/expr/condition_evaluator.h"
#include "engine/expr/document.h"

namespace ddbpg::expr {
namespace {

constexpr const char* kPrefix = "Invalid UpdateExpression: ";
constexpr const char* kIncorrectDataType =
    "An operand in the update expression has an incorrect data type";
constexpr const char* kMissingAttribute =
    "The provided expression refers to an attribute that does not exist in the item";
constexpr const char* kInvalidPath =
    "The document path provided in the update expression is invalid for update";

const char* ActionName(UpdateAction::Kind kind) {
  switch (kind) {
    case UpdateAction::Kind::kSet: return "SET";
    case UpdateAction::Kind::kRemove: return "REMOVE";
    case UpdateAction::Kind::kAdd: return "ADD";
    case UpdateAction::Kind::kDelete: return "DELETE";
  }
  return "?";
}

// The service names operand types in words for ADD and DELETE.
std::string TypeWord(value::AttributeType type) {
  switch (type) {
    case value::AttributeType::kS:
      return "STRING";
    case value::AttributeType::kN:
      return "NUMBER";
    case value::AttributeType::kB:
      return "BINARY";
    case value::AttributeType::kBool:
      return "BOOLEAN";
    case value::AttributeType::kNull:
      return "NULL";
    case value::AttributeType::kM:
      return "MAP";
    case value::AttributeType::kL:
      return "LIST";
    case value::AttributeType::kSS:
      return "STRING SET";
    case value::AttributeType::kNS:
      return "NUMBER SET";
    case value::AttributeType::kBS:
      return "BINARY SET";
  }
  return "?";
}

bool IsSet(value::AttributeType type) {
  return type == value::AttributeType::kSS || type == value::AttributeType::kNS ||
         type == value::AttributeType::kBS;
}

base::Status CheckOperandTypes(const UpdateAction& action, const ExpressionContext& context) {
  if (action.kind != UpdateAction::Kind::kAdd && action.kind != UpdateAction::Kind::kDelete) {
    return base::Status::OK();
  }
  if (action.value.kind != Operand::Kind::kValue) return base::Status::OK();
  const value::AttributeValue* value = context.Value(action.value.value_name);
  bool allowed = IsSet(value->type()) || (action.kind == UpdateAction::Kind::kAdd &&
                                          value->type() == value::AttributeType::kN);
  if (allowed) return base::Status::OK();
  return base::Status::Validation(
      std::string(kPrefix) + "Incorrect operand type for operator or function; operator: " +
      ActionName(action.kind) + ", operand type: " + TypeWord(value->type()) +
      ", typeSet: ALLOWED_FOR_" + ActionName(action.kind) + "_OPERAND");
}

// `+` and `-` take numbers, list_append lists: a :value of another type is refused before the
// item is read, with the value's type (dynalite's tests record the service doing so even for a
// table that does not exist). Paths and nested functions are judged when evaluated.
base::Status CheckFunctionOperandTypes(const Operand& operand, const ExpressionContext& context) {
  const bool arithmetic =
      operand.kind == Operand::Kind::kPlus || operand.kind == Operand::Kind::kMinus;
  const bool appends = operand.kind == Operand::Kind::kListAppend;
  for (const Operand& argument : operand.arguments) {
    const value::AttributeValue* value =
        argument.kind == Operand::Kind::kValue ? context.Value(argument.value_name) : nullptr;
    const value::AttributeType wanted =
        appends ? value::AttributeType::kL : value::AttributeType::kN;
    if (value != nullptr && (arithmetic || appends) && value->type() != wanted) {
      const char* name = appends ? "list_append" : operand.kind == Operand::Kind::kPlus ? "+" : "-";
      return base::Status::Validation(
          std::string(kPrefix) +
          "Incorrect operand type for operator or function; operator or function: " + name +
          ", operand type: " + std::string(value::AttributeTypeName(value->type())));
    }
    if (base::Status s = CheckFunctionOperandTypes(argument, context); !s.ok()) return s;
  }
  return base::Status::OK();
}

base::Result<value::AttributeValue> Evaluate(const Operand& operand, const value::Item& item,
                                             const ExpressionContext& context);

base::Result<value::AttributeValue> Arithmetic(const Operand& operand, const value::Item& item,
                                               const ExpressionContext& context) {
  base::Result<value::AttributeValue> left = Evaluate(operand.arguments[0], item, context);
  if (!left.ok()) return left.status();
  base::Result<value::AttributeValue> right = Evaluate(operand.arguments[1], item, context);
  if (!right.ok()) return right.status();
  if (left->type() != value::AttributeType::kN || right->type() != value::AttributeType::kN) {
    return base::Status::Validation(kIncorrectDataType);
  }
  base::Result<value::Number> result =
      operand.kind == Operand::Kind::kPlus
          ? value::Number::Add(left->AsNumber(), right->AsNumber())
          : value::Number::Subtract(left->AsNumber(), right->AsNumber());
  if (!result.ok()) return result.status();
  return value::AttributeValue::OfNumber(*result);
}

base::Result<value::AttributeValue> Evaluate(const Operand& operand, const value::Item& item,
                                             const ExpressionContext& context) {
  switch (operand.kind) {
    case Operand::Kind::kValue:
      return *context.Value(operand.value_name);
    case Operand::Kind::kPath: {
      const value::AttributeValue* value = FindAtPath(item, operand.path);
      if (value == nullptr) return base::Status::Validation(kMissingAttribute);
      return *value;
    }
    case Operand::Kind::kIfNotExists: {
      const value::AttributeValue* existing = FindAtPath(item, operand.arguments[0].path);
      if (existing != nullptr) return *existing;
      return Evaluate(operand.arguments[1], item, context);
    }
    case Operand::Kind::kListAppend: {
      base::Result<value::AttributeValue> first = Evaluate(operand.arguments[0], item, context);
      if (!first.ok()) return first.status();
      base::Result<value::AttributeValue> second = Evaluate(operand.arguments[1], item, context);
      if (!second.ok()) return second.status();
      if (first->type() != value::AttributeType::kL || second->type() != value::AttributeType::kL) {
        return base::Status::Validation(kIncorrectDataType);
      }
      value::AttributeValue::List joined = first->AsList();
      joined.insert(joined.end(), second->AsList().begin(), second->AsList().end());
      return value::AttributeValue::OfList(std::move(joined));
    }
    case Operand::Kind::kPlus:
    case Operand::Kind::kMinus:
      return Arithmetic(operand, item, context);
    case Operand::Kind::kSize:
      break;
  }
  return base::Status::Validation(kIncorrectDataType);
}

template <class T>
std::vector<T> Union(std::vector<T> base, const std::vector<T>& extra) {
  for (const T& member : extra) {
    if (std::find(base.begin(), base.end(), member) == base.end()) base.push_back(member);
  }
  return base;
}

template <class T>
std::vector<T> Difference(const std::vector<T>& base, const std::vector<T>& removed) {
  std::vector<T> kept;
  for (const T& member : base) {
    if (std::find(removed.begin(), removed.end(), member) == removed.end()) kept.push_back(member);
  }
  return kept;
}

// ADD: a number is added, a set is merged; an absent attribute starts as the operand.
base::Result<std::optional<value::AttributeValue>> Add(const value::AttributeValue* existing,
                                                       const value::AttributeValue& operand) {
  if (existing == nullptr) return std::optional<value::AttributeValue>(operand);
  if (existing->type() != operand.type()) return base::Status::Validation(kIncorrectDataType);
  switch (operand.type()) {
    case value::AttributeType::kN: {
      base::Result<value::Number> sum =
          value::Number::Add(existing->AsNumber(), operand.AsNumber());
      if (!sum.ok()) return sum.status();
      return std::optional<value::AttributeValue>(value::AttributeValue::OfNumber(*sum));
    }
    case value::AttributeType::kSS:
      return std::optional<value::AttributeValue>(
          value::AttributeValue::StringSet(Union(existing->AsStringSet(), operand.AsStringSet())));
    case value::AttributeType::kBS:
      return std::optional<value::AttributeValue>(
          value::AttributeValue::BinarySet(Union(existing->AsStringSet(), operand.AsStringSet())));
    case value::AttributeType::kNS:
      return std::optional<value::AttributeValue>(
          value::AttributeValue::NumberSet(Union(existing->AsNumberSet(), operand.AsNumberSet())));
    default:
      return base::Status::Validation(kIncorrectDataType);
  }
}

// DELETE: removes members; a set left empty disappears, as DynamoDB allows no empty sets.
base::Result<std::optional<value::AttributeValue>> Delete(const value::AttributeValue* existing,
                                                          const value::AttributeValue& operand) {
  if (existing == nullptr) return std::optional<value::AttributeValue>();
  if (existing->type() != operand.type()) return base::Status::Validation(kIncorrectDataType);
  std::optional<value::AttributeValue> kept;
  switch (operand.type()) {
    case value::AttributeType::kSS:
    case value::AttributeType::kBS: {
      auto members = Difference(existing->AsStringSet(), operand.AsStringSet());
      if (!members.empty()) {
        kept = operand.type() == value::AttributeType::kSS
                   ? value::AttributeValue::StringSet(members)
                   : value::AttributeValue::BinarySet(members);
      }
      return kept;
    }
    case value::AttributeType::kNS: {
      auto members = Difference(existing->AsNumberSet(), operand.AsNumberSet());
      if (!members.empty()) kept = value::AttributeValue::NumberSet(members);
      return kept;
    }
    default:
      return base::Status::Validation(kIncorrectDataType);
  }
}

}  // namespace

namespace {

base::Status CheckFunctionsIn(const Operand& operand) {
  if (operand.kind == Operand::Kind::kIfNotExists &&
      operand.arguments[0].kind != Operand::Kind::kPath) {
    return base::Status::Validation(std::string(kPrefix) +
                                    "Operator or function requires a document path; operator or "
                                    "function: if_not_exists");
  }
  for (const Operand& argument : operand.arguments) {
    if (operand.kind == Operand::Kind::kListAppend &&
        argument.kind == Operand::Kind::kListAppend) {
      return base::Status::Validation(std::string(kPrefix) +
                                      "The function is not allowed to be used this way in an "
                                      "expression; function: list_append");
    }
    if (base::Status s = CheckFunctionsIn(argument); !s.ok()) return s;
  }
  return base::Status::OK();
}

}  // namespace

base::Status CheckUpdateFunctions(const UpdateExpression& update) {
  for (const UpdateAction& action : update.actions) {
    if (action.kind != UpdateAction::Kind::kSet) continue;
    if (base::Status s = CheckFunctionsIn(action.value); !s.ok()) return s;
  }
  return base::Status::OK();
}

base::Status CheckUpdate(const UpdateExpression& update, const ExpressionContext& context,
                         const std::vector<std::string>& key_names) {
  for (const UpdateAction& action : update.actions) {
    const std::string& top = action.path.elements[0].name;
    if (std::find(key_names.begin(), key_names.end(), top) != key_names.end()) {
      return base::Status::Validation(
          "One or more parameter values were invalid: Cannot update "
          "attribute " +
          top + ". This attribute is part of the key");
    }
  }
  if (base::Status s = CheckPathsDisjoint(UpdatedPaths(update), kPrefix); !s.ok()) return s;
  for (const UpdateAction& action : update.actions) {
    if (base::Status s = CheckOperandTypes(action, context); !s.ok()) return s;
  }
  for (const UpdateAction& action : update.actions) {
    if (action.kind != UpdateAction::Kind::kSet) continue;
    if (base::Status s = CheckFunctionOperandTypes(action.value, context); !s.ok()) return s;
  }
  return base::Status::OK();
}

namespace {

// The order actions take effect in. Each reads the item as it was before the update and their
// paths are disjoint, so only list positions care: every index means a position in the list as
// it was, so elements are set before any is removed, removals go from the highest index down,
// and elements set past the end are appended in index order ("If you add multiple elements in a
// single SET operation, the elements are sorted in order by element number", Developer Guide).
std::vector<const UpdateAction*> InEffectOrder(const UpdateExpression& update) {
  std::vector<const UpdateAction*> order;
  for (const UpdateAction& action : update.actions) order.push_back(&action);
  auto key = [](const UpdateAction* action) {
    const bool removes = action->kind == UpdateAction::Kind::kRemove;
    const PathElement& last = action->path.elements.back();
    const long long index = last.is_index ? static_cast<long long>(last.index) : 0;
    return std::pair<int, long long>(removes ? 1 : 0, removes ? -index : index);
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](const UpdateAction* a, const UpdateAction* b) { return key(a) < key(b); });
  return order;
}

}  // namespace

base::Status ApplyUpdate(const UpdateExpression& update, const ExpressionContext& context,
                         value::Item& item) {
  const value::Item before = item;
  value::Item after = item;
  for (const UpdateAction* ordered : InEffectOrder(update)) {
    const UpdateAction& action = *ordered;
    const value::AttributeValue* existing = FindAtPath(before, action.path);
    std::optional<value::AttributeValue> written;
    bool remove = false;
    switch (action.kind) {
      case UpdateAction::Kind::kSet: {
        base::Result<value::AttributeValue> value = Evaluate(action.value, before, context);
        if (!value.ok()) return value.status();
        written = std::move(*value);
        break;
      }
      case UpdateAction::Kind::kRemove:
        remove = true;
        break;
      case UpdateAction::Kind::kAdd:
      case UpdateAction::Kind::kDelete: {
        base::Result<value::AttributeValue> operand = Evaluate(action.value, before, context);
        if (!operand.ok()) return operand.status();
        base::Result<std::optional<value::AttributeValue>> result =
            action.kind == UpdateAction::Kind::kAdd ? Add(existing, *operand)
                                                    : Delete(existing, *operand);
        if (!result.ok()) return result.status();
        if (*result) {
          written = std::move(**result);
        } else {
          // Nothing left, or nothing was there: a removal, which also refuses a path no update
          // can reach (DELETE b.a when b is a string), as REMOVE does.
          remove = true;
        }
        break;
      }
    }
    bool applied = remove ? RemoveAtPath(after, action.path)
                          : SetAtPath(after, action.path, std::move(*written));
    if (!applied) return base::Status::Validation(kInvalidPath);
  }
  item = std::move(after);
  return base::Status::OK();
}

std::vector<Path> UpdatedPaths(const UpdateExpression& update) {
  std::vector<Path> paths;
  for (const UpdateAction& action : update.actions) paths.push_back(action.path);
  return paths;
}

}  // namespace ddbpg::expr
