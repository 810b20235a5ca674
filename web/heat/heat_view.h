// The heat view: Dear ImGui panels drawn from the engine's in-memory snapshot each frame.
#pragma once

#include <string>

#include "engine/engine.h"

namespace ddbpg::heat {

// Everything the view remembers between frames (no function-local statics).
struct HeatViewState {
  // The table shown, chosen by the page (its current table); empty until the page picks one.
  std::string table;
  int window_seconds = 60;  // columns of the heat map
  // The height the last frame's content needed, so the canvas can grow or shrink to fit it
  // instead of scaling or scrolling its content.
  float content_height = 0;
};

// Draws the whole view for one frame.
void DrawHeatView(Engine& engine, HeatViewState& state);

// "$0.41", or for amounts under a cent two significant digits without an exponent
// ("$0.000000062"), since a minute of playground traffic costs millionths of a dollar.
std::string FormatDollars(double amount);

}  // namespace ddbpg::heat
