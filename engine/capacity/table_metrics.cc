#include "engine/capacity/table_metrics.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace ddbpg::capacity {

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

// The traffic entry of `key`, tracked from now on if it was not.
KeyTraffic& TableMetrics::TrackedKey(const std::string& key) {
  auto at = keys_.lower_bound(key);
  if (at != keys_.end() && at->first == key) return at->second;
  if (keys_.size() >= kTrackedKeys) {
    ForgetQuietestHalf();
    at = keys_.lower_bound(key);
  }
  KeyTraffic entry;
  entry.key = key;
  entry.reads = inherited_reads_;
  entry.writes = inherited_writes_;
  return keys_.emplace_hint(at, key, std::move(entry))->second;
}

void TableMetrics::RecordKey(const std::string& key, bool is_write, bool throttled) {
  KeyTraffic& traffic = TrackedKey(key);
  (is_write ? traffic.writes : traffic.reads) += 1;
  if (throttled) traffic.throttles += 1;
}

void TableMetrics::RecordKeyThrottle(const std::string& key) { TrackedKey(key).throttles += 1; }

void TableMetrics::RecordScan(int64_t items_scanned, int64_t items_returned, double read_units) {
  scans_.scans += 1;
  scans_.items_scanned += items_scanned;
  scans_.items_returned += items_returned;
  scans_.read_units += read_units;
}

std::vector<SecondSample> TableMetrics::TableSamples(double since) const {
  std::map<int64_t, SecondSample> by_second;
  for (const auto& [partition_id, samples] : samples_) {
    for (const SecondSample& sample : samples) {
      if (sample.second < static_cast<int64_t>(std::floor(since))) continue;
      SecondSample& sum = by_second[sample.second];
      sum.second = sample.second;
      sum.read_units += sample.read_units;
      sum.write_units += sample.write_units;
      sum.throttled_reads += sample.throttled_reads;
      sum.throttled_writes += sample.throttled_writes;
    }
  }
  std::vector<SecondSample> result;
  result.reserve(by_second.size());
  for (const auto& [second, sample] : by_second) result.push_back(sample);
  return result;
}

// Keeps the busier half of the tracked keys. A key seen afterwards starts from the counts of
// the busiest key dropped, so a newcomer is over-estimated rather than missed (the idea of the
// Space-Saving sketch, evicting in batches to keep each request's cost logarithmic).
void TableMetrics::ForgetQuietestHalf() {
  // Ranked by traffic, ties by key, so which keys stay never depends on the map's layout.
  using Entry = std::map<std::string, KeyTraffic>::iterator;
  std::vector<Entry> by_traffic;
  by_traffic.reserve(keys_.size());
  for (auto it = keys_.begin(); it != keys_.end(); ++it) by_traffic.push_back(it);
  const size_t keep = keys_.size() / 2;
  std::nth_element(by_traffic.begin(), by_traffic.begin() + static_cast<long>(keep),
                   by_traffic.end(), [](Entry a, Entry b) {
                     const int64_t x = a->second.reads + a->second.writes;
                     const int64_t y = b->second.reads + b->second.writes;
                     return x != y ? x > y : a->first > b->first;
                   });
  inherited_reads_ = 0;
  inherited_writes_ = 0;
  for (size_t i = keep; i < by_traffic.size(); ++i) {
    const KeyTraffic& dropped = by_traffic[i]->second;
    if (dropped.reads + dropped.writes > inherited_reads_ + inherited_writes_) {
      inherited_reads_ = dropped.reads;
      inherited_writes_ = dropped.writes;
    }
    keys_.erase(by_traffic[i]);
  }
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
  // Ranked by pointer, so the ranking moves no key's string and only the top ones are copied.
  std::vector<const KeyTraffic*> ranked;
  ranked.reserve(keys_.size());
  for (const auto& [key, traffic] : keys_) ranked.push_back(&traffic);
  const size_t top = std::min(count, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<long>(top), ranked.end(),
                    [](const KeyTraffic* a, const KeyTraffic* b) {
                      int64_t x = a->reads + a->writes, y = b->reads + b->writes;
                      return x != y ? x > y : a->key < b->key;
                    });
  std::vector<KeyTraffic> out;
  out.reserve(top);
  for (size_t i = 0; i < top; ++i) out.push_back(*ranked[i]);
  return out;
}

}  // namespace ddbpg::capacity
