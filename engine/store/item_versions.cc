#include "engine/store/item_versions.h"

#include <cmath>

namespace ddbpg::store {

const value::Item* ItemVersions::Find(const value::PrimaryKey& key) const {
  auto it = items_.find(key);
  return it == items_.end() ? nullptr : &it->second;
}

void ItemVersions::SetReplicationLag(double seconds, const base::Clock* clock) {
  replication_lag_ = seconds;
  clock_ = clock;
  if (seconds <= 0) history_.clear();
}

void ItemVersions::RememberVersion(const value::PrimaryKey& key, const value::Item* previous) {
  if (replication_lag_ <= 0 || clock_ == nullptr) return;
  const double now = clock_->NowSeconds();
  std::vector<Version>& versions = history_[key];
  // Forget what no replica can still be showing.
  while (!versions.empty() && versions.front().replaced_at < now - replication_lag_) {
    versions.erase(versions.begin());
  }
  versions.push_back({now, previous ? std::optional<value::Item>(*previous) : std::nullopt});
}

const value::Item* ItemVersions::FindAsOf(const value::PrimaryKey& key, double as_of) const {
  if (std::isinf(as_of)) return Find(key);
  auto history = history_.find(key);
  if (history != history_.end()) {
    // The earliest change after `as_of` holds what was current at `as_of`.
    for (const Version& version : history->second) {
      if (version.replaced_at > as_of) return version.previous ? &*version.previous : nullptr;
    }
  }
  return Find(key);
}

void ItemVersions::VisitAsOf(const value::PrimaryKey* from, bool exclusive, double as_of,
                             const ItemVisitor& visit) const {
  auto start = [&](const auto& map) {
    if (from == nullptr) return map.begin();
    return exclusive ? map.upper_bound(*from) : map.lower_bound(*from);
  };
  auto item = start(items_);
  if (history_.empty() || std::isinf(as_of)) {
    for (; item != items_.end(); ++item) {
      if (!visit(item->first, item->second)) return;
    }
    return;
  }
  // Merge the current keys with the keys changed recently: together they are every key a
  // lagging replica can hold.
  value::PrimaryKeyLess less;
  auto changed = start(history_);
  while (item != items_.end() || changed != history_.end()) {
    const value::PrimaryKey* key;
    if (changed == history_.end() || (item != items_.end() && less(item->first, changed->first))) {
      key = &(item++)->first;
    } else if (item == items_.end() || less(changed->first, item->first)) {
      key = &(changed++)->first;
    } else {
      key = &item->first;
      ++item;
      ++changed;
    }
    if (const value::Item* seen = FindAsOf(*key, as_of); seen != nullptr && !visit(*key, *seen))
      return;
  }
}

ItemVersions::Stored ItemVersions::Store(const value::PrimaryKey& key, value::Item item) {
  if (replication_lag_ > 0) RememberVersion(key, Find(key));
  auto [it, inserted] = items_.try_emplace(key, value::Item{});
  std::optional<value::Item> replaced;
  if (!inserted) replaced = std::move(it->second);
  it->second = std::move(item);
  return Stored{&it->second, std::move(replaced)};
}

std::optional<value::Item> ItemVersions::Erase(const value::PrimaryKey& key) {
  auto it = items_.find(key);
  if (it == items_.end()) return std::nullopt;
  RememberVersion(key, &it->second);
  value::Item old = std::move(it->second);
  items_.erase(it);
  return old;
}

}  // namespace ddbpg::store
