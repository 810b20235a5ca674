// Backups and point-in-time recovery (issue #16 part 3): CreateBackup, DescribeBackup,
// ListBackups, DeleteBackup, RestoreTableFromBackup, UpdateContinuousBackups,
// DescribeContinuousBackups and RestoreTableToPointInTime on the engine's clock; their errors;
// backups and PITR histories kept by snapshots and the journal; and random writes over simulated
// time restored at random instants against a model of the table (seeded).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "tests/engine/support/engine_fixture.h"
#include "tests/engine/support/model_random.h"

namespace ddbpg::testing {
namespace {

using model::Random;

constexpr const char* kTableArn = "arn:aws:dynamodb:us-east-1:000000000000:table/Music";
constexpr double kDay = 24 * 3600;

class BackupsTest : public EngineFixture {
 protected:
  void SetUp() override { CreateTable("Music"); }

  void Put(const std::string& table, const std::string& pk, const std::string& value) {
    Ok("PutItem", {{"TableName", table}, {"Item", {{"pk", {{"S", pk}}}, {"v", {{"S", value}}}}}});
  }
  void Delete(const std::string& table, const std::string& pk) {
    Ok("DeleteItem", {{"TableName", table}, {"Key", {{"pk", {{"S", pk}}}}}});
  }
  // The table's items as "pk=v" in key order.
  std::map<std::string, std::string> Items(const std::string& table) {
    std::map<std::string, std::string> items;
    json body = Ok("Scan", {{"TableName", table}});
    for (const json& item : body["Items"]) {
      items[item["pk"]["S"].get<std::string>()] = item["v"]["S"].get<std::string>();
    }
    return items;
  }
  std::string Backup(const std::string& table, const std::string& name) {
    return Ok("CreateBackup",
              {{"TableName", table}, {"BackupName", name}})["BackupDetails"]["BackupArn"];
  }
  json EnablePitr(const std::string& table, int days = 0) {
    json specification = {{"PointInTimeRecoveryEnabled", true}};
    if (days > 0) specification["RecoveryPeriodInDays"] = days;
    return Ok("UpdateContinuousBackups",
              {{"TableName", table}, {"PointInTimeRecoverySpecification", specification}});
  }
  Response RestoreAt(const std::string& target, double at) {
    return Call(
        "RestoreTableToPointInTime",
        {{"SourceTableName", "Music"}, {"TargetTableName", target}, {"RestoreDateTime", at}});
  }
};

// --- on-demand backups ---

TEST_F(BackupsTest, CreateBackupAnswersItsDetailsInTheServiceForm) {
  Put("Music", "a", "1");
  json details =
      Ok("CreateBackup", {{"TableName", "Music"}, {"BackupName", "first"}})["BackupDetails"];
  const std::string arn = details["BackupArn"];
  EXPECT_TRUE(
      std::regex_match(arn, std::regex(std::string(kTableArn) + "/backup/[0-9]{14}-[0-9a-f]{8}")))
      << arn;
  EXPECT_EQ(arn.substr(arn.find("/backup/") + 8, 14), "01767225600000");
  EXPECT_EQ(details["BackupName"], "first");
  EXPECT_EQ(details["BackupStatus"], "AVAILABLE");
  EXPECT_EQ(details["BackupType"], "USER");
  EXPECT_EQ(details["BackupCreationDateTime"], clock_.NowSeconds());
  EXPECT_GT(details["BackupSizeBytes"].get<long long>(), 0);
  EXPECT_FALSE(details.contains("BackupExpiryDateTime"));
  // Two backups in the same millisecond still get different ARNs.
  EXPECT_NE(Backup("Music", "second"), arn);
}

TEST_F(BackupsTest, DescribeBackupShowsTheSourceTableAsItWas) {
  Ok("CreateTable",
     {{"TableName", "Indexed"},
      {"KeySchema",
       {{{"AttributeName", "pk"}, {"KeyType", "HASH"}},
        {{"AttributeName", "sk"}, {"KeyType", "RANGE"}}}},
      {"AttributeDefinitions",
       {{{"AttributeName", "pk"}, {"AttributeType", "S"}},
        {{"AttributeName", "sk"}, {"AttributeType", "S"}},
        {{"AttributeName", "g"}, {"AttributeType", "S"}},
        {{"AttributeName", "l"}, {"AttributeType", "N"}}}},
      {"ProvisionedThroughput", {{"ReadCapacityUnits", 5}, {"WriteCapacityUnits", 6}}},
      {"GlobalSecondaryIndexes",
       {{{"IndexName", "ByG"},
         {"KeySchema", {{{"AttributeName", "g"}, {"KeyType", "HASH"}}}},
         {"Projection", {{"ProjectionType", "KEYS_ONLY"}}},
         {"ProvisionedThroughput", {{"ReadCapacityUnits", 1}, {"WriteCapacityUnits", 2}}}}}},
      {"LocalSecondaryIndexes",
       {{{"IndexName", "ByL"},
         {"KeySchema",
          {{{"AttributeName", "pk"}, {"KeyType", "HASH"}},
           {{"AttributeName", "l"}, {"KeyType", "RANGE"}}}},
         {"Projection", {{"ProjectionType", "ALL"}}}}}},
      {"StreamSpecification", {{"StreamEnabled", true}, {"StreamViewType", "NEW_IMAGE"}}}});
  Ok("PutItem", {{"TableName", "Indexed"},
                 {"Item", {{"pk", {{"S", "a"}}}, {"sk", {{"S", "1"}}}, {"g", {{"S", "x"}}}}}});
  const std::string arn = Backup("Indexed", "snap");
  json description = Ok("DescribeBackup", {{"BackupArn", arn}})["BackupDescription"];
  EXPECT_EQ(description["BackupDetails"]["BackupArn"], arn);
  const json& source = description["SourceTableDetails"];
  EXPECT_EQ(source["TableName"], "Indexed");
  EXPECT_EQ(source["TableArn"], "arn:aws:dynamodb:us-east-1:000000000000:table/Indexed");
  EXPECT_EQ(source["ItemCount"], 1);
  EXPECT_EQ(source["BillingMode"], "PROVISIONED");
  EXPECT_EQ(source["ProvisionedThroughput"],
            json({{"ReadCapacityUnits", 5}, {"WriteCapacityUnits", 6}}));
  EXPECT_EQ(source["KeySchema"].size(), 2u);
  const json& features = description["SourceTableFeatureDetails"];
  EXPECT_EQ(features["GlobalSecondaryIndexes"][0]["IndexName"], "ByG");
  EXPECT_EQ(features["GlobalSecondaryIndexes"][0]["ProvisionedThroughput"]["WriteCapacityUnits"],
            2);
  EXPECT_EQ(features["LocalSecondaryIndexes"][0]["IndexName"], "ByL");
  EXPECT_EQ(features["StreamDescription"],
            json({{"StreamEnabled", true}, {"StreamViewType", "NEW_IMAGE"}}));
}

TEST_F(BackupsTest, ABackupHoldsTheItemsOfItsMoment) {
  Put("Music", "a", "1");
  Put("Music", "b", "1");
  const std::string arn = Backup("Music", "before");
  Put("Music", "a", "2");
  Delete("Music", "b");
  Put("Music", "c", "1");
  clock_.Advance(60);
  json restored = Ok("RestoreTableFromBackup", {{"TargetTableName", "Copy"}, {"BackupArn", arn}});
  const json& description = restored["TableDescription"];
  EXPECT_EQ(description["TableStatus"], "CREATING");
  EXPECT_EQ(description["RestoreSummary"]["SourceBackupArn"], arn);
  EXPECT_EQ(description["RestoreSummary"]["SourceTableArn"], kTableArn);
  EXPECT_EQ(description["RestoreSummary"]["RestoreDateTime"], clock_.NowSeconds() - 60);
  EXPECT_EQ(description["RestoreSummary"]["RestoreInProgress"], true);
  EXPECT_EQ(Items("Copy"), (std::map<std::string, std::string>{{"a", "1"}, {"b", "1"}}));
  EXPECT_EQ(Items("Music"), (std::map<std::string, std::string>{{"a", "2"}, {"c", "1"}}));
  json table = Ok("DescribeTable", {{"TableName", "Copy"}})["Table"];
  EXPECT_EQ(table["TableStatus"], "ACTIVE");
  EXPECT_EQ(table["RestoreSummary"]["RestoreInProgress"], false);
  EXPECT_EQ(table["CreationDateTime"], clock_.NowSeconds());
  EXPECT_EQ(table["BillingModeSummary"]["BillingMode"], "PAY_PER_REQUEST");
  EXPECT_EQ(table["ItemCount"], 2);
  EXPECT_NE(table["TableId"], Ok("DescribeTable", {{"TableName", "Music"}})["Table"]["TableId"]);
  // The backup outlives its table, and restores after the table is gone.
  Ok("DeleteTable", {{"TableName", "Music"}});
  EXPECT_EQ(ErrorOf(Call("DescribeBackup", {{"BackupArn", arn}})), "OK");
  Ok("RestoreTableFromBackup", {{"TargetTableName", "Music"}, {"BackupArn", arn}});
  EXPECT_EQ(Items("Music").size(), 2u);
}

TEST_F(BackupsTest, RestoreKeepsIndexesUnlessOverridden) {
  Ok("CreateTable",
     {{"TableName", "Indexed"},
      {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
      {"AttributeDefinitions",
       {{{"AttributeName", "pk"}, {"AttributeType", "S"}},
        {{"AttributeName", "g"}, {"AttributeType", "S"}}}},
      {"ProvisionedThroughput", {{"ReadCapacityUnits", 5}, {"WriteCapacityUnits", 5}}},
      {"GlobalSecondaryIndexes",
       {{{"IndexName", "ByG"},
         {"KeySchema", {{{"AttributeName", "g"}, {"KeyType", "HASH"}}}},
         {"Projection", {{"ProjectionType", "ALL"}}},
         {"ProvisionedThroughput", {{"ReadCapacityUnits", 1}, {"WriteCapacityUnits", 1}}}}}}});
  Ok("PutItem", {{"TableName", "Indexed"}, {"Item", {{"pk", {{"S", "a"}}}, {"g", {{"S", "x"}}}}}});
  const std::string arn = Backup("Indexed", "bkp");

  Ok("RestoreTableFromBackup", {{"TargetTableName", "Same"}, {"BackupArn", arn}});
  json query = Ok("Query", {{"TableName", "Same"},
                            {"IndexName", "ByG"},
                            {"KeyConditionExpression", "g = :g"},
                            {"ExpressionAttributeValues", {{":g", {{"S", "x"}}}}}});
  EXPECT_EQ(query["Count"], 1);
  json same = Ok("DescribeTable", {{"TableName", "Same"}})["Table"];
  EXPECT_EQ(same["ProvisionedThroughput"]["ReadCapacityUnits"], 5);

  // No global indexes, on demand: the unused attribute definition goes with the index.
  Ok("RestoreTableFromBackup", {{"TargetTableName", "Bare"},
                                {"BackupArn", arn},
                                {"BillingModeOverride", "PAY_PER_REQUEST"},
                                {"GlobalSecondaryIndexOverride", json::array()}});
  json bare = Ok("DescribeTable", {{"TableName", "Bare"}})["Table"];
  EXPECT_FALSE(bare.contains("GlobalSecondaryIndexes"));
  EXPECT_EQ(bare["AttributeDefinitions"].size(), 1u);
  EXPECT_EQ(bare["BillingModeSummary"]["BillingMode"], "PAY_PER_REQUEST");
  EXPECT_EQ(bare["ItemCount"], 1);

  // Its own capacity: the restored table takes the throughput it is given.
  Ok("RestoreTableFromBackup",
     {{"TargetTableName", "Bigger"},
      {"BackupArn", arn},
      {"ProvisionedThroughputOverride", {{"ReadCapacityUnits", 50}, {"WriteCapacityUnits", 40}}}});
  json bigger = Ok("DescribeTable", {{"TableName", "Bigger"}})["Table"];
  EXPECT_EQ(bigger["ProvisionedThroughput"]["ReadCapacityUnits"], 50);
  EXPECT_EQ(bigger["ProvisionedThroughput"]["WriteCapacityUnits"], 40);
  EXPECT_EQ(same["ProvisionedThroughput"]["ReadCapacityUnits"], 5);

  // A replacing global index is checked as CreateTable checks one.
  EXPECT_EQ(ErrorOf(Call("RestoreTableFromBackup",
                         {{"TargetTableName", "Wrong"},
                          {"BackupArn", arn},
                          {"GlobalSecondaryIndexOverride",
                           {{{"IndexName", "ByH"},
                             {"KeySchema", {{{"AttributeName", "h"}, {"KeyType", "HASH"}}}},
                             {"Projection", {{"ProjectionType", "ALL"}}},
                             {"ProvisionedThroughput",
                              {{"ReadCapacityUnits", 1}, {"WriteCapacityUnits", 1}}}}}}})),
            "ValidationException: One or more parameter values were invalid: Some index key "
            "attributes are not defined in AttributeDefinitions. Keys: [h], AttributeDefinitions: "
            "[pk]");
  EXPECT_EQ(ErrorOf(Call("RestoreTableFromBackup",
                         {{"TargetTableName", "Wrong"},
                          {"BackupArn", arn},
                          {"BillingModeOverride", "PAY_PER_REQUEST"},
                          {"ProvisionedThroughputOverride",
                           {{"ReadCapacityUnits", 1}, {"WriteCapacityUnits", 1}}}})),
            "ValidationException: One or more parameter values were invalid: Neither "
            "ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is "
            "PAY_PER_REQUEST");
  EXPECT_EQ(ErrorOf(Call("DescribeTable", {{"TableName", "Wrong"}})).substr(0, 25),
            "ResourceNotFoundException");
}

TEST_F(BackupsTest, AnOverridingIndexTakesItsWarmThroughput) {
  Ok("CreateTable", {{"TableName", "Indexed"},
                     {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
                     {"AttributeDefinitions",
                      {{{"AttributeName", "pk"}, {"AttributeType", "S"}},
                       {{"AttributeName", "g"}, {"AttributeType", "S"}}}},
                     {"BillingMode", "PAY_PER_REQUEST"},
                     {"GlobalSecondaryIndexes",
                      {{{"IndexName", "ByG"},
                        {"KeySchema", {{{"AttributeName", "g"}, {"KeyType", "HASH"}}}},
                        {"Projection", {{"ProjectionType", "KEYS_ONLY"}}}}}}});
  const std::string arn = Backup("Indexed", "bkp");
  auto overriding = [](const json& warm) {
    json index = {{"IndexName", "ByG"},
                  {"KeySchema", {{{"AttributeName", "g"}, {"KeyType", "HASH"}}}},
                  {"Projection", {{"ProjectionType", "ALL"}}}};
    if (!warm.is_null()) index["WarmThroughput"] = warm;
    return json::array({index});
  };
  auto index_warm = [&](const std::string& table) {
    return Ok("DescribeTable",
              {{"TableName", table}})["Table"]["GlobalSecondaryIndexes"][0]["WarmThroughput"];
  };
  Ok("RestoreTableFromBackup", {{"TargetTableName", "Cold"},
                                {"BackupArn", arn},
                                {"GlobalSecondaryIndexOverride", overriding(nullptr)}});
  EXPECT_EQ(index_warm("Cold")["WriteUnitsPerSecond"], 4000);  // a new on-demand index's

  Ok("RestoreTableFromBackup",
     {{"TargetTableName", "Warm"},
      {"BackupArn", arn},
      {"GlobalSecondaryIndexOverride", overriding({{"WriteUnitsPerSecond", 20000}})}});
  EXPECT_GE(index_warm("Warm")["WriteUnitsPerSecond"].get<long long>(), 20000);
  EXPECT_GE(index_warm("Warm")["ReadUnitsPerSecond"], index_warm("Cold")["ReadUnitsPerSecond"]);

  // Checked as CreateTable checks an index's: not below what a new on-demand index serves.
  EXPECT_EQ(ErrorOf(Call("RestoreTableFromBackup", {{"TargetTableName", "Wrong"},
                                                    {"BackupArn", arn},
                                                    {"GlobalSecondaryIndexOverride",
                                                     overriding({{"ReadUnitsPerSecond", 100}})}})),
            ErrorOf(Call("CreateTable",
                         {{"TableName", "Wrong"},
                          {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
                          {"AttributeDefinitions",
                           {{{"AttributeName", "pk"}, {"AttributeType", "S"}},
                            {{"AttributeName", "g"}, {"AttributeType", "S"}}}},
                          {"BillingMode", "PAY_PER_REQUEST"},
                          {"GlobalSecondaryIndexes", overriding({{"ReadUnitsPerSecond", 100}})}})));
  EXPECT_EQ(ErrorOf(Call("DescribeTable", {{"TableName", "Wrong"}})).substr(0, 25),
            "ResourceNotFoundException");
}

TEST_F(BackupsTest, ListBackupsFiltersAndPages) {
  CreateTable("Other");
  const std::string a = Backup("Music", "bka");  // t0
  clock_.Advance(10);
  const std::string b = Backup("Other", "bkb");  // t0 + 10
  clock_.Advance(10);
  const std::string c = Backup("Music", "bkc");  // t0 + 20
  const double t0 = clock_.NowSeconds() - 20;
  auto arns = [&](const json& request) {
    std::vector<std::string> listed;
    const json body = Ok("ListBackups", request);
    for (const json& summary : body["BackupSummaries"]) {
      listed.push_back(summary["BackupArn"]);
    }
    return listed;
  };
  EXPECT_EQ(arns(json::object()), (std::vector<std::string>{a, b, c}));
  EXPECT_EQ(arns({{"TableName", "Music"}}), (std::vector<std::string>{a, c}));
  // The lower bound is inclusive, the upper exclusive.
  EXPECT_EQ(arns({{"TimeRangeLowerBound", t0 + 10}}), (std::vector<std::string>{b, c}));
  EXPECT_EQ(arns({{"TimeRangeUpperBound", t0 + 20}}), (std::vector<std::string>{a, b}));
  EXPECT_EQ(arns({{"BackupType", "SYSTEM"}}), std::vector<std::string>{});
  EXPECT_EQ(arns({{"BackupType", "ALL"}}).size(), 3u);

  json first = Ok("ListBackups", {{"Limit", 2}});
  EXPECT_EQ(first["BackupSummaries"].size(), 2u);
  EXPECT_EQ(first["LastEvaluatedBackupArn"], b);
  const json& summary = first["BackupSummaries"][0];
  EXPECT_EQ(summary["TableName"], "Music");
  EXPECT_EQ(summary["TableArn"], kTableArn);
  EXPECT_EQ(summary["BackupName"], "bka");
  EXPECT_EQ(summary["BackupStatus"], "AVAILABLE");
  EXPECT_EQ(summary["BackupType"], "USER");
  json second = Ok("ListBackups", {{"Limit", 2}, {"ExclusiveStartBackupArn", b}});
  EXPECT_EQ(second["BackupSummaries"].size(), 1u);
  EXPECT_FALSE(second.contains("LastEvaluatedBackupArn"));
}

TEST_F(BackupsTest, DeleteBackupAnswersDeletedThenTheBackupIsGone) {
  const std::string arn = Backup("Music", "gone");
  json deleted = Ok("DeleteBackup", {{"BackupArn", arn}})["BackupDescription"];
  EXPECT_EQ(deleted["BackupDetails"]["BackupStatus"], "DELETED");
  EXPECT_EQ(deleted["SourceTableDetails"]["TableName"], "Music");
  EXPECT_EQ(ErrorOf(Call("DescribeBackup", {{"BackupArn", arn}})),
            "BackupNotFoundException: Backup not found: " + arn);
  EXPECT_EQ(ErrorOf(Call("DeleteBackup", {{"BackupArn", arn}})),
            "BackupNotFoundException: Backup not found: " + arn);
  EXPECT_EQ(
      ErrorOf(Call("RestoreTableFromBackup", {{"TargetTableName", "Xyz"}, {"BackupArn", arn}})),
      "BackupNotFoundException: Backup not found: " + arn);
  EXPECT_EQ(Ok("ListBackups", json::object())["BackupSummaries"], json::array());
}

TEST_F(BackupsTest, BackupErrorsUseTheServiceTexts) {
  EXPECT_EQ(
      ErrorOf(Call("CreateBackup", {{"TableName", "Nope"}, {"BackupName", "b"}})).substr(0, 20),
      "ValidationException:");  // "b" is too short, checked before the table
  EXPECT_EQ(ErrorOf(Call("CreateBackup", {{"TableName", "Nope"}, {"BackupName", "bbb"}})),
            "TableNotFoundException: Table not found: Nope");
  EXPECT_EQ(ErrorOf(Call("CreateBackup", {{"TableName", "Music"}})),
            "ValidationException: 1 validation error detected: Value null at 'backupName' failed "
            "to satisfy constraint: Member must not be null");
  EXPECT_EQ(ErrorOf(Call("CreateBackup", {{"TableName", "Music"}, {"BackupName", "a b c"}})),
            "ValidationException: 1 validation error detected: Value 'a b c' at 'backupName' "
            "failed to satisfy constraint: Member must satisfy regular expression pattern: "
            "[a-zA-Z0-9_.-]+");
  EXPECT_EQ(ErrorOf(Call("CreateBackup", {{"TableName", "Music"}, {"BackupName", 5}})),
            "SerializationException: NUMBER_VALUE cannot be converted to String");
  EXPECT_EQ(ErrorOf(Call("DescribeBackup", {{"BackupArn", "arn:short"}})),
            "ValidationException: 1 validation error detected: Value 'arn:short' at 'backupArn' "
            "failed to satisfy constraint: Member must have length greater than or equal to 37");
  EXPECT_EQ(ErrorOf(Call("DescribeBackup", json::object())),
            "ValidationException: 1 validation error detected: Value null at 'backupArn' failed "
            "to satisfy constraint: Member must not be null");
  EXPECT_EQ(ErrorOf(Call("ListBackups", {{"Limit", 0}})),
            "ValidationException: 1 validation error detected: Value '0' at 'limit' failed to "
            "satisfy constraint: Member must have value greater than or equal to 1");
  EXPECT_EQ(ErrorOf(Call("ListBackups", {{"BackupType", "MINE"}})),
            "ValidationException: 1 validation error detected: Value 'MINE' at 'backupType' "
            "failed to satisfy constraint: Member must satisfy enum value set: [USER, SYSTEM, "
            "AWS_BACKUP, ALL]");
  EXPECT_EQ(ErrorOf(Call("ListBackups", {{"TimeRangeLowerBound", "yesterday"}})),
            "SerializationException: STRING_VALUE cannot be converted to Date");
  EXPECT_EQ(ErrorOf(Call("ListBackups", {{"TimeRangeLowerBound", 10}, {"TimeRangeUpperBound", 5}})),
            "ValidationException: TimeRangeUpperBound must be greater than TimeRangeLowerBound");
  const std::string arn = Backup("Music", "bk1");
  EXPECT_EQ(
      ErrorOf(Call("RestoreTableFromBackup", {{"TargetTableName", "Music"}, {"BackupArn", arn}})),
      "TableAlreadyExistsException: Table already exists: Music");
  EXPECT_EQ(ErrorOf(Call("RestoreTableFromBackup", {{"BackupArn", arn}})),
            "ValidationException: 1 validation error detected: Value null at 'targetTableName' "
            "failed to satisfy constraint: Member must not be null");
  EXPECT_EQ(ErrorOf(Call("RestoreTableFromBackup", {{"TargetTableName", "Tgt2"},
                                                    {"BackupArn", arn},
                                                    {"BillingModeOverride", "FREE"}})),
            "ValidationException: 1 validation error detected: Value 'FREE' at "
            "'billingModeOverride' failed to satisfy constraint: Member must satisfy enum value "
            "set: [PROVISIONED, PAY_PER_REQUEST]");
  // An on-demand source restored as provisioned needs its throughput.
  EXPECT_EQ(ErrorOf(Call("RestoreTableFromBackup", {{"TargetTableName", "Tgt2"},
                                                    {"BackupArn", arn},
                                                    {"BillingModeOverride", "PROVISIONED"}})),
            "ValidationException: One or more parameter values were invalid: ReadCapacityUnits "
            "and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
}

// --- point-in-time recovery ---

TEST_F(BackupsTest, ContinuousBackupsAreEnabledAndPitrIsOffByDefault) {
  EXPECT_EQ(Ok("DescribeContinuousBackups", {{"TableName", "Music"}}),
            json::parse(R"({"ContinuousBackupsDescription":{"ContinuousBackupsStatus":"ENABLED",
                "PointInTimeRecoveryDescription":{"PointInTimeRecoveryStatus":"DISABLED"}}})"));
  EXPECT_EQ(ErrorOf(Call("DescribeContinuousBackups", {{"TableName", "Nope"}})),
            "TableNotFoundException: Table not found: Nope");
  EXPECT_EQ(ErrorOf(RestoreAt("Copy", clock_.NowSeconds())),
            "PointInTimeRecoveryUnavailableException: Point in time recovery is not enabled for "
            "table 'Music'");
}

TEST_F(BackupsTest, EnablingStartsTheWindowWhichSlidesWithTheClock) {
  const double enabled_at = clock_.NowSeconds();
  json description = EnablePitr("Music")["ContinuousBackupsDescription"];
  const json& recovery = description["PointInTimeRecoveryDescription"];
  EXPECT_EQ(recovery["PointInTimeRecoveryStatus"], "ENABLED");
  EXPECT_EQ(recovery["RecoveryPeriodInDays"], 35);
  EXPECT_EQ(recovery["EarliestRestorableDateTime"], enabled_at);
  EXPECT_EQ(recovery["LatestRestorableDateTime"], enabled_at);

  clock_.Advance(40 * kDay);
  json later =
      Ok("DescribeContinuousBackups", {{"TableName", "Music"}})["ContinuousBackupsDescription"];
  EXPECT_EQ(later["PointInTimeRecoveryDescription"]["EarliestRestorableDateTime"],
            clock_.NowSeconds() - 35 * kDay);
  EXPECT_EQ(later["PointInTimeRecoveryDescription"]["LatestRestorableDateTime"],
            clock_.NowSeconds());

  // A shorter period moves the earliest time forward at once.
  json shorter =
      EnablePitr("Music", 7)["ContinuousBackupsDescription"]["PointInTimeRecoveryDescription"];
  EXPECT_EQ(shorter["RecoveryPeriodInDays"], 7);
  EXPECT_EQ(shorter["EarliestRestorableDateTime"], clock_.NowSeconds() - 7 * kDay);

  json disabled =
      Ok("UpdateContinuousBackups",
         {{"TableName", "Music"},
          {"PointInTimeRecoverySpecification", {{"PointInTimeRecoveryEnabled", false}}}});
  EXPECT_EQ(disabled["ContinuousBackupsDescription"]["PointInTimeRecoveryDescription"],
            json({{"PointInTimeRecoveryStatus", "DISABLED"}}));
}

TEST_F(BackupsTest, UpdateContinuousBackupsChecksItsMembers) {
  EXPECT_EQ(ErrorOf(Call("UpdateContinuousBackups", {{"TableName", "Music"}})),
            "ValidationException: 1 validation error detected: Value null at "
            "'pointInTimeRecoverySpecification' failed to satisfy constraint: Member must not be "
            "null");
  EXPECT_EQ(ErrorOf(Call("UpdateContinuousBackups",
                         {{"TableName", "Music"},
                          {"PointInTimeRecoverySpecification",
                           {{"PointInTimeRecoveryEnabled", true}, {"RecoveryPeriodInDays", 36}}}})),
            "ValidationException: 1 validation error detected: Value '36' at "
            "'pointInTimeRecoverySpecification.recoveryPeriodInDays' failed to satisfy constraint: "
            "Member must have value less than or equal to 35");
  EXPECT_EQ(ErrorOf(Call("UpdateContinuousBackups",
                         {{"TableName", "Music"},
                          {"PointInTimeRecoverySpecification",
                           {{"PointInTimeRecoveryEnabled", true}, {"RecoveryPeriodInDays", 0}}}})),
            "ValidationException: 1 validation error detected: Value '0' at "
            "'pointInTimeRecoverySpecification.recoveryPeriodInDays' failed to satisfy constraint: "
            "Member must have value greater than or equal to 1");
  EXPECT_EQ(
      ErrorOf(Call("UpdateContinuousBackups",
                   {{"TableName", "Music"}, {"PointInTimeRecoverySpecification", json::object()}})),
      "ValidationException: 1 validation error detected: Value null at "
      "'pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled' failed to satisfy "
      "constraint: Member must not be null");
  EXPECT_EQ(ErrorOf(Call("UpdateContinuousBackups", {{"TableName", "Nope"},
                                                     {"PointInTimeRecoverySpecification",
                                                      {{"PointInTimeRecoveryEnabled", true}}}})),
            "TableNotFoundException: Table not found: Nope");
}

TEST_F(BackupsTest, RestoreToPointInTimeRebuildsTheTableOfThatSecond) {
  EnablePitr("Music");
  const double start = clock_.NowSeconds();
  Put("Music", "a", "1");
  clock_.Advance(100);
  Put("Music", "a", "2");
  Put("Music", "b", "1");
  clock_.Advance(100);
  Delete("Music", "a");
  clock_.Advance(100);

  ASSERT_EQ(ErrorOf(RestoreAt("At0", start)), "OK");
  EXPECT_EQ(Items("At0"), (std::map<std::string, std::string>{{"a", "1"}}));
  ASSERT_EQ(ErrorOf(RestoreAt("At150", start + 150)), "OK");
  EXPECT_EQ(Items("At150"), (std::map<std::string, std::string>{{"a", "2"}, {"b", "1"}}));
  json latest = Ok("RestoreTableToPointInTime", {{"SourceTableArn", kTableArn},
                                                 {"TargetTableName", "Latest"},
                                                 {"UseLatestRestorableTime", true}});
  EXPECT_EQ(Items("Latest"), (std::map<std::string, std::string>{{"b", "1"}}));
  const json& summary = latest["TableDescription"]["RestoreSummary"];
  EXPECT_EQ(summary["SourceTableArn"], kTableArn);
  EXPECT_EQ(summary["RestoreDateTime"], clock_.NowSeconds());
  EXPECT_FALSE(summary.contains("SourceBackupArn"));
  // The restored table has no point-in-time recovery of its own.
  EXPECT_EQ(
      Ok("DescribeContinuousBackups",
         {{"TableName", "Latest"}})["ContinuousBackupsDescription"]
                                   ["PointInTimeRecoveryDescription"]["PointInTimeRecoveryStatus"],
      "DISABLED");
}

TEST_F(BackupsTest, RestoreToPointInTimeErrors) {
  EnablePitr("Music");
  const double now = clock_.NowSeconds();
  EXPECT_EQ(ErrorOf(RestoreAt("Early", now - 1)).substr(0, 28), "InvalidRestoreTimeException:");
  EXPECT_EQ(ErrorOf(RestoreAt("Late", now + 1)),
            "InvalidRestoreTimeException: Restore time must be between 2026-01-01T00:00:00.000 and "
            "2026-01-01T00:00:00.000");
  EXPECT_EQ(ErrorOf(RestoreAt("Music", now)),
            "TableAlreadyExistsException: Table already exists: Music");
  EXPECT_EQ(ErrorOf(Call("RestoreTableToPointInTime", {{"SourceTableName", "Nope"},
                                                       {"TargetTableName", "Tgt"},
                                                       {"RestoreDateTime", now}})),
            "SourceTableNotFoundException: Source table not found: Nope");
  EXPECT_EQ(ErrorOf(Call("RestoreTableToPointInTime",
                         {{"TargetTableName", "Tgt"}, {"RestoreDateTime", now}})),
            "ValidationException: Either SourceTableName or SourceTableArn must be specified");
  EXPECT_EQ(ErrorOf(Call("RestoreTableToPointInTime", {{"SourceTableName", "Music"},
                                                       {"SourceTableArn", kTableArn},
                                                       {"TargetTableName", "Tgt"},
                                                       {"RestoreDateTime", now}})),
            "ValidationException: Only one of SourceTableName or SourceTableArn can be specified");
  EXPECT_EQ(ErrorOf(Call("RestoreTableToPointInTime",
                         {{"SourceTableName", "Music"}, {"TargetTableName", "Tgt"}})),
            "ValidationException: Either RestoreDateTime or UseLatestRestorableTime must be "
            "specified");
  EXPECT_EQ(ErrorOf(Call("RestoreTableToPointInTime", {{"SourceTableName", "Music"},
                                                       {"TargetTableName", "Tgt"},
                                                       {"RestoreDateTime", now},
                                                       {"UseLatestRestorableTime", true}})),
            "ValidationException: Only one of RestoreDateTime or UseLatestRestorableTime can be "
            "specified");
  EXPECT_EQ(ErrorOf(Call("RestoreTableToPointInTime",
                         {{"SourceTableArn",
                           "arn:aws:dynamodb:us-east-1:000000000000:table/Music/stream/x"},
                          {"TargetTableName", "Tgt"},
                          {"RestoreDateTime", now}}))
                .substr(0, 40),
            "ValidationException: Invalid TableArn: I");
  EXPECT_EQ(ErrorOf(Call("RestoreTableToPointInTime",
                         {{"SourceTableArn", "arn:aws:dynamodb:us-east-1:123456789012:table/Music"},
                          {"TargetTableName", "Tgt"},
                          {"RestoreDateTime", now}})),
            "AccessDeniedException: User: arn:aws:iam::000000000000:root is not authorized to "
            "perform: dynamodb:RestoreTableToPointInTime on resource: "
            "arn:aws:dynamodb:us-east-1:123456789012:table/Music");
  EXPECT_EQ(ErrorOf(Call("RestoreTableToPointInTime", {{"SourceTableName", "Music"},
                                                       {"TargetTableName", "Tgt"},
                                                       {"RestoreDateTime", "now"}})),
            "SerializationException: STRING_VALUE cannot be converted to Date");
}

TEST_F(BackupsTest, DeletingATableWithPitrLeavesASystemBackupForThePeriod) {
  EnablePitr("Music", 2);
  Put("Music", "a", "1");
  Ok("DeleteTable", {{"TableName", "Music"}});
  EXPECT_EQ(Ok("ListBackups", json::object())["BackupSummaries"], json::array());  // USER only
  json listed = Ok("ListBackups", {{"BackupType", "SYSTEM"}})["BackupSummaries"];
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["BackupName"], "Music$DeletedTableBackup");
  EXPECT_EQ(listed[0]["BackupType"], "SYSTEM");
  EXPECT_EQ(listed[0]["BackupExpiryDateTime"], clock_.NowSeconds() + 2 * kDay);
  const std::string arn = listed[0]["BackupArn"];
  Ok("RestoreTableFromBackup", {{"TargetTableName", "Music"}, {"BackupArn", arn}});
  EXPECT_EQ(Items("Music"), (std::map<std::string, std::string>{{"a", "1"}}));
  // A table deleted without PITR leaves nothing; the system backup expires with the period.
  Ok("DeleteTable", {{"TableName", "Music"}});
  EXPECT_EQ(Ok("ListBackups", {{"BackupType", "ALL"}})["BackupSummaries"].size(), 1u);
  clock_.Advance(2 * kDay);
  EXPECT_EQ(ErrorOf(Call("DescribeBackup", {{"BackupArn", arn}})),
            "BackupNotFoundException: Backup not found: " + arn);
}

TEST_F(BackupsTest, ResetForgetsTheBackups) {
  Backup("Music", "bk1");
  Playground("Reset", json::object());
  EXPECT_EQ(Ok("ListBackups", {{"BackupType", "ALL"}})["BackupSummaries"], json::array());
}

// --- persistence ---

TEST_F(BackupsTest, BackupsAndPitrSurviveASnapshot) {
  EnablePitr("Music", 10);
  Put("Music", "a", "1");
  const std::string arn = Backup("Music", "kept");
  const double between = clock_.NowSeconds();
  clock_.Advance(30);
  Put("Music", "a", "2");
  Engine& restored = RestoredFromSnapshot();
  // The restored snapshot saves to the same bytes.
  std::string error;
  EXPECT_EQ(restored.SaveSnapshot(&error), engine_.SaveSnapshot(&error));
  auto send = [&](const std::string& operation, const json& body) {
    Response response = restored.Handle("DynamoDB_20120810." + operation, body.dump());
    EXPECT_EQ(response.status, 200) << operation << ": " << response.body;
    return json::parse(response.body);
  };
  EXPECT_EQ(send("DescribeBackup", {{"BackupArn", arn}})["BackupDescription"],
            Ok("DescribeBackup", {{"BackupArn", arn}})["BackupDescription"]);
  EXPECT_EQ(send("DescribeContinuousBackups", {{"TableName", "Music"}}),
            Ok("DescribeContinuousBackups", {{"TableName", "Music"}}));
  send("RestoreTableFromBackup", {{"TargetTableName", "FromBackup"}, {"BackupArn", arn}});
  send("RestoreTableToPointInTime", {{"SourceTableName", "Music"},
                                     {"TargetTableName", "FromPitr"},
                                     {"RestoreDateTime", between}});
  for (const char* table : {"FromBackup", "FromPitr"}) {
    json items = send("Scan", {{"TableName", table}})["Items"];
    ASSERT_EQ(items.size(), 1u) << table;
    EXPECT_EQ(items[0]["v"]["S"], "1") << table;
  }
  // A new backup continues the counter: its ARN is not one the original gave.
  json again = send("CreateBackup", {{"TableName", "Music"}, {"BackupName", "next"}});
  EXPECT_NE(again["BackupDetails"]["BackupArn"], arn);
}

TEST_F(BackupsTest, BackupsReplayFromTheJournalWithTheSameArns) {
  base::ManualClock clock;
  Engine original(clock);
  original.SetJournaling(true);
  auto send = [&](Engine& engine, const std::string& operation, const json& body) {
    return engine.Handle("DynamoDB_20120810." + operation, body.dump());
  };
  send(original, "CreateTable",
       {{"TableName", "Kept"},
        {"BillingMode", "PAY_PER_REQUEST"},
        {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
        {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}}});
  send(original, "PutItem", {{"TableName", "Kept"}, {"Item", {{"pk", {{"S", "x"}}}}}});
  Response created = send(original, "CreateBackup", {{"TableName", "Kept"}, {"BackupName", "one"}});
  const std::string arn = json::parse(created.body)["BackupDetails"]["BackupArn"];
  send(original, "ListBackups", json::object());  // a read, not journaled
  const std::string journal = Engine::JournalHeader() + original.TakeJournal();
  base::ManualClock replay_clock;
  Engine replayed(replay_clock);
  RestoreReport report = replayed.Restore(journal);
  EXPECT_EQ(report.records, 3u);
  EXPECT_EQ(report.diverged, 0u) << report.first_divergence;
  Response described = send(replayed, "DescribeBackup", {{"BackupArn", arn}});
  EXPECT_EQ(described.status, 200) << described.body;
}

TEST_F(BackupsTest, ASnapshotFromBeforeBackupsRestoresWithNone) {
  Engine& engine = RestoredFromTestData("v1-music.snapshot");
  Response listed = engine.Handle("DynamoDB_20120810.ListBackups", "{}");
  EXPECT_EQ(json::parse(listed.body), json::parse(R"({"BackupSummaries":[]})"));
  Response pitr =
      engine.Handle("DynamoDB_20120810.DescribeContinuousBackups", R"({"TableName":"Music"})");
  EXPECT_EQ(json::parse(pitr.body)["ContinuousBackupsDescription"]["PointInTimeRecoveryDescription"]
                                  ["PointInTimeRecoveryStatus"],
            "DISABLED");
}

// --- property: random writes over simulated time, restored at random instants ---

TEST_F(BackupsTest, RandomHistoriesRestoreToTheModelOfEachInstant) {
  const uint64_t seed = model::EnvNumber("DDBPG_MODEL_SEED", 16);
  const uint64_t steps = std::max<uint64_t>(model::EnvNumber("DDBPG_MODEL_CASES", 400), 200);
  Random random(seed);
  const int period_days = static_cast<int>(random.Between(1, 3));
  EnablePitr("Music", period_days);
  // The model: the table's items after each step's write, with the step's time.
  std::vector<std::pair<double, std::map<std::string, std::string>>> timeline;
  std::map<std::string, std::string> items;
  timeline.push_back({clock_.NowSeconds(), items});
  int restores = 0;
  for (uint64_t step = 0; step < steps; ++step) {
    SCOPED_TRACE("seed " + std::to_string(seed) + " step " + std::to_string(step));
    // Time moves by seconds, minutes or hours, so the window (1 to 3 days) is passed often.
    const double pause = random.Chance(0.1) ? random.Between(3600, 20 * 3600)
                                            : random.Between(0, 300) + random.Below(1000) / 1000.0;
    clock_.Advance(pause);
    const std::string key = "k" + std::to_string(random.Below(12));
    if (random.Chance(0.3)) {
      Delete("Music", key);
      items.erase(key);
    } else {
      const std::string value = std::to_string(step);
      Put("Music", key, value);
      items[key] = value;
    }
    timeline.push_back({clock_.NowSeconds(), items});
    if (random.Chance(0.08)) {
      // An instant in the window (sometimes just outside it), and the model of that instant:
      // the items after the last write at or before it.
      const double now = clock_.NowSeconds();
      const double earliest = std::max(timeline.front().first, now - period_days * kDay);
      double at = earliest + (now - earliest) * (random.Below(1001) / 1000.0);
      if (random.Chance(0.2)) at = timeline[random.Below(timeline.size())].first;
      const std::string target = "Restored" + std::to_string(restores++);
      Response response = RestoreAt(target, at);
      // The engine compares to the millisecond, as clients send times.
      if (std::llround(at * 1000) < std::llround(earliest * 1000)) {
        EXPECT_EQ(ErrorOf(response).substr(0, 28), "InvalidRestoreTimeException:");
        continue;
      }
      ASSERT_EQ(ErrorOf(response), "OK");
      const std::map<std::string, std::string>* expected = nullptr;
      for (const auto& [time, state] : timeline) {
        if (time <= std::max(at, earliest)) expected = &state;
      }
      ASSERT_NE(expected, nullptr);
      EXPECT_EQ(Items(target), *expected) << "restored at " << at;
      Ok("DeleteTable", {{"TableName", target}});
    }
  }
  EXPECT_GT(restores, 5);
}

}  // namespace
}  // namespace ddbpg::testing
