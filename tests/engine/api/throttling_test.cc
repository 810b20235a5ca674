#include <gtest/gtest.h>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

class ThrottlingTest : public EngineFixture {
 protected:
  void CreateProvisioned(const std::string& name, int read, int write) {
    Ok("CreateTable",
       {{"TableName", name},
        {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
        {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}},
        {"ProvisionedThroughput", {{"ReadCapacityUnits", read}, {"WriteCapacityUnits", write}}}});
  }
  Response Put(const std::string& table, const std::string& pk) {
    return Call("PutItem", {{"TableName", table}, {"Item", {{"pk", {{"S", pk}}}}}});
  }
  json Metrics(const std::string& table) {
    return json::parse(
        engine_.Handle("Playground.GetMetrics", json{{"TableName", table}}.dump()).body);
  }
};

TEST_F(ThrottlingTest, AProvisionedTableThrottlesOnceItsBurstIsSpent) {
  CreateProvisioned("small", 1, 1);
  for (int i = 0; i < 300; ++i) ASSERT_EQ(ErrorOf(Put("small", "k" + std::to_string(i))), "OK");
  Response throttled = Put("small", "one-too-many");
  EXPECT_EQ(ErrorOf(throttled),
            "ProvisionedThroughputExceededException: The level of configured provisioned "
            "throughput for the table was exceeded. Consider increasing your provisioning level "
            "with the UpdateTable API.");
  EXPECT_EQ(json::parse(throttled.body)["ThrottlingReasons"],
            json::parse(R"([{"reason":"TableWriteProvisionedThroughputExceeded",
              "resource":"arn:aws:dynamodb:us-east-1:000000000000:table/small"}])"));
  // The throttled write had no effect.
  EXPECT_EQ(Ok("GetItem", {{"TableName", "small"}, {"Key", {{"pk", {{"S", "one-too-many"}}}}}}),
            json::object());
  clock_.Advance(1);
  EXPECT_EQ(ErrorOf(Put("small", "one-too-many")), "OK");
}

TEST_F(ThrottlingTest, AHotKeyIsThrottledWhileTheTableHasCapacityToSpare) {
  CreateProvisioned("wide", 100, 10000);  // 10 partitions
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(ErrorOf(Put("wide", "celebrity")), "OK");
  Response throttled = Put("wide", "celebrity");
  EXPECT_EQ(json::parse(throttled.body)["ThrottlingReasons"][0]["reason"],
            "TableWriteKeyRangeThroughputExceeded");
  // Another key, in another partition, is served in the same second.
  std::string other;
  for (int i = 0; other.empty() && i < 100; ++i) {
    if (ErrorOf(Put("wide", "fan" + std::to_string(i))) == "OK") other = "fan";
  }
  EXPECT_EQ(other, "fan");
  json hot = Metrics("wide")["HotKeys"][0];
  EXPECT_EQ(hot["Key"], json::parse(R"({"S":"celebrity"})"));
  EXPECT_EQ(hot["Throttles"], 1);
  long long throttled_writes = 0;
  const json metrics = Metrics("wide");
  for (const json& partition : metrics["Partitions"]) {
    for (const json& second : partition["Seconds"]) throttled_writes += second["ThrottledWrites"].get<long long>();
  }
  EXPECT_EQ(throttled_writes, 1);
}

TEST_F(ThrottlingTest, RaisingThroughputEndsTheThrottling) {
  CreateProvisioned("grow", 1, 1);
  for (int i = 0; i < 300; ++i) ASSERT_EQ(ErrorOf(Put("grow", "k" + std::to_string(i))), "OK");
  EXPECT_NE(ErrorOf(Put("grow", "late")), "OK");
  Ok("UpdateTable", {{"TableName", "grow"},
                     {"ProvisionedThroughput", {{"ReadCapacityUnits", 1}, {"WriteCapacityUnits", 100}}}});
  clock_.Advance(1);
  EXPECT_EQ(ErrorOf(Put("grow", "late")), "OK");
}

TEST_F(ThrottlingTest, OnDemandHotKeysGetThrottlingException) {
  CreateTable("ondemand");
  json put = {{"TableName", "ondemand"}, {"Item", {{"pk", {{"S", "hot"}}}}}};
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(ErrorOf(Call("PutItem", put)), "OK");
  Response throttled = Call("PutItem", put);
  EXPECT_EQ(ErrorOf(throttled),
            "ThrottlingException: Throughput exceeds the current capacity of your table or index. "
            "DynamoDB is automatically scaling your table or index so please try again shortly. "
            "If exceptions persist, check if you have a hot key: "
            "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
            "bp-partition-key-design.html");
  json body = json::parse(throttled.body);
  EXPECT_EQ(body["__type"], "com.amazon.coral.availability#ThrottlingException");
  EXPECT_EQ(body["throttlingReasons"][0]["reason"], "TableWriteKeyRangeThroughputExceeded");
}

TEST_F(ThrottlingTest, ReadsAreThrottledOnTheirOwnCapacity) {
  CreateProvisioned("reads", 1, 100);
  ASSERT_EQ(ErrorOf(Put("reads", "a")), "OK");
  json get = {{"TableName", "reads"}, {"Key", {{"pk", {{"S", "a"}}}}}, {"ConsistentRead", true}};
  for (int i = 0; i < 300; ++i) ASSERT_EQ(ErrorOf(Call("GetItem", get)), "OK");
  Response throttled = Call("GetItem", get);
  EXPECT_EQ(json::parse(throttled.body)["ThrottlingReasons"][0]["reason"],
            "TableReadProvisionedThroughputExceeded");
}


// Eight writes a second to one key is 80% of a partition's 10 WCU at scale 100: after a minute
// of it, the next request finds the key isolated on a partition of its own.
class SplitForHeatTest : public ThrottlingTest {
 protected:
  json PartitionsAfterAHotMinute() {
    engine_.Handle("Playground.Configure", R"({"Scale": 100})");
    CreateTable("heat");
    for (int second = 0; second < 60; ++second) {
      for (int i = 0; i < 8; ++i) EXPECT_EQ(ErrorOf(Put("heat", "celebrity")), "OK");
      clock_.Advance(1);
    }
    EXPECT_EQ(ErrorOf(Put("heat", "fan")), "OK");
    return Metrics("heat")["Partitions"];
  }
};

TEST_F(SplitForHeatTest, AKeyHotForAMinuteGetsAPartitionOfItsOwn) {
  json partitions = PartitionsAfterAHotMinute();
  ASSERT_GE(partitions.size(), 5u);  // 4 to start, +2 (+1 when the key's hash ends a range)
  ASSERT_LE(partitions.size(), 6u);
  int single_hash_partitions = 0;
  for (const json& partition : partitions) {
    if (partition["HashRange"]["Start"] == partition["HashRange"]["End"]) {
      ++single_hash_partitions;
      EXPECT_EQ(partition["ItemCount"], 1);  // the celebrity
    }
  }
  EXPECT_EQ(single_hash_partitions, 1);
}

TEST_F(SplitForHeatTest, CanBeTurnedOff) {
  Response configured = engine_.Handle("Playground.Configure", R"({"SplitForHeat": false})");
  EXPECT_EQ(json::parse(configured.body)["SplitForHeat"], false);
  EXPECT_EQ(PartitionsAfterAHotMinute().size(), 4u);
  EXPECT_EQ(ErrorOf(engine_.Handle("Playground.Configure", R"({"SplitForHeat": 1})")),
            "ValidationException: SplitForHeat must be a boolean");
}

}  // namespace
}  // namespace ddbpg::testing
