// The heat view: Dear ImGui panels drawn from the engine's in-memory snapshot each frame.
#pragma once

#include <string>

#include "engine/engine.h"

namespace ddbpg::heat {

// Everything the view remembers between frames (no function-local statics).
struct HeatViewState {
  std::string table;        // the table shown; empty until one exists
  int window_seconds = 60;  // columns of the heat map
};

// Draws the whole view for one frame.
void DrawHeatView(Engine& engine, HeatViewState& state);

}  // namespace ddbpg::heat
