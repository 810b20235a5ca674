#include "engine/core/replication.h"

#include <algorithm>
#include <utility>

#include "engine/core/write_path.h"

namespace ddbpg::core {

void StartReplicating(EngineState& state, store::Table& table, const std::string& table_region) {
  store::Table* source = &table;
  table.SetReplicationListener([&state, source, table_region](const value::Item* before,
                                                              const value::Item* after,
                                                              store::Table::ChangeOrigin origin) {
    // A change that arrived from another replica is not sent on again.
    if (origin == store::Table::ChangeOrigin::kReplication) return;
    const store::TableDefinition& definition = source->definition();
    const double now = state.clock.NowSeconds();
    const value::PrimaryKey key = source->KeyOf(after != nullptr ? *after : *before);
    state.global_tables.stamps[definition.table_id][key] = WriteStamp{now, table_region};
    std::deque<ReplicatedChange>& in_flight = state.global_tables.in_flight;
    for (const std::string& region : definition.replica_regions) {
      if (region == table_region) continue;
      const store::Table* destination = state.FindTableIn(region, definition.name);
      if (destination == nullptr) continue;
      ReplicatedChange change;
      change.table = definition.name;
      change.destination_table_id = destination->definition().table_id;
      change.source_region = table_region;
      change.destination_region = region;
      change.key = key;
      if (after != nullptr) change.item = *after;
      change.written_at = now;
      change.due = now + state.global_tables.replication_seconds;
      // The delay may have been shortened since earlier changes left: keep the queue by due.
      auto position = std::upper_bound(
          in_flight.begin(), in_flight.end(), change.due,
          [](double due, const ReplicatedChange& queued) { return due < queued.due; });
      in_flight.insert(position, std::move(change));
    }
  });
}

bool ApplyDueReplication(EngineState& state, double now) {
  std::deque<ReplicatedChange>& in_flight = state.global_tables.in_flight;
  bool changed = false;
  while (!in_flight.empty() && in_flight.front().due <= now) {
    ReplicatedChange change = std::move(in_flight.front());
    in_flight.pop_front();
    store::Table* destination = state.FindTableIn(change.destination_region, change.table);
    if (destination == nullptr ||
        destination->definition().table_id != change.destination_table_id) {
      continue;
    }
    const WriteStamp incoming{change.written_at, change.source_region};
    auto& stamps = state.global_tables.stamps[change.destination_table_id];
    auto stamp = stamps.find(change.key);
    if (stamp != stamps.end() && !(stamp->second < incoming)) continue;
    stamps.insert_or_assign(change.key, incoming);
    // The destination pays for the replicated write as for a write of its own, on the larger
    // of the item it held and the item it receives; it is never throttled.
    const capacity::CapacityCharge charge = WriteCharge(*destination, destination->Find(change.key),
                                                        change.item ? &*change.item : nullptr);
    destination->RecordWrite(change.key, charge.OnTableCapacity(), now);
    if (change.item) {
      destination->Put(change.key, std::move(*change.item),
                       store::Table::ChangeOrigin::kReplication);
      changed = true;
    } else if (destination->Delete(change.key, store::Table::ChangeOrigin::kReplication)) {
      changed = true;
    }
  }
  return changed;
}

void AddReplicaLike(EngineState& state, const store::Table& source,
                    const std::string& source_region, const store::Table& replica,
                    const std::string& replica_region) {
  const std::string& source_id = source.definition().table_id;
  const std::string& replica_id = replica.definition().table_id;
  auto stamps = state.global_tables.stamps.find(source_id);
  if (stamps != state.global_tables.stamps.end()) {
    state.global_tables.stamps[replica_id] = stamps->second;
  }
  std::deque<ReplicatedChange>& in_flight = state.global_tables.in_flight;
  std::deque<ReplicatedChange> copies;
  for (const ReplicatedChange& change : in_flight) {
    if (change.destination_region != source_region || change.destination_table_id != source_id) {
      continue;
    }
    ReplicatedChange copy = change;
    copy.destination_region = replica_region;
    copy.destination_table_id = replica_id;
    copies.push_back(std::move(copy));
  }
  for (ReplicatedChange& copy : copies) {
    auto position = std::upper_bound(
        in_flight.begin(), in_flight.end(), copy.due,
        [](double due, const ReplicatedChange& queued) { return due < queued.due; });
    in_flight.insert(position, std::move(copy));
  }
}

void ForgetReplica(EngineState& state, const std::string& table_id) {
  state.global_tables.stamps.erase(table_id);
}

}  // namespace ddbpg::core
