#include "engine/index/secondary_index.h"

#include <algorithm>
#include <utility>

#include "engine/base/limits.h"
#include "engine/capacity/units.h"
#include "engine/partition/key_hash.h"
#include "engine/value/item_size.h"

namespace ddbpg::index {
namespace {

// Per-entry storage overhead of an index (Developer Guide, "Item storage in a GSI").
constexpr long long kEntryOverheadBytes = 100;

int CompareValues(const std::vector<value::AttributeValue>& a,
                  const std::vector<value::AttributeValue>& b) {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (int c = value::CompareKeyValues(a[i], b[i]); c != 0) return c;
  }
  return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}

}  // namespace

uint64_t IndexPartitionHash(const std::vector<value::AttributeValue>& values) {
  uint64_t hash = partition::PartitionKeyHash(values[0]);
  for (size_t i = 1; i < values.size(); ++i) {
    // Order matters: (a, b) and (b, a) are different keys.
    hash = (hash * 0x9E3779B97F4A7C15ULL) ^ partition::PartitionKeyHash(values[i]);
  }
  return hash;
}

bool IndexEntryKeyLess::operator()(const IndexEntryKey& a, const IndexEntryKey& b) const {
  if (a.partition_hash != b.partition_hash) return a.partition_hash < b.partition_hash;
  if (int c = CompareValues(a.partition, b.partition); c != 0) return c < 0;
  if (int c = CompareValues(a.sort, b.sort); c != 0) return c < 0;
  if (a.table_partition_hash != b.table_partition_hash) {
    return a.table_partition_hash < b.table_partition_hash;
  }
  if (int c = value::CompareKeyValues(a.table_partition, b.table_partition); c != 0) return c < 0;
  if (!a.table_sort || !b.table_sort) return b.table_sort.has_value() && !a.table_sort.has_value();
  return value::CompareKeyValues(*a.table_sort, *b.table_sort) < 0;
}

SecondaryIndex::SecondaryIndex(IndexDefinition definition, std::string table_partition_key,
                               std::string table_sort_key,
                               std::map<std::string, value::AttributeType> key_types)
    : definition_(std::move(definition)),
      table_partition_key_(std::move(table_partition_key)),
      table_sort_key_(std::move(table_sort_key)),
      key_types_(std::move(key_types)) {
  capacity_.SetForIndex(true);
}

base::Status SecondaryIndex::CheckItem(const value::Item& item) const {
  for (const auto* names : {&definition_.partition_key, &definition_.sort_key}) {
    for (const std::string& name : *names) {
      auto it = item.find(name);
      if (it == item.end()) continue;
      value::AttributeType expected = key_types_.at(name);
      if (it->second.type() != expected) {
        return base::Status::Validation(
            "One or more parameter values were invalid: Type mismatch for Index Key " + name +
            " Expected: " + std::string(value::AttributeTypeName(expected)) +
            " Actual: " + std::string(value::AttributeTypeName(it->second.type())) +
            " IndexName: " + definition_.name);
      }
      if (expected != value::AttributeType::kN && it->second.AsString().empty()) {
        return base::Status::Validation(
            "One or more parameter values are not valid. A value specified for a secondary index "
            "key is not supported. The AttributeValue for a key attribute cannot contain an "
            "empty " +
            std::string(expected == value::AttributeType::kS ? "string" : "binary") +
            " value. IndexName: " + definition_.name + ", IndexKey: " + name);
      }
      // An index key has the table key's limits: 2,048 bytes for a partition key, 1,024 for a
      // sort key (ServiceQuotas, "Partition key length" / "Sort key length").
      const bool is_sort = names == &definition_.sort_key;
      const size_t max_bytes =
          is_sort ? base::limits::kMaxSortKeyBytes : base::limits::kMaxPartitionKeyBytes;
      const size_t bytes = value::AttributeValueSize(it->second);
      if (bytes > max_bytes) {
        return base::Status::Validation(
            "One or more parameter values were invalid: Size limit exceeded for Index Key " + name +
            " Actual Size: " + std::to_string(bytes) + " bytes Max Size: " +
            std::to_string(max_bytes) + " bytes IndexName: " + definition_.name);
      }
    }
  }
  return base::Status::OK();
}

std::optional<IndexEntryKey> SecondaryIndex::EntryKeyOf(const value::Item& item) const {
  IndexEntryKey key;
  for (const std::string& name : definition_.partition_key) {
    auto it = item.find(name);
    if (it == item.end()) return std::nullopt;
    key.partition.push_back(it->second);
  }
  for (const std::string& name : definition_.sort_key) {
    auto it = item.find(name);
    if (it == item.end()) return std::nullopt;
    key.sort.push_back(it->second);
  }
  key.partition_hash = IndexPartitionHash(key.partition);
  key.table_partition = item.at(table_partition_key_);
  key.table_partition_hash = partition::PartitionKeyHash(key.table_partition);
  if (!table_sort_key_.empty()) key.table_sort = item.at(table_sort_key_);
  return key;
}

