// Global tables, version 2019.11.21 (issue #16 part 5): UpdateTable's ReplicaUpdates, requests
// routed by region, replication on the engine's clock with last-writer-wins conflicts, the
// service's checks, the legacy operations, and the journal replaying regional requests.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

constexpr long long kNow = 1800000000;  // 2027-01-15
constexpr const char* kWest = "us-west-2";
constexpr const char* kEurope = "eu-west-1";

class GlobalTablesTest : public EngineFixture {
 protected:
  void SetUp() override {
    clock_.Set(kNow);
    CreateTable("Music");
  }
  Response CallIn(const std::string& region, const std::string& operation, const json& body) {
    return engine_.Handle("DynamoDB_20120810." + operation, body.dump(), region);
  }
  json OkIn(const std::string& region, const std::string& operation, const json& body) {
    Response response = CallIn(region, operation, body);
    EXPECT_EQ(response.status, 200) << operation << " in " << region << ": " << response.body;
    return json::parse(response.body);
  }
  Response Replica(const std::string& action, const std::string& region,
                   const std::string& table = "Music") {
    return Call("UpdateTable",
                {{"TableName", table}, {"ReplicaUpdates", {{{action, {{"RegionName", region}}}}}}});
  }
  void PutIn(const std::string& region, const std::string& pk, const std::string& value) {
    OkIn(region, "PutItem",
         {{"TableName", "Music"}, {"Item", {{"pk", {{"S", pk}}}, {"v", {{"S", value}}}}}});
  }
  // The item's "v" in `region`, or "absent".
  std::string ValueIn(const std::string& region, const std::string& pk) {
    json got =
        OkIn(region, "GetItem",
             {{"TableName", "Music"}, {"Key", {{"pk", {{"S", pk}}}}}, {"ConsistentRead", true}});
    return got.contains("Item") ? got["Item"]["v"]["S"].get<std::string>() : "absent";
  }
};

TEST_F(GlobalTablesTest, AddingAReplicaCopiesTheTableIntoTheRegion) {
  PutIn("", "before", "1");
  Response added = Replica("Create", kWest);
  ASSERT_EQ(ErrorOf(added), "OK");
  const json updating = json::parse(added.body)["TableDescription"];
  EXPECT_EQ(updating["TableStatus"], "UPDATING");
  EXPECT_EQ(updating["GlobalTableVersion"], "2019.11.21");
  // The service lists the new replica only after it answers.
  EXPECT_EQ(updating["Replicas"], json::array());

  const json home = Ok("DescribeTable", {{"TableName", "Music"}})["Table"];
  EXPECT_EQ(home["Replicas"],
            json::parse(R"([{"RegionName":"us-west-2","ReplicaStatus":"ACTIVE"}])"));
  EXPECT_EQ(home["StreamSpecification"],
            json::parse(R"({"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"})"));
  const json west = OkIn(kWest, "DescribeTable", {{"TableName", "Music"}})["Table"];
  EXPECT_EQ(west["Replicas"],
            json::parse(R"([{"RegionName":"us-east-1","ReplicaStatus":"ACTIVE"}])"));
  EXPECT_EQ(west["TableArn"], "arn:aws:dynamodb:us-west-2:000000000000:table/Music");
  EXPECT_NE(west["TableId"], home["TableId"]);
  EXPECT_EQ(west["LatestStreamArn"].get<std::string>().rfind("arn:aws:dynamodb:us-west-2:", 0), 0u);
  EXPECT_EQ(west["ItemCount"], 1);
  EXPECT_EQ(ValueIn(kWest, "before"), "1");
}

TEST_F(GlobalTablesTest, ChangesReachTheOtherReplicasAfterTheReplicationDelay) {
  ASSERT_EQ(ErrorOf(Replica("Create", kWest)), "OK");
  ASSERT_EQ(ErrorOf(Replica("Create", kEurope)), "OK");
  Playground("Configure", {{"GlobalTableReplicationSeconds", 2}});
  PutIn(kWest, "song", "written in Oregon");
  EXPECT_EQ(ValueIn(kWest, "song"), "written in Oregon");
  EXPECT_EQ(ValueIn("", "song"), "absent");
  clock_.Advance(1.5);
  EXPECT_EQ(ValueIn(kEurope, "song"), "absent");
  clock_.Advance(0.5);
  EXPECT_EQ(ValueIn("", "song"), "written in Oregon");
  EXPECT_EQ(ValueIn(kEurope, "song"), "written in Oregon");

  OkIn(kEurope, "DeleteItem", {{"TableName", "Music"}, {"Key", {{"pk", {{"S", "song"}}}}}});
  clock_.Advance(2);
  EXPECT_EQ(ValueIn("", "song"), "absent");
  EXPECT_EQ(ValueIn(kWest, "song"), "absent");
}

