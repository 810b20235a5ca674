#include "engine/persist/state_codec.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

#include "engine/partition/key_hash.h"
#include "engine/value/base64.h"
#include "engine/value/ddb_json.h"
#include "engine/value/item_size.h"
#include "engine/value/json_object.h"

namespace ddbpg::persist {
namespace {

using json = nlohmann::json;

json Optional(const std::optional<double>& value) {
  return value ? StateCodec::Number(*value) : json(nullptr);
}
std::optional<double> LoadOptional(const json& saved) {
  if (saved.is_null()) return std::nullopt;
  return StateCodec::ToDouble(saved);
}

// Member `name` of `saved`, or null when an older file does not have it.
const json& Member(const json& saved, const char* name) {
  static const json kAbsent;
  auto it = saved.find(name);
  return it == saved.end() ? kAbsent : *it;
}
template <class T>
void LoadIfPresent(const json& saved, const char* name, T& into) {
  const json& value = Member(saved, name);
  if (!value.is_null()) into = value.get<T>();
}
void LoadNumberIfPresent(const json& saved, const char* name, double& into) {
  const json& value = Member(saved, name);
  if (!value.is_null()) into = StateCodec::ToDouble(value);
}

// Tags as an object of key to value; a file from before tags has none.
json SaveTags(const std::map<std::string, std::string>& tags) {
  json saved = json::object();
  for (const auto& [key, value] : tags) saved[key] = value;
  return saved;
}
std::map<std::string, std::string> LoadTags(const json& saved) {
  std::map<std::string, std::string> tags;
  if (saved.is_null()) return tags;
  if (!saved.is_object()) throw std::runtime_error("tags are not an object");
  for (const auto& [key, value] : saved.items()) tags[key] = value.get<std::string>();
  return tags;
}

// A resource-based policy slot, written only once it was used, so a table or stream that never
// had a policy saves as it did before policies; a file without one has an empty slot.
void SavePolicy(const base::ResourcePolicy& policy, json& owner) {
  if (policy.revision_id.empty() && !policy.changed_at) return;
  owner["ResourcePolicy"] = value::JsonObject({
      {"Document", policy.document},
      {"RevisionId", policy.revision_id},
      {"ChangedAt", policy.changed_at ? StateCodec::Number(*policy.changed_at) : json(nullptr)}});
}
base::ResourcePolicy LoadPolicy(const json& owner) {
  base::ResourcePolicy policy;
  const json& saved = Member(owner, "ResourcePolicy");
  if (saved.is_null()) return policy;
  policy.document = saved.at("Document").get<std::string>();
  policy.revision_id = saved.at("RevisionId").get<std::string>();
  if (const json& changed = Member(saved, "ChangedAt"); !changed.is_null()) {
    policy.changed_at = StateCodec::ToDouble(changed);
  }
  return policy;
}

// OnDemandThroughput's maximum, written only when one is set, so what never had one saves as it
// did before maximums existed.
void SaveOnDemandMaximum(const capacity::OnDemandMaximum& maximum, json& owner) {
  if (maximum == capacity::OnDemandMaximum{}) return;
  owner["OnDemandMaximum"] = {maximum.read_request_units, maximum.write_request_units};
}
capacity::OnDemandMaximum LoadOnDemandMaximum(const json& owner) {
  capacity::OnDemandMaximum maximum;
  const json& saved = Member(owner, "OnDemandMaximum");
  if (saved.is_null()) return maximum;
  maximum.read_request_units = saved.at(0).get<long long>();
  maximum.write_request_units = saved.at(1).get<long long>();
  return maximum;
}

// A global table's replica group: its regions in the order they joined, and the replicas this
// table was the source of, with when.
json SaveReplicaGroup(const store::TableDefinition& definition) {
  json sourced = json::array();
  for (const auto& [region, at] : definition.replicas_sourced) {
    sourced.push_back({region, StateCodec::Number(at)});
  }
  return value::JsonObject(
      {{"Regions", definition.replica_regions}, {"Sourced", std::move(sourced)}});
}

void LoadReplicaGroup(const json& saved, store::TableDefinition& definition) {
  if (saved.is_null()) return;
  definition.replica_regions = saved.at("Regions").get<std::vector<std::string>>();
  for (const json& sourced : saved.at("Sourced")) {
    definition.replicas_sourced[sourced.at(0).get<std::string>()] =
        StateCodec::ToDouble(sourced.at(1));
  }
}

value::Item LoadItem(const json& saved) {
  if (base::Status s = value::CheckAttributeMapWire(saved); !s.ok())
    throw std::runtime_error(s.message());
  base::Result<value::Item> item = value::DecodeItem(saved);
  if (!item.ok()) throw std::runtime_error(item.status().message());
  return std::move(item.value());
}

value::AttributeValue LoadValue(const json& saved) {
  if (base::Status s = value::CheckAttributeValueWire(saved); !s.ok())
    throw std::runtime_error(s.message());
  base::Result<value::AttributeValue> value = value::DecodeAttributeValue(saved);
  if (!value.ok()) throw std::runtime_error(value.status().message());
  return std::move(value.value());
}

value::AttributeType LoadKeyType(const std::string& name) {
  for (value::AttributeType type :
       {value::AttributeType::kS, value::AttributeType::kN, value::AttributeType::kB}) {
    if (value::AttributeTypeName(type) == name) return type;
  }
  throw std::runtime_error("unknown key attribute type " + name);
}

const char* const kProjectionNames[] = {"KEYS_ONLY", "INCLUDE", "ALL"};
const char* const kEventNames[] = {"INSERT", "MODIFY", "REMOVE"};

}  // namespace

json StateCodec::Number(double value) {
  // JSON numbers cannot be infinite; a snapshot that could not be read back is never written.
  if (!std::isfinite(value)) throw std::runtime_error("a number of the state is not finite");
  return value;
}

double StateCodec::ToDouble(const json& value) {
  // No state the engine keeps is infinite or NaN; one that were would stall loops over time.
  if (value.is_number()) {
    const double number = value.get<double>();
    if (std::isfinite(number)) return number;
  }
  throw std::runtime_error("not a finite number: " + value.dump());
}

// --- clock and randomness -----------------------------------------------------------------------

json StateCodec::Save(const base::PlaygroundClock& clock) {
  return value::JsonObject({{"Virtual", clock.is_virtual_},
                            {"VirtualNow", Number(clock.virtual_now_)},
                            {"RealFloor", Number(clock.real_floor_)}});
}

void StateCodec::Load(const json& saved, base::PlaygroundClock& clock) {
  LoadIfPresent(saved, "Virtual", clock.is_virtual_);
  LoadNumberIfPresent(saved, "VirtualNow", clock.virtual_now_);
  LoadNumberIfPresent(saved, "RealFloor", clock.real_floor_);
}

json StateCodec::Save(const base::Rng& rng) { return value::JsonObject({{"State", rng.state_}}); }

void StateCodec::Load(const json& saved, base::Rng& rng) {
  LoadIfPresent(saved, "State", rng.state_);
}

// --- keys and items -----------------------------------------------------------------------------

json StateCodec::SaveKey(const value::PrimaryKey& key) {
  // json::array(): a one-element brace list would be the element itself with some compilers.
  json saved = json::array({value::EncodeAttributeValue(key.partition)});
  if (key.sort) saved.push_back(value::EncodeAttributeValue(*key.sort));
  return saved;
}

value::PrimaryKey StateCodec::LoadKey(const json& saved) {
  value::PrimaryKey key;
  key.partition = LoadValue(saved.at(0));
  if (saved.size() > 1) key.sort = LoadValue(saved.at(1));
  key.partition_hash = partition::PartitionKeyHash(key.partition);
  return key;
}

json StateCodec::SaveOptionalItem(const std::optional<value::Item>& item) {
  return item ? value::EncodeItem(*item) : json(nullptr);
}

std::optional<value::Item> StateCodec::LoadOptionalItem(const json& saved) {
  if (saved.is_null()) return std::nullopt;
  return LoadItem(saved);
}

// --- capacity -----------------------------------------------------------------------------------

json StateCodec::Save(const capacity::TokenBucket& bucket) {
  return value::JsonObject({{"Rate", Number(bucket.rate_)},
                            {"Tokens", Number(bucket.tokens_)},
                            {"Last", Number(bucket.last_)}});
}

void StateCodec::Load(const json& saved, capacity::TokenBucket& bucket) {
  LoadNumberIfPresent(saved, "Rate", bucket.rate_);
  LoadNumberIfPresent(saved, "Tokens", bucket.tokens_);
  LoadNumberIfPresent(saved, "Last", bucket.last_);
}

json StateCodec::Save(const capacity::TableCapacity& capacity) {
  json saved = value::JsonObject(
      {{"OnDemand", capacity.on_demand_},
       {"ForIndex", capacity.for_index_},
       {"Limits",
        {Number(capacity.limits_.read_units_per_second),
         Number(capacity.limits_.write_units_per_second), Number(capacity.limits_.size_bytes)}},
       {"ReadBucket", Save(capacity.read_bucket_)},
       {"WriteBucket", Save(capacity.write_bucket_)},
       {"InitialPeakLoad", Number(capacity.initial_peak_load_)},
       {"PeakLoad", Number(capacity.peak_load_)},
       {"CurrentSecond", capacity.current_second_},
       {"CurrentLoad", Number(capacity.current_load_)},
       {"MaxReadProvisioned", Number(capacity.max_read_provisioned_)},
       {"MaxWriteProvisioned", Number(capacity.max_write_provisioned_)}});
  SaveOnDemandMaximum(capacity.on_demand_maximum_, saved);
  if (capacity.warm_load_ > 0) saved["WarmLoad"] = Number(capacity.warm_load_);
  if (capacity.read_units_in_second_ > 0 || capacity.write_units_in_second_ > 0) {
    saved["UnitsInSecond"] = {Number(capacity.read_units_in_second_),
                              Number(capacity.write_units_in_second_)};
  }
  return saved;
}

void StateCodec::Load(const json& saved, capacity::TableCapacity& capacity) {
  LoadIfPresent(saved, "OnDemand", capacity.on_demand_);
  LoadIfPresent(saved, "ForIndex", capacity.for_index_);
  if (const json& limits = Member(saved, "Limits"); !limits.is_null()) {
    capacity.limits_ = {ToDouble(limits.at(0)), ToDouble(limits.at(1)), ToDouble(limits.at(2))};
  }
  Load(Member(saved, "ReadBucket"), capacity.read_bucket_);
  Load(Member(saved, "WriteBucket"), capacity.write_bucket_);
  LoadNumberIfPresent(saved, "InitialPeakLoad", capacity.initial_peak_load_);
  LoadNumberIfPresent(saved, "PeakLoad", capacity.peak_load_);
  LoadIfPresent(saved, "CurrentSecond", capacity.current_second_);
  LoadNumberIfPresent(saved, "CurrentLoad", capacity.current_load_);
  LoadNumberIfPresent(saved, "MaxReadProvisioned", capacity.max_read_provisioned_);
  LoadNumberIfPresent(saved, "MaxWriteProvisioned", capacity.max_write_provisioned_);
  capacity.on_demand_maximum_ = LoadOnDemandMaximum(saved);
  LoadNumberIfPresent(saved, "WarmLoad", capacity.warm_load_);
  if (const json& taken = Member(saved, "UnitsInSecond"); !taken.is_null()) {
    capacity.read_units_in_second_ = ToDouble(taken.at(0));
    capacity.write_units_in_second_ = ToDouble(taken.at(1));
  }
}

json StateCodec::Save(const partition::PartitionMap& partitions) {
  json ranges = json::array();
  for (const partition::Partition& p : partitions.partitions_)
    ranges.push_back({p.id, p.hash_start, p.hash_end});
  return value::JsonObject({{"Partitions", ranges}, {"NextId", partitions.next_id_}});
}

void StateCodec::Load(const json& saved, partition::PartitionMap& partitions) {
  std::vector<partition::Partition> ranges;
  for (const json& p : saved.at("Partitions")) {
    ranges.push_back({p.at(0).get<uint64_t>(), p.at(1).get<uint64_t>(), p.at(2).get<uint64_t>()});
  }
  // The ranges must cover the hash space without gaps, or IndexOf would misplace keys.
  if (ranges.empty() || ranges.front().hash_start != 0 ||
      ranges.back().hash_end != std::numeric_limits<uint64_t>::max()) {
    throw std::runtime_error("partitions do not cover the hash space");
  }
  for (size_t i = 0; i < ranges.size(); ++i) {
    const bool after_the_end = i > 0 && ranges[i - 1].hash_end == std::numeric_limits<uint64_t>::max();
    if (ranges[i].hash_end < ranges[i].hash_start || after_the_end ||
        (i > 0 && ranges[i].hash_start != ranges[i - 1].hash_end + 1)) {
      throw std::runtime_error("partition ranges overlap or leave a gap");
    }
  }
  partitions.partitions_ = std::move(ranges);
  partitions.next_id_ = saved.at("NextId").get<uint64_t>();
}

json StateCodec::Save(const capacity::TableMetrics& metrics) {
  json samples = json::array();
  for (const auto& [partition, seconds] : metrics.samples_) {
    json rows = json::array();
    for (const capacity::SecondSample& s : seconds) {
      rows.push_back({s.second, Number(s.read_units), Number(s.write_units), s.throttled_reads,
                      s.throttled_writes});
    }
    samples.push_back({partition, rows});
  }
  json keys = json::array();
  for (const auto& [name, traffic] : metrics.keys_) {
    // Keys hold a binary partition key's raw bytes, which JSON text cannot: base64.
    keys.push_back(
        {value::Base64Encode(traffic.key), traffic.reads, traffic.writes, traffic.throttles});
  }
  return value::JsonObject({{"Samples", samples},
                            {"Keys", keys},
                            {"InheritedReads", metrics.inherited_reads_},
                            {"InheritedWrites", metrics.inherited_writes_}});
}

void StateCodec::Load(const json& saved, capacity::TableMetrics& metrics) {
  for (const json& partition : Member(saved, "Samples")) {
    auto& seconds = metrics.samples_[partition.at(0).get<uint64_t>()];
    for (const json& row : partition.at(1)) {
      seconds.push_back({row.at(0).get<int64_t>(), ToDouble(row.at(1)), ToDouble(row.at(2)),
                         row.at(3).get<int64_t>(), row.at(4).get<int64_t>()});
    }
  }
  for (const json& key : Member(saved, "Keys")) {
    const std::optional<std::string> name = value::Base64Decode(key.at(0).get<std::string>());
    if (!name) throw std::runtime_error("a tracked key is not base64");
    capacity::KeyTraffic traffic{*name, key.at(1).get<int64_t>(), key.at(2).get<int64_t>(),
                                 key.at(3).get<int64_t>()};
    metrics.keys_[traffic.key] = traffic;
  }
  LoadIfPresent(saved, "InheritedReads", metrics.inherited_reads_);
  LoadIfPresent(saved, "InheritedWrites", metrics.inherited_writes_);
}

json StateCodec::Save(const store::HeatSplitter& splitter) {
  json traffic = json::array();
  for (const auto& [hash, units] : splitter.TrafficInHashOrder()) {
    traffic.push_back({hash, Number(units)});
  }
  return value::JsonObject({{"Window", splitter.window_}, {"TrafficByHash", traffic}});
}

void StateCodec::Load(const json& saved, store::HeatSplitter& splitter) {
  LoadIfPresent(saved, "Window", splitter.window_);
  for (const json& entry : Member(saved, "TrafficByHash")) {
    splitter.traffic_by_hash_[entry.at(0).get<uint64_t>()] = ToDouble(entry.at(1));
  }
}

json StateCodec::Save(const capacity::PartitionedCapacity& capacity) {
  return value::JsonObject({{"Partitions", Save(capacity.partitions_)},
                            {"Capacity", Save(capacity.capacity_)},
                            {"Metrics", Save(capacity.metrics_)},
                            {"ThrottlingEnforced", capacity.throttling_enforced_}});
}

void StateCodec::Load(const json& saved, capacity::PartitionedCapacity& capacity) {
  Load(saved.at("Partitions"), capacity.partitions_);
  Load(Member(saved, "Capacity"), capacity.capacity_);
  Load(Member(saved, "Metrics"), capacity.metrics_);
  LoadIfPresent(saved, "ThrottlingEnforced", capacity.throttling_enforced_);
}

// --- tables and indexes -------------------------------------------------------------------------

json StateCodec::Save(const index::IndexDefinition& definition) {
  json saved =
      value::JsonObject({{"Name", definition.name},
                         {"Global", definition.kind == index::IndexKind::kGlobal},
                         {"PartitionKey", definition.partition_key},
                         {"SortKey", definition.sort_key},
                         {"Projection", kProjectionNames[static_cast<int>(definition.projection)]},
                         {"NonKeyAttributes", definition.non_key_attributes},
                         {"ReadCapacityUnits", definition.read_capacity_units},
                         {"WriteCapacityUnits", definition.write_capacity_units}});
  SaveOnDemandMaximum(definition.on_demand_maximum, saved);
  return saved;
}

index::IndexDefinition StateCodec::LoadIndexDefinition(const json& saved) {
  index::IndexDefinition definition;
  definition.name = saved.at("Name").get<std::string>();
  definition.kind =
      saved.at("Global").get<bool>() ? index::IndexKind::kGlobal : index::IndexKind::kLocal;
  definition.partition_key = saved.at("PartitionKey").get<std::vector<std::string>>();
  LoadIfPresent(saved, "SortKey", definition.sort_key);
  const std::string projection = saved.at("Projection").get<std::string>();
  bool known = false;
  for (int i = 0; i < 3; ++i) {
    if (projection == kProjectionNames[i]) {
      definition.projection = static_cast<index::ProjectionType>(i);
      known = true;
    }
  }
  if (!known || definition.partition_key.empty()) {
    throw std::runtime_error("index " + definition.name + " is not one this version reads");
  }
  LoadIfPresent(saved, "NonKeyAttributes", definition.non_key_attributes);
  LoadIfPresent(saved, "ReadCapacityUnits", definition.read_capacity_units);
  LoadIfPresent(saved, "WriteCapacityUnits", definition.write_capacity_units);
  definition.on_demand_maximum = LoadOnDemandMaximum(saved);
  return definition;
}

json StateCodec::Save(const index::SecondaryIndex& index) {
  return value::JsonObject({{"Definition", Save(index.definition_)},
                            {"AllocationEnd", Number(index.allocation_end_)},
                            {"ActiveAt", Number(index.active_at_)},
                            {"AddedLater", index.added_later_},
                            {"Capacity", Save(index.capacity_)}});
}

void StateCodec::Load(const json& saved, index::SecondaryIndex& index) {
  LoadNumberIfPresent(saved, "AllocationEnd", index.allocation_end_);
  LoadNumberIfPresent(saved, "ActiveAt", index.active_at_);
  LoadIfPresent(saved, "AddedLater", index.added_later_);
  Load(saved.at("Capacity"), index.capacity_);
}

json StateCodec::Save(const store::TableDefinition& definition) {
  json keys = json::array();
  for (const store::KeySchemaElement& element : definition.key_schema) {
    keys.push_back(
        {element.attribute_name, element.key_type == store::KeyType::kHash ? "HASH" : "RANGE"});
  }
  json attributes = json::array();
  for (const store::AttributeDefinition& attribute : definition.attribute_definitions) {
    attributes.push_back({attribute.attribute_name,
                          std::string(value::AttributeTypeName(attribute.attribute_type))});
  }
  json switches = json::array();
  for (double at : definition.pay_per_request_switches) switches.push_back(Number(at));
  const store::ProvisionedThroughput& throughput = definition.throughput;
  json saved = value::JsonObject(
      {{"Name", definition.name},
       {"KeySchema", keys},
       {"AttributeDefinitions", attributes},
       {"BillingMode", definition.billing_mode == store::BillingMode::kPayPerRequest
                           ? "PAY_PER_REQUEST"
                           : "PROVISIONED"},
       {"Throughput",
        value::JsonObject({{"ReadCapacityUnits", throughput.read_capacity_units},
                           {"WriteCapacityUnits", throughput.write_capacity_units},
                           {"LastIncreaseTime", Optional(throughput.last_increase_time)},
                           {"LastDecreaseTime", Optional(throughput.last_decrease_time)},
                           {"DecreasesToday", throughput.decreases_today}})},
       {"LastUpdateToPayPerRequestTime", Optional(definition.last_update_to_pay_per_request_time)},
       {"PayPerRequestSwitches", switches},
       {"CreationTime", Number(definition.creation_time)},
       {"TableId", definition.table_id},
       {"ContributorInsights",
        value::JsonObject({{"Enabled", definition.contributor_insights_enabled},
                           {"Mode", definition.contributor_insights_mode},
                           {"Updated", Optional(definition.contributor_insights_updated)}})},
       {"TimeToLive", value::JsonObject({{"AttributeName", definition.ttl_attribute
                                                               ? json(*definition.ttl_attribute)
                                                               : json(nullptr)},
                                         {"ChangedAt", Optional(definition.ttl_changed_at)}})},
       {"Stream", value::JsonObject(
                      {{"ViewType", definition.stream_view_type ? json(streams::StreamViewTypeName(
                                                                      *definition.stream_view_type))
                                                                : json(nullptr)},
                       {"LatestArn", definition.latest_stream_arn},
                       {"LatestLabel", definition.latest_stream_label}})},
       {"Tags", SaveTags(definition.tags)},
       {"DeletionProtectionEnabled", definition.deletion_protection},
       {"Replicas", SaveReplicaGroup(definition)},
       {"TableClass", value::JsonObject({{"Class", definition.table_class},
                                         {"Updated", Optional(definition.table_class_updated)}})},
       {"RestoreSummary",
        definition.restore_summary
            ? json{{"SourceBackupArn", definition.restore_summary->source_backup_arn},
                   {"SourceTableArn", definition.restore_summary->source_table_arn},
                   {"RestoreTime", Number(definition.restore_summary->restore_time)}}
            : json(nullptr)}});
  SavePolicy(definition.resource_policy, saved);
  SaveOnDemandMaximum(definition.on_demand_maximum, saved);
  return saved;
}

store::TableDefinition StateCodec::LoadDefinition(const json& saved) {
  store::TableDefinition definition;
  definition.name = saved.at("Name").get<std::string>();
  for (const json& element : saved.at("KeySchema")) {
    definition.key_schema.push_back(
        {element.at(0).get<std::string>(),
         element.at(1) == "HASH" ? store::KeyType::kHash : store::KeyType::kRange});
  }
  if (definition.key_schema.empty() || definition.key_schema[0].key_type != store::KeyType::kHash) {
    throw std::runtime_error("table " + definition.name + " has no partition key");
  }
  for (const json& attribute : saved.at("AttributeDefinitions")) {
    definition.attribute_definitions.push_back(
        {attribute.at(0).get<std::string>(), LoadKeyType(attribute.at(1).get<std::string>())});
  }
  definition.billing_mode = saved.at("BillingMode") == "PAY_PER_REQUEST"
                                ? store::BillingMode::kPayPerRequest
                                : store::BillingMode::kProvisioned;
  const json& throughput = Member(saved, "Throughput");
  if (!throughput.is_null()) {
    LoadIfPresent(throughput, "ReadCapacityUnits", definition.throughput.read_capacity_units);
    LoadIfPresent(throughput, "WriteCapacityUnits", definition.throughput.write_capacity_units);
    definition.throughput.last_increase_time = LoadOptional(Member(throughput, "LastIncreaseTime"));
    definition.throughput.last_decrease_time = LoadOptional(Member(throughput, "LastDecreaseTime"));
    LoadIfPresent(throughput, "DecreasesToday", definition.throughput.decreases_today);
  }
  definition.last_update_to_pay_per_request_time =
      LoadOptional(Member(saved, "LastUpdateToPayPerRequestTime"));
  for (const json& at : Member(saved, "PayPerRequestSwitches")) {
    definition.pay_per_request_switches.push_back(ToDouble(at));
  }
  LoadNumberIfPresent(saved, "CreationTime", definition.creation_time);
  LoadIfPresent(saved, "TableId", definition.table_id);
  if (const json& insights = Member(saved, "ContributorInsights"); !insights.is_null()) {
    LoadIfPresent(insights, "Enabled", definition.contributor_insights_enabled);
    LoadIfPresent(insights, "Mode", definition.contributor_insights_mode);
    definition.contributor_insights_updated = LoadOptional(Member(insights, "Updated"));
  }
  if (const json& ttl = Member(saved, "TimeToLive"); !ttl.is_null()) {
    if (const json& name = Member(ttl, "AttributeName"); !name.is_null()) {
      definition.ttl_attribute = name.get<std::string>();
    }
    definition.ttl_changed_at = LoadOptional(Member(ttl, "ChangedAt"));
  }
  if (const json& stream = Member(saved, "Stream"); !stream.is_null()) {
    if (const json& view = Member(stream, "ViewType"); !view.is_null()) {
      definition.stream_view_type = streams::ParseStreamViewType(view.get<std::string>());
      if (!definition.stream_view_type) throw std::runtime_error("unknown stream view type");
    }
    LoadIfPresent(stream, "LatestArn", definition.latest_stream_arn);
    LoadIfPresent(stream, "LatestLabel", definition.latest_stream_label);
  }
  definition.tags = LoadTags(Member(saved, "Tags"));
  definition.resource_policy = LoadPolicy(saved);
  definition.on_demand_maximum = LoadOnDemandMaximum(saved);
  // Files from before deletion protection and table classes have neither.
  LoadIfPresent(saved, "DeletionProtectionEnabled", definition.deletion_protection);
  // Nor from before global tables.
  LoadReplicaGroup(Member(saved, "Replicas"), definition);
  if (const json& table_class = Member(saved, "TableClass"); !table_class.is_null()) {
    LoadIfPresent(table_class, "Class", definition.table_class);
    definition.table_class_updated = LoadOptional(Member(table_class, "Updated"));
  }
  // A file from before backups has no restored tables.
  if (const json& restore = Member(saved, "RestoreSummary"); !restore.is_null()) {
    definition.restore_summary = store::RestoreSummary{
        restore.at("SourceBackupArn").get<std::string>(),
        restore.at("SourceTableArn").get<std::string>(), ToDouble(restore.at("RestoreTime"))};
  }
  return definition;
}

json StateCodec::Save(const store::Table& table) {
  json indexes = json::array();
  for (const auto& index : table.indexes_.live_) indexes.push_back(Save(*index));
  json pending = json::array();
  for (const store::TableIndexes::PendingUpdate& update : table.indexes_.pending_) {
    pending.push_back({Number(update.due), update.index->name(), SaveOptionalItem(update.before),
                       SaveOptionalItem(update.after)});
  }
  json deleting = json::array();
  for (const store::TableIndexes::Deleting& index : table.indexes_.deleting_) {
    deleting.push_back(value::JsonObject({{"Definition", Save(index.definition)},
                                          {"SizeBytes", index.size_bytes},
                                          {"ItemCount", index.item_count},
                                          {"Until", Number(index.until)}}));
  }
  // One row per version, [key, replaced at, previous item], so the list splits at any row.
  json history = json::array();
  for (const auto& [key, versions] : table.versions_.history_) {
    for (const store::ItemVersions::Version& version : versions) {
      history.push_back({SaveKey(key), Number(version.replaced_at), SaveOptionalItem(version.previous)});
    }
  }
  // The partitions' members are saved among the table's (the format predates TablePartitions).
  const store::TablePartitions& partitions = table.partitions_;
  json saved =
      value::JsonObject({{"Definition", Save(table.definition_)},
                         {"Indexes", indexes},
                         {"ItemCount", table.versions_.items_.size()},
                         {"Scale", Number(partitions.scale_)},
                         {"PendingIndexUpdates", pending},
                         {"IndexPropagationSeconds", Number(table.indexes_.propagation_seconds_)},
                         {"DeletingIndexes", deleting},
                         {"HeatSplitter", Save(partitions.heat_splitter_)},
                         {"SplitForHeat", partitions.split_for_heat_},
                         {"History", history},
                         {"ReplicationLag", Number(table.versions_.replication_lag_)},
                         {"PointInTimeRecovery", Save(table.point_in_time_)}});
  // "Partitions", "Capacity", "Metrics" and "ThrottlingEnforced", as a global index has them.
  saved.update(Save(partitions.capacity_));
  return saved;
}

std::unique_ptr<store::Table> StateCodec::LoadTable(const json& saved) {
  auto table = std::make_unique<store::Table>(LoadDefinition(saved.at("Definition")));
  for (const json& index : saved.at("Indexes")) {
    index::IndexDefinition definition = LoadIndexDefinition(index.at("Definition"));
    for (const auto* names : {&definition.partition_key, &definition.sort_key}) {
      for (const std::string& name : *names) {
        bool declared = false;
        for (const store::AttributeDefinition& a : table->definition().attribute_definitions) {
          declared = declared || a.attribute_name == name;
        }
        if (!declared) throw std::runtime_error("index key " + name + " has no attribute definition");
      }
    }
    // Its capacity and lifecycle come in FinishLoad, once any continued lists are in.
    table->AddIndex(std::move(definition));
  }
  return table;
}

void StateCodec::LoadItems(const json& items, store::Table& table) {
  for (const json& saved : items) {
    value::Item item = LoadItem(saved);
    if (!item.count(table.partition_key_name()) ||
        (table.has_sort_key() && !item.count(table.sort_key_name()))) {
      throw std::runtime_error("an item of " + table.name() + " lacks its key");
    }
    for (const std::string* name : {&table.partition_key_name(), &table.sort_key_name()}) {
      if (!name->empty() && item.at(*name).type() != table.KeyAttributeType(*name)) {
        throw std::runtime_error("an item of " + table.name() + " has a key of the wrong type");
      }
    }
    value::PrimaryKey key = table.KeyOf(item);
    table.size_bytes_ += static_cast<long long>(value::ItemSize(item));
    const value::Item* stored = nullptr;
    if (!table.versions_.Load(std::move(key), std::move(item), &stored)) {
      throw std::runtime_error("two items of " + table.name() + " share a key");
    }
    for (const auto& index : table.indexes_.live_) index->Apply(nullptr, stored);
  }
}

void StateCodec::FinishLoad(const json& saved, const base::Clock* clock, store::Table& table) {
  table.clock_ = clock;
  table.indexes_.clock_ = clock;
  if (saved.at("ItemCount").get<size_t>() != table.versions_.items_.size()) {
    throw std::runtime_error("table " + table.name() + " is missing items");
  }
  const json& indexes = saved.at("Indexes");
  for (size_t i = 0; i < table.indexes_.live_.size(); ++i) Load(indexes.at(i), *table.indexes_.live_[i]);
  store::TablePartitions& partitions = table.partitions_;
  Load(saved, partitions.capacity_);
  partitions.RecomputeStats(table.versions_.items_);
  LoadNumberIfPresent(saved, "Scale", partitions.scale_);
  // The index entries were built from the current items; the updates still on their way make
  // them what they were: undone newest first, each index holds the items before them.
  for (const json& update : Member(saved, "PendingIndexUpdates")) {
    index::SecondaryIndex* index = table.FindIndex(update.at(1).get<std::string>());
    if (index == nullptr) throw std::runtime_error("a pending index update names no index");
    table.indexes_.pending_.push_back({ToDouble(update.at(0)), index,
                                            LoadOptionalItem(update.at(2)),
                                            LoadOptionalItem(update.at(3))});
  }
  for (auto it = table.indexes_.pending_.rbegin(); it != table.indexes_.pending_.rend();
       ++it) {
    it->index->Apply(it->after ? &*it->after : nullptr, it->before ? &*it->before : nullptr);
  }
  LoadNumberIfPresent(saved, "IndexPropagationSeconds", table.indexes_.propagation_seconds_);
  for (const json& index : Member(saved, "DeletingIndexes")) {
    table.indexes_.deleting_.push_back({LoadIndexDefinition(index.at("Definition")),
                                       index.at("SizeBytes").get<long long>(),
                                       index.at("ItemCount").get<long long>(),
                                       ToDouble(index.at("Until"))});
  }
  Load(Member(saved, "HeatSplitter"), partitions.heat_splitter_);
  LoadIfPresent(saved, "SplitForHeat", partitions.split_for_heat_);
  for (const json& row : Member(saved, "History")) {
    table.versions_.history_[LoadKey(row.at(0))].push_back({ToDouble(row.at(1)), LoadOptionalItem(row.at(2))});
  }
  LoadNumberIfPresent(saved, "ReplicationLag", table.versions_.replication_lag_);
  table.versions_.clock_ = clock;
  Load(Member(saved, "PointInTimeRecovery"), table.point_in_time_);
}

// Point-in-time recovery: on or off, its period, and one row per change, [time, key, item
// before], oldest first, so the list splits at any row. A file from before PITR has it off.
json StateCodec::Save(const store::PointInTimeHistory& history) {
  json changes = json::array();
  for (const store::PointInTimeHistory::Change& change : history.changes_) {
    changes.push_back({Number(change.at), SaveKey(change.key), SaveOptionalItem(change.before)});
  }
  return value::JsonObject({{"Enabled", history.enabled_},
                            {"RecoveryPeriodInDays", history.recovery_period_days_},
                            {"EnabledAt", Number(history.enabled_at_)},
                            {"ForgottenThrough", Optional(history.forgotten_through_)},
                            {"Changes", changes}});
}

void StateCodec::Load(const json& saved, store::PointInTimeHistory& history) {
  if (saved.is_null()) return;
  history.enabled_ = saved.at("Enabled").get<bool>();
  history.recovery_period_days_ = saved.at("RecoveryPeriodInDays").get<int>();
  if (history.recovery_period_days_ < 1 || history.recovery_period_days_ > 35) {
    throw std::runtime_error("a recovery period out of 1 to 35 days");
  }
  history.enabled_at_ = ToDouble(saved.at("EnabledAt"));
  history.forgotten_through_ = LoadOptional(Member(saved, "ForgottenThrough"));
  for (const json& row : saved.at("Changes")) {
    std::optional<value::Item> before = LoadOptionalItem(row.at(2));
    const size_t bytes = 64 + (before ? value::ItemSize(*before) : 0);
    history.changes_.push_back({ToDouble(row.at(0)), LoadKey(row.at(1)), std::move(before), bytes});
    history.bytes_ += bytes;
  }
}

// --- backups ------------------------------------------------------------------------------------

json StateCodec::Save(const store::TableBackup& backup) {
  json indexes = json::array();
  for (const index::IndexDefinition& index : backup.indexes) indexes.push_back(Save(index));
  return value::JsonObject({{"Arn", backup.arn},
                            {"Name", backup.name},
                            {"Type", backup.type == store::BackupType::kUser ? "USER" : "SYSTEM"},
                            {"CreatedAt", Number(backup.created_at)},
                            {"ExpiresAt", Optional(backup.expires_at)},
                            {"Table", Save(backup.table)},
                            {"Indexes", indexes},
                            {"SizeBytes", backup.size_bytes},
                            {"ItemCount", backup.items.size()}});
}

std::unique_ptr<store::TableBackup> StateCodec::LoadBackup(const json& saved) {
  auto backup = std::make_unique<store::TableBackup>();
  backup->arn = saved.at("Arn").get<std::string>();
  backup->name = saved.at("Name").get<std::string>();
  backup->type =
      saved.at("Type") == "SYSTEM" ? store::BackupType::kSystem : store::BackupType::kUser;
  backup->created_at = ToDouble(saved.at("CreatedAt"));
  backup->expires_at = LoadOptional(Member(saved, "ExpiresAt"));
  backup->table = LoadDefinition(saved.at("Table"));
  for (const json& index : saved.at("Indexes")) {
    backup->indexes.push_back(LoadIndexDefinition(index));
  }
  backup->size_bytes = saved.at("SizeBytes").get<long long>();
  return backup;
}

void StateCodec::LoadBackupItems(const json& items, store::TableBackup& backup) {
  // A restore rebuilds a table from these, so each must carry the table's key.
  for (const json& saved : items) {
    value::Item item = LoadItem(saved);
    for (const store::KeySchemaElement& element : backup.table.key_schema) {
      auto it = item.find(element.attribute_name);
      value::AttributeType type = value::AttributeType::kS;
      for (const store::AttributeDefinition& a : backup.table.attribute_definitions) {
        if (a.attribute_name == element.attribute_name) type = a.attribute_type;
      }
      if (it == item.end() || it->second.type() != type) {
        throw std::runtime_error("an item of backup " + backup.name + " lacks its key");
      }
    }
    backup.items.push_back(std::move(item));
  }
}

// --- streams ------------------------------------------------------------------------------------

json StateCodec::Save(const streams::Stream& stream) {
  json key_schema = json::array();
  for (const auto& [name, type] : stream.key_schema_) key_schema.push_back({name, type});
  json shards = json::array();
  for (const streams::StreamShard& shard : stream.shards_) {
    shards.push_back(value::JsonObject(
        {{"Id", shard.id},
         {"ParentId", shard.parent_id},
         {"StartingSequence", shard.starting_sequence},
         {"EndingSequence", shard.ending_sequence ? json(*shard.ending_sequence) : json(nullptr)},
         {"LastSequence", shard.last_sequence},
         {"OpenedAt", Number(shard.opened_at)},
         {"RecordCount", shard.records.size()},
         {"TrimmedThrough", shard.trimmed_through}}));
  }
  json saved = value::JsonObject({{"TableName", stream.table_name_},
                                  {"Arn", stream.arn_},
                                  {"Label", stream.label_},
                                  {"ViewType", streams::StreamViewTypeName(stream.view_type_)},
                                  {"KeySchema", key_schema},
                                  {"CreatedAt", Number(stream.created_at_)},
                                  {"Enabled", stream.enabled_},
                                  {"DisabledAt", Number(stream.disabled_at_)},
                                  {"Shards", shards},
                                  {"ShardsOpened", stream.shards_opened_},
                                  {"Tags", SaveTags(stream.tags_)}});
  SavePolicy(stream.resource_policy_, saved);
  return saved;
}

std::unique_ptr<streams::Stream> StateCodec::LoadStream(const json& saved,
                                                        uint64_t* next_sequence) {
  const std::optional<streams::StreamViewType> view_type =
      streams::ParseStreamViewType(saved.at("ViewType").get<std::string>());
  if (!view_type) throw std::runtime_error("unknown stream view type");
  std::vector<std::pair<std::string, std::string>> key_schema;
  for (const json& element : saved.at("KeySchema")) {
    key_schema.push_back({element.at(0).get<std::string>(), element.at(1).get<std::string>()});
  }
  // The constructor opens a first shard; the saved shards replace it.
  auto stream = std::make_unique<streams::Stream>(
      saved.at("TableName").get<std::string>(), saved.at("Arn").get<std::string>(),
      saved.at("Label").get<std::string>(), *view_type, std::move(key_schema),
      ToDouble(saved.at("CreatedAt")), next_sequence);
  stream->shards_.clear();
  for (const json& shard : saved.at("Shards")) {
    streams::StreamShard loaded;
    loaded.id = shard.at("Id").get<std::string>();
    loaded.parent_id = shard.at("ParentId").get<std::string>();
    loaded.starting_sequence = shard.at("StartingSequence").get<uint64_t>();
    if (!shard.at("EndingSequence").is_null()) {
      loaded.ending_sequence = shard.at("EndingSequence").get<uint64_t>();
    }
    loaded.last_sequence = shard.at("LastSequence").get<uint64_t>();
    loaded.opened_at = ToDouble(shard.at("OpenedAt"));
    loaded.trimmed_through = shard.at("TrimmedThrough").get<uint64_t>();
    stream->shards_.push_back(std::move(loaded));
  }
  stream->enabled_ = saved.at("Enabled").get<bool>();
  // A stream always has a shard, and one that records has an open last shard.
  if (stream->shards_.empty() || (stream->enabled_ && stream->shards_.back().ending_sequence)) {
    throw std::runtime_error("stream " + stream->arn_ + " has no shard to record in");
  }
  stream->disabled_at_ = ToDouble(saved.at("DisabledAt"));
  stream->shards_opened_ = saved.at("ShardsOpened").get<uint64_t>();
  stream->tags_ = LoadTags(Member(saved, "Tags"));
  stream->resource_policy_ = LoadPolicy(saved);
  return stream;
}

json StateCodec::SaveRecord(const streams::StreamRecord& record) {
  return value::JsonObject({{"Sequence", record.sequence},
                            {"EventId", record.event_id},
                            {"EventName", record.event_name},
                            {"CreatedAt", Number(record.created_at)},
                            {"Keys", value::EncodeItem(record.keys)},
                            {"NewImage", SaveOptionalItem(record.new_image)},
                            {"OldImage", SaveOptionalItem(record.old_image)},
                            {"SizeBytes", record.size_bytes},
                            {"ByTimeToLive", record.by_time_to_live}});
}

void StateCodec::LoadRecords(const json& records, streams::Stream& stream, size_t shard) {
  if (shard >= stream.shards_.size()) throw std::runtime_error("records for a shard that is not there");
  for (const json& saved : records) {
    streams::StreamRecord record;
    record.sequence = saved.at("Sequence").get<uint64_t>();
    record.event_id = saved.at("EventId").get<std::string>();
    const std::string event_name = saved.at("EventName").get<std::string>();
    record.event_name = nullptr;
    for (const char* name : kEventNames) {
      if (event_name == name) record.event_name = name;
    }
    if (record.event_name == nullptr) throw std::runtime_error("unknown stream event " + event_name);
    record.created_at = ToDouble(saved.at("CreatedAt"));
    record.keys = LoadItem(saved.at("Keys"));
    record.new_image = LoadOptionalItem(saved.at("NewImage"));
    record.old_image = LoadOptionalItem(saved.at("OldImage"));
    record.size_bytes = saved.at("SizeBytes").get<size_t>();
    record.by_time_to_live = saved.at("ByTimeToLive").get<bool>();
    stream.shards_[shard].records.push_back(std::move(record));
  }
}

}  // namespace ddbpg::persist
