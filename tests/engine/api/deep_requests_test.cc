// Requests nested past the point where the service reads them the older way (value/deep_request.h;
// paritysuite validation-ordering/deepRequests, captured in 2026): a value nested past the
// 32-level limit is answered after every other fault the request has, as it reaches its first
// table, and never stored; shallower bodies keep the newer reader's order.
#include <gtest/gtest.h>

#include <string>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

const std::string kNest =
    "ValidationException: Nesting Levels have exceeded supported limits: Attributes in the item "
    "have nested levels beyond supported limit";
const std::string kEmptyName = "ValidationException: Empty attribute name";
const std::string kSyntax =
    "ValidationException: Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = b\"";

// A string leaf wrapped in `depth` single-key maps.
json Deep(int depth) {
  json value = {{"S", "leaf"}};
  for (int i = 0; i < depth; ++i) value = {{"M", {{"n", value}}}};
  return value;
}

json Key(const json& pk) { return {{"pk", pk}, {"sk", {{"S", "1"}}}}; }
json Str(const std::string& text) { return {{"S", text}}; }

class DeepRequestsTest : public EngineFixture {
 protected:
  void SetUp() override { CreateTable("Deep", "S"); }
  std::string Refusal(const std::string& operation, const json& request) {
    return ErrorOf(Call(operation, request));
  }
  std::string Transaction(const json& items) {
    return Refusal("TransactWriteItems", {{"TransactItems", items}});
  }
};

