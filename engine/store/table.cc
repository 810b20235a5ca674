#include "engine/store/table.h"
#include "engine/base/service_text.h"

#include <algorithm>

#include "engine/base/limits.h"
#include "engine/partition/key_hash.h"
#include "engine/value/ddb_json.h"
#include "engine/value/item_size.h"

namespace ddbpg {

Table::Table(TableDefinition definition) : definition_(std::move(definition)) {
  for (const KeySchemaElement& element : definition_.key_schema) {
    if (element.key_type == KeyType::kRange) sort_key_name_ = element.attribute_name;
  }
}

AttributeType Table::KeyAttributeType(const std::string& name) const {
  for (const AttributeDefinition& definition : definition_.attribute_definitions) {
    if (definition.attribute_name == name) return definition.attribute_type;
  }
  return AttributeType::kS;
}

namespace {


size_t KeyValueBytes(const AttributeValue& value) {
  return value.type() == AttributeType::kN ? value.AsNumber().StorageBytes()
                                           : value.AsString().size();
}

}  // namespace

Status Table::CheckKeyValue(const std::string& name, const AttributeValue& value,
                            bool is_sort) const {
  AttributeType expected = KeyAttributeType(name);
  if (value.type() != expected) {
    return Status::Validation(std::string(kParameterValuesInvalid) + "Type mismatch for key " + name +
                              " expected: " + std::string(AttributeTypeName(expected)) +
                              " actual: " + std::string(AttributeTypeName(value.type())));
  }
  if (expected != AttributeType::kN && value.AsString().empty()) {
    return Status::Validation(
        "One or more parameter values are not valid. The AttributeValue for a key attribute "
        "cannot contain an empty " + std::string(expected == AttributeType::kS ? "string" : "binary") +
        " value. Key: " + name);
  }
  size_t bytes = KeyValueBytes(value);
  if (!is_sort && bytes > limits::kMaxPartitionKeyBytes) {
    return Status::Validation(std::string(kParameterValuesInvalid) +
                              "Size of hashkey has exceeded the maximum size limit of2048 bytes");
  }
  if (is_sort && bytes > limits::kMaxSortKeyBytes) {
    return Status::Validation(std::string(kParameterValuesInvalid) +
                              "Aggregated size of all range keys has exceeded the size limit of "
                              "1024 bytes");
  }
  return Status::OK();
}

Status Table::AddKeyElement(const KeySchemaElement& element, const AttributeValue& value,
                            PrimaryKey& key) const {
  const bool is_sort = element.key_type == KeyType::kRange;
  if (Status s = CheckKeyValue(element.attribute_name, value, is_sort); !s.ok()) return s;
  if (is_sort) {
    key.sort = value;
  } else {
    key.partition = value;
  }
  return Status::OK();
}

Result<PrimaryKey> Table::KeyOfItem(const Item& item) const {
  PrimaryKey key;
  for (const KeySchemaElement& element : definition_.key_schema) {
    auto it = item.find(element.attribute_name);
    if (it == item.end()) {
      return Status::Validation(std::string(kParameterValuesInvalid) + "Missing the key " +
                                element.attribute_name + " in the item");
    }
    if (Status s = AddKeyElement(element, it->second, key); !s.ok()) return s;
  }
  key.partition_hash = PartitionKeyHash(key.partition);
  if (Status s = CheckIndexKeys(item); !s.ok()) return s;
  return key;
}

Result<PrimaryKey> Table::KeyFromKeyParameter(const Item& key_attributes) const {
  const char* kMismatch = "The provided key element does not match the schema";
  if (key_attributes.size() != definition_.key_schema.size()) return Status::Validation(kMismatch);
  PrimaryKey key;
  for (const KeySchemaElement& element : definition_.key_schema) {
    auto it = key_attributes.find(element.attribute_name);
    if (it == key_attributes.end()) return Status::Validation(kMismatch);
    if (it->second.type() != KeyAttributeType(element.attribute_name)) {
      return Status::Validation(kMismatch);
    }
    if (Status s = AddKeyElement(element, it->second, key); !s.ok()) return s;
  }
  key.partition_hash = PartitionKeyHash(key.partition);
  return key;
}

PrimaryKey Table::KeyOf(const Item& item) const {
  PrimaryKey key;
  key.partition = item.at(partition_key_name());
  if (has_sort_key()) key.sort = item.at(sort_key_name());
  key.partition_hash = PartitionKeyHash(key.partition);
  return key;
}

SecondaryIndex& Table::AddIndex(IndexDefinition definition) {
  std::map<std::string, AttributeType> key_types;
  for (const auto* names : {&definition.partition_key, &definition.sort_key}) {
    for (const std::string& name : *names) key_types[name] = KeyAttributeType(name);
  }
  SecondaryIndex& index = indexes_.Add(std::make_unique<SecondaryIndex>(
      std::move(definition), partition_key_name(), sort_key_name_, std::move(key_types)));
  for (const auto& [key, item] : versions_.items()) index.Apply(nullptr, &item);
  ConfigureIndexCapacity(index, clock_ ? clock_->NowSeconds() : definition_.creation_time);
  index.capacity().SetThrottlingEnforced(partitions_.throttling_enforced());
  return index;
}

void Table::SetIndexPropagation(double seconds, const Clock* clock) {
  indexes_.SetPropagation(seconds, clock);
  clock_ = clock;
}

long long Table::ItemCollectionBytes(const AttributeValue& partition_key) const {
  PrimaryKey first;
  first.partition = partition_key;
  first.partition_hash = PartitionKeyHash(partition_key);
  long long bytes = 0;
  const ItemMap& items = versions_.items();
  for (auto it = items.lower_bound(first); it != items.end() && it->first.partition == partition_key;
       ++it) {
    bytes += static_cast<long long>(ItemSize(it->second));
  }
  for (const auto& index : indexes_.all()) {
    if (!index->is_global()) bytes += index->BytesUnder({partition_key});
  }
  return bytes;
}

void Table::SetReplicationLag(double seconds, const Clock* clock) {
  versions_.SetReplicationLag(seconds, clock);
  clock_ = clock;
}

std::optional<Item> Table::Put(const PrimaryKey& key, Item item) {
  const long long new_bytes = static_cast<long long>(ItemSize(item));
  ItemVersions::Stored stored = versions_.Store(key, std::move(item));
  const Item* old = stored.replaced ? &*stored.replaced : nullptr;
  const long long old_bytes = old ? static_cast<long long>(ItemSize(*old)) : 0;
  indexes_.Apply(old, stored.item);
  if (point_in_time_.enabled() && clock_ != nullptr) {
    point_in_time_.Record(clock_->NowSeconds(), key, stored.replaced);
  }
  if (change_listener_ && !(old && *old == *stored.item)) {
    change_listener_(old, stored.item, ChangeOrigin::kRequest);
  }
  size_bytes_ += new_bytes - old_bytes;
  partitions_.NoteChange(key.partition_hash, old ? 0 : 1, new_bytes - old_bytes, versions_.items());
  return std::move(stored.replaced);
}

std::optional<Item> Table::Delete(const PrimaryKey& key, ChangeOrigin origin) {
  std::optional<Item> old = versions_.Erase(key);
  if (!old) return std::nullopt;
  const long long bytes = static_cast<long long>(ItemSize(*old));
  size_bytes_ -= bytes;
  partitions_.NoteChange(key.partition_hash, -1, -bytes, versions_.items());
  indexes_.Apply(&*old, nullptr);
  if (point_in_time_.enabled() && clock_ != nullptr) {
    point_in_time_.Record(clock_->NowSeconds(), key, old);
  }
  if (change_listener_) change_listener_(&*old, nullptr, origin);
  return old;
}

void Table::Repartition(double scale, double now) {
  const bool on_demand = definition_.billing_mode == BillingMode::kPayPerRequest;
  partitions_.Repartition(on_demand,
                          static_cast<double>(definition_.throughput.read_capacity_units),
                          static_cast<double>(definition_.throughput.write_capacity_units), scale,
                          now, versions_.items());
  for (const auto& index : indexes_.all()) ConfigureIndexCapacity(*index, now);
}

void Table::ConfigureIndexCapacity(SecondaryIndex& index, double now) {
  if (!index.is_global()) return;
  index.capacity().Configure(definition_.billing_mode == BillingMode::kPayPerRequest,
                             static_cast<double>(index.definition().read_capacity_units),
                             static_cast<double>(index.definition().write_capacity_units),
                             PartitionLimitsAtScale(partitions_.scale()), now);
}

void Table::SetThrottlingEnforced(bool enforced) {
  partitions_.SetThrottlingEnforced(enforced);
  for (const auto& index : indexes_.all()) index->capacity().SetThrottlingEnforced(enforced);
}

Status Table::Admit(CapacityKind kind, const PrimaryKey& key, double units, double now,
                    const std::string& arn) {
  partitions_.Adapt(now, !has_local_indexes(), versions_.items());
  return partitions_.Admit(kind, key, units, now, arn);
}

Status Table::AdmitSpread(double units, double now, const std::string& arn) {
  partitions_.Adapt(now, !has_local_indexes(), versions_.items());
  return partitions_.AdmitSpread(units, now, arn);
}

void Table::RecordSpreadRead(const std::vector<const Item*>& items, double units, double now) {
  std::vector<std::pair<uint64_t, double>> bytes_by_hash;
  bytes_by_hash.reserve(items.size());
  for (const Item* item : items) {
    bytes_by_hash.push_back(
        {PartitionKeyHash(item->at(partition_key_name())), static_cast<double>(ItemSize(*item))});
  }
  partitions_.RecordSpread(bytes_by_hash, units, now);
}

}  // namespace ddbpg
