// A committed version-1 journal (testdata/v1-music.journal, written by createDynamoDB({ path }))
// and a committed version-1 snapshot of the state it restores to (testdata/v1-music.snapshot,
// written by db.exportSnapshot()) must restore to the same state in every later version of the
// engine (docs/formats/journal.md and snapshot.md, "Versioning rules"). They hold: a virtual
// clock set to 2026-01-01, the Music table with a global index, a stream and TTL, four puts, an
// update, a delete, a minute of clock and a TTL sweep.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "engine/engine.h"
#include "tests/engine/support/engine_fixture.h"

namespace ddbpg {
namespace {

using json = nlohmann::json;

using testing::ReadTestData;

json Call(Engine& engine, const std::string& target, const json& body) {
  Response response = engine.Handle(target, body.dump());
  EXPECT_EQ(response.status, 200) << target << ": " << response.body;
  return json::parse(response.body);
}

// What both files restore to, asked through the API.
void ExpectTheMusicPlayground(Engine& engine) {
  // Stopping a virtual clock where it stands reads it without moving it.
  json clock = Call(engine, "Playground.SetClock", {{"Mode", "VIRTUAL"}});
  EXPECT_EQ(clock["Mode"], "VIRTUAL");
  EXPECT_EQ(clock["Now"], 1767225660);

  json scan = Call(engine, "DynamoDB_20120810.Scan", {{"TableName", "Music"}, {"ConsistentRead", true}});
  EXPECT_EQ(scan["Count"], 2);  // Gone Soon expired and was swept; Deleted was deleted
  json happy = Call(engine, "DynamoDB_20120810.GetItem",
                    {{"TableName", "Music"},
                     {"Key", {{"Artist", {{"S", "Acme Band"}}}, {"Song", {{"S", "Happy Day"}}}}}});
  EXPECT_EQ(happy["Item"]["Plays"], json({{"N", "42"}}));
  json rock = Call(engine, "DynamoDB_20120810.Query",
                   {{"TableName", "Music"},
                    {"IndexName", "ByGenre"},
                    {"KeyConditionExpression", "Genre = :g"},
                    {"ExpressionAttributeValues", {{":g", {{"S", "Rock"}}}}}});
  EXPECT_EQ(rock["Count"], 1);
  json ttl = Call(engine, "DynamoDB_20120810.DescribeTimeToLive", {{"TableName", "Music"}});
  EXPECT_EQ(ttl["TimeToLiveDescription"]["TimeToLiveStatus"], "ENABLED");

  json table = Call(engine, "DynamoDB_20120810.DescribeTable", {{"TableName", "Music"}})["Table"];
  json shards = Call(engine, "DynamoDBStreams_20120810.DescribeStream",
                     {{"StreamArn", table["LatestStreamArn"]}})["StreamDescription"]["Shards"];
  ASSERT_EQ(shards.size(), 1u);
  json iterator = Call(engine, "DynamoDBStreams_20120810.GetShardIterator",
                       {{"StreamArn", table["LatestStreamArn"]},
                        {"ShardId", shards[0]["ShardId"]},
                        {"ShardIteratorType", "TRIM_HORIZON"}});
  json records = Call(engine, "DynamoDBStreams_20120810.GetRecords",
                      {{"ShardIterator", iterator["ShardIterator"]}})["Records"];
  std::string events;
  for (const json& record : records) events += record["eventName"].get<std::string>() + " ";
  EXPECT_EQ(events, "INSERT INSERT INSERT INSERT MODIFY REMOVE REMOVE ");
  // The last REMOVE is Time to Live's, at the time of the read that woke the sweeper.
  EXPECT_EQ(records.back()["userIdentity"]["PrincipalId"], "dynamodb.amazonaws.com");
  EXPECT_EQ(records.back()["dynamodb"]["ApproximateCreationDateTime"], 1767225660);
}

TEST(GoldenJournalTest, VersionOneStillRestores) {
  const std::string journal = ReadTestData("v1-music.journal");
  ASSERT_EQ(journal.size(), 1898u) << "the committed journal is missing or changed";
  base::ManualClock host;
  Engine engine(host);
  RestoreReport report = engine.Restore(journal);
  EXPECT_TRUE(report.readable);
  EXPECT_EQ(report.damage, "");
  EXPECT_EQ(report.records, 11u);
  EXPECT_EQ(report.diverged, 0u) << report.first_divergence;
  ExpectTheMusicPlayground(engine);
}

TEST(GoldenSnapshotTest, VersionOneStillRestores) {
  const std::string snapshot = ReadTestData("v1-music.snapshot");
  ASSERT_EQ(snapshot.size(), 6999u) << "the committed snapshot is missing or changed";
  base::ManualClock host;
  Engine engine(host);
  SnapshotReport report = engine.RestoreSnapshot(snapshot);
  EXPECT_EQ(report.error, "");
  EXPECT_EQ(report.tables, 1u);
  EXPECT_EQ(report.items, 2u);
  ExpectTheMusicPlayground(engine);
}

}  // namespace
}  // namespace ddbpg
