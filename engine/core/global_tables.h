// Global tables (version 2019.11.21) simulated inside one engine: the replicas of a table are
// tables of the same name in other regions, and every change made in one replica reaches the
// others after the replication delay, where the last writer wins.
#pragma once

#include <deque>
#include <map>
#include <optional>
#include <string>

#include "engine/value/attribute_value.h"
#include "engine/value/primary_key.h"

namespace ddbpg::core {

// One change of an item on its way from the replica it was made in to another replica.
struct ReplicatedChange {
  std::string table;
  // The destination table's id: a table created again under the name receives nothing.
  std::string destination_table_id;
  std::string source_region;
  std::string destination_region;
  value::PrimaryKey key;
  std::optional<value::Item> item;  // nullopt for a delete
  double written_at = 0;            // when the source replica took the change
  double due = 0;                   // when it reaches the destination
};

// When the last change of an item in a replica was made, and in which region. Replicas
// converge on the change with the latest time; of two changes made at the same time, the one
// from the region whose name sorts last wins (the service documents no rule for a tie).
struct WriteStamp {
  double time = 0;
  std::string region;
  bool operator<(const WriteStamp& other) const {
    return time != other.time ? time < other.time : region < other.region;
  }
};

struct GlobalTables {
  // How long a change takes to reach the other replicas (Playground.Configure
  // "GlobalTableReplicationSeconds"); the service's is typically around a second.
  double replication_seconds = 1;
  // Changes not yet applied, in the order they fall due.
  std::deque<ReplicatedChange> in_flight;
  // Per replica (by table id), the stamp of each item's last change.
  std::map<std::string, std::map<value::PrimaryKey, WriteStamp, value::PrimaryKeyLess>> stamps;
};

}  // namespace ddbpg::core
