// TableMetrics: what the heat view and Playground.GetMetrics show for one table: capacity
// consumed and requests throttled per partition per second of the engine's clock, and the
// traffic of the busiest partition keys (DynamoDB's Contributor Insights counts the same).
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

namespace ddbpg::persist {
class StateCodec;  // saves and loads the private state of the classes below
}  // namespace ddbpg::persist

namespace ddbpg::capacity {

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

// What the table's Scans read and returned, for Playground.Advise ("a Scan that read far more
// than it returned"). Kept in memory only: the snapshot leaves it out (StateCodec), as the
// journal leaves out reads, so a reopened playground starts it from zero.
struct ScanTraffic {
  int64_t scans = 0;
  int64_t items_scanned = 0;
  int64_t items_returned = 0;
  double read_units = 0;
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
  // One Scan page served: the items it read, those it returned, and the units it consumed.
  void RecordScan(int64_t items_scanned, int64_t items_returned, double read_units);

  // Units a partition consumed in the second containing `now`.
  double ConsumedInSecond(uint64_t partition_id, double now, bool is_write) const;

  // The samples of a partition at or after `since` (seconds since the epoch), oldest first.
  std::vector<SecondSample> Samples(uint64_t partition_id, double since) const;
  // The `count` keys with the most requests, busiest first.
  std::vector<KeyTraffic> TopKeys(size_t count) const;
  // The whole table's samples at or after `since`, every partition's (including partitions
  // split since) summed per second, oldest first.
  std::vector<SecondSample> TableSamples(double since) const;
  const ScanTraffic& scans() const { return scans_; }

 private:
  friend class persist::StateCodec;
  SecondSample& SampleAt(uint64_t partition_id, double now);
  KeyTraffic& TrackedKey(const std::string& key);
  void ForgetQuietestHalf();

  std::map<uint64_t, std::deque<SecondSample>> samples_;
  std::map<std::string, KeyTraffic> keys_;
  int64_t inherited_reads_ = 0;
  int64_t inherited_writes_ = 0;
  ScanTraffic scans_;
};

}  // namespace ddbpg::capacity
