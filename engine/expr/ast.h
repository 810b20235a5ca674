// The abstract syntax of DynamoDB's five expression kinds (condition, filter, key condition,
// projection, update), produced by parser.h and consumed by evaluator.h.
//
// Names and values stay as written (`#n`, `:v`, `Price`) in the tree; resolve.h substitutes
// ExpressionAttributeNames/Values and reports what was undefined or unused.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace ddbpg::expr {

// One step of a document path: an attribute or map key (`a`, `#n`), or a list index (`[2]`).
struct PathElement {
  bool is_index = false;
  std::string name;  // as written: an identifier or a `#placeholder`; resolved in place
  size_t index = 0;
};

struct Path {
  std::vector<PathElement> elements;
};

// A value-producing term: a path, a `:value`, or a function or arithmetic over operands.
struct Operand {
  enum class Kind {
    kPath,
    kValue,        // `:name`
    kSize,         // size(path)
    kIfNotExists,  // if_not_exists(path, operand)     (update expressions only)
    kListAppend,   // list_append(operand, operand)    (update expressions only)
    kPlus,         // operand + operand                (update expressions only)
    kMinus,        // operand - operand                (update expressions only)
  };
  Kind kind = Kind::kPath;
  Path path;               // kPath, kSize, first argument of kIfNotExists
  std::string value_name;  // kValue: the placeholder as written, e.g. ":v"
  std::vector<Operand> arguments;
};

enum class Comparator { kEq, kNe, kLt, kLe, kGt, kGe };

struct Condition {
  enum class Kind { kCompare, kBetween, kIn, kFunction, kAnd, kOr, kNot };
  Kind kind = Kind::kCompare;
  Comparator comparator = Comparator::kEq;  // kCompare
  std::string function;                     // kFunction: attribute_exists, begins_with, ...
  std::vector<Operand> operands;            // kCompare: 2, kBetween: 3, kIn: 1 + list, kFunction
  std::vector<Condition> children;          // kAnd, kOr: 2, kNot: 1
  bool parenthesized = false;               // written inside its own parentheses
};

struct SetAction {
  Path path;
  Operand value;
};

struct UpdateAction {
  enum class Kind { kSet, kRemove, kAdd, kDelete };
  Kind kind = Kind::kSet;
  Path path;
  Operand value;  // kSet, kAdd, kDelete
};

struct UpdateExpression {
  std::vector<UpdateAction> actions;  // in the order written
};

struct ProjectionExpression {
  std::vector<Path> paths;
};

}  // namespace ddbpg::expr
