// The journal from the engine's side: what is recorded, and that replaying it gives back an
// engine that answers every read as the original does (random request sequences, seeded).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/persist/journal_format.h"
#include "tests/engine/support/engine_fixture.h"
#include "tests/engine/support/model_random.h"

namespace ddbpg::testing {
namespace {

using model::Random;

class JournalTest : public EngineFixture {
 protected:
  JournalTest() { engine_.SetJournaling(true); }

  // Sends a request and returns what it added to the journal.
  std::string Journaled(const std::string& target, const json& body) {
    engine_.Handle(target, body.dump());
    return engine_.TakeJournal();
  }
};

// Every read the tests compare: the tables, their items and indexes, TTL and every stream
// record, asked at the same clock time of both engines.
json Observe(Engine& engine) {
  auto call = [&engine](const std::string& target, const json& body) {
    Response response = engine.Handle(target, body.dump());
    return json{{"status", response.status}, {"body", json::parse(response.body)}};
  };
  json seen = json::object();
  json tables = call("DynamoDB_20120810.ListTables", json::object());
  seen["ListTables"] = tables;
  for (const json& name : tables["body"]["TableNames"]) {
    json described = call("DynamoDB_20120810.DescribeTable", {{"TableName", name}});
    seen["DescribeTable"][name.get<std::string>()] = described;
    std::vector<json> scans = {{{"TableName", name}, {"ConsistentRead", true}}};
    for (const json& index : described["body"]["Table"].value("GlobalSecondaryIndexes", json::array())) {
      scans.push_back({{"TableName", name}, {"IndexName", index["IndexName"]}});
    }
    for (json scan : scans) {
      for (int page = 0; page < 100; ++page) {
        json result = call("DynamoDB_20120810.Scan", scan);
        seen["Scan"].push_back(result);
        if (!result["body"].contains("LastEvaluatedKey")) break;
        scan["ExclusiveStartKey"] = result["body"]["LastEvaluatedKey"];
      }
    }
    seen["DescribeTimeToLive"].push_back(
        call("DynamoDB_20120810.DescribeTimeToLive", {{"TableName", name}}));
  }
  json streams = call("DynamoDBStreams_20120810.ListStreams", json::object());
  seen["ListStreams"] = streams;
  for (const json& stream : streams["body"].value("Streams", json::array())) {
    json described =
        call("DynamoDBStreams_20120810.DescribeStream", {{"StreamArn", stream["StreamArn"]}});
    seen["DescribeStream"].push_back(described);
    for (const json& shard : described["body"]["StreamDescription"]["Shards"]) {
      json iterator = call("DynamoDBStreams_20120810.GetShardIterator",
                           {{"StreamArn", stream["StreamArn"]},
                            {"ShardId", shard["ShardId"]},
                            {"ShardIteratorType", "TRIM_HORIZON"}});
      std::string next = iterator["body"].value("ShardIterator", "");
      for (int page = 0; page < 100 && !next.empty(); ++page) {
        json records = call("DynamoDBStreams_20120810.GetRecords", {{"ShardIterator", next}});
        seen["GetRecords"].push_back(records["body"]["Records"]);
        if (records["body"]["Records"].empty()) break;
        next = records["body"].value("NextShardIterator", "");
      }
    }
  }
  return seen;
}

TEST_F(JournalTest, RecordsOnlyRequestsThatChangeSomething) {
  const std::string created = Journaled("DynamoDB_20120810.CreateTable",
                                        {{"TableName", "tbl"},
                                         {"BillingMode", "PAY_PER_REQUEST"},
                                         {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
                                         {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}}});
  ASSERT_FALSE(created.empty());
  persist::JournalContents contents = persist::ReadJournal(Engine::JournalHeader() + created);
  ASSERT_EQ(contents.payloads.size(), 1u);
  auto command = persist::DecodeCommand(contents.payloads[0]);
  ASSERT_TRUE(command);
  EXPECT_EQ(command->target, "DynamoDB_20120810.CreateTable");
  EXPECT_EQ(command->time, clock_.NowSeconds());

  const json item = {{"TableName", "tbl"}, {"Item", {{"pk", {{"S", "a"}}}}}};
  EXPECT_FALSE(Journaled("DynamoDB_20120810.PutItem", item).empty());
  // Reads, failures and refused conditions change nothing, so they are not recorded.
  EXPECT_EQ(Journaled("DynamoDB_20120810.GetItem", {{"TableName", "tbl"}, {"Key", {{"pk", {{"S", "a"}}}}}}), "");
  EXPECT_EQ(Journaled("DynamoDB_20120810.PutItem", {{"TableName", "missing"}, {"Item", item["Item"]}}), "");
  json conditional = item;
  conditional["ConditionExpression"] = "attribute_not_exists(pk)";
  EXPECT_EQ(Journaled("DynamoDB_20120810.PutItem", conditional), "");
  EXPECT_EQ(Journaled("Playground.GetMetrics", {{"TableName", "tbl"}}), "");
  EXPECT_EQ(Journaled("DynamoDB_20120810.NoSuchOperation", json::object()), "");
  EXPECT_FALSE(Journaled("Playground.Configure", {{"Throttling", "OFF"}}).empty());
  // What a read-only copy may serve is exactly what is never recorded.
  EXPECT_TRUE(Engine::IsReadOnly("DynamoDB_20120810.Query"));
  EXPECT_TRUE(Engine::IsReadOnly("DynamoDBStreams_20120810.GetRecords"));
  EXPECT_FALSE(Engine::IsReadOnly("DynamoDB_20120810.PutItem"));
  EXPECT_FALSE(Engine::IsReadOnly("Playground.Configure"));
  EXPECT_FALSE(Engine::IsReadOnly("DynamoDB_20120810.SomethingNew"));
  // Off, nothing is kept.
  engine_.SetJournaling(false);
  EXPECT_EQ(Journaled("DynamoDB_20120810.PutItem", item), "");
}

// The TTL sweeper runs before whatever request comes first in a second; when that request is a
// read, its deletions are recorded as background work at that time, so that the restored
// stream records carry the same times.
TEST_F(JournalTest, TtlDeletionsWokenByAReadAreRecorded) {
  Ok("CreateTable", {{"TableName", "ttl"},
                     {"BillingMode", "PAY_PER_REQUEST"},
                     {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
                     {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}},
                     {"StreamSpecification", {{"StreamEnabled", true}, {"StreamViewType", "OLD_IMAGE"}}}});
  Ok("UpdateTimeToLive", {{"TableName", "ttl"},
                          {"TimeToLiveSpecification", {{"Enabled", true}, {"AttributeName", "expires"}}}});
  const long long now = static_cast<long long>(clock_.NowSeconds());
  Ok("PutItem", {{"TableName", "ttl"},
                 {"Item", {{"pk", {{"S", "old"}}}, {"expires", {{"N", std::to_string(now + 5)}}}}}});
  std::string journal = Engine::JournalHeader() + engine_.TakeJournal();
  clock_.Advance(60);
  std::string swept = Journaled("DynamoDB_20120810.GetItem", {{"TableName", "ttl"}, {"Key", {{"pk", {{"S", "x"}}}}}});
  ASSERT_FALSE(swept.empty());
  auto command = persist::DecodeCommand(persist::ReadJournal(Engine::JournalHeader() + swept).payloads.at(0));
  EXPECT_EQ(command->kind, persist::JournalCommand::Kind::kBackground);
  journal += swept;
  clock_.Advance(30);

  base::ManualClock other_clock(clock_.NowSeconds() + 1000);
  Engine restored(other_clock);
  RestoreReport report = restored.Restore(journal);
  EXPECT_EQ(report.records, 4u);
  EXPECT_EQ(report.damage, "");
  other_clock.Set(clock_.NowSeconds());
  const json original = Observe(engine_);
  EXPECT_EQ(Observe(restored), original);
  // The deletion is there, stamped with the read's time.
  EXPECT_EQ(original["Scan"][0]["body"]["Count"], 0);
}

// Random sequences of writes, reads, failures, table changes and clock moves: the engine
// restored from the journal answers every observation as the original does.
TEST_F(JournalTest, ARestoredEngineAnswersAsTheOriginal) {
  const uint64_t cases = model::EnvNumber("DDBPG_MODEL_CASES", 3000) / 300 + 1;
  const uint64_t seed = model::EnvNumber("DDBPG_MODEL_SEED", 7);
  for (uint64_t run = 0; run < cases; ++run) {
    base::ManualClock clock(1767225600.0 + static_cast<double>(run) * 3600);
    Engine original(clock);
    original.SetJournaling(true);
    Random random(seed * 1000003 + run);
    std::string journal = Engine::JournalHeader();
    auto send = [&](const std::string& operation, const json& body) {
      const std::string target = operation.find('.') == std::string::npos
                                     ? "DynamoDB_20120810." + operation
                                     : operation;
      original.Handle(target, body.dump());
      journal += original.TakeJournal();
    };
    const std::vector<std::string> tables = {"alpha", "beta"};
    for (const std::string& name : tables) {
      json create = {{"TableName", name},
                     {"BillingMode", "PAY_PER_REQUEST"},
                     {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}},
                                    {{"AttributeName", "sk"}, {"KeyType", "RANGE"}}}},
                     {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}},
                                               {{"AttributeName", "sk"}, {"AttributeType", "N"}},
                                               {{"AttributeName", "g"}, {"AttributeType", "S"}}}},
                     {"GlobalSecondaryIndexes",
                      {{{"IndexName", "byG"},
                        {"KeySchema", {{{"AttributeName", "g"}, {"KeyType", "HASH"}}}},
                        {"Projection", {{"ProjectionType", "ALL"}}}}}},
                     {"StreamSpecification", {{"StreamEnabled", true}, {"StreamViewType", "NEW_AND_OLD_IMAGES"}}}};
      send("CreateTable", create);
    }
    send("UpdateTimeToLive", {{"TableName", "alpha"},
                              {"TimeToLiveSpecification", {{"Enabled", true}, {"AttributeName", "ttl"}}}});
    const int steps = 300;
    for (int step = 0; step < steps; ++step) {
      const std::string table = random.Pick(tables);
      const json key = {{"pk", {{"S", "p" + std::to_string(random.Below(6))}}},
                        {"sk", {{"N", std::to_string(random.Below(8))}}}};
      json item = key;
      item["v"] = {{"N", std::to_string(random.Below(1000))}};
      if (random.Chance(0.5)) item["g"] = {{"S", "g" + std::to_string(random.Below(3))}};
      if (random.Chance(0.3)) {
        item["ttl"] = {{"N", std::to_string(static_cast<long long>(clock.NowSeconds()) +
                                            random.Between(-20, 40))}};
      }
      switch (random.Below(10)) {
        case 0:
        case 1:
          send("PutItem", {{"TableName", table}, {"Item", item}});
          break;
        case 2: {
          json put = {{"TableName", table}, {"Item", item}};
          put["ConditionExpression"] = "attribute_not_exists(pk)";  // fails when present
          send("PutItem", put);
          break;
        }
        case 3:
          send("UpdateItem", {{"TableName", table},
                              {"Key", key},
                              {"UpdateExpression", "ADD #c :one SET g = :g"},
                              {"ExpressionAttributeNames", {{"#c", "count"}}},
                              {"ExpressionAttributeValues",
                               {{":one", {{"N", "1"}}}, {":g", {{"S", "g" + std::to_string(random.Below(3))}}}}}});
          break;
        case 4:
          send("DeleteItem", {{"TableName", table}, {"Key", key}});
          break;
        case 5: {
          json writes = json::array();
          for (int i = 0; i < 3; ++i) {
            json k = {{"pk", {{"S", "p" + std::to_string(random.Below(6))}}},
                      {"sk", {{"N", std::to_string(10 + step * 3 + i)}}}};
            writes.push_back({{"PutRequest", {{"Item", k}}}});
          }
          send("BatchWriteItem", {{"RequestItems", {{table, writes}}}});
          break;
        }
        case 6:
          send("TransactWriteItems",
               {{"TransactItems",
                 {{{"Put", {{"TableName", "alpha"}, {"Item", item}}}},
                  {{"Update", {{"TableName", "beta"},
                               {"Key", key},
                               {"UpdateExpression", "SET v = :v"},
                               {"ConditionExpression", "attribute_exists(pk)"},
                               {"ExpressionAttributeValues", {{":v", {{"N", "7"}}}}}}}}}}});
          break;
        case 7:
          send("GetItem", {{"TableName", table}, {"Key", key}});
          break;
        case 8:
          send("Query", {{"TableName", table},
                         {"KeyConditionExpression", "pk = :p"},
                         {"ExpressionAttributeValues", {{":p", key["pk"]}}}});
          break;
        default:
          send("PutItem", {{"TableName", table}, {"Item", {{"pk", {{"S", ""}}}}}});  // invalid
          break;
      }
      clock.Advance(static_cast<double>(random.Below(4000)) / 1000.0);
    }
    clock.Advance(100);  // past every TTL, so the sweeper has work at the observation

    base::ManualClock other_clock(clock.NowSeconds() - 5000);
    Engine restored(other_clock);
    RestoreReport report = restored.Restore(journal);
    ASSERT_TRUE(report.readable) << report.damage;
    EXPECT_EQ(report.damage, "");
    EXPECT_EQ(report.diverged, 0u) << report.first_divergence;
    EXPECT_EQ(report.valid_bytes, journal.size());
    other_clock.Set(clock.NowSeconds());
    // Observe the restored one first: observing may sweep, and must do the same in both.
    const json restored_view = Observe(restored);
    ASSERT_EQ(restored_view, Observe(original)) << "seed " << seed << " run " << run;
    // The sequence did build something worth comparing.
    ASSERT_EQ(restored_view["ListTables"]["body"]["TableNames"].size(), 2u);
    EXPECT_GT(restored_view["Scan"][0]["body"]["Count"].get<int>(), 0);
    EXPECT_FALSE(restored_view["GetRecords"].empty());
  }
}

