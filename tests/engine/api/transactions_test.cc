#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

// Accounts: partition key only. Orders: partition and sort key, both strings.
class TransactionsTest : public EngineFixture {
 protected:
  void SetUp() override {
    CreateTable("Accounts");
    CreateTable("Orders", "S");
  }

  static json Key(const std::string& pk) { return {{"pk", {{"S", pk}}}}; }
  static json Number(const std::string& n) { return {{"N", n}}; }
  static json Text(const std::string& s) { return {{"S", s}}; }

  void PutAccount(const std::string& pk, const std::string& balance) {
    Ok("PutItem",
       {{"TableName", "Accounts"}, {"Item", {{"pk", Text(pk)}, {"balance", Number(balance)}}}});
  }
  // The stored item, or {} when there is none.
  json Account(const std::string& pk) {
    json response = Ok("GetItem", {{"TableName", "Accounts"}, {"Key", Key(pk)}});
    return response.value("Item", json::object());
  }

  static json PutAction(const std::string& table, const json& item) {
    return {{"Put", {{"TableName", table}, {"Item", item}}}};
  }
  static json DeleteAction(const std::string& pk) {
    return {{"Delete", {{"TableName", "Accounts"}, {"Key", Key(pk)}}}};
  }
  // SET balance = balance + :d, on condition that the result stays >= 0.
  static json Adjust(const std::string& pk, const std::string& delta) {
    return {
        {"Update",
         {{"TableName", "Accounts"},
          {"Key", Key(pk)},
          {"UpdateExpression", "SET balance = balance + :d"},
          {"ConditionExpression", "balance >= :min"},
          {"ExpressionAttributeValues",
           {{":d", Number(delta)}, {":min", Number(delta[0] == '-' ? delta.substr(1) : "0")}}}}}};
  }
  static json Check(const std::string& pk, const std::string& condition) {
    return {{"ConditionCheck",
             {{"TableName", "Accounts"}, {"Key", Key(pk)}, {"ConditionExpression", condition}}}};
  }

  // A vector, not a json: a braced list of one json would copy it instead of making a list.
  Response Write(const std::vector<json>& actions, json extra = json::object()) {
    extra["TransactItems"] = actions;
    return Call("TransactWriteItems", extra);
  }
  Response Get(const std::vector<json>& gets, json extra = json::object()) {
    extra["TransactItems"] = gets;
    return Call("TransactGetItems", extra);
  }
  static json Body(const Response& response) { return json::parse(response.body); }
};

// --- TransactWriteItems: behaviour ----------------------------------------------------------

TEST_F(TransactionsTest, WriteAppliesEveryKindOfAction) {
  PutAccount("alice", "100");
  PutAccount("bob", "5");
  PutAccount("carol", "1");
  json check = Check("bob", "balance = :five");
  check["ConditionCheck"]["ExpressionAttributeValues"] = {{":five", Number("5")}};
  Response response = Write({PutAction("Orders", {{"pk", Text("o1")}, {"sk", Text("line1")}}),
                             Adjust("alice", "-30"), DeleteAction("carol"), check});
  ASSERT_EQ(ErrorOf(response), "OK");
  EXPECT_EQ(Body(response), json::object());
  EXPECT_EQ(Account("alice")["balance"], Number("70"));
  EXPECT_EQ(Account("bob")["balance"], Number("5"));
  EXPECT_EQ(Account("carol"), json::object());
  EXPECT_EQ(Ok("GetItem", {{"TableName", "Orders"},
                           {"Key", {{"pk", Text("o1")}, {"sk", Text("line1")}}}})["Item"]["pk"],
            Text("o1"));
}

TEST_F(TransactionsTest, WriteTransfersBetweenTwoItems) {
  PutAccount("alice", "100");
  PutAccount("bob", "0");
  ASSERT_EQ(ErrorOf(Write({Adjust("alice", "-60"), Adjust("bob", "60")})), "OK");
  EXPECT_EQ(Account("alice")["balance"], Number("40"));
  EXPECT_EQ(Account("bob")["balance"], Number("60"));
  // A second transfer of 60 would overdraw alice: nothing moves.
  Response response = Write({Adjust("alice", "-60"), Adjust("bob", "60")});
  EXPECT_EQ(ErrorOf(response),
            "TransactionCanceledException: Transaction cancelled, please refer cancellation "
            "reasons for specific reasons [ConditionalCheckFailed, None]");
  EXPECT_EQ(Account("alice")["balance"], Number("40"));
  EXPECT_EQ(Account("bob")["balance"], Number("60"));
}

TEST_F(TransactionsTest, WriteChargesTwoWriteUnitsPerKilobytePerTable) {
  PutAccount("bob", "5");
  json check = Check("bob", "attribute_exists(pk)");
  std::vector<json> request_items = {
      PutAction("Orders", {{"pk", Text("o1")}, {"sk", Text("a")}}),
      PutAction("Accounts", {{"pk", Text("alice")}}),
      PutAction("Orders",
                {{"pk", Text("o1")}, {"sk", Text("b")}, {"blob", Text(std::string(1500, 'x'))}}),
      check};
  json response = Body(Write(request_items, {{"ReturnConsumedCapacity", "TOTAL"}}));
  // Orders: 2 (small put) + 4 (1.5 KB rounds to 2 KB); Accounts: 2 (put) + 2 (ConditionCheck,
  // billed as a write). Tables in the order they first appear.
  EXPECT_EQ(response, json::parse(R"({"ConsumedCapacity":[
      {"TableName":"Orders","CapacityUnits":6.0,"WriteCapacityUnits":6.0},
      {"TableName":"Accounts","CapacityUnits":4.0,"WriteCapacityUnits":4.0}]})"));
}

