#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "engine/expr/condition_evaluator.h"
#include "engine/expr/context.h"
#include "engine/expr/document.h"
#include "engine/expr/parser.h"
#include "engine/expr/update_evaluator.h"
#include "engine/value/ddb_json.h"

namespace ddbpg::expr {
namespace {

using json = nlohmann::json;

value::Item ItemOf(const char* wire) { return *value::DecodeItem(json::parse(wire)); }

class EvaluatorTest : public ::testing::Test {
 protected:
  ExpressionContext Context(const char* values, std::map<std::string, std::string> names = {}) {
    return ExpressionContext(std::move(names), ItemOf(values));
  }

  // "true"/"false", or the error message.
  std::string Holds(const char* expression, const char* item, const char* values,
                    std::map<std::string, std::string> names = {}) {
    ExpressionContext context = Context(values, std::move(names));
    base::Result<Condition> condition = ParseCondition(expression, ExpressionKind::kCondition);
    if (!condition.ok()) return condition.status().message();
    if (base::Status s = context.Resolve(*condition, ExpressionKind::kCondition); !s.ok()) {
      return s.message();
    }
    if (base::Status s = CheckCondition(*condition, context, ExpressionKind::kCondition); !s.ok()) {
      return s.message();
    }
    return EvaluateCondition(*condition, ItemOf(item), context) ? "true" : "false";
  }

