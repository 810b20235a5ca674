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
std::string TypeWord(AttributeType type) {
  switch (type) {
    case AttributeType::kS: return "STRING";
    case AttributeType::kN: return "NUMBER";
    case AttributeType::kB: return "BINARY";
    case AttributeType::kBool: return "BOOLEAN";
    case AttributeType::kNull: return "NULL";
    case AttributeType::kM: return "MAP";
    case AttributeType::kL: return "LIST";
    case AttributeType::kSS: return "STRING SET";
    case AttributeType::kNS: return "NUMBER SET";
    case AttributeType::kBS: return "BINARY SET";
  }
  return "?";
}

bool IsSet(AttributeType type) {
  return type == AttributeType::kSS || type == AttributeType::kNS || type == AttributeType::kBS;
}

Status CheckOperandTypes(const UpdateAction& action, const ExpressionContext& context) {
  if (action.kind != UpdateAction::Kind::kAdd && action.kind != UpdateAction::Kind::kDelete) {
    return Status::OK();
  }
  if (action.value.kind != Operand::Kind::kValue) return Status::OK();
  const AttributeValue* value = context.Value(action.value.value_name);
  bool allowed = IsSet(value->type()) ||
                 (action.kind == UpdateAction::Kind::kAdd && value->type() == AttributeType::kN);
  if (allowed) return Status::OK();
  return Status::Validation(std::string(kPrefix) +
                            "Incorrect operand type for operator or function; operator: " +
                            ActionName(action.kind) + ", operand type: " + TypeWord(value->type()) +
                            ", typeSet: ALLOWED_FOR_" + ActionName(action.kind) + "_OPERAND");
}

Result<AttributeValue> Evaluate(const Operand& operand, const Item& item,
                                const ExpressionContext& context);

Result<AttributeValue> Arithmetic(const Operand& operand, const Item& item,
                                  const ExpressionContext& context) {
  Result<AttributeValue> left = Evaluate(operand.arguments[0], item, context);
  if (!left.ok()) return left.status();
  Result<AttributeValue> right = Evaluate(operand.arguments[1], item, context);
  if (!right.ok()) return right.status();
  if (left->type() != AttributeType::kN || right->type() != AttributeType::kN) {
    return Status::Validation(kIncorrectDataType);
  }
  Result<Number> result = operand.kind == Operand::Kind::kPlus
                              ? Number::Add(left->AsNumber(), right->AsNumber())
                              : Number::Subtract(left->AsNumber(), right->AsNumber());
  if (!result.ok()) return result.status();
  return AttributeValue::OfNumber(*result);
}

Result<AttributeValue> Evaluate(const Operand& operand, const Item& item,
                                const ExpressionContext& context) {
  switch (operand.kind) {
    case Operand::Kind::kValue:
      return *context.Value(operand.value_name);
    case Operand::Kind::kPath: {
      const AttributeValue* value = FindAtPath(item, operand.path);
      if (value == nullptr) return Status::Validation(kMissingAttribute);
      return *value;
    }
    case Operand::Kind::kIfNotExists: {
      const AttributeValue* existing = FindAtPath(item, operand.arguments[0].path);
      if (existing != nullptr) return *existing;
      return Evaluate(operand.arguments[1], item, context);
    }
    case Operand::Kind::kListAppend: {
      Result<AttributeValue> first = Evaluate(operand.arguments[0], item, context);
      if (!first.ok()) return first.status();
      Result<AttributeValue> second = Evaluate(operand.arguments[1], item, context);
      if (!second.ok()) return second.status();
      if (first->type() != AttributeType::kL || second->type() != AttributeType::kL) {
        return Status::Validation(kIncorrectDataType);
      }
      AttributeValue::List joined = first->AsList();
      joined.insert(joined.end(), second->AsList().begin(), second->AsList().end());
      return AttributeValue::OfList(std::move(joined));
    }
    case Operand::Kind::kPlus:
    case Operand::Kind::kMinus:
      return Arithmetic(operand, item, context);
    case Operand::Kind::kSize:
      break;
  }
  return Status::Validation(kIncorrectDataType);
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
Result<std::optional<AttributeValue>> Add(const AttributeValue* existing,
                                          const AttributeValue& operand) {
  if (existing == nullptr) return std::optional<AttributeValue>(operand);
  if (existing->type() != operand.type()) return Status::Validation(kIncorrectDataType);
  switch (operand.type()) {
    case AttributeType::kN: {
      Result<Number> sum = Number::Add(existing->AsNumber(), operand.AsNumber());
      if (!sum.ok()) return sum.status();
      return std::optional<AttributeValue>(AttributeValue::OfNumber(*sum));
    }
    case AttributeType::kSS:
      return std::optional<AttributeValue>(
          AttributeValue::StringSet(Union(existing->AsStringSet(), operand.AsStringSet())));
    case AttributeType::kBS:
      return std::optional<AttributeValue>(
          AttributeValue::BinarySet(Union(existing->AsStringSet(), operand.AsStringSet())));
    case AttributeType::kNS:
      return std::optional<AttributeValue>(
          AttributeValue::NumberSet(Union(existing->AsNumberSet(), operand.AsNumberSet())));
    default:
      return Status::Validation(kIncorrectDataType);
  }
}

// DELETE: removes members; a set left empty disappears, as DynamoDB allows no empty sets.
Result<std::optional<AttributeValue>> Delete(const AttributeValue* existing,
                                             const AttributeValue& operand) {
  if (existing == nullptr) return std::optional<AttributeValue>();
  if (existing->type() != operand.type()) return Status::Validation(kIncorrectDataType);
  std::optional<AttributeValue> kept;
  switch (operand.type()) {
    case AttributeType::kSS:
    case AttributeType::kBS: {
      auto members = Difference(existing->AsStringSet(), operand.AsStringSet());
      if (!members.empty()) {
        kept = operand.type() == AttributeType::kSS ? AttributeValue::StringSet(members)
                                                    : AttributeValue::BinarySet(members);
      }
      return kept;
    }
    case AttributeType::kNS: {
      auto members = Difference(existing->AsNumberSet(), operand.AsNumberSet());
      if (!members.empty()) kept = AttributeValue::NumberSet(members);
      return kept;
    }
    default:
      return Status::Validation(kIncorrectDataType);
  }
}

}  // namespace

