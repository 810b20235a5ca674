// Export to and import from S3 (issue #16 part 4): ExportTableToPointInTime (full and
// incremental, DynamoDB JSON and Ion), DescribeExport, ListExports, ImportTable (DynamoDB JSON,
// Ion, CSV; none, gzip), DescribeImport, ListImports; the files as the service lays them out;
// their errors in the service's words; exports and objects kept by snapshots; and random tables
// exported, imported back and compared (seeded).
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "engine/base/rng.h"
#include "engine/exchange/gzip.h"
#include "engine/exchange/ion_text.h"
#include "engine/exchange/md5.h"
#include "engine/value/base64.h"
#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

constexpr const char* kTableArn = "arn:aws:dynamodb:us-east-1:000000000000:table/Music";

class ExportImportTest : public EngineFixture {
 protected:
  void SetUp() override {
    CreateTable("Music");
    Ok("UpdateContinuousBackups",
       {{"TableName", "Music"},
        {"PointInTimeRecoverySpecification", {{"PointInTimeRecoveryEnabled", true}}}});
  }

  void Put(const std::string& pk, const json& more = json::object()) {
    json item = more;
    item["pk"] = {{"S", pk}};
    Ok("PutItem", {{"TableName", "Music"}, {"Item", item}});
  }
  json Export(json request) {
    request["TableArn"] = kTableArn;
    if (!request.contains("S3Bucket")) request["S3Bucket"] = "exports";
    return Ok("ExportTableToPointInTime", request)["ExportDescription"];
  }
  std::map<std::string, std::string> Objects(const std::string& bucket,
                                             const std::string& prefix = "") {
    std::map<std::string, std::string> objects;
    const json listed = Playground("ListObjects", {{"Bucket", bucket}, {"Prefix", prefix}});
    for (const json& object : listed["Objects"]) {
      const std::string key = object["Key"];
      json got = Playground("GetObject", {{"Bucket", bucket}, {"Key", key}});
      objects[key] = *value::Base64Decode(got["Body"].get<std::string>());
    }
    return objects;
  }
  // The documents of every data file under `prefix`, by the keys' order.
  std::vector<json> DataDocuments(const std::string& prefix, bool ion = false) {
    std::vector<json> documents;
    for (const auto& [key, body] : Objects("exports", prefix)) {
      std::optional<std::string> text = exchange::Gunzip(body, 1 << 24);
      EXPECT_TRUE(text.has_value()) << key;
      if (ion) {
        for (json& d : *exchange::ParseIonDocuments(*text, nullptr)) documents.push_back(d);
        continue;
      }
      size_t start = 0;
      while (start < text->size()) {
        const size_t end = text->find('\n', start);
        documents.push_back(json::parse(text->substr(start, end - start)));
        start = end + 1;
      }
    }
    return documents;
  }
  std::map<std::string, json> Items(const std::string& table) {
    std::map<std::string, json> items;
    const json scanned = Ok("Scan", {{"TableName", table}});
    for (const json& item : scanned["Items"]) {
      items[item["pk"]["S"].get<std::string>()] = item;
    }
    return items;
  }
  std::string ExportId(const json& description) {
    const std::string arn = description["ExportArn"];
    return arn.substr(arn.rfind('/') + 1);
  }
};