// A BatchWriteItem that was partly throttled is replayed with only the writes it processed:
// the ones the caller got back as UnprocessedItems were never written.
TEST_F(JournalTest, ABatchReplaysOnlyTheWritesItProcessed) {
  CreateTable("hot", "N");
  for (int i = 0; i < 990; ++i) {
    Ok("PutItem", {{"TableName", "hot"}, {"Item", {{"pk", {{"S", "one"}}}, {"sk", {{"N", std::to_string(i)}}}}}});
  }
  json writes = json::array();
  for (int i = 0; i < 25; ++i) {
    writes.push_back({{"PutRequest", {{"Item", {{"pk", {{"S", "one"}}}, {"sk", {{"N", std::to_string(1000 + i)}}}}}}}});
  }
  json answer = Ok("BatchWriteItem", {{"RequestItems", {{"hot", writes}}}});
  ASSERT_EQ(answer["UnprocessedItems"]["hot"].size(), 15u);  // the partition's second is full
  const std::string journal = Engine::JournalHeader() + engine_.TakeJournal();
  base::ManualClock other_clock(clock_.NowSeconds());
  Engine restored(other_clock);
  RestoreReport report = restored.Restore(journal);
  EXPECT_EQ(report.diverged, 0u);
  EXPECT_EQ(json::parse(restored.Handle("DynamoDB_20120810.Scan", R"({"TableName":"hot","Select":"COUNT"})").body)["Count"], 1000);
  EXPECT_EQ(json::parse(engine_.Handle("DynamoDB_20120810.Scan", R"({"TableName":"hot","Select":"COUNT"})").body)["Count"], 1000);
}

