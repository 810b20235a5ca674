#include "engine/expr/parser.h"

#include <vector>

#include "engine/base/ascii_case.h"
#include "engine/expr/lexer.h"
#include "engine/expr/reserved_words.h"

namespace ddbpg::expr {
namespace {

// Parentheses nest at most this deep. A 4 KB expression could otherwise recurse two thousand
// levels, which a browser tab's wasm stack need not risk.
constexpr int kMaxNestingDepth = 100;

bool IEquals(std::string_view a, std::string_view b) { return base::EqualsIgnoringAsciiCase(a, b); }

class Parser {
 public:
  Parser(std::string_view text, ExpressionKind kind)
      : text_(text), kind_(kind), tokens_(Tokenize(text)) {}

  base::Status status() const { return status_; }
  bool AtEnd() const { return Peek().kind == TokenKind::kEnd; }

  // --- error reporting -------------------------------------------------------------------

  std::string Prefix() const {
    return "Invalid " + std::string(ExpressionMemberName(kind_)) + ": ";
  }

  // The service names the offending token and quotes the source around it: from the token
  // before it to the token after it.
  bool SyntaxError() {
    if (!status_.ok()) return false;
    const Token& token = Peek();
    size_t from = pos_ > 0 ? tokens_[pos_ - 1].offset : token.offset;
    size_t to = token.kind == TokenKind::kEnd ? text_.size() : token.offset + token.text.size();
    if (token.kind != TokenKind::kEnd && pos_ + 1 < tokens_.size()) {
      const Token& next = tokens_[pos_ + 1];
      if (next.kind != TokenKind::kEnd) to = next.offset + next.text.size();
    }
    std::string near(text_.substr(from, to - from));
    status_ = base::Status::Validation(Prefix() + "Syntax error; token: \"" + token.text +
                                       "\", near: \"" + near + "\"");
    return false;
  }

  bool Fail(const std::string& detail) {
    if (status_.ok()) status_ = base::Status::Validation(Prefix() + detail);
    return false;
  }

  // --- token helpers ---------------------------------------------------------------------

  const Token& Peek(size_t ahead = 0) const {
    size_t index = std::min(pos_ + ahead, tokens_.size() - 1);
    return tokens_[index];
  }
  bool IsPunctuation(std::string_view text, size_t ahead = 0) const {
    return Peek(ahead).kind == TokenKind::kPunctuation && Peek(ahead).text == text;
  }
  bool IsKeyword(std::string_view keyword, size_t ahead = 0) const {
    return Peek(ahead).kind == TokenKind::kIdentifier && IEquals(Peek(ahead).text, keyword);
  }
  bool Expect(std::string_view punctuation) {
    if (!IsPunctuation(punctuation)) return SyntaxError();
    ++pos_;
    return true;
  }

  // --- paths and operands ------------------------------------------------------------------

  bool ParseName(PathElement& element) {
    const Token& token = Peek();
    if (token.kind == TokenKind::kNamePlaceholder && token.text.size() > 1) {
      element.name = token.text;
      ++pos_;
      return true;
    }
    if (token.kind != TokenKind::kIdentifier) return SyntaxError();
    if (IsReservedWord(token.text)) {
      return Fail("Attribute name is a reserved keyword; reserved keyword: " + token.text);
    }
    element.name = token.text;
    ++pos_;
    return true;
  }

  bool ParsePath(Path& path) {
    PathElement first;
    if (!ParseName(first)) return false;
    path.elements.push_back(std::move(first));
    while (true) {
      if (IsPunctuation(".")) {
        ++pos_;
        PathElement element;
        if (!ParseName(element)) return false;
        path.elements.push_back(std::move(element));
      } else if (IsPunctuation("[")) {
        ++pos_;
        const Token& number = Peek();
        if (number.kind != TokenKind::kNumber) return SyntaxError();
        for (char c : number.text) {
          if (c < '0' || c > '9') return SyntaxError();
        }
        if (number.text.size() > 9) return Fail("List index is too large; index: " + number.text);
        PathElement element;
        element.is_index = true;
        element.index = std::stoul(number.text);
        ++pos_;
        if (!Expect("]")) return false;
        path.elements.push_back(std::move(element));
      } else {
        return true;
      }
    }
  }

