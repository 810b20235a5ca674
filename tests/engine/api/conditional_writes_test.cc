#include <gtest/gtest.h>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

class ConditionalWritesTest : public EngineFixture {
 protected:
  void SetUp() override {
    CreateTable("Music", "S");
    Ok("PutItem", {{"TableName", "Music"},
                   {"Item", {{"pk", {{"S", "Acme"}}}, {"sk", {{"S", "Happy Day"}}},
                             {"Price", {{"N", "2"}}}}}});
  }
  static json Key(const char* sk = "Happy Day") {
    return {{"pk", {{"S", "Acme"}}}, {"sk", {{"S", sk}}}};
  }
};

TEST_F(ConditionalWritesTest, PutWithAttributeNotExistsRefusesToOverwrite) {
  json request = {{"TableName", "Music"},
                  {"Item", Key()},
                  {"ConditionExpression", "attribute_not_exists(pk)"}};
  EXPECT_EQ(ErrorOf(Call("PutItem", request)),
            "ConditionalCheckFailedException: The conditional request failed");
  // The existing item is untouched.
  EXPECT_EQ(Ok("GetItem", {{"TableName", "Music"}, {"Key", Key()}})["Item"]["Price"],
            json::parse(R"({"N":"2"})"));
  request["Item"] = Key("New Song");
  EXPECT_EQ(ErrorOf(Call("PutItem", request)), "OK");
}

// A path compared with itself is refused with the service's text, in a filter, a condition and
// a key condition alike. Nothing is written.
TEST_F(ConditionalWritesTest, APathComparedWithItselfIsRefused) {
  const std::string distinct =
      "The first operand must be distinct from the remaining operands for this operator or "
      "function; ";
  EXPECT_EQ(ErrorOf(Call("Scan", {{"TableName", "Music"}, {"FilterExpression", "Price = Price"}})),
            "ValidationException: Invalid FilterExpression: " + distinct +
                "operator: =, first operand: [Price]");
  EXPECT_EQ(ErrorOf(Call("PutItem", {{"TableName", "Music"},
                                     {"Item", Key("New Song")},
                                     {"ConditionExpression", "contains(#p, Price)"},
                                     {"ExpressionAttributeNames", {{"#p", "Price"}}}})),
            "ValidationException: 1 validation error detected: Invalid ConditionExpression: " +
                distinct + "operator: contains, first operand: [Price]");
  EXPECT_EQ(Ok("GetItem", {{"TableName", "Music"}, {"Key", Key("New Song")}}), json::object());
  EXPECT_EQ(ErrorOf(Call("Query", {{"TableName", "Music"},
                                   {"KeyConditionExpression", "pk = :a AND sk = sk"},
                                   {"ExpressionAttributeValues", {{":a", {{"S", "Acme"}}}}}})),
            "ValidationException: Invalid KeyConditionExpression: " + distinct +
                "operator: =, first operand: [sk]");
}

TEST_F(ConditionalWritesTest, FailedConditionCanReturnTheItem) {
  Response response = Call("DeleteItem", {{"TableName", "Music"},
                                          {"Key", Key()},
                                          {"ConditionExpression", "Price > :p"},
                                          {"ExpressionAttributeValues", {{":p", {{"N", "5"}}}}},
                                          {"ReturnValuesOnConditionCheckFailure", "ALL_OLD"}});
  json body = json::parse(response.body);
  EXPECT_EQ(body["__type"], "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException");
  EXPECT_EQ(body["Item"]["Price"], json::parse(R"({"N":"2"})"));
}

TEST_F(ConditionalWritesTest, DeleteWithAHoldingConditionDeletes) {
  Ok("DeleteItem", {{"TableName", "Music"},
                    {"Key", Key()},
                    {"ConditionExpression", "#p BETWEEN :lo AND :hi"},
                    {"ExpressionAttributeNames", {{"#p", "Price"}}},
                    {"ExpressionAttributeValues", {{":lo", {{"N", "1"}}}, {":hi", {{"N", "3"}}}}}});
  EXPECT_EQ(Ok("GetItem", {{"TableName", "Music"}, {"Key", Key()}}), json::object());
}

