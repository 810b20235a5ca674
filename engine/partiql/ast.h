// The PartiQL statements DynamoDB accepts, as the parser leaves them. Nothing here evaluates:
// engine/api/partiql_translate.cc turns a statement into the JSON API request it stands for
// (GetItem, Query, Scan, PutItem, UpdateItem, DeleteItem), so PartiQL runs on the same
// expression evaluator and write path as every other request.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace ddbpg::partiql {

// A value written in the statement: a literal, or a `?` taken from the request's Parameters.
struct Literal {
  enum class Kind { kString, kNumber, kBoolean, kNull, kList, kTuple, kBag, kParameter };
  Kind kind = Kind::kNull;
  std::string text;               // a string's characters or a number as written
  bool boolean = false;           // kBoolean
  int parameter = -1;             // kParameter: the index of this `?` among the statement's
  std::vector<Literal> elements;  // kList and kBag
  std::vector<std::pair<std::string, Literal>> members;  // kTuple, in the order written
};

// A document path: a name, then names (`.b`, `['b']`) and list indexes (`[0]`).
struct PathStep {
  bool is_index = false;
  std::string name;
  long long index = 0;
};
using Path = std::vector<PathStep>;

// A condition or an operand inside one. Operands are paths, literals and function calls;
// conditions combine them.
struct Expr {
  enum class Kind {
    kPath,
    kLiteral,
    kCall,     // name (lower case) and operands: begins_with, contains, size, ...
    kCompare,  // name is the operator: = <> < <= > >=
    kAnd,
    kOr,
    kNot,
    kBetween,    // operands: value, low, high
    kIn,         // operands: value, then the candidates
    kIsMissing,  // operands: the path; negated for IS NOT MISSING
    kIsNull,     // operands: the path; negated for IS NOT NULL
    kIsType,     // operands: the path; name: the DynamoDB types it may hold ("S", "SS NS BS")
    kArithmetic  // name is + or -: only in UPDATE's SET values
  };
  Kind kind = Kind::kLiteral;
  // Where it starts, as the service's messages place it (" at 1:31:7": a call's name, a path's
  // first name); empty for what the parser made up.
  std::string place;
  Path path;
  Literal literal;
  std::string name;
  bool negated = false;
  std::vector<Expr> operands;
};

// RETURNING ALL OLD * and its kin, spelled as UpdateItem's ReturnValues.
enum class Returning { kNone, kAllOld, kUpdatedOld, kAllNew, kUpdatedNew };

struct OrderBy {
  Path path;
  bool descending = false;
};

struct Select {
  bool all_attributes = false;   // SELECT *
  std::vector<Path> projection;  // otherwise, the paths listed
  // A function call in the projection (COUNT(*), attribute_exists(a)) parses, and is refused
  // once the table is known (after a multi-attribute index's refusal, captured 2026): this text.
  std::string projection_fault;
  std::string table;
  std::string index;        // FROM "table"."index"
  std::vector<Expr> where;  // empty, or the one WHERE condition
  std::vector<OrderBy> order_by;
};

struct Insert {
  std::string table;
  Literal item;  // a tuple, or a `?` whose value is a map
};

struct UpdateAction {
  bool remove = false;  // REMOVE path, else SET path = value
  Path path;
  Expr value;
};

struct Update {
  std::string table;
  std::vector<UpdateAction> actions;
  Expr where;
  Returning returning = Returning::kNone;
};

struct Delete {
  std::string table;
  Expr where;
  Returning returning = Returning::kNone;
};

// EXISTS(SELECT ... WHERE <whole key> AND ...): a transaction's ConditionCheck (Developer
// Guide, "Using the EXISTS function with PartiQL for DynamoDB").
struct Exists {
  std::string table;
  Select select;
};

struct Statement {
  std::variant<Select, Insert, Update, Delete, Exists> body;
  int parameter_count = 0;  // the `?` it holds, which Parameters must match
};

}  // namespace ddbpg::partiql