TEST_F(ExportImportTest, FullExportWritesTheServiceLayout) {
  Put("a", {{"n", {{"N", "1"}}}});
  Put("b", {{"bin", {{"B", "YmFy"}}}});
  json started = Export({{"S3Prefix", "backups/2026"}});
  EXPECT_EQ(started["ExportStatus"], "IN_PROGRESS");
  EXPECT_FALSE(started.contains("ItemCount"));
  EXPECT_FALSE(started.contains("ExportType"));  // echoed only when given
  EXPECT_EQ(started["S3SseAlgorithm"], "AES256");
  EXPECT_EQ(started["ExportFormat"], "DYNAMODB_JSON");
  const std::string id = ExportId(started);
  EXPECT_EQ(id.size(), 23u);
  EXPECT_EQ(id.substr(0, 14), "01767225600000");  // the start in ms, 14 digits

  json done = Ok("DescribeExport", {{"ExportArn", started["ExportArn"]}})["ExportDescription"];
  EXPECT_EQ(done["ExportStatus"], "COMPLETED");
  EXPECT_EQ(done["ItemCount"], 2);
  const std::string folder = "backups/2026/AWSDynamoDB/" + id + "/";
  EXPECT_EQ(done["ExportManifest"], folder + "manifest-summary.json");

  std::map<std::string, std::string> objects = Objects("exports");
  for (const char* name :
       {"_started", "manifest-files.json", "manifest-files.md5", "manifest-files.checksum",
        "manifest-summary.json", "manifest-summary.md5", "manifest-summary.checksum"}) {
    EXPECT_EQ(objects.count(folder + name), 1u) << name;
  }
  const std::string& summary_text = objects[folder + "manifest-summary.json"];
  EXPECT_EQ(objects[folder + "manifest-summary.md5"],
            value::Base64Encode(exchange::Md5Digest(summary_text)));
  json summary = json::parse(summary_text);
  EXPECT_EQ(summary["version"], "2020-06-30");
  EXPECT_EQ(summary["itemCount"], 2);
  EXPECT_EQ(summary["outputFormat"], "DYNAMODB_JSON");
  EXPECT_EQ(summary["s3Prefix"], "backups/2026");
  EXPECT_EQ(summary["s3SseKmsKeyId"], nullptr);
  EXPECT_EQ(summary["exportTime"], "2026-01-01T00:00:00.000Z");
  EXPECT_EQ(summary["manifestFilesS3Key"], folder + "manifest-files.json");

  // One data file per partition (8 for a new on-demand table), each listed with its MD5.
  const std::string& files = objects[folder + "manifest-files.json"];
  int lines = 0, items = 0;
  for (size_t start = 0; start < files.size();) {
    const size_t end = files.find('\n', start);
    json line = json::parse(files.substr(start, end - start));
    start = end + 1;
    ++lines;
    items += line["itemCount"].get<int>();
    const std::string key = line["dataFileS3Key"];
    ASSERT_EQ(objects.count(key), 1u) << key;
    EXPECT_EQ(key.rfind(folder + "data/", 0), 0u);
    EXPECT_EQ(key.size(), (folder + "data/").size() + 26 + 8) << key;  // <26 base32>.json.gz
    EXPECT_EQ(line["md5Checksum"], value::Base64Encode(exchange::Md5Digest(objects[key])));
    EXPECT_EQ(line["etag"], exchange::Md5Hex(objects[key]));
  }
  EXPECT_EQ(lines, 8);
  EXPECT_EQ(items, 2);
  std::vector<json> documents = DataDocuments(folder + "data/");
  ASSERT_EQ(documents.size(), 2u);
  std::map<std::string, json> by_key;
  for (const json& d : documents) by_key[d["Item"]["pk"]["S"]] = d;
  EXPECT_EQ(by_key["b"], json::parse(R"({"Item":{"pk":{"S":"b"},"bin":{"B":"YmFy"}}})"));
  EXPECT_EQ(by_key["a"], json::parse(R"({"Item":{"pk":{"S":"a"},"n":{"N":"1"}}})"));
}

TEST_F(ExportImportTest, ExportTimeReadsTheTableAsItWasThen) {
  clock_.Advance(100);
  Put("old");
  clock_.Advance(100);
  Put("new");
  Ok("DeleteItem", {{"TableName", "Music"}, {"Key", {{"pk", {{"S", "old"}}}}}});
  const double then = clock_.NowSeconds() - 50;
  json started = Export({{"ExportTime", then}, {"ExportType", "FULL_EXPORT"}});
  EXPECT_EQ(started["ExportType"], "FULL_EXPORT");
  EXPECT_EQ(started["ExportTime"], then);
  std::vector<json> documents = DataDocuments("AWSDynamoDB/" + ExportId(started) + "/data/");
  ASSERT_EQ(documents.size(), 1u);
  EXPECT_EQ(documents[0]["Item"]["pk"]["S"], "old");
}

