// Engine::TableNames and Engine::Snapshot: the in-memory view behind the page's heat view.
#include "engine/api/engine_state.h"
#include "engine/capacity/cost.h"
#include "engine/engine.h"

namespace ddbpg {

std::vector<std::string> Engine::TableNames() const {
  std::vector<std::string> names;
  for (const auto& [name, table] : state_->tables) names.push_back(name);
  return names;
}

bool Engine::Snapshot(const std::string& table_name, double window_seconds,
                      HeatSnapshot* out) const {
  const Table* table = state_->FindTable(table_name);
  if (table == nullptr) return false;
  const double now = state_->clock.NowSeconds();
  const PartitionLimits limits = PartitionLimitsAtScale(state_->scale);
  HeatSnapshot snapshot;
  snapshot.table = table_name;
  snapshot.scale = state_->scale;
  snapshot.now = now;
  snapshot.read_limit = limits.read_units_per_second;
  snapshot.write_limit = limits.write_units_per_second;
  snapshot.prices = state_->prices.name;
  snapshot.throttling_enforced = state_->throttling_enforced;
  double read_units = 0, write_units = 0;
  for (size_t i = 0; i < table->partitions().size(); ++i) {
    const Partition& partition = table->partitions().partitions()[i];
    HeatPartition heat;
    heat.id = partition.id;
    heat.hash_start = partition.hash_start;
    heat.hash_end = partition.hash_end;
    heat.item_count = table->partition_stats(i).item_count;
    heat.size_bytes = table->partition_stats(i).size_bytes;
    for (const SecondSample& sample : table->metrics().Samples(partition.id, now - window_seconds + 1)) {
      heat.seconds.push_back({sample.second, sample.read_units, sample.write_units,
                              sample.throttled_reads, sample.throttled_writes});
      read_units += sample.read_units;
      write_units += sample.write_units;
    }
    snapshot.partitions.push_back(std::move(heat));
  }
  // A global index's partitions follow the table's: they have capacity of their own.
  for (const auto& index : table->indexes()) {
    if (!index->is_global()) continue;
    const PartitionMap& map = index->capacity().partitions();
    for (const Partition& partition : map.partitions()) {
      HeatPartition heat;
      heat.index = index->name();
      heat.id = partition.id;
      heat.hash_start = partition.hash_start;
      heat.hash_end = partition.hash_end;
      for (const SecondSample& sample :
           index->capacity().metrics().Samples(partition.id, now - window_seconds + 1)) {
        heat.seconds.push_back({sample.second, sample.read_units, sample.write_units,
                                sample.throttled_reads, sample.throttled_writes});
      }
      snapshot.partitions.push_back(std::move(heat));
    }
  }
  for (const KeyTraffic& traffic : table->metrics().TopKeys(10)) {
    snapshot.hot_keys.push_back({traffic.key, traffic.reads, traffic.writes, traffic.throttles});
  }
  snapshot.on_demand_cost = OnDemandCost(read_units, write_units, state_->prices);
  *out = std::move(snapshot);
  return true;
}

}  // namespace ddbpg
