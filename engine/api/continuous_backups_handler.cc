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
#include "engine/api/transfer_checks.h"
#include "engine/api/validation_errors.h"
#include "engine/api/warm_throughput.h"
#include "engine/base/utc_time.h"
#include "engine/core/table_restore.h"

namespace ddbpg::api {
namespace {

// PointInTimeRecoverySpecification's RecoveryPeriodInDays: 1 to 35.
constexpr long long kMinRecoveryPeriodDays = 1;
constexpr long long kMaxRecoveryPeriodDays = store::PointInTimeHistory::kDefaultRecoveryPeriodDays;
// SourceTableArn's length constraint is kMaxTableArnLength (transfer_checks.h).

const std::vector<MemberSpec> kTableNameShape = {{"TableName", value::WireType::kString}};

const std::vector<MemberSpec>& UpdateContinuousBackupsShape() {
  static const auto* spec = new std::vector<MemberSpec>{
      {"TableName", value::WireType::kString},
      {"PointInTimeRecoverySpecification",
       value::WireType::kStructure,
       "PointInTimeRecoverySpecification",
       MemberKind::kPlain,
       {{"PointInTimeRecoveryEnabled", value::WireType::kBoolean},
        {"RecoveryPeriodInDays", value::WireType::kInteger}}},
  };
  return *spec;
}

const std::vector<MemberSpec>& RestoreToPointInTimeShape() {
  static const auto* spec = new std::vector<MemberSpec>(WithRestoreOverrides({
      {"SourceTableArn", value::WireType::kString},
      {"SourceTableName", value::WireType::kString},
      {"TargetTableName", value::WireType::kString},
      {"UseLatestRestorableTime", value::WireType::kBoolean},
  }));
  return *spec;
}

// The table the continuous-backup operations name, or TableNotFoundException.
base::Result<store::Table*> FindTableNamed(core::EngineState& state, const json& request) {
  const json& table_name = Member(request, "TableName");
  ValidationErrors errors;
  errors.NotNull(table_name, "tableName");
  errors.ResourceName(table_name, "tableName");
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  store::Table* table = state.FindTable(table_name.get<std::string>());
  if (table == nullptr) {
    return base::Status(base::ErrorType::kTableNotFound,
                        BackupTableNotFoundMessage(table_name.get<std::string>()));
  }
  return table;
}

// The source's name from SourceTableName or SourceTableArn, exactly one of which is given.
base::Result<std::string> SourceTableName(const core::EngineState& state, const json& request) {
  const json& name = Member(request, "SourceTableName");
  const json& arn = Member(request, "SourceTableArn");
  if (name.is_null() == arn.is_null()) {
    return base::Status::Validation(
        name.is_null() ? "Either SourceTableName or SourceTableArn must be specified"
                       : "Only one of SourceTableName or SourceTableArn can be specified");
  }
  if (!name.is_null()) return name.get<std::string>();
  // Another account's or service's table is refused as the tagging operations refuse it.
  if (base::Status s = CheckArnAccess(state, arn.get<std::string>(), "RestoreTableToPointInTime");
      !s.ok()) {
    return s;
  }
  base::Result<ResourceArn> resource = ParseResourceArn(state, arn.get<std::string>());
  if (!resource.ok()) return resource.status();
  if (!resource->stream_label.empty()) {
    return base::Status::Validation("Invalid TableArn: Invalid ResourceArn provided as input " +
                                    arn.get<std::string>());
  }
  return resource->table_name;
}

// The instant to restore to: RestoreDateTime, or the latest restorable time when
// UseLatestRestorableTime is true; exactly one of them.
base::Result<double> RestoreTime(const json& request, double now) {
  const json& at = Member(request, "RestoreDateTime");
  const json& latest = Member(request, "UseLatestRestorableTime");
  const bool use_latest = latest.is_boolean() && latest.get<bool>();
  if (use_latest && !at.is_null()) {
    return base::Status::Validation(
        "Only one of RestoreDateTime or UseLatestRestorableTime can be specified");
  }
  if (use_latest) return now;
  if (at.is_null()) {
    return base::Status::Validation(
        "Either RestoreDateTime or UseLatestRestorableTime must be specified");
  }
  return at.get<double>();
}

}  // namespace

base::Result<json> UpdateContinuousBackups(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, UpdateContinuousBackupsShape()); !s.ok())
    return s;
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
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  base::Result<store::Table*> table = FindTableNamed(state, request);
  if (!table.ok()) return table.status();
  store::PointInTimeHistory& history = (*table)->point_in_time();
  if (enabled.get<bool>()) {
    history.Enable(state.clock.NowSeconds(),
                   period.is_null() ? store::PointInTimeHistory::kDefaultRecoveryPeriodDays
                                    : period.get<int>());
  } else {
    history.Disable();
  }
  return json{{"ContinuousBackupsDescription", ContinuousBackupsJson(state, **table)}};
}

