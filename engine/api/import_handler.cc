// Import from S3: ImportTable, DescribeImport and ListImports. ImportTable checks its members and
// the new table's parameters as CreateTable does (TableCreationParameters are a CreateTable
// request without streams, local indexes, tags or table class), reads every object under the
// prefix in the engine's simulated bucket (exchange/import_files.h) and creates the table with
// the items that could be read, without consuming write capacity. The call answers IN_PROGRESS as
// the service does; DescribeImport answers COMPLETED, or FAILED with ItemValidationError when an
// item was skipped (the table keeps the others), or S3NoSuchBucket when the bucket holds nothing
// (no table is made).
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "engine/api/handlers.h"
#include "engine/api/request_schema.h"
#include "engine/api/transfer_checks.h"
#include "engine/api/validation_errors.h"
#include "engine/core/table_restore.h"
#include "engine/exchange/import_files.h"
#include "engine/value/json_object.h"
#include "engine/value/json_reader.h"

namespace ddbpg::api {
namespace {

constexpr long long kMaxListImportsPageSize = 25;
constexpr long long kDefaultListImportsPageSize = 10;
constexpr size_t kMaxCsvHeaders = 255;

const std::vector<MemberSpec>& ImportShape() {
  static const auto* spec = new std::vector<MemberSpec>{
      {"ClientToken", value::WireType::kString},
      {"S3BucketSource",
       value::WireType::kStructure,
       "S3BucketSource",
       MemberKind::kPlain,
       {{"S3Bucket", value::WireType::kString},
        {"S3BucketOwner", value::WireType::kString},
        {"S3KeyPrefix", value::WireType::kString}}},
      {"InputFormat", value::WireType::kString},
      {"InputFormatOptions",
       value::WireType::kStructure,
       "InputFormatOptions",
       MemberKind::kPlain,
       {{"Csv",
         value::WireType::kStructure,
         "CsvOptions",
         MemberKind::kPlain,
         {{"Delimiter", value::WireType::kString},
          {"HeaderList",
           value::WireType::kList,
           "",
           MemberKind::kPlain,
           {},
           value::WireType::kString}}}}},
      {"InputCompressionType", value::WireType::kString},
      {"TableCreationParameters", value::WireType::kStructure, "TableCreationParameters"},
  };
  return *spec;
}

const std::vector<MemberSpec> kImportArnShape = {{"ImportArn", value::WireType::kString}};
const std::vector<MemberSpec> kListImportsShape = {
    {"TableArn", value::WireType::kString},
    {"PageSize", value::WireType::kInteger},
    {"NextToken", value::WireType::kString},
};

// The members of TableCreationParameters, which go to CreateTable as they are.
constexpr const char* kTableCreationMembers[] = {
    "TableName",        "AttributeDefinitions",  "KeySchema",
    "BillingMode",      "ProvisionedThroughput", "OnDemandThroughput",
    "SSESpecification", "GlobalSecondaryIndexes"};

void ValidateImportMembers(const json& request, ValidationErrors& errors) {
  const json& source = Member(request, "S3BucketSource");
  errors.NotNull(source, "s3BucketSource");
  if (!source.is_null()) {
    ValidateBucketMembers(Member(source, "S3Bucket"), Member(source, "S3BucketOwner"),
                          "s3BucketSource.s3Bucket", "s3BucketSource.s3BucketOwner", errors);
    errors.MaxLength(Member(source, "S3KeyPrefix"), "s3BucketSource.s3KeyPrefix",
                     kMaxS3PrefixLength);
  }
  errors.NotNull(Member(request, "InputFormat"), "inputFormat");
  errors.Enum(Member(request, "InputFormat"), "inputFormat", "[DYNAMODB_JSON, ION, CSV]");
  errors.Enum(Member(request, "InputCompressionType"), "inputCompressionType",
              "[ZSTD, NONE, GZIP]");
  const json& csv = Member(Member(request, "InputFormatOptions"), "Csv");
  const json& delimiter = Member(csv, "Delimiter");
  errors.MinLength(delimiter, "inputFormatOptions.csv.delimiter", 1);
  errors.MaxLength(delimiter, "inputFormatOptions.csv.delimiter", 1);
  if (delimiter.is_string() &&
      (delimiter.get<std::string>().size() != 1 ||
       std::string(",;:|\t ").find(delimiter.get<std::string>()[0]) == std::string::npos)) {
    errors.Add(delimiter, "inputFormatOptions.csv.delimiter",
               "Member must satisfy regular expression pattern: [,;:|\\t ]");
  }
  const json& headers = Member(csv, "HeaderList");
  if (headers.is_array() && (headers.empty() || headers.size() > kMaxCsvHeaders)) {
    errors.Add(headers, "inputFormatOptions.csv.headerList",
               "Member must have length between 1 and 255");
  }
  errors.NotNull(Member(request, "TableCreationParameters"), "tableCreationParameters");
  ValidateClientToken(Member(request, "ClientToken"), errors);
}

std::string ImportLogGroupArn(const core::EngineState& state) {
  return "arn:aws:logs:" + state.options.region + ":" + state.options.account_id +
         ":log-group:/aws-dynamodb/imports:*";
}

// The description; one IN_PROGRESS (the answer to the import itself) lacks the counts and the
// end, as ExportDescriptionJson's does.
json ImportDescriptionJson(const core::EngineState& state, const exchange::ImportRecord& record,
                           bool completed) {
  json description = value::JsonObject({
      {"ImportArn", record.arn},
      {"ImportStatus", completed ? record.status : "IN_PROGRESS"},
      {"TableArn", record.table_arn},
      {"TableId", record.table_id},
      {"ClientToken", record.client_token},
      {"S3BucketSource", value::ReadJsonOrDiscarded(record.s3_bucket_source)},
      {"CloudWatchLogGroupArn", ImportLogGroupArn(state)},
      {"InputFormat", record.input_format},
      {"InputCompressionType", record.compression_type},
      {"TableCreationParameters", value::ReadJsonOrDiscarded(record.table_creation_parameters)},
      {"StartTime", record.start_time},
  });
  if (record.input_format_options != "null") {
    description["InputFormatOptions"] = value::ReadJsonOrDiscarded(record.input_format_options);
  }
  if (!completed) return description;
  description["EndTime"] = record.end_time;
  description["ProcessedSizeBytes"] = record.processed_size_bytes;
  description["ProcessedItemCount"] = record.processed_item_count;
  description["ImportedItemCount"] = record.imported_item_count;
  description["ErrorCount"] = record.error_count;
  if (!record.failure_code.empty()) {
    description["FailureCode"] = record.failure_code;
    description["FailureMessage"] = record.failure_message;
  }
  return description;
}

// The key attributes items must carry (the table's) or type correctly (the global indexes').
std::vector<exchange::KeyAttribute> KeyAttributes(const store::Table& table) {
  const store::TableDefinition& definition = table.definition();
  auto type_of = [&](const std::string& name) {
    for (const store::AttributeDefinition& a : definition.attribute_definitions) {
      if (a.attribute_name == name) return a.attribute_type;
    }
    return value::AttributeType::kS;
  };
  std::vector<exchange::KeyAttribute> keys;
  for (const store::KeySchemaElement& element : definition.key_schema) {
    keys.push_back({element.attribute_name, type_of(element.attribute_name), true});
  }
  for (const auto& index : table.indexes()) {
    for (const auto* names : {&index->definition().partition_key, &index->definition().sort_key}) {
      for (const std::string& name : *names) keys.push_back({name, type_of(name), false});
    }
  }
  return keys;
}

exchange::ImportOptions OptionsFor(const json& request, const store::Table& table) {
  exchange::ImportOptions options;
  options.format = Member(request, "InputFormat").get<std::string>();
  const json& compression = Member(request, "InputCompressionType");
  options.compression = compression.is_string() ? compression.get<std::string>() : "NONE";
  const json& csv = Member(Member(request, "InputFormatOptions"), "Csv");
  if (Member(csv, "Delimiter").is_string()) {
    options.csv_delimiter = Member(csv, "Delimiter").get<std::string>()[0];
  }
  if (Member(csv, "HeaderList").is_array()) {
    options.csv_header = Member(csv, "HeaderList").get<std::vector<std::string>>();
  }
  options.keys = KeyAttributes(table);
  return options;
}

// Replaces the table CreateTable made with one holding `items`, as a restore fills a table:
// the items are not writes (no capacity, no history).
store::Table& FillTable(core::EngineState& state, const std::string& name,
                        std::vector<value::Item> items) {
  store::Table& created = *state.FindTable(name);
  store::TableDefinition definition = created.definition();
  std::vector<index::IndexDefinition> indexes;
  for (const auto& index : created.indexes()) indexes.push_back(index->definition());
  state.tables.erase(name);
  return core::RestoreTable(state, std::move(definition), std::move(indexes), std::move(items));
}

}  // namespace

base::Result<json> ImportTable(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, ImportShape()); !s.ok()) return s;
  ValidationErrors errors;
  ValidateImportMembers(request, errors);
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  const std::string format = Member(request, "InputFormat").get<std::string>();
  if (!Member(request, "InputFormatOptions").is_null() && format != "CSV") {
    return base::Status::Validation(
        "Invalid Request: Unsupported InputFormatOptions for the given input format: " + format +
        ".");
  }
  const double now = state.clock.NowSeconds();
  const json& token_member = Member(request, "ClientToken");
  const std::string token = token_member.is_string() ? token_member.get<std::string>() : "";
  const std::string fingerprint = TransferFingerprint(request);
  if (const exchange::ImportRecord* earlier = EarlierJob(state.imports, token, now)) {
    if (earlier->fingerprint != fingerprint) {
      return base::Status(base::ErrorType::kImportConflict,
                          "Import conflict: Duplicate request detected with conflicting parameters");
    }
    return json{{"ImportTableDescription", ImportDescriptionJson(state, *earlier, true)}};
  }

  // The new table, checked and made as CreateTable makes it.
  const json& parameters = Member(request, "TableCreationParameters");
  json create = json::object();
  for (const char* member : kTableCreationMembers) {
    if (parameters.contains(member)) create[member] = parameters[member];
  }
  base::Result<json> created = CreateTable(state, create);
  if (!created.ok()) return created.status();
  const std::string name = create["TableName"].get<std::string>();
  // Replaced by FillTable below: read what is needed of it now.
  const std::string created_table_id = state.FindTable(name)->definition().table_id;
  const exchange::ImportOptions options = OptionsFor(request, *state.FindTable(name));

  const json& source = Member(request, "S3BucketSource");
  exchange::ImportRecord record;
  // The id's hash takes the table's name: the filled table's id is only known after the read.
  record.arn = state.TableArn(name) + "/import/" + NewTransferId(state, name, now);
  record.table_arn = state.TableArn(name);
  record.table_id = created_table_id;
  record.client_token = token.empty() ? NewClientToken(state) : token;
  record.fingerprint = fingerprint;
  json bucket_source = source;
  if (!source.contains("S3BucketOwner")) bucket_source["S3BucketOwner"] = state.options.account_id;
  record.s3_bucket_source = bucket_source.dump();
  record.input_format = format;
  record.input_format_options = Member(request, "InputFormatOptions").dump();
  record.compression_type = Member(request, "InputCompressionType").is_string()
                                ? Member(request, "InputCompressionType").get<std::string>()
                                : "NONE";
  record.table_creation_parameters = parameters.dump();
  record.start_time = now;
  record.end_time = now;

  const std::string bucket = Member(source, "S3Bucket").get<std::string>();
  if (state.objects.buckets().count(bucket) == 0) {
    // The service finds out before it creates the table, and makes none.
    state.tables.erase(name);
    record.status = "FAILED";
    record.failure_code = "S3NoSuchBucket";
    record.failure_message =
        "The specified bucket does not exist (Service: Amazon S3; Status Code: 404; Error Code: "
        "NoSuchBucket; Proxy: null)";
  } else {
    const json& prefix = Member(source, "S3KeyPrefix");
    exchange::ImportedItems read = exchange::ReadImportObjects(
        state.objects.List(bucket, prefix.is_string() ? prefix.get<std::string>() : ""),
        options);
    record.processed_size_bytes = read.processed_bytes;
    record.processed_item_count = read.processed_items;
    record.error_count = read.errors;
    const store::Table& filled = FillTable(state, name, std::move(read.items));
    record.table_id = filled.definition().table_id;
    record.imported_item_count = filled.item_count();
    if (read.errors > 0) {
      record.status = "FAILED";
      record.failure_code = "ItemValidationError";
      record.failure_message =
          "Some of the items failed validation checks and were not imported. Please check "
          "CloudWatch error logs for more details.";
    }
  }
  state.imports.push_back(record);
  return json{{"ImportTableDescription", ImportDescriptionJson(state, record, false)}};
}

