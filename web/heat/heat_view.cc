#include "web/heat/heat_view.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <vector>

#include "engine/capacity/cost.h"

namespace ddbpg::heat {
namespace {

// Green below half the partition's limit, amber up to it, red at the limit or when throttled.
ImU32 LoadColour(double load, bool throttled) {
  if (throttled || load >= 1.0) return IM_COL32(200, 40, 40, 255);
  if (load >= 0.5) return IM_COL32(230, 160, 30, 255);
  if (load > 0) return IM_COL32(60, 170, 80, 255);
  return IM_COL32(45, 50, 60, 255);
}

void DrawTablePicker(Engine& engine, HeatViewState& state) {
  std::vector<std::string> names = engine.TableNames();
  if (names.empty()) {
    state.table.clear();
    ImGui::TextUnformatted("No tables yet: create one in the console.");
    return;
  }
  if (std::find(names.begin(), names.end(), state.table) == names.end()) state.table = names[0];
  if (ImGui::BeginCombo("Table", state.table.c_str())) {
    for (const std::string& name : names) {
      if (ImGui::Selectable(name.c_str(), name == state.table)) state.table = name;
    }
    ImGui::EndCombo();
  }
}

// Rows are partitions (with their hash ranges), the table's then each global index's; columns
// the last seconds of the clock.
void DrawPartitionStrip(const HeatSnapshot& snapshot, const HeatViewState& state) {
  char title[96];
  std::snprintf(title, sizeof(title), "Partitions (scale %g): capacity used per second against %g WCU / %g RCU",
                snapshot.scale, snapshot.write_limit, snapshot.read_limit);
  ImGui::TextUnformatted(title);
  if (!snapshot.throttling_enforced) {
    ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.3f, 1.0f),
                       "Throttling is OFF: outlined seconds would have throttled on DynamoDB");
  }
  const float label_width = 150;
  const float cell = std::max(4.0f, (ImGui::GetContentRegionAvail().x - label_width) /
                                        static_cast<float>(state.window_seconds));
  const long long newest = static_cast<long long>(std::floor(snapshot.now));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (const HeatPartition& partition : snapshot.partitions) {
    std::map<long long, const HeatSecond*> by_second;
    for (const HeatSecond& second : partition.seconds) by_second[second.second] = &second;
    char label[64];
    if (partition.index.empty()) {
      std::snprintf(label, sizeof(label), "p%llu %04llx..%04llx", partition.id,
                    partition.hash_start >> 48, partition.hash_end >> 48);
    } else {
      // A global index's partition: its name, shortened to fit the label column.
      std::snprintf(label, sizeof(label), "%.14s p%llu", partition.index.c_str(), partition.id);
    }
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::TextUnformatted(label);
    for (int column = 0; column < state.window_seconds; ++column) {
      long long second = newest - state.window_seconds + 1 + column;
      auto found = by_second.find(second);
      double load = 0;
      bool throttled = false;
      if (found != by_second.end()) {
        load = std::max(found->second->write_units / snapshot.write_limit,
                        found->second->read_units / snapshot.read_limit);
        throttled = found->second->throttled_reads + found->second->throttled_writes > 0;
      }
      ImVec2 top_left(origin.x + label_width + column * cell, origin.y);
      ImVec2 bottom_right(top_left.x + cell - 1, top_left.y + 16);
      draw->AddRectFilled(top_left, bottom_right, LoadColour(load, throttled));
      if (throttled) draw->AddRect(top_left, bottom_right, IM_COL32(255, 255, 255, 255));
    }
    ImGui::Dummy(ImVec2(0, 4));
  }
}

// The whole table's consumed units per second over the window (reads and writes), the view of
// CloudWatch's ConsumedRead/WriteCapacityUnits.
void DrawTableCapacity(const HeatSnapshot& snapshot, const HeatViewState& state) {
  const long long newest = static_cast<long long>(std::floor(snapshot.now));
  std::vector<float> writes(state.window_seconds, 0), reads(state.window_seconds, 0);
  for (const HeatPartition& partition : snapshot.partitions) {
    if (!partition.index.empty()) continue;  // the table's own capacity only
    for (const HeatSecond& second : partition.seconds) {
      long long column = second.second - (newest - state.window_seconds + 1);
      if (column < 0 || column >= state.window_seconds) continue;
      writes[column] += static_cast<float>(second.write_units);
      reads[column] += static_cast<float>(second.read_units);
    }
  }
  float peak = 1;
  for (int i = 0; i < state.window_seconds; ++i) peak = std::max({peak, writes[i], reads[i]});
  char label[64];
  std::snprintf(label, sizeof(label), "table WCU/s (peak %.0f)", peak);
  ImGui::PlotLines("##writes", writes.data(), state.window_seconds, 0, label, 0, peak * 1.1f,
                   ImVec2(ImGui::GetContentRegionAvail().x * 0.5f - 8, 60));
  ImGui::SameLine();
  std::snprintf(label, sizeof(label), "table RCU/s");
  ImGui::PlotLines("##reads", reads.data(), state.window_seconds, 0, label, 0, peak * 1.1f,
                   ImVec2(ImGui::GetContentRegionAvail().x, 60));
}

void DrawHotKeys(const HeatSnapshot& snapshot) {
  ImGui::TextUnformatted("Top keys (Contributor Insights)");
  if (ImGui::BeginTable("hot-keys", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders)) {
    ImGui::TableSetupColumn("Key");
    ImGui::TableSetupColumn("Reads");
    ImGui::TableSetupColumn("Writes");
    ImGui::TableSetupColumn("Throttles");
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < snapshot.hot_keys.size() && i < 5; ++i) {
      const HeatKey& key = snapshot.hot_keys[i];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(key.key.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%lld", key.reads);
      ImGui::TableNextColumn();
      ImGui::Text("%lld", key.writes);
      ImGui::TableNextColumn();
      if (key.throttles > 0) {
        ImGui::TextColored(ImVec4(1.0f, 0.35f, 0.35f, 1.0f), "%lld", key.throttles);
      } else {
        ImGui::Text("0");
      }
    }
    ImGui::EndTable();
  }
}

void DrawCostMeter(const HeatSnapshot& snapshot, const HeatViewState& state) {
  ImGui::Text("Cost of the last %d s on demand: $%.6f (%s prices)", state.window_seconds,
              snapshot.on_demand_cost, snapshot.prices.c_str());
  // The explainer's chat application (100M writes, 500M reads, 100 GB a month) at its own,
  // older prices and at today's list prices.
  MonthlyWorkload chat;
  chat.writes = 100e6;
  chat.reads = 500e6;
  chat.storage_gb = 100;
  double explainer = EstimateMonthlyCost(chat, *PricePreset("explainer")).on_demand_total;
  double today = EstimateMonthlyCost(chat, *PricePreset("us-east-1")).on_demand_total;
  ImGui::Text("The explainer's chat example on demand: $%.2f a month at its prices, $%.2f at "
              "us-east-1 list prices today", explainer, today);
}

}  // namespace

void DrawHeatView(Engine& engine, HeatViewState& state) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  ImGui::Begin("Heat view", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings);
  DrawTablePicker(engine, state);
  HeatSnapshot snapshot;
  if (!state.table.empty() && engine.Snapshot(state.table, state.window_seconds, &snapshot)) {
    DrawPartitionStrip(snapshot, state);
    DrawTableCapacity(snapshot, state);
    ImGui::Separator();
    DrawHotKeys(snapshot);
    DrawCostMeter(snapshot, state);
  }
  ImGui::End();
}

}  // namespace ddbpg::heat
