// A table's secondary indexes: the live ones, the changes still on their way to the global ones
// (Playground.Configure "IndexPropagationSeconds"), and the deleted global indexes that
// DescribeTable still shows as DELETING.
#pragma once

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/clock.h"
#include "engine/base/status.h"
#include "engine/index/secondary_index.h"
#include "engine/value/attribute_value.h"

namespace ddbpg::persist {
class StateCodec;  // saves and loads the private state of the classes below
}  // namespace ddbpg::persist

namespace ddbpg::store {

class TableIndexes {
 public:
  const std::vector<std::unique_ptr<index::SecondaryIndex>>& all() const { return live_; }
  index::SecondaryIndex& Add(std::unique_ptr<index::SecondaryIndex> index);
  const index::SecondaryIndex* Find(const std::string& name) const;
  index::SecondaryIndex* Find(const std::string& name);
  // Drops an index, its entries and the changes still on their way to it.
  void Remove(const std::string& name);

  // A deleted global index, shown as DELETING until `until` on the clock.
  struct Deleting {
    index::IndexDefinition definition;
    long long size_bytes = 0;
    long long item_count = 0;
    double until = 0;
  };
  void RemoveLater(const std::string& name, double until);
  // The deleted indexes still DELETING at `now`.
  std::vector<Deleting> DeletingAt(double now) const;

  // Global indexes receive each change `seconds` after the table; 0 updates them with it.
  void SetPropagation(double seconds, const base::Clock* clock);
  // Applies the changes due by `now`.
  void Propagate(double now);
  // Tells every index of a change to an item (`before` null when new, `after` null when
  // deleted): local indexes at once, global ones after the propagation delay.
  void Apply(const value::Item* before, const value::Item* after);

  bool has_local() const;
  // Index key attributes of a new item must have their declared types (SecondaryIndex).
  base::Status CheckItem(const value::Item& item) const;
  // True when `attribute` is a key attribute of an index and `item` holds it with another type
  // than the index declares.
  bool HoldsIndexKeyOfAnotherType(const value::Item& item, const std::string& attribute) const;

 private:
  // Saves and restores every member (engine/persist/state_codec.h).
  friend class persist::StateCodec;

  std::vector<std::unique_ptr<index::SecondaryIndex>> live_;
  struct PendingUpdate {
    double due;
    index::SecondaryIndex* index;
    std::optional<value::Item> before;
    std::optional<value::Item> after;
  };
  std::deque<PendingUpdate> pending_;
  double propagation_seconds_ = 0;
  const base::Clock* clock_ = nullptr;
  std::vector<Deleting> deleting_;
};

}  // namespace ddbpg::store
