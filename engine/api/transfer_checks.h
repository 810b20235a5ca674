// What export to and import from S3 check alike (export_handler.cc, import_handler.cc): bucket
// names and owners, client tokens, table ARNs as the export operations read them, and the ids
// and ARNs of their jobs.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "engine/api/validation_errors.h"
#include "engine/base/status.h"
#include "engine/core/engine_state.h"

namespace ddbpg::api {

using json = nlohmann::json;

constexpr size_t kMaxTableArnLength = 1024;
constexpr size_t kMaxS3PrefixLength = 1024;
constexpr size_t kMaxS3BucketLength = 255;
// ExportArn and ImportArn: 37 to 1024 characters.
constexpr size_t kMinTransferArnLength = 37;
constexpr size_t kMaxTransferArnLength = 1024;
// A ClientToken is remembered for 8 hours after its request (API reference).
constexpr double kClientTokenSeconds = 8 * 3600;

// S3Bucket (required; ^[a-z0-9A-Z]+[\.\-\w]*[a-z0-9A-Z]+$, at most 255) and S3BucketOwner
// ([0-9]{12}), reported under `bucket_path` and `owner_path`.
void ValidateBucketMembers(const json& bucket, const json& owner, std::string_view bucket_path,
                           std::string_view owner_path, ValidationErrors& errors);
// ClientToken: ^[^\$]+$.
void ValidateClientToken(const json& token, ValidationErrors& errors);

// The table an export operation's TableArn names, in the service's words: not an ARN, another
// account (AccessDeniedException), not a table's ARN, no such table (TableNotFoundException,
// quoting the ARN as given). The region in the ARN is not compared, as the service does not.
base::Result<store::Table*> TableOfExportArn(core::EngineState& state, const std::string& arn,
                                             std::string_view operation);

enum class TransferKind { kExport, kImport };

// DescribeExport's ExportArn or DescribeImport's ImportArn: present, 37 to 1024 characters, then
// of the form of that kind of job's ARN ("Invalid Export ARN"); the ARN when it is.
base::Result<std::string> CheckTransferArnMember(const core::EngineState& state,
                                                 const json& request, TransferKind kind);

// The request as a retry with the same ClientToken must repeat it: without the token.
std::string TransferFingerprint(const json& request);

// The job of `jobs` (exports or imports) an earlier request with `token` started within the
// token's 8 hours before `now`, or null.
template <class Job>
const Job* EarlierJob(const std::vector<Job>& jobs, const std::string& token, double now) {
  if (token.empty()) return nullptr;
  for (const Job& job : jobs) {
    if (job.client_token == token && now - job.start_time <= kClientTokenSeconds) return &job;
  }
  return nullptr;
}

// A new job id, <14-digit ms>-<8 hex>, from the table's id and a counter (deterministic).
std::string NewTransferId(core::EngineState& state, const std::string& table_id, double now);
// A UUID-shaped ClientToken for a request that gave none, as the service makes one.
std::string NewClientToken(core::EngineState& state);

// 2026-10-09T00:41:50Z: how the export time messages show an instant.
std::string FormatUtcIsoSeconds(double epoch_seconds);

}  // namespace ddbpg::api
