// Engine::SaveSnapshot and RestoreSnapshot: the engine's whole state as a snapshot
// (engine/persist/snapshot_format.h), each part written by engine/persist/state_codec.h.
#include <exception>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/api/handlers.h"
#include "engine/api/stream_specification.h"
#include "engine/core/engine_state.h"
#include "engine/core/replication.h"
#include "engine/engine.h"
#include "engine/persist/snapshot_format.h"
#include "engine/persist/state_codec.h"
#include "engine/persist/transfer_codec.h"
#include "engine/value/base64.h"
#include "engine/value/ddb_json.h"
#include "engine/value/item_size.h"
#include "engine/value/json_object.h"

namespace ddbpg {
namespace {

using json = nlohmann::json;
using persist::SectionKind;

// Items and stream records go in sections of about this many bytes, so no record nears the
// framing's limit and a reader never parses one huge document.
constexpr size_t kChunkBytes = 1 << 20;

capacity::Prices LoadPrices(const json& saved) {
  return {saved.at("Name").get<std::string>(),
          saved.at("WriteRequestUnitsPerMillion").get<double>(),
          saved.at("ReadRequestUnitsPerMillion").get<double>(),
          saved.at("WcuHour").get<double>(),
          saved.at("RcuHour").get<double>(),
          saved.at("StorageGbMonth").get<double>()};
}

// Global tables' changes on their way and each replica's last write of each item, as flat
// lists (long ones continue in More sections).
json SaveGlobalTables(const core::GlobalTables& global) {
  json in_flight = json::array();
  for (const core::ReplicatedChange& change : global.in_flight) {
    in_flight.push_back({change.table, change.destination_table_id, change.source_region,
                         change.destination_region, persist::StateCodec::SaveKey(change.key),
                         persist::StateCodec::SaveOptionalItem(change.item),
                         persist::StateCodec::Number(change.written_at),
                         persist::StateCodec::Number(change.due)});
  }
  json stamps = json::array();
  for (const auto& [table_id, keys] : global.stamps) {
    for (const auto& [key, stamp] : keys) {
      stamps.push_back({table_id, persist::StateCodec::SaveKey(key),
                        persist::StateCodec::Number(stamp.time), stamp.region});
    }
  }
  return value::JsonObject(
      {{"ReplicationSeconds", persist::StateCodec::Number(global.replication_seconds)},
       {"InFlight", std::move(in_flight)},
       {"Stamps", std::move(stamps)}});
}

void LoadGlobalTables(const json& saved, core::GlobalTables& global) {
  global.replication_seconds = persist::StateCodec::ToDouble(saved.at("ReplicationSeconds"));
  for (const json& entry : saved.at("InFlight")) {
    core::ReplicatedChange change;
    change.table = entry.at(0).get<std::string>();
    change.destination_table_id = entry.at(1).get<std::string>();
    change.source_region = entry.at(2).get<std::string>();
    change.destination_region = entry.at(3).get<std::string>();
    change.key = persist::StateCodec::LoadKey(entry.at(4));
    change.item = persist::StateCodec::LoadOptionalItem(entry.at(5));
    change.written_at = persist::StateCodec::ToDouble(entry.at(6));
    change.due = persist::StateCodec::ToDouble(entry.at(7));
    global.in_flight.push_back(std::move(change));
  }
  for (const json& entry : saved.at("Stamps")) {
    global.stamps[entry.at(0).get<std::string>()][persist::StateCodec::LoadKey(entry.at(1))] =
        core::WriteStamp{persist::StateCodec::ToDouble(entry.at(2)),
                         entry.at(3).get<std::string>()};
  }
}

json SaveEngine(const core::EngineState& state) {
  json tokens = json::array();
  for (const auto& [token, record] : state.transaction_tokens) {
    json targets = json::array();
    for (const auto& [table, key] : record.targets)
      targets.push_back({table, persist::StateCodec::SaveKey(key)});
    tokens.push_back(
        {token, record.fingerprint, persist::StateCodec::Number(record.completed_at), targets});
  }
  json exports = json::array();
  for (const exchange::ExportRecord& record : state.exports)
    exports.push_back(persist::SaveExport(record));
  json imports = json::array();
  for (const exchange::ImportRecord& record : state.imports)
    imports.push_back(persist::SaveImport(record));
  return value::JsonObject(
      {{"Clock", persist::StateCodec::Save(state.clock)},
       {"Scale", persist::StateCodec::Number(state.scale)},
       {"ReplicationLagSeconds", persist::StateCodec::Number(state.replication_lag_seconds)},
       {"IndexPropagationSeconds", persist::StateCodec::Number(state.index_propagation_seconds)},
       {"TtlDeletionDelaySeconds", persist::StateCodec::Number(state.ttl_deletion_delay_seconds)},
       {"GlobalTables", SaveGlobalTables(state.global_tables)},
       {"LastTtlSweepSecond", state.last_ttl_sweep_second},
       {"SplitForHeat", state.split_for_heat},
       {"ThrottlingEnforced", state.throttling_enforced},
       {"Rng", persist::StateCodec::Save(state.rng)},
       {"Prices", api::PricesJson(state.prices)},
       {"TransactionTokens", tokens},
       {"NextStreamSequence", state.next_stream_sequence},
       {"TablesCreated", state.tables_created},
       {"BackupsCreated", state.backups_created},
       {"TransfersStarted", state.transfers_started},
       {"Exports", exports},
       {"Imports", imports}});
}

void LoadEngine(const json& saved, core::EngineState& state) {
  persist::StateCodec::Load(saved.at("Clock"), state.clock);
  state.scale = persist::StateCodec::ToDouble(saved.at("Scale"));
  state.replication_lag_seconds = persist::StateCodec::ToDouble(saved.at("ReplicationLagSeconds"));
  state.index_propagation_seconds =
      persist::StateCodec::ToDouble(saved.at("IndexPropagationSeconds"));
  state.ttl_deletion_delay_seconds =
      persist::StateCodec::ToDouble(saved.at("TtlDeletionDelaySeconds"));
  // A file from before global tables has none, and the default delay.
  if (auto it = saved.find("GlobalTables"); it != saved.end()) {
    LoadGlobalTables(*it, state.global_tables);
  }
  state.last_ttl_sweep_second = saved.at("LastTtlSweepSecond").get<long long>();
  state.split_for_heat = saved.at("SplitForHeat").get<bool>();
  state.throttling_enforced = saved.at("ThrottlingEnforced").get<bool>();
  persist::StateCodec::Load(saved.at("Rng"), state.rng);
  state.prices = LoadPrices(saved.at("Prices"));
  for (const json& token : saved.at("TransactionTokens")) {
    core::TransactionToken record;
    record.fingerprint = token.at(1).get<std::string>();
    record.completed_at = persist::StateCodec::ToDouble(token.at(2));
    for (const json& target : token.at(3)) {
      record.targets.push_back(
          {target.at(0).get<std::string>(), persist::StateCodec::LoadKey(target.at(1))});
    }
    state.transaction_tokens[token.at(0).get<std::string>()] = std::move(record);
  }
  state.next_stream_sequence = saved.at("NextStreamSequence").get<uint64_t>();
  state.tables_created = saved.at("TablesCreated").get<unsigned long long>();
  // A file from before backups has made none.
  if (auto it = saved.find("BackupsCreated"); it != saved.end()) {
    state.backups_created = it->get<unsigned long long>();
  }
  // Nor from before exports and imports.
  if (auto it = saved.find("TransfersStarted"); it != saved.end()) {
    state.transfers_started = it->get<unsigned long long>();
    for (const json& record : saved.at("Exports"))
      state.exports.push_back(persist::LoadExport(record));
    for (const json& record : saved.at("Imports"))
      state.imports.push_back(persist::LoadImport(record));
  }
}

// Writes a snapshot's sections, each under the framing's limit: long lists are cut into chunks
// of about kChunkBytes. Throws std::runtime_error when a section cannot be written.
class SnapshotWriter {
 public:
  SnapshotWriter() : out_(persist::SnapshotHeader()) {}