TEST_F(ExportImportTest, IonExportMapsTypesAndReadsBack) {
  Put("a", {{"tags", {{"SS", {"x", "y"}}}}, {"price", {{"N", "2000"}}}});
  json started = Export({{"ExportFormat", "ION"}});
  const std::string folder = "AWSDynamoDB/" + ExportId(started) + "/";
  std::map<std::string, std::string> objects = Objects("exports", folder + "data/");
  bool found = false;
  for (const auto& [key, body] : objects) {
    EXPECT_EQ(key.substr(key.size() - 7), ".ion.gz");
    const std::string text = *exchange::Gunzip(body, 1 << 20);
    if (text.empty()) continue;
    found = true;
    EXPECT_EQ(text, "$ion_1_0 {Item:{pk:\"a\",price:2d3,tags:$dynamodb_SS::[\"x\",\"y\"]}}\n");
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(
      json::parse(
          Objects("exports", folder + "manifest-summary.json").begin()->second)["outputFormat"],
      "ION");
}

TEST_F(ExportImportTest, IncrementalExportCompactsEachKeysChanges) {
  Put("updated", {{"v", {{"N", "1"}}}});
  Put("deleted");
  clock_.Advance(60);  // the window starts here
  const double from = clock_.NowSeconds();
  Put("updated", {{"v", {{"N", "2"}}}});
  Put("updated", {{"v", {{"N", "3"}}}});
  Ok("DeleteItem", {{"TableName", "Music"}, {"Key", {{"pk", {{"S", "deleted"}}}}}});
  Put("inserted");
  Put("flash");
  Ok("DeleteItem", {{"TableName", "Music"}, {"Key", {{"pk", {{"S", "flash"}}}}}});
  clock_.Advance(20 * 60);
  Put("after-window");
  clock_.Advance(1);

  json started = Export({{"ExportType", "INCREMENTAL_EXPORT"},
                         {"IncrementalExportSpecification",
                          {{"ExportFromTime", from}, {"ExportToTime", from + 20 * 60}}}});
  EXPECT_EQ(started["IncrementalExportSpecification"]["ExportViewType"], "NEW_AND_OLD_IMAGES");
  std::map<std::string, json> by_key;
  for (const json& d : DataDocuments("AWSDynamoDB/data/")) by_key[d["Keys"]["pk"]["S"]] = d;
  ASSERT_EQ(by_key.size(), 3u);  // flash (put and deleted inside) and after-window are not there
  EXPECT_EQ(by_key["updated"]["OldImage"]["v"]["N"], "1");
  EXPECT_EQ(by_key["updated"]["NewImage"]["v"]["N"], "3");
  EXPECT_EQ(by_key["updated"]["Metadata"]["WriteTimestampMicros"]["N"], "1767225660000000");
  EXPECT_FALSE(by_key["deleted"].contains("NewImage"));
  EXPECT_TRUE(by_key["deleted"].contains("OldImage"));
  EXPECT_FALSE(by_key["inserted"].contains("OldImage"));
  json summary =
      json::parse(Objects("exports", "AWSDynamoDB/" + ExportId(started) + "/manifest-summary.json")
                      .begin()
                      ->second);
  EXPECT_EQ(summary["version"], "2023-08-01");
  EXPECT_EQ(summary["exportType"], "INCREMENTAL_EXPORT");
  EXPECT_EQ(summary["outputView"], "NEW_AND_OLD_IMAGES");
  EXPECT_EQ(summary["exportFromTime"], "2026-01-01T00:01:00.000Z");
  EXPECT_FALSE(summary.contains("exportTime"));
  json done = Ok("DescribeExport", {{"ExportArn", started["ExportArn"]}})["ExportDescription"];
  EXPECT_EQ(done["ItemCount"], 3);
  EXPECT_EQ(done["BilledSizeBytes"], 10000000);  // the 10 MB minimum

  // NEW_IMAGE: no old images, and a delete is its keys alone.
  json images = Export({{"S3Prefix", "new-only"},
                        {"ExportType", "INCREMENTAL_EXPORT"},
                        {"IncrementalExportSpecification",
                         {{"ExportFromTime", from}, {"ExportViewType", "NEW_IMAGE"}}}});
  for (const json& d : DataDocuments("new-only/AWSDynamoDB/data/")) {
    EXPECT_FALSE(d.contains("OldImage")) << d.dump();
    if (d["Keys"]["pk"]["S"] == "deleted") EXPECT_FALSE(d.contains("NewImage"));
  }
  EXPECT_GT(images["IncrementalExportSpecification"]["ExportToTime"].get<double>(), from);
}

TEST_F(ExportImportTest, ExportErrorsInTheServicesWords) {
  auto error = [&](json request) {
    if (!request.contains("TableArn")) request["TableArn"] = kTableArn;
    if (!request.contains("S3Bucket")) request["S3Bucket"] = "exports";
    return ErrorOf(Call("ExportTableToPointInTime", request));
  };
  EXPECT_EQ(error({{"TableArn", "arn:aws:dynamodb:us-east-1:000000000000:table/Nope"}}),
            "TableNotFoundException: Table not found: "
            "arn:aws:dynamodb:us-east-1:000000000000:table/Nope");
  EXPECT_EQ(error({{"TableArn", "Music"}}),
            "ValidationException: One or more parameter values were invalid: tableArn is not a "
            "valid ARN");
  EXPECT_EQ(error({{"TableArn", "arn:aws:dynamodb:us-east-1:111111111111:table/Music"}}),
            "AccessDeniedException: Access is denied");
  EXPECT_EQ(error({{"S3Bucket", "-bad-"}}),
            "ValidationException: 1 validation error detected: Value '-bad-' at 's3Bucket' failed "
            "to satisfy constraint: Member must satisfy regular expression pattern: "
            "^[a-z0-9A-Z]+[\\.\\-\\w]*[a-z0-9A-Z]+$");
  EXPECT_EQ(error({{"ExportFormat", "CSV"}}),
            "ValidationException: 1 validation error detected: Value 'CSV' at 'exportFormat' "
            "failed to satisfy constraint: Member must satisfy enum value set: [DYNAMODB_JSON, "
            "ION]");
  const double start = clock_.NowSeconds();
  EXPECT_EQ(error({{"ExportTime", start - 10}}),
            "InvalidExportTimeException: Export Time is invalid");
  EXPECT_EQ(error({{"ExportTime", start + 10}}),
            "InvalidExportTimeException: Export Time is invalid");
  EXPECT_EQ(error({{"ExportTime", -1}}), "InvalidExportTimeException: Export Time is invalid");
  EXPECT_EQ(error({{"IncrementalExportSpecification", {{"ExportFromTime", 0}}}}),
            "ValidationException: Invalid Request: Export Type expected to be Incremental Export "
            "when incremental export specification is provided");
  EXPECT_EQ(error({{"ExportType", "FULL_EXPORT"},
                   {"IncrementalExportSpecification", {{"ExportFromTime", 0}}}}),
            "ValidationException: Invalid Request: When Export Type is Full Export , Incremental "
            "Export Specification should not be provided");
  EXPECT_EQ(error({{"ExportType", "INCREMENTAL_EXPORT"}}),
            "ValidationException: Invalid Request: Incremental Export Specification expected "
            "when export type is set as Incremental Export");
  EXPECT_EQ(error({{"ExportType", "INCREMENTAL_EXPORT"},
                   {"IncrementalExportSpecification", json::object()}}),
            "ValidationException: Invalid Request: ExportFromTime must be provided in "
            "IncrementalExportSpecification");
  EXPECT_EQ(error({{"S3SseKmsKeyId", "key"}}),
            "ValidationException: Invalid Request: KMS Key Id is not supported for this "
            "encryption type");
  clock_.Advance(600);
  EXPECT_EQ(error({{"ExportType", "INCREMENTAL_EXPORT"},
                   {"IncrementalExportSpecification", {{"ExportFromTime", start}}}}),
            "InvalidExportTimeException: Difference between export period from time and export "
            "period to time is less than 15 minutes");
  EXPECT_EQ(error({{"ExportType", "INCREMENTAL_EXPORT"},
                   {"IncrementalExportSpecification",
                    {{"ExportFromTime", start}, {"ExportToTime", start + 5000}}}}),
            "InvalidExportTimeException: Incremental export period to time cannot be greater "
            "than the current time : 2026-01-01T00:10:00Z");
  Ok("UpdateContinuousBackups",
     {{"TableName", "Music"},
      {"PointInTimeRecoverySpecification", {{"PointInTimeRecoveryEnabled", false}}}});
  EXPECT_EQ(error(json::object()),
            "PointInTimeRecoveryUnavailableException: Point in time recovery is not enabled for "
            "table 'Music'");
  // Nothing was written by a refused export.
  EXPECT_TRUE(Playground("ListObjects", json::object())["Buckets"].empty());
}

TEST_F(ExportImportTest, ClientTokenMakesARetryTheSameExport) {
  json first = Export({{"ClientToken", "token-1"}});
  json again = Export({{"ClientToken", "token-1"}});
  EXPECT_EQ(again["ExportArn"], first["ExportArn"]);
  EXPECT_EQ(
      ErrorOf(Call("ExportTableToPointInTime",
                   {{"TableArn", kTableArn}, {"S3Bucket", "other"}, {"ClientToken", "token-1"}})),
      "ExportConflictException: Export conflict: Duplicate request detected with "
      "conflicting parameters");
  json other = Export(json::object());
  EXPECT_NE(other["ExportArn"], first["ExportArn"]);
  EXPECT_EQ(other["ClientToken"].get<std::string>().size(), 36u);  // a UUID when none was given
}

TEST_F(ExportImportTest, ListExportsPagesNewestFirst) {
  CreateTable("Other");
  Ok("UpdateContinuousBackups",
     {{"TableName", "Other"},
      {"PointInTimeRecoverySpecification", {{"PointInTimeRecoveryEnabled", true}}}});
  std::vector<std::string> arns;
  for (int i = 0; i < 5; ++i) arns.push_back(Export(json::object())["ExportArn"]);
  Ok("ExportTableToPointInTime",
     {{"TableArn", "arn:aws:dynamodb:us-east-1:000000000000:table/Other"}, {"S3Bucket", "b1"}});
  json page = Ok("ListExports", {{"TableArn", kTableArn}, {"MaxResults", 3}});
  ASSERT_EQ(page["ExportSummaries"].size(), 3u);
  EXPECT_EQ(page["ExportSummaries"][0]["ExportArn"], arns[4]);
  EXPECT_EQ(page["ExportSummaries"][0]["ExportStatus"], "COMPLETED");
  EXPECT_EQ(page["ExportSummaries"][0]["ExportType"], "FULL_EXPORT");
  json rest = Ok("ListExports",
                 {{"TableArn", kTableArn}, {"MaxResults", 3}, {"NextToken", page["NextToken"]}});
  ASSERT_EQ(rest["ExportSummaries"].size(), 2u);
  EXPECT_EQ(rest["ExportSummaries"][1]["ExportArn"], arns[0]);
  EXPECT_FALSE(rest.contains("NextToken"));
  EXPECT_EQ(Ok("ListExports", json::object())["ExportSummaries"].size(), 6u);
  EXPECT_EQ(ErrorOf(Call("ListExports", {{"NextToken", "nope"}})),
            "ValidationException: Invalid Request: Provided nextToken is invalid: nope");
  EXPECT_EQ(ErrorOf(Call("ListExports", {{"MaxResults", 26}})),
            "ValidationException: 1 validation error detected: Value '26' at 'maxResults' failed "
            "to satisfy constraint: Member must have value less than or equal to 25");
  EXPECT_EQ(ErrorOf(Call("DescribeExport", {{"ExportArn", std::string(kTableArn) + "/backup/x"}})),
            "ValidationException: Invalid Export ARN");
  const std::string missing = std::string(kTableArn) + "/export/01234567890123-abcdef12";
  EXPECT_EQ(ErrorOf(Call("DescribeExport", {{"ExportArn", missing}})),
            "ExportNotFoundException: Export not found: Export not found: " + missing);
}

// TableCreationParameters for a table keyed by "pk" (S) with a global index on "g" (N).
json CreationParameters(const std::string& name) {
  return json::parse(R"({"TableName": ")" + name + R"(", "BillingMode": "PAY_PER_REQUEST",
    "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                             {"AttributeName": "g", "AttributeType": "N"}],
    "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
    "GlobalSecondaryIndexes": [{"IndexName": "byG",
      "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
      "Projection": {"ProjectionType": "ALL"}}]})");
}

