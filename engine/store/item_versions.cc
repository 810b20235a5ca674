#include "engine/store/item_versions.h"

#include <cmath>
#include <functional>
#include <string_view>

namespace ddbpg::store {

namespace {

size_t HashKeyValue(const value::AttributeValue& value) {
  if (value.type() == value::AttributeType::kN) {
    // Equal numbers have one representation (digits, exponent, sign), so they hash alike.
    const value::Number& number = value.AsNumber();
    return std::hash<std::string_view>()(number.digits()) ^
           (static_cast<size_t>(number.exponent()) * 31) ^ (number.is_negative() ? 1 : 0);
  }
  return std::hash<std::string_view>()(value.AsString());  // S and B
}

}  // namespace

size_t ItemVersions::KeyHash::operator()(const value::PrimaryKey& key) const {
  size_t hash = static_cast<size_t>(key.partition_hash ^ (key.partition_hash >> 32));
  if (key.sort) hash ^= HashKeyValue(*key.sort) + 0x9e3779b9 + (hash << 6) + (hash >> 2);
  return hash;
}

bool ItemVersions::KeyEqual::operator()(const value::PrimaryKey& a,
                                        const value::PrimaryKey& b) const {
  if (a.partition_hash != b.partition_hash || a.sort.has_value() != b.sort.has_value()) {
    return false;
  }
  return value::CompareKeyValues(a.partition, b.partition) == 0 &&
         (!a.sort || value::CompareKeyValues(*a.sort, *b.sort) == 0);
}

ItemVersions::ItemVersions(const ItemVersions& other)
    : items_(other.items_),
      history_(other.history_),
      replication_lag_(other.replication_lag_),
      clock_(other.clock_) {
  RebuildLookup();
}

ItemVersions& ItemVersions::operator=(const ItemVersions& other) {
  if (this == &other) return *this;
  items_ = other.items_;
  history_ = other.history_;
  replication_lag_ = other.replication_lag_;
  clock_ = other.clock_;
  RebuildLookup();
  return *this;
}

void ItemVersions::RebuildLookup() {
  lookup_.clear();
  lookup_.reserve(items_.size());
  for (auto it = items_.begin(); it != items_.end(); ++it) lookup_.insert(it);
}

ItemVersions::ItemMap::iterator ItemVersions::Lookup(const value::PrimaryKey& key) const {
  auto found = lookup_.find(key);
  return found == lookup_.end() ? const_cast<ItemMap&>(items_).end() : *found;
}

const value::Item* ItemVersions::Find(const value::PrimaryKey& key) const {
  auto it = Lookup(key);
  return it == items_.end() ? nullptr : &it->second;
}

bool ItemVersions::Load(value::PrimaryKey key, value::Item item, const value::Item** stored) {
  auto [it, inserted] = items_.emplace(std::move(key), std::move(item));
  if (!inserted) return false;
  lookup_.insert(it);
  *stored = &it->second;
  return true;
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
  auto it = Lookup(key);
  if (replication_lag_ > 0) RememberVersion(key, it == items_.end() ? nullptr : &it->second);
  std::optional<value::Item> replaced;
  if (it == items_.end()) {
    it = items_.emplace(key, std::move(item)).first;
    lookup_.insert(it);
  } else {
    replaced = std::move(it->second);
    it->second = std::move(item);
  }
  return Stored{&it->second, std::move(replaced)};
}

std::optional<value::Item> ItemVersions::Erase(const value::PrimaryKey& key) {
  auto it = Lookup(key);
  if (it == items_.end()) return std::nullopt;
  RememberVersion(key, &it->second);
  value::Item old = std::move(it->second);
  lookup_.erase(it);
  items_.erase(it);
  return old;
}

}  // namespace ddbpg::store
