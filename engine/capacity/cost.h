// The cost meter: consumed units and stored bytes priced in on-demand and provisioned terms.
#pragma once

#include "engine/capacity/prices.h"

namespace ddbpg::capacity {

struct MonthlyWorkload {
  double writes = 0;           // write request units per month
  double reads = 0;            // read request units per month
  double storage_gb = 0;
  double days = 30;            // the month's length, as the explainer counts it
};

struct CostEstimate {
  double on_demand_writes = 0;  // dollars
  double on_demand_reads = 0;
  double storage = 0;
  double on_demand_total = 0;
  // The provisioned capacity the same workload needs on average, and its price at that level.
  double average_write_capacity_units = 0;
  double average_read_capacity_units = 0;
  double provisioned_writes = 0;
  double provisioned_reads = 0;
  double provisioned_total = 0;  // including storage
};

CostEstimate EstimateMonthlyCost(const MonthlyWorkload& workload, const Prices& prices);

// Dollars for units consumed on demand.
double OnDemandCost(double read_units, double write_units, const Prices& prices);
// Dollars for provisioned capacity held for `seconds`.
double ProvisionedCost(double rcu, double wcu, double seconds, const Prices& prices);

}  // namespace ddbpg::capacity
