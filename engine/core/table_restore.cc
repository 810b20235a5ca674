#include "engine/core/table_restore.h"

#include <utility>

namespace ddbpg::core {

Table& InstallTable(EngineState& state, std::unique_ptr<Table> table) {
  table->Repartition(state.scale, state.clock.NowSeconds());
  table->SetReplicationLag(state.replication_lag_seconds, &state.clock);
  table->SetSplitForHeat(state.split_for_heat);
  table->SetThrottlingEnforced(state.throttling_enforced);
  table->SetIndexPropagation(state.index_propagation_seconds, &state.clock);
  const std::string name = table->name();
  return *state.tables.insert_or_assign(name, std::move(table)).first->second;
}

TableDefinition RestoredDefinition(const TableDefinition& source, const std::string& target_name) {
  TableDefinition definition;
  definition.name = target_name;
  definition.key_schema = source.key_schema;
  definition.attribute_definitions = source.attribute_definitions;
  definition.billing_mode = source.billing_mode;
  definition.throughput.read_capacity_units = source.throughput.read_capacity_units;
  definition.throughput.write_capacity_units = source.throughput.write_capacity_units;
  return definition;
}

Table& RestoreTable(EngineState& state, TableDefinition definition,
                    std::vector<IndexDefinition> indexes, std::vector<Item> items) {
  const double now = state.clock.NowSeconds();
  definition.creation_time = now;
  definition.table_id = state.NewTableId();
  if (definition.billing_mode == BillingMode::kPayPerRequest) {
    definition.throughput = ProvisionedThroughput{};
    definition.last_update_to_pay_per_request_time = now;
  }
  auto table = std::make_unique<Table>(std::move(definition));
  for (IndexDefinition& index : indexes) table->AddIndex(std::move(index));
  // The items go in before the table has a clock: nothing of the restore is history.
  for (Item& item : items) {
    PrimaryKey key = table->KeyOf(item);
    table->Put(key, std::move(item));
  }
  return InstallTable(state, std::move(table));
}

}  // namespace ddbpg::core
