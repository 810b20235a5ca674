#include "engine/store/table.h"
#include "engine/base/service_text.h"

#include <algorithm>

#include "engine/base/limits.h"
#include "engine/partition/key_hash.h"
#include "engine/value/ddb_json.h"
#include "engine/value/item_size.h"

namespace ddbpg::store {

Table::Table(TableDefinition definition) : definition_(std::move(definition)) {
  for (const KeySchemaElement& element : definition_.key_schema) {
    if (element.key_type == KeyType::kRange) sort_key_name_ = element.attribute_name;
  }
}

value::AttributeType Table::KeyAttributeType(const std::string& name) const {
  for (const AttributeDefinition& definition : definition_.attribute_definitions) {
    if (definition.attribute_name == name) return definition.attribute_type;
  }
  return value::AttributeType::kS;
}

namespace {

size_t KeyValueBytes(const value::AttributeValue& value) {
  return value.type() == value::AttributeType::kN ? value.AsNumber().StorageBytes()
                                                  : value.AsString().size();
}

}  // namespace

base::Status Table::CheckKeyValue(const std::string& name, const value::AttributeValue& value,
                                  bool is_sort) const {
  value::AttributeType expected = KeyAttributeType(name);
  if (value.type() != expected) {
    return base::Status::Validation(
        std::string(base::kParameterValuesInvalid) + "Type mismatch for key " + name +
        " expected: " + std::string(value::AttributeTypeName(expected)) +
        " actual: " + std::string(value::AttributeTypeName(value.type())));
  }
  if (expected != value::AttributeType::kN && value.AsString().empty()) {
    return base::Status::Validation(
        "One or more parameter values are not valid. The AttributeValue for a key attribute "
        "cannot contain an empty " +
        std::string(expected == value::AttributeType::kS ? "string" : "binary") +
        " value. Key: " + name);
  }
  size_t bytes = KeyValueBytes(value);
  if (!is_sort && bytes > base::limits::kMaxPartitionKeyBytes) {
    return base::Status::Validation(
        std::string(base::kParameterValuesInvalid) +
        "Size of hashkey has exceeded the maximum size limit of2048 bytes");
  }
  if (is_sort && bytes > base::limits::kMaxSortKeyBytes) {
    return base::Status::Validation(
        std::string(base::kParameterValuesInvalid) +
        "Aggregated size of all range keys has exceeded the size limit of "
        "1024 bytes");
  }
  return base::Status::OK();
}

base::Status Table::AddKeyElement(const KeySchemaElement& element,
                                  const value::AttributeValue& value,
                                  value::PrimaryKey& key) const {
  const bool is_sort = element.key_type == KeyType::kRange;
  if (base::Status s = CheckKeyValue(element.attribute_name, value, is_sort); !s.ok()) return s;
  if (is_sort) {
    key.sort = value;
  } else {
    key.partition = value;
  }
  return base::Status::OK();
}

base::Result<value::PrimaryKey> Table::KeyOfItem(const value::Item& item) const {
  value::PrimaryKey key;
  for (const KeySchemaElement& element : definition_.key_schema) {
    auto it = item.find(element.attribute_name);
    if (it == item.end()) {
      return base::Status::Validation(std::string(base::kParameterValuesInvalid) +
                                      "Missing the key " + element.attribute_name + " in the item");
    }
    if (base::Status s = AddKeyElement(element, it->second, key); !s.ok()) return s;
  }
  key.partition_hash = partition::PartitionKeyHash(key.partition);
  if (base::Status s = CheckIndexKeys(item); !s.ok()) return s;
  return key;
}

base::Result<value::PrimaryKey> Table::KeyFromKeyParameter(
    const value::Item& key_attributes) const {
  const char* kMismatch = "The provided key element does not match the schema";
  if (key_attributes.size() != definition_.key_schema.size())
    return base::Status::Validation(kMismatch);
  value::PrimaryKey key;
  for (const KeySchemaElement& element : definition_.key_schema) {
    auto it = key_attributes.find(element.attribute_name);
    if (it == key_attributes.end()) return base::Status::Validation(kMismatch);
    if (it->second.type() != KeyAttributeType(element.attribute_name)) {
      return base::Status::Validation(kMismatch);
    }
    if (base::Status s = AddKeyElement(element, it->second, key); !s.ok()) return s;
  }
  key.partition_hash = partition::PartitionKeyHash(key.partition);
  return key;
}

value::PrimaryKey Table::KeyOf(const value::Item& item) const {
  value::PrimaryKey key;
  key.partition = item.at(partition_key_name());
  if (has_sort_key()) key.sort = item.at(sort_key_name());
  key.partition_hash = partition::PartitionKeyHash(key.partition);
  return key;
}

index::SecondaryIndex& Table::AddIndex(index::IndexDefinition definition) {
  std::map<std::string, value::AttributeType> key_types;
  for (const auto* names : {&definition.partition_key, &definition.sort_key}) {
    for (const std::string& name : *names) key_types[name] = KeyAttributeType(name);
  }
  index::SecondaryIndex& index = indexes_.Add(std::make_unique<index::SecondaryIndex>(
      std::move(definition), partition_key_name(), sort_key_name_, std::move(key_types)));
  for (const auto& [key, item] : versions_.items()) index.Apply(nullptr, &item);
  ConfigureIndexCapacity(index, clock_ ? clock_->NowSeconds() : definition_.creation_time);
  index.capacity().SetThrottlingEnforced(partitions_.throttling_enforced());
  return index;
}

void Table::SetIndexPropagation(double seconds, const base::Clock* clock) {
  indexes_.SetPropagation(seconds, clock);
  clock_ = clock;
}

long long Table::ItemCollectionBytes(const value::AttributeValue& partition_key) const {
  value::PrimaryKey first;
  first.partition = partition_key;
  first.partition_hash = partition::PartitionKeyHash(partition_key);
  long long bytes = 0;
  const ItemMap& items = versions_.items();
  for (auto it = items.lower_bound(first); it != items.end() && it->first.partition == partition_key;
       ++it) {
    bytes += static_cast<long long>(value::ItemSize(it->second));
  }
  for (const auto& index : indexes_.all()) {
    if (!index->is_global()) bytes += index->BytesUnder({partition_key});
  }
  return bytes;
}

void Table::SetReplicationLag(double seconds, const base::Clock* clock) {
  versions_.SetReplicationLag(seconds, clock);
  clock_ = clock;
}

std::optional<value::Item> Table::Put(const value::PrimaryKey& key, value::Item item,
                                      ChangeOrigin origin) {
  const long long new_bytes = static_cast<long long>(value::ItemSize(item));
  ItemVersions::Stored stored = versions_.Store(key, std::move(item));
  const value::Item* old = stored.replaced ? &*stored.replaced : nullptr;
  const long long old_bytes = old ? static_cast<long long>(value::ItemSize(*old)) : 0;
  indexes_.Apply(old, stored.item);
  if (point_in_time_.enabled() && clock_ != nullptr) {
    point_in_time_.Record(clock_->NowSeconds(), key, stored.replaced);
  }
  if (change_listener_ && !(old && *old == *stored.item)) {
    change_listener_(old, stored.item, origin);
  }
  // A write that leaves the item as it was is still the latest write, which the other replicas
  // of a global table must learn of (last writer wins).
  if (replication_listener_) replication_listener_(old, stored.item, origin);
  size_bytes_ += new_bytes - old_bytes;
  partitions_.NoteChange(key.partition_hash, old ? 0 : 1, new_bytes - old_bytes, versions_.items());
  return std::move(stored.replaced);
}

std::optional<value::Item> Table::Delete(const value::PrimaryKey& key, ChangeOrigin origin) {
  std::optional<value::Item> old = versions_.Erase(key);
  if (!old) return std::nullopt;
  const long long bytes = static_cast<long long>(value::ItemSize(*old));
  size_bytes_ -= bytes;
  partitions_.NoteChange(key.partition_hash, -1, -bytes, versions_.items());
  indexes_.Apply(&*old, nullptr);
  if (point_in_time_.enabled() && clock_ != nullptr) {
    point_in_time_.Record(clock_->NowSeconds(), key, old);
  }
  if (change_listener_) change_listener_(&*old, nullptr, origin);
  if (replication_listener_) replication_listener_(&*old, nullptr, origin);
  return old;
}

void Table::Repartition(double scale, double now) {
  const bool on_demand = definition_.billing_mode == BillingMode::kPayPerRequest;
  partitions_.Repartition(on_demand,
                          static_cast<double>(definition_.throughput.read_capacity_units),
                          static_cast<double>(definition_.throughput.write_capacity_units), scale,
                          now, versions_.items());
  partitions_.SetOnDemandMaximum(definition_.on_demand_maximum);
  for (const auto& index : indexes_.all()) ConfigureIndexCapacity(*index, now);
}

void Table::ConfigureIndexCapacity(index::SecondaryIndex& index, double now) {
  if (!index.is_global()) return;
  index.capacity().Configure(definition_.billing_mode == BillingMode::kPayPerRequest,
                             static_cast<double>(index.definition().read_capacity_units),
                             static_cast<double>(index.definition().write_capacity_units),
                             partition::PartitionLimitsAtScale(partitions_.scale()), now);
  index.capacity().SetOnDemandMaximum(index.definition().on_demand_maximum);
}

void Table::SetThrottlingEnforced(bool enforced) {
  partitions_.SetThrottlingEnforced(enforced);
  for (const auto& index : indexes_.all()) index->capacity().SetThrottlingEnforced(enforced);
}

void Table::AdaptPartitions(double now) {
  partitions_.Adapt(now, !has_local_indexes(), versions_.items());
}

base::Status Table::Admit(capacity::CapacityKind kind, const value::PrimaryKey& key, double units,
                          double now, const capacity::ResourceArn& arn,
                          double request_units_before) {
  AdaptPartitions(now);
  return partitions_.Admit(kind, key, units, now, arn, request_units_before);
}

base::Status Table::AdmitSpread(double units, double now, const capacity::ResourceArn& arn) {
  AdaptPartitions(now);
  return partitions_.AdmitSpread(units, now, arn);
}

void Table::RecordSpreadRead(const std::vector<const value::Item*>& items, double units,
                             double now) {
  std::vector<std::pair<uint64_t, double>> bytes_by_hash;
  bytes_by_hash.reserve(items.size());
  for (const value::Item* item : items) {
    bytes_by_hash.push_back({partition::PartitionKeyHash(item->at(partition_key_name())),
                             static_cast<double>(value::ItemSize(*item))});
  }
  partitions_.RecordSpread(bytes_by_hash, units, now);
}

}  // namespace ddbpg::store
