#include "engine/capacity/prices.h"

namespace ddbpg::capacity {

std::optional<Prices> PricePreset(const std::string& name) {
  // us-east-1 after the November 2024 on-demand price cut: $0.625 per million write request
  // units, $0.125 per million read request units; provisioned $0.00065 per WCU-hour and
  // $0.00013 per RCU-hour; storage $0.25 per GB-month.
  if (name == "us-east-1") return Prices{"us-east-1", 0.625, 0.125, 0.00065, 0.00013, 0.25};
  // The explainer's figures: $1.25 and $0.25 per million (the pre-2024 on-demand prices).
  if (name == "explainer") return Prices{"explainer", 1.25, 0.25, 0.00065, 0.00013, 0.25};
  return std::nullopt;
}

Prices PricesForClass(const Prices& standard, TableClass table_class) {
  if (table_class == TableClass::kStandard) return standard;
  constexpr double kRequestFactor = 1.25;
  constexpr double kStorageFactor = 0.4;
  Prices prices = standard;
  prices.write_request_units_per_million *= kRequestFactor;
  prices.read_request_units_per_million *= kRequestFactor;
  prices.wcu_hour *= kRequestFactor;
  prices.rcu_hour *= kRequestFactor;
  prices.storage_gb_month *= kStorageFactor;
  return prices;
}

}  // namespace ddbpg::capacity