  void Section(SectionKind kind, const json& body) {
    if (!persist::AppendSection(out_, kind, body)) {
      throw std::runtime_error("a section of the snapshot would exceed the format's 32 MiB limit");
    }
    ++sections_;
  }

  // Appends `values` as sections of `kind`: `head` is each section's JSON without its list, which
  // goes under `list_name`; `size_of` estimates a value's bytes.
  template <class Values, class Encode, class SizeOf>
  void Chunked(SectionKind kind, const json& head, const char* list_name, const Values& values,
               Encode encode, SizeOf size_of) {
    json chunk = head;
    chunk[list_name] = json::array();
    size_t bytes = 0;
    for (const auto& value : values) {
      chunk[list_name].push_back(encode(value));
      bytes += size_of(value);
      if (bytes >= kChunkBytes) {
        Section(kind, chunk);
        chunk[list_name] = json::array();
        bytes = 0;
      }
    }
    if (!chunk[list_name].empty()) Section(kind, chunk);
  }

  // Writes `body` with the lists at `pointers` that are long moved into More sections after it,
  // so no section outgrows the limit however much history, tokens or metrics a playground holds.
  void SectionWithLongLists(SectionKind kind, json body, const json& owner,
                            const std::vector<std::string>& pointers) {
    std::vector<std::pair<std::string, json>> spilled;
    for (const std::string& pointer : pointers) {
      const json::json_pointer at(pointer);
      if (!body.contains(at) || !body[at].is_array() || body[at].empty()) continue;
      spilled.push_back({pointer, std::move(body[at])});
      body[at] = json::array();
    }
    Section(kind, body);
    for (const auto& [pointer, values] : spilled) {
      json head = value::JsonObject({{"Member", pointer}});
      if (!owner.is_null()) head["Table"] = owner;
      Chunked(SectionKind::kMore, head, "Values", values, [](const json& v) { return v; },
              [](const json& v) { return v.dump().size(); });
    }
  }