TEST_F(TransactionsTest, WriteCapacityWithIndexesAddsTheTableArm) {
  json response = Body(Write({PutAction("Accounts", {{"pk", Text("alice")}})},
                             {{"ReturnConsumedCapacity", "INDEXES"}}));
  EXPECT_EQ(response, json::parse(R"({"ConsumedCapacity":[
      {"TableName":"Accounts","CapacityUnits":2.0,"WriteCapacityUnits":2.0,
       "Table":{"CapacityUnits":2.0,"WriteCapacityUnits":2.0}}]})"));
  EXPECT_EQ(Body(Write({DeleteAction("alice")}, {{"ReturnConsumedCapacity", "NONE"}})),
            json::object());
}

TEST_F(TransactionsTest, WriteChargesTheLargerOfOldAndNewItem) {
  Ok("PutItem", {{"TableName", "Accounts"},
                 {"Item", {{"pk", Text("alice")}, {"bio", Text(std::string(2500, 'x'))}}}});
  json remove = {
      {"Update",
       {{"TableName", "Accounts"}, {"Key", Key("alice")}, {"UpdateExpression", "REMOVE bio"}}}};
  json response = Body(Write({remove}, {{"ReturnConsumedCapacity", "TOTAL"}}));
  EXPECT_EQ(response["ConsumedCapacity"][0]["WriteCapacityUnits"], 6.0);  // 2.5 KB -> 3 x 2
}

TEST_F(TransactionsTest, UpdateThatOnlyRemovesFromAnAbsentItemCreatesNothing) {
  json remove = {
      {"Update",
       {{"TableName", "Accounts"}, {"Key", Key("ghost")}, {"UpdateExpression", "REMOVE bio"}}}};
  ASSERT_EQ(ErrorOf(Write({remove})), "OK");
  EXPECT_EQ(Account("ghost"), json::object());
}

TEST_F(TransactionsTest, UpdateOfAnAbsentItemCreatesIt) {
  json create = {{"Update",
                  {{"TableName", "Accounts"},
                   {"Key", Key("new")},
                   {"UpdateExpression", "SET balance = :z"},
                   {"ExpressionAttributeValues", {{":z", Number("0")}}}}}};
  ASSERT_EQ(ErrorOf(Write({create})), "OK");
  EXPECT_EQ(Account("new"), json::parse(R"({"pk":{"S":"new"},"balance":{"N":"0"}})"));
}

// --- TransactWriteItems: cancellation -------------------------------------------------------

TEST_F(TransactionsTest, OneFailingConditionCancelsEverythingAndWritesNothing) {
  PutAccount("alice", "10");
  PutAccount("bob", "20");
  Response response = Write({PutAction("Accounts", {{"pk", Text("dave")}}),
                             Check("alice", "attribute_not_exists(balance)"), DeleteAction("bob")});
  EXPECT_EQ(ErrorOf(response),
            "TransactionCanceledException: Transaction cancelled, please refer cancellation "
            "reasons for specific reasons [None, ConditionalCheckFailed, None]");
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(Body(response)["CancellationReasons"], json::parse(R"([
      {"Code":"None"},
      {"Code":"ConditionalCheckFailed","Message":"The conditional request failed"},
      {"Code":"None"}])"));
  EXPECT_EQ(Account("dave"), json::object());
  EXPECT_EQ(Account("bob")["balance"], Number("20"));
}

TEST_F(TransactionsTest, EveryFailingConditionIsListed) {
  PutAccount("alice", "10");
  json reasons = Body(Write({Check("alice", "attribute_not_exists(pk)"),
                             PutAction("Accounts", {{"pk", Text("bob")}}),
                             Check("nobody", "attribute_exists(pk)")}))["CancellationReasons"];
  ASSERT_EQ(reasons.size(), 3u);
  EXPECT_EQ(reasons[0]["Code"], "ConditionalCheckFailed");
  EXPECT_EQ(reasons[1], json::parse(R"({"Code":"None"})"));
  EXPECT_EQ(reasons[2]["Code"], "ConditionalCheckFailed");
}

TEST_F(TransactionsTest, AllOldReturnsTheItemThatFailedItsCondition) {
  PutAccount("alice", "10");
  json check = Check("alice", "balance > :x");
  check["ConditionCheck"]["ExpressionAttributeValues"] = {{":x", Number("50")}};
  check["ConditionCheck"]["ReturnValuesOnConditionCheckFailure"] = "ALL_OLD";
  json absent = Check("nobody", "attribute_exists(pk)");
  absent["ConditionCheck"]["ReturnValuesOnConditionCheckFailure"] = "ALL_OLD";
  json silent = Check("alice2", "attribute_exists(pk)");
  json reasons = Body(Write({check, absent, silent}))["CancellationReasons"];
  EXPECT_EQ(reasons, json::parse(R"([
      {"Code":"ConditionalCheckFailed","Message":"The conditional request failed",
       "Item":{"pk":{"S":"alice"},"balance":{"N":"10"}}},
      {"Code":"ConditionalCheckFailed","Message":"The conditional request failed"},
      {"Code":"ConditionalCheckFailed","Message":"The conditional request failed"}])"));
}

