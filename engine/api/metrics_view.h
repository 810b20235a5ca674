// One table's partitions, traffic, hot keys and cost over a window of the engine's clock, built
// in one place for both readers: Playground.GetMetrics renders it as JSON, and the page's heat
// view reads it from memory every frame through Engine::Snapshot.
#pragma once

#include "engine/core/engine_state.h"
#include "engine/engine.h"

namespace ddbpg::api {

// The seconds from `now - window_seconds + 1` to now. Counting a global index's entries per
// partition walks the whole index: GetMetrics asks for it, the heat view (every frame) does not.
HeatSnapshot BuildMetricsView(const core::EngineState& state, const store::Table& table,
                              double window_seconds, bool count_index_entries);

}  // namespace ddbpg::api