TEST_F(ExportImportTest, AnExportImportsBackIntoANewTable) {
  Put("a", {{"g", {{"N", "1"}}}, {"s", {{"SS", {"x"}}}}});
  Put("b", {{"m", {{"M", {{"k", {{"L", {{{"N", "2"}}}}}}}}}}});
  for (const char* format : {"DYNAMODB_JSON", "ION"}) {
    const std::string target = std::string("Copy_") + format;
    json started = Export({{"ExportFormat", format}, {"S3Prefix", format}});
    json import = Ok(
        "ImportTable",
        {{"S3BucketSource",
          {{"S3Bucket", "exports"},
           {"S3KeyPrefix", std::string(format) + "/AWSDynamoDB/" + ExportId(started) + "/data/"}}},
         {"InputFormat", format},
         {"InputCompressionType", "GZIP"},
         {"TableCreationParameters", CreationParameters(target)}})["ImportTableDescription"];
    EXPECT_EQ(import["ImportStatus"], "IN_PROGRESS");
    EXPECT_EQ(import["S3BucketSource"]["S3BucketOwner"], "000000000000");
    json done =
        Ok("DescribeImport", {{"ImportArn", import["ImportArn"]}})["ImportTableDescription"];
    EXPECT_EQ(done["ImportStatus"], "COMPLETED") << format;
    EXPECT_EQ(done["ImportedItemCount"], 2);
    EXPECT_EQ(done["ProcessedItemCount"], 2);
    EXPECT_EQ(done["ErrorCount"], 0);
    EXPECT_EQ(Items(target), Items("Music")) << format;
    // The index was filled too, and the import consumed no capacity.
    json query = Ok("Query", {{"TableName", target},
                              {"IndexName", "byG"},
                              {"KeyConditionExpression", "g = :g"},
                              {"ExpressionAttributeValues", {{":g", {{"N", "1"}}}}}});
    EXPECT_EQ(query["Count"], 1);
  }
}