TEST_F(GlobalTablesTest, TheLastWriterWinsEverywhere) {
  ASSERT_EQ(ErrorOf(Replica("Create", kWest)), "OK");
  PutIn("", "conflict", "first, in Virginia");
  clock_.Advance(0.25);
  PutIn(kWest, "conflict", "later, in Oregon");
  // Each region sees its own write until the other's arrives.
  EXPECT_EQ(ValueIn("", "conflict"), "first, in Virginia");
  clock_.Advance(1);
  EXPECT_EQ(ValueIn("", "conflict"), "later, in Oregon");
  EXPECT_EQ(ValueIn(kWest, "conflict"), "later, in Oregon");

  // At the same instant, the region whose name sorts last wins, in both.
  PutIn("", "tie", "from us-east-1");
  PutIn(kWest, "tie", "from us-west-2");
  clock_.Advance(1);
  EXPECT_EQ(ValueIn("", "tie"), "from us-west-2");
  EXPECT_EQ(ValueIn(kWest, "tie"), "from us-west-2");
}

TEST_F(GlobalTablesTest, EachRegionIsChargedForTheWritesItReceives) {
  ASSERT_EQ(ErrorOf(Replica("Create", kWest)), "OK");
  PutIn("", "a", std::string(1500, 'x'));  // 2 write units
  clock_.Advance(1);
  ValueIn(kWest, "a");
  auto written = [&](const std::string& region) {
    const json metrics = json::parse(
        engine_.Handle("Playground.GetMetrics", json{{"TableName", "Music"}}.dump(), region).body);
    double units = 0;
    for (const json& partition : metrics["Partitions"]) {
      for (const json& second : partition["Seconds"])
        units += second["ConsumedWriteCapacityUnits"].get<double>();
    }
    return units;
  };
  EXPECT_EQ(written(""), 2);
  EXPECT_EQ(written(kWest), 2);
}

TEST_F(GlobalTablesTest, TimeToLiveDeletesReplicate) {
  Ok("UpdateTimeToLive",
     {{"TableName", "Music"},
      {"TimeToLiveSpecification", {{"AttributeName", "expires"}, {"Enabled", true}}}});
  ASSERT_EQ(ErrorOf(Replica("Create", kWest)), "OK");
  Ok("PutItem",
     {{"TableName", "Music"},
      {"Item",
       {{"pk", {{"S", "old"}}}, {"v", {{"S", "x"}}}, {"expires", {{"N", std::to_string(kNow)}}}}}});
  clock_.Advance(1);
  EXPECT_EQ(ValueIn(kWest, "old"), "x");
  clock_.Advance(30);  // past the sweeper's delay: the home region deletes it
  EXPECT_EQ(ValueIn("", "old"), "absent");
  clock_.Advance(2);
  EXPECT_EQ(ValueIn(kWest, "old"), "absent");
}

