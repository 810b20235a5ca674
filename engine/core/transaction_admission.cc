#include "engine/core/transaction_admission.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "engine/core/item_collection_limit.h"
#include "engine/core/read_path.h"

namespace ddbpg::core {
namespace {

// Where an action lands: a partition of its table (index null) or of one of its global indexes.
struct PartitionOfAction {
  store::Table* table = nullptr;
  index::SecondaryIndex* index = nullptr;
  const std::string* index_name = nullptr;
  uint64_t partition_id = 0;
  uint64_t hash = 0;  // the action's partition-key hash, in the table or the index
};

// The units a transaction's actions bring to one partition, and those actions. The partition
// is admitted once, for the sum, on the first action's key: the key a throttle is counted
// against.
struct PartitionShare {
  PartitionOfAction partition;  // as the first action on it lands there
  size_t first = 0;
  double units = 0;
  std::vector<size_t> actions;
};

// The shares in the order their partitions first appear, so that admissions (which count
// throttles and may grow an index for its peak) happen in request order on every run.
class PartitionShares {
 public:
  void Add(const PartitionOfAction& partition, size_t action, double units) {
    PartitionShare* share = Find(partition);
    if (share == nullptr) {
      shares_.push_back(PartitionShare{partition, action, 0, {}});
      share = &shares_.back();
    }
    share->units += units;
    share->actions.push_back(action);
  }
  const std::vector<PartitionShare>& shares() const { return shares_; }

 private:
  PartitionShare* Find(const PartitionOfAction& partition) {
    for (PartitionShare& share : shares_) {
      const PartitionOfAction& known = share.partition;
      if (known.table == partition.table && known.index == partition.index &&
          known.partition_id == partition.partition_id) {
        return &share;
      }
    }
    return nullptr;
  }
  std::vector<PartitionShare> shares_;  // a transaction has at most 100 actions
};

// What the actions before the current one add to each item collection (tables with local
// indexes), so that actions filling one collection together are checked together.
class CollectionGrowths {
 public:
  long long Before(const store::Table* table, const value::AttributeValue& partition) const {
    for (const Growth& growth : growths_) {
      if (growth.table == table && *growth.partition == partition) return growth.bytes;
    }
    return 0;
  }
  void Add(const store::Table* table, const value::AttributeValue& partition, long long bytes) {
    for (Growth& growth : growths_) {
      if (growth.table == table && *growth.partition == partition) {
        growth.bytes += bytes;
        return;
      }
    }
    growths_.push_back({table, &partition, bytes});
  }

 private:
  struct Growth {
    const store::Table* table;
    const value::AttributeValue* partition;
    long long bytes;
  };
  std::vector<Growth> growths_;
};

// The table's partition for `key`, once the table's partitions are adapted for `now` (grown or
// split), so that a later Admit at `now` changes them no more.
PartitionOfAction TablePartitionOf(store::Table& table, const value::PrimaryKey& key, double now) {
  table.AdaptPartitions(now);
  const partition::PartitionMap& map = table.partitions();
  PartitionOfAction partition;
  partition.table = &table;
  partition.partition_id = map.partitions()[map.IndexOf(key.partition_hash)].id;
  partition.hash = key.partition_hash;
  return partition;
}

// The units a transaction has admitted so far on each table or global index capacity, so that
// the capacity's own limits (a provisioned table's rate and burst, an on-demand maximum) are
// checked against the whole transaction, while each partition's limit is checked against the
// actions on that partition.
class AdmittedSoFar {
 public:
  double On(const void* capacity) const {
    for (const auto& [known, units] : totals_) {
      if (known == capacity) return units;
    }
    return 0;
  }
  void Add(const void* capacity, double units) {
    for (auto& [known, total] : totals_) {
      if (known == capacity) {
        total += units;
        return;
      }
    }
    totals_.emplace_back(capacity, units);
  }