base::Result<json> DescribeImport(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, kImportArnShape); !s.ok()) return s;
  base::Result<std::string> arn = CheckTransferArnMember(state, request, TransferKind::kImport);
  if (!arn.ok()) return arn.status();
  const std::string& text = *arn;
  for (const exchange::ImportRecord& record : state.imports) {
    if (record.arn == text) {
      return json{{"ImportTableDescription", ImportDescriptionJson(state, record, true)}};
    }
  }
  return base::Status(base::ErrorType::kImportNotFound, "Import not found: " + text);
}

base::Result<json> ListImports(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, kListImportsShape); !s.ok()) return s;
  const json& table_arn = Member(request, "TableArn");
  const json& page_size = Member(request, "PageSize");
  const json& next = Member(request, "NextToken");
  ValidationErrors errors;
  errors.MinLength(table_arn, "tableArn", 1);
  errors.MaxLength(table_arn, "tableArn", kMaxTableArnLength);
  errors.MinValue(page_size, "pageSize", 1);
  errors.MaxValue(page_size, "pageSize", kMaxListImportsPageSize);
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  // Newest first. The token is the position of the next import, as 112 hex digits (the
  // service's tokens are 112 or more).
  size_t position = state.imports.size();
  if (next.is_string()) {
    const std::string text = next.get<std::string>();
    size_t parsed = 0;
    bool valid = text.size() == 112;
    for (char c : text) {
      const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
      valid = valid && hex;
      if (hex) parsed = parsed * 16 + static_cast<size_t>(c <= '9' ? c - '0' : c - 'a' + 10);
    }
    if (!valid || parsed > state.imports.size()) {
      return base::Status::Validation("Invalid Request: Provided nextToken is invalid: " + text);
    }
    position = parsed;
  }
  const size_t limit = page_size.is_null() ? kDefaultListImportsPageSize : page_size.get<size_t>();
  json summaries = json::array();
  json response = json::object();
  while (position > 0) {
    const exchange::ImportRecord& record = state.imports[position - 1];
    if (table_arn.is_string() && record.table_arn != table_arn.get<std::string>()) {
      --position;
      continue;
    }
    if (summaries.size() == limit) {
      char token[113];
      std::snprintf(token, sizeof(token), "%0112zx", position);
      response["NextToken"] = token;
      break;
    }
    --position;
    summaries.push_back(
        value::JsonObject({{"ImportArn", record.arn},
                           {"ImportStatus", record.status},
                           {"TableArn", record.table_arn},
                           {"S3BucketSource", value::ReadJsonOrDiscarded(record.s3_bucket_source)},
                           {"CloudWatchLogGroupArn", ImportLogGroupArn(state)},
                           {"InputFormat", record.input_format},
                           {"StartTime", record.start_time},
                           {"EndTime", record.end_time}}));
  }
  response["ImportSummaryList"] = std::move(summaries);
  return response;
}

}  // namespace ddbpg::api
