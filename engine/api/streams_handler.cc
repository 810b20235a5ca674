// The DynamoDB Streams API (target prefix DynamoDBStreams_20120810): ListStreams,
// DescribeStream, GetShardIterator and GetRecords over the engine's streams, with the service's
// shapes and texts (2026 captures of the live service; where none exists, docs/differences.md
// says what we chose).
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "engine/api/handlers.h"
#include "engine/api/request_schema.h"
#include "engine/api/validation_errors.h"
#include "engine/value/base64.h"
#include "engine/value/ddb_json.h"
#include "engine/value/json_object.h"

namespace ddbpg::api {
namespace {

constexpr double kIteratorLifetimeSeconds = 15 * 60;
constexpr size_t kMaxRecordsPerCall = 1000;
constexpr size_t kMaxBytesPerCall = 1024 * 1024;
constexpr const char* kIteratorTypes =
    "[TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER]";

// Sequence numbers are digit strings of 21 to 40 characters: "1" and the number in 20 digits.
std::string FormatSequence(uint64_t sequence) {
  char text[32];
  std::snprintf(text, sizeof(text), "1%020" PRIu64, sequence);
  return text;
}

std::optional<uint64_t> ParseSequence(const std::string& text) {
  if (text.size() != 21 || text[0] != '1') return std::nullopt;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  return std::strtoull(text.c_str() + 1, nullptr, 10);
}

// arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>
bool WellFormedStreamArn(const std::string& arn) {
  const std::string prefix = "arn:aws:dynamodb:";
  if (arn.compare(0, prefix.size(), prefix) != 0) return false;
  size_t table = arn.find(":table/");
  size_t stream = arn.find("/stream/");
  return table != std::string::npos && stream != std::string::npos && stream > table + 7 &&
         stream + 8 < arn.size();
}

base::Result<streams::Stream*> FindStreamMember(core::EngineState& state, const json& arn_member) {
  const std::string arn = arn_member.get<std::string>();
  if (!WellFormedStreamArn(arn)) return base::Status::Validation("Invalid StreamArn");
  streams::Stream* stream = state.FindStream(arn);
  if (stream == nullptr) {
    return base::Status::ResourceNotFound("Requested resource not found: Stream: " + arn +
                                          " not found");
  }
  return stream;
}

json ShardJson(const streams::StreamShard& shard) {
  json range =
      value::JsonObject({{"StartingSequenceNumber", FormatSequence(shard.starting_sequence)}});
  if (shard.ending_sequence) {
    // A shard that closed without a record ends where it started.
    range["EndingSequenceNumber"] =
        FormatSequence(std::max(*shard.ending_sequence, shard.starting_sequence));
  }
  json out = value::JsonObject({{"ShardId", shard.id}, {"SequenceNumberRange", range}});
  if (!shard.parent_id.empty()) out["ParentShardId"] = shard.parent_id;
  return out;
}

// An iterator is "<stream ARN>|1|<base64 of shard id|position|issued at (ms)>": the position is
// the sequence number the next GetRecords starts at.
struct ShardIterator {
  std::string arn;
  std::string shard_id;
  uint64_t position = 0;
  double issued_at = 0;
};

std::string EncodeIterator(const ShardIterator& iterator) {
  char tail[96];
  std::snprintf(tail, sizeof(tail), "|%" PRIu64 "|%lld", iterator.position,
                static_cast<long long>(std::llround(iterator.issued_at * 1000)));
  return iterator.arn + "|1|" + value::Base64Encode(iterator.shard_id + tail);
}

std::optional<ShardIterator> DecodeIterator(const std::string& text) {
  size_t marker = text.rfind("|1|");
  if (marker == std::string::npos) return std::nullopt;
  std::optional<std::string> inner = value::Base64Decode(text.substr(marker + 3));
  if (!inner) return std::nullopt;
  size_t first = inner->find('|');
  size_t second = first == std::string::npos ? first : inner->find('|', first + 1);
  if (second == std::string::npos) return std::nullopt;
  ShardIterator iterator;
  iterator.arn = text.substr(0, marker);
  iterator.shard_id = inner->substr(0, first);
  char* end = nullptr;
  iterator.position = std::strtoull(inner->c_str() + first + 1, &end, 10);
  if (end != inner->c_str() + second) return std::nullopt;
  iterator.issued_at = std::strtoll(inner->c_str() + second + 1, &end, 10) / 1000.0;
  if (*end != '\0') return std::nullopt;
  return iterator;
}

base::Status Trimmed() {
  return base::Status(base::ErrorType::kTrimmedDataAccess,
                      "The data you are trying to access has been trimmed");
}

}  // namespace

namespace {

// The region field of an ARN ("arn:aws:dynamodb:<region>:..."): a global table's replicas stream
// in their own regions.
std::string RegionOfArn(const std::string& arn) {
  const size_t start = arn.find(':', arn.find(':', 4) + 1) + 1;
  return arn.substr(start, arn.find(':', start) - start);
}

}  // namespace

json StreamRecordJson(const streams::Stream& stream, const streams::StreamRecord& record,
                      const std::string& region) {
  json dynamodb = value::JsonObject({{"ApproximateCreationDateTime", std::floor(record.created_at)},
                                     {"Keys", value::EncodeItem(record.keys)}});
  if (record.new_image) dynamodb["NewImage"] = value::EncodeItem(*record.new_image);
  if (record.old_image) dynamodb["OldImage"] = value::EncodeItem(*record.old_image);
  dynamodb["SequenceNumber"] = FormatSequence(record.sequence);
  dynamodb["SizeBytes"] = record.size_bytes;
  dynamodb["StreamViewType"] = streams::StreamViewTypeName(stream.view_type());
  json out = value::JsonObject({{"eventID", record.event_id},
                                {"eventName", record.event_name},
                                {"eventVersion", "1.1"},
                                {"eventSource", "aws:dynamodb"},
                                {"awsRegion", region},
                                {"dynamodb", dynamodb}});
  if (record.by_time_to_live) {
    out["userIdentity"] = value::JsonObject({{"PrincipalId", "dynamodb.amazonaws.com"}, {"Type", "Service"}});
  }
  return out;
}

base::Result<json> ListStreams(core::EngineState& state, const json& request) {
  if (base::Status s =
          CheckRequestShape(request, {{"TableName", value::WireType::kString},
                                      {"Limit", value::WireType::kInteger},
                                      {"ExclusiveStartStreamArn", value::WireType::kString}});
      !s.ok()) {
    return s;
  }
  ValidationErrors errors;
  errors.ResourceName(Member(request, "TableName"), "tableName");
  errors.MinValue(Member(request, "Limit"), "limit", 1);
  errors.MaxValue(Member(request, "Limit"), "limit", 100);
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  const json& table = Member(request, "TableName");
  const json& start = Member(request, "ExclusiveStartStreamArn");
  const size_t limit = Member(request, "Limit").is_null() ? 100 : Member(request, "Limit").get<size_t>();
  // Newest first.
  json streams = json::array();
  bool started = start.is_null();
  json response = json::object();
  for (auto it = state.streams.rbegin(); it != state.streams.rend(); ++it) {
    const streams::Stream& stream = **it;
    if (!table.is_null() && stream.table_name() != table.get<std::string>()) continue;
    // Each region lists the streams of the tables it sees (a global table's replica there, or
    // the table every region shares) and the streams of its replicas since deleted, which stay
    // readable for 24 hours as a deleted table's do.
    const std::string stream_region = RegionOfArn(stream.arn());
    if (stream_region != state.RegionOf(stream.table_name()) && stream_region != state.region) {
      continue;
    }
    if (!started) {
      started = stream.arn() == start.get<std::string>();
      continue;
    }
    if (streams.size() == limit) {
      response["LastEvaluatedStreamArn"] = streams.back()["StreamArn"];
      break;
    }
    streams.push_back(value::JsonObject({{"StreamArn", stream.arn()},
                                         {"TableName", stream.table_name()},
                                         {"StreamLabel", stream.label()}}));
  }
  response["Streams"] = std::move(streams);
  return response;
}

base::Result<json> DescribeStream(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(
          request, {{"StreamArn", value::WireType::kString},
                    {"Limit", value::WireType::kInteger},
                    {"ExclusiveStartShardId", value::WireType::kString},
                    {"ShardFilter",
                     value::WireType::kStructure,
                     "ShardFilter",
                     MemberKind::kPlain,
                     {{"Type", value::WireType::kString}, {"ShardId", value::WireType::kString}}}});
      !s.ok()) {
    return s;
  }
  const json& filter = Member(request, "ShardFilter");
  const json& filter_type = filter.is_object() ? Member(filter, "Type") : filter;
  const json& parent_id = filter.is_object() ? Member(filter, "ShardId") : filter;
  ValidationErrors errors;
  errors.NotNull(Member(request, "StreamArn"), "streamArn");
  errors.MinValue(Member(request, "Limit"), "limit", 1);
  errors.MaxValue(Member(request, "Limit"), "limit", 100);
  errors.Enum(filter_type, "shardFilter.type", "[CHILD_SHARDS]");
  errors.MinLength(parent_id, "shardFilter.shardId", 28);
  errors.MaxLength(parent_id, "shardFilter.shardId", 65);
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  // CHILD_SHARDS lists only the shards whose parent is ShardId (API reference, ShardFilter),
  // so a reader that finished a closed shard finds where to go on.
  if (filter_type == "CHILD_SHARDS" && parent_id.is_null()) {
    return base::Status::Validation(
        "ShardFilter ShardId must be provided for the CHILD_SHARDS type");
  }
  const bool children_only = filter_type == "CHILD_SHARDS";
  base::Result<streams::Stream*> found = FindStreamMember(state, Member(request, "StreamArn"));
  if (!found.ok()) return found.status();
  const streams::Stream& stream = **found;
  const json& start = Member(request, "ExclusiveStartShardId");
  const size_t limit = Member(request, "Limit").is_null() ? 100 : Member(request, "Limit").get<size_t>();
  json key_schema = json::array();
  for (const auto& [name, type] : stream.key_schema()) {
    key_schema.push_back(value::JsonObject({{"AttributeName", name}, {"KeyType", type}}));
  }
  json description =
      value::JsonObject({{"StreamArn", stream.arn()},
                         {"StreamLabel", stream.label()},
                         {"StreamStatus", stream.enabled() ? "ENABLED" : "DISABLED"},
                         {"StreamViewType", streams::StreamViewTypeName(stream.view_type())},
                         {"CreationRequestDateTime", stream.created_at()},
                         {"TableName", stream.table_name()},
                         {"KeySchema", key_schema}});
  json shards = json::array();
  bool started = start.is_null();
  for (const streams::StreamShard& shard : stream.shards()) {
    if (!started) {
      started = shard.id == start.get<std::string>();
      continue;
    }
    if (children_only && shard.parent_id != parent_id.get<std::string>()) continue;
    if (shards.size() == limit) {
      description["LastEvaluatedShardId"] = shards.back()["ShardId"];
      break;
    }
    shards.push_back(ShardJson(shard));
  }
  description["Shards"] = std::move(shards);
  return json{{"StreamDescription", description}};
}

