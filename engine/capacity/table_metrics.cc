#include "engine/capacity/table_metrics.h"

#include <algorithm>
#include <cmath>

namespace ddbpg {

SecondSample& TableMetrics::SampleAt(uint64_t partition_id, double now) {
  int64_t second = static_cast<int64_t>(std::floor(now));
  std::deque<SecondSample>& samples = samples_[partition_id];
  while (!samples.empty() && samples.front().second <= second - kWindowSeconds) {
    samples.pop_front();
  }
  if (samples.empty() || samples.back().second != second) {
    SecondSample sample;
    sample.second = second;
    samples.push_back(sample);
  }
  return samples.back();
}

void TableMetrics::RecordRead(uint64_t partition_id, double now, double units) {
  SampleAt(partition_id, now).read_units += units;
}

void TableMetrics::RecordWrite(uint64_t partition_id, double now, double units) {
  SampleAt(partition_id, now).write_units += units;
}

void TableMetrics::RecordThrottle(uint64_t partition_id, double now, bool is_write) {
  SecondSample& sample = SampleAt(partition_id, now);
  (is_write ? sample.throttled_writes : sample.throttled_reads) += 1;
}

void TableMetrics::RecordKey(const std::string& key, bool is_write, bool throttled) {
  auto it = keys_.find(key);
  if (it == keys_.end()) {
    KeyTraffic entry;
    entry.key = key;
    if (keys_.size() >= kTrackedKeys) {
      auto least = std::min_element(keys_.begin(), keys_.end(), [](const auto& a, const auto& b) {
        return a.second.reads + a.second.writes < b.second.reads + b.second.writes;
      });
      // The newcomer inherits the evicted count, which bounds how much it is over-estimated.
      entry.reads = least->second.reads;
      entry.writes = least->second.writes;
      keys_.erase(least);
    }
    it = keys_.emplace(key, entry).first;
  }
  (is_write ? it->second.writes : it->second.reads) += 1;
  if (throttled) it->second.throttles += 1;
}

double TableMetrics::ConsumedInSecond(uint64_t partition_id, double now, bool is_write) const {
  auto it = samples_.find(partition_id);
  if (it == samples_.end() || it->second.empty()) return 0;
  const SecondSample& last = it->second.back();
  if (last.second != static_cast<int64_t>(std::floor(now))) return 0;
  return is_write ? last.write_units : last.read_units;
}

std::vector<SecondSample> TableMetrics::Samples(uint64_t partition_id, double since) const {
  std::vector<SecondSample> out;
  auto it = samples_.find(partition_id);
  if (it == samples_.end()) return out;
  for (const SecondSample& sample : it->second) {
    if (sample.second >= static_cast<int64_t>(std::floor(since))) out.push_back(sample);
  }
  return out;
}

std::vector<KeyTraffic> TableMetrics::TopKeys(size_t count) const {
  std::vector<KeyTraffic> all;
  for (const auto& [key, traffic] : keys_) all.push_back(traffic);
  std::sort(all.begin(), all.end(), [](const KeyTraffic& a, const KeyTraffic& b) {
    int64_t x = a.reads + a.writes, y = b.reads + b.writes;
    return x != y ? x > y : a.key < b.key;
  });
  if (all.size() > count) all.resize(count);
  return all;
}

}  // namespace ddbpg
