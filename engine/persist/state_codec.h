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

namespace ddbpg {

class StateCodec {
 public:
  using json = nlohmann::json;

  // A double of the state, which must be finite (throws otherwise), and back.
  static json Number(double value);
  static double ToDouble(const json& value);

  static json Save(const PlaygroundClock& clock);
  static void Load(const json& saved, PlaygroundClock& clock);
  static json Save(const Rng& rng);
  static void Load(const json& saved, Rng& rng);

  static json SaveKey(const PrimaryKey& key);
  static PrimaryKey LoadKey(const json& saved);

  // A table without its items, which the snapshot writes in chunks: LoadTable makes the table
  // and its indexes, LoadItems adds items, then FinishLoad loads the rest (long lists may have
  // been continued in later sections) and rebuilds what is derived from the items.
  static json Save(const Table& table);
  static std::unique_ptr<Table> LoadTable(const json& saved);
  static void LoadItems(const json& items, Table& table);
  // `clock` is the engine's, which the table reads for replication lag and index propagation.
  static void FinishLoad(const json& saved, const Clock* clock, Table& table);

  // A backup without its items, which the snapshot writes in chunks (LoadItem reads each).
  static json Save(const TableBackup& backup);
  static std::unique_ptr<TableBackup> LoadBackup(const json& saved);
  static void LoadBackupItems(const json& items, TableBackup& backup);

  // A stream without its records, which SaveRecords writes in chunks (by shard).
  static json Save(const Stream& stream);
  static std::unique_ptr<Stream> LoadStream(const json& saved, uint64_t* next_sequence);
  static json SaveRecord(const StreamRecord& record);
  static void LoadRecords(const json& records, Stream& stream, size_t shard);

 private:
  static json Save(const TableDefinition& definition);
  static TableDefinition LoadDefinition(const json& saved);
  static json Save(const IndexDefinition& definition);
  static IndexDefinition LoadIndexDefinition(const json& saved);
  static json Save(const TokenBucket& bucket);
  static void Load(const json& saved, TokenBucket& bucket);
  static json Save(const TableCapacity& capacity);
  static void Load(const json& saved, TableCapacity& capacity);
  static json Save(const PartitionMap& partitions);
  static void Load(const json& saved, PartitionMap& partitions);
  static json Save(const TableMetrics& metrics);
  static void Load(const json& saved, TableMetrics& metrics);
  static json Save(const HeatSplitter& splitter);
  static void Load(const json& saved, HeatSplitter& splitter);
  static json Save(const PartitionedCapacity& capacity);
  static void Load(const json& saved, PartitionedCapacity& capacity);
  static json Save(const SecondaryIndex& index);
  static void Load(const json& saved, SecondaryIndex& index);
  static json Save(const PointInTimeHistory& history);
  static void Load(const json& saved, PointInTimeHistory& history);
  static json SaveOptionalItem(const std::optional<Item>& item);
  static std::optional<Item> LoadOptionalItem(const json& saved);
};

}  // namespace ddbpg
