// What one request consumes, on the table and on each index it touches: the figure admission
// takes from the token buckets, the metrics record, and ConsumedCapacity reports.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace ddbpg::capacity {

// What one request consumed, on the table and on each index it touched (an index that consumed
// nothing is left out, as the service leaves it out).
struct CapacityCharge {
  double table = 0;
  std::vector<std::pair<std::string, double>> local_indexes;
  std::vector<std::pair<std::string, double>> global_indexes;

  double Total() const;
  // What the table's own capacity pays: the table and its local indexes (Developer Guide, "Local
  // secondary indexes": index writes "consume provisioned write capacity units for the table").
  double OnTableCapacity() const;
  CapacityCharge& operator+=(const CapacityCharge& other);
  CapacityCharge Times(double factor) const;
};

}  // namespace ddbpg::capacity
