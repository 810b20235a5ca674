#include "engine/store/table.h"

#include "engine/base/limits.h"
#include "engine/store/key_hash.h"
#include "engine/value/item_size.h"

namespace ddbpg {

bool PrimaryKeyLess::operator()(const PrimaryKey& a, const PrimaryKey& b) const {
  if (a.partition_hash != b.partition_hash) return a.partition_hash < b.partition_hash;
  int by_partition = CompareKeyValues(a.partition, b.partition);
  if (by_partition != 0) return by_partition < 0;
  if (!a.sort || !b.sort) return b.sort.has_value() && !a.sort.has_value();
  return CompareKeyValues(*a.sort, *b.sort) < 0;
}

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

constexpr const char* kInvalidPrefix = "One or more parameter values were invalid: ";

size_t KeyValueBytes(const AttributeValue& value) {
  return value.type() == AttributeType::kN ? value.AsNumber().StorageBytes()
                                           : value.AsString().size();
}

}  // namespace

Status Table::CheckKeyValue(const std::string& name, const AttributeValue& value,
                            bool is_sort) const {
  AttributeType expected = KeyAttributeType(name);
  if (value.type() != expected) {
    return Status::Validation(std::string(kInvalidPrefix) + "Type mismatch for key " + name +
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
    return Status::Validation(std::string(kInvalidPrefix) +
                              "Size of hashkey has exceeded the maximum size limit of2048 bytes");
  }
  if (is_sort && bytes > limits::kMaxSortKeyBytes) {
    return Status::Validation(std::string(kInvalidPrefix) +
                              "Aggregated size of all range keys has exceeded the size limit of "
                              "1024 bytes");
  }
  return Status::OK();
}

Result<PrimaryKey> Table::KeyOfItem(const Item& item) const {
  PrimaryKey key;
  for (const KeySchemaElement& element : definition_.key_schema) {
    auto it = item.find(element.attribute_name);
    if (it == item.end()) {
      return Status::Validation(std::string(kInvalidPrefix) + "Missing the key " +
                                element.attribute_name + " in the item");
    }
    bool is_sort = element.key_type == KeyType::kRange;
    if (Status s = CheckKeyValue(element.attribute_name, it->second, is_sort); !s.ok()) return s;
    if (is_sort) {
      key.sort = it->second;
    } else {
      key.partition = it->second;
    }
  }
  key.partition_hash = PartitionKeyHash(key.partition);
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
    bool is_sort = element.key_type == KeyType::kRange;
    if (Status s = CheckKeyValue(element.attribute_name, it->second, is_sort); !s.ok()) return s;
    if (is_sort) {
      key.sort = it->second;
    } else {
      key.partition = it->second;
    }
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

const Item* Table::Find(const PrimaryKey& key) const {
  auto it = items_.find(key);
  return it == items_.end() ? nullptr : &it->second;
}

std::optional<Item> Table::Put(const PrimaryKey& key, Item item) {
  size_bytes_ += static_cast<long long>(ItemSize(item));
  auto [it, inserted] = items_.try_emplace(key, Item{});
  std::optional<Item> old;
  if (!inserted) {
    size_bytes_ -= static_cast<long long>(ItemSize(it->second));
    old = std::move(it->second);
  }
  it->second = std::move(item);
  return old;
}

std::optional<Item> Table::Delete(const PrimaryKey& key) {
  auto it = items_.find(key);
  if (it == items_.end()) return std::nullopt;
  size_bytes_ -= static_cast<long long>(ItemSize(it->second));
  Item old = std::move(it->second);
  items_.erase(it);
  return old;
}

}  // namespace ddbpg
