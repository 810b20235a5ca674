// A table named by its ARN wherever a request names an existing table (TableName, a batch's
// RequestItems keys, a transaction's TableName members): the same answers as by name, with the
// name in every answer; the ARNs that cannot name one of this account's tables here refused; and
// random request sequences answered alike by an engine addressed by ARN and one by name (seeded).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/engine/support/engine_fixture.h"
#include "tests/engine/support/model_random.h"

namespace ddbpg::testing {
namespace {

using model::Random;

constexpr const char* kTablePrefix = "arn:aws:dynamodb:us-east-1:000000000000:table/";

std::string ArnOf(const std::string& table) { return kTablePrefix + table; }

json Key(const std::string& pk) { return {{"pk", {{"S", pk}}}}; }

json Item(const std::string& pk, int n) {
  return {{"pk", {{"S", pk}}}, {"n", {{"N", std::to_string(n)}}}};
}

class TableArnTest : public EngineFixture {
 protected:
  void SetUp() override {
    CreateTable("Music");
    CreateTable("Books");
  }
};

TEST_F(TableArnTest, SingleItemOperationsReachTheTableByArn) {
  Ok("PutItem", {{"TableName", ArnOf("Music")}, {"Item", Item("a", 1)}});
  json got = Ok("GetItem", {{"TableName", ArnOf("Music")},
                            {"Key", Key("a")},
                            {"ReturnConsumedCapacity", "TOTAL"}});
  EXPECT_EQ(got["Item"], Item("a", 1));
  // Answers name the table, not the ARN the request gave.
  EXPECT_EQ(got["ConsumedCapacity"]["TableName"], "Music");
  Ok("UpdateItem", {{"TableName", ArnOf("Music")},
                    {"Key", Key("a")},
                    {"UpdateExpression", "SET n = n + :one"},
                    {"ExpressionAttributeValues", {{":one", {{"N", "1"}}}}}});
  EXPECT_EQ(Ok("GetItem", {{"TableName", "Music"}, {"Key", Key("a")}})["Item"], Item("a", 2));
  Ok("DeleteItem", {{"TableName", ArnOf("Music")}, {"Key", Key("a")}});
  EXPECT_FALSE(Ok("GetItem", {{"TableName", "Music"}, {"Key", Key("a")}}).contains("Item"));
}

TEST_F(TableArnTest, ReadsAndTableOperationsReachTheTableByArn) {
  Ok("PutItem", {{"TableName", "Music"}, {"Item", Item("a", 1)}});
  EXPECT_EQ(Ok("Scan", {{"TableName", ArnOf("Music")}})["Count"], 1);
  EXPECT_EQ(Ok("Query", {{"TableName", ArnOf("Music")},
                         {"KeyConditionExpression", "pk = :pk"},
                         {"ExpressionAttributeValues", {{":pk", {{"S", "a"}}}}}})["Count"],
            1);
  json table = Ok("DescribeTable", {{"TableName", ArnOf("Music")}})["Table"];
  EXPECT_EQ(table["TableName"], "Music");
  EXPECT_EQ(table["TableArn"], ArnOf("Music"));
  EXPECT_EQ(Ok("DescribeTimeToLive", {{"TableName", ArnOf("Music")}})["TimeToLiveDescription"]
                ["TimeToLiveStatus"],
            "DISABLED");
  Ok("DeleteTable", {{"TableName", ArnOf("Books")}});
  EXPECT_EQ(ErrorOf(Call("DescribeTable", {{"TableName", "Books"}})),
            "ResourceNotFoundException: Requested resource not found: Table: Books not found");
}

TEST_F(TableArnTest, BatchRequestItemsKeyedByArnAnswerByName) {
  json written = Ok("BatchWriteItem",
                    {{"RequestItems",
                      {{ArnOf("Music"), {{{"PutRequest", {{"Item", Item("a", 1)}}}}}},
                       {"Books", {{{"PutRequest", {{"Item", Item("b", 2)}}}}}}}},
                     {"ReturnConsumedCapacity", "INDEXES"}});
  EXPECT_EQ(written["UnprocessedItems"], json::object());
  std::vector<std::string> charged;
  for (const json& capacity : written["ConsumedCapacity"]) charged.push_back(capacity["TableName"]);
  EXPECT_EQ(charged, (std::vector<std::string>{"Books", "Music"}));

  json read = Ok("BatchGetItem", {{"RequestItems",
                                   {{ArnOf("Music"), {{"Keys", {Key("a")}}}},
                                    {ArnOf("Books"), {{"Keys", {Key("b")}}}}}}});
  EXPECT_EQ(read["Responses"]["Music"], json::array({Item("a", 1)}));
  EXPECT_EQ(read["Responses"]["Books"], json::array({Item("b", 2)}));
  EXPECT_FALSE(read["Responses"].contains(ArnOf("Music")));
}

TEST_F(TableArnTest, ABatchCannotNameOneTableByNameAndByArn) {
  Response response = Call(
      "BatchWriteItem", {{"RequestItems",
                          {{ArnOf("Music"), {{{"PutRequest", {{"Item", Item("a", 1)}}}}}},
                           {"Music", {{{"PutRequest", {{"Item", Item("b", 2)}}}}}}}}});
  EXPECT_EQ(ErrorOf(response),
            "ValidationException: One or more parameter values were invalid: RequestItems names "
            "the table Music more than once, by name and by ARN");
  // Nothing was written.
  EXPECT_EQ(Ok("Scan", {{"TableName", "Music"}})["Count"], 0);
}

TEST_F(TableArnTest, TransactionsNameTheirTablesByArn) {
  Ok("TransactWriteItems",
     {{"TransactItems",
       {{{"Put", {{"TableName", ArnOf("Music")}, {"Item", Item("a", 1)}}}},
        {{"Put", {{"TableName", "Books"}, {"Item", Item("b", 2)}}}}}}});
  json got = Ok("TransactGetItems",
                {{"TransactItems",
                  {{{"Get", {{"TableName", ArnOf("Music")}, {"Key", Key("a")}}}},
                   {{"Get", {{"TableName", ArnOf("Books")}, {"Key", Key("b")}}}}}},
                 {"ReturnConsumedCapacity", "TOTAL"}});
  EXPECT_EQ(got["Responses"][0]["Item"], Item("a", 1));
  EXPECT_EQ(got["Responses"][1]["Item"], Item("b", 2));
  EXPECT_EQ(got["ConsumedCapacity"][0]["TableName"], "Music");
  // One item twice, once by name and once by ARN, is still one item twice.
  Response twice = Call("TransactWriteItems",
                        {{"TransactItems",
                          {{{"Put", {{"TableName", ArnOf("Music")}, {"Item", Item("c", 1)}}}},
                           {{"Delete", {{"TableName", "Music"}, {"Key", Key("c")}}}}}}});
  EXPECT_EQ(ErrorOf(twice),
            "ValidationException: Transaction request cannot include multiple operations on one "
            "item");
}

TEST_F(TableArnTest, AMissingTableByArnIsNotFoundByName) {
  EXPECT_EQ(ErrorOf(Call("DescribeTable", {{"TableName", ArnOf("Nowhere")}})),
            "ResourceNotFoundException: Requested resource not found: Table: Nowhere not found");
}

TEST_F(TableArnTest, ArnsThatCannotNameATableHereAreRefused) {
  const std::string other_account = "arn:aws:dynamodb:us-east-1:111122223333:table/Music";
  EXPECT_EQ(ErrorOf(Call("GetItem", {{"TableName", other_account}, {"Key", Key("a")}})),
            "AccessDeniedException: User: arn:aws:iam::000000000000:root is not authorized to "
            "perform: dynamodb:GetItem on resource: " +
                other_account);
  const std::string other_service = "arn:aws:s3:us-east-1:000000000000:table/Music";
  EXPECT_EQ(ErrorOf(Call("Scan", {{"TableName", other_service}})),
            "AccessDeniedException: User: arn:aws:iam::000000000000:root is not authorized to "
            "perform: dynamodb:Scan on resource: " +
                other_service);
  for (const std::string& arn :
       {std::string("arn:aws:dynamodb:eu-west-1:000000000000:table/Music"),
        std::string("arn:aws-cn:dynamodb:us-east-1:000000000000:table/Music"),
        ArnOf("Music") + "/index/byN", ArnOf("Music") + "/stream/2026-01-01T00:00:00.000",
        ArnOf("Music") + "/backup/01700000000000-abcdefgh", std::string(kTablePrefix),
        ArnOf("a b"), std::string("arn:aws:dynamodb:us-east-1:000000000000:index/Music")}) {
    EXPECT_EQ(ErrorOf(Call("GetItem", {{"TableName", arn}, {"Key", Key("a")}})),
              "ValidationException: Invalid TableArn: Invalid ResourceArn provided as input " + arn)
        << arn;
  }
  EXPECT_EQ(ErrorOf(Call("BatchGetItem",
                         {{"RequestItems", {{ArnOf("Music") + "/index/i", {{"Keys", {Key("a")}}}}}}})),
            "ValidationException: Invalid TableArn: Invalid ResourceArn provided as input " +
                ArnOf("Music") + "/index/i");
}

TEST_F(TableArnTest, CreateTableTakesANameOnly) {
  Response response =
      Call("CreateTable", {{"TableName", ArnOf("Films")},
                           {"BillingMode", "PAY_PER_REQUEST"},
                           {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
                           {"AttributeDefinitions",
                            {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}}});
  EXPECT_EQ(response.status, 400);
  EXPECT_NE(ErrorOf(response).find("Member must satisfy regular expression pattern"),
            std::string::npos)
      << ErrorOf(response);
}

// Random writes and reads on two tables, each named by ARN or by name at random in one engine
// and always by name in another: every answer is the same.
TEST_F(TableArnTest, RandomSequencesAnswerAsByName) {
  const uint64_t seed = model::EnvNumber("DDBPG_MODEL_SEED", 20261207);
  const uint64_t cases = model::EnvNumber("DDBPG_MODEL_CASES", 300);
  Random random(seed);
  base::ManualClock by_name_clock;
  Engine by_name(by_name_clock);
  for (const char* table : {"Music", "Books"}) {
    json create = {{"TableName", table},
                   {"BillingMode", "PAY_PER_REQUEST"},
                   {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
                   {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}}};
    ASSERT_EQ(by_name.Handle("DynamoDB_20120810.CreateTable", create.dump()).status, 200);
  }
  const std::vector<std::string> tables = {"Music", "Books"};
  const std::vector<std::string> keys = {"a", "b", "c", "d"};
  for (uint64_t i = 0; i < cases; ++i) {
    const std::string table = random.Pick(tables);
    const std::string other = table == "Music" ? "Books" : "Music";
    auto named = [&](const std::string& name) { return random.Chance(0.5) ? ArnOf(name) : name; };
    std::string operation;
    json by_arn_request;
    json by_name_request;
    const std::string pk = random.Pick(keys);
    const int n = static_cast<int>(random.Below(5));
    switch (random.Below(6)) {
      case 0:
        operation = "PutItem";
        by_name_request = {{"Item", Item(pk, n)}, {"ReturnValues", "ALL_OLD"},
                           {"ReturnConsumedCapacity", "TOTAL"}};
        break;
      case 1:
        operation = "GetItem";
        by_name_request = {{"Key", Key(pk)}, {"ReturnConsumedCapacity", "TOTAL"}};
        break;
      case 2:
        operation = "UpdateItem";
        by_name_request = {{"Key", Key(pk)},
                           {"UpdateExpression", "ADD n :n"},
                           {"ConditionExpression", "attribute_exists(pk)"},
                           {"ExpressionAttributeValues", {{":n", {{"N", std::to_string(n)}}}}},
                           {"ReturnValues", "ALL_NEW"}};
        break;
      case 3:
        operation = "DeleteItem";
        by_name_request = {{"Key", Key(pk)}, {"ReturnValues", "ALL_OLD"}};
        break;
      case 4:
        operation = "Scan";
        by_name_request = {{"ReturnConsumedCapacity", "TOTAL"}};
        break;
      default: {
        operation = "BatchWriteItem";
        json requests = {{{"PutRequest", {{"Item", Item(pk, n)}}}}};
        json other_requests = {{{"DeleteRequest", {{"Key", Key(random.Pick(keys))}}}}};
        by_name_request = {{"RequestItems", {{table, requests}, {other, other_requests}}}};
        by_arn_request = {{"RequestItems", {{named(table), requests}, {named(other), other_requests}}}};
        break;
      }
    }
    if (operation != "BatchWriteItem") {
      by_arn_request = by_name_request;
      by_name_request["TableName"] = table;
      by_arn_request["TableName"] = named(table);
    }
    Response arn_answer = Call(operation, by_arn_request);
    Response name_answer =
        by_name.Handle("DynamoDB_20120810." + operation, by_name_request.dump());
    ASSERT_EQ(arn_answer.status, name_answer.status)
        << "seed " << seed << " case " << i << ": " << by_arn_request.dump();
    ASSERT_EQ(arn_answer.body, name_answer.body)
        << "seed " << seed << " case " << i << ": " << by_arn_request.dump();
  }
}

}  // namespace
}  // namespace ddbpg::testing
