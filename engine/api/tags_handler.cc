// Tagging: TagResource, UntagResource and ListTagsOfResource, on a table or a table's stream.
// Checks in the service's order (dynalite's recordings, with the texts the live service sends
// since 2025): the ARN's access checks, the members, the ARN's form, the tags themselves, the
// resource, then the count after merging. The service applies a change about two seconds later
// and refuses a second change meanwhile; the playground applies it at once (docs/differences.md).
#include <string>

#include "engine/api/handlers.h"
#include "engine/api/request_schema.h"
#include "engine/api/resource_arn.h"
#include "engine/api/tag_rules.h"
#include "engine/api/validation_errors.h"
#include "engine/base/limits.h"
#include "engine/value/json_object.h"

namespace ddbpg::api {
namespace {

const std::vector<MemberSpec>& TagResourceShape() {
  static const auto* spec = new std::vector<MemberSpec>{
      {"ResourceArn", value::WireType::kString},
      TagsMember(),
  };
  return *spec;
}

const std::vector<MemberSpec>& UntagResourceShape() {
  static const auto* spec = new std::vector<MemberSpec>{
      {"ResourceArn", value::WireType::kString},
      {"TagKeys",
       value::WireType::kList,
       "String",
       MemberKind::kPlain,
       {},
       value::WireType::kString},
  };
  return *spec;
}

const std::vector<MemberSpec>& ListTagsShape() {
  static const auto* spec = new std::vector<MemberSpec>{
      {"ResourceArn", value::WireType::kString},
      {"NextToken", value::WireType::kString},
  };
  return *spec;
}

// The ARN's first step, before the members: present, then its access checks.
base::Result<std::string> AccessibleArn(const core::EngineState& state, const json& request,
                                        std::string_view operation) {
  const json& arn = Member(request, "ResourceArn");
  // A missing ARN gets these two words alone, ahead of any member error (dynalite).
  if (arn.is_null()) return base::Status::Validation("Invalid TableArn");
  if (base::Status s = CheckArnAccess(state, arn.get<std::string>(), operation); !s.ok()) return s;
  return arn.get<std::string>();
}

// The tags of the table or stream `arn` names: a stream does not share its table's.
base::Result<TagMap*> TagsOf(core::EngineState& state, const std::string& arn,
                             const ResourceArn& resource) {
  if (resource.stream_label.empty()) {
    if (store::Table* table = state.FindTable(resource.table_name)) {
      return &table->mutable_definition().tags;
    }
  } else if (streams::Stream* stream = state.FindStream(arn)) {
    return &stream->mutable_tags();
  }
  // The service's tagging texts have said "ResourceArn" since 2024; earlier ones "ResourcArn".
  return base::Status::ResourceNotFound("Requested resource not found: ResourceArn: " + arn +
                                        " not found");
}

size_t TagSetBytes(const TagMap& tags) {
  size_t bytes = 0;
  for (const auto& [key, value] : tags) bytes += key.size() + value.size();
  return bytes;
}

}  // namespace

base::Result<json> TagResource(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, TagResourceShape()); !s.ok()) return s;
  base::Result<std::string> arn = AccessibleArn(state, request, "TagResource");
  if (!arn.ok()) return arn.status();
  const json& tags = Member(request, "Tags");
  ValidationErrors errors;
  errors.MaxLength(Member(request, "ResourceArn"), "resourceArn",
                   base::limits::kMaxResourceArnLength);
  errors.NotNull(tags, "tags");
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  base::Result<ResourceArn> resource = ParseResourceArn(state, *arn);
  if (!resource.ok()) return resource.status();
  if (tags.empty())
    return base::Status::Validation("Atleast one Tag needs to be provided as Input.");
  base::Result<std::vector<std::pair<std::string, std::string>>> added = ReadTags(tags);
  if (!added.ok()) return added.status();

  base::Result<TagMap*> current = TagsOf(state, *arn, *resource);
  if (!current.ok()) return current.status();
  // New values for keys already there replace them, so only new keys count towards 50
  // (measured: 50 tags with new values in one call pass, a 51st key does not).
  TagMap merged = **current;
  for (const auto& [key, value] : *added) merged[key] = value;
  if (merged.size() > base::limits::kMaxTagsPerResource)
    return base::Status::Validation(kTooManyTagsMessage);
  if (!resource->stream_label.empty() &&
      TagSetBytes(merged) > base::limits::kMaxStreamTagSetBytes) {
    return base::Status::Validation("Tag set size " + std::to_string(TagSetBytes(merged)) +
                                    " bytes is above max size limit of " +
                                    std::to_string(base::limits::kMaxStreamTagSetBytes) + " bytes");
  }
  **current = std::move(merged);
  // The API reference documents an empty body; the playground answers an empty object, which
  // every SDK reads the same way and every front can parse as JSON.
  return json::object();
}

base::Result<json> UntagResource(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, UntagResourceShape()); !s.ok()) return s;
  base::Result<std::string> arn = AccessibleArn(state, request, "UntagResource");
  if (!arn.ok()) return arn.status();
  const json& keys = Member(request, "TagKeys");
  ValidationErrors errors;
  errors.MaxLength(Member(request, "ResourceArn"), "resourceArn",
                   base::limits::kMaxResourceArnLength);
  errors.NotNull(keys, "tagKeys");
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  base::Result<ResourceArn> resource = ParseResourceArn(state, *arn);
  if (!resource.ok()) return resource.status();
  if (keys.empty())
    return base::Status::Validation("Atleast one Tag Key needs to be provided as Input.");
  // More keys than a resource can carry are refused even though they only remove (measured).
  if (keys.size() > base::limits::kMaxTagsPerResource)
    return base::Status::Validation(kTooManyTagsMessage);
  for (const json& key : keys) {
    if (!key.is_string())
      return base::Status::Validation("The Tag Key provided is invalid, Key: null");
    if (base::Status s = CheckTagKeyToRemove(key.get<std::string>()); !s.ok()) return s;
  }

  base::Result<TagMap*> current = TagsOf(state, *arn, *resource);
  if (!current.ok()) return current.status();
  // Keys the resource does not have are not an error.
  for (const json& key : keys) (*current)->erase(key.get<std::string>());
  return json::object();
}

base::Result<json> ListTagsOfResource(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, ListTagsShape()); !s.ok()) return s;
  base::Result<std::string> arn = AccessibleArn(state, request, "ListTagsOfResource");
  if (!arn.ok()) return arn.status();
  ValidationErrors errors;
  errors.MaxLength(Member(request, "ResourceArn"), "resourceArn",
                   base::limits::kMaxResourceArnLength);
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  base::Result<ResourceArn> resource = ParseResourceArn(state, *arn);
  if (!resource.ok()) return resource.status();
  base::Result<TagMap*> current = TagsOf(state, *arn, *resource);
  if (!current.ok()) return current.status();
  // One page holds every tag: the service answered all 50 of a full table without a NextToken
  // (2026 measurement), so a NextToken is never given, and one that is sent changes nothing.
  json listed = json::array();
  for (const auto& [key, value] : **current)
    listed.push_back(value::JsonObject({{"Key", key}, {"Value", value}}));
  return json{{"Tags", listed}};
}

}  // namespace ddbpg::api
