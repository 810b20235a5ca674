// Multi-attribute keys on global secondary indexes (November 2025; issue #6): up to four
// partition-key and four sort-key attributes, and the Developer Guide's query rules for them.
#include <gtest/gtest.h>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

json Element(const std::string& name, const std::string& type) {
  return {{"AttributeName", name}, {"KeyType", type}};
}

class MultiAttributeKeysTest : public EngineFixture {
 protected:
  // Matches: id; index ByBracket on (tournament, league) then (round, bracket, score).
  json MatchesRequest() {
    json definitions = json::array();
    for (const auto& [name, type] : std::vector<std::pair<std::string, std::string>>{
             {"id", "S"}, {"tournament", "S"}, {"league", "S"}, {"round", "S"}, {"bracket", "S"},
             {"score", "N"}}) {
      definitions.push_back({{"AttributeName", name}, {"AttributeType", type}});
    }
    return {{"TableName", "Matches"},
            {"BillingMode", "PAY_PER_REQUEST"},
            {"KeySchema", json::array({Element("id", "HASH")})},
            {"AttributeDefinitions", definitions},
            {"GlobalSecondaryIndexes",
             json::array({{{"IndexName", "ByBracket"},
                           {"KeySchema", json::array({Element("tournament", "HASH"), Element("league", "HASH"),
                                                      Element("round", "RANGE"), Element("bracket", "RANGE"),
                                                      Element("score", "RANGE")})},
                           {"Projection", {{"ProjectionType", "ALL"}}}}})}};
  }
  void SetUp() override {
    Ok("CreateTable", MatchesRequest());
    const std::vector<std::tuple<std::string, std::string, std::string, std::string, int>> matches = {
        {"m1", "EU", "final", "upper", 30}, {"m2", "EU", "semi", "upper", 20},
        {"m3", "EU", "semi", "lower", 10},  {"m4", "EU", "semi", "upper", 5},
        {"m5", "US", "semi", "upper", 99}};
    for (const auto& [id, league, round, bracket, score] : matches) {
      Ok("PutItem", {{"TableName", "Matches"},
                     {"Item", {{"id", {{"S", id}}}, {"tournament", {{"S", "WC"}}}, {"league", {{"S", league}}},
                               {"round", {{"S", round}}}, {"bracket", {{"S", bracket}}},
                               {"score", {{"N", std::to_string(score)}}}}}});
    }
    // Without every key attribute an item is not in the index.
    Ok("PutItem", {{"TableName", "Matches"},
                   {"Item", {{"id", {{"S", "m6"}}}, {"tournament", {{"S", "WC"}}}, {"league", {{"S", "EU"}}},
                             {"round", {{"S", "semi"}}}}}});
  }
  Response Query(const std::string& condition, const json& values, int limit = 0) {
    json request = {{"TableName", "Matches"},
                    {"IndexName", "ByBracket"},
                    {"KeyConditionExpression", condition},
                    {"ExpressionAttributeValues", values}};
    if (limit) request["Limit"] = limit;
    return Call("Query", request);
  }
  static std::string Ids(const Response& response) {
    std::string ids;
    const json items = json::parse(response.body)["Items"];
    for (const json& item : items) ids += item["id"]["S"].get<std::string>() + " ";
    return ids;
  }
  const json kEu = {{":t", {{"S", "WC"}}}, {":r", {{"S", "EU"}}}};
};

// PartiQL refuses to read an index keyed on several attributes, after the statement's syntax
// and its numbers; the table itself is still read (captured from the service, 2026).
TEST_F(MultiAttributeKeysTest, PartiqlRefusesToReadTheIndex) {
  auto statement = [this](const std::string& text) {
    return ErrorOf(Call("ExecuteStatement", {{"Statement", text}}));
  };
  const std::string refused =
      "ValidationException: PartiQL statements cannot be executed on tables with multi-attribute "
      "HASH keys or multi-attribute RANGE keys.";
  EXPECT_EQ(statement("SELECT * FROM \"Matches\".\"ByBracket\" WHERE tournament = 'WC'"),
            refused);
  EXPECT_EQ(statement("SELECT * FROM \"Matches\".\"ByBracket\""), refused);
  // A call in the projection is refused only after, but a statement cut short before.
  EXPECT_EQ(statement("SELECT COUNT(*) FROM \"Matches\".\"ByBracket\""), refused);
  EXPECT_EQ(statement("SELECT * FROM \"Matches\".\"ByBracket\" WHERE"),
            "ValidationException: Statement wasn't well formed, can't be processed: Unexpected term");
  EXPECT_EQ(statement("SELECT id FROM \"Matches\".\"ByBracket\" WHERE tournament = 'WC' AND "
                      "league = 'EU' ORDER BY round DESC"),
            refused);
  EXPECT_EQ(
      statement("SELECT * FROM \"Matches\".\"ByBracket\" WHERE tournament = 1e2147483648"),
      "ValidationException: Statement wasn't well formed, can't be processed: ");
  const json answer = json::parse(
      Call("ExecuteStatement", {{"Statement", "SELECT * FROM \"Matches\" WHERE id = 'm1'"}}).body);
  ASSERT_EQ(answer["Items"].size(), 1u);
}

