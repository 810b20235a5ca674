// Playground.SimulateWorkload: runs a described workload against a table inside the engine, in
// virtual time, through the same handlers real requests use, so capacity, throttling and the
// metrics behind the heat view come out exactly as they would for real traffic.
//
// Request: {"TableName", "DurationSeconds", "RequestsPerSecond",
//           "Operations": {"GetItem": w, "PutItem": w, "Query": w, "Scan": w},
//           "ItemSizeBytes", "ConsistentRead",
//           "KeyDistribution": {"Type": "UNIFORM" | "ZIPF" | "HOT_KEY" | "WEIGHTED",
//                               "KeyCount", "Exponent", "HotKeyShare",
//                               "Keys": [{"Key", "Weight"}]},
//           "Spike": {"StartSecond", "DurationSeconds", "Multiplier"}, "Seed"}
#include <cmath>
#include <string>
#include <vector>

#include "engine/api/handlers.h"
#include "engine/api/request_schema.h"
#include "engine/api/table_settings.h"
#include "engine/base/rng.h"
#include "engine/capacity/cost.h"
#include "engine/sim/key_distribution.h"
#include "engine/value/base64.h"
#include "engine/value/json_object.h"

namespace ddbpg::api {
namespace {

// Bounds that keep one call's work reasonable in a browser tab.
constexpr double kMaxDurationSeconds = 3600;
constexpr double kMaxRequestsPerSecond = 100000;
constexpr double kMaxRequests = 10000000;
constexpr double kMaxItemSizeBytes = 400000;
constexpr double kMaxKeys = 1000000;

enum class SimOperation { kGetItem, kPutItem, kQuery, kScan };

double NumberOr(const json& object, const char* name, double fallback) {
  const json& value = Member(object, name);
  return value.is_number() ? value.get<double>() : fallback;
}

base::Result<sim::KeyDistribution> ReadDistribution(const json& spec) {
  const std::string type = Member(spec, "Type").is_string() ? Member(spec, "Type").get<std::string>()
                                                             : "UNIFORM";
  double key_count = NumberOr(spec, "KeyCount", 1000);
  if (!(key_count >= 1) || key_count > kMaxKeys) {
    return base::Status::Validation("KeyDistribution.KeyCount must be between 1 and 1000000");
  }
  if (type == "UNIFORM") return sim::KeyDistribution::Uniform(size_t(key_count));
  if (type == "ZIPF") {
    double exponent = NumberOr(spec, "Exponent", 1.0);
    if (!(exponent > 0) || exponent > 10) {
      return base::Status::Validation(
          "KeyDistribution.Exponent must be greater than 0 and at most 10");
    }
    return sim::KeyDistribution::Zipf(size_t(key_count), exponent);
  }
  if (type == "HOT_KEY") {
    double share = NumberOr(spec, "HotKeyShare", 0.5);
    if (!(share >= 0 && share <= 1)) {
      return base::Status::Validation("KeyDistribution.HotKeyShare must be between 0 and 1");
    }
    return sim::KeyDistribution::HotKey(size_t(key_count), share);
  }
  if (type == "WEIGHTED") {
    const json& keys = Member(spec, "Keys");
    if (!keys.is_array() || keys.empty() || keys.size() > 10000) {
      return base::Status::Validation(
          "KeyDistribution.Keys must list 1 to 10000 {Key, Weight} entries");
    }
    std::vector<std::string> names;
    std::vector<double> weights;
    for (const json& entry : keys) {
      const json& key = Member(entry, "Key");
      const json& weight = Member(entry, "Weight");
      if (!key.is_string() || key.get<std::string>().empty() || !weight.is_number() ||
          !(weight.get<double>() > 0)) {
        return base::Status::Validation(
            "Each KeyDistribution.Keys entry needs a non-empty Key and a positive Weight");
      }
      names.push_back(key.get<std::string>());
      weights.push_back(weight.get<double>());
    }
    return sim::KeyDistribution::Weighted(std::move(names), std::move(weights));
  }
  return base::Status::Validation(
      "KeyDistribution.Type must be one of UNIFORM, ZIPF, HOT_KEY, WEIGHTED");
}

// The partition key value for key `index`, of the table's declared type.
json KeyValue(const store::Table& table, const sim::KeyDistribution& keys, size_t index) {
  std::string text = keys.names().empty() ? "key-" + std::to_string(index) : keys.names()[index];
  switch (table.KeyAttributeType(table.partition_key_name())) {
    case value::AttributeType::kN:
      return value::JsonObject({{"N", std::to_string(index)}});
    case value::AttributeType::kB:
      return value::JsonObject({{"B", value::Base64Encode(text)}});
    default:
      return value::JsonObject({{"S", text}});
  }
}

json SortKeyValue(const store::Table& table) {
  switch (table.KeyAttributeType(table.sort_key_name())) {
    case value::AttributeType::kN:
      return value::JsonObject({{"N", "0"}});
    case value::AttributeType::kB:
      return value::JsonObject({{"B", "AA=="}});
    default:
      return value::JsonObject({{"S", "item"}});
  }
}

}  // namespace

base::Result<json> SimulateWorkload(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(
          request, {{"TableName", value::WireType::kString},
                    {"Operations", value::WireType::kStructure, "Operations"},
                    {"KeyDistribution", value::WireType::kStructure, "KeyDistribution"},
                    {"Spike", value::WireType::kStructure, "Spike"},
                    {"ConsistentRead", value::WireType::kBoolean}});
      !s.ok()) {
    return s;
  }
  const json& table_name = Member(request, "TableName");
  if (!table_name.is_string()) return base::Status::Validation("TableName is required");
  store::Table* table = state.FindTable(table_name.get<std::string>());
  if (table == nullptr) {
    return base::Status::ResourceNotFound(
        "Requested resource not found: Table: " + table_name.get<std::string>() + " not found");
  }
  if (!state.clock.is_virtual()) {
    return base::Status::Validation(
        "SimulateWorkload runs in virtual time; switch the clock to VIRTUAL with "
        "Playground.SetClock first");
  }
  const double duration = NumberOr(request, "DurationSeconds", 60);
  const double rate = NumberOr(request, "RequestsPerSecond", 100);
  const double item_size = NumberOr(request, "ItemSizeBytes", 1000);
  if (!(duration >= 1) || duration > kMaxDurationSeconds) {
    return base::Status::Validation("DurationSeconds must be between 1 and 3600");
  }
  if (!(rate > 0) || rate > kMaxRequestsPerSecond) {
    return base::Status::Validation("RequestsPerSecond must be greater than 0 and at most 100000");
  }
  if (!(item_size >= 0) || item_size > kMaxItemSizeBytes) {
    return base::Status::Validation("ItemSizeBytes must be between 0 and 400000");
  }
  const json& spike = Member(request, "Spike");
  const double spike_start = NumberOr(spike, "StartSecond", 0);
  const double spike_length = NumberOr(spike, "DurationSeconds", 0);
  const double spike_multiplier = NumberOr(spike, "Multiplier", 1);
  if (!(spike_multiplier >= 1) || spike_multiplier > 100) {
    return base::Status::Validation("Spike.Multiplier must be between 1 and 100");
  }
  if (rate * spike_multiplier * duration > kMaxRequests) {
    return base::Status::Validation("A simulation may send at most 10000000 requests");
  }

