#include "engine/store/table.h"
#include "engine/base/service_text.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <cstdlib>

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
  index.capacity().SetThrottlingEnforced(throttling_enforced_);
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
  if (change_listener_ && !(old && *old == *stored.item)) {
    change_listener_(old, stored.item, ChangeOrigin::kRequest);
  }
  size_bytes_ += new_bytes - old_bytes;
  AdjustPartitionStats(key.partition_hash, old ? 0 : 1, new_bytes - old_bytes);
  if (partition_stats_[partitions_.IndexOf(key.partition_hash)].size_bytes >
      PartitionLimitsAtScale(scale_).size_bytes) {
    SplitOversizedPartitions();
  }
  return std::move(stored.replaced);
}

std::optional<Item> Table::Delete(const PrimaryKey& key, ChangeOrigin origin) {
  std::optional<Item> old = versions_.Erase(key);
  if (!old) return std::nullopt;
  const long long bytes = static_cast<long long>(ItemSize(*old));
  size_bytes_ -= bytes;
  AdjustPartitionStats(key.partition_hash, -1, -bytes);
  indexes_.Apply(&*old, nullptr);
  if (change_listener_) change_listener_(&*old, nullptr, origin);
  return old;
}

void Table::AdjustPartitionStats(uint64_t hash, long long items, long long bytes) {
  PartitionStats& stats = partition_stats_[partitions_.IndexOf(hash)];
  stats.item_count += items;
  stats.size_bytes += bytes;
}

void Table::RecomputePartitionStats() {
  partition_stats_.assign(partitions_.size(), PartitionStats{});
  for (const auto& [key, item] : versions_.items()) {
    PartitionStats& stats = partition_stats_[partitions_.IndexOf(key.partition_hash)];
    stats.item_count += 1;
    stats.size_bytes += static_cast<long long>(ItemSize(item));
  }
}

// A partition over its size limit splits in two with its data divided evenly: at the hash
// where half of its bytes lie below. An item collection (one partition-key value) cannot be
// divided, so a partition holding a single one stays as it is, however large.
void Table::SplitOversizedPartitions() {
  const double limit = PartitionLimitsAtScale(scale_).size_bytes;
  bool split = true;
  while (split) {
    split = false;
    for (size_t i = 0; i < partitions_.size() && !split; ++i) {
      if (partition_stats_[i].size_bytes <= limit) continue;
      const Partition range = partitions_.partitions()[i];
      // Bytes per distinct hash, in hash order; the split goes after the hash where the bytes
      // below come closest to half.
      std::vector<std::pair<uint64_t, long long>> by_hash;
      for (const auto& [key, item] : versions_.items()) {
        if (key.partition_hash < range.hash_start || key.partition_hash > range.hash_end) continue;
        long long bytes = static_cast<long long>(ItemSize(item));
        if (by_hash.empty() || by_hash.back().first != key.partition_hash) {
          by_hash.push_back({key.partition_hash, 0});
        }
        by_hash.back().second += bytes;
      }
      if (by_hash.size() < 2) continue;
      const long long total = partition_stats_[i].size_bytes;
      long long below = 0;
      long long best_gap = -1;
      uint64_t split_after = by_hash.front().first;
      for (size_t h = 0; h + 1 < by_hash.size(); ++h) {
        below += by_hash[h].second;
        long long gap = std::llabs(total - 2 * below);
        if (best_gap < 0 || gap < best_gap) {
          best_gap = gap;
          split_after = by_hash[h].first;
        }
      }
      if (partitions_.SplitAfter(i, split_after)) {
        RecomputePartitionStats();
        split = true;
      }
    }
  }
}

void Table::Repartition(double scale, double now) {
  scale_ = scale;
  const PartitionLimits limits = PartitionLimitsAtScale(scale);
  size_t needed = definition_.billing_mode == BillingMode::kPayPerRequest
                      ? kOnDemandInitialPartitions
                      : PartitionsForThroughput(
                            static_cast<double>(definition_.throughput.read_capacity_units),
                            static_cast<double>(definition_.throughput.write_capacity_units),
                            limits);
  partitions_.GrowTo(std::min(needed, kMaxPartitionsForThroughput));
  RecomputePartitionStats();
  SplitOversizedPartitions();
  capacity_.Configure(definition_.billing_mode == BillingMode::kPayPerRequest,
                      static_cast<double>(definition_.throughput.read_capacity_units),
                      static_cast<double>(definition_.throughput.write_capacity_units), limits,
                      now);
  for (const auto& index : indexes_.all()) ConfigureIndexCapacity(*index, now);
}

void Table::ConfigureIndexCapacity(SecondaryIndex& index, double now) {
  if (!index.is_global()) return;
  index.capacity().Configure(definition_.billing_mode == BillingMode::kPayPerRequest,
                             static_cast<double>(index.definition().read_capacity_units),
                             static_cast<double>(index.definition().write_capacity_units), scale_,
                             now);
}