TEST_F(TransactionsTest, RuntimeUpdateErrorCancelsWithValidationErrorAlone) {
  Ok("PutItem", {{"TableName", "Accounts"},
                 {"Item", {{"pk", Text("alice")}, {"n", Number("3")}, {"s", Text("x")}}}});
  json bad = {
      {"Update",
       {{"TableName", "Accounts"}, {"Key", Key("alice")}, {"UpdateExpression", "SET n = n + s"}}}};
  // The failing condition on the first action is not reported: validation stops at the first
  // action that cannot be applied and every other action is None.
  Response response = Write({Check("nobody", "attribute_exists(pk)"), bad});
  EXPECT_EQ(ErrorOf(response),
            "TransactionCanceledException: Transaction cancelled, please refer cancellation "
            "reasons for specific reasons [None, ValidationError]");
  EXPECT_EQ(Body(response)["CancellationReasons"][1], json::parse(R"({"Code":"ValidationError",
                "Message":"An operand in the update expression has an incorrect data type"})"));
  EXPECT_EQ(Account("alice")["n"], Number("3"));
}

TEST_F(TransactionsTest, UpdateGrowingPastTheItemLimitIsACancellation) {
  json grow = {{"Update",
                {{"TableName", "Accounts"},
                 {"Key", Key("alice")},
                 {"UpdateExpression", "SET big = :big"},
                 {"ExpressionAttributeValues", {{":big", Text(std::string(409600, 'x'))}}}}}};
  Response response = Write({grow});
  EXPECT_EQ(Body(response)["CancellationReasons"], json::parse(R"([{"Code":"ValidationError",
                "Message":"Item size to update has exceeded the maximum allowed size"}])"));
  EXPECT_EQ(Account("alice"), json::object());
}

TEST_F(TransactionsTest, KeyOfTheWrongTypeIsACancellationReason) {
  Response put = Write({PutAction("Accounts", {{"pk", Number("5")}})});
  EXPECT_EQ(ErrorOf(put),
            "TransactionCanceledException: Transaction cancelled, please refer cancellation "
            "reasons for specific reasons [ValidationError]");
  EXPECT_EQ(Body(put)["CancellationReasons"][0]["Message"],
            "One or more parameter values were invalid: Type mismatch for key pk expected: S "
            "actual: N");
  json wrong_key = {{"Delete", {{"TableName", "Accounts"}, {"Key", {{"pk", Number("5")}}}}}};
  Response del = Write({PutAction("Accounts", {{"pk", Text("alice")}}), wrong_key});
  EXPECT_EQ(Body(del)["CancellationReasons"],
            json::parse(R"([{"Code":"None"},{"Code":"ValidationError",
                "Message":"The provided key element does not match the schema"}])"));
  EXPECT_EQ(Account("alice"), json::object());
}

TEST_F(TransactionsTest, ThrottledTransactionWritesNothingAndCancelledOnesAreBilled) {
  Ok("CreateTable",
     {{"TableName", "Small"},
      {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
      {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}},
      {"ProvisionedThroughput", {{"ReadCapacityUnits", 1}, {"WriteCapacityUnits", 1}}}});
  // 1 WCU keeps 300 seconds of burst: 149 transactional puts of 2 units leave 2.
  for (int i = 0; i < 149; ++i) {
    ASSERT_EQ(ErrorOf(Write({PutAction("Small", {{"pk", Text("k" + std::to_string(i))}})})), "OK");
  }
  // A cancelled transaction still ran its prepare phase, so it takes the last 2 units.
  json fails = PutAction("Small", {{"pk", Text("k0")}});
  fails["Put"]["ConditionExpression"] = "attribute_not_exists(pk)";
  EXPECT_EQ(ErrorOf(Write({fails})).substr(0, 28), "TransactionCanceledException");
  // Insufficient capacity cancels the transaction (API reference, TransactionCanceledException),
  // with the throttle as the action's reason.
  Response throttled = Write({PutAction("Small", {{"pk", Text("late")}})});
  EXPECT_EQ(ErrorOf(throttled),
            "TransactionCanceledException: Transaction cancelled, please refer cancellation "
            "reasons for specific reasons [ProvisionedThroughputExceeded]");
  EXPECT_EQ(Body(throttled)["CancellationReasons"],
            json::parse(R"([{"Code":"ProvisionedThroughputExceeded",
                "Message":"The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API."}])"));
  EXPECT_EQ(Ok("GetItem", {{"TableName", "Small"}, {"Key", Key("late")}}), json::object());
  clock_.Advance(2);
  EXPECT_EQ(ErrorOf(Write({PutAction("Small", {{"pk", Text("late")}})})), "OK");
}

// An item of about 300 KB under Orders' partition key "hot": about 300 write units, 600 in a
// transaction.
json LargeOrder(const std::string& sk) {
  return {{"pk", {{"S", "hot"}}}, {"sk", {{"S", sk}}}, {"data", {{"S", std::string(300000, 'x')}}}};
}

TEST_F(TransactionsTest, ActionsOnOnePartitionAreAdmittedTogether) {
  // One unit in this second on the partition of "hot", so it serves at most 999 more.
  Ok("PutItem", {{"TableName", "Orders"}, {"Item", {{"pk", Text("hot")}, {"sk", Text("first")}}}});
  // Each large put fits alone (about 601 units), but not both together (about 1,201).
  Response together =
      Write({PutAction("Accounts", {{"pk", Text("alice")}}), PutAction("Orders", LargeOrder("a")),
             PutAction("Orders", LargeOrder("b"))});
  EXPECT_EQ(ErrorOf(together),
            "TransactionCanceledException: Transaction cancelled, please refer cancellation "
            "reasons for specific reasons [None, ThrottlingError, ThrottlingError]");
  const json reasons = Body(together)["CancellationReasons"];
  ASSERT_EQ(reasons.size(), 3u);
  EXPECT_EQ(reasons[0], json::parse(R"({"Code":"None"})"));
  EXPECT_EQ(reasons[1], reasons[2]);
  EXPECT_EQ(reasons[1]["Message"].get<std::string>().substr(0, 63),
            "Throughput exceeds the current capacity of your table or index.");
  // A refused transaction writes nothing, nor takes any capacity.
  EXPECT_EQ(Account("alice"), json::object());
  EXPECT_EQ(ErrorOf(Write({PutAction("Orders", LargeOrder("a"))})), "OK");
}