// Playground.Configure checks every member before it changes any: a bad one changes nothing,
// so the journal (which keeps only what succeeded) agrees with the engine.
TEST_F(JournalTest, ARefusedConfigureChangesNothing) {
  Response refused = engine_.Handle("Playground.Configure", R"({"Throttling":"OFF","ReplicationLagSeconds":5,"Scale":0})");
  EXPECT_EQ(ErrorOf(refused), "ValidationException: Scale must be at least 1 and at most 1000000.0");
  EXPECT_EQ(engine_.TakeJournal(), "");
  json settings = json::parse(engine_.Handle("Playground.Configure", "{}").body);
  EXPECT_EQ(settings["Throttling"], "ON");
  EXPECT_EQ(settings["ReplicationLagSeconds"], 0);
  EXPECT_EQ(ErrorOf(engine_.Handle("Playground.Configure", R"({"SplitForHeat":false,"Prices":"nowhere"})")),
            "ValidationException: Unknown Prices preset: nowhere; presets: us-east-1, explainer");
  EXPECT_EQ(json::parse(engine_.Handle("Playground.Configure", "{}").body)["SplitForHeat"], true);
}

// Streams age on every request. When a read is what rolls their shards over, the journal keeps
// it as background work, so that a write to another stream afterwards gets the same sequence
// numbers on replay and the new shards start where they did.
TEST_F(JournalTest, ShardsRolledOverByAReadRollOverAtTheSameMomentOnReplay) {
  for (const std::string name : {"first", "second"}) {
    Ok("CreateTable", {{"TableName", name},
                       {"BillingMode", "PAY_PER_REQUEST"},
                       {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
                       {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}},
                       {"StreamSpecification", {{"StreamEnabled", true}, {"StreamViewType", "KEYS_ONLY"}}}});
    Ok("PutItem", {{"TableName", name}, {"Item", {{"pk", {{"S", "a"}}}}}});
  }
  std::string journal = Engine::JournalHeader() + engine_.TakeJournal();
  clock_.Advance(5 * 3600);  // past a shard's lifetime
  const std::string rolled = Journaled("DynamoDBStreams_20120810.ListStreams", json::object());
  EXPECT_FALSE(rolled.empty());
  journal += rolled;
  clock_.Advance(10);
  Ok("PutItem", {{"TableName", "first"}, {"Item", {{"pk", {{"S", "b"}}}}}});
  journal += engine_.TakeJournal();

  base::ManualClock other_clock(clock_.NowSeconds());
  Engine restored(other_clock);
  RestoreReport report = restored.Restore(journal);
  EXPECT_EQ(report.diverged, 0u);
  EXPECT_EQ(Observe(restored), Observe(engine_));
}

