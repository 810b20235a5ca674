// Stream: one DynamoDB stream of a table (StreamSpecification), holding its change records in
// shards on the engine's clock (Developer Guide, "Change data capture for DynamoDB Streams").
//
// A record is written for every write that changes an item, in order, with an increasing
// sequence number. Shards close and hand over to a child shard every four hours of the clock
// (the service rolls its shards over about that often), records are kept for 24 hours, and a
// disabled stream (or the stream of a deleted table) stays readable until its records expire.
// The playground keeps one chain of shards per stream; DynamoDB keeps about one per partition.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/resource_policy.h"
#include "engine/value/attribute_value.h"

namespace ddbpg::persist {
class StateCodec;  // saves and loads the private state of the classes below
}  // namespace ddbpg::persist

namespace ddbpg::streams {

enum class StreamViewType { kKeysOnly, kNewImage, kOldImage, kNewAndOldImages };
const char* StreamViewTypeName(StreamViewType type);
std::optional<StreamViewType> ParseStreamViewType(const std::string& name);

struct StreamRecord {
  uint64_t sequence = 0;
  std::string event_id;
  const char* event_name = "INSERT";  // INSERT, MODIFY or REMOVE
  double created_at = 0;               // seconds on the engine's clock
  value::Item keys;
  std::optional<value::Item> new_image;
  std::optional<value::Item> old_image;
  size_t size_bytes = 0;
  bool by_time_to_live = false;  // a delete by the TTL sweeper, made by the service itself
};

struct StreamShard {
  std::string id;
  std::string parent_id;  // empty for the stream's first shard
  uint64_t starting_sequence = 0;
  // Set when the shard closes: its last record's number (one below its start when it had
  // none). Streams share the engine's counter, so numbers in a shard are increasing, not dense.
  std::optional<uint64_t> ending_sequence;
  uint64_t last_sequence = 0;  // the newest record's number; 0 before the first
  double opened_at = 0;
  std::deque<StreamRecord> records;
  // Records with sequence numbers up to this one were trimmed away (past retention).
  uint64_t trimmed_through = 0;
};

class Stream {
 public:
  static constexpr double kShardLifetimeSeconds = 4 * 3600;
  static constexpr double kRetentionSeconds = 24 * 3600;

  // `next_sequence` is the engine's sequence counter, shared by all streams so that numbers
  // only grow.
  Stream(std::string table_name, std::string arn, std::string label, StreamViewType view_type,
         std::vector<std::pair<std::string, std::string>> key_schema, double now,
         uint64_t* next_sequence);

  const std::string& table_name() const { return table_name_; }
  const std::string& arn() const { return arn_; }
  const std::string& label() const { return label_; }
  StreamViewType view_type() const { return view_type_; }
  double created_at() const { return created_at_; }
  bool enabled() const { return enabled_; }
  // (attribute name, "HASH" | "RANGE") of the table's key.
  const std::vector<std::pair<std::string, std::string>>& key_schema() const { return key_schema_; }

  // Adds the record of a change: `before` null for an INSERT, `after` null for a REMOVE.
  void Append(const value::Item* before, const value::Item* after, bool by_time_to_live,
              double now);
  // Stops recording (StreamEnabled false, or the table was deleted): the open shard closes.
  void Disable(double now);

  // Rolls shards over and forgets what is past retention, as of `now`; whether anything changed.
  // Every request calls it (RunBackgroundWork), before it reads or writes.
  bool Advance(double now);
  // Whether nothing is left to read (disabled, and every record and shard has expired).
  bool Expired(double now) const;

  const std::vector<StreamShard>& shards() const { return shards_; }
  const StreamShard* FindShard(const std::string& id) const;
  // The sequence number the next record will get.
  uint64_t next_sequence() const { return *next_sequence_; }

  // The stream's own tags (TagResource with the stream's ARN): a stream does not inherit its
  // table's (Developer Guide, "Using attribute-based access control with DynamoDB Streams").
  const std::map<std::string, std::string>& tags() const { return tags_; }
  std::map<std::string, std::string>& mutable_tags() { return tags_; }
  // The stream's own resource-based policy, a slot apart from its table's (PutResourcePolicy
  // with the stream's ARN); dropped when the table is deleted.
  const base::ResourcePolicy& resource_policy() const { return resource_policy_; }
  base::ResourcePolicy& mutable_resource_policy() { return resource_policy_; }

 private:
  friend class persist::StateCodec;
  void OpenShard(double now, const std::string& parent_id);
  static void CloseShard(StreamShard& shard);

  std::string table_name_;
  std::string arn_;
  std::string label_;
  StreamViewType view_type_;
  std::vector<std::pair<std::string, std::string>> key_schema_;
  double created_at_;
  bool enabled_ = true;
  double disabled_at_ = 0;
  uint64_t* next_sequence_;
  std::vector<StreamShard> shards_;
  uint64_t shards_opened_ = 0;
  std::map<std::string, std::string> tags_;
  base::ResourcePolicy resource_policy_;
};

}  // namespace ddbpg::streams
