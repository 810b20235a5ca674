// A table's items, in the order Scan walks them, and for eventually consistent reads the
// versions they replaced within the replication lag: what a lagging replica can still show.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <unordered_set>
#include <vector>

#include "engine/base/clock.h"
#include "engine/value/attribute_value.h"
#include "engine/value/primary_key.h"

namespace ddbpg::persist {
class StateCodec;  // saves and loads the private state of the classes below
}  // namespace ddbpg::persist

namespace ddbpg::store {

class ItemVersions {
 public:
  using ItemMap = std::map<value::PrimaryKey, value::Item, value::PrimaryKeyLess>;

  ItemVersions() = default;
  // The lookup set points into items_: a copy points into its own map, a move keeps the nodes.
  ItemVersions(const ItemVersions& other);
  ItemVersions& operator=(const ItemVersions& other);
  ItemVersions(ItemVersions&&) = default;
  ItemVersions& operator=(ItemVersions&&) = default;

  // Every current item in Scan order (see PrimaryKeyLess).
  const ItemMap& items() const { return items_; }
  const value::Item* Find(const value::PrimaryKey& key) const;

  // Keeps the versions replaced within the last `seconds` on `clock`; 0 keeps none.
  void SetReplicationLag(double seconds, const base::Clock* clock);
  // The item as it was at `as_of` on the clock: nullptr when it did not exist then. An `as_of`
  // of infinity is the current item.
  const value::Item* FindAsOf(const value::PrimaryKey& key, double as_of) const;
  // Visits items in Scan order from `from` (the first key not below it, or the first above it
  // when `exclusive`; the beginning when null) as they were at `as_of` on the clock, which
  // includes items deleted since and leaves out items written since; `visit` returns false to
  // stop. An `as_of` of infinity visits the current items.
  using ItemVisitor = std::function<bool(const value::PrimaryKey&, const value::Item&)>;
  void VisitAsOf(const value::PrimaryKey* from, bool exclusive, double as_of,
                 const ItemVisitor& visit) const;

  // Stores `item` under `key`: the stored item, and the item it replaced (none when new).
  struct Stored {
    const value::Item* item;
    std::optional<value::Item> replaced;
  };
  Stored Store(const value::PrimaryKey& key, value::Item item);
  // Removes the item under `key`, returning it when it existed.
  std::optional<value::Item> Erase(const value::PrimaryKey& key);
  // Adds an item read back from a snapshot; false when its key is already taken.
  bool Load(value::PrimaryKey key, value::Item item, const value::Item** stored);

 private:
  // Saves and restores every member (engine/persist/state_codec.h).
  friend class persist::StateCodec;
  void RememberVersion(const value::PrimaryKey& key, const value::Item* previous);

  // A hash set over items_'s entries, so a point lookup (GetItem, every write) costs a hash
  // instead of a walk down the ordered map that Scan and Query need.
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(const value::PrimaryKey& key) const;
    size_t operator()(ItemMap::iterator entry) const { return (*this)(entry->first); }
  };
  struct KeyEqual {
    using is_transparent = void;
    bool operator()(const value::PrimaryKey& a, const value::PrimaryKey& b) const;
    bool operator()(ItemMap::iterator a, ItemMap::iterator b) const { return a == b; }
    bool operator()(const value::PrimaryKey& a, ItemMap::iterator b) const {
      return (*this)(a, b->first);
    }
    bool operator()(ItemMap::iterator a, const value::PrimaryKey& b) const {
      return (*this)(a->first, b);
    }
  };
  void RebuildLookup();
  ItemMap::iterator Lookup(const value::PrimaryKey& key) const;

  ItemMap items_;
  std::unordered_set<ItemMap::iterator, KeyHash, KeyEqual> lookup_;
  // Versions replaced at a time, newest last: (replaced_at, the item before, absent if none).
  struct Version {
    double replaced_at;
    std::optional<value::Item> previous;
  };
  std::map<value::PrimaryKey, std::vector<Version>, value::PrimaryKeyLess> history_;
  double replication_lag_ = 0;
  const base::Clock* clock_ = nullptr;
};

}  // namespace ddbpg::store