TEST_F(GlobalTablesTest, ReplicaUpdatesFollowTheServicesRules) {
  EXPECT_EQ(
      ErrorOf(Call("UpdateTable", {{"TableName", "Music"},
                                   {"BillingMode", "PAY_PER_REQUEST"},
                                   {"ReplicaUpdates", {{{"Create", {{"RegionName", kWest}}}}}}})),
      "ValidationException: One or more parameter values were invalid: Replica modification "
      "must be the only operation in the request");
  EXPECT_EQ(ErrorOf(Replica("Create", "us-east-1")).rfind("ValidationException: ", 0), 0u);
  EXPECT_EQ(ErrorOf(Replica("Create", "moon-1")).rfind("ValidationException: ", 0), 0u);
  EXPECT_EQ(ErrorOf(Replica("Delete", kWest)).rfind("ValidationException: ", 0), 0u);
  EXPECT_EQ(ErrorOf(Replica("Create", kWest, "Missing")),
            "ResourceNotFoundException: Requested resource not found: Table: Missing not found");
  EXPECT_EQ(ErrorOf(Call("UpdateTable", {{"TableName", "Music"},
                                         {"ReplicaUpdates", {{{"Create", json::object()}}}}})),
            "ValidationException: 1 validation error detected: Value null at "
            "'replicaUpdates.1.member.create.regionName' failed to satisfy constraint: Member "
            "must not be null");
  CreateProvisioned("Provisioned", 5, 5);
  EXPECT_EQ(ErrorOf(Replica("Create", kWest, "Provisioned")),
            "ValidationException: Table write capacity should either be Pay-Per-Request or "
            "AutoScaled.");

  ASSERT_EQ(ErrorOf(Replica("Create", kWest)), "OK");
  EXPECT_EQ(ErrorOf(Replica("Create", kWest)).rfind("ValidationException: ", 0), 0u);
  EXPECT_EQ(ErrorOf(Call("UpdateTable", {{"TableName", "Music"},
                                         {"StreamSpecification", {{"StreamEnabled", false}}}})),
            "ValidationException: One or more parameter values were invalid: Disabling Stream is "
            "not allowed for a Global Table replica.");
  // Nothing failed half-way: one replica, in us-west-2.
  EXPECT_EQ(Ok("DescribeTable", {{"TableName", "Music"}})["Table"]["Replicas"].size(), 1u);
}

TEST_F(GlobalTablesTest, RemovingAReplicaLeavesTheOthers) {
  ASSERT_EQ(ErrorOf(Replica("Create", kWest)), "OK");
  ASSERT_EQ(ErrorOf(Replica("Create", kEurope)), "OK");
  Response removed = Replica("Delete", kEurope);
  ASSERT_EQ(ErrorOf(removed), "OK");
  EXPECT_EQ(json::parse(removed.body)["TableDescription"]["Replicas"][1],
            json::parse(R"({"RegionName":"eu-west-1","ReplicaStatus":"DELETING"})"));
  EXPECT_EQ(Ok("DescribeTable", {{"TableName", "Music"}})["Table"]["Replicas"],
            json::parse(R"([{"RegionName":"us-west-2","ReplicaStatus":"ACTIVE"}])"));
  // Without a replica there, eu-west-1 sees the table every region shares: the home region's.
  EXPECT_EQ(OkIn(kEurope, "DescribeTable", {{"TableName", "Music"}})["Table"]["TableArn"],
            "arn:aws:dynamodb:us-east-1:000000000000:table/Music");

  // Deleting the table in us-west-2 leaves the home replica, no longer global.
  OkIn(kWest, "DeleteTable", {{"TableName", "Music"}});
  const json home = Ok("DescribeTable", {{"TableName", "Music"}})["Table"];
  EXPECT_FALSE(home.contains("Replicas"));
  PutIn("", "after", "1");
  clock_.Advance(2);
  EXPECT_EQ(ValueIn(kWest, "after"), "1");  // the shared table again
}

TEST_F(GlobalTablesTest, DescribeReplicationShowsEachRegionAndWhatIsOnItsWay) {
  EXPECT_EQ(Playground("DescribeReplication", {{"TableName", "Music"}}),
            json::parse(R"({"TableName":"Music","ReplicationSeconds":1,"Regions":[
              {"RegionName":"us-east-1","ChangesInFlight":0,"ItemCount":0,"TableSizeBytes":0,
               "TableArn":"arn:aws:dynamodb:us-east-1:000000000000:table/Music"}]})"));
  ASSERT_EQ(ErrorOf(Replica("Create", kWest)), "OK");
  PutIn("", "a", "1");
  clock_.Advance(0.25);
  PutIn("", "b", "2");
  const json view = Playground("DescribeReplication", {{"TableName", "Music"}});
  EXPECT_EQ(view["GlobalTableVersion"], "2019.11.21");
  ASSERT_EQ(view["Regions"].size(), 2u);
  EXPECT_EQ(view["Regions"][0]["ItemCount"], 2);
  EXPECT_EQ(view["Regions"][0]["ChangesInFlight"], 0);
  EXPECT_EQ(view["Regions"][1]["RegionName"], kWest);
  EXPECT_EQ(view["Regions"][1]["ItemCount"], 0);
  EXPECT_EQ(view["Regions"][1]["ChangesInFlight"], 2);
  EXPECT_EQ(view["Regions"][1]["NextArrivalSeconds"], 0.75);
  clock_.Advance(1);
  EXPECT_EQ(Playground("DescribeReplication", {{"TableName", "Music"}})["Regions"][1]["ItemCount"],
            2);
  EXPECT_EQ(
      ErrorOf(engine_.Handle("Playground.DescribeReplication", json{{"TableName", "Nope"}}.dump())),
      "ResourceNotFoundException: Requested resource not found: Table: Nope not found");
}

