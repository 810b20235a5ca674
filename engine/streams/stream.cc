#include "engine/streams/stream.h"

#include <cstdio>
#include <utility>

#include "engine/value/item_size.h"

namespace ddbpg::streams {

const char* StreamViewTypeName(StreamViewType type) {
  switch (type) {
    case StreamViewType::kKeysOnly: return "KEYS_ONLY";
    case StreamViewType::kNewImage: return "NEW_IMAGE";
    case StreamViewType::kOldImage: return "OLD_IMAGE";
    case StreamViewType::kNewAndOldImages: return "NEW_AND_OLD_IMAGES";
  }
  return "KEYS_ONLY";
}

std::optional<StreamViewType> ParseStreamViewType(const std::string& name) {
  for (StreamViewType type : {StreamViewType::kKeysOnly, StreamViewType::kNewImage,
                              StreamViewType::kOldImage, StreamViewType::kNewAndOldImages}) {
    if (name == StreamViewTypeName(type)) return type;
  }
  return std::nullopt;
}

Stream::Stream(std::string table_name, std::string arn, std::string label,
               StreamViewType view_type,
               std::vector<std::pair<std::string, std::string>> key_schema, double now,
               uint64_t* next_sequence)
    : table_name_(std::move(table_name)),
      arn_(std::move(arn)),
      label_(std::move(label)),
      view_type_(view_type),
      key_schema_(std::move(key_schema)),
      created_at_(now),
      next_sequence_(next_sequence) {
  OpenShard(now, "");
}

void Stream::OpenShard(double now, const std::string& parent_id) {
  StreamShard shard;
  // shardId-<20 digits of creation milliseconds>-<8 hex digits>, the service's shape.
  char id[64];
  std::snprintf(id, sizeof(id), "shardId-%020llu-%08llx",
                static_cast<unsigned long long>(now * 1000),
                static_cast<unsigned long long>(0x5eed0000u + ++shards_opened_));
  shard.id = id;
  shard.parent_id = parent_id;
  shard.starting_sequence = *next_sequence_;
  shard.opened_at = now;
  shards_.push_back(std::move(shard));
}

void Stream::Append(const value::Item* before, const value::Item* after, bool by_time_to_live,
                    double now) {
  if (!enabled_) return;
  Advance(now);
  StreamRecord record;
  record.sequence = (*next_sequence_)++;
  char event_id[40];
  std::snprintf(event_id, sizeof(event_id), "%032llx", static_cast<unsigned long long>(record.sequence));
  record.event_id = event_id;
  record.event_name = before == nullptr ? "INSERT" : after == nullptr ? "REMOVE" : "MODIFY";
  record.created_at = now;
  const value::Item& any = after ? *after : *before;
  for (const auto& [name, key_type] : key_schema_) record.keys[name] = any.at(name);
  const bool wants_new = view_type_ == StreamViewType::kNewImage ||
                         view_type_ == StreamViewType::kNewAndOldImages;
  const bool wants_old = view_type_ == StreamViewType::kOldImage ||
                         view_type_ == StreamViewType::kNewAndOldImages;
  if (wants_new && after) record.new_image = *after;
  if (wants_old && before) record.old_image = *before;
  record.size_bytes = value::ItemSize(record.keys) +
                      (record.new_image ? value::ItemSize(*record.new_image) : 0) +
                      (record.old_image ? value::ItemSize(*record.old_image) : 0);
  record.by_time_to_live = by_time_to_live;
  shards_.back().last_sequence = record.sequence;
  shards_.back().records.push_back(std::move(record));
}

void Stream::Disable(double now) {
  if (!enabled_) return;
  Advance(now);
  enabled_ = false;
  disabled_at_ = now;
  CloseShard(shards_.back());
}

void Stream::CloseShard(StreamShard& shard) {
  shard.ending_sequence = shard.last_sequence ? shard.last_sequence : shard.starting_sequence - 1;
}

bool Stream::Advance(double now) {
  bool changed = false;
  // Roll over: an open shard older than its lifetime closes and its child takes over.
  while (enabled_ && now - shards_.back().opened_at >= kShardLifetimeSeconds) {
    StreamShard& open = shards_.back();
    CloseShard(open);
    const double handover = open.opened_at + kShardLifetimeSeconds;
    const std::string parent = open.id;
    OpenShard(handover, parent);
    changed = true;
  }
  // Retention: records older than 24 hours go; so do closed shards with nothing left to read
  // that closed more than 24 hours ago.
  for (StreamShard& shard : shards_) {
    while (!shard.records.empty() && shard.records.front().created_at < now - kRetentionSeconds) {
      shard.trimmed_through = shard.records.front().sequence;
      shard.records.pop_front();
      changed = true;
    }
  }
  while (shards_.size() > 1 && shards_.front().ending_sequence && shards_.front().records.empty() &&
         shards_[1].opened_at < now - kRetentionSeconds) {
    shards_.erase(shards_.begin());
    changed = true;
  }
  return changed;
}

bool Stream::Expired(double now) const {
  return !enabled_ && disabled_at_ < now - kRetentionSeconds;
}

const StreamShard* Stream::FindShard(const std::string& id) const {
  for (const StreamShard& shard : shards_) {
    if (shard.id == id) return &shard;
  }
  return nullptr;
}

}  // namespace ddbpg::streams
