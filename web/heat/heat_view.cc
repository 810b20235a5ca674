#include "web/heat/heat_view.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
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

// Below this width the plots stack; the partition labels go above their strips whenever the
// strips beside them would be too narrow to read.
constexpr float kNarrowWidth = 600;
constexpr float kMinimumStripWidth = 300;

// "3000"; a limit the scale made fractional keeps one decimal ("0.3"). No thousands comma: Dear
// ImGui's wrapping may break a line after one, splitting the number.
std::string Units(double value) {
  char digits[32];
  std::snprintf(digits, sizeof(digits), value == std::floor(value) ? "%.0f" : "%.1f", value);
  return digits;
}

// Partitions in hash-range order, numbered from 1 within the table and within each index, so a
// newcomer reads "partition 2 of 4" rather than an internal id.
struct NamedPartition {
  const HeatPartition* partition;
  std::string label;
};

std::vector<NamedPartition> NamePartitions(const HeatSnapshot& snapshot) {
  // Groups in the engine's order (the table's own first), each sorted by where its range starts.
  std::vector<std::vector<const HeatPartition*>> groups;
  for (const HeatPartition& partition : snapshot.partitions) {
    if (groups.empty() || groups.back().front()->index != partition.index) groups.emplace_back();
    groups.back().push_back(&partition);
  }
  std::vector<NamedPartition> named;
  for (std::vector<const HeatPartition*>& group : groups) {
    std::sort(group.begin(), group.end(), [](const HeatPartition* a, const HeatPartition* b) {
      return a->hash_start < b->hash_start;
    });
    int number = 0;
    for (const HeatPartition* partition : group) {
      char label[96];
      std::snprintf(label, sizeof(label), "%s%s%d (%04llx-%04llx)", partition->index.c_str(),
                    partition->index.empty() ? "Partition " : " #", ++number,
                    partition->hash_start >> 48, partition->hash_end >> 48);
      named.push_back({partition, label});
    }
  }
  return named;
}

// Rows are partitions (with their hash ranges), the table's then each global index's; columns
// the last seconds of the clock.
void DrawPartitionStrip(const HeatSnapshot& snapshot, const HeatViewState& state) {
  ImGui::TextWrapped("Each partition serves up to %s WCU and %s RCU a second%s. One cell is one "
                     "second: green under half of that, amber up to it, red at the limit; "
                     "outlined seconds throttled.",
                     Units(snapshot.write_limit).c_str(), Units(snapshot.read_limit).c_str(),
                     snapshot.scale == 1 ? "" : " (DynamoDB's limits divided by the playground's scale)");
  if (!snapshot.throttling_enforced) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.75f, 0.3f, 1.0f));
    ImGui::TextWrapped("Throttling is OFF: outlined seconds would have throttled on DynamoDB");
    ImGui::PopStyleColor();
  }
  const std::vector<NamedPartition> partitions = NamePartitions(snapshot);
  // The label column is as wide as the widest label, so no label is drawn over.
  float label_width = 0;
  for (const NamedPartition& named : partitions) {
    label_width = std::max(label_width, ImGui::CalcTextSize(named.label.c_str()).x);
  }
  const float available = ImGui::GetContentRegionAvail().x;
  const bool narrow = available - label_width - 12 < kMinimumStripWidth;
  const float strip_left = narrow ? 0 : label_width + 12;
  const float cell = std::max(2.0f, (available - strip_left) / static_cast<float>(state.window_seconds));
  const long long newest = static_cast<long long>(std::floor(snapshot.now));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (const NamedPartition& named : partitions) {
    std::map<long long, const HeatSecond*> by_second;
    for (const HeatSecond& second : named.partition->seconds) by_second[second.second] = &second;
    ImGui::TextUnformatted(named.label.c_str());
    if (narrow) {
      ImGui::Dummy(ImVec2(0, 0));
    } else {
      ImGui::SameLine(strip_left);
    }
    ImVec2 origin = ImGui::GetCursorScreenPos();
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
      ImVec2 top_left(origin.x + column * cell, origin.y);
      ImVec2 bottom_right(top_left.x + std::max(1.0f, cell - 1), top_left.y + 16);
      draw->AddRectFilled(top_left, bottom_right, LoadColour(load, throttled));
      if (throttled) draw->AddRect(top_left, bottom_right, IM_COL32(255, 255, 255, 255));
    }
    ImGui::Dummy(ImVec2(cell * state.window_seconds, 20));
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
  // Side by side when there is room, one above the other on a phone.
  const bool narrow = ImGui::GetContentRegionAvail().x < kNarrowWidth;
  const float plot_width = narrow ? ImGui::GetContentRegionAvail().x
                                  : ImGui::GetContentRegionAvail().x * 0.5f - 8;
  ImGui::PlotLines("##writes", writes.data(), state.window_seconds, 0, label, 0, peak * 1.1f,
                   ImVec2(plot_width, 60));
  if (!narrow) ImGui::SameLine();
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
  // Short lines, each amount at a line's start: wrapping never splits a number.
  ImGui::TextWrapped("Cost of the last %d s on demand, at %s prices:", state.window_seconds,
                     snapshot.prices.c_str());
  ImGui::Text("  %s", FormatDollars(snapshot.on_demand_cost).c_str());
  // The explainer's chat application (100M writes, 500M reads, 100 GB a month) at its own,
  // older prices and at today's list prices.
  capacity::MonthlyWorkload chat;
  chat.writes = 100e6;
  chat.reads = 500e6;
  chat.storage_gb = 100;
  double explainer =
      capacity::EstimateMonthlyCost(chat, *capacity::PricePreset("explainer")).on_demand_total;
  double today =
      capacity::EstimateMonthlyCost(chat, *capacity::PricePreset("us-east-1")).on_demand_total;
  ImGui::TextWrapped("The explainer's chat example on demand, a month:");
  ImGui::Text("  %s at the explainer's prices", FormatDollars(explainer).c_str());
  ImGui::Text("  %s at us-east-1 list prices today", FormatDollars(today).c_str());
}

}  // namespace

std::string FormatDollars(double amount) {
  char text[48];
  if (amount == 0) return "$0";
  if (amount >= 0.01) {
    std::snprintf(text, sizeof(text), "$%.2f", amount);
  } else {
    // Two significant digits: 6.2e-8 needs 9 decimals.
    int decimals = static_cast<int>(std::ceil(-std::log10(amount))) + 1;
    std::snprintf(text, sizeof(text), "$%.*f", std::min(decimals, 12), amount);
  }
  return text;
}

void DrawHeatView(Engine& engine, HeatViewState& state) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  ImGui::Begin("Heat view", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings);
  HeatSnapshot snapshot;
  if (state.table.empty()) {
    ImGui::TextWrapped("No table yet: create one in the console, or run a scenario.");
  } else if (!engine.Snapshot(state.table, state.window_seconds, &snapshot)) {
    ImGui::TextWrapped("Table %s does not exist (any more).", state.table.c_str());
  } else {
    DrawPartitionStrip(snapshot, state);
    DrawTableCapacity(snapshot, state);
    ImGui::Separator();
    DrawHotKeys(snapshot);
    DrawCostMeter(snapshot, state);
  }
  state.content_height = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
  ImGui::End();
}

}  // namespace ddbpg::heat
