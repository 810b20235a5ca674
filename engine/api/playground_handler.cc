// The playground's own operations, under the target prefix "Playground." so they never collide
// with DynamoDB's and clients that speak only DynamoDB never see them (DESIGN.md, "Extensions
// beyond the DynamoDB API").
#include <optional>

#include "engine/api/handlers.h"
#include "engine/api/metrics_view.h"
#include "engine/api/request_schema.h"
#include "engine/api/validation_errors.h"
#include "engine/capacity/cost.h"
#include "engine/value/base64.h"
#include "engine/value/item_size.h"
#include "engine/value/json_object.h"

namespace ddbpg::api {
namespace {

// Virtual time may be set anywhere from the epoch to the year 9999.
constexpr double kLatestTime = 253402300799.0;
// One call may move the virtual clock at most a year, which bounds the work a later
// simulation does per call.
constexpr double kMaxAdvanceSeconds = 366.0 * 24 * 3600;

json ClockState(const core::EngineState& state) {
  return value::JsonObject(
      {{"Mode", state.clock.is_virtual() ? "VIRTUAL" : "REAL"}, {"Now", state.clock.NowSeconds()}});
}

base::Status CheckNumberMember(const json& request, const char* name) {
  const json& value = Member(request, name);
  if (value.is_null() || value.is_number()) return base::Status::OK();
  return value::CheckWireType(value, value::WireType::kLong);
}

// The largest scale: DynamoDB's 10 GB partition becomes 10 KB, its 1,000 WCU one per second.
constexpr double kMaxScale = 1000000;

// GetMetrics looks back at most the metrics window.
constexpr double kDefaultSinceSeconds = 60;

json PartitionJson(const HeatPartition& partition) {
  json seconds = json::array();
  for (const HeatSecond& second : partition.seconds) {
    seconds.push_back(value::JsonObject({{"Time", second.second},
                                         {"ConsumedReadCapacityUnits", second.read_units},
                                         {"ConsumedWriteCapacityUnits", second.write_units},
                                         {"ThrottledReads", second.throttled_reads},
                                         {"ThrottledWrites", second.throttled_writes}}));
  }
  // Hash bounds travel as decimal strings: JavaScript numbers cannot hold 64 bits exactly.
  return value::JsonObject(
      {{"PartitionId", partition.id},
       {"HashRange", value::JsonObject({{"Start", std::to_string(partition.hash_start)},
                                        {"End", std::to_string(partition.hash_end)}})},
       {"ItemCount", partition.item_count},
       {"SizeBytes", partition.size_bytes},
       {"Seconds", seconds}});
}

// The metrics view as GetMetrics' response: the table's partitions, then each global index's
// under GlobalSecondaryIndexes (in the table's index order).
json MetricsJson(const HeatSnapshot& view) {
  json partitions = json::array();
  json indexes = json::array();
  for (const HeatPartition& partition : view.partitions) {
    if (partition.index.empty()) {
      partitions.push_back(PartitionJson(partition));
      continue;
    }
    if (indexes.empty() || indexes.back()["IndexName"] != partition.index) {
      indexes.push_back(
          value::JsonObject({{"IndexName", partition.index}, {"Partitions", json::array()}}));
    }
    indexes.back()["Partitions"].push_back(PartitionJson(partition));
  }
  json hot_keys = json::array();
  for (const HeatKey& key : view.hot_keys) {
    hot_keys.push_back(value::JsonObject({{"Key", TrackedKeyJson(key.key)},
                                          {"Reads", key.reads},
                                          {"Writes", key.writes},
                                          {"Throttles", key.throttles}}));
  }
  json response = value::JsonObject(
      {{"TableName", view.table},
       {"Scale", view.scale},
       {"Now", view.now},
       // With throttling off, the throttle counts are the requests that would have been refused.
       {"Throttling", view.throttling_enforced ? "ON" : "OFF"},
       // What one partition serves and holds at this scale, so a client never hard-codes them.
       {"PartitionLimits", value::JsonObject({{"ReadCapacityUnitsPerSecond", view.read_limit},
                                              {"WriteCapacityUnitsPerSecond", view.write_limit},
                                              {"SizeBytes", view.size_limit}})},
       {"Partitions", std::move(partitions)},
       {"HotKeys", std::move(hot_keys)},
       {"Cost", value::JsonObject({{"Prices", view.prices},
                                   {"OnDemand", view.on_demand_cost},
                                   {"Provisioned", view.provisioned_cost},
                                   {"StoragePerMonth", view.storage_per_month}})}});
  if (!indexes.empty()) response["GlobalSecondaryIndexes"] = std::move(indexes);
  return response;
}

}  // namespace

json TrackedKeyJson(const std::string& tracked) {
  size_t colon = tracked.find(':');
  std::string type = tracked.substr(0, colon);
  std::string raw = tracked.substr(colon + 1);
  if (type == "B") return value::JsonObject({{"B", value::Base64Encode(raw)}});
  return {{type, raw}};
}

json PricesJson(const capacity::Prices& prices) {
  return value::JsonObject({{"Name", prices.name},
                            {"WriteRequestUnitsPerMillion", prices.write_request_units_per_million},
                            {"ReadRequestUnitsPerMillion", prices.read_request_units_per_million},
                            {"WcuHour", prices.wcu_hour},
                            {"RcuHour", prices.rcu_hour},
                            {"StorageGbMonth", prices.storage_gb_month}});
}

// {"Prices": "<preset>"} or {"Prices": {every price as a non-negative number}}.
base::Result<capacity::Prices> ReadPrices(const json& value) {
  if (value.is_string()) {
    std::optional<capacity::Prices> preset = capacity::PricePreset(value.get<std::string>());
    if (!preset) {
      return base::Status::Validation("Unknown Prices preset: " + value.get<std::string>() +
                                      "; presets: us-east-1, explainer");
    }
    return *preset;
  }
  if (!value.is_object())
    return base::Status::Validation("Prices must be a preset name or an object");
  capacity::Prices prices{"custom", 0, 0, 0, 0, 0};
  const std::pair<const char*, double*> fields[] = {
      {"WriteRequestUnitsPerMillion", &prices.write_request_units_per_million},
      {"ReadRequestUnitsPerMillion", &prices.read_request_units_per_million},
      {"WcuHour", &prices.wcu_hour},
      {"RcuHour", &prices.rcu_hour},
      {"StorageGbMonth", &prices.storage_gb_month}};
  for (const auto& [name, target] : fields) {
    const json& field = Member(value, name);
    if (!field.is_number() || field.get<double>() < 0) {
      return base::Status::Validation(std::string("Prices.") + name +
                                      " must be a non-negative number");
    }
    *target = field.get<double>();
  }
  return prices;
}

namespace {

// A number member between `low` and `high` (inclusive), or the message that says so.
base::Status CheckRange(const json& value, double low, double high, const std::string& message) {
  if (value.is_null()) return base::Status::OK();
  const double number = value.get<double>();
  return number >= low && number <= high ? base::Status::OK() : base::Status::Validation(message);
}

}  // namespace

base::Result<json> Configure(core::EngineState& state, const json& request) {
  // Every member is checked before any setting changes, so a bad value changes nothing.
  const json& throttling = Member(request, "Throttling");
  if (!throttling.is_null() && throttling != "ON" && throttling != "OFF") {
    return base::Status::Validation("Throttling must be ON or OFF");
  }
  for (const char* name : {"Scale", "ReplicationLagSeconds", "Seed", "IndexPropagationSeconds",
                           "TtlDeletionDelaySeconds", "GlobalTableReplicationSeconds"}) {
    if (base::Status s = CheckNumberMember(request, name); !s.ok()) return s;
  }
  const json& lag = Member(request, "ReplicationLagSeconds");
  const json& propagation = Member(request, "IndexPropagationSeconds");
  const json& ttl_delay = Member(request, "TtlDeletionDelaySeconds");
  const json& global_replication = Member(request, "GlobalTableReplicationSeconds");
  const json& split_for_heat = Member(request, "SplitForHeat");
  const json& seed = Member(request, "Seed");
  const json& scale = Member(request, "Scale");
  constexpr double kMaxTtlDelay = 7 * 24 * 3600;
  for (const base::Status& s :
       {CheckRange(lag, 0, 60, "ReplicationLagSeconds must be between 0 and 60"),
        CheckRange(propagation, 0, 60, "IndexPropagationSeconds must be between 0 and 60"),
        CheckRange(global_replication, 0, 3600,
                   "GlobalTableReplicationSeconds must be between 0 and 3600"),
        CheckRange(ttl_delay, 0, kMaxTtlDelay,
                   "TtlDeletionDelaySeconds must be between 0 and 604800"),
        CheckRange(scale, 1, kMaxScale,
                   "Scale must be at least 1 and at most " + json(kMaxScale).dump())}) {
    if (!s.ok()) return s;
  }
  if (!split_for_heat.is_null() && !split_for_heat.is_boolean()) {
    return base::Status::Validation("SplitForHeat must be a boolean");
  }
  const json& prices = Member(request, "Prices");
  std::optional<capacity::Prices> new_prices;
  if (!prices.is_null()) {
    base::Result<capacity::Prices> parsed = ReadPrices(prices);
    if (!parsed.ok()) return parsed.status();
    new_prices = *parsed;
  }

  if (!lag.is_null()) {
    state.replication_lag_seconds = lag.get<double>();
    state.ForEachTable([&state](store::Table& table) {
      table.SetReplicationLag(state.replication_lag_seconds, &state.clock);
    });
  }
  if (!propagation.is_null()) {
    state.index_propagation_seconds = propagation.get<double>();
    state.ForEachTable([&state](store::Table& table) {
      table.SetIndexPropagation(state.index_propagation_seconds, &state.clock);
    });
  }
  if (!ttl_delay.is_null()) state.ttl_deletion_delay_seconds = ttl_delay.get<double>();
  if (!global_replication.is_null()) {
    state.global_tables.replication_seconds = global_replication.get<double>();
  }
  if (!split_for_heat.is_null()) {
    state.split_for_heat = split_for_heat.get<bool>();
    state.ForEachTable(
        [&state](store::Table& table) { table.SetSplitForHeat(state.split_for_heat); });
  }
  if (!throttling.is_null()) {
    state.throttling_enforced = throttling == "ON";
    state.ForEachTable(
        [&state](store::Table& table) { table.SetThrottlingEnforced(state.throttling_enforced); });
  }
  if (!seed.is_null()) state.rng = base::Rng(static_cast<uint64_t>(seed.get<double>()));
  if (new_prices) state.prices = *new_prices;
  if (!scale.is_null()) {
    state.scale = scale.get<double>();
    state.ForEachTable([&state](store::Table& table) {
      table.Repartition(state.scale, state.clock.NowSeconds());
    });
  }
  return json{{"Scale", state.scale},
              {"ReplicationLagSeconds", state.replication_lag_seconds},
              {"SplitForHeat", state.split_for_heat},
              {"Throttling", state.throttling_enforced ? "ON" : "OFF"},
              {"TtlDeletionDelaySeconds", state.ttl_deletion_delay_seconds},
              {"IndexPropagationSeconds", state.index_propagation_seconds},
              {"GlobalTableReplicationSeconds", state.global_tables.replication_seconds},
              {"Prices", PricesJson(state.prices)}};
}

base::Result<json> EstimateCost(core::EngineState& state, const json& request) {
  for (const char* member : {"MonthlyWrites", "MonthlyReads", "StorageGB", "Days"}) {
    if (base::Status s = CheckNumberMember(request, member); !s.ok()) return s;
    const json& value = Member(request, member);
    if (value.is_number() && value.get<double>() < 0) {
      return base::Status::Validation(std::string(member) + " must not be negative");
    }
  }
  capacity::MonthlyWorkload workload;
  workload.writes = Member(request, "MonthlyWrites").is_number() ? Member(request, "MonthlyWrites").get<double>() : 0;
  workload.reads = Member(request, "MonthlyReads").is_number() ? Member(request, "MonthlyReads").get<double>() : 0;
  workload.storage_gb = Member(request, "StorageGB").is_number() ? Member(request, "StorageGB").get<double>() : 0;
  if (Member(request, "Days").is_number()) workload.days = Member(request, "Days").get<double>();
  if (!(workload.days > 0)) return base::Status::Validation("Days must be greater than 0");
  // The class's prices (Standard-IA: dearer requests, cheaper storage).
  const json& table_class = Member(request, "TableClass");
  if (!table_class.is_null() && table_class != "STANDARD" &&
      table_class != "STANDARD_INFREQUENT_ACCESS") {
    return base::Status::Validation("TableClass must be STANDARD or STANDARD_INFREQUENT_ACCESS");
  }
  const bool infrequent = table_class == "STANDARD_INFREQUENT_ACCESS";
  const capacity::Prices prices = capacity::PricesForClass(
      state.prices, infrequent ? capacity::TableClass::kStandardInfrequentAccess
                               : capacity::TableClass::kStandard);
  capacity::CostEstimate estimate = capacity::EstimateMonthlyCost(workload, prices);
  return json{
      {"Prices", PricesJson(prices)},
      {"TableClass", infrequent ? "STANDARD_INFREQUENT_ACCESS" : "STANDARD"},
      {"OnDemand", value::JsonObject({{"Writes", estimate.on_demand_writes},
                                      {"Reads", estimate.on_demand_reads},
                                      {"Storage", estimate.storage},
                                      {"Total", estimate.on_demand_total}})},
      {"Provisioned",
       value::JsonObject({{"AverageWriteCapacityUnits", estimate.average_write_capacity_units},
                          {"AverageReadCapacityUnits", estimate.average_read_capacity_units},
                          {"Writes", estimate.provisioned_writes},
                          {"Reads", estimate.provisioned_reads},
                          {"Storage", estimate.storage},
                          {"Total", estimate.provisioned_total}})}};
}

base::Result<json> GetMetrics(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, {{"TableName", value::WireType::kString}});
      !s.ok())
    return s;
  if (base::Status s = CheckNumberMember(request, "SinceSeconds"); !s.ok()) return s;
  const json& table_name = Member(request, "TableName");
  ValidationErrors errors;
  errors.NotNull(table_name, "tableName");
  errors.ResourceName(table_name, "tableName", 1);
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  const json& since_json = Member(request, "SinceSeconds");
  double since_seconds = since_json.is_null() ? kDefaultSinceSeconds : since_json.get<double>();
  if (!(since_seconds > 0) || since_seconds > capacity::TableMetrics::kWindowSeconds) {
    return base::Status::Validation("SinceSeconds must be greater than 0 and at most " +
                                    std::to_string(capacity::TableMetrics::kWindowSeconds));
  }
  store::Table* table = state.FindTable(table_name.get<std::string>());
  if (table == nullptr) {
    return base::Status::ResourceNotFound(
        "Requested resource not found: Table: " + table_name.get<std::string>() + " not found");
  }
  return MetricsJson(BuildMetricsView(state, *table, since_seconds, /*count_index_entries=*/true));
}

