// Table: one DynamoDB table's definition (key schema, billing), its items (with the versions an
// eventually consistent read may still see: ItemVersions), its secondary indexes
// (TableIndexes), and its partitions with their sizes, capacity and metrics (TablePartitions).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/clock.h"
#include "engine/base/resource_policy.h"
#include "engine/base/status.h"
#include "engine/capacity/on_demand_maximum.h"
#include "engine/index/secondary_index.h"
#include "engine/store/item_versions.h"
#include "engine/store/point_in_time_history.h"
#include "engine/store/table_indexes.h"
#include "engine/store/table_partitions.h"
#include "engine/streams/stream.h"
#include "engine/value/attribute_value.h"
#include "engine/value/primary_key.h"

namespace ddbpg::persist {
class StateCodec;  // saves and loads the private state of the classes below
}  // namespace ddbpg::persist

namespace ddbpg::store {

enum class KeyType { kHash, kRange };
enum class BillingMode { kProvisioned, kPayPerRequest };

struct KeySchemaElement {
  std::string attribute_name;
  KeyType key_type;
};

struct AttributeDefinition {
  std::string attribute_name;
  value::AttributeType attribute_type;  // kS, kN or kB
};

struct ProvisionedThroughput {
  long long read_capacity_units = 0;
  long long write_capacity_units = 0;
  std::optional<double> last_increase_time;
  std::optional<double> last_decrease_time;
  int decreases_today = 0;
};

// Where a restored table came from (DescribeTable's RestoreSummary): a backup, or a table's
// point-in-time history, and the instant it holds.
struct RestoreSummary {
  std::string source_backup_arn;  // empty for a point-in-time restore
  std::string source_table_arn;
  double restore_time = 0;
};

struct TableDefinition {
  std::string name;
  std::vector<KeySchemaElement> key_schema;  // HASH first, then the optional RANGE
  std::vector<AttributeDefinition> attribute_definitions;
  BillingMode billing_mode = BillingMode::kProvisioned;
  ProvisionedThroughput throughput;  // zero units while PAY_PER_REQUEST
  // OnDemandThroughput: kept only while PAY_PER_REQUEST.
  capacity::OnDemandMaximum on_demand_maximum;
  std::optional<double> last_update_to_pay_per_request_time;
  // When the table switched from PROVISIONED to PAY_PER_REQUEST, for the limit on switches.
  std::vector<double> pay_per_request_switches;
  double creation_time = 0;
  std::string table_id;  // a UUID-shaped identifier, stable for the table's life
  // Contributor Insights (UpdateContributorInsights): on or off, and what it counts.
  bool contributor_insights_enabled = false;
  std::string contributor_insights_mode = "ACCESSED_AND_THROTTLED_KEYS";
  std::optional<double> contributor_insights_updated;
  // Time to Live (UpdateTimeToLive): the attribute while enabled, and when it last changed.
  std::optional<std::string> ttl_attribute;
  std::optional<double> ttl_changed_at;
  // DynamoDB Streams (StreamSpecification): the view type while a stream is enabled, and the
  // newest stream's ARN and label, which stay after the stream is disabled.
  std::optional<streams::StreamViewType> stream_view_type;
  std::string latest_stream_arn;
  std::string latest_stream_label;
  // Tags (CreateTable's Tags, TagResource): at most 50, key to value, in key order, which is the
  // order ListTagsOfResource answers in. They go with the table when it is deleted.
  std::map<std::string, std::string> tags;
  // DeletionProtectionEnabled: DeleteTable is refused while it is on.
  bool deletion_protection = false;
  // TableClass: empty until CreateTable or UpdateTable names one (the table is STANDARD then),
  // and when UpdateTable last changed it.
  std::string table_class;
  std::optional<double> table_class_updated;
  // Set on a table made by RestoreTableFromBackup or RestoreTableToPointInTime.
  std::optional<RestoreSummary> restore_summary;
  // The table's resource-based policy (PutResourcePolicy, CreateTable's ResourcePolicy); it goes
  // with the table, and a backup or restore does not carry it.
  base::ResourcePolicy resource_policy;
  // Global tables (UpdateTable ReplicaUpdates): every region of the table's replica group, its
  // own included, in the order they joined; empty for a table that is not global.
  std::vector<std::string> replica_regions;
  // The regions this table was the source of a new replica for, and when.
  std::map<std::string, double> replicas_sourced;
};

class Table {
 public:
  explicit Table(TableDefinition definition);

  const TableDefinition& definition() const { return definition_; }
  TableDefinition& mutable_definition() { return definition_; }
  const std::string& name() const { return definition_.name; }
  const std::string& partition_key_name() const { return definition_.key_schema[0].attribute_name; }
  // Empty when the table has no sort key.
  const std::string& sort_key_name() const { return sort_key_name_; }
  bool has_sort_key() const { return !sort_key_name_.empty(); }
  // The declared type of a key attribute.
  value::AttributeType KeyAttributeType(const std::string& name) const;

