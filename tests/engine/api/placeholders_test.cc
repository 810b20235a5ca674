// ExpressionAttributeNames and ExpressionAttributeValues need an expression to serve (the texts
// as captured in 2026; dynalite's older recordings named the expressions left out), and a request
// in the legacy parameters, which has no expressions, is refused too; a transaction's actions
// take them with no expression and ignore them.
#include <gtest/gtest.h>

#include <string>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

const json kKey = {{"pk", {{"S", "a"}}}};
const json kValues = {{":v", {{"N", "1"}}}};
const json kNames = {{"#n", "n"}};

class PlaceholdersTest : public EngineFixture {
 protected:
  void SetUp() override {
    CreateTable("Items", "N");
    CreateTable("Single");
  }
};

TEST_F(PlaceholdersTest, ValuesWithoutAnExpressionThatTakesThem) {
  const std::string envelope = "ValidationException: 1 validation error detected: ";
  const std::string text =
      "ExpressionAttributeValues can only be specified when using expressions";
  EXPECT_EQ(ErrorOf(Call("PutItem", {{"TableName", "Single"},
                                     {"Item", kKey},
                                     {"ExpressionAttributeValues", kValues}})),
            envelope + text);
  EXPECT_EQ(ErrorOf(Call("DeleteItem", {{"TableName", "Single"},
                                        {"Key", kKey},
                                        {"ExpressionAttributeValues", kValues}})),
            envelope + text);
  EXPECT_EQ(ErrorOf(Call("UpdateItem", {{"TableName", "Single"},
                                        {"Key", kKey},
                                        {"ExpressionAttributeValues", kValues}})),
            envelope + text);
  // A projection takes no values.
  EXPECT_EQ(ErrorOf(Call("Scan", {{"TableName", "Single"},
                                  {"ProjectionExpression", "pk"},
                                  {"ExpressionAttributeValues", kValues}})),
            "ValidationException: " + text);
  EXPECT_EQ(ErrorOf(Call("GetItem", {{"TableName", "Single"},
                                     {"Key", kKey},
                                     {"ProjectionExpression", "pk"},
                                     {"ExpressionAttributeValues", kValues}})),
            "ValidationException: " + text);
}

TEST_F(PlaceholdersTest, NamesWithoutAnyExpression) {
  EXPECT_EQ(ErrorOf(Call("GetItem", {{"TableName", "Single"},
                                     {"Key", kKey},
                                     {"ExpressionAttributeNames", kNames}})),
            "ValidationException: ExpressionAttributeNames can only be specified when using "
            "expressions");
  EXPECT_EQ(ErrorOf(Call("UpdateItem", {{"TableName", "Single"},
                                        {"Key", kKey},
                                        {"ExpressionAttributeNames", kNames}})),
            "ValidationException: 1 validation error detected: ExpressionAttributeNames can only "
            "be specified when using expressions");
}

TEST_F(PlaceholdersTest, LegacyRequestsTakeNoPlaceholdersAndWriteNothing) {
  const json expected = {{"n", {{"Exists", false}}}};
  EXPECT_EQ(ErrorOf(Call("PutItem", {{"TableName", "Single"},
                                     {"Item", kKey},
                                     {"Expected", expected},
                                     {"ExpressionAttributeNames", kNames}})),
            "ValidationException: 1 validation error detected: ExpressionAttributeNames can only "
            "be specified when using expressions");
  EXPECT_EQ(ErrorOf(Call("DeleteItem", {{"TableName", "Single"},
                                        {"Key", kKey},
                                        {"Expected", expected},
                                        {"ExpressionAttributeValues", kValues}})),
            "ValidationException: 1 validation error detected: ExpressionAttributeValues can only "
            "be specified when using expressions");
  EXPECT_EQ(ErrorOf(Call("UpdateItem",
                         {{"TableName", "Single"},
                          {"Key", kKey},
                          {"AttributeUpdates", {{"n", {{"Action", "PUT"}, {"Value", {{"N", "2"}}}}}}},
                          {"ExpressionAttributeValues", kValues}})),
            "ValidationException: 1 validation error detected: ExpressionAttributeValues can only "
            "be specified when using expressions");
  EXPECT_EQ(ErrorOf(Call("Scan", {{"TableName", "Single"},
                                  {"ScanFilter", {{"n", {{"ComparisonOperator", "NOT_NULL"}}}}},
                                  {"ExpressionAttributeNames", kNames}})),
            "ValidationException: ExpressionAttributeNames can only be specified when using "
            "expressions");
  EXPECT_EQ(ErrorOf(Call("Query", {{"TableName", "Items"},
                                   {"KeyConditions",
                                    {{"pk",
                                      {{"ComparisonOperator", "EQ"},
                                       {"AttributeValueList", {{{"S", "a"}}}}}}}},
                                   {"ExpressionAttributeValues", kValues}})),
            "ValidationException: ExpressionAttributeValues can only be specified when using "
            "expressions");
  // None of them wrote.
  EXPECT_EQ(Ok("Scan", {{"TableName", "Single"}})["Count"], 0);
}

// A transaction's actions take names and values with no expression and ignore them; with an
// expression, unused ones are refused as anywhere (ExtendDB's captures of the service).
TEST_F(PlaceholdersTest, TransactionsIgnorePlaceholdersWithoutExpressions) {
  Ok("TransactWriteItems",
     {{"TransactItems",
       {{{"Put", {{"TableName", "Single"}, {"Item", kKey}, {"ExpressionAttributeNames", kNames}}}},
        {{"Put",
          {{"TableName", "Single"},
           {"Item", {{"pk", {{"S", "b"}}}}},
           {"ExpressionAttributeValues", kValues}}}}}}});
  EXPECT_EQ(Ok("Scan", {{"TableName", "Single"}})["Count"], 2);
  json got = Ok("TransactGetItems",
                {{"TransactItems",
                  {{{"Get",
                     {{"TableName", "Single"}, {"Key", kKey}, {"ExpressionAttributeNames", kNames}}}}}}});
  EXPECT_EQ(got["Responses"][0]["Item"], kKey);
  Ok("TransactWriteItems",
     {{"TransactItems",
       {{{"Delete",
          {{"TableName", "Single"}, {"Key", kKey}, {"ExpressionAttributeValues", kValues}}}}}}});
  EXPECT_EQ(Ok("Scan", {{"TableName", "Single"}})["Count"], 1);
  EXPECT_EQ(ErrorOf(Call("TransactWriteItems",
                         {{"TransactItems",
                           {{{"Put",
                              {{"TableName", "Single"},
                               {"Item", kKey},
                               {"ConditionExpression", "attribute_not_exists(pk)"},
                               {"ExpressionAttributeNames", kNames}}}}}}})),
            "ValidationException: Value provided in ExpressionAttributeNames unused in "
            "expressions: keys: {#n}");
}

}  // namespace
}  // namespace ddbpg::testing