TEST_F(GlobalTablesTest, ANewReplicaReceivesWhatIsOnItsWayToItsSource) {
  ASSERT_EQ(ErrorOf(Replica("Create", kEurope)), "OK");
  PutIn(kEurope, "k", "from Europe");  // on its way to us-east-1
  ASSERT_EQ(ErrorOf(Replica("Create", kWest)), "OK");
  clock_.Advance(10);
  EXPECT_EQ(ValueIn("", "k"), "from Europe");
  EXPECT_EQ(ValueIn(kWest, "k"), "from Europe");
  // And an older change than what the new replica copied loses there as at the source.
  PutIn(kEurope, "old", "older");
  clock_.Advance(0.25);
  PutIn("", "old", "newer");
  ASSERT_EQ(ErrorOf(Replica("Create", "ap-south-1")), "OK");
  clock_.Advance(2);
  for (const char* region : {"", kWest, kEurope, "ap-south-1"}) {
    EXPECT_EQ(ValueIn(region, "old"), "newer") << region;
  }
}

TEST_F(GlobalTablesTest, AWriteThatChangesNothingIsStillTheLastWrite) {
  ASSERT_EQ(ErrorOf(Replica("Create", kWest)), "OK");
  PutIn("", "k", "x");
  clock_.Advance(2);
  PutIn(kWest, "k", "y");
  clock_.Advance(0.5);
  PutIn("", "k", "x");  // the same item again, later than the west's write
  clock_.Advance(5);
  EXPECT_EQ(ValueIn("", "k"), "x");
  EXPECT_EQ(ValueIn(kWest, "k"), "x");
}

TEST_F(GlobalTablesTest, RegionsAreCheckedAgainstTheRequestsRegion) {
  EXPECT_EQ(ErrorOf(Call("UpdateTable", {{"TableName", "Music"},
                                         {"ReplicaUpdates", {{{"Create", {{"RegionName", 5}}}}}}})),
            "SerializationException: NUMBER_VALUE cannot be converted to String");
  // From eu-west-1, eu-west-1 is the local region, whichever region holds the table.
  EXPECT_EQ(ErrorOf(CallIn(kEurope, "UpdateTable",
                           {{"TableName", "Music"},
                            {"ReplicaUpdates", {{{"Create", {{"RegionName", kEurope}}}}}}})),
            "ValidationException: Cannot add or delete the local region through ReplicaUpdates. "
            "Use CreateTable, DeleteTable, or UpdateTable as required.");
  ASSERT_EQ(ErrorOf(Replica("Create", kEurope)), "OK");
  // A table ARN is the table of its region: from eu-west-1, the home region's ARN is not the
  // replica there.
  const std::string home_arn = "arn:aws:dynamodb:us-east-1:000000000000:table/Music";
  EXPECT_EQ(
      ErrorOf(CallIn(kEurope, "TagResource",
                     {{"ResourceArn", home_arn}, {"Tags", {{{"Key", "team"}, {"Value", "eu"}}}}})),
      "ValidationException: Invalid TableArn: Invalid ResourceArn provided as input " + home_arn);
  OkIn(kEurope, "TagResource",
       {{"ResourceArn", "arn:aws:dynamodb:eu-west-1:000000000000:table/Music"},
        {"Tags", {{{"Key", "team"}, {"Value", "eu"}}}}});
  EXPECT_EQ(Ok("ListTagsOfResource", {{"ResourceArn", home_arn}})["Tags"], json::array());
}

TEST_F(GlobalTablesTest, ListTablesInARegionNamesItsReplicas) {
  ASSERT_EQ(ErrorOf(Replica("Create", kWest)), "OK");
  CreateTable("Other");
  EXPECT_EQ(OkIn(kWest, "ListTables", json::object())["TableNames"],
            json::parse(R"(["Music","Other"])"));
}

