// PartiQL (issue #16 part 2): ExecuteStatement, BatchExecuteStatement and ExecuteTransaction,
// each statement run as the JSON API request it stands for. Success and every error path, and
// seeded random conditions run both as PartiQL and as the equivalent JSON requests.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/engine/support/engine_fixture.h"
#include "tests/engine/support/model_random.h"

namespace ddbpg::testing {
namespace {

constexpr const char* kMalformed =
    "ValidationException: Statement wasn't well formed, can't be "
    "processed: ";

class PartiqlTest : public EngineFixture {
 protected:
  void SetUp() override { CreateTable("Music", "N"); }

  Response Statement(const std::string& statement, const json& extra = json::object()) {
    json request = extra;
    request["Statement"] = statement;
    return Call("ExecuteStatement", request);
  }
  json Run(const std::string& statement, const json& extra = json::object()) {
    Response response = Statement(statement, extra);
    EXPECT_EQ(response.status, 200) << statement << ": " << response.body;
    return json::parse(response.body);
  }
  json Items(const std::string& statement, const json& extra = json::object()) {
    return Run(statement, extra)["Items"];
  }
  // The items' sort keys as "a1 a2 b1", in the order answered.
  static std::string Keys(const json& items) {
    std::string text;
    for (const json& item : items) {
      text += (text.empty() ? "" : " ") + item["pk"]["S"].get<std::string>() +
              item["sk"]["N"].get<std::string>();
    }
    return text;
  }
  // pk "a" with sk 1..4 and pk "b" with sk 1..2; n = sk * 10, odd items have a "tag".
  void Seed() {
    for (const auto& [pk, count] : {std::pair{"a", 4}, std::pair{"b", 2}}) {
      for (int sk = 1; sk <= count; ++sk) {
        json item = {{"pk", {{"S", pk}}},
                     {"sk", {{"N", std::to_string(sk)}}},
                     {"n", {{"N", std::to_string(sk * 10)}}},
                     {"info", {{"M", {{"year", {{"N", std::to_string(2000 + sk)}}}}}}},
                     {"list", {{"L", {{{"S", "first"}}, {{"S", "second"}}}}}}};
        if (sk % 2 == 1) item["tag"] = {{"S", std::string("tag-") + pk}};
        Ok("PutItem", {{"TableName", "Music"}, {"Item", item}});
      }
    }
  }
  json GetKey(const std::string& pk, int sk) {
    return Ok("GetItem", {{"TableName", "Music"},
                          {"Key", {{"pk", {{"S", pk}}}, {"sk", {{"N", std::to_string(sk)}}}}},
                          {"ConsistentRead", true}});
  }
};

// --- ExecuteStatement: SELECT ---------------------------------------------------------------

TEST_F(PartiqlTest, InsertThenSelectByWholeKeyReturnsTheItem) {
  EXPECT_EQ(Items("INSERT INTO Music VALUE {'pk': 'a', 'sk': 1, 'title': 'x'}"), json::array());
  EXPECT_EQ(Items("SELECT * FROM Music WHERE pk = 'a' AND sk = 1"),
            json::parse(R"([{"pk":{"S":"a"},"sk":{"N":"1"},"title":{"S":"x"}}])"));
  EXPECT_EQ(Items("SELECT * FROM \"Music\" WHERE 1 = sk AND 'a' = pk").size(), 1u);
  EXPECT_EQ(Items("SELECT * FROM Music WHERE pk = 'a' AND sk = 2"), json::array());
}

TEST_F(PartiqlTest, SelectWithThePartitionKeyQueriesInSortKeyOrder) {
  Seed();
  EXPECT_EQ(Keys(Items("SELECT * FROM Music WHERE pk = 'a'")), "a1 a2 a3 a4");
  EXPECT_EQ(Keys(Items("SELECT * FROM Music WHERE pk = 'a' AND sk > 2")), "a3 a4");
  EXPECT_EQ(Keys(Items("SELECT * FROM Music WHERE pk = 'a' AND 2 >= sk")), "a1 a2");
  EXPECT_EQ(Keys(Items("SELECT * FROM Music WHERE pk = 'a' AND sk BETWEEN 2 AND 3")), "a2 a3");
  EXPECT_EQ(Keys(Items("SELECT * FROM Music WHERE pk = 'a' ORDER BY sk DESC")), "a4 a3 a2 a1");
  EXPECT_EQ(Keys(Items("SELECT * FROM Music WHERE pk = 'a' AND tag IS NOT MISSING")), "a1 a3");
  // A key attribute outside the key condition makes the SELECT a scan with the same answer.
  EXPECT_EQ(Keys(Items("SELECT * FROM Music WHERE pk = 'a' AND sk <> 2 AND sk <> 3")), "a1 a4");
}

TEST_F(PartiqlTest, SelectWithoutThePartitionKeyScansWithTheWhereAsFilter) {
  Seed();
  auto sorted_keys = [&](const std::string& where) {
    json items = Items("SELECT * FROM Music WHERE " + where);
    std::vector<std::string> keys;
    for (const json& item : items) {
      keys.push_back(item["pk"]["S"].get<std::string>() + item["sk"]["N"].get<std::string>());
    }
    std::sort(keys.begin(), keys.end());
    std::string text;
    for (const std::string& key : keys) text += (text.empty() ? "" : " ") + key;
    return text;
  };
  EXPECT_EQ(sorted_keys("n >= 30"), "a3 a4");
  EXPECT_EQ(sorted_keys("n = 10 OR n = 40"), "a1 a4 b1");
  EXPECT_EQ(sorted_keys("NOT (n < 30)"), "a3 a4");
  EXPECT_EQ(sorted_keys("n BETWEEN 15 AND 30"), "a2 a3 b2");
  EXPECT_EQ(sorted_keys("n IN [10, 30]"), "a1 a3 b1");
  EXPECT_EQ(sorted_keys("n NOT IN (10, 30)"), "a2 a4 b2");
  EXPECT_EQ(sorted_keys("begins_with(tag, 'tag-b')"), "b1");
  EXPECT_EQ(sorted_keys("contains(tag, '-a')"), "a1 a3");
  EXPECT_EQ(sorted_keys("size(tag) = 5"), "a1 a3 b1");
  EXPECT_EQ(sorted_keys("tag IS MISSING"), "a2 a4 b2");
  EXPECT_EQ(sorted_keys("tag IS NULL AND info.\"year\" > 2003"), "a4");
  EXPECT_EQ(sorted_keys("list[1] = 'second' AND sk = 2"), "a2 b2");
  EXPECT_EQ(Items("SELECT * FROM Music").size(), 6u);
  // A test compared with TRUE or FALSE; IS with a PartiQL type name tests the type.
  EXPECT_EQ(sorted_keys("attribute_exists(tag) = true"), "a1 a3 b1");
  EXPECT_EQ(sorted_keys("begins_with(tag, 'tag-a') <> TRUE AND pk = 'a'"), "a2 a4");
  EXPECT_EQ(sorted_keys("attribute_exists(tag) = false"), "a2 a4 b2");
  EXPECT_EQ(sorted_keys("tag IS STRING"), "a1 a3 b1");
  EXPECT_EQ(sorted_keys("n IS INT4 AND info IS STRUCT AND list IS LIST AND pk = 'b'"), "b1 b2");
  EXPECT_EQ(sorted_keys("n IS DOUBLE PRECISION AND sk = 2"), "a2 b2");
  EXPECT_EQ(sorted_keys("tag IS NOT CHARACTER VARYING"), "a2 a4 b2");
  EXPECT_EQ(sorted_keys("n IS BOOL"), "");
  EXPECT_EQ(ErrorOf(Statement("SELECT * FROM Music WHERE n IS FOO")),
            std::string(kMalformed) + "Expected type name");
}

// An OR whose branches each name a partition key value reads once a branch; branches reading the
// same partition over overlapping sort key ranges are refused (captured, 2026).
TEST_F(PartiqlTest, OrBranchesReadingOverlappingSortKeyRangesAreRefused) {
  Seed();
  const std::string overlapping =
      "ValidationException: Overlapping conditions with range keys are not supported in where "
      "clause";
  for (const char* where : {"pk = 'a' AND tag = 'x' OR pk = 'a' AND sk = 2",
                            "pk = 'a' AND n <> 10 OR sk = 2 AND pk = 'a'", "pk = 'a' OR pk = 'a'",
                            "pk = 'a' AND sk = 2 OR pk = 'a' AND sk = 2",
                            "pk = 'b' OR pk = 'a' AND sk > 1 OR pk = 'a'",
                            "pk = ? AND sk = 1 OR pk = 'a'"}) {
    const json extra = std::string(where).find('?') == std::string::npos
                           ? json::object()
                           : json{{"Parameters", {{{"S", "a"}}}}};
    EXPECT_EQ(ErrorOf(Statement(std::string("SELECT * FROM Music WHERE ") + where, extra)),
              overlapping)
        << where;
  }
  // Other partitions, other points, a range beside a point, a branch without the partition key:
  // read as before.
  auto count = [&](const std::string& where) {
    return Items("SELECT * FROM Music WHERE " + where).size();
  };
  EXPECT_EQ(count("pk = 'a' AND sk = 1 OR pk = 'a' AND sk = 3"), 2u);
  EXPECT_EQ(count("pk = 'a' OR pk = 'b'"), 6u);
  EXPECT_EQ(count("pk = 'a' AND sk > 3 OR pk = 'a' AND sk = 1"), 2u);
  EXPECT_EQ(count("pk = 'a' AND sk = 1 OR n = 20"), 3u);
  // A negated sort key condition or <> is no key range: nothing is read range by range.
  EXPECT_EQ(count("pk = 'a' OR pk = 'a' AND NOT sk = 1"), 4u);
  EXPECT_EQ(count("pk = 'a' AND sk <> 1 OR pk = 'a' AND sk = 2"), 3u);
  EXPECT_EQ(count("pk = 'a' AND NOT sk IN [1, 3] OR pk = 'a' AND sk = 2"), 2u);
}

TEST_F(PartiqlTest, ProjectionTakesNamesNestedPathsAndListElements) {
  Seed();
  EXPECT_EQ(Items("SELECT n, info.\"year\", list[1] FROM Music WHERE pk = 'a' AND sk = 1"),
            json::parse(R"([{"n":{"N":"10"},"info":{"M":{"year":{"N":"2001"}}},
                             "list":{"L":[{"S":"second"}]}}])"));
}

TEST_F(PartiqlTest, ParametersStandForTheQuestionMarksInOrder) {
  Seed();
  json parameters = json::parse(R"([{"S":"a"},{"N":"3"}])");
  EXPECT_EQ(
      Keys(Items("SELECT * FROM Music WHERE pk = ? AND sk >= ?", {{"Parameters", parameters}})),
      "a3 a4");
  EXPECT_EQ(ErrorOf(Statement("SELECT * FROM Music WHERE pk = ?")),
            "ValidationException: Number of parameters in request and statement don't match.");
  EXPECT_EQ(ErrorOf(Statement("SELECT * FROM Music WHERE pk = 'a'", {{"Parameters", parameters}})),
            "ValidationException: Number of parameters in request and statement don't match.");
}

TEST_F(PartiqlTest, LimitAndNextTokenPageThroughAScan) {
  Seed();
  std::vector<std::string> seen;
  json extra = {{"Limit", 4}};
  int pages = 0;
  while (true) {
    json page = Run("SELECT * FROM Music", extra);
    ++pages;
    for (const json& item : page["Items"]) seen.push_back(Keys(json::array({item})));
    if (!page.contains("NextToken")) break;
    EXPECT_TRUE(page.contains("LastEvaluatedKey"));
    extra["NextToken"] = page["NextToken"];
  }
  EXPECT_EQ(pages, 2);
  EXPECT_EQ(seen.size(), 6u);
  EXPECT_EQ(ErrorOf(Statement("SELECT * FROM Music", {{"NextToken", "not a token"}})),
            "ValidationException: Invalid NextToken");
}

TEST_F(PartiqlTest, ConsistentReadAndReturnConsumedCapacityReachTheRead) {
  Seed();
  json eventual =
      Run("SELECT * FROM Music WHERE pk = 'a' AND sk = 1", {{"ReturnConsumedCapacity", "TOTAL"}});
  EXPECT_EQ(eventual["ConsumedCapacity"]["CapacityUnits"], 0.5);
  EXPECT_EQ(eventual["ConsumedCapacity"]["TableName"], "Music");
  json strong = Run("SELECT * FROM Music WHERE pk = 'a' AND sk = 1",
                    {{"ReturnConsumedCapacity", "TOTAL"}, {"ConsistentRead", true}});
  EXPECT_EQ(strong["ConsumedCapacity"]["CapacityUnits"], 1.0);
  json write = Run("UPDATE Music SET n = 5 WHERE pk = 'a' AND sk = 1",
                   {{"ReturnConsumedCapacity", "TOTAL"}});
  EXPECT_EQ(write["ConsumedCapacity"]["CapacityUnits"], 1.0);
}

TEST_F(PartiqlTest, SelectOnAnIndexQueriesTheIndex) {
  Ok("CreateTable", {{"TableName", "Songs"},
                     {"BillingMode", "PAY_PER_REQUEST"},
                     {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
                     {"AttributeDefinitions",
                      {{{"AttributeName", "pk"}, {"AttributeType", "S"}},
                       {{"AttributeName", "artist"}, {"AttributeType", "S"}}}},
                     {"GlobalSecondaryIndexes",
                      {{{"IndexName", "ByArtist"},
                        {"KeySchema", {{{"AttributeName", "artist"}, {"KeyType", "HASH"}}}},
                        {"Projection", {{"ProjectionType", "ALL"}}}}}}});
  Run("INSERT INTO Songs VALUE {'pk': 's1', 'artist': 'x'}");
  Run("INSERT INTO Songs VALUE {'pk': 's2', 'artist': 'y'}");
  EXPECT_EQ(Items("SELECT pk FROM \"Songs\".\"ByArtist\" WHERE artist = 'y'"),
            json::parse(R"([{"pk":{"S":"s2"}}])"));
  // The statement's texts, unlike a Query's (captured from the service, 2026): an unknown index
  // is not named, and is reported before a strongly consistent read of a global index.
  EXPECT_EQ(ErrorOf(Statement("SELECT * FROM Songs.Nope WHERE artist = 'y'")),
            "ValidationException: The table does not have the specified index");
  EXPECT_EQ(ErrorOf(Statement("SELECT * FROM Songs.Nope", {{"ConsistentRead", true}})),
            "ValidationException: The table does not have the specified index");
  EXPECT_EQ(ErrorOf(Statement("SELECT * FROM \"Songs\".\"ByArtist\"",
                              {{"ConsistentRead", true}})),
            "ValidationException: Strongly consistent read is not supported on Global Secondary "
            "Indexes");
  EXPECT_EQ(Items("SELECT pk FROM \"Songs\".\"ByArtist\" WHERE artist = 'x'"),
            json::parse(R"([{"pk":{"S":"s1"}}])"));
}

// --- ExecuteStatement: writes ---------------------------------------------------------------

TEST_F(PartiqlTest, InsertOfAnExistingKeyIsDuplicateItemAndChangesNothing) {
  Run("INSERT INTO Music VALUE {'pk': 'a', 'sk': 1, 'v': 1}");
  EXPECT_EQ(ErrorOf(Statement("INSERT INTO Music VALUE {'pk': 'a', 'sk': 1, 'v': 2}")),
            "DuplicateItemException: Duplicate primary key exists in table");
  EXPECT_EQ(GetKey("a", 1)["Item"]["v"]["N"], "1");
  // The item may come whole from a parameter.
  Run("INSERT INTO Music VALUE ?", {{"Parameters", json::parse(R"([{"M":{"pk":{"S":"p"},
                                                                    "sk":{"N":"9"}}}])")}});
  EXPECT_TRUE(GetKey("p", 9).contains("Item"));
  EXPECT_EQ(ErrorOf(Statement("INSERT INTO Music VALUE ?", {{"Parameters", {{{"S", "x"}}}}})),
            "ValidationException: Unsupported type for INSERT: the value must be a tuple");
}

TEST_F(PartiqlTest, InsertTakesEveryValueKind) {
  Run("INSERT INTO Music VALUE {'pk': 'k', 'sk': 1, 'b': true, 'z': null, 'l': [1, 'x'], "
      "'ss': <<'p', 'q'>>, 'ns': <<1, 2>>, 'm': {'inner': -2.5}}");
  json item = GetKey("k", 1)["Item"];
  EXPECT_EQ(item["b"], json::parse(R"({"BOOL":true})"));
  EXPECT_EQ(item["z"], json::parse(R"({"NULL":true})"));
  EXPECT_EQ(item["l"], json::parse(R"({"L":[{"N":"1"},{"S":"x"}]})"));
  EXPECT_EQ(item["ss"], json::parse(R"({"SS":["p","q"]})"));
  EXPECT_EQ(item["ns"], json::parse(R"({"NS":["1","2"]})"));
  EXPECT_EQ(item["m"], json::parse(R"({"M":{"inner":{"N":"-2.5"}}})"));
  EXPECT_EQ(ErrorOf(Statement("INSERT INTO Music VALUE {'pk': 'k', 'sk': 2, 's': <<1, 'a'>>}")),
            "ValidationException: Unsupported type for a set: a bag holds only strings, numbers "
            "or binaries of one type");
}

TEST_F(PartiqlTest, UpdateSetsAndRemovesOnAnExistingItemOnly) {
  Seed();
  Run("UPDATE Music SET n = n + 5, title = 'new' REMOVE tag WHERE pk = 'a' AND sk = 1");
  json item = GetKey("a", 1)["Item"];
  EXPECT_EQ(item["n"]["N"], "15");
  EXPECT_EQ(item["title"]["S"], "new");
  EXPECT_FALSE(item.contains("tag"));
  EXPECT_EQ(ErrorOf(Statement("UPDATE Music SET n = 1 WHERE pk = 'zz' AND sk = 1")),
            "ConditionalCheckFailedException: The conditional request failed");
  EXPECT_FALSE(GetKey("zz", 1).contains("Item"));
  // The WHERE clause's other conditions are the update's condition.
  EXPECT_EQ(ErrorOf(Statement("UPDATE Music SET n = 1 WHERE pk = 'a' AND sk = 1 AND n > 100")),
            "ConditionalCheckFailedException: The conditional request failed");
  EXPECT_EQ(GetKey("a", 1)["Item"]["n"]["N"], "15");
}

// Captured from the service in 2026: an UPDATE written FROM first runs as the UPDATE it stands
// for, its WHERE's further conditions included; a WHERE clause's faults carry no expression name;
// an empty bag has its own text.
TEST_F(PartiqlTest, FromFirstUpdatesAndTheWhereClausesOwnTexts) {
  Seed();
  EXPECT_EQ(Items("FROM Music WHERE pk = 'a' AND sk = 1 SET c = ? REMOVE tag RETURNING ALL NEW *",
                  {{"Parameters", {{{"N", "7"}}}}})[0]["c"],
            json::parse(R"({"N":"7"})"));
  EXPECT_FALSE(GetKey("a", 1)["Item"].contains("tag"));
  EXPECT_EQ(ErrorOf(Statement("FROM Music WHERE pk = 'a' AND sk = 1 AND n = 99 SET c = 1")),
            "ConditionalCheckFailedException: The conditional request failed");
  EXPECT_EQ(ErrorOf(Statement("FROM Music WHERE pk = 'zz' AND sk = 1 SET c = 1")),
            "ConditionalCheckFailedException: The conditional request failed");
  // Written FROM first, the WHERE clause may be left out (the key is then missing), and one
  // after the actions is a token left over.
  for (const char* without : {"FROM Music SET c = 1", "FROM Music REMOVE tag"}) {
    EXPECT_EQ(ErrorOf(Statement(without)),
              "ValidationException: Where clause does not contain a mandatory equality on all key "
              "attributes")
        << without;
  }
  EXPECT_EQ(ErrorOf(Statement("FROM Music SET c = 1 WHERE pk = 'a' AND sk = 1")),
            std::string(kMalformed) + "Unexpected token after expression");
  EXPECT_EQ(ErrorOf(Statement("SELECT * FROM Music WHERE pk = 'a' AND attribute_exists('n')")),
            "ValidationException: Operator or function requires a document path; operator or "
            "function: attribute_exists");
  EXPECT_EQ(ErrorOf(Statement("SELECT * FROM Music WHERE pk = 'a' AND n < ?",
                              {{"Parameters", {{{"BOOL", true}}}}})),
            "ValidationException: Incorrect operand type for operator or function; operator or "
            "function: <, operand type: BOOL");
  EXPECT_EQ(ErrorOf(Statement("UPDATE Music SET s = set_add(s, <<>>) WHERE pk = 'a' AND sk = 1")),
            "ValidationException: Empty bags are not supported");
}

// Captured from the service in 2026: a statement's parameters are read as the older layer reads
// values, bare, wherever they are used; a number literal out of range is refused naming where it
// sits, and one the reader cannot convert is a syntax error with no detail.
TEST_F(PartiqlTest, NumbersInParametersAndLiteralsHaveTheStatementsTexts) {
  Seed();
  const std::string not_numeric =
      "ValidationException: The parameter cannot be converted to a numeric value";
  const std::string overflow =
      "Number overflow. Attempting to store a number with magnitude larger than supported range";
  const std::string underflow =
      "Number underflow. Attempting to store a number with magnitude smaller than supported range";
  for (const std::string& statement :
       {std::string("SELECT * FROM Music WHERE pk = 'a' AND n = ?"),
        std::string("INSERT INTO Music VALUE {'pk': 'new', 'sk': 1, 'n': ?}"),
        std::string("UPDATE Music SET n = ? WHERE pk = 'a' AND sk = 1")}) {
    auto with = [&](const json& parameter) {
      return ErrorOf(Statement(statement, {{"Parameters", {parameter}}}));
    };
    EXPECT_EQ(with({{"N", ""}}), not_numeric) << statement;
    EXPECT_EQ(with({{"N", "1e2147483648"}}), not_numeric + ": 1e2147483648") << statement;
    EXPECT_EQ(with({{"N", "1e-2147483648"}}), not_numeric + ": 1e-2147483648") << statement;
    EXPECT_EQ(with({{"N", "1e2147483647"}}), "ValidationException: " + underflow) << statement;
    EXPECT_EQ(with({{"NS", {"1", "1e99999999999"}}}), not_numeric + ": 1e99999999999")
        << statement;
  }
  EXPECT_FALSE(GetKey("new", 1).contains("Item"));
  EXPECT_EQ(GetKey("a", 1)["Item"]["n"]["N"], "10");
  // A transaction names the statement of its faults, but not of a parameter's value.
  EXPECT_EQ(ErrorOf(Call("ExecuteTransaction",
                         {{"TransactStatements",
                           {{{"Statement", "UPDATE Music SET n = ? WHERE pk = 'a' AND sk = 1"},
                             {"Parameters", {{{"N", "1e99999999999"}}}}}}}})),
            not_numeric + ": 1e99999999999");
  EXPECT_EQ(ErrorOf(Call("ExecuteTransaction",
                         {{"TransactStatements",
                           {{{"Statement", "UPDATE Music SET n = 1e126 WHERE pk = 'a' AND sk = 1"}}}}})),
            "ValidationException: Validation failed in TransactStatements[0]: " + overflow +
                " under root");
  const std::string malformed =
      "ValidationException: Statement wasn't well formed, can't be processed: ";
  EXPECT_EQ(ErrorOf(Statement("SELECT * FROM Music WHERE pk = 'a' AND n = 1e126")),
            "ValidationException: " + overflow + " under root");
  EXPECT_EQ(ErrorOf(Statement("SELECT * FROM Music WHERE pk = 'a' AND n = 1e2147483648")),
            malformed);
  EXPECT_EQ(ErrorOf(Statement("UPDATE Music SET n = 1e-131 WHERE pk = 'a' AND sk = 1")),
            "ValidationException: " + underflow + " under root");
  EXPECT_EQ(ErrorOf(Statement("INSERT INTO Music VALUE {'pk': 'x', 'sk': 1e126}")),
            "ValidationException: " + overflow + " under root");
  EXPECT_EQ(ErrorOf(Statement("INSERT INTO Music VALUE {'pk': 'x', 'sk': 1, 'm': {'x': 1e126}}")),
            "ValidationException: " + overflow + " under root.x");
  EXPECT_EQ(ErrorOf(Statement("INSERT INTO Music VALUE {'pk': 'x', 'sk': 1, 'l': [1, 1e126]}")),
            "ValidationException: " + overflow + " under root[1]");
}

TEST_F(PartiqlTest, UpdateReturningAnswersTheValuesAsItems) {
  Seed();
  EXPECT_EQ(Items("UPDATE Music SET n = 7 WHERE pk = 'a' AND sk = 2 RETURNING MODIFIED OLD *"),
            json::parse(R"([{"n":{"N":"20"}}])"));
  EXPECT_EQ(Items("UPDATE Music SET n = 8 WHERE pk = 'a' AND sk = 2 RETURNING ALL NEW *")[0]["n"],
            json::parse(R"({"N":"8"})"));
}

TEST_F(PartiqlTest, UpdateAddsToAndDeletesFromSets) {
  Run("INSERT INTO Music VALUE {'pk': 's', 'sk': 1, 'tags': <<'a', 'b'>>}");
  Run("UPDATE Music SET tags = set_add(tags, <<'c'>>) WHERE pk = 's' AND sk = 1");
  Run("UPDATE Music SET tags = set_delete(tags, <<'a'>>) WHERE pk = 's' AND sk = 1");
  EXPECT_EQ(GetKey("s", 1)["Item"]["tags"], json::parse(R"({"SS":["b","c"]})"));
  Run("UPDATE Music SET l = list_append(if_not_exists(l, []), [1]) WHERE pk = 's' AND sk = 1");
  EXPECT_EQ(GetKey("s", 1)["Item"]["l"], json::parse(R"({"L":[{"N":"1"}]})"));
}

TEST_F(PartiqlTest, UpdateAndDeleteNeedTheWholeKeyByEquality) {
  Seed();
  const std::string message =
      "ValidationException: Where clause does not contain a mandatory equality on all key "
      "attributes";
  EXPECT_EQ(ErrorOf(Statement("UPDATE Music SET n = 1 WHERE pk = 'a'")), message);
  EXPECT_EQ(ErrorOf(Statement("UPDATE Music SET n = 1 WHERE pk = 'a' AND sk > 1")), message);
  EXPECT_EQ(ErrorOf(Statement("DELETE FROM Music WHERE pk = 'a' OR sk = 1")), message);
  EXPECT_EQ(ErrorOf(Statement("DELETE FROM Music WHERE n = 10")), message);
}

TEST_F(PartiqlTest, DeleteRemovesTheItemAndChecksTheRestOfTheWhere) {
  Seed();
  EXPECT_EQ(ErrorOf(Statement("DELETE FROM Music WHERE pk = 'a' AND sk = 1 AND n = 99")),
            "ConditionalCheckFailedException: The conditional request failed");
  EXPECT_TRUE(GetKey("a", 1).contains("Item"));
  EXPECT_EQ(Items("DELETE FROM Music WHERE pk = 'a' AND sk = 1 RETURNING ALL OLD *")[0]["n"],
            json::parse(R"({"N":"10"})"));
  EXPECT_FALSE(GetKey("a", 1).contains("Item"));
  // Deleting what is not there succeeds, as DeleteItem does.
  EXPECT_EQ(Items("DELETE FROM Music WHERE pk = 'a' AND sk = 1"), json::array());
  EXPECT_EQ(ErrorOf(Statement("DELETE FROM Music WHERE pk = 'a' AND sk = 2 RETURNING ALL NEW *")),
            "ValidationException: DELETE supports only RETURNING ALL OLD *");
}

TEST_F(PartiqlTest, ConditionCheckFailureCanReturnTheItem) {
  Seed();
  Response response = Statement("UPDATE Music SET n = 1 WHERE pk = 'a' AND sk = 2 AND n = 0",
                                {{"ReturnValuesOnConditionCheckFailure", "ALL_OLD"}});
  EXPECT_EQ(ErrorOf(response), "ConditionalCheckFailedException: The conditional request failed");
  EXPECT_EQ(json::parse(response.body)["Item"]["n"], json::parse(R"({"N":"20"})"));
}

// --- ExecuteStatement: errors ---------------------------------------------------------------

TEST_F(PartiqlTest, SyntaxErrorsAreValidationExceptions) {
  EXPECT_EQ(ErrorOf(Statement("SELECT * FORM Music")),
            std::string(kMalformed) + "Unexpected token FORM at position 10");
  EXPECT_EQ(ErrorOf(Statement("UPSERT INTO Music VALUE {}")),
            std::string(kMalformed) + "Unexpected token UPSERT at position 1");
  EXPECT_EQ(ErrorOf(Statement("SELECT * FROM Music WHERE nope(n)")),
            "ValidationException: Unrecognized function: nope at 1:27:4");
}

// The service places these faults at line:column:length of the token they concern (captured,
// 2026), across lines too.
TEST_F(PartiqlTest, FunctionFaultsArePlacedAtTheirTokens) {
  EXPECT_EQ(ErrorOf(Statement("SELECT * FROM Music WHERE pk = 'a'\n  AND EXISTS(sk)")),
            "ValidationException: Unrecognized function: exists at 2:7:6");
  EXPECT_EQ(ErrorOf(Statement("SELECT * FROM Music WHERE pk = 'a' AND set_add(s, <<'x'>>) = s")),
            "ValidationException: Unrecognized function: set_add at 1:40:7");
  EXPECT_EQ(ErrorOf(Statement("SELECT attribute_exists(s) FROM Music WHERE pk = 'a'")),
            "ValidationException: Unexpected path component at 1:8:16");
  EXPECT_EQ(ErrorOf(Statement("SELECT n, COUNT(*) FROM Music")),
            "ValidationException: Unexpected path component at 1:11:5");
  EXPECT_EQ(ErrorOf(Statement("SELECT attribute_exists(?) FROM Music WHERE pk = ?",
                              {{"Parameters", {{{"S", "a"}}, {{"S", "a"}}}}})),
            "ValidationException: Unexpected path component at 1:8:16");
  EXPECT_EQ(ErrorOf(Call("ExecuteTransaction",
                         {{"TransactStatements",
                           {{{"Statement", "EXISTS(SELECT COUNT(*) FROM Music WHERE pk = 'a' AND "
                                           "sk = 1 AND n = 1)"}}}}})),
            "ValidationException: Validation failed in TransactStatements[0]: Unexpected path "
            "component at 1:15:5");
  EXPECT_EQ(ErrorOf(Statement("SELECT COUNT(* FROM Music")),
            std::string(kMalformed) + "Unexpected end of statement");
  EXPECT_EQ(ErrorOf(Statement("SELECT * FROM Music WHERE pk =")),
            std::string(kMalformed) + "Unexpected term");
  const std::string update = "UPDATE Music SET ";
  const std::string where = " WHERE pk = 'a' AND sk = 1";
  EXPECT_EQ(ErrorOf(Statement(update + "t = set_add(s, <<'x'>>)" + where)),
            "ValidationException: The first argument to SET_ADD must equal the assignment value "
            "at 1:22:7");
  EXPECT_EQ(ErrorOf(Statement(update + "s = set_delete(<<'a'>>, <<'b'>>)" + where)),
            "ValidationException: The first argument to SET_DELETE must equal the assignment "
            "value at 1:22:10");
  EXPECT_EQ(ErrorOf(Statement(update + "s = set_add(s)" + where)),
            "ValidationException: SET_ADD must have exactly two arguments at 1:22:7");
  EXPECT_EQ(ErrorOf(Statement(update + "s = set_add(s, <<'x'>>, <<'y'>>)" + where)),
            "ValidationException: SET_ADD must have exactly two arguments at 1:22:7");
  // The second argument's fault is placed at the first argument.
  EXPECT_EQ(ErrorOf(Statement(update + "s = set_delete(s, ['x'])" + where)),
            "ValidationException: The second argument to SET_DELETE must be a value with type SET "
            "at 1:33:1");
  EXPECT_EQ(ErrorOf(Statement(update + "s = set_add(s, <<'x', 'x'>>)" + where)),
            "ValidationException: One or more parameter values were invalid: Input collection "
            "[x, x] contains duplicates.");
  // A parameter may carry the set.
  Ok("ExecuteStatement", {{"Statement", "INSERT INTO Music VALUE {'pk': 'a', 'sk': 1}"}});
  Ok("ExecuteStatement", {{"Statement", update + "s = set_add(s, ?)" + where},
                          {"Parameters", {{{"SS", {"x"}}}}}});
  EXPECT_EQ(Items("SELECT s FROM Music WHERE pk = 'a' AND sk = 1"),
            json::parse(R"([{"s":{"SS":["x"]}}])"));
}

TEST_F(PartiqlTest, AnUnknownTableIsResourceNotFound) {
  EXPECT_EQ(ErrorOf(Statement("SELECT * FROM Nope")),
            "ResourceNotFoundException: Requested resource not found");
  EXPECT_EQ(ErrorOf(Statement("INSERT INTO Nope VALUE {'pk': 'a'}")),
            "ResourceNotFoundException: Requested resource not found");
}

TEST_F(PartiqlTest, MembersAreCheckedBeforeTheStatement) {
  EXPECT_EQ(ErrorOf(Call("ExecuteStatement", json::object())),
            "ValidationException: 1 validation error detected: Value null at 'statement' failed "
            "to satisfy constraint: Member must not be null");
  EXPECT_EQ(ErrorOf(Statement("SELECT * FROM Music", {{"Limit", 0}})),
            "ValidationException: 1 validation error detected: Value '0' at 'limit' failed to "
            "satisfy constraint: Member must have value greater than or equal to 1");
  EXPECT_EQ(ErrorOf(Statement(std::string(8193, ' '))),
            "ValidationException: 1 validation error detected: Value '" + std::string(8193, ' ') +
                "' at 'statement' failed to satisfy constraint: Member must have length less "
                "than or equal to 8192");
  EXPECT_EQ(ErrorOf(Call("ExecuteStatement", {{"Statement", 5}})).substr(0, 22),
            "SerializationException");
  EXPECT_EQ(ErrorOf(Statement("SELECT * FROM Music WHERE pk = ?", {{"Parameters", {{{"S", 5}}}}}))
                .substr(0, 22),
            "SerializationException");
}

// --- BatchExecuteStatement ------------------------------------------------------------------

json BatchStatement(const std::string& statement, const json& extra = json::object()) {
  json element = extra;
  element["Statement"] = statement;
  return element;
}

TEST_F(PartiqlTest, BatchWritesRunEachStatementAndReportErrorsInPlace) {
  Seed();
  json answer = Ok("BatchExecuteStatement",
                   {{"Statements",
                     {BatchStatement("INSERT INTO Music VALUE {'pk': 'n', 'sk': 1}"),
                      BatchStatement("INSERT INTO Music VALUE {'pk': 'a', 'sk': 1}"),
                      BatchStatement("UPDATE Music SET n = 0 WHERE pk = 'a' AND sk = 2"),
                      BatchStatement("UPDATE Music SET n = 0 WHERE pk = 'a' AND sk = 3 AND n = 1",
                                     {{"ReturnValuesOnConditionCheckFailure", "ALL_OLD"}}),
                      BatchStatement("DELETE FROM Nope WHERE pk = 'a' AND sk = 1"),
                      BatchStatement("DELETE FROM Music WHERE"),
                      BatchStatement("DELETE FROM Music WHERE pk = 'b' AND sk = ?",
                                     {{"Parameters", {{{"N", "1"}}}}})}},
                    {"ReturnConsumedCapacity", "TOTAL"}});
  const json& responses = answer["Responses"];
  ASSERT_EQ(responses.size(), 7u);
  EXPECT_EQ(responses[0], json::parse(R"({"TableName":"Music"})"));
  EXPECT_EQ(responses[1]["Error"], json::parse(R"({"Code":"DuplicateItem",
                            "Message":"Duplicate primary key exists in table"})"));
  EXPECT_EQ(responses[2], json::parse(R"({"TableName":"Music"})"));
  EXPECT_EQ(responses[3]["Error"]["Code"], "ConditionalCheckFailed");
  EXPECT_EQ(responses[3]["Error"]["Item"]["n"], json::parse(R"({"N":"30"})"));
  EXPECT_EQ(responses[4]["Error"],
            json::parse(R"({"Code":"ResourceNotFound","Message":"Requested resource not found"})"));
  EXPECT_EQ(responses[5]["Error"]["Code"], "ValidationError");
  EXPECT_EQ(responses[6], json::parse(R"({"TableName":"Music"})"));
  EXPECT_TRUE(GetKey("n", 1).contains("Item"));
  EXPECT_EQ(GetKey("a", 2)["Item"]["n"]["N"], "0");
  EXPECT_FALSE(GetKey("b", 1).contains("Item"));
  ASSERT_EQ(answer["ConsumedCapacity"].size(), 1u);
  EXPECT_EQ(answer["ConsumedCapacity"][0]["TableName"], "Music");
  EXPECT_GE(answer["ConsumedCapacity"][0]["CapacityUnits"].get<double>(), 3.0);
}

TEST_F(PartiqlTest, BatchReadsNeedTheWholeKey) {
  Seed();
  json answer = Ok("BatchExecuteStatement",
                   {{"Statements",
                     {BatchStatement("SELECT n FROM Music WHERE pk = 'a' AND sk = 1"),
                      BatchStatement("SELECT * FROM Music WHERE pk = 'zz' AND sk = 1",
                                     {{"ConsistentRead", true}}),
                      BatchStatement("SELECT * FROM Music WHERE pk = 'a'")}}});
  const json& responses = answer["Responses"];
  EXPECT_EQ(responses[0], json::parse(R"({"TableName":"Music","Item":{"n":{"N":"10"}}})"));
  EXPECT_EQ(responses[1], json::parse(R"({"TableName":"Music"})"));
  EXPECT_EQ(responses[2]["Error"],
            json::parse(R"({"Code":"ValidationError","Message":"Select statements within )"
                        R"(BatchExecuteStatement must specify the primary key in the where )"
                        R"(clause."})"));
  EXPECT_FALSE(answer.contains("ConsumedCapacity"));
}

TEST_F(PartiqlTest, BatchRefusesMixedListsAndMoreThanTwentyFiveStatements) {
  EXPECT_EQ(ErrorOf(Call("BatchExecuteStatement",
                         {{"Statements",
                           {BatchStatement("SELECT * FROM Music WHERE pk = 'a' AND sk = 1"),
                            BatchStatement("INSERT INTO Music VALUE {'pk': 'a', 'sk': 1}")}}})),
            "ValidationException: Batch statements must be either all read statements or all "
            "write statements");
  EXPECT_FALSE(GetKey("a", 1).contains("Item"));
  json many = json::array();
  for (int i = 0; i < 26; ++i) many.push_back(BatchStatement("SELECT * FROM Music"));
  std::string error = ErrorOf(Call("BatchExecuteStatement", {{"Statements", many}}));
  EXPECT_NE(error.find("at 'statements' failed to satisfy constraint: Member must have length "
                       "less than or equal to 25"),
            std::string::npos)
      << error;
  EXPECT_NE(ErrorOf(Call("BatchExecuteStatement", {{"Statements", json::array()}}))
                .find("Member must have length greater than or equal to 1"),
            std::string::npos);
  EXPECT_EQ(ErrorOf(Call("BatchExecuteStatement", {{"Statements", json::array({nullptr})}})),
            "ValidationException: 1 validation error detected: Value null at "
            "'statements.1.member.statement' failed to satisfy constraint: Member must not be "
            "null");
  EXPECT_EQ(ErrorOf(Call("BatchExecuteStatement", {{"Statements", {json::object()}}})),
            "ValidationException: 1 validation error detected: Value null at "
            "'statements.1.member.statement' failed to satisfy constraint: Member must not be "
            "null");
}

// --- ExecuteTransaction ---------------------------------------------------------------------

TEST_F(PartiqlTest, TransactionWritesAllOrNothing) {
  Seed();
  json ok = Ok("ExecuteTransaction",
               {{"TransactStatements",
                 {BatchStatement("INSERT INTO Music VALUE {'pk': 't', 'sk': 1}"),
                  BatchStatement("UPDATE Music SET n = 1 WHERE pk = 'a' AND sk = 1"),
                  BatchStatement("DELETE FROM Music WHERE pk = 'b' AND sk = 1")}},
                {"ReturnConsumedCapacity", "TOTAL"}});
  // An empty Responses list beside the capacity (captured from the service, 2026).
  EXPECT_EQ(ok["Responses"], json::array());
  EXPECT_TRUE(ok.contains("ConsumedCapacity"));
  EXPECT_TRUE(GetKey("t", 1).contains("Item"));
  EXPECT_FALSE(GetKey("b", 1).contains("Item"));

  Response cancelled =
      Call("ExecuteTransaction",
           {{"TransactStatements",
             {BatchStatement("UPDATE Music SET n = 2 WHERE pk = 'a' AND sk = 1"),
              BatchStatement("INSERT INTO Music VALUE {'pk': 't', 'sk': 1}"),
              BatchStatement("UPDATE Music SET n = 2 WHERE pk = 'zz' AND sk = 1")}}});
  EXPECT_EQ(ErrorOf(cancelled),
            "TransactionCanceledException: Transaction cancelled, please refer cancellation "
            "reasons for specific reasons [None, DuplicateItem, ConditionalCheckFailed]");
  json reasons = json::parse(cancelled.body)["CancellationReasons"];
  EXPECT_EQ(reasons[1], json::parse(R"({"Code":"DuplicateItem",
                                        "Message":"Duplicate primary key exists in table"})"));
  EXPECT_EQ(GetKey("a", 1)["Item"]["n"]["N"], "1");
}

// EXISTS(SELECT ...) is a ConditionCheck: the item must exist and meet the rest of the WHERE.
TEST_F(PartiqlTest, ExistsChecksAnItemInATransaction) {
  Seed();
  auto transaction = [this](const std::string& exists) {
    return Call("ExecuteTransaction",
                {{"TransactStatements",
                  {BatchStatement(exists),
                   BatchStatement("UPDATE Music SET n = 99 WHERE pk = 'b' AND sk = 2")}}});
  };
  EXPECT_EQ(ErrorOf(transaction(
                "EXISTS(SELECT * FROM Music WHERE pk = 'a' AND sk = 1 AND attribute_exists(n))")),
            "OK");
  EXPECT_EQ(GetKey("b", 2)["Item"]["n"]["N"], "99");
  EXPECT_EQ(
      ErrorOf(transaction("EXISTS(SELECT * FROM \"Music\" WHERE pk = 'a' AND sk = 1 AND n = 10)")),
      "OK");

  Response missing =
      transaction("EXISTS(SELECT * FROM Music WHERE pk = 'zz' AND sk = 1 AND attribute_exists(n))");
  EXPECT_EQ(ErrorOf(missing),
            "TransactionCanceledException: Transaction cancelled, please refer cancellation "
            "reasons for specific reasons [ConditionalCheckFailed, None]");
  EXPECT_EQ(ErrorOf(transaction("EXISTS(SELECT * FROM Music WHERE pk = 'a' AND sk = 1 AND n = 11)"))
                .substr(0, 28),
            "TransactionCanceledException");
  // With parameters, as any statement.
  EXPECT_EQ(ErrorOf(Call("ExecuteTransaction",
                         {{"TransactStatements",
                           {{{"Statement", "EXISTS(SELECT * FROM Music WHERE pk = ? AND sk = ? AND n <> ?)"},
                             {"Parameters", {{{"S", "a"}}, {{"N", "2"}}, {{"N", "0"}}}}}}}})),
            "OK");
  // The key alone is refused: EXISTS must test something of the item (captured, 2026).
  EXPECT_EQ(ErrorOf(transaction("EXISTS(SELECT * FROM Music WHERE pk = 'a' AND sk = 1)")),
            "ValidationException: Validation failed in TransactStatements[0]: EXISTS() must "
            "contain a single item read with additional condition");

  // The whole key is required, and EXISTS belongs to transactions only.
  EXPECT_EQ(ErrorOf(transaction("EXISTS(SELECT * FROM Music WHERE pk = 'a')")),
            "ValidationException: Validation failed in TransactStatements[0]: Where clause does "
            "not contain a mandatory equality on all key attributes");
  EXPECT_EQ(ErrorOf(Statement("EXISTS(SELECT * FROM Music WHERE pk = 'a' AND sk = 1)")),
            "ValidationException: EXISTS can only be used in ExecuteTransaction");
  EXPECT_EQ(ErrorOf(Statement("EXISTS(SELECT * FROM Music WHERE pk = 'a' AND sk = 1")),
            "ValidationException: Statement wasn't well formed, can't be processed: Unexpected end "
            "of statement");
  // A check is a write statement: it cannot stand with reads.
  EXPECT_EQ(ErrorOf(Call("ExecuteTransaction",
                         {{"TransactStatements",
                           {BatchStatement("EXISTS(SELECT * FROM Music WHERE pk = 'a' AND sk = 1)"),
                            BatchStatement("SELECT * FROM Music WHERE pk = 'a' AND sk = 2")}}})),
            "ValidationException: Transaction statements must be either all read statements or all "
            "write statements");
}

TEST_F(PartiqlTest, TransactionReadsAnswerTheItemsInOrder) {
  Seed();
  json answer = Ok("ExecuteTransaction",
                   {{"TransactStatements",
                     {BatchStatement("SELECT n FROM Music WHERE pk = 'a' AND sk = 2"),
                      BatchStatement("SELECT * FROM Music WHERE pk = 'zz' AND sk = 1")}}});
  EXPECT_EQ(answer["Responses"], json::parse(R"([{"Item":{"n":{"N":"20"}}},{}])"));
}

TEST_F(PartiqlTest, TransactionErrorsRefuseTheWholeRequest) {
  Seed();
  EXPECT_EQ(ErrorOf(Call("ExecuteTransaction",
                         {{"TransactStatements",
                           {BatchStatement("SELECT * FROM Music WHERE pk = 'a' AND sk = 1"),
                            BatchStatement("DELETE FROM Music WHERE pk = 'a' AND sk = 1")}}})),
            "ValidationException: Transaction statements must be either all read statements or "
            "all write statements");
  EXPECT_EQ(ErrorOf(Call(
                "ExecuteTransaction",
                {{"TransactStatements", {BatchStatement("SELECT * FROM Music WHERE pk = 'a'")}}})),
            "ValidationException: Validation failed in TransactStatements[0]: Select statements "
            "within ExecuteTransaction must specify the primary key in the where clause.");
  EXPECT_EQ(ErrorOf(Call("ExecuteTransaction",
                         {{"TransactStatements",
                           {BatchStatement("DELETE FROM Music WHERE pk = 'a' AND sk = 1"),
                            BatchStatement("DELETE FROM")}}})),
            "ValidationException: Validation failed in TransactStatements[1]: Statement wasn't "
            "well formed, can't be processed: Expected identifier for simple path");
  EXPECT_TRUE(GetKey("a", 1).contains("Item"));
  EXPECT_EQ(ErrorOf(Call("ExecuteTransaction",
                         {{"TransactStatements",
                           {BatchStatement("UPDATE Music SET n = 1 WHERE pk = 'a' AND sk = 1 "
                                           "RETURNING ALL NEW *")}}})),
            "ValidationException: RETURNING is not supported in ExecuteTransaction");
  json many = json::array();
  for (int i = 0; i < 101; ++i) many.push_back(BatchStatement("SELECT * FROM Music"));
  std::string error = ErrorOf(Call("ExecuteTransaction", {{"TransactStatements", many}}));
  EXPECT_NE(error.find("at 'transactStatements' failed to satisfy constraint: Member must have "
                       "length less than or equal to 100"),
            std::string::npos)
      << error;
}

TEST_F(PartiqlTest, TransactionTokenMakesARetryIdempotent) {
  json request = {
      {"TransactStatements", {BatchStatement("INSERT INTO Music VALUE {'pk': 'i', 'sk': 1}")}},
      {"ClientRequestToken", "token-1"}};
  Ok("ExecuteTransaction", request);
  // The same token and statements again: the first answer, not a DuplicateItem.
  Ok("ExecuteTransaction", request);
}

// --- The same answers as the JSON API (seeded) ----------------------------------------------

// One random condition on the non-key attributes n (a number) and s (a string, sometimes
// missing), written both as PartiQL and as a DynamoDB expression over #n, #s and :vN.
struct TwinCondition {
  std::string partiql;
  std::string expression;
};

class TwinWriter {
 public:
  explicit TwinWriter(model::Random& random) : random_(random) {}

