#include "engine/api/metrics_view.h"

#include <utility>
#include <vector>

#include "engine/api/table_settings.h"
#include "engine/capacity/cost.h"
#include "engine/value/item_size.h"

namespace ddbpg::api {
namespace {

HeatPartition PartitionView(const partition::Partition& partition,
                            const capacity::TableMetrics& metrics, double since) {
  HeatPartition heat;
  heat.id = partition.id;
  heat.hash_start = partition.hash_start;
  heat.hash_end = partition.hash_end;
  for (const capacity::SecondSample& sample : metrics.Samples(partition.id, since)) {
    heat.seconds.push_back({sample.second, sample.read_units, sample.write_units,
                            sample.throttled_reads, sample.throttled_writes});
  }
  return heat;
}

// A global index's partitions follow the table's: they have capacity of their own.
void AddIndexPartitions(const index::SecondaryIndex& index, double since, bool count_entries,
                        std::vector<HeatPartition>& out) {
  const partition::PartitionMap& map = index.capacity().partitions();
  std::vector<long long> counts(map.size(), 0), bytes(map.size(), 0);
  if (count_entries) {
    for (const auto& [key, entry] : index.entries()) {
      const size_t at = map.IndexOf(key.partition_hash);
      counts[at] += 1;
      bytes[at] += static_cast<long long>(value::ItemSize(entry));
    }
  }
  for (size_t i = 0; i < map.size(); ++i) {
    HeatPartition heat = PartitionView(map.partitions()[i], index.capacity().metrics(), since);
    heat.index = index.name();
    heat.item_count = counts[i];
    heat.size_bytes = bytes[i];
    out.push_back(std::move(heat));
  }
}

}  // namespace

HeatSnapshot BuildMetricsView(const core::EngineState& state, const store::Table& table,
                              double window_seconds, bool count_index_entries) {
  const double now = state.clock.NowSeconds();
  const double since = now - window_seconds + 1;
  const partition::PartitionLimits limits = partition::PartitionLimitsAtScale(state.scale);
  HeatSnapshot view;
  view.table = table.name();
  view.scale = state.scale;
  view.now = now;
  view.read_limit = limits.read_units_per_second;
  view.write_limit = limits.write_units_per_second;
  view.size_limit = limits.size_bytes;
  view.prices = state.prices.name;
  view.throttling_enforced = state.throttling_enforced;
  double read_units = 0, write_units = 0;
  for (size_t i = 0; i < table.partitions().size(); ++i) {
    HeatPartition heat = PartitionView(table.partitions().partitions()[i], table.metrics(), since);
    heat.item_count = table.partition_stats(i).item_count;
    heat.size_bytes = table.partition_stats(i).size_bytes;
    for (const HeatSecond& second : heat.seconds) {
      read_units += second.read_units;
      write_units += second.write_units;
    }
    view.partitions.push_back(std::move(heat));
  }
  for (const auto& index : table.indexes()) {
    if (index->is_global()) AddIndexPartitions(*index, since, count_index_entries, view.partitions);
  }
  for (const capacity::KeyTraffic& traffic : table.metrics().TopKeys(10)) {
    view.hot_keys.push_back({traffic.key, traffic.reads, traffic.writes, traffic.throttles});
  }
  // What the window's traffic cost: on demand, the units the table consumed; provisioned, the
  // capacity held over the window; and the table's storage for a month.
  // Priced by the table's class.
  const store::ProvisionedThroughput& throughput = table.definition().throughput;
  const capacity::Prices prices =
      capacity::PricesForClass(state.prices, TableClassOf(table.definition()));
  view.on_demand_cost = capacity::OnDemandCost(read_units, write_units, prices);
  view.provisioned_cost = capacity::ProvisionedCost(
      static_cast<double>(throughput.read_capacity_units),
      static_cast<double>(throughput.write_capacity_units), window_seconds, prices);
  view.storage_per_month =
      static_cast<double>(table.size_bytes()) / (1024.0 * 1024 * 1024) * prices.storage_gb_month;
  return view;
}

}  // namespace ddbpg::api
