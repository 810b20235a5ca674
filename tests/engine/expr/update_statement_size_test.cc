// UpdateItem's statement size (expr/update_statement_size.h), against the charges paritysuite's
// itemSizeBySurface measured in eu-west-2 in 2026: each case is a figure the service's ceiling
// moved by.
#include "engine/expr/update_statement_size.h"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/expr/parser.h"
#include "engine/value/ddb_json.h"

namespace ddbpg::expr {
namespace {

using json = nlohmann::json;

value::Item ItemOf(const std::string& wire) { return *value::DecodeItem(json::parse(wire)); }

// The statement size of `expression` with `values` over `current` ("" for no item).
size_t SizeOf(const std::string& expression, const std::string& values,
              const std::string& current = "", std::map<std::string, std::string> names = {}) {
  ExpressionContext context(std::move(names), ItemOf(values));
  base::Result<UpdateExpression> update = ParseUpdate(expression);
  EXPECT_TRUE(update.ok()) << expression;
  EXPECT_TRUE(context.Resolve(*update).ok()) << expression;
  const value::Item item = current.empty() ? value::Item() : ItemOf(current);
  return UpdateStatementSize(*update, context, current.empty() ? nullptr : &item);
}

constexpr size_t kBase = 3;
constexpr size_t kSet = 19;

TEST(UpdateStatementSizeTest, ASetIsNineteenPlusItsTargetAndTheValueItWrites) {
  EXPECT_EQ(SizeOf("SET b = :pad", R"({":pad": {"S": "0123456789"}})"), kBase + kSet + 1 + 10);
  // The alias is not charged, the name it stands for is.
  EXPECT_EQ(SizeOf("SET #twelvechars = :pad", R"({":pad": {"S": "0123456789"}})", "",
                   {{"#twelvechars", "b"}}),
            kBase + kSet + 1 + 10);
  // A second clause costs 19 and what it writes, whatever its size.
  EXPECT_EQ(SizeOf("SET b = :p, c = :c", R"({":p": {"S": "x"}, ":c": {"S": "y"}})"),
            kBase + 2 * kSet + 1 + 1 + 1 + 1);
}

TEST(UpdateStatementSizeTest, TargetsAndPathOperandsCountTheirElements) {
  // A target: its first name, then 4 and the element for each later one.
  EXPECT_EQ(SizeOf("SET d.leaf = :v", R"({":v": {"S": "x"}})"), kBase + kSet + (1 + 4 + 4) + 1);
  EXPECT_EQ(SizeOf("SET d[0] = :v", R"({":v": {"S": "x"}})"), kBase + kSet + (1 + 4 + 1) + 1);
  // A path operand: 1, then 14 and the element for each element; what it reads is free.
  EXPECT_EQ(SizeOf("SET c = abcdefghij", "{}"), kBase + kSet + 1 + (1 + 14 + 10));
  EXPECT_EQ(SizeOf("SET c = m.a.z", "{}"), kBase + kSet + 1 + (1 + 3 * 15));
  EXPECT_EQ(SizeOf("SET c = l[10]", "{}"), kBase + kSet + 1 + (1 + 15 + 16));
}

TEST(UpdateStatementSizeTest, FunctionsAndArithmeticAddTheirOwnCostToTheirOperands) {
  const std::string one = R"({":one": {"N": "1"}})";
  const size_t number_one = 2;  // a one-digit number's size
  EXPECT_EQ(SizeOf("SET n = n + :one", one), kBase + kSet + 1 + 34 + 16 + number_one);
  EXPECT_EQ(SizeOf("SET n = n - :one", one), kBase + kSet + 1 + 37 + 16 + number_one);
  EXPECT_EQ(SizeOf("SET c = if_not_exists(c, :v)", R"({":v": {"S": "v"}})"),
            kBase + kSet + 1 + 39 + 16 + 1);
  // A list of one 10-byte string is 3 + 1 + 10; a value used twice is charged twice.
  EXPECT_EQ(SizeOf("SET l = list_append(l, :new)", R"({":new": {"L": [{"S": "0123456789"}]}})"),
            kBase + kSet + 1 + 37 + 16 + 14);
  EXPECT_EQ(SizeOf("SET c = :s, d = :s", R"({":s": {"S": "abcde"}})"),
            kBase + 2 * (kSet + 1 + 5));
}

TEST(UpdateStatementSizeTest, AddCountsWhatItAddsAndRemovingClausesOnlyTheirTarget) {
  EXPECT_EQ(SizeOf("ADD abcdefghij :one", R"({":one": {"N": "1"}})"), kBase + kSet + 10 + 2);
  // To a set: only the members it does not hold yet.
  const std::string added = R"({":new": {"SS": ["ppppp", "0123456789"]}})";
  EXPECT_EQ(SizeOf("ADD ss :new", added), kBase + kSet + 2 + 15);
  EXPECT_EQ(SizeOf("ADD ss :new", added, R"({"ss": {"SS": ["ppppp"]}})"), kBase + kSet + 2 + 10);
  EXPECT_EQ(SizeOf("ADD ns :n", R"({":n": {"NS": ["1", "2"]}})", R"({"ns": {"NS": ["1"]}})"),
            kBase + kSet + 2 + 2);
  EXPECT_EQ(SizeOf("REMOVE abcdefghij", "{}"), kBase + 1 + 10);
  EXPECT_EQ(SizeOf("REMOVE m.yyyyyyyyyy", "{}"), kBase + 1 + 1 + 4 + 10);
  EXPECT_EQ(SizeOf("REMOVE l[10]", "{}"), kBase + 1 + 1 + 4 + 2);
  EXPECT_EQ(SizeOf("DELETE ss :rm", R"({":rm": {"SS": ["a very long member to remove"]}})"),
            kBase + 1 + 2);
}

}  // namespace
}  // namespace ddbpg::expr