  TwinCondition Condition(int depth) {
    size_t shape = random_.Below(depth > 0 ? 12 : 8);
    if (shape >= 8) {
      TwinCondition left = Condition(depth - 1);
      if (shape >= 10) return {"NOT " + left.partiql, "NOT " + left.expression};
      TwinCondition right = Condition(depth - 1);
      if (shape == 8)
        return {"(" + left.partiql + " AND " + right.partiql + ")",
                "(" + left.expression + " AND " + right.expression + ")"};
      if (shape == 9)
        return {"(" + left.partiql + " OR " + right.partiql + ")",
                "(" + left.expression + " OR " + right.expression + ")"};
    }
    static const std::vector<std::string> kSigns = {"=", "<>", "<", "<=", ">", ">="};
    switch (shape) {
      case 0: {
        const std::string& sign = random_.Pick(kSigns);
        std::string n = Number();
        return {"n " + sign + " " + n, "#n " + sign + " " + Value("N", n)};
      }
      case 1: {
        std::string text = Text();
        return {"s = '" + text + "'", "#s = " + Value("S", text)};
      }
      case 2: {
        std::string low = Number();
        std::string high = std::to_string(std::stoi(low) + random_.Between(0, 3));
        return {"n BETWEEN " + low + " AND " + high,
                "#n BETWEEN " + Value("N", low) + " AND " + Value("N", high)};
      }
      case 3: {
        std::string a = Number();
        std::string b = Number();
        return {"n IN [" + a + ", " + b + "]",
                "#n IN (" + Value("N", a) + ", " + Value("N", b) + ")"};
      }
      case 4: {
        std::string prefix = Text().substr(0, 1);
        return {"begins_with(s, '" + prefix + "')", "begins_with(#s, " + Value("S", prefix) + ")"};
      }
      case 5: {
        std::string part = Text().substr(0, 1);
        return {"contains(s, '" + part + "')", "contains(#s, " + Value("S", part) + ")"};
      }
      case 6: {
        std::string size = std::to_string(random_.Between(0, 3));
        return {"size(s) > " + size, "size(#s) > " + Value("N", size)};
      }
      default:
        if (random_.Chance(0.5)) return {"s IS MISSING", "attribute_not_exists(#s)"};
        return {"s IS NOT MISSING", "attribute_exists(#s)"};
    }
  }

