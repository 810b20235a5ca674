// EngineState: everything one Engine owns, shared by the operations and their handlers.
#pragma once

#include <cstdio>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/base/clock.h"
#include "engine/base/playground_clock.h"
#include "engine/base/request_clock.h"
#include "engine/base/rng.h"
#include "engine/capacity/prices.h"
#include "engine/core/global_tables.h"
#include "engine/engine.h"
#include "engine/exchange/object_store.h"
#include "engine/exchange/transfer_records.h"
#include "engine/store/table.h"
#include "engine/store/table_backup.h"
#include "engine/value/deep_request.h"

namespace ddbpg::core {

// One completed TransactWriteItems that carried a ClientRequestToken, kept for the 10-minute
// idempotency window (Developer Guide, "Transactions": ClientRequestToken).
struct TransactionToken {
  std::string fingerprint;  // the request as canonical JSON, without the Return* members
  double completed_at = 0;  // seconds on the engine's clock
  // Each action's table and key, in request order: a replay is charged as reading them.
  std::vector<std::pair<std::string, value::PrimaryKey>> targets;
};

struct EngineState {
  EngineState(const base::Clock& host_clock, EngineOptions options_in)
      : request_clock(host_clock),
        clock(request_clock),
        options(std::move(options_in)),
        region(options.region) {}

  // The host's time, held still for each request (and at a journaled time on replay).
  base::RequestClock request_clock;
  // Real time from the host, or virtual time the Playground.* operations drive.
  base::PlaygroundClock clock;
  EngineOptions options;
  using TableMap = std::map<std::string, std::unique_ptr<store::Table>>;
  // The region the current request is served in: options.region, the home region, unless the
  // request named another (a SigV4 credential scope, the JS API's region option).
  std::string region;
  // The tables every region sees (as DynamoDB Local's -sharedDb), which live in the home
  // region; ordered by name, which is the order ListTables returns.
  TableMap tables;
  // Global table replicas outside the home region, by region: a request in a region that
  // holds a replica of a name reaches the replica instead of the shared table.
  std::map<std::string, TableMap> replicas;
  // Changes on their way between the replicas of global tables (core/global_tables.h).
  GlobalTables global_tables;
  // The playground scale (Playground.Configure): divides partition size and throughput limits.
  double scale = 1;
  // How far behind the latest write an eventually consistent read may be (Playground.Configure);
  // 0, the default, keeps every read current so results are predictable.
  double replication_lag_seconds = 0;
  // How long a change takes to reach the global indexes (Playground.Configure
  // "IndexPropagationSeconds"); 0 keeps them in step with the table.
  double index_propagation_seconds = 0;
  // How long after expiry the TTL sweeper deletes an item (Playground.Configure
  // "TtlDeletionDelaySeconds"): short by default so the playground shows it; DynamoDB takes up to
  // a few days.
  double ttl_deletion_delay_seconds = 10;
  // The clock second of the last TTL sweep: the sweeper runs at most once a second.
  long long last_ttl_sweep_second = -1;
  // Whether the background work of the current request changed anything (the journal records
  // it when the request itself did not).
  bool background_changed = false;
  // Whether hot partitions split for heat (Playground.Configure "SplitForHeat"; on, as on AWS).
  bool split_for_heat = true;
  // Whether requests past the capacity are refused (Playground.Configure "Throttling", the CLI's
  // --no-throttling, createDynamoDB({ throttling: false })); when off they are served and the
  // metrics still count them as throttled.
  bool throttling_enforced = true;
  // The engine's randomness (DESIGN.md, "Determinism"): staleness of eventually consistent reads.
  base::Rng rng{1};
  // The price list the cost meter uses (Playground.Configure).
  capacity::Prices prices = *capacity::PricePreset("us-east-1");
  // TransactWriteItems idempotency, by ClientRequestToken.
  std::map<std::string, TransactionToken> transaction_tokens;
  // DynamoDB Streams: every stream still readable (enabled, or disabled less than 24 hours
  // ago), oldest first, and the sequence number the next record gets.
  std::vector<std::unique_ptr<streams::Stream>> streams;
  uint64_t next_stream_sequence = 1;
  // Feeds table ids; deterministic so the same requests give the same responses.
  unsigned long long tables_created = 0;
  // Backups (CreateBackup, and the system backups of tables deleted with point-in-time recovery
  // on), oldest first, which is the order ListBackups answers in.
  std::vector<std::unique_ptr<store::TableBackup>> backups;
  // Feeds the unique part of backup ARNs, deterministically, as tables_created does table ids.
  unsigned long long backups_created = 0;
  // The simulated S3 that exports write to and imports read from.
  exchange::ObjectStore objects;
  // ExportTableToPointInTime and ImportTable jobs, oldest first; and how many were started,
  // which feeds their ids as backups_created does.
  std::vector<exchange::ExportRecord> exports;
  std::vector<exchange::ImportRecord> imports;
  unsigned long long transfers_started = 0;