  // Checks a whole item's key attributes (present, declared type, non-empty, within size
  // limits) and its index key attributes, and returns its primary key. Errors are DynamoDB's ValidationExceptions.
  base::Result<value::PrimaryKey> KeyOfItem(const value::Item& item) const;
  // Checks a Key parameter: exactly the key attributes, of the declared types.
  base::Result<value::PrimaryKey> KeyFromKeyParameter(const value::Item& key) const;

  const value::Item* Find(const value::PrimaryKey& key) const { return versions_.Find(key); }

  // --- replication lag (eventually consistent reads) ------------------------------------------

  // Keeps the versions replaced within the last `seconds` on `clock`, so an eventually
  // consistent read can see the item as a lagging replica would; 0 keeps none.
  void SetReplicationLag(double seconds, const base::Clock* clock);
  // The item as it was at `as_of` on the clock: nullptr when it did not exist then. An `as_of`
  // of infinity is the current item.
  const value::Item* FindAsOf(const value::PrimaryKey& key, double as_of) const {
    return versions_.FindAsOf(key, as_of);
  }
  // Visits items in Scan order from `from` (the first key not below it, or the first above it
  // when `exclusive`; the beginning when null) as they were at `as_of` on the clock, which
  // includes items deleted since and leaves out items written since; `visit` returns false to
  // stop. An `as_of` of infinity visits the current items.
  using ItemVisitor = ItemVersions::ItemVisitor;
  void VisitAsOf(const value::PrimaryKey* from, bool exclusive, double as_of,
                 const ItemVisitor& visit) const {
    versions_.VisitAsOf(from, exclusive, as_of, visit);
  }

  using ItemMap = ItemVersions::ItemMap;
  // Every item in Scan order (see PrimaryKeyLess).
  const ItemMap& items() const { return versions_.items(); }
  // The primary key of a stored item.
  value::PrimaryKey KeyOf(const value::Item& item) const;
  // Who made a change: a request, DynamoDB itself (the Time to Live sweeper), or a global
  // table's replication of a change made in another region.
  enum class ChangeOrigin { kRequest, kTimeToLive, kReplication };
  // Told of every change that alters an item: the item before (null when new) and after (null
  // when deleted). A write that leaves the item exactly as it was is no change.
  using ChangeListener =
      std::function<void(const value::Item* before, const value::Item* after, ChangeOrigin origin)>;
  void SetChangeListener(ChangeListener listener) { change_listener_ = std::move(listener); }
  // Told of the same changes after the change listener: a global table's replication.
  void SetReplicationListener(ChangeListener listener) {
    replication_listener_ = std::move(listener);
  }

  // Stores the item under its key, returning the item it replaced.
  std::optional<value::Item> Put(const value::PrimaryKey& key, value::Item item,
                                 ChangeOrigin origin = ChangeOrigin::kRequest);
  // Removes the item, returning it when it existed.
  std::optional<value::Item> Delete(const value::PrimaryKey& key,
                                    ChangeOrigin origin = ChangeOrigin::kRequest);

  // --- point-in-time recovery ------------------------------------------------------------

  // The history every change is recorded in while point-in-time recovery is enabled
  // (UpdateContinuousBackups), on the clock the table was given.
  PointInTimeHistory& point_in_time() { return point_in_time_; }
  const PointInTimeHistory& point_in_time() const { return point_in_time_; }

  // --- secondary indexes ----------------------------------------------------------------

  // Adds an index and fills it from the items already stored.
  index::SecondaryIndex& AddIndex(index::IndexDefinition definition);
  const std::vector<std::unique_ptr<index::SecondaryIndex>>& indexes() const {
    return indexes_.all();
  }
  const index::SecondaryIndex* FindIndex(const std::string& name) const {
    return indexes_.Find(name);
  }
  index::SecondaryIndex* FindIndex(const std::string& name) { return indexes_.Find(name); }
  // Drops an index and its entries.
  void RemoveIndex(const std::string& name) { indexes_.Remove(name); }
  // A deleted global index DescribeTable still shows as DELETING until `until` on the clock.
  using DeletingIndex = TableIndexes::Deleting;
  void RemoveIndexLater(const std::string& name, double until) {
    indexes_.RemoveLater(name, until);
  }
  // The deleted indexes still DELETING at `now`.
  std::vector<DeletingIndex> DeletingIndexes(double now) const { return indexes_.DeletingAt(now); }
  // Global indexes receive each change `seconds` after the table (Playground.Configure
  // "IndexPropagationSeconds"; 0, the default, updates them with the table).
  void SetIndexPropagation(double seconds, const base::Clock* clock);
  // Applies the index changes due by `now`.
  void PropagateIndexUpdates(double now) { indexes_.Propagate(now); }
  bool has_local_indexes() const { return indexes_.has_local(); }
  // Index key attributes of a new item must have their declared types (SecondaryIndex).
  base::Status CheckIndexKeys(const value::Item& item) const { return indexes_.CheckItem(item); }
  bool HoldsIndexKeyOfAnotherType(const value::Item& item, const std::string& attribute) const {
    return indexes_.HoldsIndexKeyOfAnotherType(item, attribute);
  }

