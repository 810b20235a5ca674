// Prices: DynamoDB's price list as data, in named presets (Playground.Configure {"Prices": ...}).
#pragma once

#include <optional>
#include <string>

namespace ddbpg::capacity {

struct Prices {
  std::string name;
  double write_request_units_per_million;  // on-demand
  double read_request_units_per_million;   // on-demand
  double wcu_hour;                          // provisioned
  double rcu_hour;                          // provisioned
  double storage_gb_month;                  // Standard table class
};

// The two table classes (TableClass): Standard-Infrequent Access trades dearer requests for
// cheaper storage.
enum class TableClass { kStandard, kStandardInfrequentAccess };

// The prices a table of `table_class` pays, from the Standard list `standard`: Standard-IA's
// requests and provisioned capacity cost 25% more and its storage 60% less (us-east-1 and every
// published Region: $0.10 against $0.25 per GB-month, $0.78125 against $0.625 per million
// write request units).
Prices PricesForClass(const Prices& standard, TableClass table_class);

// "us-east-1" (the default: the list prices of November 2024 on; shared/DYNAMODB-FACTS.md A.6)
// or "explainer" (the older on-demand figures of shared/seed/what-is-dynamodb.md). nullopt for
// any other name.
std::optional<Prices> PricePreset(const std::string& name);

}  // namespace ddbpg::capacity
