#include "engine/capacity/cost.h"

namespace ddbpg::capacity {

double OnDemandCost(double read_units, double write_units, const Prices& prices) {
  return read_units / 1e6 * prices.read_request_units_per_million +
         write_units / 1e6 * prices.write_request_units_per_million;
}

double ProvisionedCost(double rcu, double wcu, double seconds, const Prices& prices) {
  double hours = seconds / 3600;
  return rcu * hours * prices.rcu_hour + wcu * hours * prices.wcu_hour;
}

CostEstimate EstimateMonthlyCost(const MonthlyWorkload& workload, const Prices& prices) {
  CostEstimate estimate;
  estimate.on_demand_writes = workload.writes / 1e6 * prices.write_request_units_per_million;
  estimate.on_demand_reads = workload.reads / 1e6 * prices.read_request_units_per_million;
  estimate.storage = workload.storage_gb * prices.storage_gb_month;
  estimate.on_demand_total =
      estimate.on_demand_writes + estimate.on_demand_reads + estimate.storage;
  const double seconds = workload.days * 86400;
  estimate.average_write_capacity_units = workload.writes / seconds;
  estimate.average_read_capacity_units = workload.reads / seconds;
  estimate.provisioned_writes = ProvisionedCost(0, estimate.average_write_capacity_units, seconds, prices);
  estimate.provisioned_reads = ProvisionedCost(estimate.average_read_capacity_units, 0, seconds, prices);
  estimate.provisioned_total =
      estimate.provisioned_writes + estimate.provisioned_reads + estimate.storage;
  return estimate;
}

}  // namespace ddbpg::capacity