TEST_F(TransactionsTest, WithThrottlingOffAnOverfullPartitionServesTheTransaction) {
  ASSERT_EQ(ErrorOf(engine_.Handle("Playground.Configure", R"({"Throttling":"OFF"})")), "OK");
  Ok("PutItem", {{"TableName", "Orders"}, {"Item", {{"pk", Text("hot")}, {"sk", Text("first")}}}});
  EXPECT_EQ(
      ErrorOf(Write({PutAction("Orders", LargeOrder("a")), PutAction("Orders", LargeOrder("b"))})),
      "OK");
  EXPECT_EQ(Ok("GetItem", {{"TableName", "Orders"},
                           {"Key", {{"pk", Text("hot")}, {"sk", Text("b")}}},
                           {"ProjectionExpression", "sk"}}),
            json::parse(R"({"Item":{"sk":{"S":"b"}}})"));
}

TEST_F(TransactionsTest, ActionsOnOtherPartitionsAreAdmittedApart) {
  Ok("PutItem", {{"TableName", "Orders"}, {"Item", {{"pk", Text("hot")}, {"sk", Text("first")}}}});
  // A partition key of Orders on another partition than "hot": two large puts that one
  // partition could not take together fit when each partition takes one.
  const std::string cold = StringKeyOnAnotherPartition("Orders", "hot");
  json cold_order = LargeOrder("b");
  cold_order["pk"] = Text(cold);
  EXPECT_EQ(ErrorOf(Write({PutAction("Orders", LargeOrder("a")), PutAction("Orders", cold_order)})),
            "OK");
  // The same key in another table is another partition too.
  CreateTable("Other", "S");
  clock_.Advance(2);
  EXPECT_EQ(
      ErrorOf(Write({PutAction("Orders", LargeOrder("c")), PutAction("Other", LargeOrder("d"))})),
      "OK");
}

TEST_F(TransactionsTest, GetsOnOnePartitionAreAdmittedTogether) {
  Ok("CreateTable",
     {{"TableName", "Slow"},
      {"KeySchema",
       {{{"AttributeName", "pk"}, {"KeyType", "HASH"}},
        {{"AttributeName", "sk"}, {"KeyType", "RANGE"}}}},
      {"AttributeDefinitions",
       {{{"AttributeName", "pk"}, {"AttributeType", "S"}},
        {{"AttributeName", "sk"}, {"AttributeType", "S"}}}},
      {"ProvisionedThroughput", {{"ReadCapacityUnits", 1}, {"WriteCapacityUnits", 1}}}});
  // 1 RCU keeps 300 seconds of burst: 297 strongly consistent reads of a missing item leave 3.
  json key = {{"pk", Text("p")}, {"sk", Text("a")}};
  for (int i = 0; i < 297; ++i) {
    ASSERT_EQ(
        ErrorOf(Call("GetItem", {{"TableName", "Slow"}, {"Key", key}, {"ConsistentRead", true}})),
        "OK");
  }
  // Each transactional read takes 2 units: one fits, two on the same partition do not.
  json other_key = {{"pk", Text("p")}, {"sk", Text("b")}};
  json get_a = {{"Get", {{"TableName", "Slow"}, {"Key", key}}}};
  json get_b = {{"Get", {{"TableName", "Slow"}, {"Key", other_key}}}};
  Response both = Get({get_a, get_b});
  EXPECT_EQ(ErrorOf(both),
            "TransactionCanceledException: Transaction cancelled, please refer cancellation "
            "reasons for specific reasons [ProvisionedThroughputExceeded, "
            "ProvisionedThroughputExceeded]");
  EXPECT_EQ(Body(both)["CancellationReasons"][0]["Message"],
            "The level of configured provisioned throughput for the table was exceeded. Consider "
            "increasing your provisioning level with the UpdateTable API.");
  EXPECT_EQ(ErrorOf(Get({get_a})), "OK");
}

// --- TransactWriteItems: request errors -----------------------------------------------------

TEST_F(TransactionsTest, EmptyKeyValueIsARequestError) {
  EXPECT_EQ(ErrorOf(Write({Check("", "attribute_exists(pk)")})),
            "ValidationException: One or more parameter values are not valid. The AttributeValue "
            "for a key attribute cannot contain an empty string value. Key: pk");
}

TEST_F(TransactionsTest, PutOverTheItemLimitIsARequestError) {
  json item = {{"pk", Text("alice")}, {"big", Text(std::string(409600, 'x'))}};
  EXPECT_EQ(ErrorOf(Write({PutAction("Accounts", item)})),
            "ValidationException: Item size has exceeded the maximum allowed size");
}