  // The updated item as wire JSON text, or the error message.
  std::string Updated(const char* expression, const char* item, const char* values = "{}") {
    ExpressionContext context = Context(values);
    base::Result<UpdateExpression> update = ParseUpdate(expression);
    if (!update.ok()) return update.status().message();
    if (base::Status s = context.Resolve(*update); !s.ok()) return s.message();
    if (base::Status s = CheckUpdate(*update, context, {"pk"}); !s.ok()) return s.message();
    value::Item result = ItemOf(item);
    if (base::Status s = ApplyUpdate(*update, context, result); !s.ok()) return s.message();
    return value::EncodeItem(result).dump();
  }
};

constexpr const char* kSong =
    R"({"Artist":{"S":"Acme"},"Year":{"N":"2015"},"Tags":{"SS":["rock","pop"]},)"
    R"("Info":{"M":{"Plays":{"N":"10"},"Charts":{"L":[{"N":"5"},{"N":"1"}]}}},"Note":{"NULL":true}})";

TEST_F(EvaluatorTest, ComparesNumbersNumericallyAndStringsByBytes) {
  EXPECT_EQ(Holds("#y > :v", kSong, R"({":v":{"N":"999"}})", {{"#y", "Year"}}), "true");
  EXPECT_EQ(Holds("#y = :v", kSong, R"({":v":{"N":"2015.0"}})", {{"#y", "Year"}}), "true");
  EXPECT_EQ(Holds("Artist < :v", kSong, R"({":v":{"S":"B"}})"), "true");
  EXPECT_EQ(Holds("Artist < :v", kSong, R"({":v":{"S":"Acme"}})"), "false");
  // Values of different types never order.
  EXPECT_EQ(Holds("Artist < :v", kSong, R"({":v":{"N":"1"}})"), "false");
}

TEST_F(EvaluatorTest, MissingAttributesCompareFalseButAreUnequal) {
  EXPECT_EQ(Holds("Absent = :v", kSong, R"({":v":{"N":"1"}})"), "false");
  EXPECT_EQ(Holds("Absent <> :v", kSong, R"({":v":{"N":"1"}})"), "true");
  EXPECT_EQ(Holds("Absent < :v", kSong, R"({":v":{"N":"1"}})"), "false");
}

TEST_F(EvaluatorTest, FunctionsFollowTheDocumentedSemantics) {
  const char* values = R"({":p":{"S":"Ac"},":t":{"S":"SS"},":m":{"S":"pop"},":n":{"N":"2"}})";
  EXPECT_EQ(Holds("attribute_exists(Info.Plays)", kSong, "{}"), "true");
  EXPECT_EQ(Holds("attribute_not_exists(Info.Absent)", kSong, "{}"), "true");
  EXPECT_EQ(Holds("attribute_exists(Info.Charts[2])", kSong, "{}"), "false");
  EXPECT_EQ(Holds("begins_with(Artist, :p) AND attribute_type(Tags, :t) AND contains(Tags, :m) "
                  "AND size(Info.Charts) = :n",
                  kSong, values),
            "true");
  EXPECT_EQ(Holds("Info.Charts[1] BETWEEN :lo AND :hi", kSong,
                  R"({":lo":{"N":"0"},":hi":{"N":"1"}})"),
            "true");
  EXPECT_EQ(Holds("Artist IN (:a, :b)", kSong, R"({":a":{"S":"x"},":b":{"S":"Acme"}})"), "true");
}

TEST_F(EvaluatorTest, StaticOperandRulesAreCheckedBeforeReading) {
  EXPECT_EQ(Holds("begins_with(Artist, :p)", kSong, R"({":p":{"N":"1"}})"),
            "Invalid ConditionExpression: Incorrect operand type for operator or function; "
            "operator or function: begins_with, operand type: N");
  EXPECT_EQ(Holds("attribute_type(Artist, :t)", kSong, R"({":t":{"S":"STRING"}})"),
            "Invalid ConditionExpression: Invalid attribute type name found; type: STRING, valid "
            "types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
  EXPECT_EQ(Holds("Artist BETWEEN :hi AND :lo", kSong, R"({":lo":{"N":"1"},":hi":{"N":"5"}})"),
            "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater "
            "than or equal to lower bound; lower bound operand: AttributeValue: {N:5}, upper "
            "bound operand: AttributeValue: {N:1}");
  EXPECT_EQ(Holds("Artist BETWEEN :lo AND :hi", kSong, R"({":lo":{"N":"1"},":hi":{"S":"a"}})"),
            "Invalid ConditionExpression: The BETWEEN operator requires same data type for lower "
            "and upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: "
            "AttributeValue: {S:a}");
  EXPECT_EQ(Holds("size(:v) > :v", kSong, R"({":v":{"N":"1"}})"),
            "Invalid ConditionExpression: Incorrect operand type for operator or function; "
            "operator or function: size, operand type: N");
  EXPECT_EQ(Holds("attribute_exists(:v)", kSong, R"({":v":{"N":"1"}})"),
            "Invalid ConditionExpression: Operator or function requires a document path; "
            "operator or function: attribute_exists");
}

TEST_F(EvaluatorTest, APathComparedWithItselfIsRefusedBeforeReading) {
  const char* distinct =
      "Invalid ConditionExpression: The first operand must be distinct from the remaining "
      "operands for this operator or function; ";
  EXPECT_EQ(Holds("Artist = Artist", kSong, "{}"),
            std::string(distinct) + "operator: =, first operand: [Artist]");
  // Names are compared once resolved; the message names the attribute.
  EXPECT_EQ(Holds("#y <> #z", kSong, "{}", {{"#y", "Year"}, {"#z", "Year"}}),
            std::string(distinct) + "operator: <>, first operand: [Year]");
  EXPECT_EQ(Holds("contains(Info.Charts[1], Info.Charts[1])", kSong, "{}"),
            std::string(distinct) + "operator: contains, first operand: [Info, Charts, [1]]");
  EXPECT_EQ(Holds("begins_with(Artist, Artist)", kSong, "{}"),
            std::string(distinct) + "operator: begins_with, first operand: [Artist]");
  // It comes before the operand's type is judged.
  EXPECT_EQ(Holds("attribute_type(Artist, Artist)", kSong, "{}"),
            std::string(distinct) + "operator: attribute_type, first operand: [Artist]");
  // Other paths, values and size() are distinct operands.
  EXPECT_EQ(Holds("Info.Charts[0] > Info.Charts[1]", kSong, "{}"), "true");
  EXPECT_EQ(Holds("Artist = Artist.x", kSong, "{}"), "false");
  EXPECT_EQ(Holds(":v = :v", kSong, R"({":v":{"N":"1"}})"), "true");
  EXPECT_EQ(Holds("size(Artist) = size(Artist)", kSong, "{}"), "true");
  EXPECT_EQ(Holds("Artist BETWEEN Artist AND Artist", kSong, "{}"), "true");
}

TEST_F(EvaluatorTest, PlaceholdersMustBeDefinedAndUsed) {
  EXPECT_EQ(Holds("#n = :v", kSong, R"({":v":{"N":"1"}})"),
            "Invalid ConditionExpression: An expression attribute name used in the document path "
            "is not defined; attribute name: #n");
  EXPECT_EQ(Holds("Artist = :w", kSong, R"({":v":{"N":"1"}})"),
            "Invalid ConditionExpression: An expression attribute value used in expression is not "
            "defined; attribute value: :w");
  ExpressionContext context = Context(R"({":v":{"N":"1"},":unused":{"N":"2"}})", {{"#x", "x"}});
  base::Result<Condition> condition = ParseCondition("a = :v", ExpressionKind::kCondition);
  ASSERT_TRUE(context.Resolve(*condition, ExpressionKind::kCondition).ok());
  EXPECT_EQ(context.CheckAllUsed().message(),
            "Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}");
}

TEST_F(EvaluatorTest, SetRemoveAddAndDeleteApplyTogether) {
  std::string updated = Updated("SET Info.Plays = Info.Plays + :one, Info.Charts[5] = :one "
                                "REMOVE Note ADD Tags :more",
                                kSong, R"({":one":{"N":"1"},":more":{"SS":["jazz"]}})");
  json result = json::parse(updated);
  EXPECT_EQ(result["Info"]["M"]["Plays"], json::parse(R"({"N":"11"})"));
  EXPECT_EQ(result["Info"]["M"]["Charts"]["L"].size(), 3u);  // index past the end appends
  EXPECT_FALSE(result.contains("Note"));
  EXPECT_EQ(result["Tags"]["SS"].size(), 3u);
}

TEST_F(EvaluatorTest, OperandsReadTheItemBeforeTheUpdate) {
  json result = json::parse(Updated("SET a = b, b = a", R"({"a":{"N":"1"},"b":{"N":"2"}})"));
  EXPECT_EQ(result["a"], json::parse(R"({"N":"2"})"));
  EXPECT_EQ(result["b"], json::parse(R"({"N":"1"})"));
}

TEST_F(EvaluatorTest, UpdateFunctionsAndArithmetic) {
  json result = json::parse(Updated(
      "SET c = if_not_exists(c, :zero), l = list_append(l, :more), d = :ten - n",
      R"({"n":{"N":"3"},"l":{"L":[{"S":"x"}]}})",
      R"({":zero":{"N":"0"},":more":{"L":[{"S":"y"}]},":ten":{"N":"10"}})"));
  EXPECT_EQ(result["c"], json::parse(R"({"N":"0"})"));
  EXPECT_EQ(result["l"], json::parse(R"({"L":[{"S":"x"},{"S":"y"}]})"));
  EXPECT_EQ(result["d"], json::parse(R"({"N":"7"})"));
}

TEST_F(EvaluatorTest, DeletingTheLastMembersRemovesTheSet) {
  json result = json::parse(Updated("DELETE s :all", R"({"s":{"NS":["1","2"]}})",
                                    R"({":all":{"NS":["2","1"]}})"));
  EXPECT_FALSE(result.contains("s"));
}

// DELETE of members along a path no update can reach is refused, as REMOVE and SET are, also
// when there is nothing to delete; along a path that can be reached it changes nothing.
TEST_F(EvaluatorTest, DeleteReachesOnlyPathsAnUpdateCanReach) {
  const char* item = R"({"b":{"S":"str"},"c":{"M":{"x":{"S":"1"}}},"d":{"L":[{"S":"1"}]}})";
  const char* values = R"({":a":{"SS":["z"]}})";
  const std::string invalid =
      "The document path provided in the update expression is invalid for update";
  EXPECT_EQ(Updated("DELETE b.a :a", item, values), invalid);     // into a string
  EXPECT_EQ(Updated("DELETE c[1] :a", item, values), invalid);    // an index into a map
  EXPECT_EQ(Updated("DELETE d.q :a", item, values), invalid);     // a name into a list
  EXPECT_EQ(Updated("DELETE c.x.y :a", item, values), invalid);   // through a string
  EXPECT_EQ(Updated("DELETE gone.y :a", item, values), invalid);  // through nothing
  EXPECT_EQ(json::parse(Updated("DELETE c.y :a, gone :a", item, values)), json::parse(item));
}

// ADD and DELETE take an expression attribute value: another path is a syntax error.
TEST_F(EvaluatorTest, AddAndDeleteTakeOnlyAValue) {
  EXPECT_EQ(Updated("DELETE x y", "{}"),
            "Invalid UpdateExpression: Syntax error; token: \"y\", near: \"x y\"");
  EXPECT_EQ(Updated("ADD x size(y)", "{}"),
            "Invalid UpdateExpression: Syntax error; token: \"size\", near: \"x size(\"");
}

// `+` and `-` take numbers and list_append lists: a :value of another type is refused before
// the item is read (here it has no attribute a at all), with the value's type.
TEST_F(EvaluatorTest, FunctionOperandValuesAreTypedBeforeReading) {
  const std::string wrong =
      "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or "
      "function: ";
  EXPECT_EQ(Updated("SET a = a + :s", "{}", R"({":s":{"S":"x"}})"), wrong + "+, operand type: S");
  EXPECT_EQ(Updated("SET a = :n - :m", "{}", R"({":n":{"N":"1"},":m":{"SS":["x"]}})"),
            wrong + "-, operand type: SS");
  EXPECT_EQ(Updated("SET a = list_append(a, :m)", "{}", R"({":m":{"M":{}}})"),
            wrong + "list_append, operand type: M");
  EXPECT_EQ(Updated("SET a = if_not_exists(a, list_append(:l, :n))", "{}",
                    R"({":l":{"L":[]},":n":{"N":"1"}})"),
            wrong + "list_append, operand type: N");
  // The right types pass to evaluation, which finds a missing.
  EXPECT_EQ(Updated("SET a = a + :n", "{}", R"({":n":{"N":"1"}})"),
            "The provided expression refers to an attribute that does not exist in the item");
  EXPECT_EQ(Updated("SET a = list_append(:l, :l)", "{}", R"({":l":{"L":[{"N":"1"}]}})"),
            R"({"a":{"L":[{"N":"1"},{"N":"1"}]}})");
}

TEST_F(EvaluatorTest, UpdateErrorsUseTheServiceMessages) {
  EXPECT_EQ(Updated("SET a = absent + :one", "{}", R"({":one":{"N":"1"}})"),
            "The provided expression refers to an attribute that does not exist in the item");
  EXPECT_EQ(Updated("SET a = s + :one", R"({"s":{"S":"x"}})", R"({":one":{"N":"1"}})"),
            "An operand in the update expression has an incorrect data type");
  EXPECT_EQ(Updated("SET nope.deeper = :one", "{}", R"({":one":{"N":"1"}})"),
            "The document path provided in the update expression is invalid for update");
  EXPECT_EQ(Updated("SET pk = :one", "{}", R"({":one":{"N":"1"}})"),
            "One or more parameter values were invalid: Cannot update attribute pk. This "
            "attribute is part of the key");
  EXPECT_EQ(Updated("SET a = :one REMOVE a.b", "{}", R"({":one":{"N":"1"}})"),
            "Invalid UpdateExpression: Two document paths overlap with each other; must remove or "
            "rewrite one of these paths; path one: [a], path two: [a, b]");
  EXPECT_EQ(Updated("SET a[0] = :one REMOVE a.b", "{}", R"({":one":{"N":"1"}})"),
            "Invalid UpdateExpression: Two document paths conflict with each other; must remove "
            "or rewrite one of these paths; path one: [a, [0]], path two: [a, b]");
  EXPECT_EQ(Updated("ADD a :s", "{}", R"({":s":{"S":"x"}})"),
            "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: "
            "ADD, operand type: STRING, typeSet: ALLOWED_FOR_ADD_OPERAND");
}

TEST_F(EvaluatorTest, ProjectionKeepsNestedStructure) {
  base::Result<ProjectionExpression> projection = ParseProjection("Info.Charts[1], Artist, Nope");
  ASSERT_TRUE(projection.ok());
  value::Item projected = Project(ItemOf(kSong), projection->paths);
  EXPECT_EQ(value::EncodeItem(projected),
            json::parse(R"({"Artist":{"S":"Acme"},"Info":{"M":{"Charts":{"L":[{"N":"1"}]}}}})"));
}

// ScyllaDB's tests against DynamoDB: a path that reaches nothing adds nothing, not even the
// documents it passed through; the paths that do reach a value keep their structure.
TEST_F(EvaluatorTest, ProjectionPathsThatReachNothingLeaveNoEmptyDocuments) {
  constexpr const char* kItem =
      R"({"a":{"M":{"b":{"L":[{"N":"2"},{"N":"4"},{"M":{"x":{"S":"hi"},"y":{"S":"yo"}}}]},)"
      R"("c":{"N":"5"},"e":{"M":{}}}},"b":{"S":"hello"}})";
  auto projected = [&](const std::string& expression) {
    base::Result<ProjectionExpression> projection = ParseProjection(expression);
    EXPECT_TRUE(projection.ok()) << expression;
    return value::EncodeItem(Project(ItemOf(kItem), projection->paths)).dump();
  };
  for (const char* nothing : {"x", "a.b[3]", "a.x", "a.x.y", "a.b[3].x", "a.b.x", "a[0]",
                              "a.b[0].x", "a.b[0][0]", "a.e.x", "b.x", "b[0]"}) {
    EXPECT_EQ(projected(nothing), "{}") << nothing;
  }
  EXPECT_EQ(projected("a.b[2].y"), R"({"a":{"M":{"b":{"L":[{"M":{"y":{"S":"yo"}}}]}}}})");
  EXPECT_EQ(projected("a.x, a.b[0], x, a.b[3].x"), R"({"a":{"M":{"b":{"L":[{"N":"2"}]}}}})");
  EXPECT_EQ(projected("a.c, b"), R"({"a":{"M":{"c":{"N":"5"}}},"b":{"S":"hello"}})");
  // An empty map reached by a path is a value like any other.
  EXPECT_EQ(projected("a.e"), R"({"a":{"M":{"e":{"M":{}}}}})");
}

}  // namespace
}  // namespace ddbpg::expr
