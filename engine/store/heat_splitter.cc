#include "engine/store/heat_splitter.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace ddbpg::store {

void HeatSplitter::NoteTraffic(uint64_t hash, double units) { traffic_by_hash_[hash] += units; }

std::vector<std::pair<uint64_t, double>> HeatSplitter::TrafficInHashOrder() const {
  std::vector<std::pair<uint64_t, double>> traffic(traffic_by_hash_.begin(),
                                                   traffic_by_hash_.end());
  std::sort(traffic.begin(), traffic.end());
  return traffic;
}

void HeatSplitter::Reset() {
  window_ = -1;
  traffic_by_hash_.clear();
}

bool HeatSplitter::IsHot(const partition::Partition& partition,
                         const capacity::TableMetrics& metrics,
                         const partition::PartitionLimits& limits, int64_t window) const {
  const int64_t start = window * kWindowSeconds;
  const int64_t end = start + kWindowSeconds;
  int64_t hot_seconds = 0;
  for (const capacity::SecondSample& sample :
       metrics.Samples(partition.id, static_cast<double>(start))) {
    if (sample.second >= end) break;
    if (sample.read_units >= kHotShareOfLimit * limits.read_units_per_second ||
        sample.write_units >= kHotShareOfLimit * limits.write_units_per_second ||
        sample.throttled_reads > 0 || sample.throttled_writes > 0) {
      ++hot_seconds;
    }
  }
  return hot_seconds >= kHotSecondsToSplit;
}

bool HeatSplitter::SplitByTraffic(size_t index, partition::PartitionMap& partitions,
                                  const std::vector<std::pair<uint64_t, double>>& traffic) {
  const partition::Partition range = partitions.partitions()[index];
  // The partition's hashes are one run of the sorted traffic.
  auto first = std::lower_bound(traffic.begin(), traffic.end(), range.hash_start,
                                [](const auto& entry, uint64_t hash) { return entry.first < hash; });
  std::vector<std::pair<uint64_t, double>> by_hash;
  double total = 0;
  for (auto it = first; it != traffic.end() && it->first <= range.hash_end; ++it) {
    by_hash.push_back(*it);
    total += it->second;
  }
  if (by_hash.empty()) return partitions.Split(index);  // heat from scans: halve the range

  auto busiest = std::max_element(by_hash.begin(), by_hash.end(),
                                  [](const auto& a, const auto& b) { return a.second < b.second; });
  if (busiest->second > kIsolateShare * total) {
    // Cut above the busy hash first, so `index` still names the part that holds it.
    const uint64_t hot = busiest->first;
    bool split = hot < range.hash_end && partitions.SplitAfter(index, hot);
    if (hot > range.hash_start) split = partitions.SplitAfter(index, hot - 1) || split;
    return split;
  }
  double below = 0;
  for (size_t i = 0; i + 1 < by_hash.size(); ++i) {
    below += by_hash[i].second;
    if (2 * below >= total) return partitions.SplitAfter(index, by_hash[i].first);
  }
  return partitions.SplitAfter(index, by_hash[by_hash.size() - 2].first);
}

bool HeatSplitter::SplitIfHot(double now, partition::PartitionMap& partitions,
                              const capacity::TableMetrics& metrics,
                              const partition::PartitionLimits& limits) {
  const int64_t window = static_cast<int64_t>(std::floor(now / kWindowSeconds));
  if (window == window_) return false;
  bool split = false;
  if (window_ >= 0) {
    std::vector<std::pair<uint64_t, double>> traffic;  // sorted once, when a partition is hot
    // Walk from the end so that splitting does not move the partitions still to visit.
    for (size_t i = partitions.size(); i-- > 0;) {
      if (partitions.size() >= kMaxPartitions) break;
      if (!IsHot(partitions.partitions()[i], metrics, limits, window_)) continue;
      if (traffic.empty()) traffic = TrafficInHashOrder();
      if (SplitByTraffic(i, partitions, traffic)) {
        split = true;
      }
    }
  }
  window_ = window;
  traffic_by_hash_.clear();
  return split;
}

}  // namespace ddbpg::store