namespace {

// Keys are tracked as "<type>:<bytes>" (a number by its canonical text), cheap to build on every
// request; GetMetrics turns them back into DynamoDB JSON.
std::string PartitionKeyText(const AttributeValue& value) {
  std::string text(AttributeTypeName(value.type()));
  text += ':';
  text += value.type() == AttributeType::kN ? value.AsNumber().ToString() : value.AsString();
  return text;
}

}  // namespace

void Table::AdaptPartitions(double now) {
  // On demand, the table keeps the partitions for twice its previous peak.
  const size_t for_peak = std::min(capacity_.PartitionsForPeak(now), kMaxPartitionsForThroughput);
  bool changed = false;
  if (for_peak > partitions_.size()) {
    partitions_.GrowTo(for_peak);
    changed = true;
  }
  // DynamoDB does not isolate items of a table with a local secondary index (Developer Guide,
  // "Isolate frequently accessed items").
  if (split_for_heat_ && !has_local_indexes() &&
      heat_splitter_.SplitIfHot(now, partitions_, metrics_, PartitionLimitsAtScale(scale_))) {
    changed = true;
  }
  if (changed) RecomputePartitionStats();
}

void Table::SetThrottlingEnforced(bool enforced) {
  throttling_enforced_ = enforced;
  for (const auto& index : indexes_.all()) index->capacity().SetThrottlingEnforced(enforced);
}

Status Table::Admit(CapacityKind kind, const PrimaryKey& key, double units, double now,
                    const std::string& arn) {
  AdaptPartitions(now);
  const bool is_write = kind == CapacityKind::kWrite;
  uint64_t partition_id = partitions_.partitions()[partitions_.IndexOf(key.partition_hash)].id;
  Status admitted = capacity_.Admit(kind, units,
                                    metrics_.ConsumedInSecond(partition_id, now, is_write), now, arn);
  if (!admitted.ok()) {
    metrics_.RecordThrottle(partition_id, now, is_write);
    if (!throttling_enforced_) {
      // Served after all: Record* counts the request, so only the throttle is noted here.
      metrics_.RecordKeyThrottle(PartitionKeyText(key.partition));
      return Status::OK();
    }
    metrics_.RecordKey(PartitionKeyText(key.partition), is_write, /*throttled=*/true);
    heat_splitter_.NoteTraffic(key.partition_hash, units);
  }
  return admitted;
}

Status Table::AdmitSpread(double units, double now, const std::string& arn) {
  AdaptPartitions(now);
  Status admitted = capacity_.Admit(CapacityKind::kRead, units, 0, now, arn);
  if (!admitted.ok()) {
    metrics_.RecordThrottle(partitions_.partitions()[0].id, now, false);
    if (!throttling_enforced_) return Status::OK();
  }
  return admitted;
}

void Table::RecordRead(const PrimaryKey& key, double units, double now) {
  capacity_.Consume(CapacityKind::kRead, units, now);
  metrics_.RecordRead(partitions_.partitions()[partitions_.IndexOf(key.partition_hash)].id, now,
                      units);
  metrics_.RecordKey(PartitionKeyText(key.partition), /*is_write=*/false, /*throttled=*/false);
  heat_splitter_.NoteTraffic(key.partition_hash, units);
}

void Table::RecordWrite(const PrimaryKey& key, double units, double now) {
  capacity_.Consume(CapacityKind::kWrite, units, now);
  metrics_.RecordWrite(partitions_.partitions()[partitions_.IndexOf(key.partition_hash)].id, now,
                       units);
  metrics_.RecordKey(PartitionKeyText(key.partition), /*is_write=*/true, /*throttled=*/false);
  heat_splitter_.NoteTraffic(key.partition_hash, units);
}

void Table::RecordSpreadRead(const std::vector<const Item*>& items, double units, double now) {
  capacity_.Consume(CapacityKind::kRead, units, now);
  std::map<uint64_t, double> bytes_by_partition;
  double total = 0;
  for (const Item* item : items) {
    PrimaryKey key = KeyOf(*item);
    double bytes = static_cast<double>(ItemSize(*item));
    bytes_by_partition[partitions_.partitions()[partitions_.IndexOf(key.partition_hash)].id] +=
        bytes;
    total += bytes;
  }
  if (total == 0) {
    // An empty page still costs its minimum; charge it to the first partition.
    metrics_.RecordRead(partitions_.partitions()[0].id, now, units);
    return;
  }
  for (const auto& [id, bytes] : bytes_by_partition) {
    metrics_.RecordRead(id, now, units * bytes / total);
  }
}

}  // namespace ddbpg
