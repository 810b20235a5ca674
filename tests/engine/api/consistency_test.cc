// Strong versus eventual reads (issue #4, "Consistency"; the explainer's scenario): with a
// replication lag, an eventually consistent read may see an older version, at half the cost.
#include <gtest/gtest.h>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

class ConsistencyTest : public EngineFixture {
 protected:
  void SetUp() override {
    CreateTable("Profiles");
    Put("v1");
  }
  void Configure(const json& body) {
    ASSERT_EQ(engine_.Handle("Playground.Configure", body.dump()).status, 200);
  }
  void Put(const std::string& version) {
    Ok("PutItem", {{"TableName", "Profiles"},
                   {"Item", {{"pk", {{"S", "alice"}}}, {"version", {{"S", version}}}}}});
  }
  json Get(bool consistent) {
    return Ok("GetItem", {{"TableName", "Profiles"},
                          {"Key", {{"pk", {{"S", "alice"}}}}},
                          {"ConsistentRead", consistent},
                          {"ReturnConsumedCapacity", "TOTAL"}});
  }
};

TEST_F(ConsistencyTest, WithoutLagEveryReadIsCurrent) {
  Put("v2");
  EXPECT_EQ(Get(false)["Item"]["version"]["S"], "v2");
}

TEST_F(ConsistencyTest, AnEventuallyConsistentReadCanBeStaleAtHalfTheCost) {
  Configure({{"ReplicationLagSeconds", 2}, {"Seed", 7}});
  Put("v2");  // replaced v1 just now; a replica up to 2 s behind still has v1
  json eventual = Get(false);
  EXPECT_EQ(eventual["Item"]["version"]["S"], "v1");
  EXPECT_EQ(eventual["ConsumedCapacity"]["CapacityUnits"], 0.5);
  json strong = Get(true);
  EXPECT_EQ(strong["Item"]["version"]["S"], "v2");
  EXPECT_EQ(strong["ConsumedCapacity"]["CapacityUnits"], 1.0);
  // Once the lag has passed, every replica has the new version.
  clock_.Advance(2.5);
  EXPECT_EQ(Get(false)["Item"]["version"]["S"], "v2");
}

TEST_F(ConsistencyTest, BatchGetItemReadsLagToo) {
  Configure({{"ReplicationLagSeconds", 2}, {"Seed", 7}});
  Put("v2");
  auto batch = [this](bool consistent) {
    return Ok("BatchGetItem",
              {{"RequestItems",
                {{"Profiles", {{"Keys", json::array({{{"pk", {{"S", "alice"}}}}})},
                               {"ConsistentRead", consistent}}}}}})["Responses"]["Profiles"][0]
        ["version"]["S"];
  };
  EXPECT_EQ(batch(false), "v1");
  EXPECT_EQ(batch(true), "v2");
}

TEST_F(ConsistencyTest, AFreshItemMayNotBeVisibleYet) {
  Configure({{"ReplicationLagSeconds", 1}});
  Ok("PutItem", {{"TableName", "Profiles"}, {"Item", {{"pk", {{"S", "bob"}}}}}});
  EXPECT_EQ(Ok("GetItem", {{"TableName", "Profiles"}, {"Key", {{"pk", {{"S", "bob"}}}}}}),
            json::object());
  EXPECT_TRUE(Ok("GetItem", {{"TableName", "Profiles"},
                             {"Key", {{"pk", {{"S", "bob"}}}}},
                             {"ConsistentRead", true}})
                  .contains("Item"));
}

TEST_F(ConsistencyTest, SameSeedSameStaleness) {
  // Each run writes a fresh key ten times a second and reads it back eventually consistently;
  // what the reads see depends only on the seed.
  auto run = [this](const std::string& key) {
    Configure({{"ReplicationLagSeconds", 1}, {"Seed", 11}});
    std::string seen;
    for (int i = 0; i < 20; ++i) {
      Ok("PutItem", {{"TableName", "Profiles"},
                     {"Item", {{"pk", {{"S", key}}}, {"version", {{"N", std::to_string(i)}}}}}});
      clock_.Advance(0.1);
      json got = Ok("GetItem", {{"TableName", "Profiles"}, {"Key", {{"pk", {{"S", key}}}}}});
      seen += got.contains("Item") ? got["Item"]["version"]["N"].get<std::string>() : "-";
      seen += ",";
    }
    return seen;
  };
  std::string first = run("first");
  EXPECT_EQ(run("second"), first);
  // Some reads were stale: they saw a version older than the one just written.
  EXPECT_NE(first, "0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,");
}

TEST_F(ConsistencyTest, QueryAndScanReadALaggingReplicaToo) {
  Configure({{"ReplicationLagSeconds", 2}, {"Seed", 7}});
  Put("v2");                                                                   // changed
  Ok("PutItem", {{"TableName", "Profiles"}, {"Item", {{"pk", {{"S", "bob"}}}}}});  // new
  auto versions = [this](const std::string& operation, bool consistent) {
    json request = {{"TableName", "Profiles"}, {"ConsistentRead", consistent}};
    if (operation == "Query") {
      request["KeyConditionExpression"] = "pk = :pk";
      request["ExpressionAttributeValues"] = {{":pk", {{"S", "alice"}}}};
    }
    std::string seen;
    const json items = Ok(operation, request)["Items"];
    for (const json& item : items) {
      seen += item["pk"]["S"].get<std::string>() + "=";
      if (item.contains("version")) seen += item["version"]["S"].get<std::string>();
      seen += ";";
    }
    return seen;
  };
  EXPECT_EQ(versions("Query", false), "alice=v1;");
  EXPECT_EQ(versions("Query", true), "alice=v2;");
  EXPECT_EQ(versions("Scan", false), "alice=v1;");  // bob is not on the replica yet
  EXPECT_EQ(versions("Scan", true).size(), std::string("alice=v2;bob=;").size());
  // A deleted item is still on a lagging replica.
  Ok("DeleteItem", {{"TableName", "Profiles"}, {"Key", {{"pk", {{"S", "alice"}}}}}});
  EXPECT_EQ(versions("Query", true), "");
  EXPECT_NE(versions("Query", false), "");
  clock_.Advance(2.5);
  EXPECT_EQ(versions("Query", false), "");
  EXPECT_EQ(versions("Scan", false), "bob=;");
}

TEST_F(ConsistencyTest, LagIsBounded) {
  EXPECT_EQ(ErrorOf(engine_.Handle("Playground.Configure", R"({"ReplicationLagSeconds":61})")),
            "ValidationException: ReplicationLagSeconds must be between 0 and 60");
}

}  // namespace
}  // namespace ddbpg::testing
