// SecondaryIndex: the entries of one local or global secondary index, kept in the order a Query
// or Scan on the index reads them, and maintained on every write to the table.
//
// An entry is the item's projection (Developer Guide, "Projections"): the table's key, the
// index's key and, for INCLUDE, the named attributes, or the whole item for ALL. An item that
// lacks any of the index's key attributes has no entry (a sparse index).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/capacity/partitioned_capacity.h"
#include "engine/index/index_definition.h"
#include "engine/value/attribute_value.h"
#include "engine/value/primary_key.h"

namespace ddbpg::persist {
class StateCodec;  // saves and loads the private state of the classes below
}  // namespace ddbpg::persist

namespace ddbpg::index {

struct IndexEntryKey {
  uint64_t partition_hash = 0;
  std::vector<value::AttributeValue>
      partition;                            // the index's partition-key values, in schema order
  std::vector<value::AttributeValue> sort;  // its sort-key values (may be empty)
  // The table's key: it tells apart entries with equal index keys and orders them.
  value::AttributeValue table_partition;
  std::optional<value::AttributeValue> table_sort;
  uint64_t table_partition_hash = 0;
};

struct IndexEntryKeyLess {
  bool operator()(const IndexEntryKey& a, const IndexEntryKey& b) const;
};

class SecondaryIndex {
 public:
  // `table_key_names` are the table's partition and (possibly empty) sort key names;
  // `attribute_types` gives the declared type of every key attribute.
  SecondaryIndex(IndexDefinition definition, std::string table_partition_key,
                 std::string table_sort_key, std::map<std::string, value::AttributeType> key_types);

  const IndexDefinition& definition() const { return definition_; }
  IndexDefinition& mutable_definition() { return definition_; }
  const std::string& name() const { return definition_.name; }
  bool is_global() const { return definition_.kind == IndexKind::kGlobal; }
  value::AttributeType KeyType(const std::string& attribute) const {
    return key_types_.at(attribute);
  }

  // A global index's own partitions, capacity and metrics.
  capacity::PartitionedCapacity& capacity() { return capacity_; }
  const capacity::PartitionedCapacity& capacity() const { return capacity_; }

  // --- lifecycle on the engine's clock --------------------------------------------------------

  // A global index added by UpdateTable is CREATING: first its resources are allocated, then it
  // is backfilled from the table's items; it is ACTIVE from `active_at`. Indexes created with
  // their table are ACTIVE with it.
  void SetCreation(double allocation_end, double active_at) {
    allocation_end_ = allocation_end;
    active_at_ = active_at;
    added_later_ = true;
  }
  bool IsCreating(double now) const { return now < active_at_; }
  bool IsAllocating(double now) const { return now < allocation_end_; }
  // "Backfilling" is reported only for an index UpdateTable added, while it is CREATING.
  std::optional<bool> Backfilling(double now) const {
    if (!added_later_ || !IsCreating(now)) return std::nullopt;
    return !IsAllocating(now);
  }

  // A write's new item must give each index key attribute it has the declared type and a
  // non-empty value no longer than a key's limit: DynamoDB's ValidationException otherwise.
  base::Status CheckItem(const value::Item& item) const;

  // The entry key of `item`, or nullopt when the item lacks an index key attribute.
  std::optional<IndexEntryKey> EntryKeyOf(const value::Item& item) const;
  // The attributes of `item` the index holds.
  value::Item Project(const value::Item& item) const;
  // Whether the index holds `attribute` for every entry (key attributes and projected ones).
  bool Projects(const std::string& attribute) const;
  // The hash of the index partition `item`'s entry lands in, or nullopt when it has no entry.
  std::optional<uint64_t> PartitionHashOf(const value::Item& item) const;

  // Write units the index consumes for a table write that replaces `old_item` with
  // `new_item` (either may be null), in the documented cases (Developer Guide, "Provisioned
  // throughput considerations for Global Secondary Indexes" and the local-index twin): an entry
  // appears (1 write of the new entry), its key changes (a delete and a put), it disappears
  // (1 write of the old entry), a projected attribute changes (1 write), else nothing.
  double WriteUnits(const value::Item* old_item, const value::Item* new_item) const;

  // Keeps the entries in step with a table write.
  void Apply(const value::Item* old_item, const value::Item* new_item);

  using EntryMap = std::map<IndexEntryKey, value::Item, IndexEntryKeyLess>;
  const EntryMap& entries() const { return entries_; }
  long long item_count() const { return static_cast<long long>(entries_.size()); }
  // The bytes (as size_bytes counts them) of the entries under one index partition-key value.
  long long BytesUnder(const std::vector<value::AttributeValue>& partition) const;
  // Entry bytes plus DynamoDB's 100 bytes of overhead per entry (Developer Guide, "Storage
  // considerations for Global Secondary Indexes").
  long long size_bytes() const { return size_bytes_; }

 private:
  friend class persist::StateCodec;
  static long long EntryBytes(const value::Item& entry);
  // Whether `item` has every index key attribute (so an entry).
  bool HasKey(const value::Item& item) const;
  // Whether two items with entries have the same index key.
  bool SameKey(const value::Item& a, const value::Item& b) const;
  // The size of `item`'s entry, and whether two items' entries hold the same attributes.
  size_t ProjectedSize(const value::Item& item) const;
  bool SameProjection(const value::Item& a, const value::Item& b) const;

  IndexDefinition definition_;
  double allocation_end_ = 0;
  double active_at_ = 0;
  bool added_later_ = false;
  std::string table_partition_key_;
  std::string table_sort_key_;
  std::map<std::string, value::AttributeType> key_types_;
  EntryMap entries_;
  long long size_bytes_ = 0;
  capacity::PartitionedCapacity capacity_;
};

// The hash that places an index entry: the partition-key hash of a single value, or a mix of
// the values' hashes for a multi-attribute key.
uint64_t IndexPartitionHash(const std::vector<value::AttributeValue>& values);

}  // namespace ddbpg::index