base::Result<json> Reset(core::EngineState& state, const json& request) {
  (void)request;  // takes no members; any are ignored, as the service ignores unknown ones
  // The defaults are a new engine's, read from one rather than repeated here.
  const core::EngineState fresh(state.request_clock.host(), state.options);
  state.tables.clear();
  state.replicas.clear();
  state.global_tables = fresh.global_tables;
  state.streams.clear();
  state.transaction_tokens.clear();
  state.next_stream_sequence = fresh.next_stream_sequence;
  state.tables_created = fresh.tables_created;
  state.backups.clear();
  state.backups_created = fresh.backups_created;
  state.objects = fresh.objects;
  state.exports.clear();
  state.imports.clear();
  state.transfers_started = fresh.transfers_started;
  state.scale = fresh.scale;
  state.replication_lag_seconds = fresh.replication_lag_seconds;
  state.index_propagation_seconds = fresh.index_propagation_seconds;
  state.ttl_deletion_delay_seconds = fresh.ttl_deletion_delay_seconds;
  state.last_ttl_sweep_second = fresh.last_ttl_sweep_second;
  state.split_for_heat = fresh.split_for_heat;
  state.rng = fresh.rng;
  state.prices = fresh.prices;
  // Throttling stays: it is how the playground was started (--no-throttling,
  // createDynamoDB({ throttling: false })), which a test suite resetting between tests keeps.
  state.clock.Reset();
  return json{{"Mode", "REAL"}, {"Now", state.clock.NowSeconds()}};
}