TEST_F(MultiAttributeKeysTest, DescribeTableKeepsTheKeySchemaOrder) {
  json index = Ok("DescribeTable", {{"TableName", "Matches"}})["Table"]["GlobalSecondaryIndexes"][0];
  EXPECT_EQ(index["KeySchema"], MatchesRequest()["GlobalSecondaryIndexes"][0]["KeySchema"]);
  EXPECT_EQ(index["ItemCount"], 5);
}

TEST_F(MultiAttributeKeysTest, QueriesUseEveryPartitionAttributeAndASortPrefix) {
  // The whole partition, ordered by round, then bracket, then score.
  EXPECT_EQ(Ids(Query("tournament = :t AND league = :r", kEu)), "m1 m3 m4 m2 ");
  json semi = kEu;
  semi[":round"] = {{"S", "semi"}};
  semi[":bracket"] = {{"S", "up"}};
  EXPECT_EQ(Ids(Query("tournament = :t AND league = :r AND round = :round AND begins_with(bracket, :bracket)",
                      semi)),
            "m4 m2 ");
  semi[":low"] = {{"N", "6"}};
  semi[":bracket"] = {{"S", "upper"}};
  EXPECT_EQ(Ids(Query("tournament = :t AND league = :r AND round = :round AND bracket = :bracket AND "
                      "score >= :low",
                      semi)),
            "m2 ");
}

TEST_F(MultiAttributeKeysTest, TheRulesAreEnforced) {
  EXPECT_EQ(ErrorOf(Query("tournament = :t", {{":t", {{"S", "WC"}}}})),
            "ValidationException: Query condition missed key schema element: league");
  json values = kEu;
  values[":b"] = {{"S", "upper"}};
  EXPECT_EQ(ErrorOf(Query("tournament = :t AND league = :r AND bracket = :b", values)),
            "ValidationException: Query condition missed key schema element: round");
  values[":round"] = {{"S", "semi"}};
  EXPECT_EQ(ErrorOf(Query("tournament = :t AND league = :r AND round > :round AND bracket = :b", values)),
            "ValidationException: Query key condition not supported");
  EXPECT_EQ(ErrorOf(Query("tournament = :t AND league > :r", kEu)),
            "ValidationException: Query key condition not supported");
}

TEST_F(MultiAttributeKeysTest, PagesCarryEveryKeyAttribute) {
  Response first = Query("tournament = :t AND league = :r", kEu, 2);
  json last = json::parse(first.body)["LastEvaluatedKey"];
  EXPECT_EQ(last.size(), 6u);  // id and the five index key attributes
  json request = {{"TableName", "Matches"},
                  {"IndexName", "ByBracket"},
                  {"KeyConditionExpression", "tournament = :t AND league = :r"},
                  {"ExpressionAttributeValues", kEu},
                  {"ExclusiveStartKey", last}};
  EXPECT_EQ(Ids(Call("Query", request)), "m4 m2 ");
}

TEST_F(MultiAttributeKeysTest, KeySchemaRulesAtCreation) {
  json request = MatchesRequest();
  request["TableName"] = "Other";
  json keys = request["GlobalSecondaryIndexes"][0]["KeySchema"];
  request["GlobalSecondaryIndexes"][0]["KeySchema"] =
      json::array({keys[0], keys[2], keys[1]});
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)),
            "ValidationException: One or more parameter values were invalid: All HASH key "
            "attributes must precede RANGE key attributes in the KeySchema");
  request["GlobalSecondaryIndexes"][0]["KeySchema"] = json::array({keys[0], keys[1], keys[1]});
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)),
            "ValidationException: The KeySchema contains multiple key attributes with the same name");
  json five = json::array();
  for (const char* name : {"tournament", "league", "round", "bracket", "score"}) five.push_back(Element(name, "HASH"));
  request["GlobalSecondaryIndexes"][0]["KeySchema"] = five;
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)),
            "ValidationException: One or more parameter values were invalid: The KeySchema "
            "exceeds the maximum allowed number of HASH key attributes");
}

}  // namespace
}  // namespace ddbpg::testing
