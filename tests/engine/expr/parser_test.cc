#include "engine/expr/parser.h"

#include <gtest/gtest.h>

namespace ddbpg::expr {
namespace {

std::string ConditionError(const char* text, ExpressionKind kind = ExpressionKind::kCondition) {
  base::Result<Condition> parsed = ParseCondition(text, kind);
  return parsed.ok() ? "OK" : parsed.status().message();
}

std::string UpdateError(const char* text) {
  base::Result<UpdateExpression> parsed = ParseUpdate(text);
  return parsed.ok() ? "OK" : parsed.status().message();
}

TEST(ParserTest, AcceptsEveryConditionForm) {
  for (const char* text :
       {"a = :v", "a <> :v", "a < :v AND b <= :w", "a > :v OR b >= :w", "NOT a = :v",
        "a BETWEEN :lo AND :hi", "a IN (:x, :y, :z)", "attribute_exists(a.b[2].c)",
        "attribute_not_exists(#n)", "attribute_type(a, :t)", "begins_with(a, :p)",
        "contains(a, :m)", "size(a) > :n", "(a = :v OR b = :v) AND NOT (c = :v)",
        "a = b", "a.#n[0] = :v", "a = :v and b = :v or not c = :w"}) {
    EXPECT_EQ(ConditionError(text), "OK") << text;
  }
}

TEST(ParserTest, NotBindsTighterThanAndWhichBindsTighterThanOr) {
  base::Result<Condition> parsed =
      ParseCondition("a = :a OR b = :b AND NOT c = :c", ExpressionKind::kCondition);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->kind, Condition::Kind::kOr);
  EXPECT_EQ(parsed->children[1].kind, Condition::Kind::kAnd);
  EXPECT_EQ(parsed->children[1].children[1].kind, Condition::Kind::kNot);
}

TEST(ParserTest, EmptyExpressionsAreRejectedByKind) {
  EXPECT_EQ(ConditionError("  "), "Invalid ConditionExpression: The expression can not be empty;");
  EXPECT_EQ(ConditionError("", ExpressionKind::kFilter),
            "Invalid FilterExpression: The expression can not be empty;");
  EXPECT_EQ(UpdateError(""), "Invalid UpdateExpression: The expression can not be empty;");
}

TEST(ParserTest, SyntaxErrorsNameTheTokenAndItsSurroundings) {
  EXPECT_EQ(ConditionError("a = "),
            "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"= \"");
  EXPECT_EQ(ConditionError("a == :v"),
            "Invalid ConditionExpression: Syntax error; token: \"=\", near: \"== :v\"");
}

TEST(ParserTest, ReservedWordsNeedPlaceholders) {
  EXPECT_EQ(ConditionError("status = :v"),
            "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: "
            "status");
  EXPECT_EQ(UpdateError("SET a.Year = :v"),
            "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: "
            "Year");
  EXPECT_EQ(ConditionError("#status = :v"), "OK");
}

TEST(ParserTest, FunctionsAreCheckedForNameAndArity) {
  EXPECT_EQ(ConditionError("exists(a)"),
            "Invalid ConditionExpression: Invalid function name; function: exists");
  EXPECT_EQ(ConditionError("attribute_exists(a, b)"),
            "Invalid ConditionExpression: Incorrect number of operands for operator or function; "
            "operator or function: attribute_exists, number of operands: 2");
  EXPECT_EQ(ConditionError("list_append(a, b) = :v"),
            "Invalid ConditionExpression: The function is not allowed to be used this way in an "
            "expression; function: list_append");
  EXPECT_EQ(UpdateError("SET a = size(b)"),
            "Invalid UpdateExpression: The function is not allowed to be used this way in an "
            "expression; function: size");
}

TEST(ParserTest, InTakesAtMostOneHundredOperands) {
  std::string hundred = "a IN (:v0";
  for (int i = 1; i < 100; ++i) hundred += ", :v" + std::to_string(i);
  EXPECT_EQ(ConditionError((hundred + ")").c_str()), "OK");
  EXPECT_EQ(ConditionError((hundred + ", :v100)").c_str()),
            "Invalid ConditionExpression: The IN operator is provided with too many operands; "
            "number of operands: 101");
}

TEST(ParserTest, RedundantParenthesesAreRejected) {
  EXPECT_EQ(ConditionError("((a = :v))"),
            "Invalid ConditionExpression: The expression has redundant parentheses;");
  EXPECT_EQ(ConditionError("(a = :v)"), "OK");
}

TEST(ParserTest, DeepNestingIsBoundedNotACrash) {
  std::string deep(3000, '(');
  EXPECT_NE(ConditionError(deep.c_str()), "OK");
}

TEST(ParserTest, UpdateSectionsParseInAnyOrderOnce) {
  base::Result<UpdateExpression> update = ParseUpdate(
      "REMOVE x, y[1] SET a = :v, b = a + :n, c = if_not_exists(c, :z) "
      "ADD n :one DELETE s :members");
  ASSERT_TRUE(update.ok()) << update.status().message();
  EXPECT_EQ(update->actions.size(), 7u);
  EXPECT_EQ(update->actions[3].value.kind, Operand::Kind::kPlus);
  EXPECT_EQ(UpdateError("SET a = :v SET b = :w"),
            "Invalid UpdateExpression: The \"SET\" section can only be used once in an update "
            "expression;");
}

TEST(ParserTest, ProjectionListsPaths) {
  base::Result<ProjectionExpression> projection = ParseProjection("a, b.c, d[3]");
  ASSERT_TRUE(projection.ok());
  EXPECT_EQ(projection->paths.size(), 3u);
  EXPECT_TRUE(projection->paths[2].elements[1].is_index);
  EXPECT_EQ(projection->paths[2].elements[1].index, 3u);
}

}  // namespace
}  // namespace ddbpg::expr
