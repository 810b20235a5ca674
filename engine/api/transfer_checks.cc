#include "engine/api/transfer_checks.h"

#include <cctype>
#include <cmath>
#include <cstdio>

#include "engine/api/request_schema.h"
#include "engine/base/utc_time.h"
#include "engine/exchange/md5.h"

namespace ddbpg::api {
namespace {

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// ^[a-z0-9A-Z]+[\.\-\w]*[a-z0-9A-Z]+$
bool IsBucketName(const std::string& name) {
  if (name.size() < 2 || !IsAlnum(name.front()) || !IsAlnum(name.back())) return false;
  for (char c : name) {
    if (!IsAlnum(c) && c != '.' && c != '-' && c != '_') return false;
  }
  return true;
}

std::vector<std::string> SplitArn(const std::string& arn) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (int i = 0; i < 5; ++i) {
    const size_t colon = arn.find(':', start);
    if (colon == std::string::npos) break;
    parts.push_back(arn.substr(start, colon - start));
    start = colon + 1;
  }
  parts.push_back(arn.substr(start));
  return parts;
}

// Whether `arn` has the form of an export's or import's ARN in this account ("/export/" or
// "/import/" after the table).
bool IsTransferArn(const core::EngineState& state, const std::string& arn, std::string_view kind) {
  const std::string head =
      "arn:aws:dynamodb:" + state.options.region + ":" + state.options.account_id + ":table/";
  if (arn.compare(0, head.size(), head) != 0) return false;
  const size_t at = arn.find(kind, head.size());
  return at != std::string::npos && at > head.size() && at + kind.size() < arn.size();
}

}  // namespace

void ValidateBucketMembers(const json& bucket, const json& owner, std::string_view bucket_path,
                           std::string_view owner_path, ValidationErrors& errors) {
  errors.NotNull(bucket, bucket_path);
  errors.MaxLength(bucket, bucket_path, kMaxS3BucketLength);
  if (bucket.is_string() && !IsBucketName(bucket.get<std::string>())) {
    errors.Add(bucket, bucket_path,
               "Member must satisfy regular expression pattern: "
               "^[a-z0-9A-Z]+[\\.\\-\\w]*[a-z0-9A-Z]+$");
  }
  if (owner.is_string()) {
    const std::string text = owner.get<std::string>();
    bool digits = text.size() == 12;
    for (char c : text) digits = digits && std::isdigit(static_cast<unsigned char>(c));
    if (!digits)
      errors.Add(owner, owner_path, "Member must satisfy regular expression pattern: [0-9]{12}");
  }
}

void ValidateClientToken(const json& token, ValidationErrors& errors) {
  if (!token.is_string()) return;
  const std::string text = token.get<std::string>();
  if (text.empty() || text.find('$') != std::string::npos) {
    errors.Add(token, "clientToken", "Member must satisfy regular expression pattern: ^[^\\$]+$");
  }
}

base::Result<store::Table*> TableOfExportArn(core::EngineState& state, const std::string& arn,
                                             std::string_view operation) {
  (void)operation;
  if (arn.compare(0, 4, "arn:") != 0) {
    return base::Status::Validation(
        "One or more parameter values were invalid: tableArn is not a valid ARN");
  }
  const std::vector<std::string> parts = SplitArn(arn);
  if (parts.size() == 6 && (parts[2] != "dynamodb" || parts[4] != state.options.account_id)) {
    return base::Status::AccessDenied("Access is denied");
  }
  constexpr std::string_view kTable = "table/";
  if (parts.size() != 6 || parts[1] != "aws" || parts[5].compare(0, kTable.size(), kTable) != 0 ||
      parts[5].size() == kTable.size() || parts[5].find('/', kTable.size()) != std::string::npos) {
    return base::Status::Validation("Invalid Request: Table ARN is invalid.");
  }
  store::Table* table = state.FindTable(parts[5].substr(kTable.size()));
  if (table == nullptr) {
    return base::Status(base::ErrorType::kTableNotFound, "Table not found: " + arn);
  }
  return table;
}

base::Result<std::string> CheckTransferArnMember(const core::EngineState& state,
                                                 const json& request, TransferKind kind) {
  const bool is_export = kind == TransferKind::kExport;
  const json& arn = Member(request, is_export ? "ExportArn" : "ImportArn");
  const char* path = is_export ? "exportArn" : "importArn";
  ValidationErrors errors;
  errors.NotNull(arn, path);
  errors.MinLength(arn, path, kMinTransferArnLength);
  errors.MaxLength(arn, path, kMaxTransferArnLength);
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  std::string text = arn.get<std::string>();
  if (!IsTransferArn(state, text, is_export ? "/export/" : "/import/")) {
    return base::Status::Validation(is_export ? "Invalid Export ARN" : "Invalid Import ARN");
  }
  return text;
}

std::string TransferFingerprint(const json& request) {
  json fingerprint = request;
  fingerprint.erase("ClientToken");
  return fingerprint.dump();
}

std::string NewTransferId(core::EngineState& state, const std::string& table_id, double now) {
  ++state.transfers_started;
  char id[40];
  std::snprintf(id, sizeof(id), "%014lld-%s", static_cast<long long>(std::llround(now * 1000)),
                exchange::Md5Hex(table_id + "/" + std::to_string(state.transfers_started))
                    .substr(0, 8)
                    .c_str());
  return id;
}

std::string NewClientToken(core::EngineState& state) {
  const std::string hex =
      exchange::Md5Hex("client-token/" + std::to_string(state.transfers_started));
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-4" + hex.substr(13, 3) + "-8" +
         hex.substr(17, 3) + "-" + hex.substr(20, 12);
}

std::string FormatUtcIsoSeconds(double epoch_seconds) {
  std::string text = base::FormatUtcIsoMillis(std::floor(epoch_seconds));
  const size_t dot = text.rfind('.');
  return dot == std::string::npos ? text : text.substr(0, dot) + "Z";
}

}  // namespace ddbpg::api
