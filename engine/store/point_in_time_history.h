// PointInTimeHistory: what point-in-time recovery keeps of one table so that it can be rebuilt
// as it was at any instant of its recovery window (docs/backups.md, "Point-in-time recovery").
//
// DynamoDB keeps "incremental backups" from the moment PITR is enabled, for the recovery period
// (1 to 35 days). Here the table's current items are the newest full image, and this history
// holds, for every change since the window's start, the item as it was before the change. The
// table at time T is the current items with the changes made after T undone, newest first. No
// second copy of the table is kept, and changes older than the window are forgotten as the
// clock moves, so memory follows the writes of the window. A byte budget bounds it too: when it
// is exceeded the oldest changes go and the window starts later (docs/differences.md).
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <optional>

#include "engine/store/item_versions.h"
#include "engine/value/attribute_value.h"
#include "engine/value/primary_key.h"

namespace ddbpg::persist {
class StateCodec;  // saves and loads the private state of the classes below
}  // namespace ddbpg::persist

namespace ddbpg::store {

class PointInTimeHistory {
 public:
  // UpdateContinuousBackups: the default and the range of RecoveryPeriodInDays.
  static constexpr int kDefaultRecoveryPeriodDays = 35;

  bool enabled() const { return enabled_; }
  int recovery_period_days() const { return recovery_period_days_; }
  double enabled_at() const { return enabled_at_; }

  // Starts recording at `now` (a table already enabled keeps its history and only changes its
  // period: a shorter period forgets what falls out of it, a longer one does not bring back what
  // was forgotten).
  void Enable(double now, int recovery_period_days);
  // Stops and forgets the history (the service's "disabling deletes the backups").
  void Disable();

  // One change at `at`: `before` is the item it replaced or deleted (none when it was new).
  void Record(double at, const value::PrimaryKey& key, const std::optional<value::Item>& before);
  // Forgets the changes no restore can need any more at `now`.
  void Forget(double now);

  // The window: a restore may ask for any instant from the earliest to `now`.
  double EarliestRestorable(double now) const;

  // The items as they were at `at` (which the caller has checked is in the window), from the
  // table's `current` items.
  ItemVersions::ItemMap ItemsAt(double at, const ItemVersions::ItemMap& current) const;

  // The keys changed at `from` or after and before `to` (an incremental export's window), each
  // with the time of its last change in it, in key order.
  std::map<value::PrimaryKey, double, value::PrimaryKeyLess> LastChangesBetween(double from,
                                                                               double to) const;

  // How many bytes the history may hold (the item images' sizes); tests make it small.
  void set_byte_budget(size_t bytes) { byte_budget_ = bytes; }
  size_t bytes() const { return bytes_; }

 private:
  friend class persist::StateCodec;
  struct Change {
    double at;
    value::PrimaryKey key;
    std::optional<value::Item> before;
    size_t bytes;
  };
  void DropOldest();

  bool enabled_ = false;
  int recovery_period_days_ = kDefaultRecoveryPeriodDays;
  double enabled_at_ = 0;
  // Oldest first; a change's time never precedes the one before it (the clock does not go
  // back: Playground.SetClock only moves it forward).
  std::deque<Change> changes_;
  size_t bytes_ = 0;
  // The newest time of a forgotten change: no restore may go before it.
  std::optional<double> forgotten_through_;
  size_t byte_budget_ = kDefaultByteBudget;
  static constexpr size_t kDefaultByteBudget = size_t{64} << 20;
};

}  // namespace ddbpg::store