TEST_F(GlobalTablesTest, TheLegacyOperationsAnswerAsForATableOfTheCurrentVersion) {
  ASSERT_EQ(ErrorOf(Replica("Create", kWest)), "OK");
  EXPECT_EQ(Ok("ListGlobalTables", json::object()), json::parse(R"({"GlobalTables":[]})"));
  EXPECT_EQ(ErrorOf(Call("DescribeGlobalTable", {{"GlobalTableName", "Music"}})),
            "GlobalTableNotFoundException: Global table not found: Global table with name: "
            "'Music' does not exist.");
  EXPECT_EQ(ErrorOf(Call("DescribeTableReplicaAutoScaling", {{"TableName", "Other"}})),
            "ResourceNotFoundException: Global table with name: 'Other' does not exist.");
  const json scaling = Ok("DescribeTableReplicaAutoScaling", {{"TableName", "Music"}});
  EXPECT_EQ(scaling["TableAutoScalingDescription"]["Replicas"].size(), 2u);
}

TEST_F(GlobalTablesTest, TheJournalReplaysRequestsInTheirRegions) {
  // The journal starts with the table.
  Ok("DeleteTable", {{"TableName", "Music"}});
  engine_.SetJournaling(true);
  CreateTable("Music");
  ASSERT_EQ(ErrorOf(Replica("Create", kWest)), "OK");
  PutIn(kWest, "from-west", "1");
  clock_.Advance(0.5);
  PutIn("", "from-west", "2");
  clock_.Advance(2);
  EXPECT_EQ(ValueIn(kWest, "from-west"), "2");
  const std::string journal = Engine::JournalHeader() + engine_.TakeJournal();

  base::ManualClock replay_clock;
  replay_clock.Set(clock_.NowSeconds());
  Engine replayed(replay_clock);
  const RestoreReport report = replayed.Restore(journal);
  EXPECT_EQ(report.diverged, 0u) << report.first_divergence;
  EXPECT_EQ(report.damage, "");
  const json got = json::parse(
      replayed
          .Handle("DynamoDB_20120810.GetItem",
                  json{{"TableName", "Music"}, {"Key", {{"pk", {{"S", "from-west"}}}}}}.dump(),
                  kWest)
          .body);
  EXPECT_EQ(got["Item"]["v"]["S"], "2");
}

TEST_F(GlobalTablesTest, ASnapshotKeepsReplicasChangesOnTheirWayAndWhoWroteLast) {
  ASSERT_EQ(ErrorOf(Replica("Create", kWest)), "OK");
  PutIn(kWest, "settled", "west");
  clock_.Advance(2);
  PutIn("", "settled", "east, later");  // on its way to us-west-2
  PutIn(kWest, "in-flight", "from the west");
  clock_.Advance(0.5);
  Engine& restored = RestoredFromSnapshot();
  auto value_in = [&](const std::string& region, const std::string& pk) {
    const json got = json::parse(
        restored
            .Handle("DynamoDB_20120810.GetItem",
                    json{{"TableName", "Music"}, {"Key", {{"pk", {{"S", pk}}}}}}.dump(), region)
            .body);
    return got.contains("Item") ? got["Item"]["v"]["S"].get<std::string>() : "absent";
  };
  const json west = json::parse(
      restored.Handle("DynamoDB_20120810.DescribeTable", json{{"TableName", "Music"}}.dump(), kWest)
          .body)["Table"];
  EXPECT_EQ(west["TableArn"], "arn:aws:dynamodb:us-west-2:000000000000:table/Music");
  EXPECT_EQ(west["Replicas"],
            json::parse(R"([{"RegionName":"us-east-1","ReplicaStatus":"ACTIVE"}])"));
  EXPECT_EQ(value_in(kWest, "settled"), "west");
  EXPECT_EQ(value_in("", "in-flight"), "absent");
  // The restored engine runs on its own clock, a second on.
  RestoredClockAdvance(1);
  EXPECT_EQ(value_in(kWest, "settled"), "east, later");
  EXPECT_EQ(value_in("", "in-flight"), "from the west");
  // And keeps replicating new writes, where the last writer still wins.
  restored.Handle("DynamoDB_20120810.PutItem",
                  json{{"TableName", "Music"},
                       {"Item", {{"pk", {{"S", "new"}}}, {"v", {{"S", "after the restore"}}}}}}
                      .dump(),
                  kWest);
  RestoredClockAdvance(1);
  EXPECT_EQ(value_in("", "new"), "after the restore");
}