base::Result<json> SetClock(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, {{"Mode", value::WireType::kString}}); !s.ok())
    return s;
  if (base::Status s = CheckNumberMember(request, "Now"); !s.ok()) return s;
  const json& mode = Member(request, "Mode");
  const json& now = Member(request, "Now");
  ValidationErrors errors;
  errors.NotNull(mode, "mode");
  errors.Enum(mode, "mode", "[REAL, VIRTUAL]");
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  if (mode == "REAL") {
    if (!now.is_null()) {
      return base::Status::Validation(
          "Now can only be given with Mode VIRTUAL: real time is the host's");
    }
    state.clock.UseRealTime();
    return ClockState(state);
  }
  double target = now.is_null() ? state.clock.NowSeconds() : now.get<double>();
  // Until the engine holds something that lives on its clock (a table, a stream, an idempotency
  // token), a virtual clock may start at any time, so "start on 1 Jan 2026" works as a first
  // request; from then on time only moves forwards, as buckets, TTL and retention assume.
  const bool holds_nothing =
      state.HoldsNoTables() && state.streams.empty() && state.transaction_tokens.empty();
  if (target < 0) return base::Status::Validation("Now must not be negative");
  if (target < state.clock.NowSeconds() && !holds_nothing) {
    return base::Status::Validation("The clock cannot move backwards: Now " + json(target).dump() +
                                    " is before the engine's time " +
                                    json(state.clock.NowSeconds()).dump());
  }
  if (target > kLatestTime) {
    return base::Status::Validation("Now must be at most " + json(kLatestTime).dump());
  }
  state.clock.UseVirtualTime(target);
  return ClockState(state);
}

base::Result<json> AdvanceClock(core::EngineState& state, const json& request) {
  if (base::Status s = CheckNumberMember(request, "Seconds"); !s.ok()) return s;
  const json& seconds = Member(request, "Seconds");
  if (seconds.is_null()) {
    return base::Status::Validation(
        "1 validation error detected: Value null at 'seconds' failed to satisfy constraint: "
        "Member must not be null");
  }
  double amount = seconds.get<double>();
  if (!(amount > 0) || amount > kMaxAdvanceSeconds) {
    return base::Status::Validation("Seconds must be greater than 0 and at most " +
                                    json(kMaxAdvanceSeconds).dump());
  }
  if (!state.clock.is_virtual()) {
    return base::Status::Validation(
        "The clock is in REAL mode; switch it to VIRTUAL with Playground.SetClock first");
  }
  if (state.clock.NowSeconds() + amount > kLatestTime) {
    return base::Status::Validation("Now must be at most " + json(kLatestTime).dump());
  }
  state.clock.Advance(amount);
  return ClockState(state);
}

}  // namespace ddbpg::api
