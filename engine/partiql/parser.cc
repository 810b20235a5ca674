#include "engine/partiql/parser.h"

#include <cctype>
#include <string>
#include <vector>

#include "engine/base/ascii_case.h"
#include "engine/partiql/keywords.h"
#include "engine/partiql/lexer.h"

namespace ddbpg::partiql {
namespace {

// Nesting deeper than this (parentheses, lists, tuples) is refused before it can exhaust the
// stack; no statement of 8,192 characters needs more to be useful.
constexpr int kMaxNesting = 64;

bool SameWord(std::string_view a, std::string_view b) {
  return base::EqualsIgnoringAsciiCase(a, b);
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// The name PartiQL's syntax tree gives `expr`'s node, as the service's "Unsupported operation"
// names it (IS NULL and IS MISSING are type tests there; IS NOT wraps one in Not).
std::string NodeName(const Expr& expr) {
  switch (expr.kind) {
    case Expr::Kind::kPath:
      return expr.path.size() == 1 ? "Id" : "Path";
    case Expr::Kind::kLiteral:
      switch (expr.literal.kind) {
        case Literal::Kind::kList: return "List";
        case Literal::Kind::kTuple: return "Struct";
        case Literal::Kind::kBag: return "Bag";
        case Literal::Kind::kParameter: return "Parameter";
        default: return "Lit";
      }
    case Expr::Kind::kCall: return "Call";
    case Expr::Kind::kCompare: {
      static const auto* kNames = new std::vector<std::pair<std::string_view, std::string_view>>{
          {"=", "Eq"}, {"<>", "Ne"}, {"<", "Lt"}, {"<=", "Lte"}, {">", "Gt"}, {">=", "Gte"}};
      for (const auto& [sign, name] : *kNames) {
        if (expr.name == sign) return std::string(name);
      }
      return "Eq";
    }
    case Expr::Kind::kAnd: return "And";
    case Expr::Kind::kOr: return "Or";
    case Expr::Kind::kNot: return "Not";
    case Expr::Kind::kBetween: return "Between";
    case Expr::Kind::kIn: return "InCollection";
    case Expr::Kind::kIsMissing:
    case Expr::Kind::kIsNull:
    case Expr::Kind::kIsType: return expr.negated ? "Not" : "IsType";
    case Expr::Kind::kArithmetic: return expr.name == "-" ? "Minus" : "Plus";
  }
  return "Lit";
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  base::Result<Statement> ParseStatement() {
    Statement statement;
    if (Keyword("SELECT")) {
      base::Result<Select> select = ParseSelect();
      if (!select.ok()) return select.status();
      statement.body = std::move(*select);
    } else if (Keyword("INSERT")) {
      base::Result<Insert> insert = ParseInsert();
      if (!insert.ok()) return insert.status();
      statement.body = std::move(*insert);
    } else if (Keyword("UPDATE")) {
      base::Result<Update> update = ParseUpdate(/*where_first=*/false);
      if (!update.ok()) return update.status();
      statement.body = std::move(*update);
    } else if (Keyword("DELETE")) {
      base::Result<Delete> del = ParseDelete();
      if (!del.ok()) return del.status();
      statement.body = std::move(*del);
    } else if (Keyword("EXISTS")) {
      base::Result<Exists> exists = ParseExists();
      if (!exists.ok()) return exists.status();
      statement.body = std::move(*exists);
    } else if (Keyword("FROM")) {
      base::Result<Update> update = ParseUpdate(/*where_first=*/true);
      if (!update.ok()) return update.status();
      statement.body = std::move(*update);
    } else {
      return ExpressionStatement();
    }
    Punctuation(";");
    if (Peek().kind != Token::Kind::kEnd) return LeftoverToken();
    statement.parameter_count = parameters_;
    return statement;
  }

 private:
  // PartiQL's grammar takes a lone expression as a statement, which the service then refuses to
  // run: "Unsupported operation: <its node>" (captured, 2026: `x IS INT4`, IsType). What does
  // not parse as one whole expression keeps the fault of its first token.
  base::Status ExpressionStatement() {
    const base::Status unexpected = Unexpected();
    base::Result<Expr> expression = ParseCondition();
    if (!expression.ok()) return unexpected;
    Punctuation(";");
    if (Peek().kind != Token::Kind::kEnd) return unexpected;
    return base::Status::Validation("Unsupported operation: " + NodeName(*expression));
  }

  // --- tokens ---------------------------------------------------------------------------------

  const Token& Peek(size_t ahead = 0) const {
    size_t at = pos_ + ahead;
    return tokens_[at < tokens_.size() ? at : tokens_.size() - 1];
  }
  bool IsKeyword(std::string_view word, size_t ahead = 0) const {
    return Peek(ahead).kind == Token::Kind::kName && SameWord(Peek(ahead).text, word);
  }
  bool IsPunctuation(std::string_view sign) const {
    return Peek().kind == Token::Kind::kPunctuation && Peek().text == sign;
  }
  bool Keyword(std::string_view word) {
    if (!IsKeyword(word)) return false;
    ++pos_;
    return true;
  }
  bool Punctuation(std::string_view sign) {
    if (!IsPunctuation(sign)) return false;
    ++pos_;
    return true;
  }
  base::Status Unexpected() const {
    const Token& token = Peek();
    if (token.kind == Token::Kind::kEnd) return MalformedStatement("Unexpected end of statement");
    std::string shown = token.kind == Token::Kind::kString       ? "'" + token.text + "'"
                        : token.kind == Token::Kind::kQuotedName ? "\"" + token.text + "\""
                                                                 : token.text;
    return MalformedStatement("Unexpected token " + shown + " at position " +
                              std::to_string(token.offset + 1));
  }
  // A token after a whole statement (captured from the service, 2026).
  static base::Status LeftoverToken() {
    return MalformedStatement("Unexpected token after expression");
  }
  // A name after the table's ("FROM t x", "FROM t AS x") is an alias, which the service
  // refuses on its own (captured in 2026).
  base::Status RefuseAlias() const {
    if (IsKeyword("AS")) return base::Status::Validation("Aliasing is not supported");
    if (Peek().kind != Token::Kind::kName) return base::Status::OK();
    for (std::string_view clause : {"WHERE", "ORDER", "SET", "REMOVE", "RETURNING"}) {
      if (IsKeyword(clause)) return base::Status::OK();
    }
    return base::Status::Validation("Aliasing is not supported");
  }
  base::Status ExpectKeyword(std::string_view word) {
    return Keyword(word) ? base::Status::OK() : Unexpected();
  }
  base::Status ExpectPunctuation(std::string_view sign) {
    return Punctuation(sign) ? base::Status::OK() : Unexpected();
  }

  // A table, index or attribute name: plain or "double-quoted".
  base::Result<std::string> Name() {
    const Token& token = Peek();
    if (token.kind != Token::Kind::kName && token.kind != Token::Kind::kQuotedName) {
      return Unexpected();
    }
    ++pos_;
    return token.text;
  }

  // The type name after IS (PartiQL's, in one or two words), as the DynamoDB types a value of
  // it has; "Expected type name" for any other word (captured, 2026).
  base::Result<std::string> TypeTest() {
    static const auto* kTypes = new std::vector<std::pair<std::string_view, std::string_view>>{
        {"BOOL", "BOOL"}, {"BOOLEAN", "BOOL"}, {"STRING", "S"}, {"CHAR", "S"},
        {"CHARACTER VARYING", "S"}, {"CHARACTER", "S"}, {"VARCHAR", "S"}, {"SYMBOL", "S"},
        {"CLOB", "S"}, {"SMALLINT", "N"}, {"INT2", "N"}, {"INTEGER2", "N"}, {"INT4", "N"},
        {"INTEGER4", "N"}, {"INT8", "N"}, {"INTEGER8", "N"}, {"INT", "N"}, {"INTEGER", "N"},
        {"BIGINT", "N"}, {"REAL", "N"}, {"FLOAT", "N"}, {"DOUBLE PRECISION", "N"},
        {"DECIMAL", "N"}, {"DEC", "N"}, {"NUMERIC", "N"}, {"BLOB", "B"}, {"LIST", "L"},
        {"SEXP", "L"}, {"STRUCT", "M"}, {"TUPLE", "M"}, {"BAG", "SS NS BS"}};
    for (const auto& [words, types] : *kTypes) {
      const size_t space = words.find(' ');
      if (space == std::string_view::npos) {
        if (Keyword(words)) return std::string(types);
      } else if (IsKeyword(words.substr(0, space)) && IsKeyword(words.substr(space + 1), 1)) {
        pos_ += 2;
        return std::string(types);
      }
    }
    return MalformedStatement("Expected type name");
  }

  // Whether the statement ends here (a final ';' included).
  bool AtStatementEnd() const {
    return Peek().kind == Token::Kind::kEnd ||
           (IsPunctuation(";") && Peek(1).kind == Token::Kind::kEnd);
  }

  // Where a term is due, the service's texts for what cannot start one (captured, 2026): the
  // statement's end, an operator, a clause's keyword.
  base::Status CheckTermStart() const {
    if (AtStatementEnd()) return MalformedStatement("Unexpected term");
    for (std::string_view word : {"IS", "LIKE", "BETWEEN", "IN", "AND", "OR"}) {
      if (IsKeyword(word)) return MalformedStatement("Unexpected operator");
    }
    for (std::string_view word : {"SELECT", "FROM", "WHERE", "ORDER", "BY", "SET", "REMOVE",
                                  "INSERT", "INTO", "VALUE", "UPDATE", "DELETE", "RETURNING"}) {
      if (IsKeyword(word)) return MalformedStatement("Unexpected keyword");
    }
    return base::Status::OK();
  }

  // Past a call's name and its parenthesised arguments, whatever tokens they are.
  base::Status SkipCall() {
    pos_ += 2;
    for (int open = 1; open > 0; ++pos_) {
      if (Peek().kind == Token::Kind::kEnd) return Unexpected();
      if (IsPunctuation("(")) ++open;
      if (IsPunctuation(")")) --open;
      if (IsPunctuation("?")) ++parameters_;  // still one of the statement's parameters
    }
    return base::Status::OK();
  }

  // --- statements -----------------------------------------------------------------------------

  base::Result<Select> ParseSelect() {
    Select select;
    if (Punctuation("*")) {
      select.all_attributes = true;
    } else {
      do {
        // A projection is paths only: a call there is refused at its name (captured, 2026).
        if (Peek().kind == Token::Kind::kName && Peek(1).kind == Token::Kind::kPunctuation &&
            Peek(1).text == "(") {
          if (select.projection_fault.empty()) {
            select.projection_fault = "Unexpected path component" + PlaceOf(Peek());
          }
          if (base::Status s = SkipCall(); !s.ok()) return s;
          continue;
        }
        base::Result<Path> path = ParsePath();
        if (!path.ok()) return path.status();
        select.projection.push_back(std::move(*path));
      } while (Punctuation(","));
    }
    if (base::Status s = ExpectKeyword("FROM"); !s.ok()) return s;
    if (AtStatementEnd()) return MalformedStatement("Unexpected term");
    base::Result<std::string> table = Name();
    if (!table.ok()) return table.status();
    select.table = *table;
    if (Punctuation(".")) {
      base::Result<std::string> index = Name();
      if (!index.ok()) return index.status();
      select.index = *index;
    }
    if (base::Status s = RefuseAlias(); !s.ok()) return s;
    if (Keyword("WHERE")) {
      base::Result<Expr> where = ParseCondition();
      if (!where.ok()) return where.status();
      select.where.push_back(std::move(*where));
    }
    if (Keyword("ORDER")) {
      if (base::Status s = ExpectKeyword("BY"); !s.ok()) return s;
      do {
        OrderBy order;
        base::Result<Path> path = ParsePath();
        if (!path.ok()) return path.status();
        order.path = std::move(*path);
        if (Keyword("DESC")) {
          order.descending = true;
        } else {
          Keyword("ASC");
        }
        select.order_by.push_back(std::move(order));
      } while (Punctuation(","));
    }
    return select;
  }

  // EXISTS ( SELECT ... ): the SELECT in parentheses.
  base::Result<Exists> ParseExists() {
    if (!Punctuation("(") || !Keyword("SELECT")) return Unexpected();
    base::Result<Select> select = ParseSelect();
    if (!select.ok()) return select.status();
    if (!Punctuation(")")) return Unexpected();
    Exists exists;
    exists.table = select->table;
    exists.select = std::move(*select);
    return exists;
  }

  base::Result<Insert> ParseInsert() {
    Insert insert;
    if (base::Status s = ExpectKeyword("INTO"); !s.ok()) return s;
    base::Result<std::string> table = Name();
    if (!table.ok()) return table.status();
    insert.table = *table;
    if (Peek().kind == Token::Kind::kName && !IsKeyword("VALUE")) return LeftoverToken();
    if (base::Status s = ExpectKeyword("VALUE"); !s.ok()) return s;
    in_insert_value_ = true;
    base::Result<Literal> item = ParseLiteral();
    in_insert_value_ = false;
    if (!item.ok()) return item.status();
    insert.item = std::move(*item);
    return insert;
  }

  // UPDATE t SET ... REMOVE ... WHERE ... [RETURNING ...], or, `where_first`, the same written
  // FROM t WHERE ... SET ... REMOVE ..., which the service runs alike (captured in 2026).
  base::Result<Update> ParseUpdate(bool where_first) {
    Update update;
    base::Result<std::string> table = Name();
    if (!table.ok()) return table.status();
    update.table = *table;
    if (base::Status s = RefuseAlias(); !s.ok()) return s;
    if (!where_first) {
      if (base::Status s = ParseUpdateActions(update); !s.ok()) return s;
    }
    // Written FROM first, the WHERE clause may be left out, and the key is then missing
    // (captured, 2026).
    if (!where_first || IsKeyword("WHERE")) {
      if (base::Status s = ExpectKeyword("WHERE"); !s.ok()) return s;
      base::Result<Expr> where = ParseCondition();
      if (!where.ok()) return where.status();
      update.where = std::move(*where);
    }
    if (where_first) {
      if (base::Status s = ParseUpdateActions(update); !s.ok()) return s;
    }
    base::Result<Returning> returning = ParseReturning();
    if (!returning.ok()) return returning.status();
    update.returning = *returning;
    return update;
  }

  // SET and REMOVE clauses in any number and order, each with one or more actions; at least one.
  base::Status ParseUpdateActions(Update& update) {
    while (IsKeyword("SET") || IsKeyword("REMOVE")) {
      bool remove = Keyword("REMOVE");
      if (!remove) Keyword("SET");
      do {
        UpdateAction action;
        action.remove = remove;
        base::Result<Path> path = ParsePath();
        if (!path.ok()) return path.status();
        action.path = std::move(*path);
        if (!remove) {
          if (base::Status s = ExpectPunctuation("="); !s.ok()) return s;
          base::Result<Expr> value = ParseSetValue();
          if (!value.ok()) return value.status();
          action.value = std::move(*value);
        }
        update.actions.push_back(std::move(action));
      } while (Punctuation(","));
    }
    return update.actions.empty() ? Unexpected() : base::Status::OK();
  }

  base::Result<Delete> ParseDelete() {
    Delete del;
    if (base::Status s = ExpectKeyword("FROM"); !s.ok()) return s;
    if (AtStatementEnd() || IsKeyword("WHERE")) {
      return MalformedStatement("Expected identifier for simple path");
    }
    base::Result<std::string> table = Name();
    if (!table.ok()) return table.status();
    del.table = *table;
    if (base::Status s = RefuseAlias(); !s.ok()) return s;
    if (base::Status s = ExpectKeyword("WHERE"); !s.ok()) return s;
    base::Result<Expr> where = ParseCondition();
    if (!where.ok()) return where.status();
    del.where = std::move(*where);
    base::Result<Returning> returning = ParseReturning();
    if (!returning.ok()) return returning.status();
    del.returning = *returning;
    return del;
  }

  // RETURNING (ALL | MODIFIED) (OLD | NEW) *
  base::Result<Returning> ParseReturning() {
    if (!Keyword("RETURNING")) return Returning::kNone;
    bool all = Keyword("ALL");
    if (!all && !Keyword("MODIFIED")) return Unexpected();
    bool old_values = Keyword("OLD");
    if (!old_values && !Keyword("NEW")) return Unexpected();
    if (base::Status s = ExpectPunctuation("*"); !s.ok()) return s;
    if (old_values) return all ? Returning::kAllOld : Returning::kUpdatedOld;
    return all ? Returning::kAllNew : Returning::kUpdatedNew;
  }

  // --- paths and values -----------------------------------------------------------------------

  base::Result<Path> ParsePath() {
    Path path;
    base::Result<std::string> first = Name();
    if (!first.ok()) return first.status();
    path.push_back({false, *first, 0});
    while (true) {
      if (Punctuation(".")) {
        // The service reads a bare reserved word as a keyword, and a keyword is no path
        // component (captured, 2026: m.inner).
        if (Peek().kind == Token::Kind::kName && IsReservedWord(Peek().text)) {
          return MalformedStatement("Invalid path dot component");
        }
        base::Result<std::string> name = Name();
        if (!name.ok()) return name.status();
        path.push_back({false, *name, 0});
      } else if (Punctuation("[")) {
        const Token& token = Peek();
        if (token.kind == Token::Kind::kString) {
          path.push_back({false, token.text, 0});
        } else if (token.kind == Token::Kind::kNumber &&
                   token.text.find_first_not_of("0123456789") == std::string::npos &&
                   token.text.size() <= 9) {
          path.push_back({true, "", std::stoll(token.text)});
        } else {
          return Unexpected();
        }
        ++pos_;
        if (base::Status s = ExpectPunctuation("]"); !s.ok()) return s;
      } else {
        return path;
      }
    }
  }

  base::Result<Literal> ParseLiteral() {
    if (++depth_ > kMaxNesting) return MalformedStatement("Statement nesting is too deep");
    base::Result<Literal> literal = ParseLiteralAt();
    --depth_;
    return literal;
  }

  base::Result<Literal> ParseLiteralAt() {
    Literal literal;
    const Token& token = Peek();
    if (token.kind == Token::Kind::kString) {
      literal.kind = Literal::Kind::kString;
      literal.text = token.text;
      ++pos_;
    } else if (token.kind == Token::Kind::kNumber) {
      literal.kind = Literal::Kind::kNumber;
      literal.text = token.text;
      ++pos_;
    } else if (IsPunctuation("-") && Peek(1).kind == Token::Kind::kNumber) {
      literal.kind = Literal::Kind::kNumber;
      literal.text = "-" + Peek(1).text;
      pos_ += 2;
    } else if (Punctuation("?")) {
      literal.kind = Literal::Kind::kParameter;
      literal.parameter = parameters_++;
    } else if (Keyword("TRUE") || Keyword("FALSE")) {
      literal.kind = Literal::Kind::kBoolean;
      literal.boolean = SameWord(tokens_[pos_ - 1].text, "TRUE");
    } else if (Keyword("NULL")) {
      literal.kind = Literal::Kind::kNull;
    } else if (Punctuation("[")) {
      literal.kind = Literal::Kind::kList;
      if (base::Status s = ParseElements("]", literal.elements); !s.ok()) return s;
    } else if (Punctuation("<<")) {
      literal.kind = Literal::Kind::kBag;
      if (base::Status s = ParseElements(">>", literal.elements); !s.ok()) return s;
    } else if (Punctuation("{")) {
      literal.kind = Literal::Kind::kTuple;
      if (base::Status s = ParseMembers(literal.members); !s.ok()) return s;
    } else if (in_insert_value_ && token.kind == Token::Kind::kName && Peek(1).text == "(" &&
               Peek(1).kind == Token::Kind::kPunctuation) {
      // An INSERT's item holds values only: a call there is a type the item cannot hold, named
      // at the item's root whatever its key (captured, 2026: 'ss': set_add(...)).
      return base::Status::Validation("Unsupported data type: " + token.text + " under key root" +
                                      PlaceOf(token));
    } else {
      return Unexpected();
    }
    return literal;
  }

  // Values separated by commas up to `close` (which may come at once: an empty list).
  base::Status ParseElements(std::string_view close, std::vector<Literal>& elements) {
    if (Punctuation(close)) return base::Status::OK();
    do {
      base::Result<Literal> element = ParseLiteral();
      if (!element.ok()) return element.status();
      elements.push_back(std::move(*element));
    } while (Punctuation(","));
    return ExpectPunctuation(close);
  }

  // 'name' : value pairs up to the closing brace.
  base::Status ParseMembers(std::vector<std::pair<std::string, Literal>>& members) {
    if (Punctuation("}")) return base::Status::OK();
    do {
      const Token& key = Peek();
      if (key.kind != Token::Kind::kString && key.kind != Token::Kind::kQuotedName &&
          key.kind != Token::Kind::kName) {
        return Unexpected();
      }
      std::string name = key.text;
      ++pos_;
      if (base::Status s = ExpectPunctuation(":"); !s.ok()) return s;
      base::Result<Literal> value = ParseLiteral();
      if (!value.ok()) return value.status();
      members.emplace_back(std::move(name), std::move(*value));
    } while (Punctuation(","));
    return ExpectPunctuation("}");
  }

  // --- conditions -----------------------------------------------------------------------------

  base::Result<Expr> ParseCondition() {
    if (++depth_ > kMaxNesting) return MalformedStatement("Statement nesting is too deep");
    base::Result<Expr> condition = ParseBinary(Expr::Kind::kOr);
    --depth_;
    return condition;
  }

  // OR binds looser than AND; both take any number of operands.
  base::Result<Expr> ParseBinary(Expr::Kind kind) {
    const char* word = kind == Expr::Kind::kOr ? "OR" : "AND";
    base::Result<Expr> first = kind == Expr::Kind::kOr ? ParseBinary(Expr::Kind::kAnd) : ParseNot();
    if (!first.ok() || !IsKeyword(word)) return first;
    Expr joined;
    joined.kind = kind;
    joined.operands.push_back(std::move(*first));
    while (Keyword(word)) {
      if (AtStatementEnd()) {
        return MalformedStatement("Missing right-hand side expression of infix operator");
      }
      base::Result<Expr> next =
          kind == Expr::Kind::kOr ? ParseBinary(Expr::Kind::kAnd) : ParseNot();
      if (!next.ok()) return next.status();
      joined.operands.push_back(std::move(*next));
    }
    return joined;
  }

  base::Result<Expr> ParseNot() {
    if (!Keyword("NOT")) return ParsePredicate();
    if (++depth_ > kMaxNesting) return MalformedStatement("Statement nesting is too deep");
    base::Result<Expr> inner = ParseNot();
    --depth_;
    if (!inner.ok()) return inner.status();
    return Wrap(Expr::Kind::kNot, std::move(*inner));
  }

  static Expr Wrap(Expr::Kind kind, Expr inner) {
    Expr wrapped;
    wrapped.kind = kind;
    wrapped.operands.push_back(std::move(inner));
    return wrapped;
  }

  base::Result<Expr> ParsePredicate() {
    // A parenthesised condition; `(` never starts an operand in this dialect.
    if (Punctuation("(")) {
      base::Result<Expr> inner = ParseCondition();
      if (!inner.ok()) return inner.status();
      if (base::Status s = ExpectPunctuation(")"); !s.ok()) return s;
      return inner;
    }
    base::Result<Expr> left = ParseOperand();
    if (!left.ok()) return left.status();
    for (const char* sign : {"=", "<>", "!=", "<=", ">=", "<", ">"}) {
      if (!Punctuation(sign)) continue;
      base::Result<Expr> right = ParseOperand();
      if (!right.ok()) return right.status();
      Expr compare;
      compare.kind = Expr::Kind::kCompare;
      compare.name = std::string(sign) == "!=" ? "<>" : sign;
      compare.operands.push_back(std::move(*left));
      compare.operands.push_back(std::move(*right));
      return compare;
    }
    if (Keyword("BETWEEN")) {
      Expr between;
      between.kind = Expr::Kind::kBetween;
      between.operands.push_back(std::move(*left));
      for (int bound = 0; bound < 2; ++bound) {
        if (bound == 1) {
          if (base::Status s = ExpectKeyword("AND"); !s.ok()) return s;
        }
        base::Result<Expr> value = ParseOperand();
        if (!value.ok()) return value.status();
        between.operands.push_back(std::move(*value));
      }
      return between;
    }
    bool not_in = IsKeyword("NOT") && IsKeyword("IN", 1);
    if (not_in) ++pos_;
    if (Keyword("IN")) {
      base::Result<Expr> in = ParseIn(std::move(*left));
      if (!in.ok() || !not_in) return in;
      return Wrap(Expr::Kind::kNot, std::move(*in));
    }
    if (Keyword("IS")) {
      Expr test;
      test.negated = Keyword("NOT");
      if (Keyword("MISSING")) {
        test.kind = Expr::Kind::kIsMissing;
      } else if (Keyword("NULL")) {
        test.kind = Expr::Kind::kIsNull;
      } else {
        base::Result<std::string> types = TypeTest();
        if (!types.ok()) return types.status();
        test.kind = Expr::Kind::kIsType;
        test.name = *types;
      }
      test.operands.push_back(std::move(*left));
      return test;
    }
    // A function call stands alone as a condition (begins_with, contains, attribute_exists).
    if (left->kind == Expr::Kind::kCall) return left;
    return Unexpected();
  }

  // IN [v, ...] or IN (v, ...): the candidates are values.
  base::Result<Expr> ParseIn(Expr value) {
    Expr in;
    in.kind = Expr::Kind::kIn;
    in.operands.push_back(std::move(value));
    std::string close = Punctuation("[") ? "]" : "";
    if (close.empty()) {
      if (base::Status s = ExpectPunctuation("("); !s.ok()) return s;
      close = ")";
    }
    do {
      base::Result<Expr> candidate = ParseOperand();
      if (!candidate.ok()) return candidate.status();
      in.operands.push_back(std::move(*candidate));
    } while (Punctuation(","));
    if (base::Status s = ExpectPunctuation(close); !s.ok()) return s;
    return in;
  }

  // A path, a value, or a function call on operands.
  base::Result<Expr> ParseOperand() {
    if (base::Status s = CheckTermStart(); !s.ok()) return s;
    Expr operand;
    operand.place = PlaceOf(Peek());
    bool is_name = Peek().kind == Token::Kind::kName || Peek().kind == Token::Kind::kQuotedName;
    bool is_word_value = IsKeyword("TRUE") || IsKeyword("FALSE") || IsKeyword("NULL");
    if (Peek().kind == Token::Kind::kName && Peek(1).kind == Token::Kind::kPunctuation &&
        Peek(1).text == "(") {
      if (++depth_ > kMaxNesting) return MalformedStatement("Statement nesting is too deep");
      operand.kind = Expr::Kind::kCall;
      operand.name = Lower(Peek().text);
      pos_ += 2;
      if (!Punctuation(")")) {
        do {
          base::Result<Expr> argument = ParseOperand();
          if (!argument.ok()) return argument.status();
          operand.operands.push_back(std::move(*argument));
        } while (Punctuation(","));
        if (base::Status s = ExpectPunctuation(")"); !s.ok()) return s;
      }
      --depth_;
      return operand;
    }
    if (is_name && !(is_word_value && Peek().kind == Token::Kind::kName)) {
      base::Result<Path> path = ParsePath();
      if (!path.ok()) return path.status();
      operand.kind = Expr::Kind::kPath;
      operand.path = std::move(*path);
      return operand;
    }
    base::Result<Literal> literal = ParseLiteral();
    if (!literal.ok()) return literal.status();
    operand.kind = Expr::Kind::kLiteral;
    operand.literal = std::move(*literal);
    return operand;
  }

  // SET's right side: operands joined by + and -, or one function call (list_append,
  // set_add, set_delete, if_not_exists).
  base::Result<Expr> ParseSetValue() {
    base::Result<Expr> left = ParseOperand();
    if (!left.ok()) return left.status();
    while (IsPunctuation("+") || IsPunctuation("-")) {
      Expr arithmetic;
      arithmetic.kind = Expr::Kind::kArithmetic;
      arithmetic.name = Peek().text;
      ++pos_;
      base::Result<Expr> right = ParseOperand();
      if (!right.ok()) return right.status();
      arithmetic.operands.push_back(std::move(*left));
      arithmetic.operands.push_back(std::move(*right));
      left = std::move(arithmetic);
    }
    return left;
  }

  std::vector<Token> tokens_;
  size_t pos_ = 0;
  int parameters_ = 0;
  int depth_ = 0;
  bool in_insert_value_ = false;  // ParseInsert is reading the item after VALUE
};

}  // namespace

base::Result<Statement> Parse(std::string_view statement) {
  base::Result<std::vector<Token>> tokens = Tokenize(statement);
  if (!tokens.ok()) return tokens.status();
  Parser parser(std::move(*tokens));
  return parser.ParseStatement();
}

}  // namespace ddbpg::partiql
