// Export to S3: ExportTableToPointInTime (full and incremental), DescribeExport and ListExports.
// The files are written into the engine's simulated bucket by the time the call answers
// (exchange/export_files.h); the call answers IN_PROGRESS as the service does, and DescribeExport
// answers COMPLETED from then on. Checks in the service's order (captures of 2026): the members,
// the table ARN, the table, point-in-time recovery, ExportType against its specification, the
// times, then the ClientToken.
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "engine/api/handlers.h"
#include "engine/api/request_schema.h"
#include "engine/api/resource_arn.h"
#include "engine/api/transfer_checks.h"
#include "engine/api/validation_errors.h"
#include "engine/base/utc_time.h"
#include "engine/exchange/export_files.h"
#include "engine/exchange/md5.h"
#include "engine/value/ddb_json.h"
#include "engine/value/item_size.h"
#include "engine/value/json_object.h"

namespace ddbpg::api {
namespace {

constexpr double kMinIncrementalSeconds = 15 * 60;
constexpr double kMaxIncrementalSeconds = 24 * 3600;
// Incremental exports are billed for at least 10 MB (Amazon DynamoDB pricing).
constexpr long long kMinIncrementalBilledBytes = 10'000'000;
constexpr long long kMaxListExportsResults = 25;
constexpr long long kDefaultListExportsResults = 10;
// The table just before `at`: ItemsAt keeps the changes made at an instant, so ask for the
// instant before it (the next double down: a change exactly at `at` is left out).
double JustBefore(double at) {
  return std::nextafter(at, -std::numeric_limits<double>::infinity());
}

const std::vector<MemberSpec>& ExportShape() {
  static const auto* spec = new std::vector<MemberSpec>{
      {"TableArn", value::WireType::kString},
      {"ClientToken", value::WireType::kString},
      {"S3Bucket", value::WireType::kString},
      {"S3BucketOwner", value::WireType::kString},
      {"S3Prefix", value::WireType::kString},
      {"S3SseAlgorithm", value::WireType::kString},
      {"S3SseKmsKeyId", value::WireType::kString},
      {"ExportFormat", value::WireType::kString},
      {"ExportType", value::WireType::kString},
      {"IncrementalExportSpecification",
       value::WireType::kStructure,
       "IncrementalExportSpecification",
       MemberKind::kPlain,
       {{"ExportViewType", value::WireType::kString}}},
  };
  return *spec;
}

const std::vector<MemberSpec> kExportArnShape = {{"ExportArn", value::WireType::kString}};
const std::vector<MemberSpec> kListExportsShape = {
    {"TableArn", value::WireType::kString},
    {"MaxResults", value::WireType::kInteger},
    {"NextToken", value::WireType::kString},
};

base::Status InvalidExportTime(const std::string& message) {
  return base::Status(base::ErrorType::kInvalidExportTime, message);
}

// The times an export reads, once checked: a full export's instant, or an incremental one's
// window [from, to).
struct ExportTimes {
  double export_time = 0;
  double from = 0;
  double to = 0;
};

base::Result<ExportTimes> CheckExportTimes(const json& request, bool incremental,
                                           const store::PointInTimeHistory& history, double now) {
  auto millis = [](double seconds) { return std::llround(seconds * 1000); };
  const double earliest = history.EarliestRestorable(now);
  ExportTimes times;
  if (!incremental) {
    const json& at = Member(request, "ExportTime");
    times.export_time = at.is_null() ? now : at.get<double>();
    if (millis(times.export_time) > millis(now) || millis(times.export_time) < millis(earliest)) {
      return InvalidExportTime("Export Time is invalid");
    }
    return times;
  }
  const json& spec = Member(request, "IncrementalExportSpecification");
  const json& from = Member(spec, "ExportFromTime");
  const json& to = Member(spec, "ExportToTime");
  if (from.is_null()) {
    return base::Status::Validation(
        "Invalid Request: ExportFromTime must be provided in IncrementalExportSpecification");
  }
  times.from = from.get<double>();
  times.to = to.is_null() ? now : to.get<double>();
  if (millis(times.from) < millis(earliest)) {
    return InvalidExportTime(
        "Incremental export period from time cannot be less than the table creation time : " +
        FormatUtcIsoSeconds(earliest));
  }
  if (millis(times.to) > millis(now)) {
    return InvalidExportTime(
        "Incremental export period to time cannot be greater than the current time : " +
        FormatUtcIsoSeconds(now));
  }
  if (times.to - times.from < kMinIncrementalSeconds) {
    return InvalidExportTime(
        "Difference between export period from time and export period to time is less than 15 "
        "minutes");
  }
  if (times.to - times.from > kMaxIncrementalSeconds) {
    return InvalidExportTime(
        "Difference between export period from time and export period to time is greater than 24 "
        "hours");
  }
  return times;
}

// ExportType against IncrementalExportSpecification, in the service's words.
base::Status CheckExportType(const json& request) {
  const json& type = Member(request, "ExportType");
  const bool has_spec = !Member(request, "IncrementalExportSpecification").is_null();
  if (type.is_null() && has_spec) {
    return base::Status::Validation(
        "Invalid Request: Export Type expected to be Incremental Export when incremental export "
        "specification is provided");
  }
  if (type == "FULL_EXPORT" && has_spec) {
    return base::Status::Validation(
        "Invalid Request: When Export Type is Full Export , Incremental Export Specification "
        "should not be provided");
  }
  if (type == "INCREMENTAL_EXPORT" && !has_spec) {
    return base::Status::Validation(
        "Invalid Request: Incremental Export Specification expected when export type is set as "
        "Incremental Export");
  }
  return base::Status::OK();
}

json KeysOf(const store::Table& table, const value::PrimaryKey& key) {
  const auto& schema = table.definition().key_schema;
  json keys = {{schema[0].attribute_name, value::EncodeAttributeValue(key.partition)}};
  if (key.sort && schema.size() > 1) {
    keys[schema[1].attribute_name] = value::EncodeAttributeValue(*key.sort);
  }
  return keys;
}

// One list of documents per partition, with the bytes they bill.
struct ExportDocuments {
  std::vector<std::vector<json>> files;
  long long bytes = 0;
};

ExportDocuments FullExport(const store::Table& table, double at) {
  ExportDocuments out;
  out.files.resize(table.partitions().size());
  const store::ItemVersions::ItemMap items = table.point_in_time().ItemsAt(at, table.items());
  for (const auto& [key, item] : items) {
    out.files[table.partitions().IndexOf(key.partition_hash)].push_back(
        json{{"Item", value::EncodeItem(item)}});
    out.bytes += static_cast<long long>(value::ItemSize(item));
  }
  return out;
}

// The keys changed in [from, to), compacted to each key's state before the window and at its
// end: an item put and deleted inside the window is not exported (Developer Guide, "Incremental
// export output").
ExportDocuments IncrementalExport(const store::Table& table, double from, double to,
                                  bool old_images) {
  ExportDocuments out;
  out.files.resize(table.partitions().size());
  const store::PointInTimeHistory& history = table.point_in_time();
  const auto before = history.ItemsAt(JustBefore(from), table.items());
  const auto after = history.ItemsAt(JustBefore(to), table.items());
  for (const auto& [key, last_write] : history.LastChangesBetween(from, to)) {
    auto old_item = before.find(key);
    auto new_item = after.find(key);
    if (old_item == before.end() && new_item == after.end()) continue;
    json document = value::JsonObject(
        {{"Metadata",
          value::JsonObject(
              {{"WriteTimestampMicros",
                value::JsonObject({{"N", std::to_string(std::llround(last_write * 1e6))}})}})},
         {"Keys", KeysOf(table, key)}});
    if (new_item != after.end()) {
      document["NewImage"] = value::EncodeItem(new_item->second);
      out.bytes += static_cast<long long>(value::ItemSize(new_item->second));
    }
    if (old_images && old_item != before.end()) {
      document["OldImage"] = value::EncodeItem(old_item->second);
      out.bytes += static_cast<long long>(value::ItemSize(old_item->second));
    }
    out.files[table.partitions().IndexOf(key.partition_hash)].push_back(std::move(document));
  }
  out.bytes = std::max(out.bytes, kMinIncrementalBilledBytes);
  return out;
}

// The description; one IN_PROGRESS (the answer to the export itself) lacks what the service
// fills in at the end.
json ExportDescriptionJson(const exchange::ExportRecord& record, bool completed) {
  json description = value::JsonObject({{"ExportArn", record.arn},
                                        {"ExportStatus", completed ? "COMPLETED" : "IN_PROGRESS"},
                                        {"StartTime", record.start_time},
                                        {"TableArn", record.table_arn},
                                        {"TableId", record.table_id},
                                        {"ClientToken", record.client_token},
                                        {"S3Bucket", record.s3_bucket},
                                        {"S3SseAlgorithm", record.s3_sse_algorithm},
                                        {"ExportFormat", record.format}});
  if (record.type == "INCREMENTAL_EXPORT") {
    description["IncrementalExportSpecification"] = value::JsonObject({{"ExportFromTime", record.from_time},
                                                     {"ExportToTime", record.to_time},
                                                     {"ExportViewType", record.view_type}});
  } else {
    description["ExportTime"] = record.export_time;
  }
  // The service echoes ExportType, the owner and the prefix only when the request gave them.
  if (record.type_given) description["ExportType"] = record.type;
  if (!record.s3_bucket_owner.empty()) description["S3BucketOwner"] = record.s3_bucket_owner;
  if (!record.s3_prefix.empty()) description["S3Prefix"] = record.s3_prefix;
  if (!record.s3_sse_kms_key_id.empty()) description["S3SseKmsKeyId"] = record.s3_sse_kms_key_id;
  if (completed) {
    description["EndTime"] = record.end_time;
    description["ExportManifest"] = record.manifest_key;
    description["ItemCount"] = record.item_count;
    description["BilledSizeBytes"] = record.billed_size_bytes;
  }
  return description;
}

void ValidateExportMembers(const json& request, ValidationErrors& errors) {
  const json& arn = Member(request, "TableArn");
  errors.NotNull(arn, "tableArn");
  errors.MinLength(arn, "tableArn", 1);
  errors.MaxLength(arn, "tableArn", kMaxTableArnLength);
  ValidateBucketMembers(Member(request, "S3Bucket"), Member(request, "S3BucketOwner"), "s3Bucket",
                        "s3BucketOwner", errors);
  errors.MaxLength(Member(request, "S3Prefix"), "s3Prefix", kMaxS3PrefixLength);
  errors.Enum(Member(request, "S3SseAlgorithm"), "s3SseAlgorithm", "[AES256, KMS]");
  errors.MinLength(Member(request, "S3SseKmsKeyId"), "s3SseKmsKeyId", 1);
  errors.MaxLength(Member(request, "S3SseKmsKeyId"), "s3SseKmsKeyId", 2048);
  errors.Enum(Member(request, "ExportFormat"), "exportFormat", "[DYNAMODB_JSON, ION]");
  errors.Enum(Member(request, "ExportType"), "exportType", "[FULL_EXPORT, INCREMENTAL_EXPORT]");
  errors.Enum(Member(Member(request, "IncrementalExportSpecification"), "ExportViewType"),
              "incrementalExportSpecification.exportViewType", "[NEW_IMAGE, NEW_AND_OLD_IMAGES]");
  ValidateClientToken(Member(request, "ClientToken"), errors);
}

std::string StringOr(const json& value, const char* fallback) {
  return value.is_string() ? value.get<std::string>() : fallback;
}

}  // namespace

base::Result<json> ExportTableToPointInTime(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, ExportShape()); !s.ok()) return s;
  const json& spec = Member(request, "IncrementalExportSpecification");
  for (const json* at : {&Member(request, "ExportTime"), &Member(spec, "ExportFromTime"),
                         &Member(spec, "ExportToTime")}) {
    if (base::Status s = CheckTimestampMember(*at); !s.ok()) return s;
  }
  ValidationErrors errors;
  ValidateExportMembers(request, errors);
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  const std::string arn = Member(request, "TableArn").get<std::string>();
  base::Result<store::Table*> found = TableOfExportArn(state, arn, "ExportTableToPointInTime");
  if (!found.ok()) return found.status();
  store::Table& table = **found;
  if (!table.point_in_time().enabled()) {
    return base::Status(base::ErrorType::kPointInTimeRecoveryUnavailable,
                        "Point in time recovery is not enabled for table '" + table.name() + "'");
  }
  if (Member(request, "S3SseKmsKeyId").is_string() && Member(request, "S3SseAlgorithm") != "KMS") {
    return base::Status::Validation(
        "Invalid Request: KMS Key Id is not supported for this encryption type");
  }
  if (base::Status s = CheckExportType(request); !s.ok()) return s;
  const bool incremental = Member(request, "ExportType") == "INCREMENTAL_EXPORT";
  const double now = state.clock.NowSeconds();
  base::Result<ExportTimes> times =
      CheckExportTimes(request, incremental, table.point_in_time(), now);
  if (!times.ok()) return times.status();

  const std::string token = StringOr(Member(request, "ClientToken"), "");
  const std::string fingerprint = TransferFingerprint(request);
  if (const exchange::ExportRecord* earlier = EarlierJob(state.exports, token, now)) {
    if (earlier->fingerprint != fingerprint) {
      return base::Status(base::ErrorType::kExportConflict,
                          "Export conflict: Duplicate request detected with conflicting parameters");
    }
    return json{{"ExportDescription", ExportDescriptionJson(*earlier, true)}};
  }

  exchange::ExportRecord record;
  record.export_id = NewTransferId(state, table.definition().table_id, now);
  record.arn = state.TableArn(table.name()) + "/export/" + record.export_id;
  record.table_arn = state.TableArn(table.name());
  record.table_id = table.definition().table_id;
  record.client_token = token.empty() ? NewClientToken(state) : token;
  record.fingerprint = fingerprint;
  record.s3_bucket = Member(request, "S3Bucket").get<std::string>();
  record.s3_bucket_owner = StringOr(Member(request, "S3BucketOwner"), "");
  record.s3_prefix = StringOr(Member(request, "S3Prefix"), "");
  record.s3_sse_algorithm = StringOr(Member(request, "S3SseAlgorithm"), "AES256");
  record.s3_sse_kms_key_id = StringOr(Member(request, "S3SseKmsKeyId"), "");
  record.format = StringOr(Member(request, "ExportFormat"), "DYNAMODB_JSON");
  record.type = incremental ? "INCREMENTAL_EXPORT" : "FULL_EXPORT";
  record.type_given = !Member(request, "ExportType").is_null();
  record.start_time = now;
  record.end_time = now;
  record.export_time = incremental ? 0 : times->export_time;
  record.from_time = times->from;
  record.to_time = times->to;
  record.view_type = StringOr(Member(spec, "ExportViewType"), "NEW_AND_OLD_IMAGES");
  ExportDocuments documents = incremental
                                  ? IncrementalExport(table, times->from, times->to,
                                                      record.view_type == "NEW_AND_OLD_IMAGES")
                                  : FullExport(table, times->export_time);
  record.billed_size_bytes = documents.bytes;
  exchange::WriteExportObjects(record, documents.files, state.objects);
  state.exports.push_back(record);
  return json{{"ExportDescription", ExportDescriptionJson(record, false)}};
}