  std::string Finish() {
    Section(SectionKind::kEnd, json{{"Sections", sections_}});
    return std::move(out_);
  }

 private:
  std::string out_;
  size_t sections_ = 0;
};

// How the sections of a table name it: by its name for the tables every region sees, and as
// "<region>/<name>" for a replica in another region (a table name has no "/").
std::string SnapshotOwner(const core::EngineState& state, const std::string& region,
                          const std::string& name) {
  return region == state.options.region ? name : region + "/" + name;
}

store::Table* FindSnapshotOwner(core::EngineState& state, const std::string& owner) {
  const size_t slash = owner.find('/');
  if (slash == std::string::npos) return state.FindTableIn(state.options.region, owner);
  return state.FindTableIn(owner.substr(0, slash), owner.substr(slash + 1));
}

// The lists of a table section that grow with use: replica history, index updates in flight,
// per-second metrics and top keys (the table's and each global index's), and the heat
// splitter's counts.
std::vector<std::string> LongTableLists(const json& table) {
  std::vector<std::string> pointers = {"/History", "/PendingIndexUpdates", "/Metrics/Samples",
                                       "/Metrics/Keys", "/HeatSplitter/TrafficByHash",
                                       "/PointInTimeRecovery/Changes"};
  for (size_t i = 0; i < table["Indexes"].size(); ++i) {
    const std::string metrics = "/Indexes/" + std::to_string(i) + "/Capacity/Metrics";
    pointers.push_back(metrics + "/Samples");
    pointers.push_back(metrics + "/Keys");
  }
  return pointers;
}

// Adds a More section's values to the list it continues.
void AppendMore(const json& more, json& owner) {
  const json::json_pointer at(more.at("Member").get<std::string>());
  if (!owner.contains(at) || !owner[at].is_array()) {
    throw std::runtime_error("a continued list is not in the section it names");
  }
  for (const json& value : more.at("Values")) owner[at].push_back(value);
}

// Whether `stream` may record `table`'s changes: enabled, of that table, with its key schema.
bool Records(const streams::Stream& stream, const store::Table& table) {
  std::vector<std::pair<std::string, std::string>> key_schema;
  for (const store::KeySchemaElement& element : table.definition().key_schema) {
    key_schema.push_back(
        {element.attribute_name, element.key_type == store::KeyType::kHash ? "HASH" : "RANGE"});
  }
  return stream.enabled() && stream.table_name() == table.name() && stream.key_schema() == key_schema;
}

// Builds a whole state from a snapshot's sections, each parsed only when it is used; throws on
// anything it cannot use.
void LoadSections(const std::vector<persist::Section>& sections, core::EngineState& state,
                  SnapshotReport& report) {
  if (sections.empty() || sections[0].kind != SectionKind::kEngine) {
    throw std::runtime_error("the snapshot does not start with the engine's settings");
  }
  json engine = persist::ParseSection(sections[0]);
  std::map<std::string, json> saved_tables;
  std::vector<json> saved_streams;
  std::vector<json> saved_backups;
  for (size_t i = 1; i < sections.size(); ++i) {
    json body = persist::ParseSection(sections[i]);
    switch (sections[i].kind) {
      case SectionKind::kEngine:
      case SectionKind::kEnd:
        throw std::runtime_error("the snapshot has a second engine section");
      case SectionKind::kTable: {
        std::unique_ptr<store::Table> table = persist::StateCodec::LoadTable(body);
        const std::string region = body.value("Region", state.options.region);
        const std::string owner = SnapshotOwner(state, region, table->name());
        if (!state.TablesIn(region).emplace(table->name(), std::move(table)).second) {
          throw std::runtime_error("the snapshot holds table " + owner + " twice");
        }
        saved_tables[owner] = std::move(body);
        break;
      }
      case SectionKind::kMore: {
        if (!body.contains("Table")) {
          AppendMore(body, engine);
          break;
        }
        auto table = saved_tables.find(body.at("Table").get<std::string>());
        if (table == saved_tables.end()) throw std::runtime_error("a continued list of no table");
        AppendMore(body, table->second);
        break;
      }
      case SectionKind::kItems: {
        store::Table* table = FindSnapshotOwner(state, body.at("Table").get<std::string>());
        if (table == nullptr) throw std::runtime_error("items for a table that is not there");
        persist::StateCodec::LoadItems(body.at("Items"), *table);
        break;
      }
      case SectionKind::kStream:
        state.streams.push_back(persist::StateCodec::LoadStream(body, &state.next_stream_sequence));
        saved_streams.push_back(std::move(body));
        break;
      case SectionKind::kBackup:
        state.backups.push_back(persist::StateCodec::LoadBackup(body));
        saved_backups.push_back(std::move(body));
        break;
      case SectionKind::kBackupItems: {
        const size_t position = body.at("Backup").get<size_t>();
        if (position >= state.backups.size()) throw std::runtime_error("items for no backup");
        persist::StateCodec::LoadBackupItems(body.at("Items"), *state.backups[position]);
        break;
      }
      case SectionKind::kObjects: {
        const std::string bucket = body.at("Bucket").get<std::string>();
        for (const json& object : body.at("Objects")) {
          std::optional<std::string> bytes = value::Base64Decode(object.at(1).get<std::string>());
          if (!bytes) throw std::runtime_error("an object of bucket " + bucket + " is damaged");
          state.objects.Put(bucket, object.at(0).get<std::string>(), std::move(*bytes));
        }
        break;
      }
      case SectionKind::kStreamRecords: {
        const size_t position = body.at("Stream").get<size_t>();
        if (position >= state.streams.size()) throw std::runtime_error("records for no stream");
        persist::StateCodec::LoadRecords(body.at("Records"), *state.streams[position],
                                         body.at("Shard").get<size_t>());
        break;
      }
    }
  }
  LoadEngine(engine, state);
  for (size_t position = 0; position < state.streams.size(); ++position) {
    const json& shards = saved_streams[position].at("Shards");
    for (size_t shard = 0; shard < shards.size(); ++shard) {
      if (state.streams[position]->shards()[shard].records.size() !=
          shards[shard].at("RecordCount").get<size_t>()) {
        throw std::runtime_error("a stream shard is missing records");
      }
    }
  }
  for (size_t position = 0; position < state.backups.size(); ++position) {
    if (state.backups[position]->items.size() !=
        saved_backups[position].at("ItemCount").get<size_t>()) {
      throw std::runtime_error("a backup is missing items");
    }
  }
  state.ForEachRegion([&](core::EngineState::TableMap& tables) {
    for (auto& [name, table] : tables) {
      const std::string owner = SnapshotOwner(state, state.region, name);
      persist::StateCodec::FinishLoad(saved_tables[owner], &state.clock, *table);
      report.items += static_cast<size_t>(table->item_count());
      ++report.tables;
      const store::TableDefinition& definition = table->definition();
      if (!definition.replica_regions.empty()) core::StartReplicating(state, *table, state.region);
      if (!definition.stream_view_type) continue;
      streams::Stream* stream = state.FindStream(definition.latest_stream_arn);
      if (stream == nullptr || !Records(*stream, *table)) {
        throw std::runtime_error("table " + owner + " records to no stream of its own");
      }
      api::ConnectStream(state, *table, *stream);
    }
  });
}

}  // namespace

std::string Engine::SaveSnapshot(std::string* error) const {
  const core::EngineState& state = *state_;
  try {
    SnapshotWriter writer;
    writer.SectionWithLongLists(
        SectionKind::kEngine, SaveEngine(state), nullptr,
        {"/TransactionTokens", "/GlobalTables/InFlight", "/GlobalTables/Stamps"});
    // The tables every region sees, then each region's replicas of global tables.
    auto save_table = [&](const std::string& region, const std::string& name,
                          const store::Table& table) {
      json saved = persist::StateCodec::Save(table);
      if (region != state.options.region) saved["Region"] = region;
      const std::vector<std::string> long_lists = LongTableLists(saved);
      const std::string owner = SnapshotOwner(state, region, name);
      writer.SectionWithLongLists(SectionKind::kTable, std::move(saved), owner, long_lists);
      writer.Chunked(
          SectionKind::kItems, json{{"Table", owner}}, "Items", table.items(),
          [](const auto& entry) { return value::EncodeItem(entry.second); },
          [](const auto& entry) { return value::ItemSize(entry.second); });
    };
    for (const auto& [name, table] : state.tables) save_table(state.options.region, name, *table);
    for (const auto& [region, tables] : state.replicas) {
      for (const auto& [name, table] : tables) save_table(region, name, *table);
    }
    for (size_t position = 0; position < state.streams.size(); ++position) {
      const streams::Stream& stream = *state.streams[position];
      writer.Section(SectionKind::kStream, persist::StateCodec::Save(stream));
      for (size_t shard = 0; shard < stream.shards().size(); ++shard) {
        writer.Chunked(SectionKind::kStreamRecords, json{{"Stream", position}, {"Shard", shard}},
                       "Records", stream.shards()[shard].records, persist::StateCodec::SaveRecord,
                       [](const streams::StreamRecord& record) { return record.size_bytes + 100; });
      }
    }
    for (size_t position = 0; position < state.backups.size(); ++position) {
      const store::TableBackup& backup = *state.backups[position];
      writer.Section(SectionKind::kBackup, persist::StateCodec::Save(backup));
      writer.Chunked(
          SectionKind::kBackupItems, json{{"Backup", position}}, "Items", backup.items,
          [](const value::Item& item) { return value::EncodeItem(item); },
          [](const value::Item& item) { return value::ItemSize(item); });
    }
    for (const auto& [bucket, objects] : state.objects.buckets()) {
      writer.Chunked(
          SectionKind::kObjects, json{{"Bucket", bucket}}, "Objects", objects,
          [](const auto& object) {
            return json::array({object.first, value::Base64Encode(object.second)});
          },
          [](const auto& object) { return object.first.size() + object.second.size() * 4 / 3; });
    }
    return writer.Finish();
  } catch (const std::exception& e) {
    if (error != nullptr) *error = std::string("the playground cannot be saved as a snapshot: ") + e.what();
    return "";
  }
}

SnapshotReport Engine::RestoreSnapshot(std::string_view bytes) {
  SnapshotReport report;
  if (served_ || !state_->HoldsNoTables() || !state_->streams.empty()) {
    report.error = "a snapshot can only be restored into an empty playground";
    return report;
  }
  const persist::SnapshotContents contents = persist::ReadSnapshot(bytes);
  if (!contents.error.empty()) {
    report.error = contents.error;
    return report;
  }
  try {
    auto restored = std::make_unique<core::EngineState>(state_->request_clock.host(), state_->options);
    LoadSections(contents.sections, *restored, report);
    state_ = std::move(restored);
  } catch (const std::exception& e) {
    report = SnapshotReport{};
    report.error = std::string("the snapshot cannot be restored: ") + e.what();
    return report;
  }
  return report;
}

}  // namespace ddbpg