TEST_F(JournalTest, ATornJournalRestoresItsValidPrefix) {
  CreateTable("tbl");
  for (int i = 0; i < 10; ++i) {
    Ok("PutItem", {{"TableName", "tbl"}, {"Item", {{"pk", {{"S", "k" + std::to_string(i)}}}}}});
  }
  const std::string journal = Engine::JournalHeader() + engine_.TakeJournal();
  const std::string torn = journal.substr(0, journal.size() - 3);
  base::ManualClock other_clock(clock_.NowSeconds());
  Engine restored(other_clock);
  RestoreReport report = restored.Restore(torn);
  EXPECT_TRUE(report.readable);
  EXPECT_EQ(report.records, 10u);  // CreateTable and 9 of the 10 puts
  EXPECT_LT(report.valid_bytes, torn.size());
  EXPECT_NE(report.damage.find("incomplete record"), std::string::npos) << report.damage;
  Response scan = restored.Handle("DynamoDB_20120810.Scan", R"({"TableName":"tbl"})");
  EXPECT_EQ(json::parse(scan.body)["Count"], 9);
}

TEST_F(JournalTest, AnUnreadableJournalOrABusyEngineRestoresNothing) {
  base::ManualClock other_clock;
  Engine fresh(other_clock);
  RestoreReport foreign = fresh.Restore("PK\x03\x04 a zip file, not a journal");
  EXPECT_FALSE(foreign.readable);
  EXPECT_EQ(foreign.records, 0u);
  EXPECT_EQ(foreign.damage, "not a DynamoDB Playground journal");

  CreateTable("tbl");
  std::string journal = Engine::JournalHeader() + engine_.TakeJournal();
  RestoreReport busy = engine_.Restore(journal);
  EXPECT_FALSE(busy.readable);
  EXPECT_EQ(busy.damage, "a journal can only be restored into an empty playground");
  EXPECT_EQ(json::parse(engine_.Handle("DynamoDB_20120810.ListTables", "{}").body)["TableNames"].size(), 1u);
}