TEST_F(DeepRequestsTest, OlderEnumFormsComeBeforeTheNesting) {
  for (const char* operation : {"PutItem", "UpdateItem"}) {
    json request = {{"TableName", "Deep"},
                    {"Expected", {{"a", {{"Value", Deep(100)}}}, {"b", {{"Exists", false}}}}},
                    {"ConditionalOperator", "XOR"}};
    if (std::string(operation) == "PutItem") {
      request["Item"] = Key(Str("a"));
    } else {
      request["Key"] = Key(Str("a"));
      request["AttributeUpdates"] = {{"x", {{"Action", "PUT"}, {"Value", Str("1")}}}};
    }
    EXPECT_EQ(Refusal(operation, request),
              "ValidationException: 1 validation error detected: Value 'XOR' at "
              "'conditionalOperator' failed to satisfy constraint: Member must satisfy enum value "
              "set: [OR, AND]")
        << operation;
  }
  const json condition = {{"ConditionExpression", "#d = :deep"},
                          {"ExpressionAttributeNames", {{"#d", "d"}}},
                          {"ExpressionAttributeValues", {{":deep", Deep(63)}}}};
  json bogus = {{"TableName", "Deep"}, {"Key", Key(Str("a"))}, {"ReturnValues", "BOGUS"}};
  bogus.update(condition);
  EXPECT_EQ(Refusal("DeleteItem", bogus),
            "ValidationException: 1 validation error detected: Value 'BOGUS' at 'returnValues' "
            "failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, "
            "UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
  // The older reader words ReturnValues' own rule bare.
  json updated_new = {{"TableName", "Deep"}, {"Key", Key(Str("a"))}, {"ReturnValues", "UPDATED_NEW"}};
  updated_new.update(condition);
  EXPECT_EQ(Refusal("DeleteItem", updated_new),
            "ValidationException: ReturnValues can only be ALL_OLD or NONE");
  updated_new["ExpressionAttributeValues"][":deep"] = Str("shallow");
  EXPECT_EQ(Refusal("DeleteItem", updated_new),
            "ValidationException: 1 validation error detected: ReturnValues can only be ALL_OLD "
            "or NONE");
}

TEST_F(DeepRequestsTest, ATransactionsEarlierFaultsComeBeforeALaterDeepValue) {
  const json empty_name = {{"Put", {{"TableName", "Deep"}, {"Item", {{"pk", Str("a")}, {"sk", Str("1")}, {"", Str("x")}}}}}};
  EXPECT_EQ(Transaction({empty_name,
                         {{"Delete", {{"TableName", "Deep"}, {"Key", Key(Deep(100))}}}}}),
            kEmptyName);
  EXPECT_EQ(Transaction({{{"Put", {{"TableName", "Deep"}, {"Item", Key(Str("a"))},
                                   {"ConditionExpression", "a = = b"}}}},
                         {{"Delete", {{"TableName", "Deep"}, {"Key", Key(Deep(100))}}}}}),
            kSyntax);
  // The same action's condition too, and a top-level empty name on either side of the value.
  EXPECT_EQ(Transaction({{{"Delete", {{"TableName", "Deep"}, {"Key", Key(Deep(100))},
                                      {"ConditionExpression", "a = = b"}}}}}),
            kSyntax);
  json item = Key(Str("a"));
  item["d"] = Deep(100);
  item[""] = Str("x");
  EXPECT_EQ(Transaction({{{"Put", {{"TableName", "Deep"}, {"Item", item}}}}}), kEmptyName);
  EXPECT_EQ(Transaction({{{"Update", {{"TableName", "Deep"}, {"Key", Key(Str("a"))},
                                      {"UpdateExpression", "SET a = :v"},
                                      {"ExpressionAttributeValues", {{":v", Str("x")}, {":u", Str("y")}}}}}},
                         {{"ConditionCheck", {{"TableName", "Deep"}, {"Key", Key(Deep(100))},
                                              {"ConditionExpression", "attribute_exists(a)"}}}}}),
            "ValidationException: Value provided in ExpressionAttributeValues unused in "
            "expressions: keys: {:u}");
}

TEST_F(DeepRequestsTest, TheNestingIsAnsweredAtTheFirstTableAndNothingIsWritten) {
  json item = Key(Str("deep"));
  item["d"] = Deep(100);
  EXPECT_EQ(Refusal("PutItem", {{"TableName", "Deep"}, {"Item", item}}), kNest);
  EXPECT_EQ(Refusal("PutItem", {{"TableName", "Absent"}, {"Item", item}}), kNest);
  EXPECT_EQ(Refusal("BatchWriteItem",
                    {{"RequestItems", {{"Deep", {{{"PutRequest", {{"Item", item}}}}}}}}}),
            kNest);
  EXPECT_EQ(Transaction({{{"Put", {{"TableName", "Deep"}, {"Item", Key(Str("ok"))}}}},
                         {{"Put", {{"TableName", "Deep"}, {"Item", item}}}}}),
            kNest);
  EXPECT_EQ(Ok("Scan", {{"TableName", "Deep"}})["Count"], 0);
}

TEST_F(DeepRequestsTest, ADeepValueReadAfterTheTableIsRefusedWhereItIsRead) {
  // A body made deep by a member the write reads after finding its table: the value is refused
  // as it is read, and the table keeps nothing.
  json padding = Deep(70);
  EXPECT_EQ(Refusal("UpdateItem", {{"TableName", "Deep"},
                                   {"Key", Key(Str("late"))},
                                   {"UpdateExpression", "SET d = :deep"},
                                   {"ExpressionAttributeValues", {{":deep", padding}}}}),
            kNest);
  EXPECT_EQ(Ok("Scan", {{"TableName", "Deep"}})["Count"], 0);
}

TEST_F(DeepRequestsTest, BodiesBetweenTheTwoReadersAndPastAnyRequestAreRefusedFirst) {
  // 40 levels: the newer reader refuses the body before the empty name.
  json item = Key(Str("a"));
  item[""] = Str("x");
  item["d"] = Deep(40);
  EXPECT_EQ(Refusal("PutItem", {{"TableName", "Deep"}, {"Item", item}}), kNest);
  // Past any request's depth: refused before parsing, whatever else is wrong.
  item["d"] = Deep(200);
  EXPECT_EQ(Refusal("PutItem", {{"TableName", "Deep"}, {"Item", item}}), kNest);
  // A value deep but still shallower than the older reader's point is read the newer way.
  json stored = Key(Str("ok"));
  stored["d"] = Deep(31);
  Ok("PutItem", {{"TableName", "Deep"}, {"Item", stored}});
  EXPECT_EQ(Ok("GetItem", {{"TableName", "Deep"}, {"Key", Key(Str("ok"))}})["Item"]["d"], Deep(31));
}

// PartiQL reads its parameters in order at any depth: a deep one is refused where it stands.
TEST_F(DeepRequestsTest, PartiqlParametersAreReadInOrderAtAnyDepth) {
  const std::string select = "SELECT * FROM Deep WHERE pk = 'a' AND x = ? AND y = ?";
  const std::string not_numeric =
      "ValidationException: The parameter cannot be converted to a numeric value: abc";
  for (int depth : {40, 100}) {
    EXPECT_EQ(Refusal("ExecuteStatement",
                      {{"Statement", select}, {"Parameters", {{{"N", "abc"}}, Deep(depth)}}}),
              not_numeric)
        << depth;
    EXPECT_EQ(Refusal("ExecuteStatement",
                      {{"Statement", select}, {"Parameters", {Deep(depth), {{"N", "abc"}}}}}),
              kNest)
        << depth;
    // A batch answers each statement's fault in its own response.
    json batch = Ok("BatchExecuteStatement",
                    {{"Statements", {{{"Statement", select},
                                      {"Parameters", {Deep(depth), {{"N", "abc"}}}}}}}});
    EXPECT_EQ(batch["Responses"][0]["Error"]["Code"], "ValidationError") << depth;
    EXPECT_EQ("ValidationException: " + batch["Responses"][0]["Error"]["Message"].get<std::string>(),
              kNest)
        << depth;
  }
}

}  // namespace
}  // namespace ddbpg::testing