  std::string Number() { return std::to_string(random_.Between(0, 5)); }
  std::string Text() {
    static const std::vector<std::string> kTexts = {"a", "ab", "b", "ba", "abc"};
    return random_.Pick(kTexts);
  }
  std::string Value(const std::string& type, const std::string& text) {
    std::string name = ":v" + std::to_string(values_.size());
    values_[name] = {{type, text}};
    return name;
  }
  json TakeValues() {
    json values = values_;
    values_ = json::object();
    return values;
  }

 private:
  model::Random& random_;
  json values_ = json::object();
};

TEST_F(PartiqlTest, RandomSelectsAndUpdatesMatchTheJsonApi) {
  model::Random random(model::EnvNumber("DDBPG_MODEL_SEED", 16002));
  const uint64_t cases = model::EnvNumber("DDBPG_MODEL_CASES", 150);
  CreateTable("Twin", "N");  // UpdateItem's side of the UPDATE comparison
  TwinWriter writer(random);
  for (const std::string pk : {"a", "b"}) {
    for (int sk = 0; sk < 8; ++sk) {
      json item = {{"pk", {{"S", pk}}},
                   {"sk", {{"N", std::to_string(sk)}}},
                   {"n", {{"N", writer.Number()}}}};
      if (random.Chance(0.7)) item["s"] = {{"S", writer.Text()}};
      Ok("PutItem", {{"TableName", "Music"}, {"Item", item}});
      Ok("PutItem", {{"TableName", "Twin"}, {"Item", item}});
    }
  }
  for (uint64_t i = 0; i < cases; ++i) {
    TwinCondition condition = writer.Condition(2);
    json values = writer.TakeValues();
    // The JSON API refuses names it was given and did not use.
    json names = json::object();
    for (const char* name : {"#n", "#s"}) {
      if (condition.expression.find(name) != std::string::npos) names[name] = name + 1;
    }
    SCOPED_TRACE(condition.partiql);
    // A scan with the condition as its filter.
    json scanned = Items("SELECT * FROM Music WHERE " + condition.partiql);
    json scan_request = {{"TableName", "Music"},
                         {"FilterExpression", condition.expression},
                         {"ExpressionAttributeNames", names}};
    if (!values.empty()) scan_request["ExpressionAttributeValues"] = values;
    json scan = Ok("Scan", scan_request);
    EXPECT_EQ(scanned, scan["Items"]);
    // A query of one partition with the condition as its filter.
    json queried = Items("SELECT * FROM Music WHERE pk = 'a' AND (" + condition.partiql + ")");
    json query_values = values;
    query_values[":pk"] = {{"S", "a"}};
    json query_names = names;
    query_names["#pk"] = "pk";
    json query = Ok("Query", {{"TableName", "Music"},
                              {"KeyConditionExpression", "#pk = :pk"},
                              {"FilterExpression", condition.expression},
                              {"ExpressionAttributeNames", query_names},
                              {"ExpressionAttributeValues", query_values}});
    EXPECT_EQ(queried, query["Items"]);
    // An UPDATE whose WHERE holds the condition, against UpdateItem on the twin table.
    std::string sk = std::to_string(random.Between(0, 8));  // 8 is missing
    Response updated =
        Statement("UPDATE Music SET n = n + 1 SET s = 'ab' WHERE pk = 'b' AND sk = " + sk +
                  " AND " + condition.partiql);
    json update_values = values;
    update_values[":one"] = {{"N", "1"}};
    update_values[":ab"] = {{"S", "ab"}};
    json update_names = names;
    update_names["#pk"] = "pk";
    update_names["#n"] = "n";
    update_names["#s"] = "s";
    Response twin = Call(
        "UpdateItem", {{"TableName", "Twin"},
                       {"Key", {{"pk", {{"S", "b"}}}, {"sk", {{"N", sk}}}}},
                       {"UpdateExpression", "SET #n = #n + :one, #s = :ab"},
                       {"ConditionExpression", "attribute_exists(#pk) AND " + condition.expression},
                       {"ExpressionAttributeNames", update_names},
                       {"ExpressionAttributeValues", update_values}});
    EXPECT_EQ(ErrorOf(updated), ErrorOf(twin));
  }
  EXPECT_EQ(Ok("Scan", {{"TableName", "Music"}})["Items"],
            Ok("Scan", {{"TableName", "Twin"}})["Items"]);
}

}  // namespace
}  // namespace ddbpg::testing