TEST_F(TransactionsTest, TwoActionsOnOneItemAreRejected) {
  PutAccount("alice", "10");
  const std::string message =
      "ValidationException: Transaction request cannot include multiple operations on one item";
  EXPECT_EQ(ErrorOf(Write({PutAction("Accounts", {{"pk", Text("alice")}}), DeleteAction("alice")})),
            message);
  EXPECT_EQ(ErrorOf(Write({Check("alice", "attribute_exists(pk)"), Adjust("alice", "1")})),
            message);
  // The same key in two tables is two items.
  EXPECT_EQ(ErrorOf(Write({PutAction("Orders", {{"pk", Text("alice")}, {"sk", Text("alice")}}),
                           PutAction("Accounts", {{"pk", Text("alice")}})})),
            "OK");
  EXPECT_EQ(Account("alice"), json::parse(R"({"pk":{"S":"alice"}})"));
}

TEST_F(TransactionsTest, WriteRequestOverFourMegabytesIsRejected) {
  std::vector<json> actions;
  for (int i = 0; i < 11; ++i) {  // 11 items of 390,000 bytes: 4.09 MiB
    actions.push_back(PutAction("Accounts", {{"pk", Text("a" + std::to_string(i))},
                                             {"v", Text(std::string(390000, 'x'))}}));
  }
  EXPECT_EQ(ErrorOf(Write(actions)), "ValidationException: Transaction size cannot exceed 4 MB");
  EXPECT_EQ(Account("a0"), json::object());
}

TEST_F(TransactionsTest, GetOfMoreThanFourMegabytesIsRejected) {
  std::vector<json> gets;
  for (int i = 0; i < 11; ++i) {
    Ok("PutItem",
       {{"TableName", "Accounts"},
        {"Item", {{"pk", Text("a" + std::to_string(i))}, {"v", Text(std::string(390000, 'x'))}}}});
    clock_.Advance(1);  // 381 WCU each: stay under a partition's 1,000 WCU per second
    gets.push_back({{"Get", {{"TableName", "Accounts"}, {"Key", Key("a" + std::to_string(i))}}}});
  }
  EXPECT_EQ(
      ErrorOf(Get(gets)),
      "ValidationException: The aggregate size of the items in the transaction exceeded 4 MB");
  gets.pop_back();
  EXPECT_EQ(Body(Get(gets))["Responses"].size(), 10u);
}

TEST_F(TransactionsTest, TakesOneToOneHundredActions) {
  std::vector<json> actions;
  for (int i = 0; i < 100; ++i) {
    actions.push_back(PutAction("Accounts", {{"pk", Text("a" + std::to_string(i))}}));
  }
  Response hundred = Write(actions, {{"ReturnConsumedCapacity", "TOTAL"}});
  ASSERT_EQ(ErrorOf(hundred), "OK");
  EXPECT_EQ(Body(hundred)["ConsumedCapacity"][0]["CapacityUnits"], 200.0);

  actions.push_back(PutAction("Accounts", {{"pk", Text("a100")}}));
  std::string message = ErrorOf(Write(actions));
  EXPECT_EQ(message.rfind("ValidationException: 1 validation error detected: Value '[{Put={", 0),
            0u)
      << message;
  const std::string suffix =
      "' at 'transactItems' failed to satisfy constraint: Member must have length less than or "
      "equal to 100";
  ASSERT_GE(message.size(), suffix.size());
  EXPECT_EQ(message.substr(message.size() - suffix.size()), suffix);
  EXPECT_EQ(Account("a100"), json::object());

  EXPECT_EQ(ErrorOf(Write({})),
            "ValidationException: 1 validation error detected: Value '[]' at 'transactItems' "
            "failed to satisfy constraint: Member must have length greater than or equal to 1");
  EXPECT_EQ(ErrorOf(Call("TransactWriteItems", json::object())),
            "ValidationException: 1 validation error detected: Value null at 'transactItems' "
            "failed to satisfy constraint: Member must not be null");
}

TEST_F(TransactionsTest, MissingTableIsResourceNotFoundAndWritesNothing) {
  Response response = Write(
      {PutAction("Accounts", {{"pk", Text("alice")}}), PutAction("Nowhere", {{"pk", Text("x")}})});
  EXPECT_EQ(ErrorOf(response), "ResourceNotFoundException: Requested resource not found");
  EXPECT_EQ(Account("alice"), json::object());
}

TEST_F(TransactionsTest, ExpressionErrorsComeBeforeMissingTables) {
  json malformed = Check("alice", "attribute_not_exists(");
  EXPECT_EQ(ErrorOf(Write({PutAction("Nowhere", {{"pk", Text("x")}}), malformed})),
            "ValidationException: Invalid ConditionExpression: Syntax error; token: \"<EOF>\", "
            "near: \"(\"");
  json unused = Check("alice", "attribute_not_exists(pk)");
  unused["ConditionCheck"]["ExpressionAttributeValues"] = {{":v", Text("x")}};
  EXPECT_EQ(ErrorOf(Write({unused, PutAction("Nowhere", {{"pk", Text("x")}})})),
            "ValidationException: Value provided in ExpressionAttributeValues unused in "
            "expressions: keys: {:v}");
  // ... and before a duplicate target.
  EXPECT_EQ(ErrorOf(Write({PutAction("Accounts", {{"pk", Text("alice")}}), unused})),
            "ValidationException: Value provided in ExpressionAttributeValues unused in "
            "expressions: keys: {:v}");
  json empty = Check("alice", "");
  EXPECT_EQ(ErrorOf(Write({empty})),
            "ValidationException: Invalid ConditionExpression: The expression can not be empty;");
}