  // An item collection: the items under one partition-key value and their local index
  // entries (Developer Guide, "Item collections in Local Secondary Indexes").
  long long ItemCollectionBytes(const value::AttributeValue& partition_key) const;

  long long item_count() const { return static_cast<long long>(versions_.items().size()); }
  long long size_bytes() const { return size_bytes_; }

  // --- partitions -------------------------------------------------------------------------

  const partition::PartitionMap& partitions() const { return partitions_.map(); }
  const TablePartitions::Stats& partition_stats(size_t index) const {
    return partitions_.stats(index);
  }
  double scale() const { return partitions_.scale(); }

  // Brings the partitions and capacity in line with the table's throughput and data at
  // playground `scale`: splits (never merges) until the throughput fits and no partition holds
  // more than its size limit. Called on creation, on UpdateTable and when the scale changes.
  void Repartition(double scale, double now);
  // WarmThroughput: the units a second the table serves at once, and raising them (more
  // partitions, or a higher previous peak on demand).
  capacity::PartitionedCapacity::WarmUnits Warm(double now) const { return partitions_.Warm(now); }
  void Prewarm(double read, double write, double now) {
    partitions_.Prewarm(read, write, now, versions_.items());
  }
  // Split for heat (engine/store/heat_splitter.h): on unless Playground.Configure turns it off.
  void SetSplitForHeat(bool enabled) { partitions_.SetSplitForHeat(enabled); }
  // Playground.Configure {"Throttling": "OFF"}: requests past the capacity are still served;
  // the metrics count them as throttled, so they show what would have been refused. Applies to
  // the table's global indexes too.
  void SetThrottlingEnforced(bool enforced);

  // --- metrics ----------------------------------------------------------------------------

  capacity::TableMetrics& metrics() { return partitions_.metrics(); }
  const capacity::TableMetrics& metrics() const { return partitions_.metrics(); }
  // Brings the partitions up to date for `now` (growth for an on-demand peak, splits for size
  // and heat), as Admit does first: partitions looked up after it are those Admit sees at `now`.
  void AdaptPartitions(double now);
  // Admission before any effect: OK, or the throttling error (counted in the metrics) when
  // the table or the key's partition has no capacity for `units` now. `arn` names the table in
  // the error's ThrottlingReasons. `request_units_before` are units the same request already has
  // admitted on the table's other partitions (a transaction's): the table's own limits count
  // them, the partition's limit does not.
  base::Status Admit(capacity::CapacityKind kind, const value::PrimaryKey& key, double units,
                     double now, const capacity::ResourceArn& arn, double request_units_before = 0);
  // The same for a read spread over many partitions (Scan): only the table's capacity limits.
  base::Status AdmitSpread(double units, double now, const capacity::ResourceArn& arn);

  // Takes admitted units from the table's capacity and records them against the partition of
  // `key` (and its key traffic) at `now`.
  void RecordRead(const value::PrimaryKey& key, double units, double now) {
    partitions_.Record(capacity::CapacityKind::kRead, key, units, now);
  }
  void RecordWrite(const value::PrimaryKey& key, double units, double now) {
    partitions_.Record(capacity::CapacityKind::kWrite, key, units, now);
  }
  // Spreads units over the partitions of the items read, in proportion to their bytes (Scan).
  void RecordSpreadRead(const std::vector<const value::Item*>& items, double units, double now);

 private:
  // Saves and restores every member (engine/persist/state_codec.h).
  friend class persist::StateCodec;
  void ConfigureIndexCapacity(index::SecondaryIndex& index, double now);

  base::Status CheckKeyValue(const std::string& name, const value::AttributeValue& value,
                             bool is_sort) const;
  // Checks one key attribute's value and puts it in `key` as its partition or sort value.
  base::Status AddKeyElement(const KeySchemaElement& element, const value::AttributeValue& value,
                             value::PrimaryKey& key) const;

  TableDefinition definition_;
  std::string sort_key_name_;
  ItemVersions versions_;
  long long size_bytes_ = 0;
  TablePartitions partitions_;
  TableIndexes indexes_;
  ChangeListener change_listener_;
  ChangeListener replication_listener_;
  const base::Clock* clock_ = nullptr;
  PointInTimeHistory point_in_time_;
};

}  // namespace ddbpg::store