  bool IsFunctionCall() const {
    return Peek().kind == TokenKind::kIdentifier && IsPunctuation("(", 1);
  }

  bool CheckArgumentCount(const std::string& function, size_t count, size_t expected) {
    if (count == expected) return true;
    return Fail("Incorrect number of operands for operator or function; operator or function: " +
                function + ", number of operands: " + std::to_string(count));
  }

  // Arguments of a call already positioned after the name's "(".
  bool ParseArguments(std::vector<Operand>& arguments, bool update_context) {
    if (IsPunctuation(")")) {
      ++pos_;
      return true;
    }
    while (true) {
      Operand argument;
      if (!ParseOperand(argument, update_context)) return false;
      arguments.push_back(std::move(argument));
      if (IsPunctuation(",")) {
        ++pos_;
        continue;
      }
      return Expect(")");
    }
  }

  bool ParseFunctionOperand(Operand& operand, bool update_context) {
    const std::string name = Peek().text;
    pos_ += 2;  // name and "("
    std::vector<Operand> arguments;
    if (!ParseArguments(arguments, update_context)) return false;
    if (name == "size" && !update_context) {
      if (!CheckArgumentCount(name, arguments.size(), 1)) return false;
      operand.kind = Operand::Kind::kSize;
    } else if (name == "if_not_exists" && update_context) {
      if (!CheckArgumentCount(name, arguments.size(), 2)) return false;
      operand.kind = Operand::Kind::kIfNotExists;
    } else if (name == "list_append" && update_context) {
      if (!CheckArgumentCount(name, arguments.size(), 2)) return false;
      operand.kind = Operand::Kind::kListAppend;
    } else if (IsKnownFunction(name)) {
      return Fail("The function is not allowed to be used this way in an expression; function: " +
                  name);
    } else {
      return Fail("Invalid function name; function: " + name);
    }
    operand.arguments = std::move(arguments);
    return true;
  }

  static bool IsKnownFunction(std::string_view name) {
    for (std::string_view known : {"attribute_exists", "attribute_not_exists", "attribute_type",
                                   "begins_with", "contains", "size", "if_not_exists",
                                   "list_append"}) {
      if (name == known) return true;
    }
    return false;
  }

  bool ParseOperand(Operand& operand, bool update_context) {
    const Token& token = Peek();
    if (token.kind == TokenKind::kValuePlaceholder && token.text.size() > 1) {
      operand.kind = Operand::Kind::kValue;
      operand.value_name = token.text;
      ++pos_;
      return true;
    }
    if (IsFunctionCall()) return ParseFunctionOperand(operand, update_context);
    operand.kind = Operand::Kind::kPath;
    return ParsePath(operand.path);
  }

  // --- conditions ----------------------------------------------------------------------------

  bool ParseOr(Condition& condition, int depth) {
    if (!ParseAnd(condition, depth)) return false;
    while (IsKeyword("OR")) {
      ++pos_;
      Condition right;
      if (!ParseAnd(right, depth)) return false;
      Condition both;
      both.kind = Condition::Kind::kOr;
      both.children.push_back(std::move(condition));
      both.children.push_back(std::move(right));
      condition = std::move(both);
    }
    return true;
  }

  bool ParseAnd(Condition& condition, int depth) {
    if (!ParseNot(condition, depth)) return false;
    while (IsKeyword("AND")) {
      ++pos_;
      Condition right;
      if (!ParseNot(right, depth)) return false;
      Condition both;
      both.kind = Condition::Kind::kAnd;
      both.children.push_back(std::move(condition));
      both.children.push_back(std::move(right));
      condition = std::move(both);
    }
    return true;
  }

  bool ParseNot(Condition& condition, int depth) {
    if (IsKeyword("NOT")) {
      ++pos_;
      if (depth >= kMaxNestingDepth) return Fail("The expression has too many nested levels;");
      Condition inner;
      if (!ParseNot(inner, depth + 1)) return false;
      condition.kind = Condition::Kind::kNot;
      condition.children.push_back(std::move(inner));
      return true;
    }
    return ParsePrimary(condition, depth);
  }

