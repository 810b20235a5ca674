// On-demand backups: CreateBackup, DescribeBackup, ListBackups, DeleteBackup and
// RestoreTableFromBackup. A backup is a copy of the table made at once (the service makes it
// within minutes and calls it AVAILABLE when done; here it is AVAILABLE in the answer), and a
// restore makes the new table at once too. Checks in the service's order: shape, members, the
// backup or table, then the effect.
#include <string>

#include "engine/api/backup_description.h"
#include "engine/api/backup_messages.h"
#include "engine/api/handlers.h"
#include "engine/api/request_schema.h"
#include "engine/api/restore_overrides.h"
#include "engine/api/table_description.h"
#include "engine/api/validation_errors.h"
#include "engine/api/warm_throughput.h"
#include "engine/core/backups.h"
#include "engine/core/table_restore.h"

namespace ddbpg::api {
namespace {

// BackupArn's length constraint (DescribeBackup API reference: 37 to 1024 characters).
constexpr size_t kMinBackupArnLength = 37;
constexpr size_t kMaxBackupArnLength = 1024;
// ListBackups' Limit: 1 to 100.
constexpr long long kMaxListBackupsLimit = 100;

const std::vector<MemberSpec> kCreateBackupShape = {
    {"TableName", value::WireType::kString},
    {"BackupName", value::WireType::kString},
};
const std::vector<MemberSpec> kBackupArnShape = {{"BackupArn", value::WireType::kString}};

const std::vector<MemberSpec>& ListBackupsShape() {
  static const auto* spec = new std::vector<MemberSpec>{
      {"TableName", value::WireType::kString},
      {"Limit", value::WireType::kInteger},
      {"ExclusiveStartBackupArn", value::WireType::kString},
      {"BackupType", value::WireType::kString},
  };
  return *spec;
}

const std::vector<MemberSpec>& RestoreFromBackupShape() {
  static const auto* spec = new std::vector<MemberSpec>(WithRestoreOverrides({
      {"TargetTableName", value::WireType::kString},
      {"BackupArn", value::WireType::kString},
  }));
  return *spec;
}

void ValidateBackupArn(const json& arn, ValidationErrors& errors) {
  errors.NotNull(arn, "backupArn");
  errors.MinLength(arn, "backupArn", kMinBackupArnLength);
  errors.MaxLength(arn, "backupArn", kMaxBackupArnLength);
}

base::Result<store::TableBackup*> FindBackup(core::EngineState& state, const json& request) {
  const json& arn = Member(request, "BackupArn");
  ValidationErrors errors;
  ValidateBackupArn(arn, errors);
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  core::ForgetExpiredBackups(state, state.clock.NowSeconds());
  store::TableBackup* backup = state.FindBackup(arn.get<std::string>());
  if (backup == nullptr) {
    return base::Status(base::ErrorType::kBackupNotFound,
                        BackupNotFoundMessage(arn.get<std::string>()));
  }
  return backup;
}

}  // namespace

base::Result<json> CreateBackup(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, kCreateBackupShape); !s.ok()) return s;
  const json& table_name = Member(request, "TableName");
  const json& backup_name = Member(request, "BackupName");
  ValidationErrors errors;
  errors.NotNull(table_name, "tableName");
  errors.ResourceName(table_name, "tableName");
  errors.NotNull(backup_name, "backupName");
  errors.ResourceName(backup_name, "backupName");
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  const store::Table* table = state.FindTable(table_name.get<std::string>());
  if (table == nullptr) {
    return base::Status(base::ErrorType::kTableNotFound,
                        BackupTableNotFoundMessage(table_name.get<std::string>()));
  }
  const store::TableBackup& backup =
      core::AddBackup(state, *table, backup_name.get<std::string>(), store::BackupType::kUser,
                      state.clock.NowSeconds());
  return json{{"BackupDetails", BackupDetailsJson(backup, "AVAILABLE")}};
}

base::Result<json> DescribeBackup(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, kBackupArnShape); !s.ok()) return s;
  base::Result<store::TableBackup*> backup = FindBackup(state, request);
  if (!backup.ok()) return backup.status();
  return json{{"BackupDescription", BackupDescriptionJson(state, **backup, "AVAILABLE")}};
}

base::Result<json> DeleteBackup(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, kBackupArnShape); !s.ok()) return s;
  base::Result<store::TableBackup*> backup = FindBackup(state, request);
  if (!backup.ok()) return backup.status();
  json description = BackupDescriptionJson(state, **backup, "DELETED");
  for (auto it = state.backups.begin(); it != state.backups.end(); ++it) {
    if (it->get() == *backup) {
      state.backups.erase(it);
      break;
    }
  }
  return json{{"BackupDescription", description}};
}