 private:
  std::vector<std::pair<const void*, double>> totals_;
};

// Gives every action of a refused share the share's status.
void Refuse(const PartitionShare& share, const base::Status& status,
            std::vector<base::Status>& statuses) {
  for (size_t action : share.actions) statuses[action] = status;
}

}  // namespace

bool TransactionWritesAdmission::all_admitted() const {
  for (const base::Status& status : statuses) {
    if (!status.ok()) return false;
  }
  return true;
}

TransactionWritesAdmission AdmitTransactionWrites(EngineState& state,
                                                  const std::vector<TransactionWrite>& writes,
                                                  double now) {
  TransactionWritesAdmission admission;
  admission.statuses.resize(writes.size());
  admission.targets.resize(writes.size());

  // The item collection's size, then the table's partitions, as AdmitWrite checks one write.
  PartitionShares table_shares;
  CollectionGrowths growths;
  for (size_t i = 0; i < writes.size(); ++i) {
    const TransactionWrite& write = writes[i];
    if (write.table->has_local_indexes()) {
      const value::AttributeValue& partition = write.key->partition;
      admission.statuses[i] =
          CheckItemCollectionSize(*write.table, *write.key, write.old_item, write.new_item,
                                  state.scale, growths.Before(write.table, partition));
      growths.Add(write.table, partition,
                  ItemCollectionGrowth(*write.table, write.old_item, write.new_item));
    }
    if (!admission.statuses[i].ok()) continue;
    table_shares.Add(TablePartitionOf(*write.table, *write.key, now), i,
                     write.charge->OnTableCapacity());
  }
  AdmittedSoFar on_tables;
  for (const PartitionShare& share : table_shares.shares()) {
    store::Table& table = *share.partition.table;
    base::Status admitted = table.Admit(
        capacity::CapacityKind::kWrite, *writes[share.first].key, share.units, now,
        [&] { return state.TableArn(table.name()); }, on_tables.On(&table));
    if (admitted.ok()) {
      on_tables.Add(&table, share.units);
    } else {
      Refuse(share, admitted, admission.statuses);
    }
  }

  // Then the partitions of the global indexes the admitted writes change: an index's throttle
  // stops its table's write (back-pressure).
  PartitionShares index_shares;
  for (size_t i = 0; i < writes.size(); ++i) {
    if (!admission.statuses[i].ok()) continue;
    const TransactionWrite& write = writes[i];
    for (const auto& [name, units] : write.charge->global_indexes) {
      index::SecondaryIndex* index = write.table->FindIndex(name);
      std::optional<uint64_t> hash = IndexHashOf(*index, write.old_item, write.new_item);
      if (!hash) continue;
      index->capacity().GrowForPeak(now);  // as its Admit does first
      index_shares.Add({write.table, index, &name, index->capacity().PartitionIdOf(*hash), *hash},
                       i, units);
      admission.targets[i].targets.push_back({index, *hash, units});
    }
  }
  AdmittedSoFar on_indexes;
  for (const PartitionShare& share : index_shares.shares()) {
    const PartitionOfAction& at = share.partition;
    base::Status admitted = at.index->capacity().Admit(
        capacity::CapacityKind::kWrite, at.hash, share.units, now,
        [&] { return state.TableArn(at.table->name()) + "/index/" + *at.index_name; },
        on_indexes.On(at.index));
    if (admitted.ok()) {
      on_indexes.Add(at.index, share.units);
    } else {
      Refuse(share, admitted, admission.statuses);
    }
  }
  return admission;
}

std::vector<base::Status> AdmitTransactionReads(EngineState& state,
                                                const std::vector<TransactionRead>& reads,
                                                double now) {
  std::vector<base::Status> statuses(reads.size());
  PartitionShares shares;
  for (size_t i = 0; i < reads.size(); ++i) {
    shares.Add(TablePartitionOf(*reads[i].table, *reads[i].key, now), i, reads[i].units);
  }
  AdmittedSoFar on_tables;
  for (const PartitionShare& share : shares.shares()) {
    store::Table& table = *share.partition.table;
    base::Status admitted = AdmitItemRead(state, table, *reads[share.first].key, share.units, now,
                                          on_tables.On(&table));
    if (admitted.ok()) {
      on_tables.Add(&table, share.units);
    } else {
      Refuse(share, admitted, statuses);
    }
  }
  return statuses;
}

}  // namespace ddbpg::core
