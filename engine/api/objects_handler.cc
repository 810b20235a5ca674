// Playground.ListObjects, GetObject and PutObject: the simulated S3 bucket that exports write to
// and imports read from, for the JS layers (node's data directory mirrors it, the page downloads
// it) and for tests. Bodies travel as base64, since export files are gzip bytes.
#include <string>
#include <vector>

#include "engine/api/handlers.h"
#include "engine/api/request_schema.h"
#include "engine/api/transfer_checks.h"
#include "engine/api/validation_errors.h"
#include "engine/exchange/md5.h"
#include "engine/value/base64.h"
#include "engine/value/json_object.h"

namespace ddbpg::api {
namespace {

constexpr size_t kMaxObjectKeyBytes = 1024;  // S3's limit on a key

const std::vector<MemberSpec> kListShape = {{"Bucket", value::WireType::kString},
                                            {"Prefix", value::WireType::kString}};
const std::vector<MemberSpec> kObjectShape = {{"Bucket", value::WireType::kString},
                                              {"Key", value::WireType::kString},
                                              {"Body", value::WireType::kBlob}};

std::string ETag(const std::string& body) { return "\"" + exchange::Md5Hex(body) + "\""; }

base::Status CheckObjectMembers(const json& request, bool with_body) {
  ValidationErrors errors;
  ValidateBucketMembers(Member(request, "Bucket"), nullptr, "bucket", "", errors);
  errors.NotNull(Member(request, "Key"), "key");
  errors.MinLength(Member(request, "Key"), "key", 1);
  errors.MaxLength(Member(request, "Key"), "key", kMaxObjectKeyBytes);
  if (with_body) errors.NotNull(Member(request, "Body"), "body");
  return errors.ToStatus();
}

}  // namespace

base::Result<json> ListObjects(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, kListShape); !s.ok()) return s;
  const json& bucket = Member(request, "Bucket");
  if (bucket.is_null()) {
    json buckets = json::array();
    for (const auto& [name, objects] : state.objects.buckets()) {
      buckets.push_back(value::JsonObject({{"Name", name}, {"ObjectCount", objects.size()}}));
    }
    return json{{"Buckets", std::move(buckets)}};
  }
  const json& prefix = Member(request, "Prefix");
  json objects = json::array();
  for (const auto& [key, body] : state.objects.List(
           bucket.get<std::string>(), prefix.is_string() ? prefix.get<std::string>() : "")) {
    objects.push_back(
        value::JsonObject({{"Key", key}, {"Size", body->size()}, {"ETag", ETag(*body)}}));
  }
  return json{{"Objects", std::move(objects)}};
}

base::Result<json> GetObject(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, kObjectShape); !s.ok()) return s;
  if (base::Status s = CheckObjectMembers(request, false); !s.ok()) return s;
  const std::string* body = state.objects.Get(Member(request, "Bucket").get<std::string>(),
                                              Member(request, "Key").get<std::string>());
  if (body == nullptr) {
    return base::Status::ResourceNotFound("The specified key does not exist.");
  }
  return json{
      {"Body", value::Base64Encode(*body)}, {"ContentLength", body->size()}, {"ETag", ETag(*body)}};
}

base::Result<json> PutObject(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, kObjectShape); !s.ok()) return s;
  if (base::Status s = CheckObjectMembers(request, true); !s.ok()) return s;
  std::optional<std::string> body = value::Base64Decode(Member(request, "Body").get<std::string>());
  if (!body) return base::Status::Validation("Body is not valid base64");
  const std::string etag = ETag(*body);
  state.objects.Put(Member(request, "Bucket").get<std::string>(),
                    Member(request, "Key").get<std::string>(), std::move(*body));
  return json{{"ETag", etag}};
}

}  // namespace ddbpg::api
