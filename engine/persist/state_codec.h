// StateCodec: every member of the engine's stateful parts as JSON and back, for the snapshot
// (docs/formats/snapshot.md). The classes name it a friend, so the members stay private and the
// codec is the one place that knows what a snapshot holds of each.
//
// The JSON is logical: members are named, items are DynamoDB JSON, and what can be derived
// (index entries, partition statistics, sizes) is rebuilt on load rather than stored, so a
// change of internals does not break an old file. A member an old file lacks keeps its default.
// Load throws std::exception on anything it cannot read; the caller discards what it built. Save
// throws on state a snapshot cannot hold (a number that is not finite).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/base/playground_clock.h"
#include "engine/base/rng.h"
#include "engine/store/table.h"
#include "engine/store/table_backup.h"
#include "engine/streams/stream.h"

namespace ddbpg::persist {

class StateCodec {
 public:
  using json = nlohmann::json;

  // A double of the state, which must be finite (throws otherwise), and back.
  static json Number(double value);
  static double ToDouble(const json& value);

  static json Save(const base::PlaygroundClock& clock);
  static void Load(const json& saved, base::PlaygroundClock& clock);
  static json Save(const base::Rng& rng);
  static void Load(const json& saved, base::Rng& rng);

  static json SaveKey(const value::PrimaryKey& key);
  static value::PrimaryKey LoadKey(const json& saved);
  // An item, or null for none.
  static json SaveOptionalItem(const std::optional<value::Item>& item);
  static std::optional<value::Item> LoadOptionalItem(const json& saved);

  // A table without its items, which the snapshot writes in chunks: LoadTable makes the table
  // and its indexes, LoadItems adds items, then FinishLoad loads the rest (long lists may have
  // been continued in later sections) and rebuilds what is derived from the items.
  static json Save(const store::Table& table);
  static std::unique_ptr<store::Table> LoadTable(const json& saved);
  static void LoadItems(const json& items, store::Table& table);
  // `clock` is the engine's, which the table reads for replication lag and index propagation.
  static void FinishLoad(const json& saved, const base::Clock* clock, store::Table& table);

  // A backup without its items, which the snapshot writes in chunks (LoadItem reads each).
  static json Save(const store::TableBackup& backup);
  static std::unique_ptr<store::TableBackup> LoadBackup(const json& saved);
  static void LoadBackupItems(const json& items, store::TableBackup& backup);

  // A stream without its records, which SaveRecords writes in chunks (by shard).
  static json Save(const streams::Stream& stream);
  static std::unique_ptr<streams::Stream> LoadStream(const json& saved, uint64_t* next_sequence);
  static json SaveRecord(const streams::StreamRecord& record);
  static void LoadRecords(const json& records, streams::Stream& stream, size_t shard);

 private:
  static json Save(const store::TableDefinition& definition);
  static store::TableDefinition LoadDefinition(const json& saved);
  static json Save(const index::IndexDefinition& definition);
  static index::IndexDefinition LoadIndexDefinition(const json& saved);
  static json Save(const capacity::TokenBucket& bucket);
  static void Load(const json& saved, capacity::TokenBucket& bucket);
  static json Save(const capacity::TableCapacity& capacity);
  static void Load(const json& saved, capacity::TableCapacity& capacity);
  static json Save(const partition::PartitionMap& partitions);
  static void Load(const json& saved, partition::PartitionMap& partitions);
  static json Save(const capacity::TableMetrics& metrics);
  static void Load(const json& saved, capacity::TableMetrics& metrics);
  static json Save(const store::HeatSplitter& splitter);
  static void Load(const json& saved, store::HeatSplitter& splitter);
  static json Save(const capacity::PartitionedCapacity& capacity);
  static void Load(const json& saved, capacity::PartitionedCapacity& capacity);
  static json Save(const index::SecondaryIndex& index);
  static void Load(const json& saved, index::SecondaryIndex& index);
  static json Save(const store::PointInTimeHistory& history);
  static void Load(const json& saved, store::PointInTimeHistory& history);
};

}  // namespace ddbpg::persist
