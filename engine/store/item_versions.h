// A table's items, in the order Scan walks them, and for eventually consistent reads the
// versions they replaced within the replication lag: what a lagging replica can still show.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "engine/base/clock.h"
#include "engine/store/primary_key.h"
#include "engine/value/attribute_value.h"

namespace ddbpg {

class ItemVersions {
 public:
  using ItemMap = std::map<PrimaryKey, Item, PrimaryKeyLess>;

  // Every current item in Scan order (see PrimaryKeyLess).
  const ItemMap& items() const { return items_; }
  const Item* Find(const PrimaryKey& key) const;

  // Keeps the versions replaced within the last `seconds` on `clock`; 0 keeps none.
  void SetReplicationLag(double seconds, const Clock* clock);
  // The item as it was at `as_of` on the clock: nullptr when it did not exist then. An `as_of`
  // of infinity is the current item.
  const Item* FindAsOf(const PrimaryKey& key, double as_of) const;
  // Visits items in Scan order from `from` (the first key not below it, or the first above it
  // when `exclusive`; the beginning when null) as they were at `as_of` on the clock, which
  // includes items deleted since and leaves out items written since; `visit` returns false to
  // stop. An `as_of` of infinity visits the current items.
  using ItemVisitor = std::function<bool(const PrimaryKey&, const Item&)>;
  void VisitAsOf(const PrimaryKey* from, bool exclusive, double as_of,
                 const ItemVisitor& visit) const;

  // Stores `item` under `key`: the stored item, and the item it replaced (none when new).
  struct Stored {
    const Item* item;
    std::optional<Item> replaced;
  };
  Stored Store(const PrimaryKey& key, Item item);
  // Removes the item under `key`, returning it when it existed.
  std::optional<Item> Erase(const PrimaryKey& key);

 private:
  // Saves and restores every member (engine/persist/state_codec.h).
  friend class StateCodec;
  void RememberVersion(const PrimaryKey& key, const Item* previous);

  ItemMap items_;
  // Versions replaced at a time, newest last: (replaced_at, the item before, absent if none).
  struct Version {
    double replaced_at;
    std::optional<Item> previous;
  };
  std::map<PrimaryKey, std::vector<Version>, PrimaryKeyLess> history_;
  double replication_lag_ = 0;
  const Clock* clock_ = nullptr;
};

}  // namespace ddbpg
