#include "engine/persist/transfer_codec.h"

#include "engine/value/json_object.h"

namespace ddbpg::persist {

using json = nlohmann::json;

json SaveExport(const exchange::ExportRecord& r) {
  return value::JsonObject({{"Arn", r.arn},
                            {"ExportId", r.export_id},
                            {"TableArn", r.table_arn},
                            {"TableId", r.table_id},
                            {"ClientToken", r.client_token},
                            {"Fingerprint", r.fingerprint},
                            {"S3Bucket", r.s3_bucket},
                            {"S3BucketOwner", r.s3_bucket_owner},
                            {"S3Prefix", r.s3_prefix},
                            {"S3SseAlgorithm", r.s3_sse_algorithm},
                            {"S3SseKmsKeyId", r.s3_sse_kms_key_id},
                            {"Format", r.format},
                            {"Type", r.type},
                            {"TypeGiven", r.type_given},
                            {"StartTime", r.start_time},
                            {"EndTime", r.end_time},
                            {"ExportTime", r.export_time},
                            {"FromTime", r.from_time},
                            {"ToTime", r.to_time},
                            {"ViewType", r.view_type},
                            {"BilledSizeBytes", r.billed_size_bytes},
                            {"ItemCount", r.item_count},
                            {"ManifestKey", r.manifest_key}});
}

exchange::ExportRecord LoadExport(const json& s) {
  exchange::ExportRecord r;
  r.arn = s.at("Arn").get<std::string>();
  r.export_id = s.at("ExportId").get<std::string>();
  r.table_arn = s.at("TableArn").get<std::string>();
  r.table_id = s.at("TableId").get<std::string>();
  r.client_token = s.at("ClientToken").get<std::string>();
  r.fingerprint = s.at("Fingerprint").get<std::string>();
  r.s3_bucket = s.at("S3Bucket").get<std::string>();
  r.s3_bucket_owner = s.at("S3BucketOwner").get<std::string>();
  r.s3_prefix = s.at("S3Prefix").get<std::string>();
  r.s3_sse_algorithm = s.at("S3SseAlgorithm").get<std::string>();
  r.s3_sse_kms_key_id = s.at("S3SseKmsKeyId").get<std::string>();
  r.format = s.at("Format").get<std::string>();
  r.type = s.at("Type").get<std::string>();
  r.type_given = s.at("TypeGiven").get<bool>();
  r.start_time = s.at("StartTime").get<double>();
  r.end_time = s.at("EndTime").get<double>();
  r.export_time = s.at("ExportTime").get<double>();
  r.from_time = s.at("FromTime").get<double>();
  r.to_time = s.at("ToTime").get<double>();
  r.view_type = s.at("ViewType").get<std::string>();
  r.billed_size_bytes = s.at("BilledSizeBytes").get<long long>();
  r.item_count = s.at("ItemCount").get<long long>();
  r.manifest_key = s.at("ManifestKey").get<std::string>();
  return r;
}

json SaveImport(const exchange::ImportRecord& r) {
  return value::JsonObject({{"Arn", r.arn},
                            {"TableArn", r.table_arn},
                            {"TableId", r.table_id},
                            {"ClientToken", r.client_token},
                            {"Fingerprint", r.fingerprint},
                            {"S3BucketSource", r.s3_bucket_source},
                            {"InputFormat", r.input_format},
                            {"InputFormatOptions", r.input_format_options},
                            {"CompressionType", r.compression_type},
                            {"TableCreationParameters", r.table_creation_parameters},
                            {"Status", r.status},
                            {"FailureCode", r.failure_code},
                            {"FailureMessage", r.failure_message},
                            {"StartTime", r.start_time},
                            {"EndTime", r.end_time},
                            {"ProcessedSizeBytes", r.processed_size_bytes},
                            {"ProcessedItemCount", r.processed_item_count},
                            {"ImportedItemCount", r.imported_item_count},
                            {"ErrorCount", r.error_count}});
}

exchange::ImportRecord LoadImport(const json& s) {
  exchange::ImportRecord r;
  r.arn = s.at("Arn").get<std::string>();
  r.table_arn = s.at("TableArn").get<std::string>();
  r.table_id = s.at("TableId").get<std::string>();
  r.client_token = s.at("ClientToken").get<std::string>();
  r.fingerprint = s.at("Fingerprint").get<std::string>();
  r.s3_bucket_source = s.at("S3BucketSource").get<std::string>();
  r.input_format = s.at("InputFormat").get<std::string>();
  r.input_format_options = s.at("InputFormatOptions").get<std::string>();
  r.compression_type = s.at("CompressionType").get<std::string>();
  r.table_creation_parameters = s.at("TableCreationParameters").get<std::string>();
  r.status = s.at("Status").get<std::string>();
  r.failure_code = s.at("FailureCode").get<std::string>();
  r.failure_message = s.at("FailureMessage").get<std::string>();
  r.start_time = s.at("StartTime").get<double>();
  r.end_time = s.at("EndTime").get<double>();
  r.processed_size_bytes = s.at("ProcessedSizeBytes").get<long long>();
  r.processed_item_count = s.at("ProcessedItemCount").get<long long>();
  r.imported_item_count = s.at("ImportedItemCount").get<long long>();
  r.error_count = s.at("ErrorCount").get<long long>();
  return r;
}

}  // namespace ddbpg::persist