TEST_F(GlobalTablesTest, IndexCreatesAndDeletesReachEveryReplica) {
  ASSERT_EQ(ErrorOf(Replica("Create", kWest)), "OK");
  PutIn("", "song", "blue");
  clock_.Advance(1);  // the item reaches us-west-2
  const json create = {{"TableName", "Music"},
                       {"AttributeDefinitions", {{{"AttributeName", "v"}, {"AttributeType", "S"}}}},
                       {"GlobalSecondaryIndexUpdates",
                        {{{"Create",
                           {{"IndexName", "ByValue"},
                            {"KeySchema", {{{"AttributeName", "v"}, {"KeyType", "HASH"}}}},
                            {"Projection", {{"ProjectionType", "ALL"}}}}}}}}};
  OkIn("", "UpdateTable", create);
  const json west = OkIn(kWest, "DescribeTable", {{"TableName", "Music"}})["Table"];
  ASSERT_EQ(west["GlobalSecondaryIndexes"].size(), 1u);
  EXPECT_EQ(west["GlobalSecondaryIndexes"][0]["IndexName"], "ByValue");
  EXPECT_EQ(west["GlobalSecondaryIndexes"][0]["IndexStatus"], "CREATING");
  EXPECT_EQ(west["GlobalSecondaryIndexes"][0]["IndexArn"],
            "arn:aws:dynamodb:us-west-2:000000000000:table/Music/index/ByValue");
  EXPECT_EQ(west["AttributeDefinitions"].size(), 2u);

  clock_.Advance(60);  // allocated and backfilled in both regions
  for (const char* region : {"", kWest}) {
    const json query = OkIn(region, "Query",
                            {{"TableName", "Music"},
                             {"IndexName", "ByValue"},
                             {"KeyConditionExpression", "v = :v"},
                             {"ExpressionAttributeValues", {{":v", {{"S", "blue"}}}}}});
    EXPECT_EQ(query["Count"], 1) << "in " << region;
  }
  // The index is in every region, so deleting it from us-west-2 deletes it everywhere.
  OkIn(kWest, "UpdateTable",
       {{"TableName", "Music"},
        {"GlobalSecondaryIndexUpdates", {{{"Delete", {{"IndexName", "ByValue"}}}}}}});
  clock_.Advance(10);
  for (const char* region : {"", kWest}) {
    const json table = OkIn(region, "DescribeTable", {{"TableName", "Music"}})["Table"];
    EXPECT_FALSE(table.contains("GlobalSecondaryIndexes")) << "in " << region << ": " << table;
    EXPECT_EQ(table["AttributeDefinitions"].size(), 1u) << "in " << region;
  }
}

TEST_F(GlobalTablesTest, AnIndexChangeRefusedChangesNoReplica) {
  ASSERT_EQ(ErrorOf(Replica("Create", kWest)), "OK");
  auto create = [](const std::string& name) {
    return json{{"TableName", "Music"},
                {"AttributeDefinitions", {{{"AttributeName", "v"}, {"AttributeType", "S"}}}},
                {"GlobalSecondaryIndexUpdates",
                 {{{"Create",
                    {{"IndexName", name},
                     {"KeySchema", {{{"AttributeName", "v"}, {"KeyType", "HASH"}}}},
                     {"Projection", {{"ProjectionType", "KEYS_ONLY"}}}}}}}}};
  };
  OkIn(kWest, "UpdateTable", create("First"));
  // Still creating in both regions: a second online index is refused, from either region, and
  // neither region gains it.
  Response second = CallIn("", "UpdateTable", create("Second"));
  EXPECT_EQ(ErrorOf(second),
            "LimitExceededException: Subscriber limit exceeded: Only 1 online index can be "
            "created or deleted simultaneously per table");
  for (const char* region : {"", kWest}) {
    const json table = OkIn(region, "DescribeTable", {{"TableName", "Music"}})["Table"];
    ASSERT_EQ(table["GlobalSecondaryIndexes"].size(), 1u) << "in " << region;
    EXPECT_EQ(table["GlobalSecondaryIndexes"][0]["IndexName"], "First");
  }
}

