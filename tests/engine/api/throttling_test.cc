#include <gtest/gtest.h>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

class ThrottlingTest : public EngineFixture {
 protected:
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

// Provisioned burst with exact figures: 5 WCU save up to 300 s (1,500 units); once spent, each
// idle second gives back 5 units, never more than 1,500.
TEST_F(ThrottlingTest, BurstCapacityRefillsAtTheProvisionedRateUpToThreeHundredSeconds) {
  CreateProvisioned("burst", 1, 5);
  int served = 0;
  for (int second = 0; second < 3; ++second) {
    for (int i = 0; i < 1000; ++i) served += ErrorOf(Put("burst", "k" + std::to_string(i))) == "OK";
    clock_.Advance(1);
  }
  // 1,500 saved, plus 5 a second for the two seconds that passed while spending them.
  EXPECT_EQ(served, 1510);
  clock_.Advance(59);  // 60 s since the last write: 300 units
  served = 0;
  for (int i = 0; i < 400; ++i) served += ErrorOf(Put("burst", "m" + std::to_string(i))) == "OK";
  EXPECT_EQ(served, 300);
  clock_.Advance(10000);  // far more than 300 s: the bucket holds 300 s, 1,500 units
  served = 0;
  for (int second = 0; second < 2; ++second) {
    for (int i = 0; i < 1000; ++i) served += ErrorOf(Put("burst", "n" + std::to_string(i))) == "OK";
    clock_.Advance(1);
  }
  EXPECT_EQ(served, 1505);
}

// Adaptive capacity, the Developer Guide's example: a table of 400 WCU whose traffic is 150 WCU a
// second on one key and 250 on others is served without a throttle, however long it lasts, since
// the table as a whole stays within its throughput and the busy partition within its 1,000 WCU.
TEST_F(ThrottlingTest, AdaptiveCapacityServesAnUnevenLoadWithinTheTablesThroughput) {
  CreateProvisioned("adaptive", 1, 400);
  int throttled = 0;
  for (int second = 0; second < 400; ++second) {  // past the 300 s of burst a new table has
    for (int i = 0; i < 150; ++i) throttled += ErrorOf(Put("adaptive", "busy")) != "OK";
    for (int i = 0; i < 250; ++i) {
      throttled += ErrorOf(Put("adaptive", "quiet" + std::to_string(i))) != "OK";
    }
    clock_.Advance(1);
  }
  EXPECT_EQ(throttled, 0);
  // Lowered to 1 WCU, the table banks at most 300 s of it: 300 writes, then a refusal.
  Ok("UpdateTable", {{"TableName", "adaptive"},
                     {"ProvisionedThroughput", {{"ReadCapacityUnits", 1}, {"WriteCapacityUnits", 1}}}});
  clock_.Advance(300);  // the bucket now holds 300 units (1 WCU for 300 s)
  for (int i = 0; i < 300; ++i) ASSERT_EQ(ErrorOf(Put("adaptive", "k" + std::to_string(i))), "OK");
  EXPECT_EQ(ErrorOf(Put("adaptive", "late")).substr(0, 38), "ProvisionedThroughputExceededException");
}

// A new on-demand table sustains 4,000 WCU and 12,000 RCU a second (Developer Guide,
// "On-demand capacity mode"): spread over many keys, that traffic never throttles.
TEST_F(ThrottlingTest, ANewOnDemandTableServesItsDocumentedThroughputWithoutThrottling) {
  CreateTable("fresh");
  EXPECT_EQ(Metrics("fresh")["Partitions"].size(), 8u);
  int throttled = 0;
  for (int second = 0; second < 3; ++second) {
    for (int i = 0; i < 4000; ++i) {
      throttled += ErrorOf(Put("fresh", "user" + std::to_string(second * 4000 + i))) != "OK";
    }
    clock_.Advance(1);
  }
  EXPECT_EQ(throttled, 0);
  for (int second = 0; second < 3; ++second) {
    for (int i = 0; i < 12000; ++i) {
      json get = {{"TableName", "fresh"},
                  {"Key", {{"pk", {{"S", "user" + std::to_string(i)}}}}},
                  {"ConsistentRead", true}};
      throttled += ErrorOf(Call("GetItem", get)) != "OK";
    }
    clock_.Advance(1);
  }
  EXPECT_EQ(throttled, 0);
  // One key still stops at its partition's 1,000 WCU in a second.
  int hot_throttled = 0;
  for (int i = 0; i < 1200; ++i) hot_throttled += ErrorOf(Put("fresh", "celebrity")) != "OK";
  EXPECT_EQ(hot_throttled, 200);
}

// On demand, a table keeps the partitions for twice its previous peak (Developer Guide, "Peak
// traffic and scaling properties"): traffic that doubles every second never throttles, and a
// spike past twice the peak throttles on the partitions it overloads until the table has grown.
TEST_F(ThrottlingTest, OnDemandFollowsTwiceThePreviousPeak) {
  CreateTable("growing");
  int throttled = 0, key = 0;
  for (int writes : {4000, 8000, 16000}) {
    for (int i = 0; i < writes; ++i) throttled += ErrorOf(Put("growing", "u" + std::to_string(key++))) != "OK";
    clock_.Advance(1);
  }
  EXPECT_EQ(throttled, 0);
  // The 16,000 WCU second needs 64 partitions at half load to serve twice it.
  Put("growing", "next");
  EXPECT_EQ(Metrics("growing")["Partitions"].size(), 64u);

  CreateTable("spiked");
  int spike_throttled = 0;
  for (int i = 0; i < 20000; ++i) spike_throttled += ErrorOf(Put("spiked", "s" + std::to_string(i))) != "OK";
  // Eight partitions of 1,000 WCU serve at most 8,000 of the 20,000; the throttles are the
  // partitions' (ThrottlingException with a key-range reason).
  EXPECT_GE(spike_throttled, 12000);
  Response refused = Put("spiked", "s0");
  EXPECT_EQ(json::parse(refused.body)["throttlingReasons"][0]["reason"],
            "TableWriteKeyRangeThroughputExceeded");
  clock_.Advance(1);
  // The served 8,000 became the previous peak: 32 partitions now serve 20,000 a second.
  spike_throttled = 0;
  for (int i = 0; i < 20000; ++i) spike_throttled += ErrorOf(Put("spiked", "t" + std::to_string(i))) != "OK";
  EXPECT_EQ(spike_throttled, 0);
  EXPECT_EQ(Metrics("spiked")["Partitions"].size(), 32u);
}

// Playground.Configure {"Throttling": "OFF"}: nothing is refused for capacity, and the metrics
// still count what would have been.
TEST_F(ThrottlingTest, ThrottlingOffServesEverythingAndCountsWhatWouldHaveThrottled) {
  Response configured = engine_.Handle("Playground.Configure", R"({"Throttling": "OFF"})");
  EXPECT_EQ(json::parse(configured.body)["Throttling"], "OFF");
  CreateTable("suite");
  CreateProvisioned("tiny", 1, 1);
  for (int i = 0; i < 1200; ++i) ASSERT_EQ(ErrorOf(Put("suite", "counter")), "OK") << i;
  for (int i = 0; i < 400; ++i) ASSERT_EQ(ErrorOf(Put("tiny", "k" + std::to_string(i))), "OK");
  json metrics = Metrics("suite");
  EXPECT_EQ(metrics["Throttling"], "OFF");
  long long would_have = 0, consumed = 0;
  for (const json& partition : metrics["Partitions"]) {
    for (const json& second : partition["Seconds"]) {
      would_have += second["ThrottledWrites"].get<long long>();
      consumed += static_cast<long long>(second["ConsumedWriteCapacityUnits"].get<double>());
    }
  }
  EXPECT_EQ(would_have, 200);
  EXPECT_EQ(consumed, 1200);
  json hot = metrics["HotKeys"][0];
  EXPECT_EQ(hot["Writes"], 1200);  // served requests counted once each
  EXPECT_EQ(hot["Throttles"], 200);
  // Provisioned: 300 units of burst, then 100 writes that would have been refused.
  would_have = 0;
  const json tiny = Metrics("tiny");
  for (const json& partition : tiny["Partitions"]) {
    for (const json& second : partition["Seconds"]) {
      would_have += second["ThrottledWrites"].get<long long>();
    }
  }
  EXPECT_EQ(would_have, 100);
  // A bad value changes nothing; ON brings the refusals back in the same second.
  EXPECT_EQ(ErrorOf(engine_.Handle("Playground.Configure",
                                   R"({"Throttling": "NO", "Scale": 10})")),
            "ValidationException: Throttling must be ON or OFF");
  EXPECT_EQ(json::parse(engine_.Handle("Playground.Configure", "{}").body)["Scale"], 1.0);
  engine_.Handle("Playground.Configure", R"({"Throttling": "ON"})");
  EXPECT_EQ(Metrics("suite")["Throttling"], "ON");
  EXPECT_EQ(ErrorOf(Put("suite", "counter")).substr(0, 19), "ThrottlingException");
  EXPECT_EQ(ErrorOf(Put("tiny", "more")).substr(0, 39), "ProvisionedThroughputExceededException:");
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
  ASSERT_GE(partitions.size(), 9u);  // 8 to start, +2 (+1 when the key's hash ends a range)
  ASSERT_LE(partitions.size(), 10u);
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
  EXPECT_EQ(PartitionsAfterAHotMinute().size(), 8u);
  EXPECT_EQ(ErrorOf(engine_.Handle("Playground.Configure", R"({"SplitForHeat": 1})")),
            "ValidationException: SplitForHeat must be a boolean");
}

}  // namespace
}  // namespace ddbpg::testing
