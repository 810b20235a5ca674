// Playground.Advise: the explainer's four mistakes ("Common mistakes" in what-is-dynamodb.md),
// found in the tables' own traffic from the figures the engine already keeps: a hot partition
// key throttled while its table had capacity to spare, Scans that read far more than they
// returned, items far above 100 KB, and a provisioned table throttled by a spike that on-demand
// would have absorbed.
//
// Request: {} for every table, or {"TableName": "X"} for one.
// Response: {"Findings": [{"Mistake", "TableName", "Evidence", "Message", "Fix", "Tutorial"}]},
// tables in name order, each table's findings in the order above.
//
// Read-only: it walks metrics and items, consumes no capacity and records nothing, so it is
// not journaled (journal_policy.cc).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/api/handlers.h"
#include "engine/api/messages.h"
#include "engine/api/request_schema.h"
#include "engine/api/table_settings.h"
#include "engine/api/validation_errors.h"
#include "engine/capacity/cost.h"
#include "engine/capacity/units.h"
#include "engine/partition/key_hash.h"
#include "engine/value/ddb_json.h"
#include "engine/value/item_size.h"
#include "engine/value/json_object.h"

namespace ddbpg::api {
namespace {

// A throttled key is a hot-key mistake only while the table as a whole used at most half its
// capacity in its busiest second: then the key, not the table's size, is the problem.
constexpr double kSpareCapacityShare = 0.5;
// A provisioned table counts as full (so a throttle is the table's, not one key's) once its
// busiest second consumed 90% of what is provisioned; burst capacity can take it past 100%.
constexpr double kFullTableShare = 0.9;
// A key is reported only when it took at least a quarter of its partition's throttles: the keys
// that merely share a hot key's partition are throttled too, but are not the mistake.
constexpr double kPartitionThrottleShare = 0.25;
// Traffic is a spike when its busiest second asked for at least twice what a quiet second
// (the 10th percentile of the seconds with traffic) did; steady traffic above the provisioned
// units is a table provisioned too low, not the wrong capacity mode.
constexpr double kSpikeOverQuietSecond = 2;
constexpr double kQuietSecondPercentile = 0.1;
// Scans are a mistake once they read at least ten items for every item returned, over at least
// 100 items read: below that a Scan of a small table is a fine way to read it.
constexpr double kScannedPerReturned = 10;
constexpr int64_t kMinItemsScanned = 100;
// The explainer's "items far above 100 KB" (DynamoDB's own limit is 400 KB).
constexpr size_t kLargeItemBytes = 100 * 1024;

// Where each mistake is taught: the tutorial's pages (docs/tutorial/).
constexpr const char* kHotPartitionTutorial = "docs/tutorial/01-hot-partitions.md";
constexpr const char* kQueryVsScanTutorial = "docs/tutorial/02-query-vs-scan.md";
constexpr const char* kLargeItemsTutorial = "docs/tutorial/09-large-items.md";
constexpr const char* kCapacityModesTutorial = "docs/tutorial/05-capacity-modes.md";

// A figure for a sentence: at most 6 significant digits, no trailing zeros.
std::string Figure(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", value);
  return text;
}

// "1 Scan", "2 Scans": a figure and its noun, singular only for exactly one.
std::string Counted(double value, const char* singular, const char* plural) {
  return Figure(value) + " " + (value == 1 ? singular : plural);
}

std::string Dollars(double value) {
  std::string text = "$";
  text += Figure(value);
  return text;
}

json Finding(const char* mistake, const store::Table& table, json evidence, std::string message,
             const char* fix, const char* tutorial) {
  return value::JsonObject({{"Mistake", mistake},
                            {"TableName", table.name()},
                            {"Evidence", std::move(evidence)},
                            {"Message", std::move(message)},
                            {"Fix", fix},
                            {"Tutorial", tutorial}});
}

// The table's traffic in the metrics' window, summed over its partitions.
struct TableTraffic {
  std::vector<capacity::SecondSample> seconds;
  double peak_read_units = 0;
  double peak_write_units = 0;
  double read_units = 0;
  double write_units = 0;
  int64_t throttled_reads = 0;
  int64_t throttled_writes = 0;
  int64_t peak_throttled_reads = 0;  // in one second
  int64_t peak_throttled_writes = 0;
  // What a quiet second asked for (units consumed plus requests throttled), see
  // kQuietSecondPercentile.
  double quiet_read_demand = 0;
  double quiet_write_demand = 0;
  // From the first second with traffic to the last, inclusive; 0 with no traffic.
  int64_t window_seconds = 0;
};

// The demand of a quiet second: the kQuietSecondPercentile of the seconds that had any traffic
// of the kind (reads or writes); 0 with none.
double QuietSecondDemand(const std::vector<capacity::SecondSample>& seconds, bool is_write) {
  std::vector<double> demand;
  for (const capacity::SecondSample& s : seconds) {
    const double units = is_write ? s.write_units : s.read_units;
    const double throttled = static_cast<double>(is_write ? s.throttled_writes : s.throttled_reads);
    if (units + throttled > 0) demand.push_back(units + throttled);
  }
  if (demand.empty()) return 0;
  const size_t at = static_cast<size_t>(kQuietSecondPercentile * static_cast<double>(demand.size() - 1));
  std::nth_element(demand.begin(), demand.begin() + static_cast<std::ptrdiff_t>(at), demand.end());
  return demand[at];
}

TableTraffic TrafficOf(const store::Table& table, double now) {
  TableTraffic traffic;
  traffic.seconds = table.metrics().TableSamples(now - capacity::TableMetrics::kWindowSeconds + 1);
  for (const capacity::SecondSample& s : traffic.seconds) {
    traffic.peak_read_units = std::max(traffic.peak_read_units, s.read_units);
    traffic.peak_write_units = std::max(traffic.peak_write_units, s.write_units);
    traffic.read_units += s.read_units;
    traffic.write_units += s.write_units;
    traffic.throttled_reads += s.throttled_reads;
    traffic.throttled_writes += s.throttled_writes;
    traffic.peak_throttled_reads = std::max(traffic.peak_throttled_reads, s.throttled_reads);
    traffic.peak_throttled_writes = std::max(traffic.peak_throttled_writes, s.throttled_writes);
  }
  if (!traffic.seconds.empty()) {
    traffic.window_seconds = traffic.seconds.back().second - traffic.seconds.front().second + 1;
  }
  traffic.quiet_read_demand = QuietSecondDemand(traffic.seconds, /*is_write=*/false);
  traffic.quiet_write_demand = QuietSecondDemand(traffic.seconds, /*is_write=*/true);
  return traffic;
}

const char* UnitName(bool is_write) { return is_write ? "WCU" : "RCU"; }

// What the table can serve in a second: provisioned, its provisioned units; on demand, what its
// partitions serve together.
double TableCapacityPerSecond(const store::Table& table, bool is_write) {
  if (table.definition().billing_mode == store::BillingMode::kProvisioned) {
    const store::ProvisionedThroughput& t = table.definition().throughput;
    return static_cast<double>(is_write ? t.write_capacity_units : t.read_capacity_units);
  }
  const partition::PartitionLimits limits = partition::PartitionLimitsAtScale(table.scale());
  return static_cast<double>(table.partitions().size()) *
         (is_write ? limits.write_units_per_second : limits.read_units_per_second);
}

// The partition that holds a tracked key now, or nullptr when the key cannot be decoded.
const partition::Partition* PartitionOfKey(const store::Table& table, const std::string& tracked) {
  base::Result<value::AttributeValue> value = value::DecodeAttributeValue(TrackedKeyJson(tracked));
  if (!value.ok()) return nullptr;
  const partition::PartitionMap& map = table.partitions();
  return &map.partitions()[map.IndexOf(partition::PartitionKeyHash(*value))];
}

// The value of a key in DynamoDB JSON ({"S":"US"} gives US), for a sentence.
std::string KeyText(const json& key) {
  const json& value = key.begin().value();
  return value.is_string() ? value.get<std::string>() : value.dump();
}

// 1. A partition key throttled while the table had capacity to spare. Key counts are the
// table's since it was created (as GetMetrics' HotKeys); the table must also have been
// throttled within the window, so an old incident is not reported forever.
void AdviseHotPartitionKeys(const store::Table& table, const TableTraffic& traffic, double now,
                            json& findings) {
  const double since = now - capacity::TableMetrics::kWindowSeconds + 1;
  const partition::PartitionLimits limits = partition::PartitionLimitsAtScale(table.scale());
  std::vector<capacity::KeyTraffic> throttled;
  for (const capacity::KeyTraffic& key :
       table.metrics().TopKeys(capacity::TableMetrics::kTrackedKeys)) {
    if (key.throttles > 0) throttled.push_back(key);
  }
  std::stable_sort(throttled.begin(), throttled.end(),
                   [](const capacity::KeyTraffic& a, const capacity::KeyTraffic& b) {
                     return a.throttles > b.throttles;
                   });
  std::map<uint64_t, int64_t> partition_throttles;  // among the tracked keys
  for (const capacity::KeyTraffic& key : throttled) {
    if (const partition::Partition* partition = PartitionOfKey(table, key.key)) {
      partition_throttles[partition->id] += key.throttles;
    }
  }
  const double window = static_cast<double>(std::max<int64_t>(traffic.window_seconds, 1));
  constexpr size_t kMaxKeysReported = 3;
  size_t reported = 0;
  for (const capacity::KeyTraffic& key : throttled) {
    if (reported == kMaxKeysReported) break;
    const bool is_write = key.writes >= key.reads;
    const int64_t table_throttles = is_write ? traffic.throttled_writes : traffic.throttled_reads;
    const double table_peak = is_write ? traffic.peak_write_units : traffic.peak_read_units;
    const double table_capacity = TableCapacityPerSecond(table, is_write);
    const partition::Partition* partition = PartitionOfKey(table, key.key);
    if (table_throttles == 0 || !(table_capacity > 0) || partition == nullptr ||
        static_cast<double>(key.throttles) <
            kPartitionThrottleShare * static_cast<double>(partition_throttles[partition->id])) {
      continue;
    }
    const double partition_limit =
        is_write ? limits.write_units_per_second : limits.read_units_per_second;
    // What the key alone asked for a second on average, at least: a write is a unit or more,
    // a read half a unit or more (eventually consistent, up to 4 KB).
    const double key_demand =
        (is_write ? static_cast<double>(key.writes) : 0.5 * static_cast<double>(key.reads)) / window;
    const bool table_had_spare = table_peak <= kSpareCapacityShare * table_capacity;
    const bool key_exceeds_partition = key_demand >= partition_limit;
    if (!table_had_spare && !key_exceeds_partition) continue;
    double partition_peak = 0;
    for (const capacity::SecondSample& s : table.metrics().Samples(partition->id, since)) {
      partition_peak = std::max(partition_peak, is_write ? s.write_units : s.read_units);
    }
    const json key_json = TrackedKeyJson(key.key);
    const char* unit = UnitName(is_write);
    json evidence = value::JsonObject(
        {{"Key", key_json},
         {"Reads", key.reads},
         {"Writes", key.writes},
         {"Throttles", key.throttles},
         {"CapacityUnit", unit},
         {"Partition", value::JsonObject({{"PartitionId", partition->id},
                                          {"PeakConsumedUnitsPerSecond", partition_peak},
                                          {"LimitUnitsPerSecond", partition_limit}})},
         {"Table", value::JsonObject({{"BillingMode", table.definition().billing_mode ==
                                                              store::BillingMode::kProvisioned
                                                          ? "PROVISIONED"
                                                          : "PAY_PER_REQUEST"},
                                      {"PeakConsumedUnitsPerSecond", table_peak},
                                      {"CapacityUnitsPerSecond", table_capacity}})},
         {"KeyUnitsPerSecondAtLeast", key_demand},
         {"WindowSeconds", capacity::TableMetrics::kWindowSeconds}});
    std::string message = "Partition key \"" + KeyText(key_json) + "\" was throttled " +
                          Counted(static_cast<double>(key.throttles), "time", "times");
    if (table_had_spare) {
      message += " while table " + table.name() + " used at most " + Figure(table_peak) +
                 " of its " + Figure(table_capacity) + " " + unit + " a second.";
    } else {
      message += ": on its own it asked for " + Figure(key_demand) + " " + unit +
                 " a second or more, and no capacity mode or table size gives one key more "
                 "than one partition.";
    }
    message += " Its partition peaked at " + Figure(partition_peak) + " of the " +
               Figure(partition_limit) + " " + unit + " one partition serves.";
    findings.push_back(Finding(
        "HOT_PARTITION_KEY", table, std::move(evidence), std::move(message),
        "Choose a partition key with many distinct values (user_id rather than country), or add a "
        "suffix to this key so its traffic spreads over several partitions.",
        kHotPartitionTutorial));
    ++reported;
  }
}

// 2. Scans that read far more items than they returned (counted since the table was created
// or the engine opened: ScanTraffic is not persisted).
void AdviseScans(const store::Table& table, json& findings) {
  const capacity::ScanTraffic& scans = table.metrics().scans();
  if (scans.items_scanned < kMinItemsScanned ||
      static_cast<double>(scans.items_scanned) <
          kScannedPerReturned * static_cast<double>(scans.items_returned)) {
    return;
  }
  json evidence = value::JsonObject({{"Scans", scans.scans},
                                     {"ScannedCount", scans.items_scanned},
                                     {"Count", scans.items_returned},
                                     {"ConsumedReadCapacityUnits", scans.read_units}});
  std::string message = Counted(static_cast<double>(scans.scans), "Scan", "Scans") +
                        " of table " + table.name() + " read " +
                        Figure(static_cast<double>(scans.items_scanned)) + " items and returned " +
                        Figure(static_cast<double>(scans.items_returned)) + ", consuming " +
                        Counted(scans.read_units, "read unit", "read units") +
                        " mostly on items that were thrown away.";
  findings.push_back(Finding(
      "SCAN_INSTEAD_OF_QUERY", table, std::move(evidence), std::move(message),
      "Query by partition key, or add a global secondary index keyed on the attribute you filter "
      "on and Query it, so only the items you need are read.",
      kQueryVsScanTutorial));
}

// 3. Items far above 100 KB: walks the items, which costs no capacity.
void AdviseLargeItems(const store::Table& table, json& findings) {
  long long count = 0;
  size_t largest = 0;
  const value::Item* largest_item = nullptr;
  for (const auto& [key, item] : table.items()) {
    const size_t size = value::ItemSize(item);
    if (size <= kLargeItemBytes) continue;
    ++count;
    if (size > largest) {
      largest = size;
      largest_item = &item;
    }
  }
  if (count == 0) return;
  value::Item key;
  key[table.partition_key_name()] = largest_item->at(table.partition_key_name());
  if (table.has_sort_key()) key[table.sort_key_name()] = largest_item->at(table.sort_key_name());
  const double read_units = capacity::ReadUnits(largest, /*strongly_consistent=*/true);
  const double write_units = capacity::WriteUnits(largest);
  json evidence = value::JsonObject({{"ItemCount", count},
                                     {"LargestItemBytes", largest},
                                     {"LargestItemKey", value::EncodeItem(key)},
                                     {"ThresholdBytes", kLargeItemBytes},
                                     {"ReadUnitsPerStronglyConsistentRead", read_units},
                                     {"WriteUnitsPerWrite", write_units}});
  std::string message = Figure(static_cast<double>(count)) + (count == 1 ? " item" : " items") +
                        " of table " + table.name() + (count == 1 ? " is" : " are") +
                        " over 100 KB; the largest is " + Figure(static_cast<double>(largest)) +
                        " bytes, so each write of it costs " + Figure(write_units) +
                        " WCU and each strongly consistent read " + Figure(read_units) + " RCU.";
  findings.push_back(Finding(
      "LARGE_ITEMS", table, std::move(evidence), std::move(message),
      "Store large attributes in S3 and keep the object's key in the item, or split the item into "
      "several items under the same partition key.",
      kLargeItemsTutorial));
}

// 4. A provisioned table throttled at its own capacity by a spike that on-demand would have
// served: on-demand serves twice its previous peak at once, at least 4 partitions' worth (a new
// on-demand table's 4,000 WCU or 12,000 RCU), and a table switched from provisioned starts from
// its provisioned units as the previous peak (Developer Guide, "On-demand capacity mode").
void AdviseProvisionedSpike(const core::EngineState& state, const store::Table& table,
                            const TableTraffic& traffic, json& findings) {
  if (table.definition().billing_mode != store::BillingMode::kProvisioned) return;
  const partition::PartitionLimits limits = partition::PartitionLimitsAtScale(table.scale());
  for (bool is_write : {true, false}) {
    const int64_t throttled = is_write ? traffic.throttled_writes : traffic.throttled_reads;
    const int64_t peak_throttled =
        is_write ? traffic.peak_throttled_writes : traffic.peak_throttled_reads;
    const double peak = is_write ? traffic.peak_write_units : traffic.peak_read_units;
    const double provisioned = TableCapacityPerSecond(table, is_write);
    const double on_demand_at_once =
        std::max(4 * (is_write ? limits.write_units_per_second : limits.read_units_per_second),
                 2 * provisioned);
    // Each throttled request asked for at least one unit (a write, or a strongly consistent
    // read, of up to 1 or 4 KB); the peak second's demand is at least this.
    const double peak_demand = peak + static_cast<double>(peak_throttled);
    const double quiet_demand = is_write ? traffic.quiet_write_demand : traffic.quiet_read_demand;
    if (throttled == 0 || peak < kFullTableShare * provisioned || peak_demand > on_demand_at_once ||
        peak_demand < kSpikeOverQuietSecond * quiet_demand) {
      continue;
    }
    const store::ProvisionedThroughput& t = table.definition().throughput;
    const double window = static_cast<double>(traffic.window_seconds);
    const capacity::Prices prices =
        capacity::PricesForClass(state.prices, TableClassOf(table.definition()));
    const double provisioned_cost =
        capacity::ProvisionedCost(static_cast<double>(t.read_capacity_units),
                                  static_cast<double>(t.write_capacity_units), window, prices);
    // On demand the throttled requests would have been served too, at a unit each at least.
    const double on_demand_cost = capacity::OnDemandCost(
        traffic.read_units + (is_write ? 0 : static_cast<double>(throttled)),
        traffic.write_units + (is_write ? static_cast<double>(throttled) : 0), prices);
    const char* unit = UnitName(is_write);
    json evidence =
        value::JsonObject({{"CapacityUnit", unit},
                           {"ThrottledRequests", throttled},
                           {"PeakThrottledRequestsPerSecond", peak_throttled},
                           {"PeakConsumedUnitsPerSecond", peak},
                           {"ProvisionedUnitsPerSecond", provisioned},
                           {"QuietSecondDemandUnits", quiet_demand},
                           {"OnDemandUnitsPerSecondAtOnce", on_demand_at_once},
                           {"WindowSeconds", traffic.window_seconds},
                           {"Cost", value::JsonObject({{"Prices", state.prices.name},
                                                       {"Provisioned", provisioned_cost},
                                                       {"OnDemand", on_demand_cost}})}});
    std::string message =
        "Table " + table.name() + ", provisioned at " + Figure(provisioned) + " " + unit +
        ", throttled " + Figure(static_cast<double>(throttled)) + (is_write ? " writes" : " reads") +
        " in a spike that peaked at " + Figure(peak) + " " + unit + " a second (burst included); on-demand "
        "would have served up to " + Figure(on_demand_at_once) + " at once. Over the " +
        Figure(window) + " seconds of traffic, provisioned capacity cost " +
        Dollars(provisioned_cost) + " and on-demand would have cost " + Dollars(on_demand_cost) +
        ".";
    findings.push_back(Finding(
        "PROVISIONED_SPIKE", table, std::move(evidence), std::move(message),
        "Switch the table to on-demand (BillingMode PAY_PER_REQUEST) for spiky traffic, or "
        "provision for the peak with auto scaling ahead of it.",
        kCapacityModesTutorial));
  }
}

void AdviseTable(const core::EngineState& state, const store::Table& table, json& findings) {
  const double now = state.clock.NowSeconds();
  const TableTraffic traffic = TrafficOf(table, now);
  AdviseHotPartitionKeys(table, traffic, now, findings);
  AdviseScans(table, findings);
  AdviseLargeItems(table, findings);
  AdviseProvisionedSpike(state, table, traffic, findings);
}

}  // namespace

base::Result<json> Advise(core::EngineState& state, const json& request) {
  const json& table_name = Member(request, "TableName");
  if (!table_name.is_null() && !table_name.is_string()) {
    return base::Status::Validation("TableName must be a string");
  }
  json findings = json::array();
  if (table_name.is_null()) {
    for (const auto& [name, table] : state.tables) AdviseTable(state, *table, findings);
    return json{{"Findings", std::move(findings)}};
  }
  ValidationErrors errors;
  errors.ResourceName(table_name, "tableName", 1);
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  const store::Table* table = state.FindTable(table_name.get<std::string>());
  if (table == nullptr) {
    return base::Status::ResourceNotFound(TableNotFoundMessage(table_name.get<std::string>()));
  }
  AdviseTable(state, *table, findings);
  return json{{"Findings", std::move(findings)}};
}

}  // namespace ddbpg::api