TEST_F(GlobalTablesTest, ADeletedReplicasStreamIsStillListedAndReadInItsRegion) {
  ASSERT_EQ(ErrorOf(Replica("Create", kEurope)), "OK");
  PutIn(kEurope, "song", "written in Ireland");
  const std::string europe_stream =
      OkIn(kEurope, "DescribeTable", {{"TableName", "Music"}})["Table"]["LatestStreamArn"];
  ASSERT_EQ(ErrorOf(Replica("Delete", kEurope)), "OK");
  auto list_in = [&](const std::string& region) {
    Response listed = engine_.Handle("DynamoDBStreams_20120810.ListStreams",
                                     json{{"TableName", "Music"}}.dump(), region);
    EXPECT_EQ(listed.status, 200) << listed.body;
    const json answer = json::parse(listed.body);
    std::vector<std::string> arns;
    for (const json& stream : answer["Streams"]) arns.push_back(stream["StreamArn"]);
    return arns;
  };
  // eu-west-1 now sees the shared table's stream and, for 24 hours, its replica's.
  const std::vector<std::string> europe = list_in(kEurope);
  EXPECT_NE(std::find(europe.begin(), europe.end(), europe_stream), europe.end());
  const std::vector<std::string> home = list_in("");
  EXPECT_EQ(std::find(home.begin(), home.end(), europe_stream), home.end());
  ASSERT_EQ(home.size(), 1u);
  EXPECT_NE(std::find(europe.begin(), europe.end(), home[0]), europe.end());

  Response described = engine_.Handle("DynamoDBStreams_20120810.DescribeStream",
                                      json{{"StreamArn", europe_stream}}.dump(), kEurope);
  ASSERT_EQ(described.status, 200) << described.body;
  EXPECT_EQ(json::parse(described.body)["StreamDescription"]["StreamStatus"], "DISABLED");
}

TEST_F(GlobalTablesTest, ReplicaAutoScalingIsRefusedForOnDemandReplicas) {
  EXPECT_EQ(ErrorOf(Call("UpdateTableReplicaAutoScaling", {{"TableName", "Music"}})),
            "ResourceNotFoundException: Global table with name: 'Music' does not exist.");
  ASSERT_EQ(ErrorOf(Replica("Create", kWest)), "OK");
  const json scaling = {{"MinimumUnits", 5}, {"MaximumUnits", 100}};
  EXPECT_EQ(ErrorOf(Call(
                "UpdateTableReplicaAutoScaling",
                {{"TableName", "Music"}, {"ProvisionedWriteCapacityAutoScalingUpdate", scaling}})),
            "ValidationException: Failed to update global table with name \u2018Music\u2018. "
            "Replicas 'US-EAST-1', 'US-WEST-2' BillingMode is PayPerRequest. You must convert "
            "table's BillingMode to PROVISIONED to set parameters: "
            "'GlobalTableProvisionedWriteCapacityAutoScalingSettingsUpdate'.");
  const json replica_read = {
      {"TableName", "Music"},
      {"ReplicaUpdates",
       {{{"RegionName", kWest}, {"ReplicaProvisionedReadCapacityAutoScalingUpdate", scaling}}}}};
  EXPECT_NE(
      ErrorOf(Call("UpdateTableReplicaAutoScaling", replica_read))
          .find("to set parameters: 'ReplicaProvisionedReadCapacityAutoScalingSettingsUpdate'."),
      std::string::npos);
  // Turning scaling off asks for nothing an on-demand table refuses.
  const json answer =
      Ok("UpdateTableReplicaAutoScaling",
         {{"TableName", "Music"},
          {"ProvisionedWriteCapacityAutoScalingUpdate", {{"AutoScalingDisabled", true}}}});
  EXPECT_EQ(answer["TableAutoScalingDescription"]["TableName"], "Music");
  EXPECT_EQ(answer["TableAutoScalingDescription"]["Replicas"].size(), 2u);
}