  std::vector<std::pair<SimOperation, double>> mix;
  const json& operations = Member(request, "Operations");
  const std::pair<const char*, SimOperation> kinds[] = {{"GetItem", SimOperation::kGetItem},
                                                        {"PutItem", SimOperation::kPutItem},
                                                        {"Query", SimOperation::kQuery},
                                                        {"Scan", SimOperation::kScan}};
  double total_weight = 0;
  for (const auto& [name, kind] : kinds) {
    double weight = operations.is_null() ? (kind == SimOperation::kGetItem ? 1 : 0)
                                         : NumberOr(operations, name, 0);
    if (weight < 0)
      return base::Status::Validation(std::string("Operations.") + name + " must not be negative");
    if (weight > 0) mix.push_back({kind, weight});
    total_weight += weight;
  }
  if (mix.empty())
    return base::Status::Validation("Operations must give at least one positive weight");

  base::Result<sim::KeyDistribution> keys = ReadDistribution(Member(request, "KeyDistribution"));
  if (!keys.ok()) return keys.status();
  base::Rng rng(static_cast<uint64_t>(NumberOr(request, "Seed", 1)));
  const bool consistent = Member(request, "ConsistentRead") == true;

  // Request templates; only the key changes from one request to the next.
  const std::string name = table->name();
  const std::string partition_name = table->partition_key_name();
  json key_template = json::object();
  if (table->has_sort_key()) key_template[table->sort_key_name()] = SortKeyValue(*table);
  json item_template = key_template;
  std::string padding(static_cast<size_t>(item_size), 'x');
  item_template["payload"] = value::JsonObject({{"S", padding}});
  json get = value::JsonObject({{"TableName", name}, {"ConsistentRead", consistent}});
  json put = value::JsonObject({{"TableName", name}});
  json query =
      value::JsonObject({{"TableName", name},
                         {"KeyConditionExpression", "#pk = :pk"},
                         {"ExpressionAttributeNames", value::JsonObject({{"#pk", partition_name}})},
                         {"ConsistentRead", consistent}});
  json scan = value::JsonObject({{"TableName", name}, {"ConsistentRead", consistent}});

