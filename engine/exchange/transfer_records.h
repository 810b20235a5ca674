// What the engine remembers of each export (ExportTableToPointInTime) and import (ImportTable):
// the members DescribeExport / DescribeImport answer with, kept after the files are written.
#pragma once

#include <string>

namespace ddbpg::exchange {

struct ExportRecord {
  std::string arn;
  std::string export_id;  // <14-digit start ms>-<8 hex>, the folder under AWSDynamoDB/
  std::string table_arn;
  std::string table_id;
  std::string client_token;
  // The request as canonical JSON without its ClientToken: a retry with the same token must
  // match it (ExportConflictException otherwise).
  std::string fingerprint;
  std::string s3_bucket;
  std::string s3_bucket_owner;
  std::string s3_prefix;
  std::string s3_sse_algorithm = "AES256";
  std::string s3_sse_kms_key_id;
  std::string format = "DYNAMODB_JSON";  // or ION
  std::string type = "FULL_EXPORT";      // or INCREMENTAL_EXPORT
  bool type_given = false;               // DescribeExport echoes ExportType only when given
  double start_time = 0;
  double end_time = 0;
  double export_time = 0;  // a full export's instant
  // An incremental export's window [from, to) and view type.
  double from_time = 0;
  double to_time = 0;
  std::string view_type;
  long long billed_size_bytes = 0;
  long long item_count = 0;
  std::string manifest_key;  // the manifest-summary.json key, DescribeExport's ExportManifest
};

struct ImportRecord {
  std::string arn;
  std::string table_arn;
  std::string table_id;
  std::string client_token;
  std::string fingerprint;
  // S3BucketSource, InputFormatOptions ("null" when not given) and TableCreationParameters as
  // the request gave them (JSON text: the core holds no JSON trees), S3BucketOwner filled in.
  std::string s3_bucket_source;
  std::string input_format;
  std::string input_format_options = "null";
  std::string compression_type = "NONE";
  std::string table_creation_parameters;
  std::string status = "COMPLETED";  // or FAILED
  std::string failure_code;
  std::string failure_message;
  double start_time = 0;
  double end_time = 0;
  long long processed_size_bytes = 0;
  long long processed_item_count = 0;
  long long imported_item_count = 0;
  long long error_count = 0;
};

}  // namespace ddbpg::exchange
