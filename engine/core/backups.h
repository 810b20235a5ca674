// The engine's backups: making one (CreateBackup, and the system backup of a table deleted with
// point-in-time recovery on) and forgetting system backups past their expiry.
#pragma once

#include <string>

#include "engine/core/engine_state.h"
#include "engine/store/table.h"
#include "engine/store/table_backup.h"

namespace ddbpg::core {

// Backs `table` up as it is `now` under `name`, adds the backup to the state (newest last) and
// returns it. Its ARN has the service's form, <table ARN>/backup/<14-digit ms>-<8 hex>, the hex
// part derived from the table's id and a counter, so a replayed journal gives the same ARN.
store::TableBackup& AddBackup(EngineState& state, const store::Table& table,
                              const std::string& name, store::BackupType type, double now);

// What DeleteTable does for a table with point-in-time recovery on, as the service does: a
// SYSTEM backup named "<table>$DeletedTableBackup" kept for the recovery period.
void AddDeletedTableBackup(EngineState& state, const store::Table& table, double now);

// Drops the system backups whose expiry has passed.
void ForgetExpiredBackups(EngineState& state, double now);

}  // namespace ddbpg::core