bool SecondaryIndex::Projects(const std::string& attribute) const {
  if (definition_.projection == ProjectionType::kAll) return true;
  if (attribute == table_partition_key_ || attribute == table_sort_key_) return true;
  if (key_types_.count(attribute)) return true;  // an index key attribute
  const std::vector<std::string>& included = definition_.non_key_attributes;
  return std::find(included.begin(), included.end(), attribute) != included.end();
}

value::Item SecondaryIndex::Project(const value::Item& item) const {
  if (definition_.projection == ProjectionType::kAll) return item;
  value::Item entry;
  for (const auto& [name, value] : item) {
    if (Projects(name)) entry.emplace(name, value);
  }
  return entry;
}

long long SecondaryIndex::BytesUnder(const std::vector<value::AttributeValue>& partition) const {
  IndexEntryKey first;
  first.partition = partition;
  first.partition_hash = IndexPartitionHash(partition);
  long long bytes = 0;
  for (auto it = entries_.lower_bound(first); it != entries_.end() && it->first.partition == partition;
       ++it) {
    bytes += EntryBytes(it->second);
  }
  return bytes;
}

long long SecondaryIndex::EntryBytes(const value::Item& entry) {
  return static_cast<long long>(value::ItemSize(entry)) + kEntryOverheadBytes;
}

bool SecondaryIndex::HasKey(const value::Item& item) const {
  for (const auto& [name, type] : key_types_) {
    if (!item.count(name)) return false;
  }
  return true;
}

bool SecondaryIndex::SameKey(const value::Item& a, const value::Item& b) const {
  for (const auto& [name, type] : key_types_) {
    if (value::CompareKeyValues(a.at(name), b.at(name)) != 0) return false;
  }
  return true;
}

size_t SecondaryIndex::ProjectedSize(const value::Item& item) const {
  if (definition_.projection == ProjectionType::kAll) return value::ItemSize(item);
  size_t bytes = 0;
  for (const auto& [name, value] : item) {
    if (Projects(name)) bytes += value::AttributeSize(name, value);
  }
  return bytes;
}

bool SecondaryIndex::SameProjection(const value::Item& a, const value::Item& b) const {
  if (definition_.projection == ProjectionType::kAll) return a == b;
  size_t projected = 0;
  for (const auto& [name, value] : a) {
    if (!Projects(name)) continue;
    ++projected;
    auto other = b.find(name);
    if (other == b.end() || !(other->second == value)) return false;
  }
  for (const auto& [name, value] : b) projected -= Projects(name) ? 1 : 0;
  return projected == 0;
}

std::optional<uint64_t> SecondaryIndex::PartitionHashOf(const value::Item& item) const {
  if (!HasKey(item)) return std::nullopt;
  std::vector<value::AttributeValue> values;
  for (const std::string& name : definition_.partition_key) values.push_back(item.at(name));
  return IndexPartitionHash(values);
}

// Decided from the items themselves, without building entries: this runs for every write to a
// table with indexes, before admission.
double SecondaryIndex::WriteUnits(const value::Item* old_item, const value::Item* new_item) const {
  const bool in_before = old_item && HasKey(*old_item);
  const bool in_after = new_item && HasKey(*new_item);
  if (!in_before && !in_after) return 0;
  // Entries are charged on their projected size, rounded up to 1 KB like any write.
  auto units_of = [this](const value::Item& item) {
    return capacity::WriteUnits(ProjectedSize(item));
  };
  if (!in_before) return units_of(*new_item);
  if (!in_after) return units_of(*old_item);
  if (!SameKey(*old_item, *new_item)) return units_of(*old_item) + units_of(*new_item);
  return SameProjection(*old_item, *new_item) ? 0 : units_of(*new_item);
}

void SecondaryIndex::Apply(const value::Item* old_item, const value::Item* new_item) {
  if (old_item) {
    if (std::optional<IndexEntryKey> key = EntryKeyOf(*old_item)) {
      auto it = entries_.find(*key);
      if (it != entries_.end()) {
        size_bytes_ -= EntryBytes(it->second);
        entries_.erase(it);
      }
    }
  }
  if (new_item) {
    if (std::optional<IndexEntryKey> key = EntryKeyOf(*new_item)) {
      value::Item entry = Project(*new_item);
      size_bytes_ += EntryBytes(entry);
      entries_[std::move(*key)] = std::move(entry);
    }
  }
}

}  // namespace ddbpg::index