  // The region of the table a request in this region reaches under `name`: the request's own
  // when it holds a replica of that name, else the home region.
  const std::string& RegionOf(const std::string& name) const {
    auto in_region = replicas.find(region);
    if (in_region != replicas.end() && in_region->second.count(name) != 0) return region;
    return options.region;
  }
  // The tables of `table_region`: the shared ones for the home region, else its replicas.
  TableMap& TablesIn(const std::string& table_region) {
    return table_region == options.region ? tables : replicas[table_region];
  }
  // Every item read or write finds its table here, so a deep request with a value nested too
  // deeply stops at its first lookup (value/deep_request.h) and touches no table.
  store::Table* FindTableIn(const std::string& table_region, const std::string& name) {
    if (value::StopAtTableLookup()) return nullptr;
    TableMap& in_region = TablesIn(table_region);
    auto it = in_region.find(name);
    return it == in_region.end() ? nullptr : it->second.get();
  }
  store::Table* FindTable(const std::string& name) { return FindTableIn(RegionOf(name), name); }
  const store::Table* FindTable(const std::string& name) const {
    if (value::StopAtTableLookup()) return nullptr;
    const TableMap* in_region = &tables;
    if (RegionOf(name) != options.region) in_region = &replicas.at(region);
    auto it = in_region->find(name);
    return it == in_region->end() ? nullptr : it->second.get();
  }
  // Runs `visit(tables)` for the shared tables and then each region's replicas, with `region`
  // set to theirs (so ARNs and new streams name it), then returns to the request's region:
  // background work and settings that apply to every table.
  template <typename Visit>
  void ForEachRegion(Visit visit) {
    const std::string current = region;
    region = options.region;
    visit(tables);
    for (auto& [replica_region, replica_tables] : replicas) {
      region = replica_region;
      visit(replica_tables);
    }
    region = current;
  }
  // Runs `visit(table)` for every table of every region, in ForEachRegion's order.
  template <typename Visit>
  void ForEachTable(Visit visit) {
    ForEachRegion([&visit](TableMap& region_tables) {
      for (auto& [name, table] : region_tables) visit(*table);
    });
  }
  // Whether no region holds a table.
  bool HoldsNoTables() const {
    if (!tables.empty()) return false;
    for (const auto& [replica_region, replica_tables] : replicas) {
      if (!replica_tables.empty()) return false;
    }
    return true;
  }
  // The moment a read sees: now for a strongly consistent read, or for an eventually consistent
  // one a replica up to the replication lag behind, picked by the engine's seeded generator;
  // infinity means "the current items" (Table::VisitAsOf).
  double ReadAsOf(bool consistent) {
    if (consistent || replication_lag_seconds <= 0) return std::numeric_limits<double>::infinity();
    return clock.NowSeconds() - rng.NextDouble() * replication_lag_seconds;
  }
  streams::Stream* FindStream(const std::string& arn) {
    for (const auto& stream : streams) {
      if (stream->arn() == arn) return stream.get();
    }
    return nullptr;
  }
  store::TableBackup* FindBackup(const std::string& arn) {
    for (const auto& backup : backups) {
      if (backup->arn == arn) return backup.get();
    }
    return nullptr;
  }
  // A new table's TableId: UUID-shaped and unique in this engine.
  std::string NewTableId() {
    char id[40];
    std::snprintf(id, sizeof(id), "00000000-0000-4000-8000-%012llx", ++tables_created);
    return id;
  }
  std::string TableArn(const std::string& name) const {
    return "arn:aws:dynamodb:" + RegionOf(name) + ":" + options.account_id + ":table/" + name;
  }
};

}  // namespace ddbpg::core
