// The playground's own operations, under the target prefix "Playground." so they never collide
// with DynamoDB's and clients that speak only DynamoDB never see them (DESIGN.md, "Extensions
// beyond the DynamoDB API").
#include "engine/api/handlers.h"
#include "engine/api/request_schema.h"
#include "engine/api/validation_errors.h"

namespace ddbpg {
namespace {

// Virtual time may be set anywhere from the epoch to the year 9999.
constexpr double kLatestTime = 253402300799.0;
// One call may move the virtual clock at most a year, which bounds the work a later
// simulation does per call.
constexpr double kMaxAdvanceSeconds = 366.0 * 24 * 3600;

json ClockState(const EngineState& state) {
  return {{"Mode", state.clock.is_virtual() ? "VIRTUAL" : "REAL"},
          {"Now", state.clock.NowSeconds()}};
}

Status CheckNumberMember(const json& request, const char* name) {
  const json& value = Member(request, name);
  if (value.is_null() || value.is_number()) return Status::OK();
  return CheckWireType(value, WireType::kLong);
}

// The largest scale: DynamoDB's 10 GB partition becomes 10 KB, its 1,000 WCU one per second.
constexpr double kMaxScale = 1000000;

// GetMetrics looks back at most the metrics window.
constexpr double kDefaultSinceSeconds = 60;

json PartitionJson(const Table& table, size_t index, double since) {
  const Partition& partition = table.partitions().partitions()[index];
  const Table::PartitionStats& stats = table.partition_stats(index);
  json seconds = json::array();
  for (const SecondSample& sample : table.metrics().Samples(partition.id, since)) {
    seconds.push_back({{"Time", sample.second},
                       {"ConsumedReadCapacityUnits", sample.read_units},
                       {"ConsumedWriteCapacityUnits", sample.write_units},
                       {"ThrottledReads", sample.throttled_reads},
                       {"ThrottledWrites", sample.throttled_writes}});
  }
  // Hash bounds travel as decimal strings: JavaScript numbers cannot hold 64 bits exactly.
  return {{"PartitionId", partition.id},
          {"HashRange",
           {{"Start", std::to_string(partition.hash_start)},
            {"End", std::to_string(partition.hash_end)}}},
          {"ItemCount", stats.item_count},
          {"SizeBytes", stats.size_bytes},
          {"Seconds", seconds}};
}

}  // namespace

Result<json> Configure(EngineState& state, const json& request) {
  if (Status s = CheckNumberMember(request, "Scale"); !s.ok()) return s;
  const json& scale = Member(request, "Scale");
  if (!scale.is_null()) {
    double value = scale.get<double>();
    if (!(value >= 1) || value > kMaxScale) {
      return Status::Validation("Scale must be at least 1 and at most " + json(kMaxScale).dump());
    }
    state.scale = value;
    for (auto& [name, table] : state.tables) {
      table->Repartition(state.scale, state.clock.NowSeconds());
    }
  }
  return json{{"Scale", state.scale}};
}

Result<json> GetMetrics(EngineState& state, const json& request) {
  if (Status s = CheckRequestShape(request, {{"TableName", WireType::kString}}); !s.ok()) return s;
  if (Status s = CheckNumberMember(request, "SinceSeconds"); !s.ok()) return s;
  const json& table_name = Member(request, "TableName");
  ValidationErrors errors;
  errors.NotNull(table_name, "tableName");
  errors.ResourceName(table_name, "tableName", 1);
  if (Status s = errors.ToStatus(); !s.ok()) return s;
  const json& since_json = Member(request, "SinceSeconds");
  double since_seconds = since_json.is_null() ? kDefaultSinceSeconds : since_json.get<double>();
  if (!(since_seconds > 0) || since_seconds > TableMetrics::kWindowSeconds) {
    return Status::Validation("SinceSeconds must be greater than 0 and at most " +
                              std::to_string(TableMetrics::kWindowSeconds));
  }
  Table* table = state.FindTable(table_name.get<std::string>());
  if (table == nullptr) {
    return Status::ResourceNotFound("Requested resource not found: Table: " +
                                    table_name.get<std::string>() + " not found");
  }
  const double now = state.clock.NowSeconds();
  json partitions = json::array();
  for (size_t i = 0; i < table->partitions().size(); ++i) {
    partitions.push_back(PartitionJson(*table, i, now - since_seconds + 1));
  }
  json hot_keys = json::array();
  for (const KeyTraffic& traffic : table->metrics().TopKeys(10)) {
    hot_keys.push_back({{"Key", json::parse(traffic.key)},
                        {"Reads", traffic.reads},
                        {"Writes", traffic.writes},
                        {"Throttles", traffic.throttles}});
  }
  return json{{"TableName", table->name()}, {"Scale", state.scale}, {"Now", now},
              {"Partitions", partitions}, {"HotKeys", hot_keys}};
}

Result<json> SetClock(EngineState& state, const json& request) {
  if (Status s = CheckRequestShape(request, {{"Mode", WireType::kString}}); !s.ok()) return s;
  if (Status s = CheckNumberMember(request, "Now"); !s.ok()) return s;
  const json& mode = Member(request, "Mode");
  const json& now = Member(request, "Now");
  ValidationErrors errors;
  errors.NotNull(mode, "mode");
  errors.Enum(mode, "mode", "[REAL, VIRTUAL]");
  if (Status s = errors.ToStatus(); !s.ok()) return s;
  if (mode == "REAL") {
    if (!now.is_null()) {
      return Status::Validation("Now can only be given with Mode VIRTUAL: real time is the host's");
    }
    state.clock.UseRealTime();
    return ClockState(state);
  }
  double target = now.is_null() ? state.clock.NowSeconds() : now.get<double>();
  if (target < state.clock.NowSeconds()) {
    return Status::Validation("The clock cannot move backwards: Now " + json(target).dump() +
                              " is before the engine's time " +
                              json(state.clock.NowSeconds()).dump());
  }
  if (target > kLatestTime) {
    return Status::Validation("Now must be at most " + json(kLatestTime).dump());
  }
  state.clock.UseVirtualTime(target);
  return ClockState(state);
}

Result<json> AdvanceClock(EngineState& state, const json& request) {
  if (Status s = CheckNumberMember(request, "Seconds"); !s.ok()) return s;
  const json& seconds = Member(request, "Seconds");
  if (seconds.is_null()) {
    return Status::Validation(
        "1 validation error detected: Value null at 'seconds' failed to satisfy constraint: "
        "Member must not be null");
  }
  double amount = seconds.get<double>();
  if (!(amount > 0) || amount > kMaxAdvanceSeconds) {
    return Status::Validation("Seconds must be greater than 0 and at most " +
                              json(kMaxAdvanceSeconds).dump());
  }
  if (!state.clock.is_virtual()) {
    return Status::Validation(
        "The clock is in REAL mode; switch it to VIRTUAL with Playground.SetClock first");
  }
  if (state.clock.NowSeconds() + amount > kLatestTime) {
    return Status::Validation("Now must be at most " + json(kLatestTime).dump());
  }
  state.clock.Advance(amount);
  return ClockState(state);
}

}  // namespace ddbpg
