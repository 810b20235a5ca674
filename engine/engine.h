// The engine's public surface: one DynamoDB instance answering DynamoDB JSON requests.
//
// Every front (the wasm bindings, the native tests and benchmarks) talks to the engine through
// Engine::Handle and nothing else, so a request behaves the same from the page, from node and
// from a real DynamoDB client pointed at the local endpoint.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/clock.h"

namespace ddbpg {

struct EngineOptions {
  std::string region = "us-east-1";
  // DynamoDB Local and most emulators use this account id in ARNs.
  std::string account_id = "000000000000";
};

// An HTTP status and a JSON body: a result object, or an error object with `__type`.
struct Response {
  int status = 200;
  std::string body;
};

// A read-only picture of one table's partitions and traffic, which the page's heat view reads
// straight from memory every frame (no JSON in between).
struct HeatSecond {
  long long second = 0;  // whole seconds since the epoch on the engine's clock
  double read_units = 0;
  double write_units = 0;
  long long throttled_reads = 0;
  long long throttled_writes = 0;
};
struct HeatPartition {
  std::string index;  // the global secondary index it belongs to; empty for the table's own
  unsigned long long id = 0;
  unsigned long long hash_start = 0;
  unsigned long long hash_end = 0;
  long long item_count = 0;
  long long size_bytes = 0;
  std::vector<HeatSecond> seconds;  // oldest first, only seconds with traffic
};
struct HeatKey {
  std::string key;  // "<type>:<value>", e.g. "S:US"
  long long reads = 0;
  long long writes = 0;
  long long throttles = 0;
};
struct HeatSnapshot {
  std::string table;
  double scale = 1;
  double now = 0;
  double read_limit = 0;   // per partition per second, at the scale
  double write_limit = 0;
  double size_limit = 0;   // bytes a partition holds, at the scale
  double on_demand_cost = 0;    // dollars for the window's consumed units
  double provisioned_cost = 0;  // dollars for the provisioned units held over the window
  double storage_per_month = 0;  // dollars a month for the table's bytes
  std::string prices;
  // False with Playground.Configure {"Throttling": "OFF"}: the throttles shown are requests
  // that would have been refused but were served.
  bool throttling_enforced = true;
  std::vector<HeatPartition> partitions;
  std::vector<HeatKey> hot_keys;
};

// What Engine::Restore made of a journal.
struct RestoreReport {
  // False when the bytes are not a journal this version reads (another file, a newer format)
  // or the engine was not empty: nothing was restored, and the bytes must be kept as they are.
  bool readable = true;
  size_t records = 0;      // commands replayed
  size_t valid_bytes = 0;  // the journal's bytes that were read; appends continue from here
  std::string damage;      // empty, or what could not be read (a torn tail, a bad checksum)
  // Replayed requests that did not succeed as they did first (a bug of ours; never expected).
  size_t diverged = 0;
  std::string first_divergence;
};

// What Engine::RestoreSnapshot made of a snapshot.
struct SnapshotReport {
  std::string error;  // empty when the snapshot was restored; otherwise nothing changed
  size_t tables = 0;
  size_t items = 0;
};

namespace core {
struct EngineState;
}  // namespace core

class Engine {
 public:
  // `clock` must outlive the engine; the engine reads time from it and nowhere else.
  explicit Engine(const base::Clock& clock, EngineOptions options = {});
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Answers one request. `target` is the X-Amz-Target value, e.g.
  // "DynamoDB_20120810.PutItem"; `body` is the request's JSON text. Never throws: every failure
  // is a DynamoDB error response, and a failed request changes nothing.
  Response Handle(std::string_view target, std::string_view body);
  // The same, served in `region` (a SigV4 credential scope's, or the JS API's region option):
  // a global table's replica in that region answers for its name; every other table is seen
  // from every region. An empty region is the home region (EngineOptions::region).
  Response Handle(std::string_view target, std::string_view body, std::string_view region);

  // Persistence (engine/persist/journal_format.h). While journaling is on, every request that
  // changes state appends a record to a buffer that TakeJournal() empties; the front stores the
  // records before it acknowledges the request.
  void SetJournaling(bool on);
  std::string TakeJournal();
  // The bytes a new journal starts with.
  static std::string JournalHeader();
  // Whether `target` never changes state (a read, describe or list): what a read-only copy of a
  // playground may still serve.
  static bool IsReadOnly(std::string_view target);
  // Replays a journal into this engine, which must not have served a request (it may hold a
  // restored snapshot, which the journal continues): every record that can be read, each at the
  // time it was first served, with capacity never refusing one.
  RestoreReport Restore(std::string_view journal);
  // The whole playground at this moment (engine/persist/snapshot_format.h): an engine restored
  // from it answers every request as this one would. Empty, with the reason in `error`, when
  // the state cannot be written as one (a snapshot that could not be read back is never made).
  std::string SaveSnapshot(std::string* error = nullptr) const;
  // Takes a snapshot's state into this engine, which must be empty: all of it, or (with the
  // reason in the report) nothing. A journal written after the snapshot is restored on top.
  SnapshotReport RestoreSnapshot(std::string_view snapshot);

  // The tables' names, in ListTables order.
  std::vector<std::string> TableNames() const;
  // Fills `out` with `table`'s partitions and the last `window_seconds` of traffic; false when
  // there is no such table.
  bool Snapshot(const std::string& table, double window_seconds, HeatSnapshot* out) const;

 private:
  // Serves one request with the clock held at `time`.
  Response Serve(std::string_view target, std::string_view body, double time,
                 std::string_view region);
  void Journal(std::string_view target, std::string_view body, std::string_view region,
               const Response& response, double time);

  std::unique_ptr<core::EngineState> state_;
  bool journaling_ = false;
  // Whether Handle has answered a request: a journal or snapshot restores only before.
  bool served_ = false;
  std::string journal_;
};

}  // namespace ddbpg
