#include "engine/api/partiql_expression.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "engine/partiql/lexer.h"
#include "engine/value/ddb_json.h"
#include "engine/value/number.h"

namespace ddbpg::api {
namespace {

using partiql::Expr;
using partiql::Literal;

// The functions a WHERE clause may call, with DynamoDB's spelling (PartiQL's names are read
// without regard to case).
const std::set<std::string>& ConditionFunctions() {
  static const auto* names =
      new std::set<std::string>{"begins_with", "contains",         "attribute_type",
                                "size",        "attribute_exists", "attribute_not_exists"};
  return *names;
}

// A call of a function a condition cannot use, named as written to lower case and placed at its
// name (captured, 2026: "Unrecognized function: exists at 1:56:6").
base::Status UnrecognizedFunction(const Expr& call) {
  return base::Status::Validation("Unrecognized function: " + call.name + call.place);
}

// What a bag of these element types becomes: strings SS, numbers NS, binaries BS.
base::Result<json> BagValue(const std::vector<json>& elements) {
  std::string type;
  json members = json::array();
  for (const json& element : elements) {
    std::string element_type =
        element.is_object() && element.size() == 1 ? element.begin().key() : "";
    if (element_type != "S" && element_type != "N" && element_type != "B") {
      return base::Status::Validation(
          "Unsupported type for a set: a bag holds only strings, numbers "
          "or binaries of one type");
    }
    if (!type.empty() && element_type != type) {
      return base::Status::Validation(
          "Unsupported type for a set: a bag holds only strings, numbers "
          "or binaries of one type");
    }
    type = element_type;
    members.push_back(element.begin().value());
  }
  if (type.empty()) return base::Status::Validation("Empty bags are not supported");
  json set = {{type + "S", members}};
  // A bag's members are checked as parameters are, in the values' older layer ("Input
  // collection [x, x] contains duplicates.", captured 2026).
  base::Result<value::AttributeValue> decoded =
      value::DecodeAttributeValue(set, {.layer = value::ValueLayer::kOlder});
  if (!decoded.ok()) return decoded.status();
  return set;
}

base::Status CheckNumberLiteral(const std::string& text, const std::string& path) {
  base::Result<value::Number> number = value::Number::ParseAsOlderLayer(text);
  if (number.ok()) return base::Status::OK();
  if (number.status().message().rfind("The parameter cannot be converted", 0) == 0) {
    return partiql::MalformedStatement("");
  }
  return base::Status::Validation(number.status().message() + " under " + path);
}

}  // namespace

base::Result<json> LiteralValue(const Literal& literal, const json& parameters,
                                const std::string& path) {
  switch (literal.kind) {
    case Literal::Kind::kString:
      return json{{"S", literal.text}};
    case Literal::Kind::kNumber:
      if (base::Status s = CheckNumberLiteral(literal.text, path); !s.ok()) return s;
      return json{{"N", literal.text}};
    case Literal::Kind::kBoolean:
      return json{{"BOOL", literal.boolean}};
    case Literal::Kind::kNull:
      return json{{"NULL", true}};
    case Literal::Kind::kParameter:
      if (!parameters.is_array() || literal.parameter < 0 ||
          static_cast<size_t>(literal.parameter) >= parameters.size()) {
        return base::Status::Internal("PartiQL parameter " + std::to_string(literal.parameter) +
                                      " was not counted");
      }
      return parameters[literal.parameter];
    case Literal::Kind::kList:
    case Literal::Kind::kBag: {
      std::vector<json> elements;
      for (const Literal& element : literal.elements) {
        const std::string at = literal.kind == Literal::Kind::kList
                                   ? path + "[" + std::to_string(elements.size()) + "]"
                                   : path;
        base::Result<json> value = LiteralValue(element, parameters, at);
        if (!value.ok()) return value.status();
        elements.push_back(std::move(*value));
      }
      if (literal.kind == Literal::Kind::kBag) return BagValue(elements);
      return json{{"L", elements}};
    }
    case Literal::Kind::kTuple: {
      json members = json::object();
      for (const auto& [name, member] : literal.members) {
        base::Result<json> value =
            LiteralValue(member, parameters, path.empty() ? "root" : path + "." + name);
        if (!value.ok()) return value.status();
        members[name] = std::move(*value);
      }
      return json{{"M", members}};
    }
  }
  return base::Status::Internal("unknown PartiQL literal kind");
}

std::string ExpressionWriter::Path(const partiql::Path& path) {
  std::string text;
  for (const partiql::PathStep& step : path) {
    if (step.is_index) {
      text += "[" + std::to_string(step.index) + "]";
      continue;
    }
    std::string placeholder = "#p" + std::to_string(next_++);
    names_[placeholder] = step.name;
    text += (text.empty() ? "" : ".") + placeholder;
  }
  return text;
}

base::Result<std::string> ExpressionWriter::Value(const Literal& literal) {
  base::Result<json> value = LiteralValue(literal, parameters_);
  if (!value.ok()) return value.status();
  std::string placeholder = ":p" + std::to_string(next_++);
  values_[placeholder] = std::move(*value);
  return placeholder;
}

base::Result<std::string> ExpressionWriter::Operand(const Expr& operand) {
  switch (operand.kind) {
    case Expr::Kind::kPath:
      return Path(operand.path);
    case Expr::Kind::kLiteral:
      return Value(operand.literal);
    case Expr::Kind::kCall:
      return Call(operand);
    default:
      return partiql::MalformedStatement("Unexpected condition where a value was expected");
  }
}

base::Result<std::string> ExpressionWriter::Call(const Expr& call) {
  bool known = ConditionFunctions().count(call.name) > 0 || call.name == "list_append" ||
               call.name == "if_not_exists";
  if (!known) return UnrecognizedFunction(call);
  std::string text = call.name + "(";
  for (size_t i = 0; i < call.operands.size(); ++i) {
    base::Result<std::string> argument = Operand(call.operands[i]);
    if (!argument.ok()) return argument.status();
    text += (i > 0 ? ", " : "") + *argument;
  }
  return text + ")";
}

base::Result<std::string> ExpressionWriter::Condition(const Expr& condition) {
  switch (condition.kind) {
    case Expr::Kind::kAnd:
    case Expr::Kind::kOr: {
      std::string text = "(";
      for (size_t i = 0; i < condition.operands.size(); ++i) {
        base::Result<std::string> part = Condition(condition.operands[i]);
        if (!part.ok()) return part.status();
        if (i > 0) text += condition.kind == Expr::Kind::kAnd ? " AND " : " OR ";
        text += *part;
      }
      return text + ")";
    }
    case Expr::Kind::kNot: {
      base::Result<std::string> inner = Condition(condition.operands[0]);
      if (!inner.ok()) return inner.status();
      return "(NOT " + *inner + ")";
    }
    case Expr::Kind::kCompare: {
      // A test compared with TRUE or FALSE is the test or its negation (captured, 2026).
      const Expr& test = condition.operands[0];
      const Expr& truth = condition.operands[1];
      if (test.kind == Expr::Kind::kCall && test.name != "size" &&
          truth.kind == Expr::Kind::kLiteral && truth.literal.kind == Literal::Kind::kBoolean &&
          (condition.name == "=" || condition.name == "<>")) {
        base::Result<std::string> call = Condition(test);
        if (!call.ok()) return call.status();
        const bool holds = truth.literal.boolean == (condition.name == "=");
        return holds ? *call : "(NOT " + *call + ")";
      }
      base::Result<std::string> left = Operand(condition.operands[0]);
      if (!left.ok()) return left.status();
      base::Result<std::string> right = Operand(condition.operands[1]);
      if (!right.ok()) return right.status();
      return "(" + *left + " " + condition.name + " " + *right + ")";
    }
    case Expr::Kind::kBetween: {
      std::string parts[3];
      for (int i = 0; i < 3; ++i) {
        base::Result<std::string> part = Operand(condition.operands[i]);
        if (!part.ok()) return part.status();
        parts[i] = *part;
      }
      return "(" + parts[0] + " BETWEEN " + parts[1] + " AND " + parts[2] + ")";
    }
    case Expr::Kind::kIn: {
      base::Result<std::string> value = Operand(condition.operands[0]);
      if (!value.ok()) return value.status();
      std::string text = "(" + *value + " IN (";
      for (size_t i = 1; i < condition.operands.size(); ++i) {
        base::Result<std::string> candidate = Operand(condition.operands[i]);
        if (!candidate.ok()) return candidate.status();
        text += (i > 1 ? ", " : "") + *candidate;
      }
      return text + "))";
    }
    case Expr::Kind::kIsMissing:
    case Expr::Kind::kIsNull: {
      if (condition.operands[0].kind != Expr::Kind::kPath) {
        return partiql::MalformedStatement("IS MISSING and IS NULL take an attribute path");
      }
      std::string path = Path(condition.operands[0].path);
      if (condition.kind == Expr::Kind::kIsMissing) {
        return std::string(condition.negated ? "attribute_exists(" : "attribute_not_exists(") +
               path + ")";
      }
      // PartiQL's NULL test is also true of a missing attribute.
      Literal null_type;
      null_type.kind = Literal::Kind::kString;
      null_type.text = "NULL";
      base::Result<std::string> type = Value(null_type);
      if (!type.ok()) return type.status();
      if (condition.negated) {
        return "(attribute_exists(" + path + ") AND NOT attribute_type(" + path + ", " + *type +
               "))";
      }
      return "(attribute_not_exists(" + path + ") OR attribute_type(" + path + ", " + *type + "))";
    }
    case Expr::Kind::kIsType: {
      if (condition.operands[0].kind != Expr::Kind::kPath) {
        return partiql::MalformedStatement("IS takes an attribute path");
      }
      const std::string path = Path(condition.operands[0].path);
      std::string text;
      // condition.name lists the DynamoDB types, separated by single spaces ("SS NS BS").
      for (std::string_view types = condition.name; !types.empty();) {
        const size_t end = std::min(types.find(' '), types.size());
        Literal name;
        name.kind = Literal::Kind::kString;
        name.text = std::string(types.substr(0, end));
        types.remove_prefix(std::min(end + 1, types.size()));
        base::Result<std::string> value = Value(name);
        if (!value.ok()) return value.status();
        text += std::string(text.empty() ? "" : " OR ") + "attribute_type(" + path + ", " +
                *value + ")";
      }
      return condition.negated ? "(NOT (" + text + "))" : "(" + text + ")";
    }
    case Expr::Kind::kCall:
      if (ConditionFunctions().count(condition.name) == 0) return UnrecognizedFunction(condition);
      return Call(condition);
    default:
      return partiql::MalformedStatement("Expected a condition");
  }
}

base::Result<std::string> ExpressionWriter::SetValue(const Expr& value) {
  if (value.kind != Expr::Kind::kArithmetic) return Operand(value);
  base::Result<std::string> left = SetValue(value.operands[0]);
  if (!left.ok()) return left.status();
  base::Result<std::string> right = Operand(value.operands[1]);
  if (!right.ok()) return right.status();
  return *left + " " + value.name + " " + *right;
}

void ExpressionWriter::AddTo(json& request) const {
  if (!names_.empty()) request["ExpressionAttributeNames"] = names_;
  if (!values_.empty()) request["ExpressionAttributeValues"] = values_;
}

}  // namespace ddbpg::api