base::Result<json> GetShardIterator(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, {{"StreamArn", value::WireType::kString},
                                                   {"ShardId", value::WireType::kString},
                                                   {"ShardIteratorType", value::WireType::kString},
                                                   {"SequenceNumber", value::WireType::kString}});
      !s.ok()) {
    return s;
  }
  const json& type = Member(request, "ShardIteratorType");
  const json& sequence = Member(request, "SequenceNumber");
  const json& shard_id = Member(request, "ShardId");
  ValidationErrors errors;
  errors.NotNull(Member(request, "StreamArn"), "streamArn");
  errors.NotNull(shard_id, "shardId");
  errors.MinLength(shard_id, "shardId", 28);
  errors.MaxLength(shard_id, "shardId", 65);
  errors.NotNull(type, "shardIteratorType");
  errors.Enum(type, "shardIteratorType", kIteratorTypes);
  errors.MinLength(sequence, "sequenceNumber", 21);
  errors.MaxLength(sequence, "sequenceNumber", 40);
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  const bool by_sequence = type == "AT_SEQUENCE_NUMBER" || type == "AFTER_SEQUENCE_NUMBER";
  if (by_sequence && sequence.is_null()) {
    return base::Status::Validation("SequenceNumber is required for ShardIteratorType " +
                                    type.get<std::string>());
  }
  if (!by_sequence && !sequence.is_null()) {
    return base::Status::Validation("SequenceNumber must not be given for ShardIteratorType " +
                                    type.get<std::string>());
  }
  base::Result<streams::Stream*> found = FindStreamMember(state, Member(request, "StreamArn"));
  if (!found.ok()) return found.status();
  const streams::StreamShard* shard = (*found)->FindShard(shard_id.get<std::string>());
  if (shard == nullptr) {
    return base::Status::ResourceNotFound("Requested resource not found: Shard does not exist");
  }
  ShardIterator iterator{(*found)->arn(), shard->id, 0, state.clock.NowSeconds()};
  const uint64_t past_end = shard->ending_sequence ? *shard->ending_sequence + 1
                                                   : (*found)->next_sequence();
  if (type == "TRIM_HORIZON") {
    iterator.position = std::max(shard->starting_sequence, shard->trimmed_through + 1);
  } else if (type == "LATEST") {
    iterator.position = past_end;
  } else {
    std::optional<uint64_t> number = ParseSequence(sequence.get<std::string>());
    // The shard's own StartingSequenceNumber is always a place to start, even before the
    // shard holds a record; past that, only numbers the shard has reached.
    if (!number || *number < shard->starting_sequence ||
        (*number >= past_end && *number != shard->starting_sequence)) {
      return base::Status::Validation("Invalid SequenceNumber for the shard");
    }
    if (*number <= shard->trimmed_through) return Trimmed();
    iterator.position = type == "AT_SEQUENCE_NUMBER" ? *number : *number + 1;
  }
  return json{{"ShardIterator", EncodeIterator(iterator)}};
}