  const double start = state.clock.NowSeconds();
  long long requests = 0, throttled = 0, failed = 0;
  double read_units = 0, write_units = 0;
  for (long long second = 0; second < static_cast<long long>(duration); ++second) {
    bool spiking = second >= spike_start && second < spike_start + spike_length;
    long long in_second = static_cast<long long>(std::llround(rate * (spiking ? spike_multiplier : 1)));
    for (long long i = 0; i < in_second; ++i) {
      double at = start + double(second) + double(i) / double(in_second);
      if (at > state.clock.NowSeconds()) state.clock.UseVirtualTime(at);
      double pick = rng.NextDouble() * total_weight;
      SimOperation operation = mix.back().first;
      for (const auto& [kind, weight] : mix) {
        if (pick < weight) {
          operation = kind;
          break;
        }
        pick -= weight;
      }
      json key_value = KeyValue(*table, *keys, keys->Sample(rng));
      // Reads answer with text and report their charge; PutItem answers with a tree. Each
      // request is served as the dispatcher serves one, background work first.
      capacity::CapacityCharge charge;
      const base::Status status = ServeRequest(state, [&]() -> base::Status {
        if (operation == SimOperation::kGetItem) {
          get["Key"] = key_template;
          get["Key"][partition_name] = key_value;
          get["ReturnConsumedCapacity"] = "TOTAL";
          return GetItem(state, get, &charge).status();
        }
        if (operation == SimOperation::kPutItem) {
          put["Item"] = item_template;
          put["Item"][partition_name] = key_value;
          put["ReturnConsumedCapacity"] = "TOTAL";
          base::Result<json> result = PutItem(state, put);
          if (result.ok()) {
            charge.table = (*result)["ConsumedCapacity"]["CapacityUnits"].get<double>();
          }
          return result.status();
        }
        if (operation == SimOperation::kQuery) {
          query["ExpressionAttributeValues"] = value::JsonObject({{":pk", key_value}});
          query["ReturnConsumedCapacity"] = "TOTAL";
          return Query(state, query, &charge).status();
        }
        scan["ReturnConsumedCapacity"] = "TOTAL";
        return Scan(state, scan, &charge).status();
      });
      ++requests;
      if (status.ok()) {
        (operation == SimOperation::kPutItem ? write_units : read_units) += charge.Total();
      } else if (status.type() == base::ErrorType::kProvisionedThroughputExceeded ||
                 status.type() == base::ErrorType::kThrottling) {
        ++throttled;
      } else {
        ++failed;
      }
    }
  }
  state.clock.UseVirtualTime(std::max(state.clock.NowSeconds(), start + duration));

  const store::ProvisionedThroughput& throughput = table->definition().throughput;
  // Priced by the table's class, as GetMetrics prices it.
  const capacity::Prices prices =
      capacity::PricesForClass(state.prices, TableClassOf(table->definition()));
  return json{
      {"TableName", name},
      {"StartTime", start},
      {"EndTime", state.clock.NowSeconds()},
      {"Requests", requests},
      {"Succeeded", requests - throttled - failed},
      {"Throttled", throttled},
      {"Failed", failed},
      {"ConsumedReadCapacityUnits", read_units},
      {"ConsumedWriteCapacityUnits", write_units},
      {"Partitions", table->partitions().size()},
      {"Cost",
       value::JsonObject({{"Prices", state.prices.name},
                          {"OnDemand", capacity::OnDemandCost(read_units, write_units, prices)},
                          {"Provisioned", capacity::ProvisionedCost(
                                              static_cast<double>(throughput.read_capacity_units),
                                              static_cast<double>(throughput.write_capacity_units),
                                              duration, prices)}})}};
}

}  // namespace ddbpg::api
