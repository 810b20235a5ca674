// TableMetrics: what the heat view and Playground.GetMetrics show for one table: capacity
// consumed and requests throttled per partition per second of the engine's clock, and the
// traffic of the busiest partition keys (DynamoDB's Contributor Insights counts the same).
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

namespace ddbpg {

struct SecondSample {
  int64_t second = 0;  // whole seconds since the epoch on the engine's clock
  double read_units = 0;
  double write_units = 0;
  int64_t throttled_reads = 0;
  int64_t throttled_writes = 0;
};

struct KeyTraffic {
  std::string key;  // the partition key as "<type>:<bytes>", e.g. "S:user#1" (see Table)
  int64_t reads = 0;
  int64_t writes = 0;
  int64_t throttles = 0;
};

class TableMetrics {
 public:
  // Samples older than this are dropped.
  static constexpr int64_t kWindowSeconds = 3600;
  // Keys tracked at once; beyond it the quieter half is dropped (see ForgetQuietestHalf), so a
  // workload over millions of keys uses bounded memory and still finds the heavy hitters.
  static constexpr size_t kTrackedKeys = 1000;

  void RecordRead(uint64_t partition_id, double now, double units);
  void RecordWrite(uint64_t partition_id, double now, double units);
  void RecordThrottle(uint64_t partition_id, double now, bool is_write);
  void RecordKey(const std::string& key, bool is_write, bool throttled);
  // A request of `key` that would have been throttled but was served (throttling off): counts
  // the throttle only, since the served request is counted by RecordKey.
  void RecordKeyThrottle(const std::string& key);

  // Units a partition consumed in the second containing `now`.
  double ConsumedInSecond(uint64_t partition_id, double now, bool is_write) const;

  // The samples of a partition at or after `since` (seconds since the epoch), oldest first.
  std::vector<SecondSample> Samples(uint64_t partition_id, double since) const;
  // The `count` keys with the most requests, busiest first.
  std::vector<KeyTraffic> TopKeys(size_t count) const;

 private:
  friend class StateCodec;
  SecondSample& SampleAt(uint64_t partition_id, double now);
  KeyTraffic& TrackedKey(const std::string& key);
  void ForgetQuietestHalf();

  std::map<uint64_t, std::deque<SecondSample>> samples_;
  std::map<std::string, KeyTraffic> keys_;
  int64_t inherited_reads_ = 0;
  int64_t inherited_writes_ = 0;
};

}  // namespace ddbpg