TEST_F(ExportImportTest, BadItemsFailTheImportButTheGoodOnesStay) {
  json started = Export(json::object());
  (void)started;
  // The whole export folder: manifests and _started are not items.
  json import = Ok("ImportTable", {{"S3BucketSource", {{"S3Bucket", "exports"}}},
                                   {"InputFormat", "DYNAMODB_JSON"},
                                   {"TableCreationParameters", CreationParameters("Mixed")}});
  json done =
      Ok("DescribeImport",
         {{"ImportArn", import["ImportTableDescription"]["ImportArn"]}})["ImportTableDescription"];
  EXPECT_EQ(done["ImportStatus"], "FAILED");
  EXPECT_EQ(done["FailureCode"], "ItemValidationError");
  EXPECT_EQ(done["FailureMessage"],
            "Some of the items failed validation checks and were not imported. Please check "
            "CloudWatch error logs for more details.");
  EXPECT_GT(done["ErrorCount"].get<int>(), 0);

  // Plain lines: one good, one without the key, one with the index key of the wrong type, one
  // that is not JSON.
  const std::string lines =
      "{\"Item\":{\"pk\":{\"S\":\"ok\"},\"g\":{\"N\":\"5\"}}}\n"
      "{\"Item\":{\"other\":{\"S\":\"no key\"}}}\n"
      "{\"Item\":{\"pk\":{\"S\":\"typed\"},\"g\":{\"S\":\"five\"}}}\n"
      "not json\n"
      // An attribute needs a name, at any depth.
      "{\"Item\":{\"pk\":{\"S\":\"unnamed\"},\"m\":{\"M\":{\"\":{\"S\":\"x\"}}}}}\n";
  Playground("PutObject",
             {{"Bucket", "src"}, {"Key", "in/part1.json"}, {"Body", value::Base64Encode(lines)}});
  json mixed = Ok("ImportTable", {{"S3BucketSource", {{"S3Bucket", "src"}, {"S3KeyPrefix", "in/"}}},
                                  {"InputFormat", "DYNAMODB_JSON"},
                                  {"TableCreationParameters", CreationParameters("Partial")}});
  done =
      Ok("DescribeImport",
         {{"ImportArn", mixed["ImportTableDescription"]["ImportArn"]}})["ImportTableDescription"];
  EXPECT_EQ(done["ProcessedItemCount"], 5);
  EXPECT_EQ(done["ImportedItemCount"], 1);
  EXPECT_EQ(done["ErrorCount"], 4);
  EXPECT_EQ(done["ProcessedSizeBytes"], lines.size());
  EXPECT_EQ(Items("Partial").size(), 1u);

  // GZIP said, plain bytes given: the object is one error.
  json wrong = Ok("ImportTable", {{"S3BucketSource", {{"S3Bucket", "src"}}},
                                  {"InputFormat", "DYNAMODB_JSON"},
                                  {"InputCompressionType", "GZIP"},
                                  {"TableCreationParameters", CreationParameters("Wrong")}});
  done =
      Ok("DescribeImport",
         {{"ImportArn", wrong["ImportTableDescription"]["ImportArn"]}})["ImportTableDescription"];
  EXPECT_EQ(done["ErrorCount"], 1);
  EXPECT_EQ(done["ImportedItemCount"], 0);
}