  bool ParsePrimary(Condition& condition, int depth) {
    if (IsPunctuation("(")) {
      if (depth >= kMaxNestingDepth) return Fail("The expression has too many nested levels;");
      ++pos_;
      if (!ParseOr(condition, depth + 1)) return false;
      if (!Expect(")")) return false;
      if (condition.parenthesized) return Fail("The expression has redundant parentheses;");
      condition.parenthesized = true;
      return true;
    }
    if (IsFunctionCall() && Peek().text != "size") return ParseConditionFunction(condition);
    return ParseComparison(condition);
  }

  bool ParseConditionFunction(Condition& condition) {
    const std::string name = Peek().text;
    static constexpr std::string_view kConditionFunctions[] = {
        "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains"};
    bool known = false;
    for (std::string_view function : kConditionFunctions) known = known || name == function;
    if (!known) {
      if (IsKnownFunction(name)) {
        return Fail(
            "The function is not allowed to be used this way in an expression; function: " +
            name);
      }
      return Fail("Invalid function name; function: " + name);
    }
    pos_ += 2;
    std::vector<Operand> arguments;
    if (!ParseArguments(arguments, /*update_context=*/false)) return false;
    size_t expected = (name == "attribute_exists" || name == "attribute_not_exists") ? 1 : 2;
    if (!CheckArgumentCount(name, arguments.size(), expected)) return false;
    condition.kind = Condition::Kind::kFunction;
    condition.function = name;
    condition.operands = std::move(arguments);
    return true;
  }

  bool ParseComparator(Comparator& comparator) {
    static constexpr std::pair<std::string_view, Comparator> kComparators[] = {
        {"=", Comparator::kEq}, {"<>", Comparator::kNe}, {"<", Comparator::kLt},
        {"<=", Comparator::kLe}, {">", Comparator::kGt}, {">=", Comparator::kGe}};
    for (const auto& [text, value] : kComparators) {
      if (IsPunctuation(text)) {
        comparator = value;
        ++pos_;
        return true;
      }
    }
    return false;
  }

  bool ParseComparison(Condition& condition) {
    Operand left;
    if (!ParseOperand(left, /*update_context=*/false)) return false;
    if (IsKeyword("BETWEEN")) {
      ++pos_;
      Operand low, high;
      if (!ParseOperand(low, false)) return false;
      if (!IsKeyword("AND")) return SyntaxError();
      ++pos_;
      if (!ParseOperand(high, false)) return false;
      condition.kind = Condition::Kind::kBetween;
      condition.operands = {std::move(left), std::move(low), std::move(high)};
      return true;
    }
    if (IsKeyword("IN")) {
      ++pos_;
      if (!Expect("(")) return false;
      condition.kind = Condition::Kind::kIn;
      condition.operands.push_back(std::move(left));
      while (true) {
        Operand candidate;
        if (!ParseOperand(candidate, false)) return false;
        condition.operands.push_back(std::move(candidate));
        if (IsPunctuation(",")) {
          ++pos_;
          continue;
        }
        if (!Expect(")")) return false;
        break;
      }
      // IN takes at most 100 candidates (Developer Guide, "Comparison operator and function
      // reference").
      if (condition.operands.size() - 1 > 100) {
        return Fail("The IN operator is provided with too many operands; number of operands: " +
                    std::to_string(condition.operands.size() - 1));
      }
      return true;
    }
    Comparator comparator;
    if (!ParseComparator(comparator)) return SyntaxError();
    Operand right;
    if (!ParseOperand(right, false)) return false;
    condition.kind = Condition::Kind::kCompare;
    condition.comparator = comparator;
    condition.operands = {std::move(left), std::move(right)};
    return true;
  }

  // --- update expressions ------------------------------------------------------------------

  bool ParseSetValue(Operand& value) {
    Operand left;
    if (!ParseOperand(left, /*update_context=*/true)) return false;
    if (IsPunctuation("+") || IsPunctuation("-")) {
      Operand combined;
      combined.kind = IsPunctuation("+") ? Operand::Kind::kPlus : Operand::Kind::kMinus;
      ++pos_;
      Operand right;
      if (!ParseOperand(right, true)) return false;
      combined.arguments = {std::move(left), std::move(right)};
      value = std::move(combined);
      return true;
    }
    value = std::move(left);
    return true;
  }

