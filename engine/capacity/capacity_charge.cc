#include "engine/capacity/capacity_charge.h"

#include <algorithm>

namespace ddbpg::capacity {
namespace {

// Adds each named arm of `from`, scaled, to the arm of the same name in `into`.
void MergeArms(std::vector<std::pair<std::string, double>>& into,
               const std::vector<std::pair<std::string, double>>& from, double factor) {
  for (const auto& arm : from) {
    auto it = std::find_if(into.begin(), into.end(),
                           [&arm](const auto& existing) { return existing.first == arm.first; });
    if (it == into.end()) {
      into.push_back({arm.first, arm.second * factor});
    } else {
      it->second += arm.second * factor;
    }
  }
}

}  // namespace

double CapacityCharge::Total() const {
  double total = OnTableCapacity();
  for (const auto& [name, units] : global_indexes) total += units;
  return total;
}

double CapacityCharge::OnTableCapacity() const {
  double total = table;
  for (const auto& [name, units] : local_indexes) total += units;
  return total;
}

CapacityCharge& CapacityCharge::operator+=(const CapacityCharge& other) {
  table += other.table;
  MergeArms(local_indexes, other.local_indexes, 1);
  MergeArms(global_indexes, other.global_indexes, 1);
  return *this;
}

CapacityCharge CapacityCharge::Times(double factor) const {
  CapacityCharge scaled;
  scaled.table = table * factor;
  MergeArms(scaled.local_indexes, local_indexes, factor);
  MergeArms(scaled.global_indexes, global_indexes, factor);
  return scaled;
}

}  // namespace ddbpg::capacity
