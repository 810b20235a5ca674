// Engine::TableNames and Engine::Snapshot: the in-memory view behind the page's heat view.
#include "engine/core/engine_state.h"
#include "engine/api/metrics_view.h"
#include "engine/engine.h"

namespace ddbpg {

std::vector<std::string> Engine::TableNames() const {
  std::vector<std::string> names;
  for (const auto& [name, table] : state_->tables) names.push_back(name);
  return names;
}

bool Engine::Snapshot(const std::string& table_name, double window_seconds,
                      HeatSnapshot* out) const {
  const store::Table* table = state_->FindTable(table_name);
  if (table == nullptr) return false;
  *out = api::BuildMetricsView(*state_, *table, window_seconds, /*count_index_entries=*/false);
  return true;
}

}  // namespace ddbpg
