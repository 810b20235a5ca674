#include "engine/store/point_in_time_history.h"

#include <algorithm>

#include "engine/value/item_size.h"

namespace ddbpg::store {
namespace {

constexpr double kSecondsPerDay = 24 * 3600;

// What a change costs the budget: the image it keeps, and a little for the key and the time.
size_t ChangeBytes(const std::optional<value::Item>& before) {
  constexpr size_t kOverhead = 64;
  return kOverhead + (before ? value::ItemSize(*before) : 0);
}

}  // namespace

void PointInTimeHistory::Enable(double now, int recovery_period_days) {
  if (!enabled_) {
    enabled_ = true;
    enabled_at_ = now;
    changes_.clear();
    bytes_ = 0;
    forgotten_through_.reset();
  }
  recovery_period_days_ = recovery_period_days;
  Forget(now);
}

void PointInTimeHistory::Disable() {
  enabled_ = false;
  changes_.clear();
  bytes_ = 0;
  forgotten_through_.reset();
}

void PointInTimeHistory::Record(double at, const value::PrimaryKey& key,
                                const std::optional<value::Item>& before) {
  if (!enabled_) return;
  const size_t bytes = ChangeBytes(before);
  changes_.push_back({at, key, before, bytes});
  bytes_ += bytes;
  Forget(at);
  while (bytes_ > byte_budget_ && !changes_.empty()) DropOldest();
}

void PointInTimeHistory::Forget(double now) {
  const double window_start = now - recovery_period_days_ * kSecondsPerDay;
  while (!changes_.empty() && changes_.front().at < window_start) DropOldest();
}

void PointInTimeHistory::DropOldest() {
  const Change& oldest = changes_.front();
  forgotten_through_ = std::max(forgotten_through_.value_or(oldest.at), oldest.at);
  bytes_ -= oldest.bytes;
  changes_.pop_front();
}

double PointInTimeHistory::EarliestRestorable(double now) const {
  double earliest = std::max(enabled_at_, now - recovery_period_days_ * kSecondsPerDay);
  if (forgotten_through_) earliest = std::max(earliest, *forgotten_through_);
  return std::min(earliest, now);
}

ItemVersions::ItemMap PointInTimeHistory::ItemsAt(double at,
                                                  const ItemVersions::ItemMap& current) const {
  ItemVersions::ItemMap items = current;
  for (auto it = changes_.rbegin(); it != changes_.rend() && it->at > at; ++it) {
    if (it->before) {
      items.insert_or_assign(it->key, *it->before);
    } else {
      items.erase(it->key);
    }
  }
  return items;
}

std::map<value::PrimaryKey, double, value::PrimaryKeyLess> PointInTimeHistory::LastChangesBetween(
    double from, double to) const {
  std::map<value::PrimaryKey, double, value::PrimaryKeyLess> changed;
  for (const Change& change : changes_) {
    if (change.at >= from && change.at < to) changed[change.key] = change.at;
  }
  return changed;
}

}  // namespace ddbpg::store
