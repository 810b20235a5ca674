// Resource-based policies: PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy, on a
// table or on a table's stream (each its own slot). Checks in this order: the members, the ARN,
// the document (Put), the resource, the expected revision, then the 15-second window after a
// change. Texts captured from the live service (2026), except those docs/differences.md lists as
// guessed. The service applies a change about two seconds later (GetResourcePolicy may answer
// the old policy meanwhile, and a change then is ResourceInUseException); the playground applies
// it at once. The policy is stored and answered, never evaluated (docs/differences.md).
#include <string>
#include <vector>

#include "engine/api/handlers.h"
#include "engine/api/messages.h"
#include "engine/api/request_schema.h"
#include "engine/api/resource_arn.h"
#include "engine/api/resource_policy_document.h"
#include "engine/api/validation_errors.h"
#include "engine/base/limits.h"
#include "engine/base/utc_time.h"

namespace ddbpg::api {
namespace {

// ExpectedRevisionId: 1 to 255 characters (API reference).
constexpr size_t kMaxRevisionIdLength = 255;
// A slot refuses a change for 15 seconds after the last one (Developer Guide, "DynamoDB
// resource-based policy considerations"); the service's text counts it in milliseconds.
constexpr double kChangeWindowSeconds = 15;
// ExpectedRevisionId's value for "only if no policy is attached" (PutResourcePolicy API reference).
constexpr const char* kNoPolicy = "NO_POLICY";
constexpr const char* kPolicyNotFound =
    "Resource-based policy not found for the provided ResourceArn: ";

const std::vector<MemberSpec>& PutShape() {
  static const auto* spec = new std::vector<MemberSpec>{
      {"ResourceArn", value::WireType::kString},
      {"Policy", value::WireType::kString},
      {"ExpectedRevisionId", value::WireType::kString},
      {"ConfirmRemoveSelfResourceAccess", value::WireType::kBoolean},
  };
  return *spec;
}

const std::vector<MemberSpec>& GetShape() {
  static const auto* spec = new std::vector<MemberSpec>{{"ResourceArn", value::WireType::kString}};
  return *spec;
}

const std::vector<MemberSpec>& DeleteShape() {
  static const auto* spec = new std::vector<MemberSpec>{
      {"ResourceArn", value::WireType::kString},
      {"ExpectedRevisionId", value::WireType::kString},
  };
  return *spec;
}

// The slot `arn` names, and how the service's texts name its owner ("table Music", "stream
// 2026-...").
struct PolicySlot {
  base::ResourcePolicy* policy = nullptr;
  std::string owner;
};

// The request's shape and the members every operation checks, then the ARN.
base::Result<ResourceArn> CheckArnAndMembers(const core::EngineState& state, const json& request,
                                             const std::vector<MemberSpec>& shape, bool put) {
  if (base::Status s = CheckRequestShape(request, shape); !s.ok()) return s;
  const json& arn = Member(request, "ResourceArn");
  ValidationErrors errors;
  errors.NotNull(arn, "resourceArn");
  errors.MinLength(arn, "resourceArn", 1);
  errors.MaxLength(arn, "resourceArn", base::limits::kMaxResourceArnLength);
  if (put) errors.NotNull(Member(request, "Policy"), "policy");
  const json& expected = Member(request, "ExpectedRevisionId");
  errors.MinLength(expected, "expectedRevisionId", 1);
  errors.MaxLength(expected, "expectedRevisionId", kMaxRevisionIdLength);
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  return ParsePolicyResourceArn(state, arn.get<std::string>());
}

// The table's slot, or the stream's. `for_change`: a stream whose table is gone can be read
// (its policy went with the table) but not changed.
base::Result<PolicySlot> FindSlot(core::EngineState& state, const std::string& arn,
                                  const ResourceArn& resource, bool for_change) {
  store::Table* table = state.FindTable(resource.table_name);
  if (resource.stream_label.empty()) {
    if (table == nullptr)
      return base::Status::ResourceNotFound(TableNotFoundMessage(resource.table_name));
    return PolicySlot{&table->mutable_definition().resource_policy, "table " + resource.table_name};
  }
  streams::Stream* stream = state.FindStream(arn);
  if (stream == nullptr) {
    return base::Status::ResourceNotFound(
        "Requested resource not found: Stream: " + resource.stream_label +
        " not found for Table: " + resource.table_name);
  }
  if (for_change && table == nullptr) {
    return base::Status::ResourceNotFound(TableNotFoundMessage(resource.table_name));
  }
  return PolicySlot{&stream->mutable_resource_policy(), "stream " + resource.stream_label};
}

// ExpectedRevisionId, when given, must name the attached revision (or NO_POLICY, none).
base::Status CheckExpectedRevision(const json& expected, const PolicySlot& slot,
                                   const std::string& arn) {
  if (expected.is_null()) return base::Status::OK();
  const std::string wanted = expected.get<std::string>();
  const base::ResourcePolicy& policy = *slot.policy;
  if (wanted == kNoPolicy) {
    if (!policy.attached()) return base::Status::OK();
    return base::Status(base::ErrorType::kPolicyNotFound,
                        std::string(kPolicyNotFound) +
                            "Requested policy update expecting none to be "
                            "present for " +
                            slot.owner + ", but a policy exists with revision id " +
                            policy.revision_id + ".");
  }
  if (!policy.attached())
    return base::Status(base::ErrorType::kPolicyNotFound, kPolicyNotFound + arn);
  if (wanted == policy.revision_id) return base::Status::OK();
  return base::Status(base::ErrorType::kPolicyNotFound,
                      std::string(kPolicyNotFound) +
                          "Requested update for policy with revision id " + wanted +
                          ", but the policy associated to target " + slot.owner +
                          " has revision id " + policy.revision_id + ".");
}

// The slot the request's ARN names; for a change, once its ExpectedRevisionId matches.
base::Result<PolicySlot> RequestedSlot(core::EngineState& state, const json& request,
                                       const ResourceArn& resource, bool for_change) {
  const std::string arn = Member(request, "ResourceArn").get<std::string>();
  base::Result<PolicySlot> slot = FindSlot(state, arn, resource, for_change);
  if (!slot.ok() || !for_change) return slot;
  if (base::Status s = CheckExpectedRevision(Member(request, "ExpectedRevisionId"), *slot, arn);
      !s.ok()) {
    return s;
  }
  return slot;
}

// A change within 15 seconds of the slot's last one is throttled, with the moment it may retry.
base::Status CheckChangeWindow(const PolicySlot& slot, double now) {
  const std::optional<double>& changed_at = slot.policy->changed_at;
  if (!changed_at || now >= *changed_at + kChangeWindowSeconds) return base::Status::OK();
  return base::Status::Throttling(
      "Resource-based policy for " + slot.owner + " modified within the previous " +
      std::to_string(static_cast<int>(kChangeWindowSeconds * 1000)) +
      " milliseconds. Please try again after " +
      base::FormatUtcIsoMillis(*changed_at + kChangeWindowSeconds) + "Z.");
}

}  // namespace

base::Result<json> PutResourcePolicy(core::EngineState& state, const json& request) {
  base::Result<ResourceArn> resource = CheckArnAndMembers(state, request, PutShape(), /*put=*/true);
  if (!resource.ok()) return resource.status();
  base::Result<std::string> document =
      CanonicalPolicyDocument(Member(request, "Policy").get<std::string>());
  if (!document.ok()) return document.status();
  base::Result<PolicySlot> slot = RequestedSlot(state, request, *resource, /*for_change=*/true);
  if (!slot.ok()) return slot.status();
  base::ResourcePolicy& policy = *slot->policy;
  // The same policy again changes nothing and keeps its revision, even within the window.
  if (policy.attached() && policy.document == *document) {
    return json{{"RevisionId", policy.revision_id}};
  }
  const double now = state.clock.NowSeconds();
  if (base::Status s = CheckChangeWindow(*slot, now); !s.ok()) return s;
  policy.revision_id = NextRevisionId(policy, now);
  policy.document = std::move(*document);
  policy.changed_at = now;
  return json{{"RevisionId", policy.revision_id}};
}

base::Result<json> GetResourcePolicy(core::EngineState& state, const json& request) {
  base::Result<ResourceArn> resource =
      CheckArnAndMembers(state, request, GetShape(), /*put=*/false);
  if (!resource.ok()) return resource.status();
  base::Result<PolicySlot> slot = RequestedSlot(state, request, *resource, /*for_change=*/false);
  if (!slot.ok()) return slot.status();
  const base::ResourcePolicy& policy = *slot->policy;
  if (!policy.attached()) {
    return base::Status(base::ErrorType::kPolicyNotFound,
                        kPolicyNotFound + Member(request, "ResourceArn").get<std::string>());
  }
  return json{{"Policy", policy.document}, {"RevisionId", policy.revision_id}};
}

base::Result<json> DeleteResourcePolicy(core::EngineState& state, const json& request) {
  base::Result<ResourceArn> resource =
      CheckArnAndMembers(state, request, DeleteShape(), /*put=*/false);
  if (!resource.ok()) return resource.status();
  base::Result<PolicySlot> slot = RequestedSlot(state, request, *resource, /*for_change=*/true);
  if (!slot.ok()) return slot.status();
  base::ResourcePolicy& policy = *slot->policy;
  // Deleting what is not there is not an error, and answers no revision (API reference).
  if (!policy.attached()) return json::object();
  const double now = state.clock.NowSeconds();
  if (base::Status s = CheckChangeWindow(*slot, now); !s.ok()) return s;
  policy.document.clear();
  policy.changed_at = now;
  // The answer names the revision removed.
  return json{{"RevisionId", policy.revision_id}};
}

}  // namespace ddbpg::api
