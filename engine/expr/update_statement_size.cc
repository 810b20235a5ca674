#include "engine/expr/update_statement_size.h"

#include <algorithm>
#include <string>
#include <vector>

#include "engine/expr/document.h"
#include "engine/value/item_size.h"

namespace ddbpg::expr {
namespace {

constexpr size_t kUpdateCost = 3;
constexpr size_t kWritingClauseCost = 19;  // SET and ADD
constexpr size_t kRemovingClauseCost = 1;  // REMOVE and DELETE
constexpr size_t kTargetStepCost = 4;
constexpr size_t kPathOperandCost = 1;
constexpr size_t kPathOperandStepCost = 14;
constexpr size_t kPlusCost = 34;
constexpr size_t kMinusCost = 37;
constexpr size_t kIfNotExistsCost = 39;
constexpr size_t kListAppendCost = 37;

size_t ElementBytes(const PathElement& element) {
  return element.is_index ? std::to_string(element.index).size() : element.name.size();
}

size_t TargetSize(const Path& path) {
  size_t size = 0;
  for (size_t i = 0; i < path.elements.size(); ++i) {
    size += (i == 0 ? 0 : kTargetStepCost) + ElementBytes(path.elements[i]);
  }
  return size;
}

size_t OperandSize(const Operand& operand, const ExpressionContext& context) {
  size_t fixed = 0;
  switch (operand.kind) {
    case Operand::Kind::kPath: {
      size_t size = kPathOperandCost;
      for (const PathElement& element : operand.path.elements) {
        size += kPathOperandStepCost + ElementBytes(element);
      }
      return size;
    }
    case Operand::Kind::kValue: {
      const value::AttributeValue* value = context.Value(operand.value_name);
      return value != nullptr ? value::AttributeValueSize(*value) : 0;
    }
    case Operand::Kind::kSize: return 0;  // a condition's function, never an update's
    case Operand::Kind::kPlus: fixed = kPlusCost; break;
    case Operand::Kind::kMinus: fixed = kMinusCost; break;
    case Operand::Kind::kIfNotExists: fixed = kIfNotExistsCost; break;
    case Operand::Kind::kListAppend: fixed = kListAppendCost; break;
  }
  size_t size = fixed;
  for (const Operand& argument : operand.arguments) size += OperandSize(argument, context);
  return size;
}

// The bytes `added` brings to what `path` holds in `current`: a set's members it does not hold
// yet, or all of any other value.
size_t AddedSize(const value::AttributeValue& added, const Path& path, const value::Item* current) {
  const value::AttributeValue* held = current != nullptr ? FindAtPath(*current, path) : nullptr;
  if (held == nullptr || held->type() != added.type()) return value::AttributeValueSize(added);
  if (added.type() == value::AttributeType::kNS) {
    std::vector<value::Number> fresh;
    for (const value::Number& member : added.AsNumberSet()) {
      const auto& members = held->AsNumberSet();
      if (std::find(members.begin(), members.end(), member) == members.end()) {
        fresh.push_back(member);
      }
    }
    return value::AttributeValueSize(value::AttributeValue::NumberSet(std::move(fresh)));
  }
  if (added.type() == value::AttributeType::kSS || added.type() == value::AttributeType::kBS) {
    size_t size = 0;
    const auto& members = held->AsStringSet();
    for (const std::string& member : added.AsStringSet()) {
      if (std::find(members.begin(), members.end(), member) == members.end()) {
        size += member.size();
      }
    }
    return size;
  }
  return value::AttributeValueSize(added);
}

}  // namespace

size_t UpdateStatementSize(const UpdateExpression& update, const ExpressionContext& context,
                           const value::Item* current) {
  size_t size = kUpdateCost;
  for (const UpdateAction& action : update.actions) {
    switch (action.kind) {
      case UpdateAction::Kind::kSet:
        size += kWritingClauseCost + TargetSize(action.path) + OperandSize(action.value, context);
        break;
      case UpdateAction::Kind::kAdd: {
        size += kWritingClauseCost + TargetSize(action.path);
        const value::AttributeValue* added = context.Value(action.value.value_name);
        if (added != nullptr) size += AddedSize(*added, action.path, current);
        break;
      }
      case UpdateAction::Kind::kRemove:
      case UpdateAction::Kind::kDelete:
        size += kRemovingClauseCost + TargetSize(action.path);
        break;
    }
  }
  return size;
}

}  // namespace ddbpg::expr
