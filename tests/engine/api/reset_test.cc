// Playground.Reset: a playground emptied as a new engine is, in one request (test suites call it
// between tests over HTTP), and journaled like any change, so a reopened playground is empty too.
#include <gtest/gtest.h>

#include <string>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

class ResetTest : public EngineFixture {};

TEST_F(ResetTest, EmptiesTablesStreamsAndSettingsButKeepsThrottling) {
  Playground("SetClock", {{"Mode", "VIRTUAL"}, {"Now", 1767225600}});
  const json defaults = Playground("Configure", json::object());
  Playground("Configure", {{"Scale", 100}, {"ReplicationLagSeconds", 2}, {"Throttling", "OFF"},
                           {"SplitForHeat", false}, {"Prices", "explainer"}});
  Ok("CreateTable", {{"TableName", "Music"},
                     {"BillingMode", "PAY_PER_REQUEST"},
                     {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
                     {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}},
                     {"StreamSpecification", {{"StreamEnabled", true}, {"StreamViewType", "KEYS_ONLY"}}}});
  const std::string first_id = Ok("DescribeTable", {{"TableName", "Music"}})["Table"]["TableId"];

  const json reset = Playground("Reset", json::object());
  EXPECT_EQ(reset["Mode"], "REAL");
  // A new engine's clock: the host's time, whatever the virtual clock had reached.
  EXPECT_EQ(reset["Now"].get<double>(), clock_.NowSeconds());
  EXPECT_EQ(Ok("ListTables", json::object())["TableNames"], json::array());
  Response streams = engine_.Handle("DynamoDBStreams_20120810.ListStreams", "{}");
  EXPECT_EQ(json::parse(streams.body)["Streams"], json::array());
  json expected = defaults;
  expected["Throttling"] = "OFF";
  EXPECT_EQ(Playground("Configure", json::object()), expected);

  // As in a new engine, the same requests give the same answers: the first table's id again.
  Ok("CreateTable", {{"TableName", "Music"},
                     {"BillingMode", "PAY_PER_REQUEST"},
                     {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
                     {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}}});
  EXPECT_EQ(Ok("DescribeTable", {{"TableName", "Music"}})["Table"]["TableId"], first_id);
}

TEST_F(ResetTest, IsJournaledSoAReopenedPlaygroundIsEmptyToo) {
  engine_.SetJournaling(true);
  CreateTable("before");
  Playground("Reset", json::object());
  clock_.Advance(1);
  CreateTable("after");
  const std::string journal = Engine::JournalHeader() + engine_.TakeJournal();
  base::ManualClock clock;
  Engine reopened(clock);
  RestoreReport report = reopened.Restore(journal);
  EXPECT_EQ(report.records, 3u);
  EXPECT_EQ(report.diverged, 0u) << report.first_divergence;
  EXPECT_EQ(reopened.TableNames(), std::vector<std::string>{"after"});
}

}  // namespace
}  // namespace ddbpg::testing