namespace {

Status CheckFunctionsIn(const Operand& operand) {
  if (operand.kind == Operand::Kind::kIfNotExists &&
      operand.arguments[0].kind != Operand::Kind::kPath) {
    return Status::Validation(std::string(kPrefix) +
                              "Operator or function requires a document path; operator or "
                              "function: if_not_exists");
  }
  for (const Operand& argument : operand.arguments) {
    if (operand.kind == Operand::Kind::kListAppend &&
        argument.kind == Operand::Kind::kListAppend) {
      return Status::Validation(std::string(kPrefix) +
                                "The function is not allowed to be used this way in an "
                                "expression; function: list_append");
    }
    if (Status s = CheckFunctionsIn(argument); !s.ok()) return s;
  }
  return Status::OK();
}

}  // namespace

Status CheckUpdateFunctions(const UpdateExpression& update) {
  for (const UpdateAction& action : update.actions) {
    if (action.kind != UpdateAction::Kind::kSet) continue;
    if (Status s = CheckFunctionsIn(action.value); !s.ok()) return s;
  }
  return Status::OK();
}

Status CheckUpdate(const UpdateExpression& update, const ExpressionContext& context,
                   const std::vector<std::string>& key_names) {
  for (const UpdateAction& action : update.actions) {
    const std::string& top = action.path.elements[0].name;
    if (std::find(key_names.begin(), key_names.end(), top) != key_names.end()) {
      return Status::Validation("One or more parameter values were invalid: Cannot update "
                                "attribute " + top + ". This attribute is part of the key");
    }
  }
  if (Status s = CheckPathsDisjoint(UpdatedPaths(update), kPrefix); !s.ok()) return s;
  for (const UpdateAction& action : update.actions) {
    if (Status s = CheckOperandTypes(action, context); !s.ok()) return s;
  }
  return Status::OK();
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

Status ApplyUpdate(const UpdateExpression& update, const ExpressionContext& context, Item& item) {
  const Item before = item;
  Item after = item;
  for (const UpdateAction* ordered : InEffectOrder(update)) {
    const UpdateAction& action = *ordered;
    const AttributeValue* existing = FindAtPath(before, action.path);
    std::optional<AttributeValue> written;
    bool remove = false;
    switch (action.kind) {
      case UpdateAction::Kind::kSet: {
        Result<AttributeValue> value = Evaluate(action.value, before, context);
        if (!value.ok()) return value.status();
        written = std::move(*value);
        break;
      }
      case UpdateAction::Kind::kRemove:
        remove = true;
        break;
      case UpdateAction::Kind::kAdd:
      case UpdateAction::Kind::kDelete: {
        Result<AttributeValue> operand = Evaluate(action.value, before, context);
        if (!operand.ok()) return operand.status();
        Result<std::optional<AttributeValue>> result =
            action.kind == UpdateAction::Kind::kAdd ? Add(existing, *operand)
                                                    : Delete(existing, *operand);
        if (!result.ok()) return result.status();
        if (*result) {
          written = std::move(**result);
        } else {
          remove = existing != nullptr;
          if (!remove) continue;
        }
        break;
      }
    }
    bool applied = remove ? RemoveAtPath(after, action.path)
                          : SetAtPath(after, action.path, std::move(*written));
    if (!applied) return Status::Validation(kInvalidPath);
  }
  item = std::move(after);
  return Status::OK();
}

std::vector<Path> UpdatedPaths(const UpdateExpression& update) {
  std::vector<Path> paths;
  for (const UpdateAction& action : update.actions) paths.push_back(action.path);
  return paths;
}

}  // namespace ddbpg::expr
