// How the backup operations describe a backup (BackupDetails, BackupSummary,
// BackupDescription) and a table's continuous backups (ContinuousBackupsDescription), in the
// members and order of the API reference's shapes.
#pragma once

#include <nlohmann/json.hpp>

#include "engine/core/engine_state.h"
#include "engine/store/table.h"
#include "engine/store/table_backup.h"

namespace ddbpg::api {

// `status` is "AVAILABLE", or "DELETED" in DeleteBackup's answer.
nlohmann::json BackupDetailsJson(const store::TableBackup& backup, const char* status);
nlohmann::json BackupSummaryJson(const core::EngineState& state, const store::TableBackup& backup);
// DescribeBackup's and DeleteBackup's BackupDescription: the details, the source table as it
// was, and its indexes, stream and TTL settings.
nlohmann::json BackupDescriptionJson(const core::EngineState& state,
                                     const store::TableBackup& backup, const char* status);
// ContinuousBackupsDescription: continuous backups are always ENABLED; point-in-time recovery
// with its period and window when it is on.
nlohmann::json ContinuousBackupsJson(const core::EngineState& state, const store::Table& table);

}  // namespace ddbpg::api