base::Result<json> ListBackups(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, ListBackupsShape()); !s.ok()) return s;
  const json& lower = Member(request, "TimeRangeLowerBound");
  const json& upper = Member(request, "TimeRangeUpperBound");
  for (const json* bound : {&lower, &upper}) {
    if (base::Status s = CheckTimestampMember(*bound); !s.ok()) return s;
  }
  const json& table_name = Member(request, "TableName");
  const json& limit = Member(request, "Limit");
  const json& start = Member(request, "ExclusiveStartBackupArn");
  const json& type = Member(request, "BackupType");
  ValidationErrors errors;
  errors.ResourceName(table_name, "tableName");
  errors.MinValue(limit, "limit", 1);
  errors.MaxValue(limit, "limit", kMaxListBackupsLimit);
  errors.MinLength(start, "exclusiveStartBackupArn", kMinBackupArnLength);
  errors.MaxLength(start, "exclusiveStartBackupArn", kMaxBackupArnLength);
  errors.Enum(type, "backupType", "[USER, SYSTEM, AWS_BACKUP, ALL]");
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  if (!lower.is_null() && !upper.is_null() && lower.get<double>() > upper.get<double>()) {
    return base::Status::Validation("TimeRangeUpperBound must be greater than TimeRangeLowerBound");
  }

  // USER unless asked otherwise (ListBackups API reference); AWS_BACKUP lists nothing here.
  const std::string wanted = type.is_null() ? "USER" : type.get<std::string>();
  auto matches = [&](const store::TableBackup& backup) {
    if (!table_name.is_null() && backup.table.name != table_name.get<std::string>()) return false;
    if (!lower.is_null() && backup.created_at < lower.get<double>()) return false;
    if (!upper.is_null() && backup.created_at >= upper.get<double>()) return false;
    if (wanted == "ALL") return true;
    return wanted == (backup.type == store::BackupType::kUser ? "USER" : "SYSTEM");
  };
  core::ForgetExpiredBackups(state, state.clock.NowSeconds());
  size_t position = 0;
  if (!start.is_null()) {
    for (size_t i = 0; i < state.backups.size(); ++i) {
      if (state.backups[i]->arn == start.get<std::string>()) position = i + 1;
    }
  }
  const size_t page_size = limit.is_null() ? kMaxListBackupsLimit : limit.get<size_t>();
  json summaries = json::array();
  json response = json::object();
  for (; position < state.backups.size(); ++position) {
    const store::TableBackup& backup = *state.backups[position];
    if (!matches(backup)) continue;
    if (summaries.size() == page_size) {
      response["LastEvaluatedBackupArn"] = summaries.back()["BackupArn"];
      break;
    }
    summaries.push_back(BackupSummaryJson(state, backup));
  }
  response["BackupSummaries"] = std::move(summaries);
  return response;
}

base::Result<json> RestoreTableFromBackup(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, RestoreFromBackupShape()); !s.ok()) return s;
  const json& target = Member(request, "TargetTableName");
  ValidationErrors errors;
  errors.NotNull(target, "targetTableName");
  errors.ResourceName(target, "targetTableName");
  ValidateBackupArn(Member(request, "BackupArn"), errors);
  ValidateRestoreOverrides(request, errors);
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  base::Result<store::TableBackup*> found = FindBackup(state, request);
  if (!found.ok()) return found.status();
  const store::TableBackup& backup = **found;
  const std::string name = target.get<std::string>();
  if (state.FindTable(name) != nullptr) {
    return base::Status(base::ErrorType::kTableAlreadyExists, TargetTableExistsMessage(name));
  }
  store::TableDefinition definition = core::RestoredDefinition(backup.table, name);
  std::vector<index::IndexDefinition> indexes = backup.indexes;
  if (base::Status s = ApplyRestoreOverrides(request, definition, indexes, state.scale,
                                             state.clock.NowSeconds());
      !s.ok()) {
    return s;
  }
  definition.restore_summary =
      store::RestoreSummary{backup.arn, state.TableArn(backup.table.name), backup.created_at};
  store::Table& table =
      core::RestoreTable(state, std::move(definition), std::move(indexes), backup.items);
  ApplyIndexWarmThroughputs(Member(request, "GlobalSecondaryIndexOverride"), table,
                            state.clock.NowSeconds());
  return json{{"TableDescription", DescribeTableJson(state, table, "CREATING")}};
}

}  // namespace ddbpg::api