base::Result<json> DescribeExport(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, kExportArnShape); !s.ok()) return s;
  base::Result<std::string> arn = CheckTransferArnMember(state, request, TransferKind::kExport);
  if (!arn.ok()) return arn.status();
  const std::string& text = *arn;
  for (const exchange::ExportRecord& record : state.exports) {
    if (record.arn == text) return json{{"ExportDescription", ExportDescriptionJson(record, true)}};
  }
  return base::Status(base::ErrorType::kExportNotFound,
                      "Export not found: Export not found: " + text);
}

base::Result<json> ListExports(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, kListExportsShape); !s.ok()) return s;
  const json& table_arn = Member(request, "TableArn");
  const json& max_results = Member(request, "MaxResults");
  ValidationErrors errors;
  errors.MinLength(table_arn, "tableArn", 1);
  errors.MaxLength(table_arn, "tableArn", kMaxTableArnLength);
  errors.MinValue(max_results, "maxResults", 1);
  errors.MaxValue(max_results, "maxResults", kMaxListExportsResults);
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  // Newest first; a table ARN lists the exports of the table that has that name now.
  std::string table_id;
  if (table_arn.is_string()) {
    base::Result<store::Table*> table =
        TableOfExportArn(state, table_arn.get<std::string>(), "ListExports");
    if (!table.ok() && table.status().type() != base::ErrorType::kTableNotFound) {
      return table.status();
    }
    table_id = table.ok() ? (*table)->definition().table_id : "-";
  }
  const json& next = Member(request, "NextToken");
  // The token is the id of the last export a page listed; the next page starts below it.
  size_t position = state.exports.size();
  if (next.is_string()) {
    bool found = false;
    for (size_t i = 0; i < state.exports.size(); ++i) {
      if (state.exports[i].export_id != next.get<std::string>()) continue;
      position = i;
      found = true;
    }
    if (!found) {
      return base::Status::Validation("Invalid Request: Provided nextToken is invalid: " +
                                      next.get<std::string>());
    }
  }
  const size_t page_size =
      max_results.is_null() ? kDefaultListExportsResults : max_results.get<size_t>();
  json summaries = json::array();
  json response = json::object();
  std::string last_listed;
  while (position > 0) {
    const exchange::ExportRecord& record = state.exports[--position];
    if (!table_id.empty() && record.table_id != table_id) continue;
    if (summaries.size() == page_size) {
      response["NextToken"] = last_listed;
      break;
    }
    last_listed = record.export_id;
    summaries.push_back(value::JsonObject(
        {{"ExportArn", record.arn}, {"ExportStatus", "COMPLETED"}, {"ExportType", record.type}}));
  }
  response["ExportSummaries"] = std::move(summaries);
  return response;
}

}  // namespace ddbpg::api