base::Result<json> GetRecords(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, {{"ShardIterator", value::WireType::kString},
                                                   {"Limit", value::WireType::kInteger}});
      !s.ok()) {
    return s;
  }
  const json& text = Member(request, "ShardIterator");
  ValidationErrors errors;
  errors.NotNull(text, "shardIterator");
  errors.MinLength(text, "shardIterator", 1);
  errors.MaxLength(text, "shardIterator", 2048);
  errors.MinValue(Member(request, "Limit"), "limit", 1);
  // "The upper limit is 1000" (API reference); the service refuses more with a
  // ValidationException, in the wording of its other range checks.
  errors.MaxValue(Member(request, "Limit"), "limit", 1000);
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  const json& limit_member = Member(request, "Limit");
  std::optional<ShardIterator> iterator = DecodeIterator(text.get<std::string>());
  if (!iterator) return base::Status::Validation("Invalid ShardIterator");
  base::Result<streams::Stream*> found = FindStreamMember(state, iterator->arn);
  if (!found.ok()) return found.status();
  const double now = state.clock.NowSeconds();
  if (now - iterator->issued_at > kIteratorLifetimeSeconds) {
    return base::Status(base::ErrorType::kExpiredIterator, "Shard iterator has expired");
  }
  const streams::StreamShard* shard = (*found)->FindShard(iterator->shard_id);
  if (shard == nullptr) {
    return base::Status::ResourceNotFound("Requested resource not found: Shard does not exist");
  }
  if (iterator->position <= shard->trimmed_through) return Trimmed();

  const size_t limit = limit_member.is_null() ? kMaxRecordsPerCall : limit_member.get<size_t>();
  const std::string stream_region = RegionOfArn((*found)->arn());
  json records = json::array();
  size_t bytes = 0;
  uint64_t next = iterator->position;
  for (const streams::StreamRecord& record : shard->records) {
    if (record.sequence < iterator->position) continue;
    if (records.size() == limit || (bytes > 0 && bytes + record.size_bytes > kMaxBytesPerCall)) {
      break;
    }
    records.push_back(StreamRecordJson(**found, record, stream_region));
    bytes += record.size_bytes;
    next = record.sequence + 1;
  }
  json response = value::JsonObject({{"Records", std::move(records)}});
  // A closed shard read to its end has no next iterator: its children carry on.
  const bool finished = shard->ending_sequence && next > *shard->ending_sequence &&
                        (shard->records.empty() || next > shard->records.back().sequence);
  if (!finished) {
    response["NextShardIterator"] = EncodeIterator({iterator->arn, shard->id, next, now});
  }
  return response;
}

// Every stream ages on the clock before a request sees it; streams past retention are
// forgotten.
bool AdvanceStreams(core::EngineState& state) {
  const double now = state.clock.NowSeconds();
  bool changed = false;
  for (auto it = state.streams.begin(); it != state.streams.end();) {
    changed = (*it)->Advance(now) || changed;
    if ((*it)->Expired(now)) {
      it = state.streams.erase(it);
      changed = true;
    } else {
      ++it;
    }
  }
  return changed;
}

}  // namespace ddbpg::api