TEST_F(TransactionsTest, MemberConstraintsNameTheActionAndItsPosition) {
  json bad_name = PutAction("bad!name", {{"pk", Text("a")}});
  EXPECT_EQ(ErrorOf(Write({PutAction("Accounts", {{"pk", Text("b")}}), bad_name})),
            "ValidationException: 1 validation error detected: Value 'bad!name' at "
            "'transactItems.2.member.put.tableName' failed to satisfy constraint: Member must "
            "satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
  json no_condition = {{"ConditionCheck", {{"TableName", "Accounts"}, {"Key", Key("a")}}}};
  EXPECT_EQ(ErrorOf(Write({no_condition})),
            "ValidationException: 1 validation error detected: Value null at "
            "'transactItems.1.member.conditionCheck.conditionExpression' failed to satisfy "
            "constraint: Member must not be null");
  json no_update = {{"Update", {{"TableName", "Accounts"}, {"Key", Key("a")}}}};
  EXPECT_EQ(ErrorOf(Write({no_update})),
            "ValidationException: 1 validation error detected: Value null at "
            "'transactItems.1.member.update.updateExpression' failed to satisfy constraint: "
            "Member must not be null");
  json bad_return = PutAction("Accounts", {{"pk", Text("a")}});
  bad_return["Put"]["ReturnValuesOnConditionCheckFailure"] = "ALL_NEW";
  EXPECT_EQ(ErrorOf(Write({bad_return}, {{"ReturnConsumedCapacity", "ALL"},
                                         {"ClientRequestToken", std::string(37, 't')}})),
            "ValidationException: 3 validation errors detected: Value '" + std::string(37, 't') +
                "' at 'clientRequestToken' failed to satisfy constraint: Member must have length "
                "less than or equal to 36; Value 'ALL' at 'returnConsumedCapacity' failed to "
                "satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; "
                "Value 'ALL_NEW' at "
                "'transactItems.1.member.put.returnValuesOnConditionCheckFailure' failed to "
                "satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]");
  EXPECT_EQ(ErrorOf(Write({json::parse(R"({"Delete":{},"Put":{}})")})),
            "ValidationException: 4 validation errors detected: Value null at "
            "'transactItems.1.member.delete.key' failed to satisfy constraint: Member must not be "
            "null; Value null at 'transactItems.1.member.delete.tableName' failed to satisfy "
            "constraint: Member must not be null; Value null at 'transactItems.1.member.put.item' "
            "failed to satisfy constraint: Member must not be null; Value null at "
            "'transactItems.1.member.put.tableName' failed to satisfy constraint: Member must not "
            "be null");
}

TEST_F(TransactionsTest, EachElementNamesExactlyOneAction) {
  EXPECT_EQ(ErrorOf(Write({json::object()})),
            "ValidationException: Invalid Request: TransactWriteRequest should contain Delete or "
            "Put or Update request");
  json both = PutAction("Accounts", {{"pk", Text("a")}});
  both["Delete"] = {{"TableName", "Accounts"}, {"Key", Key("b")}};
  EXPECT_EQ(ErrorOf(Write({both})),
            "ValidationException: TransactItems can only contain one of Check, Put, Update or "
            "Delete");
  EXPECT_EQ(ErrorOf(Call("TransactWriteItems", json::parse(R"({"TransactItems":[null]})"))),
            "ValidationException: Invalid Request: TransactWriteRequest should contain Delete or "
            "Put or Update request");
  EXPECT_EQ(ErrorOf(Call("TransactGetItems", json::parse(R"({"TransactItems":[null]})"))),
            "ValidationException: 1 validation error detected: Value null at "
            "'transactItems.1.member.get' failed to satisfy constraint: Member must not be null");
}

TEST_F(TransactionsTest, WrongJsonTypesAreSerializationErrors) {
  EXPECT_EQ(ErrorOf(Call("TransactWriteItems", {{"TransactItems", "x"}})),
            "SerializationException: Unexpected field type");
  EXPECT_EQ(ErrorOf(Write({json::parse(R"({"Put":"x"})")})),
            "SerializationException: Unexpected field type");
  EXPECT_EQ(ErrorOf(Write({json::parse(R"({"Put":{"TableName":5}})")})),
            "SerializationException: NUMBER_VALUE cannot be converted to String");
}

TEST_F(TransactionsTest, MembersATransactionDoesNotTakeAreIgnored) {
  PutAccount("alice", "10");
  json put = PutAction("Accounts", {{"pk", Text("alice")}});
  put["Put"]["Expected"] = {{"pk", {{"Exists", false}}}};  // not a transaction member
  put["Put"]["ReturnValues"] = "ALL_OLD";
  EXPECT_EQ(Body(Write({put})), json::object());
  EXPECT_EQ(Account("alice"), json::parse(R"({"pk":{"S":"alice"}})"));
}

// --- TransactWriteItems: ClientRequestToken -------------------------------------------------

TEST_F(TransactionsTest, RepeatWithTheSameTokenAppliesOnceAndReportsReadUnits) {
  PutAccount("alice", "0");
  json request = {{"ClientRequestToken", "token-repeat"}, {"ReturnConsumedCapacity", "TOTAL"}};
  json first = Body(Write({Adjust("alice", "10")}, request));
  EXPECT_EQ(first, json::parse(R"({"ConsumedCapacity":[
      {"TableName":"Accounts","CapacityUnits":2.0,"WriteCapacityUnits":2.0}]})"));
  clock_.Advance(60);
  json replay = Body(Write({Adjust("alice", "10")}, request));
  EXPECT_EQ(replay, json::parse(R"({"ConsumedCapacity":[
      {"TableName":"Accounts","CapacityUnits":2.0,"ReadCapacityUnits":2.0}]})"));
  EXPECT_EQ(Account("alice")["balance"], Number("10"));
  // What a replay returns may differ: ReturnConsumedCapacity is not part of the request's
  // identity.
  EXPECT_EQ(Body(Write({Adjust("alice", "10")}, {{"ClientRequestToken", "token-repeat"}})),
            json::object());
  EXPECT_EQ(Account("alice")["balance"], Number("10"));
}