  bool ParseUpdateSection(UpdateExpression& update, UpdateAction::Kind kind) {
    while (true) {
      UpdateAction action;
      action.kind = kind;
      if (!ParsePath(action.path)) return false;
      if (kind == UpdateAction::Kind::kSet) {
        if (!Expect("=")) return false;
        if (!ParseSetValue(action.value)) return false;
      } else if (kind != UpdateAction::Kind::kRemove) {
        // ADD and DELETE take a :value, nothing else ("ADD path value" where value is an
        // expression attribute value): `DELETE x y` is a syntax error at y.
        if (Peek().kind != TokenKind::kValuePlaceholder) return SyntaxError();
        if (!ParseOperand(action.value, /*update_context=*/true)) return false;
      }
      update.actions.push_back(std::move(action));
      if (!IsPunctuation(",")) return true;
      ++pos_;
    }
  }

  bool ParseUpdateExpression(UpdateExpression& update) {
    static constexpr std::pair<std::string_view, UpdateAction::Kind> kSections[] = {
        {"SET", UpdateAction::Kind::kSet},
        {"REMOVE", UpdateAction::Kind::kRemove},
        {"ADD", UpdateAction::Kind::kAdd},
        {"DELETE", UpdateAction::Kind::kDelete}};
    bool seen[4] = {false, false, false, false};
    while (!AtEnd()) {
      bool matched = false;
      for (size_t i = 0; i < 4; ++i) {
        if (!IsKeyword(kSections[i].first)) continue;
        if (seen[i]) {
          return Fail("The \"" + std::string(kSections[i].first) +
                      "\" section can only be used once in an update expression;");
        }
        seen[i] = matched = true;
        ++pos_;
        if (!ParseUpdateSection(update, kSections[i].second)) return false;
        break;
      }
      if (!matched) return SyntaxError();
    }
    return true;
  }

  bool ParseProjectionExpression(ProjectionExpression& projection) {
    while (true) {
      Path path;
      if (!ParsePath(path)) return false;
      projection.paths.push_back(std::move(path));
      if (AtEnd()) return true;
      if (!Expect(",")) return false;
    }
  }

  bool ExpectEnd() { return AtEnd() || SyntaxError(); }

 private:
  std::string_view text_;
  ExpressionKind kind_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  base::Status status_;
};

base::Status EmptyExpression(ExpressionKind kind) {
  return base::Status::Validation("Invalid " + std::string(ExpressionMemberName(kind)) +
                                  ": The expression can not be empty;");
}

bool IsBlank(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

}  // namespace

std::string_view ExpressionMemberName(ExpressionKind kind) {
  switch (kind) {
    case ExpressionKind::kCondition: return "ConditionExpression";
    case ExpressionKind::kFilter: return "FilterExpression";
    case ExpressionKind::kKeyCondition: return "KeyConditionExpression";
    case ExpressionKind::kProjection: return "ProjectionExpression";
    case ExpressionKind::kUpdate: return "UpdateExpression";
  }
  return "Expression";
}

base::Result<Condition> ParseCondition(std::string_view text, ExpressionKind kind) {
  if (IsBlank(text)) return EmptyExpression(kind);
  Parser parser(text, kind);
  Condition condition;
  if (!parser.ParseOr(condition, 0) || !parser.ExpectEnd()) return parser.status();
  return condition;
}

base::Result<ProjectionExpression> ParseProjection(std::string_view text) {
  if (IsBlank(text)) return EmptyExpression(ExpressionKind::kProjection);
  Parser parser(text, ExpressionKind::kProjection);
  ProjectionExpression projection;
  if (!parser.ParseProjectionExpression(projection)) return parser.status();
  return projection;
}

base::Result<UpdateExpression> ParseUpdate(std::string_view text) {
  if (IsBlank(text)) return EmptyExpression(ExpressionKind::kUpdate);
  Parser parser(text, ExpressionKind::kUpdate);
  UpdateExpression update;
  if (!parser.ParseUpdateExpression(update)) return parser.status();
  return update;
}

}  // namespace ddbpg::expr