base::Result<json> DescribeContinuousBackups(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, kTableNameShape); !s.ok()) return s;
  base::Result<store::Table*> table = FindTableNamed(state, request);
  if (!table.ok()) return table.status();
  return json{{"ContinuousBackupsDescription", ContinuousBackupsJson(state, **table)}};
}

base::Result<json> RestoreTableToPointInTime(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, RestoreToPointInTimeShape()); !s.ok()) return s;
  if (base::Status s = CheckTimestampMember(Member(request, "RestoreDateTime")); !s.ok()) return s;
  const json& target = Member(request, "TargetTableName");
  ValidationErrors errors;
  errors.NotNull(target, "targetTableName");
  errors.ResourceName(target, "targetTableName");
  errors.ResourceName(Member(request, "SourceTableName"), "sourceTableName");
  errors.MinLength(Member(request, "SourceTableArn"), "sourceTableArn", 1);
  errors.MaxLength(Member(request, "SourceTableArn"), "sourceTableArn", kMaxTableArnLength);
  ValidateRestoreOverrides(request, errors);
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  base::Result<std::string> source_name = SourceTableName(state, request);
  if (!source_name.ok()) return source_name.status();
  const double now = state.clock.NowSeconds();
  base::Result<double> at = RestoreTime(request, now);
  if (!at.ok()) return at.status();

  const store::Table* source = state.FindTable(*source_name);
  if (source == nullptr) {
    return base::Status(base::ErrorType::kSourceTableNotFound,
                        SourceTableNotFoundMessage(*source_name));
  }
  const store::PointInTimeHistory& history = source->point_in_time();
  if (!history.enabled()) {
    return base::Status(base::ErrorType::kPointInTimeRecoveryUnavailable,
                        PointInTimeRecoveryDisabledMessage(*source_name));
  }
  const double earliest = history.EarliestRestorable(now);
  // Clients carry times in milliseconds (a JavaScript Date, the SDKs' timestamps), so the window's
  // ends are compared to the millisecond: EarliestRestorableDateTime as a client read it back is
  // still in the window, and restores the window's first instant.
  auto millis = [](double seconds) { return std::llround(seconds * 1000); };
  if (millis(*at) < millis(earliest) || millis(*at) > millis(now)) {
    return base::Status(base::ErrorType::kInvalidRestoreTime,
                        InvalidRestoreTimeMessage(base::FormatUtcIsoMillis(earliest),
                                                  base::FormatUtcIsoMillis(now)));
  }
  const double restore_time = std::clamp(*at, earliest, now);
  const std::string name = target.get<std::string>();
  if (state.FindTable(name) != nullptr) {
    return base::Status(base::ErrorType::kTableAlreadyExists, TargetTableExistsMessage(name));
  }
  // The schema, indexes and billing are the source's current ones (API reference: "All these
  // settings come from the current settings of the source table at the time of restore").
  store::TableDefinition definition = core::RestoredDefinition(source->definition(), name);
  std::vector<index::IndexDefinition> indexes;
  for (const auto& index : source->indexes()) indexes.push_back(index->definition());
  if (base::Status s = ApplyRestoreOverrides(request, definition, indexes, state.scale,
                                             state.clock.NowSeconds());
      !s.ok()) {
    return s;
  }
  definition.restore_summary =
      store::RestoreSummary{"", state.TableArn(source->name()), restore_time};
  store::ItemVersions::ItemMap then = history.ItemsAt(restore_time, source->items());
  std::vector<value::Item> items;
  items.reserve(then.size());
  for (auto& [key, item] : then) items.push_back(std::move(item));
  store::Table& table =
      core::RestoreTable(state, std::move(definition), std::move(indexes), std::move(items));
  ApplyIndexWarmThroughputs(Member(request, "GlobalSecondaryIndexOverride"), table,
                            state.clock.NowSeconds());
  return json{{"TableDescription", DescribeTableJson(state, table, "CREATING")}};
}

}  // namespace ddbpg::api
