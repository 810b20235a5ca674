// WarmThroughput on CreateTable, UpdateTable and their global indexes: the read and write units a
// second a table or index serves at once. DescribeTable derives it from the partitions and, on
// demand, the previous peak (capacity::PartitionedCapacity::Warm); a request may raise it, never
// lower it. The checks and texts are the service's.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/api/request_schema.h"
#include "engine/base/status.h"
#include "engine/capacity/partitioned_capacity.h"
#include "engine/store/table.h"

namespace ddbpg::api {

using json = nlohmann::json;
using WarmUnits = capacity::PartitionedCapacity::WarmUnits;

// The wire shape of a WarmThroughput member.
MemberSpec WarmThroughputMember();

// Why a request's WarmThroughput may not be lower than `floor`.
enum class WarmFloor {
  kCurrent,              // UpdateTable: what the table or index has now
  kOnDemandInitial,      // CreateTable, on demand: what a new table starts with
  kProvisionedCapacity,  // CreateTable, provisioned: its ProvisionedThroughput
};

// `spec` (a WarmThroughput member; null asks nothing) against `floor`, for the table when
// `index_name` is empty, else for the named index.
base::Status CheckWarmThroughput(const json& spec, const std::string& index_name, WarmUnits floor,
                                 WarmFloor reason);

// UpdateTable changes a table's warm throughput in a request of its own, and an index's never
// while creating another index.
base::Status CheckWarmThroughputAlone(const json& request);

// What a new table or global index serves at once before any traffic: on demand (a new table's
// 12,000 reads and 4,000 writes at scale 1), or provisioned at `read` and `write` units.
WarmUnits NewWarmUnits(bool on_demand, double read, double write, double scale, double now);

// The floor CreateTable (or an index Create) holds a WarmThroughput to: what a new on-demand
// table or index starts with, or the provisioned capacity `read` / `write`.
base::Status CheckNewWarmThroughput(const json& spec, const std::string& index_name, bool on_demand,
                                    long long read, long long write, double scale, double now);

// What `spec` asks for, with the members it leaves out at `current`.
WarmUnits RequestedWarmUnits(const json& spec, WarmUnits current);

// Warms `target` (a store::Table, or a global index's capacity::PartitionedCapacity) for what
// `spec`, a checked WarmThroughput member, asks.
template <typename Warmable>
void ApplyWarmThroughput(Warmable& target, const json& spec, double now) {
  const WarmUnits wanted = RequestedWarmUnits(spec, target.Warm(now));
  target.Prewarm(static_cast<double>(wanted.read_units_per_second),
                 static_cast<double>(wanted.write_units_per_second), now);
}

// Warms each global index of `table` that its entry in `global_indexes` (CreateTable's
// GlobalSecondaryIndexes, a restore's GlobalSecondaryIndexOverride; checked) gives a
// WarmThroughput.
void ApplyIndexWarmThroughputs(const json& global_indexes, store::Table& table, double now);

json WarmThroughputJson(WarmUnits units, const std::string& status);

}  // namespace ddbpg::api
