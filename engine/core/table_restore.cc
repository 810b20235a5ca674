#include "engine/core/table_restore.h"

#include <utility>

namespace ddbpg::core {

store::Table& InstallTable(EngineState& state, std::unique_ptr<store::Table> table) {
  return InstallTable(state, std::move(table), state.options.region);
}

store::Table& InstallTable(EngineState& state, std::unique_ptr<store::Table> table,
                           const std::string& table_region) {
  table->Repartition(state.scale, state.clock.NowSeconds());
  table->SetReplicationLag(state.replication_lag_seconds, &state.clock);
  table->SetSplitForHeat(state.split_for_heat);
  table->SetThrottlingEnforced(state.throttling_enforced);
  table->SetIndexPropagation(state.index_propagation_seconds, &state.clock);
  const std::string name = table->name();
  return *state.TablesIn(table_region).insert_or_assign(name, std::move(table)).first->second;
}

store::TableDefinition RestoredDefinition(const store::TableDefinition& source,
                                          const std::string& target_name) {
  store::TableDefinition definition;
  definition.name = target_name;
  definition.key_schema = source.key_schema;
  definition.attribute_definitions = source.attribute_definitions;
  definition.billing_mode = source.billing_mode;
  definition.throughput.read_capacity_units = source.throughput.read_capacity_units;
  definition.throughput.write_capacity_units = source.throughput.write_capacity_units;
  definition.on_demand_maximum = source.on_demand_maximum;
  return definition;
}

store::Table& RestoreTable(EngineState& state, store::TableDefinition definition,
                           std::vector<index::IndexDefinition> indexes,
                           std::vector<value::Item> items) {
  const double now = state.clock.NowSeconds();
  definition.creation_time = now;
  definition.table_id = state.NewTableId();
  if (definition.billing_mode == store::BillingMode::kPayPerRequest) {
    definition.throughput = store::ProvisionedThroughput{};
    definition.last_update_to_pay_per_request_time = now;
  }
  auto table = std::make_unique<store::Table>(std::move(definition));
  for (index::IndexDefinition& index : indexes) table->AddIndex(std::move(index));
  // The items go in before the table has a clock: nothing of the restore is history.
  for (value::Item& item : items) {
    value::PrimaryKey key = table->KeyOf(item);
    table->Put(key, std::move(item));
  }
  return InstallTable(state, std::move(table));
}

}  // namespace ddbpg::core
