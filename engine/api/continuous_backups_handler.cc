// Point-in-time recovery: UpdateContinuousBackups, DescribeContinuousBackups and
// RestoreTableToPointInTime, on the engine's clock (Playground.AdvanceClock moves the window).
// Continuous backups are always ENABLED; point-in-time recovery is off until a table turns it
// on, and then keeps the table's history for its recovery period (store/point_in_time_history.h).
#include <algorithm>
#include <cmath>
#include <string>

#include "engine/api/backup_description.h"
#include "engine/api/backup_messages.h"
#include "engine/api/handlers.h"
#include "engine/api/request_schema.h"
#include "engine/api/resource_arn.h"
#include "engine/api/restore_overrides.h"
#include "engine/api/table_description.h"
#include "engine/api/validation_errors.h"
#include "engine/base/utc_time.h"
#include "engine/core/table_restore.h"

namespace ddbpg {
namespace {

// PointInTimeRecoverySpecification's RecoveryPeriodInDays: 1 to 35.
constexpr long long kMinRecoveryPeriodDays = 1;
constexpr long long kMaxRecoveryPeriodDays = PointInTimeHistory::kDefaultRecoveryPeriodDays;
// SourceTableArn's length constraint (RestoreTableToPointInTime API reference).
constexpr size_t kMaxTableArnLength = 1024;

const std::vector<MemberSpec> kTableNameShape = {{"TableName", WireType::kString}};

const std::vector<MemberSpec>& UpdateContinuousBackupsShape() {
  static const auto* spec = new std::vector<MemberSpec>{
      {"TableName", WireType::kString},
      {"PointInTimeRecoverySpecification",
       WireType::kStructure,
       "PointInTimeRecoverySpecification",
       MemberKind::kPlain,
       {{"PointInTimeRecoveryEnabled", WireType::kBoolean},
        {"RecoveryPeriodInDays", WireType::kInteger}}},
  };
  return *spec;
}

const std::vector<MemberSpec>& RestoreToPointInTimeShape() {
  static const auto* spec = new std::vector<MemberSpec>(WithRestoreOverrides({
      {"SourceTableArn", WireType::kString},
      {"SourceTableName", WireType::kString},
      {"TargetTableName", WireType::kString},
      {"UseLatestRestorableTime", WireType::kBoolean},
  }));
  return *spec;
}

// The table the continuous-backup operations name, or TableNotFoundException.
Result<Table*> FindTableNamed(core::EngineState& state, const json& request) {
  const json& table_name = Member(request, "TableName");
  ValidationErrors errors;
  errors.NotNull(table_name, "tableName");
  errors.ResourceName(table_name, "tableName");
  if (Status s = errors.ToStatus(); !s.ok()) return s;
  Table* table = state.FindTable(table_name.get<std::string>());
  if (table == nullptr) {
    return Status(ErrorType::kTableNotFound,
                  BackupTableNotFoundMessage(table_name.get<std::string>()));
  }
  return table;
}

// The source's name from SourceTableName or SourceTableArn, exactly one of which is given.
Result<std::string> SourceTableName(const core::EngineState& state, const json& request) {
  const json& name = Member(request, "SourceTableName");
  const json& arn = Member(request, "SourceTableArn");
  if (name.is_null() == arn.is_null()) {
    return Status::Validation(
        name.is_null() ? "Either SourceTableName or SourceTableArn must be specified"
                       : "Only one of SourceTableName or SourceTableArn can be specified");
  }
  if (!name.is_null()) return name.get<std::string>();
  // Another account's or service's table is refused as the tagging operations refuse it.
  if (Status s = CheckArnAccess(state, arn.get<std::string>(), "RestoreTableToPointInTime");
      !s.ok()) {
    return s;
  }
  Result<ResourceArn> resource = ParseResourceArn(state, arn.get<std::string>());
  if (!resource.ok()) return resource.status();
  if (!resource->stream_label.empty()) {
    return Status::Validation("Invalid TableArn: Invalid ResourceArn provided as input " +
                              arn.get<std::string>());
  }
  return resource->table_name;
}

// The instant to restore to: RestoreDateTime, or the latest restorable time when
// UseLatestRestorableTime is true; exactly one of them.
Result<double> RestoreTime(const json& request, double now) {
  const json& at = Member(request, "RestoreDateTime");
  const json& latest = Member(request, "UseLatestRestorableTime");
  const bool use_latest = latest.is_boolean() && latest.get<bool>();
  if (use_latest && !at.is_null()) {
    return Status::Validation(
        "Only one of RestoreDateTime or UseLatestRestorableTime can be specified");
  }
  if (use_latest) return now;
  if (at.is_null()) {
    return Status::Validation(
        "Either RestoreDateTime or UseLatestRestorableTime must be specified");
  }
  return at.get<double>();
}

}  // namespace

Result<json> UpdateContinuousBackups(core::EngineState& state, const json& request) {
  if (Status s = CheckRequestShape(request, UpdateContinuousBackupsShape()); !s.ok()) return s;
  const json& specification = Member(request, "PointInTimeRecoverySpecification");
  const json& enabled = Member(specification, "PointInTimeRecoveryEnabled");
  const json& period = Member(specification, "RecoveryPeriodInDays");
  ValidationErrors errors;
  errors.NotNull(Member(request, "TableName"), "tableName");
  errors.ResourceName(Member(request, "TableName"), "tableName");
  errors.NotNull(specification, "pointInTimeRecoverySpecification");
  if (!specification.is_null()) {
    errors.NotNull(enabled, "pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled");
    errors.MinValue(period, "pointInTimeRecoverySpecification.recoveryPeriodInDays",
                    kMinRecoveryPeriodDays);
    errors.MaxValue(period, "pointInTimeRecoverySpecification.recoveryPeriodInDays",
                    kMaxRecoveryPeriodDays);
  }
  if (Status s = errors.ToStatus(); !s.ok()) return s;
  Result<Table*> table = FindTableNamed(state, request);
  if (!table.ok()) return table.status();
  PointInTimeHistory& history = (*table)->point_in_time();
  if (enabled.get<bool>()) {
    history.Enable(state.clock.NowSeconds(), period.is_null()
                                                 ? PointInTimeHistory::kDefaultRecoveryPeriodDays
                                                 : period.get<int>());
  } else {
    history.Disable();
  }
  return json{{"ContinuousBackupsDescription", ContinuousBackupsJson(state, **table)}};
}

Result<json> DescribeContinuousBackups(core::EngineState& state, const json& request) {
  if (Status s = CheckRequestShape(request, kTableNameShape); !s.ok()) return s;
  Result<Table*> table = FindTableNamed(state, request);
  if (!table.ok()) return table.status();
  return json{{"ContinuousBackupsDescription", ContinuousBackupsJson(state, **table)}};
}

Result<json> RestoreTableToPointInTime(core::EngineState& state, const json& request) {
  if (Status s = CheckRequestShape(request, RestoreToPointInTimeShape()); !s.ok()) return s;
  if (Status s = CheckTimestampMember(Member(request, "RestoreDateTime")); !s.ok()) return s;
  const json& target = Member(request, "TargetTableName");
  ValidationErrors errors;
  errors.NotNull(target, "targetTableName");
  errors.ResourceName(target, "targetTableName");
  errors.ResourceName(Member(request, "SourceTableName"), "sourceTableName");
  errors.MinLength(Member(request, "SourceTableArn"), "sourceTableArn", 1);
  errors.MaxLength(Member(request, "SourceTableArn"), "sourceTableArn", kMaxTableArnLength);
  ValidateRestoreOverrides(request, errors);
  if (Status s = errors.ToStatus(); !s.ok()) return s;
  Result<std::string> source_name = SourceTableName(state, request);
  if (!source_name.ok()) return source_name.status();
  const double now = state.clock.NowSeconds();
  Result<double> at = RestoreTime(request, now);
  if (!at.ok()) return at.status();

  const Table* source = state.FindTable(*source_name);
  if (source == nullptr) {
    return Status(ErrorType::kSourceTableNotFound, SourceTableNotFoundMessage(*source_name));
  }
  const PointInTimeHistory& history = source->point_in_time();
  if (!history.enabled()) {
    return Status(ErrorType::kPointInTimeRecoveryUnavailable,
                  PointInTimeRecoveryDisabledMessage(*source_name));
  }
  const double earliest = history.EarliestRestorable(now);
  // Clients carry times in milliseconds (a JavaScript Date, the SDKs' timestamps), so the window's
  // ends are compared to the millisecond: EarliestRestorableDateTime as a client read it back is
  // still in the window, and restores the window's first instant.
  auto millis = [](double seconds) { return std::llround(seconds * 1000); };
  if (millis(*at) < millis(earliest) || millis(*at) > millis(now)) {
    return Status(ErrorType::kInvalidRestoreTime,
                  InvalidRestoreTimeMessage(FormatUtcIsoMillis(earliest), FormatUtcIsoMillis(now)));
  }
  const double restore_time = std::clamp(*at, earliest, now);
  const std::string name = target.get<std::string>();
  if (state.FindTable(name) != nullptr) {
    return Status(ErrorType::kTableAlreadyExists, TargetTableExistsMessage(name));
  }
  // The schema, indexes and billing are the source's current ones (API reference: "All these
  // settings come from the current settings of the source table at the time of restore").
  TableDefinition definition = core::RestoredDefinition(source->definition(), name);
  std::vector<IndexDefinition> indexes;
  for (const auto& index : source->indexes()) indexes.push_back(index->definition());
  if (Status s = ApplyRestoreOverrides(request, definition, indexes); !s.ok()) return s;
  definition.restore_summary = RestoreSummary{"", state.TableArn(source->name()), restore_time};
  ItemVersions::ItemMap then = history.ItemsAt(restore_time, source->items());
  std::vector<Item> items;
  items.reserve(then.size());
  for (auto& [key, item] : then) items.push_back(std::move(item));
  Table& table =
      core::RestoreTable(state, std::move(definition), std::move(indexes), std::move(items));
  return json{{"TableDescription", DescribeTableJson(state, table, "CREATING")}};
}

}  // namespace ddbpg