TEST_F(TransactionsTest, ReplayIsChargedAsATransactionalReadOfTheItems) {
  json item = {{"pk", Text("alice")}, {"bio", Text(std::string(1536, 'x'))}};
  json request = {{"ClientRequestToken", "token-large"}, {"ReturnConsumedCapacity", "INDEXES"}};
  json first = Body(Write({PutAction("Accounts", item)}, request));
  EXPECT_EQ(first["ConsumedCapacity"][0]["WriteCapacityUnits"], 4.0);  // 1.5 KB -> 2 KB x 2
  json replay = Body(Write({PutAction("Accounts", item)}, request));
  EXPECT_EQ(replay, json::parse(R"({"ConsumedCapacity":[
      {"TableName":"Accounts","CapacityUnits":2.0,"ReadCapacityUnits":2.0,
       "Table":{"CapacityUnits":2.0,"ReadCapacityUnits":2.0}}]})"));
}

TEST_F(TransactionsTest, SameTokenWithADifferentRequestIsAMismatch) {
  ASSERT_EQ(ErrorOf(Write({PutAction("Accounts", {{"pk", Text("alice")}})},
                          {{"ClientRequestToken", "token-mismatch"}})),
            "OK");
  Response response = Write({PutAction("Accounts", {{"pk", Text("bob")}})},
                            {{"ClientRequestToken", "token-mismatch"}});
  EXPECT_EQ(ErrorOf(response),
            "IdempotentParameterMismatchException: The request uses the same client token as a "
            "previous, but non-identical request.");
  EXPECT_EQ(Body(response)["__type"],
            "com.amazonaws.dynamodb.v20120810#IdempotentParameterMismatchException");
  EXPECT_EQ(Account("bob"), json::object());
  // Without a token the same request simply runs.
  EXPECT_EQ(ErrorOf(Write({PutAction("Accounts", {{"pk", Text("bob")}})})), "OK");
}

TEST_F(TransactionsTest, TokenExpiresTenMinutesAfterTheTransaction) {
  PutAccount("alice", "0");
  json token = {{"ClientRequestToken", "token-expiry"}};
  ASSERT_EQ(ErrorOf(Write({Adjust("alice", "10")}, token)), "OK");
  clock_.Advance(599);
  ASSERT_EQ(ErrorOf(Write({Adjust("alice", "10")}, token)), "OK");
  EXPECT_EQ(Account("alice")["balance"], Number("10"));  // replayed, not applied
  clock_.Advance(1);
  ASSERT_EQ(ErrorOf(Write({Adjust("alice", "10")}, token)), "OK");
  EXPECT_EQ(Account("alice")["balance"], Number("20"));  // a new request after 10 minutes
  // The new request opened a new window: a different request is a mismatch again.
  EXPECT_EQ(ErrorOf(Write({Adjust("alice", "99")}, token)).substr(0, 36),
            "IdempotentParameterMismatchException");
  clock_.Advance(600);
  EXPECT_EQ(ErrorOf(Write({Adjust("alice", "99")}, token)), "OK");
  EXPECT_EQ(Account("alice")["balance"], Number("119"));
}

TEST_F(TransactionsTest, CancelledTransactionDoesNotUseUpItsToken) {
  PutAccount("alice", "5");
  json token = {{"ClientRequestToken", "token-cancelled"}};
  EXPECT_EQ(ErrorOf(Write({Adjust("alice", "-10")}, token)).substr(0, 28),
            "TransactionCanceledException");
  PutAccount("alice", "50");
  ASSERT_EQ(ErrorOf(Write({Adjust("alice", "-10")}, token)), "OK");
  EXPECT_EQ(Account("alice")["balance"], Number("40"));
}

TEST_F(TransactionsTest, TokenLengthIsOneToThirtySix) {
  EXPECT_EQ(
      ErrorOf(Write({PutAction("Accounts", {{"pk", Text("a")}})}, {{"ClientRequestToken", ""}})),
      "ValidationException: 1 validation error detected: Value '' at 'clientRequestToken' "
      "failed to satisfy constraint: Member must have length greater than or equal to 1");
  EXPECT_EQ(ErrorOf(Write({PutAction("Accounts", {{"pk", Text("a")}})},
                          {{"ClientRequestToken", std::string(36, 'k')}})),
            "OK");
}

// --- TransactGetItems -----------------------------------------------------------------------

TEST_F(TransactionsTest, GetReturnsItemsInRequestOrder) {
  PutAccount("alice", "10");
  PutAccount("bob", "20");
  json response = Body(Get({{{"Get", {{"TableName", "Accounts"}, {"Key", Key("bob")}}}},
                            {{"Get", {{"TableName", "Accounts"}, {"Key", Key("nobody")}}}},
                            {{"Get", {{"TableName", "Accounts"}, {"Key", Key("alice")}}}}}));
  EXPECT_EQ(response, json::parse(R"({"Responses":[
      {"Item":{"pk":{"S":"bob"},"balance":{"N":"20"}}},
      {},
      {"Item":{"pk":{"S":"alice"},"balance":{"N":"10"}}}]})"));
}