// Throttling is off while a journal replays (every record was served once), and the configured
// setting comes back afterwards.
TEST_F(JournalTest, ReplayIsNeverThrottledAndKeepsTheThrottlingSetting) {
  CreateTable("hot");
  for (int i = 0; i < 1000; ++i) {
    Ok("PutItem", {{"TableName", "hot"}, {"Item", {{"pk", {{"S", "celebrity"}}}, {"n", {{"N", std::to_string(i)}}}}}});
  }
  // In the original, reads used the rest of the partition's second; replayed, the writes alone.
  const std::string journal = Engine::JournalHeader() + engine_.TakeJournal();
  base::ManualClock other_clock(clock_.NowSeconds());
  Engine restored(other_clock);
  RestoreReport report = restored.Restore(journal);
  EXPECT_EQ(report.records, 1001u);
  EXPECT_EQ(report.diverged, 0u);
  json metrics = json::parse(restored.Handle("Playground.GetMetrics", R"({"TableName":"hot"})").body);
  EXPECT_EQ(metrics["Throttling"], "ON");
  // Still enforced after the restore: the same second is full.
  Response refused = restored.Handle("DynamoDB_20120810.PutItem",
                                     R"({"TableName":"hot","Item":{"pk":{"S":"celebrity"}}})");
  EXPECT_EQ(ErrorOf(refused).substr(0, 19), "ThrottlingException");
}

}  // namespace
}  // namespace ddbpg::testing