TEST_F(ConditionalWritesTest, ExpressionParameterRules) {
  json base = {{"TableName", "Music"}, {"Item", Key()}};
  json request = base;
  request["ExpressionAttributeValues"] = {{":v", {{"N", "1"}}}};
  EXPECT_EQ(ErrorOf(Call("PutItem", request)),
            "ValidationException: 1 validation error detected: ExpressionAttributeValues can "
            "only be specified when using expressions");
  request = base;
  request["ConditionExpression"] = "attribute_exists(pk)";
  request["ExpressionAttributeNames"] = json::object();
  EXPECT_EQ(ErrorOf(Call("PutItem", request)),
            "ValidationException: 1 validation error detected: ExpressionAttributeNames must not "
            "be empty");
  request["ExpressionAttributeNames"] = {{"#a", "x"}};
  EXPECT_EQ(ErrorOf(Call("PutItem", request)),
            "ValidationException: 1 validation error detected: Value provided in ExpressionAttributeNames unused in "
            "expressions: keys: {#a}");
  request["ExpressionAttributeNames"] = {{"a", "x"}};
  EXPECT_EQ(ErrorOf(Call("PutItem", request)),
            "ValidationException: 1 validation error detected: ExpressionAttributeNames contains "
            "invalid key: Syntax error; key: \"a\"");
  request = base;
  request["ConditionExpression"] = "Price = :v";
  request["ExpressionAttributeValues"] = {{":v", {{"SS", json::array()}}}};
  EXPECT_EQ(ErrorOf(Call("PutItem", request)),
            "ValidationException: 1 validation error detected: ExpressionAttributeValues contains "
            "invalid value: One or more parameter values were invalid: An string set  may not be "
            "empty for key :v");
  request = base;
  request["ConditionExpression"] = "attribute_exists(pk)";
  request["Expected"] = {{"pk", {{"Exists", true}}}};
  EXPECT_EQ(ErrorOf(Call("PutItem", request)),
            "ValidationException: Can not use both expression and non-expression parameters in "
            "the same request: Non-expression parameters: {Expected} Expression parameters: "
            "{ConditionExpression}");
}

TEST_F(ConditionalWritesTest, GetItemProjectsNestedPaths) {
  Ok("PutItem", {{"TableName", "Music"},
                 {"Item", json::parse(R"({"pk":{"S":"Acme"},"sk":{"S":"Doc"},
                   "Info":{"M":{"Genre":{"S":"Rock"},"Charts":{"L":[{"N":"3"},{"N":"1"}]}}}})")}});
  json got = Ok("GetItem", {{"TableName", "Music"},
                            {"Key", Key("Doc")},
                            {"ProjectionExpression", "Info.Charts[1], #g"},
                            {"ExpressionAttributeNames", {{"#g", "Genre"}}}});
  EXPECT_EQ(got["Item"], json::parse(R"({"Info":{"M":{"Charts":{"L":[{"N":"1"}]}}}})"));
  EXPECT_EQ(ErrorOf(Call("GetItem", {{"TableName", "Music"},
                                     {"Key", Key("Doc")},
                                     {"ProjectionExpression", "Info, Info.Genre"}})),
            "ValidationException: Invalid ProjectionExpression: Two document paths overlap with "
            "each other; must remove or rewrite one of these paths; path one: [Info], path two: "
            "[Info, Genre]");
  EXPECT_EQ(ErrorOf(Call("GetItem", {{"TableName", "Music"}, {"Key", Key("Doc")},
                                     {"AttributesToGet", {1}}})),
            "SerializationException: NUMBER_VALUE cannot be converted to String");
  EXPECT_EQ(ErrorOf(Call("GetItem", {{"TableName", "Music"},
                                     {"Key", Key("Doc")},
                                     {"ProjectionExpression", "Info"},
                                     {"AttributesToGet", {"Info"}}})),
            "ValidationException: Can not use both expression and non-expression parameters in "
            "the same request: Non-expression parameters: {AttributesToGet} Expression "
            "parameters: {ProjectionExpression}");
}

}  // namespace
}  // namespace ddbpg::testing
