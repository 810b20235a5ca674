#include <gtest/gtest.h>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

class ContributorInsightsTest : public EngineFixture {
 protected:
  void SetUp() override {
    clock_.Set(1800000000);
    CreateTable("Music", "S");
    CreateTable("Plain");
  }
};

TEST_F(ContributorInsightsTest, DisabledUntilEnabled) {
  json described = Ok("DescribeContributorInsights", {{"TableName", "Music"}});
  EXPECT_EQ(described, json::parse(R"({"TableName":"Music","ContributorInsightsRuleList":[],
    "ContributorInsightsStatus":"DISABLED"})"));
}

TEST_F(ContributorInsightsTest, EnablingCreatesTheRules) {
  json updated = Ok("UpdateContributorInsights",
                    {{"TableName", "Music"}, {"ContributorInsightsAction", "ENABLE"}});
  EXPECT_EQ(updated["ContributorInsightsStatus"], "ENABLING");
  json described = Ok("DescribeContributorInsights", {{"TableName", "Music"}});
  EXPECT_EQ(described["ContributorInsightsStatus"], "ENABLED");
  EXPECT_EQ(described["ContributorInsightsMode"], "ACCESSED_AND_THROTTLED_KEYS");
  EXPECT_EQ(described["ContributorInsightsRuleList"],
            json::parse(R"(["DynamoDBContributorInsights-PKC-Music-1800000000000",
              "DynamoDBContributorInsights-PKT-Music-1800000000000",
              "DynamoDBContributorInsights-SKC-Music-1800000000000",
              "DynamoDBContributorInsights-SKT-Music-1800000000000"])"));
  Ok("UpdateContributorInsights", {{"TableName", "Plain"},
                                   {"ContributorInsightsAction", "ENABLE"},
                                   {"ContributorInsightsMode", "THROTTLED_KEYS"}});
  EXPECT_EQ(Ok("DescribeContributorInsights", {{"TableName", "Plain"}})["ContributorInsightsRuleList"],
            json::parse(R"(["DynamoDBContributorInsights-PKT-Plain-1800000000000"])"));
}

TEST_F(ContributorInsightsTest, ListShowsEveryTableAndPages) {
  Ok("UpdateContributorInsights", {{"TableName", "Music"}, {"ContributorInsightsAction", "ENABLE"}});
  json page = Ok("ListContributorInsights", {{"MaxResults", 1}});
  EXPECT_EQ(page["ContributorInsightsSummaries"],
            json::parse(R"([{"TableName":"Music","ContributorInsightsStatus":"ENABLED",
              "ContributorInsightsMode":"ACCESSED_AND_THROTTLED_KEYS"}])"));
  json next = Ok("ListContributorInsights", {{"MaxResults", 1}, {"NextToken", page["NextToken"]}});
  EXPECT_EQ(next["ContributorInsightsSummaries"][0]["TableName"], "Plain");
  EXPECT_FALSE(next.contains("NextToken"));
}

TEST_F(ContributorInsightsTest, ErrorsFollowTheService) {
  EXPECT_EQ(ErrorOf(Call("UpdateContributorInsights",
                         {{"TableName", "Music"}, {"ContributorInsightsAction", "START"}})),
            "ValidationException: 1 validation error detected: Value 'START' at "
            "'contributorInsightsAction' failed to satisfy constraint: Member must satisfy enum "
            "value set: [ENABLE, DISABLE]");
  EXPECT_EQ(ErrorOf(Call("DescribeContributorInsights", {{"TableName", "Nope"}})),
            "ResourceNotFoundException: Requested resource not found: Table: Nope not found");
}

}  // namespace
}  // namespace ddbpg::testing