TEST_F(ExportImportTest, HostileFilesAreErrorsAndLeaveThePlaygroundWhole) {
  // Nested far deeper than any item (the stack would not hold the walk), bytes that are not
  // UTF-8, and Ion escapes that name no character: each is one error, and what was imported can
  // still be exported and saved.
  std::string deep_json = "{\"Item\":{\"pk\":{\"S\":\"deep\"},\"a\":";
  for (int i = 0; i < 5000; ++i) deep_json += "{\"L\":[";
  deep_json += "\n{\"Item\":{\"pk\":{\"S\":\"fine\"}}}\n";
  Playground("PutObject", {{"Bucket", "bad"}, {"Key", "deep.json"}, {"Body", value::Base64Encode(deep_json)}});
  std::string deep_ion = "$ion_1_0 {Item:{pk:\"d\",a:";
  for (int i = 0; i < 5000; ++i) deep_ion += "[";
  Playground("PutObject", {{"Bucket", "bad"}, {"Key", "deep.ion"}, {"Body", value::Base64Encode(deep_ion)}});
  Playground("PutObject", {{"Bucket", "bad"}, {"Key", "latin1.csv"},
                           {"Body", value::Base64Encode("pk,city\nok,Oslo\nbad,Z\xE9rich\n")}});
  Playground("PutObject", {{"Bucket", "bad"}, {"Key", "surrogate.ion"},
                           {"Body", value::Base64Encode("$ion_1_0 {Item:{pk:\"\\ud800\"}}")}});
  auto import = [&](const std::string& prefix, const std::string& format, const std::string& table) {
    json started = Ok("ImportTable", {{"S3BucketSource", {{"S3Bucket", "bad"}, {"S3KeyPrefix", prefix}}},
                                      {"InputFormat", format},
                                      {"TableCreationParameters", CreationParameters(table)}});
    return Ok("DescribeImport", {{"ImportArn", started["ImportTableDescription"]["ImportArn"]}})
        ["ImportTableDescription"];
  };
  json deep = import("deep.json", "DYNAMODB_JSON", "DeepJson");
  EXPECT_EQ(deep["ErrorCount"], 1);
  EXPECT_EQ(deep["ImportedItemCount"], 1);
  EXPECT_EQ(import("deep.ion", "ION", "DeepIon")["ErrorCount"], 1);
  json latin1 = import("latin1", "CSV", "Latin1");
  EXPECT_EQ(latin1["ErrorCount"], 1);
  EXPECT_EQ(latin1["ImportedItemCount"], 1);
  EXPECT_EQ(import("surrogate", "ION", "Surrogate")["ErrorCount"], 1);
  Ok("UpdateContinuousBackups",
     {{"TableName", "Latin1"},
      {"PointInTimeRecoverySpecification", {{"PointInTimeRecoveryEnabled", true}}}});
  Ok("ExportTableToPointInTime", {{"TableArn", "arn:aws:dynamodb:us-east-1:000000000000:table/Latin1"},
                                  {"S3Bucket", "exports"}});
  std::string error;
  EXPECT_FALSE(engine_.SaveSnapshot(&error).empty()) << error;
}

