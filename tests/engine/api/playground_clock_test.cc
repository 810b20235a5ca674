#include <gtest/gtest.h>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

class PlaygroundClockTest : public EngineFixture {
 protected:
  json Clock(const std::string& operation, const json& body) {
    Response response = engine_.Handle("Playground." + operation, body.dump());
    EXPECT_EQ(response.status, 200) << response.body;
    return json::parse(response.body);
  }
  std::string ClockError(const std::string& operation, const json& body) {
    return ErrorOf(engine_.Handle("Playground." + operation, body.dump()));
  }
};

TEST_F(PlaygroundClockTest, RealModeFollowsTheHostClock) {
  clock_.Set(1800000000);
  EXPECT_EQ(Clock("SetClock", {{"Mode", "REAL"}}),
            json::parse(R"({"Mode":"REAL","Now":1800000000.0})"));
  clock_.Advance(5);
  CreateTable("tbl");
  EXPECT_EQ(Ok("DescribeTable", {{"TableName", "tbl"}})["Table"]["CreationDateTime"],
            1800000005.0);
}

TEST_F(PlaygroundClockTest, VirtualTimeMovesOnlyWhenAdvanced) {
  EXPECT_EQ(Clock("SetClock", {{"Mode", "VIRTUAL"}, {"Now", 1900000000}}),
            json::parse(R"({"Mode":"VIRTUAL","Now":1900000000.0})"));
  clock_.Advance(100);  // the host clock no longer matters
  EXPECT_EQ(Clock("AdvanceClock", {{"Seconds", 2.5}})["Now"], 1900000002.5);
  CreateTable("tbl");
  EXPECT_EQ(Ok("DescribeTable", {{"TableName", "tbl"}})["Table"]["CreationDateTime"],
            1900000002.5);
}

TEST_F(PlaygroundClockTest, AnEmptyEngineMayStartAtAnyTime) {
  // The README's first paste: 1 Jan 2026, earlier than the host's clock.
  clock_.Set(1800000000);
  EXPECT_EQ(Clock("SetClock", {{"Mode", "VIRTUAL"}, {"Now", 1767225600}})["Now"], 1767225600.0);
  EXPECT_EQ(Clock("SetClock", {{"Mode", "VIRTUAL"}, {"Now", 1000}})["Now"], 1000.0);
  EXPECT_EQ(ClockError("SetClock", {{"Mode", "VIRTUAL"}, {"Now", -1}}),
            "ValidationException: Now must not be negative");
  CreateTable("tbl");
  EXPECT_EQ(Ok("DescribeTable", {{"TableName", "tbl"}})["Table"]["CreationDateTime"], 1000.0);
  // Once a table lives on the clock, it only moves forwards.
  EXPECT_EQ(ClockError("SetClock", {{"Mode", "VIRTUAL"}, {"Now", 999}}),
            "ValidationException: The clock cannot move backwards: Now 999.0 is before the "
            "engine's time 1000.0");
  // Deleting every table leaves the stream-less engine empty again.
  Ok("DeleteTable", {{"TableName", "tbl"}});
  EXPECT_EQ(Clock("SetClock", {{"Mode", "VIRTUAL"}, {"Now", 500}})["Now"], 500.0);
}

TEST_F(PlaygroundClockTest, TimeNeverMovesBackwards) {
  clock_.Set(1800000000);
  Clock("SetClock", {{"Mode", "VIRTUAL"}, {"Now", 2000000000}});
  CreateTable("tbl");
  EXPECT_EQ(ClockError("SetClock", {{"Mode", "VIRTUAL"}, {"Now", 1000}}),
            "ValidationException: The clock cannot move backwards: Now 1000.0 is before the "
            "engine's time 2000000000.0");
  // Back to real time, the clock resumes from where virtual time had reached.
  EXPECT_EQ(Clock("SetClock", {{"Mode", "REAL"}})["Now"], 2000000000.0);
}

TEST_F(PlaygroundClockTest, RequestsAreValidated) {
  EXPECT_EQ(ClockError("AdvanceClock", {{"Seconds", 1}}),
            "ValidationException: The clock is in REAL mode; switch it to VIRTUAL with "
            "Playground.SetClock first");
  EXPECT_EQ(ClockError("SetClock", {{"Mode", "FAST"}}),
            "ValidationException: 1 validation error detected: Value 'FAST' at 'mode' failed to "
            "satisfy constraint: Member must satisfy enum value set: [REAL, VIRTUAL]");
  EXPECT_EQ(ClockError("SetClock", {{"Mode", "VIRTUAL"}, {"Now", "soon"}}),
            "SerializationException: STRING_VALUE cannot be converted to Long");
  Clock("SetClock", {{"Mode", "VIRTUAL"}});
  EXPECT_EQ(ClockError("AdvanceClock", {{"Seconds", -1}}),
            "ValidationException: Seconds must be greater than 0 and at most 31622400.0");
  EXPECT_EQ(ErrorOf(engine_.Handle("Playground.Nope", "{}")), "UnknownOperationException: ");
}

}  // namespace
}  // namespace ddbpg::testing
