// Time to Live (issue #6): UpdateTimeToLive and DescribeTimeToLive with the service's texts and
// rules, and the sweeper deleting expired items on the engine's clock.
#include <gtest/gtest.h>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

constexpr long long kNow = 1800000000;  // 2027-01-15

class TtlTest : public EngineFixture {
 protected:
  void SetUp() override {
    clock_.Set(kNow);
    CreateTable("Sessions");
  }
  Response Update(bool enabled, const std::string& attribute = "expires") {
    return Call("UpdateTimeToLive",
                {{"TableName", "Sessions"},
                 {"TimeToLiveSpecification", {{"AttributeName", attribute}, {"Enabled", enabled}}}});
  }
  json Describe() { return Ok("DescribeTimeToLive", {{"TableName", "Sessions"}})["TimeToLiveDescription"]; }
  void Put(const std::string& pk, const json& expires) {
    json item = {{"pk", {{"S", pk}}}};
    if (!expires.is_null()) item["expires"] = expires;
    Ok("PutItem", {{"TableName", "Sessions"}, {"Item", item}});
  }
  bool Exists(const std::string& pk) {
    return Ok("GetItem", {{"TableName", "Sessions"}, {"Key", {{"pk", {{"S", pk}}}}}}).contains("Item");
  }
};

TEST_F(TtlTest, DescribeRightAfterEnablingSaysEnabled) {
  EXPECT_EQ(Describe(), json::parse(R"({"TimeToLiveStatus":"DISABLED"})"));
  Response enabled = Update(true);
  EXPECT_EQ(json::parse(enabled.body),
            json::parse(R"({"TimeToLiveSpecification":{"AttributeName":"expires","Enabled":true}})"));
  EXPECT_EQ(Describe(), json::parse(R"({"TimeToLiveStatus":"ENABLED","AttributeName":"expires"})"));
}

TEST_F(TtlTest, DescribeRightAfterDisablingSaysDisabledWithoutTheAttribute) {
  ASSERT_EQ(ErrorOf(Update(true)), "OK");
  clock_.Advance(3600);
  ASSERT_EQ(ErrorOf(Update(false)), "OK");
  EXPECT_EQ(Describe(), json::parse(R"({"TimeToLiveStatus":"DISABLED"})"));
}

TEST_F(TtlTest, ChangesFollowTheServicesRules) {
  EXPECT_EQ(ErrorOf(Update(false)), "ValidationException: TimeToLive is already disabled");
  ASSERT_EQ(ErrorOf(Update(true)), "OK");
  EXPECT_EQ(ErrorOf(Update(true)), "ValidationException: TimeToLive is already enabled");
  EXPECT_EQ(ErrorOf(Update(true, "other")),
            "ValidationException: TimeToLive is active on a different AttributeName: current "
            "AttributeName is expires");
  // One change an hour.
  clock_.Advance(3599);
  EXPECT_EQ(ErrorOf(Update(false)),
            "ValidationException: Time to live has been modified multiple times within a fixed "
            "interval");
  clock_.Advance(1);
  EXPECT_EQ(ErrorOf(Update(false)), "OK");
  EXPECT_EQ(Describe(), json::parse(R"({"TimeToLiveStatus":"DISABLED"})"));
}

TEST_F(TtlTest, RequestsAreValidated) {
  EXPECT_EQ(ErrorOf(Call("UpdateTimeToLive",
                         {{"TableName", "Sessions"}, {"TimeToLiveSpecification", json::object()}})),
            "ValidationException: 2 validation errors detected: Value null at "
            "'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must not "
            "be null; Value null at 'timeToLiveSpecification.enabled' failed to satisfy "
            "constraint: Member must not be null");
  EXPECT_EQ(ErrorOf(Update(true, "")),
            "ValidationException: 1 validation error detected: Value '' at "
            "'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must "
            "have length greater than or equal to 1");
  EXPECT_EQ(ErrorOf(Call("UpdateTimeToLive",
                         {{"TableName", "Sessions"},
                          {"TimeToLiveSpecification", {{"AttributeName", "x"}, {"Enabled", "dog"}}}})),
            "SerializationException: Unexpected token received from parser");
  EXPECT_EQ(ErrorOf(Call("DescribeTimeToLive", {{"TableName", "Nope"}})),
            "ResourceNotFoundException: Requested resource not found: Table: Nope not found");
}

TEST_F(TtlTest, TheSweeperDeletesExpiredItemsAfterItsDelay) {
  ASSERT_EQ(ErrorOf(Update(true)), "OK");
  Put("soon", {{"N", std::to_string(kNow + 60)}});
  Put("fraction", {{"N", std::to_string(kNow + 30) + ".5"}});
  Put("later", {{"N", std::to_string(kNow + 3600)}});
  Put("ancient", {{"N", "1171734022"}});  // 2007: more than five years ago, never expires
  Put("text", {{"S", std::to_string(kNow)}});  // not a Number: never expires
  Put("none", nullptr);
  clock_.Advance(61);
  // Expired but within the deletion delay: still read, as on AWS.
  EXPECT_TRUE(Exists("soon"));
  clock_.Advance(10);
  EXPECT_FALSE(Exists("soon"));
  EXPECT_FALSE(Exists("fraction"));
  EXPECT_TRUE(Exists("later"));
  EXPECT_TRUE(Exists("ancient"));
  EXPECT_TRUE(Exists("text"));
  EXPECT_TRUE(Exists("none"));
}

TEST_F(TtlTest, SweptItemsCostNothingAndLeaveTheIndexesToo) {
  ASSERT_EQ(ErrorOf(Update(true)), "OK");
  ASSERT_EQ(engine_.Handle("Playground.Configure", R"({"TtlDeletionDelaySeconds": 0})").status, 200);
  Put("a", {{"N", std::to_string(kNow + 5)}});
  json before = json::parse(engine_.Handle("Playground.GetMetrics", R"({"TableName":"Sessions"})").body);
  clock_.Advance(6);
  EXPECT_FALSE(Exists("a"));
  json after = json::parse(engine_.Handle("Playground.GetMetrics", R"({"TableName":"Sessions"})").body);
  double written = 0;
  for (const json& partition : after["Partitions"]) {
    for (const json& second : partition["Seconds"]) written += second["ConsumedWriteCapacityUnits"].get<double>();
  }
  EXPECT_EQ(written, 1.0);  // the PutItem only
  EXPECT_EQ(Ok("DescribeTable", {{"TableName", "Sessions"}})["Table"]["ItemCount"], 0);
  EXPECT_EQ(ErrorOf(engine_.Handle("Playground.Configure", R"({"TtlDeletionDelaySeconds": -1})")),
            "ValidationException: TtlDeletionDelaySeconds must be between 0 and 604800");
}

}  // namespace
}  // namespace ddbpg::testing