TEST_F(ExportImportTest, CsvImportTypesKeysAndKeepsTheRestAsStrings) {
  Playground("PutObject",
             {{"Bucket", "src"},
              {"Key", "people.csv"},
              {"Body", value::Base64Encode(
                           "pk,g,note\r\nann,7,\"likes, commas\"\nbob,8,\"say \"\"hi\"\"\"\n")}});
  Playground("PutObject",
             {{"Bucket", "src"}, {"Key", "semi.csv"}, {"Body", value::Base64Encode("cy;9;x\n")}});
  json import =
      Ok("ImportTable", {{"S3BucketSource", {{"S3Bucket", "src"}, {"S3KeyPrefix", "people"}}},
                         {"InputFormat", "CSV"},
                         {"TableCreationParameters", CreationParameters("People")}});
  std::map<std::string, json> items = Items("People");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items["ann"]["g"], json({{"N", "7"}}));
  EXPECT_EQ(items["ann"]["note"], json({{"S", "likes, commas"}}));
  EXPECT_EQ(items["bob"]["note"], json({{"S", "say \"hi\""}}));
  json headed =
      Ok("ImportTable",
         {{"S3BucketSource", {{"S3Bucket", "src"}, {"S3KeyPrefix", "semi"}}},
          {"InputFormat", "CSV"},
          {"InputFormatOptions", {{"Csv", {{"Delimiter", ";"}, {"HeaderList", {"pk", "g", "x"}}}}}},
          {"TableCreationParameters", CreationParameters("Semi")}});
  EXPECT_EQ(Items("Semi")["cy"]["g"], json({{"N", "9"}}));
  EXPECT_EQ(headed["ImportTableDescription"]["InputFormatOptions"]["Csv"]["Delimiter"], ";");
}

TEST_F(ExportImportTest, ImportErrorsInTheServicesWords) {
  auto request = [](const std::string& table) {
    return json{{"S3BucketSource", {{"S3Bucket", "src"}}},
                {"InputFormat", "DYNAMODB_JSON"},
                {"TableCreationParameters", CreationParameters(table)}};
  };
  json bad = request("One");
  bad["InputFormatOptions"] = {{"Csv", {{"Delimiter", ","}}}};
  EXPECT_EQ(ErrorOf(Call("ImportTable", bad)),
            "ValidationException: Invalid Request: Unsupported InputFormatOptions for the given "
            "input format: DYNAMODB_JSON.");
  bad = request("One");
  bad["InputCompressionType"] = "BZIP2";
  EXPECT_EQ(ErrorOf(Call("ImportTable", bad)),
            "ValidationException: 1 validation error detected: Value 'BZIP2' at "
            "'inputCompressionType' failed to satisfy constraint: Member must satisfy enum value "
            "set: [ZSTD, NONE, GZIP]");
  EXPECT_EQ(ErrorOf(Call("ImportTable", request("Music"))),
            "ResourceInUseException: Table already exists: Music");

  // A bucket that holds nothing: FAILED, and no table.
  json missing = Ok("ImportTable", request("Ghost"))["ImportTableDescription"];
  json done = Ok("DescribeImport", {{"ImportArn", missing["ImportArn"]}})["ImportTableDescription"];
  EXPECT_EQ(done["ImportStatus"], "FAILED");
  EXPECT_EQ(done["FailureCode"], "S3NoSuchBucket");
  EXPECT_EQ(ErrorOf(Call("DescribeTable", {{"TableName", "Ghost"}})).substr(0, 26),
            "ResourceNotFoundException:");

  json with_token = request("Two");
  with_token["ClientToken"] = "same";
  Ok("ImportTable", with_token);
  with_token["TableCreationParameters"]["TableName"] = "Three";
  EXPECT_EQ(ErrorOf(Call("ImportTable", with_token)),
            "ImportConflictException: Import conflict: Duplicate request detected with "
            "conflicting parameters");
  EXPECT_EQ(ErrorOf(Call("DescribeImport", {{"ImportArn", std::string(kTableArn) +
                                                              "/export/01234567890123-abcdef12"}})),
            "ValidationException: Invalid Import ARN");

  json list = Ok("ListImports", {{"PageSize", 1}});
  ASSERT_EQ(list["ImportSummaryList"].size(), 1u);
  EXPECT_EQ(list["ImportSummaryList"][0]["TableArn"],
            "arn:aws:dynamodb:us-east-1:000000000000:table/Two");
  json rest = Ok("ListImports", {{"PageSize", 5}, {"NextToken", list["NextToken"]}});
  ASSERT_EQ(rest["ImportSummaryList"].size(), 1u);
  EXPECT_EQ(rest["ImportSummaryList"][0]["ImportStatus"], "FAILED");
  EXPECT_EQ(ErrorOf(Call("ListImports", {{"NextToken", "zz"}})),
            "ValidationException: Invalid Request: Provided nextToken is invalid: zz");
}