TEST_F(GlobalTablesTest, AReplicaKeepsItsOwnReadMaximumAndTableClass) {
  ASSERT_EQ(ErrorOf(Replica("Create", kWest)), "OK");
  auto update = [&](const std::string& region, const json& action) {
    json body = action;
    body["RegionName"] = region;
    return Call("UpdateTable", {{"TableName", "Music"}, {"ReplicaUpdates", {{{"Update", body}}}}});
  };
  const json read_50 = {{"OnDemandThroughputOverride", {{"MaxReadRequestUnits", 50}}}};
  EXPECT_EQ(ErrorOf(update(kWest, json::object())),
            "ValidationException: There are no actions specified in the Replica Update Action "
            "of the request.");
  EXPECT_EQ(ErrorOf(update(kWest, {{"KMSMasterKeyId", "alias/mine"}})),
            "ValidationException: One or more parameter values were invalid: KMSMasterKeyId must "
            "be specified for each replica.");
  EXPECT_EQ(ErrorOf(update("us-east-1", read_50)),
            "ValidationException: Cannot add, delete, or update the local region through "
            "ReplicaUpdates. Use CreateTable, DeleteTable, or UpdateTable as required.");
  EXPECT_EQ(ErrorOf(update(kEurope, read_50)),
            "ValidationException: Update global table operation failed because one or more "
            "replicas were not part of the global table. Please retry the request without these "
            "replicas: [eu-west-1].");
  EXPECT_EQ(ErrorOf(update(kWest, {{"ProvisionedThroughputOverride", {{"ReadCapacityUnits", 5}}}})),
            "ValidationException: Neither ReadCapacityUnits nor WriteCapacityUnits can be "
            "specified when BillingMode is PAY_PER_REQUEST");
  EXPECT_EQ(ErrorOf(update(kWest, {{"TableClassOverride", "GLACIER"}})),
            "ValidationException: Invalid table-class parameter provided. Please try again with "
            "a valid table-class value: [STANDARD, STANDARD_INFREQUENT_ACCESS].");
  // An index entry with no override asks for nothing.
  EXPECT_EQ(ErrorOf(update(kWest, {{"GlobalSecondaryIndexes", {{{"IndexName", "Nope"}}}}})),
            "ValidationException: There are no actions specified in the Replica Update Action "
            "of the request.");
  EXPECT_EQ(
      ErrorOf(update(kWest, {{"GlobalSecondaryIndexes",
                              {{{"IndexName", "Nope"},
                                {"OnDemandThroughputOverride", {{"MaxReadRequestUnits", 50}}}}}}})),
      "ResourceNotFoundException: Requested resource not found: Index Nope for table Music");
  EXPECT_EQ(ErrorOf(Call("UpdateTable", {{"TableName", "Music"},
                                         {"ReplicaUpdates", {{{"Update", {{"RegionName", 7}}}}}}})),
            "SerializationException: NUMBER_VALUE cannot be converted to String");

  ASSERT_EQ(ErrorOf(update(kWest, read_50)), "OK");
  ASSERT_EQ(ErrorOf(update(kWest, {{"TableClassOverride", "STANDARD_INFREQUENT_ACCESS"}})), "OK");
  const json home = Ok("DescribeTable", {{"TableName", "Music"}})["Table"];
  EXPECT_EQ(home["Replicas"][0]["OnDemandThroughputOverride"],
            json::parse(R"({"MaxReadRequestUnits":50})"));
  EXPECT_EQ(home["Replicas"][0]["ReplicaTableClassSummary"]["TableClass"],
            "STANDARD_INFREQUENT_ACCESS");
  EXPECT_EQ(home["OnDemandThroughput"]["MaxReadRequestUnits"], -1);
  EXPECT_FALSE(home.contains("TableClassSummary"));
  const json west = OkIn(kWest, "DescribeTable", {{"TableName", "Music"}})["Table"];
  EXPECT_EQ(west["OnDemandThroughput"]["MaxReadRequestUnits"], 50);
  EXPECT_EQ(west["TableClassSummary"]["TableClass"], "STANDARD_INFREQUENT_ACCESS");
  // From us-west-2 the home region is the replica that differs.
  EXPECT_EQ(west["Replicas"][0]["OnDemandThroughputOverride"],
            json::parse(R"({"MaxReadRequestUnits":-1})"));

  // The base value again: no override left.
  ASSERT_EQ(ErrorOf(update(kWest, {{"OnDemandThroughputOverride", {{"MaxReadRequestUnits", -1}}}})),
            "OK");
  EXPECT_FALSE(Ok("DescribeTable", {{"TableName", "Music"}})["Table"]["Replicas"][0].contains(
      "OnDemandThroughputOverride"));
}

}  // namespace
}  // namespace ddbpg::testing