TEST_F(TransactionsTest, GetProjectsWithNames) {
  Ok("PutItem", {{"TableName", "Accounts"},
                 {"Item",
                  {{"pk", Text("alice")},
                   {"balance", Number("10")},
                   {"owner", {{"M", {{"name", Text("Alice")}, {"age", Number("30")}}}}}}}});
  json get = {{"Get",
               {{"TableName", "Accounts"},
                {"Key", Key("alice")},
                {"ProjectionExpression", "#o.#n, balance"},
                {"ExpressionAttributeNames", {{"#o", "owner"}, {"#n", "name"}}}}}};
  EXPECT_EQ(Body(Get({get}))["Responses"][0]["Item"],
            json::parse(R"({"balance":{"N":"10"},"owner":{"M":{"name":{"S":"Alice"}}}})"));
}

TEST_F(TransactionsTest, GetChargesTwoReadUnitsPerFourKilobytesPerItem) {
  Ok("PutItem", {{"TableName", "Accounts"},
                 {"Item", {{"pk", Text("big")}, {"bio", Text(std::string(5000, 'x'))}}}});
  PutAccount("small", "1");
  std::vector<json> gets = {
      {{"Get", {{"TableName", "Accounts"}, {"Key", Key("big")}}}},
      {{"Get", {{"TableName", "Orders"}, {"Key", {{"pk", Text("o")}, {"sk", Text("missing")}}}}}},
      {{"Get",
        {{"TableName", "Accounts"}, {"Key", Key("small")}, {"ProjectionExpression", "pk"}}}}};
  // Accounts: 4 (5 KB rounds to 8 KB) + 2; Orders: a missing item still costs 2.
  EXPECT_EQ(Body(Get(gets, {{"ReturnConsumedCapacity", "TOTAL"}}))["ConsumedCapacity"],
            json::parse(R"([
      {"TableName":"Accounts","CapacityUnits":6.0,"ReadCapacityUnits":6.0},
      {"TableName":"Orders","CapacityUnits":2.0,"ReadCapacityUnits":2.0}])"));
  EXPECT_EQ(Body(Get({gets[1]}, {{"ReturnConsumedCapacity", "INDEXES"}}))["ConsumedCapacity"],
            json::parse(R"([{"TableName":"Orders","CapacityUnits":2.0,"ReadCapacityUnits":2.0,
                            "Table":{"CapacityUnits":2.0,"ReadCapacityUnits":2.0}}])"));
}

TEST_F(TransactionsTest, GetWithAKeyTheSchemaRejectsIsCancelled) {
  json good = {{"Get", {{"TableName", "Accounts"}, {"Key", Key("alice")}}}};
  json empty_key = {{"Get", {{"TableName", "Accounts"}, {"Key", json::object()}}}};
  Response response = Get({good, empty_key});
  EXPECT_EQ(ErrorOf(response),
            "TransactionCanceledException: Transaction cancelled, please refer cancellation "
            "reasons for specific reasons [None, ValidationError]");
  EXPECT_EQ(Body(response)["CancellationReasons"][1], json::parse(R"({"Code":"ValidationError",
                "Message":"The provided key element does not match the schema"})"));
  json empty_value = {{"Get", {{"TableName", "Accounts"}, {"Key", Key("")}}}};
  EXPECT_EQ(ErrorOf(Get({empty_value})),
            "ValidationException: One or more parameter values are not valid. The AttributeValue "
            "for a key attribute cannot contain an empty string value. Key: pk");
}

TEST_F(TransactionsTest, GetRequestErrors) {
  json missing = {{"Get", {{"TableName", "Nowhere"}, {"Key", Key("a")}}}};
  EXPECT_EQ(ErrorOf(Get({missing})), "ResourceNotFoundException: Requested resource not found");
  json syntax = {
      {"Get", {{"TableName", "Accounts"}, {"Key", Key("a")}, {"ProjectionExpression", "!!!"}}}};
  EXPECT_EQ(ErrorOf(Get({missing, syntax})),
            "ValidationException: Invalid ProjectionExpression: Syntax error; token: \"!\", near: "
            "\"!!\"");
  json get = {{"Get", {{"TableName", "Accounts"}, {"Key", Key("a")}}}};
  EXPECT_EQ(ErrorOf(Get({get, get})),
            "ValidationException: Transaction request cannot include multiple operations on one "
            "item");
  EXPECT_EQ(ErrorOf(Get({json::object()})),
            "ValidationException: 1 validation error detected: Value null at "
            "'transactItems.1.member.get' failed to satisfy constraint: Member must not be null");
  EXPECT_EQ(ErrorOf(Get({}, {{"ReturnConsumedCapacity", "BOGUS"}})),
            "ValidationException: 2 validation errors detected: Value 'BOGUS' at "
            "'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum "
            "value set: [INDEXES, TOTAL, NONE]; Value '[]' at 'transactItems' failed to satisfy "
            "constraint: Member must have length greater than or equal to 1");
  std::vector<json> gets;
  for (int i = 0; i < 101; ++i) {
    gets.push_back({{"Get", {{"TableName", "Accounts"}, {"Key", Key("k" + std::to_string(i))}}}});
  }
  std::string message = ErrorOf(Get(gets));
  const std::string suffix =
      "' at 'transactItems' failed to satisfy constraint: Member must have length less than or "
      "equal to 100";
  ASSERT_GE(message.size(), suffix.size());
  EXPECT_EQ(message.substr(message.size() - suffix.size()), suffix);
  gets.erase(gets.end() - 1);
  EXPECT_EQ(Body(Get(gets))["Responses"].size(), 100u);
}

}  // namespace
}  // namespace ddbpg::testing