TEST_F(ExportImportTest, SnapshotsKeepExportsImportsAndObjects) {
  Put("a");
  json started = Export(json::object());
  Playground("PutObject", {{"Bucket", "src"},
                           {"Key", "k"},
                           {"Body", value::Base64Encode("{\"Item\":{\"pk\":{\"S\":\"z\"}}}")}});
  json import = Ok("ImportTable", {{"S3BucketSource", {{"S3Bucket", "src"}}},
                                   {"InputFormat", "DYNAMODB_JSON"},
                                   {"TableCreationParameters", CreationParameters("Imported")}});
  const std::map<std::string, std::string> before = Objects("exports");
  Engine& restored = RestoredFromSnapshot();
  auto call = [&](const std::string& target, const json& body) {
    Response response = restored.Handle(target, body.dump());
    EXPECT_EQ(response.status, 200) << response.body;
    return json::parse(response.body);
  };
  EXPECT_EQ(call("DynamoDB_20120810.DescribeExport",
                 {{"ExportArn", started["ExportArn"]}})["ExportDescription"]["ItemCount"],
            1);
  EXPECT_EQ(
      call("DynamoDB_20120810.DescribeImport",
           {{"ImportArn", import["ImportTableDescription"]["ImportArn"]}})["ImportTableDescription"]
                                                                          ["ImportStatus"],
      "COMPLETED");
  json listed = call("Playground.ListObjects", {{"Bucket", "exports"}});
  ASSERT_EQ(listed["Objects"].size(), before.size());
  for (const json& object : listed["Objects"]) {
    json got = call("Playground.GetObject", {{"Bucket", "exports"}, {"Key", object["Key"]}});
    EXPECT_EQ(*value::Base64Decode(got["Body"].get<std::string>()), before.at(object["Key"]));
  }
}

TEST_F(ExportImportTest, RandomTablesSurviveExportAndImport) {
  // Seeded: random items in a table with a sort key, exported at a random earlier instant in a
  // random format, imported back; the copy equals the table as it was at that instant.
  base::Rng rng(4242);
  CreateTable("Events", "N");
  Ok("UpdateContinuousBackups",
     {{"TableName", "Events"},
      {"PointInTimeRecoverySpecification", {{"PointInTimeRecoveryEnabled", true}}}});
  std::map<std::string, std::map<std::string, json>> snapshots;  // time -> items
  std::map<std::string, json> model;
  std::vector<double> times;
  for (int step = 0; step < 200; ++step) {
    clock_.Advance(1);
    const std::string pk = "p" + std::to_string(static_cast<int>(rng.NextDouble() * 10));
    const std::string sk = std::to_string(static_cast<int>(rng.NextDouble() * 5));
    const std::string id = pk + "/" + sk;
    json key = {{"pk", {{"S", pk}}}, {"sk", {{"N", sk}}}};
    if (rng.NextDouble() < 0.25) {
      Ok("DeleteItem", {{"TableName", "Events"}, {"Key", key}});
      model.erase(id);
    } else {
      json item = key;
      item["v"] = {{"N", std::to_string(step)}};
      if (rng.NextDouble() < 0.5) item["s"] = {{"SS", {"a", "b" + std::to_string(step)}}};
      Ok("PutItem", {{"TableName", "Events"}, {"Item", item}});
      model[id] = item;
    }
    times.push_back(clock_.NowSeconds());
    snapshots[std::to_string(step)] = model;
  }
  for (int round = 0; round < 4; ++round) {
    const int step = static_cast<int>(rng.NextDouble() * times.size());
    const char* format = rng.NextDouble() < 0.5 ? "ION" : "DYNAMODB_JSON";
    const std::string prefix = "r" + std::to_string(round);
    json started = Ok("ExportTableToPointInTime",
                      {{"TableArn", "arn:aws:dynamodb:us-east-1:000000000000:table/Events"},
                       {"S3Bucket", "exports"},
                       {"S3Prefix", prefix},
                       {"ExportFormat", format},
                       {"ExportTime", times[step]}})["ExportDescription"];
    const std::string target = "Copy" + std::to_string(round);
    Ok("ImportTable",
       {{"S3BucketSource",
         {{"S3Bucket", "exports"},
          {"S3KeyPrefix", prefix + "/AWSDynamoDB/" + ExportId(started) + "/data/"}}},
        {"InputFormat", format},
        {"InputCompressionType", "GZIP"},
        {"TableCreationParameters",
         json::parse(R"({"TableName": ")" + target + R"(", "BillingMode": "PAY_PER_REQUEST",
           "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                                    {"AttributeName": "sk", "AttributeType": "N"}],
           "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                         {"AttributeName": "sk", "KeyType": "RANGE"}]})")}});
    std::map<std::string, json> copy;
    const json scanned = Ok("Scan", {{"TableName", target}});
    for (const json& item : scanned["Items"]) {
      copy[item["pk"]["S"].get<std::string>() + "/" + item["sk"]["N"].get<std::string>()] = item;
    }
    const std::map<std::string, json>& expected = snapshots[std::to_string(step)];
    ASSERT_EQ(copy.size(), expected.size()) << "round " << round << " step " << step;
    for (const auto& [id, item] : expected) {
      json normalized = item;
      if (normalized.contains("s")) {
        std::vector<std::string> members = normalized["s"]["SS"];
        std::sort(members.begin(), members.end());
        normalized["s"]["SS"] = members;
        std::vector<std::string> got = copy[id]["s"]["SS"];
        std::sort(got.begin(), got.end());
        copy[id]["s"]["SS"] = got;
      }
      EXPECT_EQ(copy[id], normalized) << id;
    }
  }
}

}  // namespace
}  // namespace ddbpg::testing
