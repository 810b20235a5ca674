#include "engine/api/backup_description.h"

#include "engine/api/table_description.h"
#include "engine/value/json_object.h"

namespace ddbpg::api {
namespace {

using json = nlohmann::json;

const char* BackupTypeName(store::BackupType type) {
  return type == store::BackupType::kUser ? "USER" : "SYSTEM";
}

const char* BillingModeName(store::BillingMode mode) {
  return mode == store::BillingMode::kPayPerRequest ? "PAY_PER_REQUEST" : "PROVISIONED";
}

json SourceTableDetails(const core::EngineState& state, const store::TableBackup& backup) {
  const store::TableDefinition& table = backup.table;
  return value::JsonObject(
      {{"TableName", table.name},
       {"TableId", table.table_id},
       {"TableArn", state.TableArn(table.name)},
       {"TableSizeBytes", backup.size_bytes},
       {"KeySchema", KeySchemaJson(table.key_schema)},
       {"TableCreationDateTime", table.creation_time},
       {"ProvisionedThroughput",
        value::JsonObject({{"ReadCapacityUnits", table.throughput.read_capacity_units},
                           {"WriteCapacityUnits", table.throughput.write_capacity_units}})},
       {"ItemCount", static_cast<long long>(backup.items.size())},
       {"BillingMode", BillingModeName(table.billing_mode)}});
}

json SourceTableFeatureDetails(const store::TableBackup& backup) {
  json locals = json::array();
  json globals = json::array();
  for (const index::IndexDefinition& index : backup.indexes) {
    json entry = value::JsonObject({{"IndexName", index.name},
                                    {"KeySchema", IndexKeySchema(index)},
                                    {"Projection", ProjectionJson(index)}});
    if (index.kind == index::IndexKind::kGlobal) {
      entry["ProvisionedThroughput"] = value::JsonObject({{"ReadCapacityUnits", index.read_capacity_units},
                                        {"WriteCapacityUnits", index.write_capacity_units}});
      globals.push_back(std::move(entry));
    } else {
      locals.push_back(std::move(entry));
    }
  }
  json features = json::object();
  if (!locals.empty()) features["LocalSecondaryIndexes"] = std::move(locals);
  if (!globals.empty()) features["GlobalSecondaryIndexes"] = std::move(globals);
  const store::TableDefinition& table = backup.table;
  if (table.stream_view_type) {
    features["StreamDescription"] = value::JsonObject({
        {"StreamEnabled", true},
        {"StreamViewType", streams::StreamViewTypeName(*table.stream_view_type)}});
  }
  if (table.ttl_attribute) {
    features["TimeToLiveDescription"] = value::JsonObject({{"TimeToLiveStatus", "ENABLED"},
                                         {"AttributeName", *table.ttl_attribute}});
  }
  return features;
}

}  // namespace

json BackupDetailsJson(const store::TableBackup& backup, const char* status) {
  json details = value::JsonObject({{"BackupArn", backup.arn},
                                    {"BackupName", backup.name},
                                    {"BackupSizeBytes", backup.size_bytes},
                                    {"BackupStatus", status},
                                    {"BackupType", BackupTypeName(backup.type)},
                                    {"BackupCreationDateTime", backup.created_at}});
  if (backup.expires_at) details["BackupExpiryDateTime"] = *backup.expires_at;
  return details;
}

json BackupSummaryJson(const core::EngineState& state, const store::TableBackup& backup) {
  json summary = value::JsonObject({{"TableName", backup.table.name},
                                    {"TableId", backup.table.table_id},
                                    {"TableArn", state.TableArn(backup.table.name)},
                                    {"BackupArn", backup.arn},
                                    {"BackupName", backup.name},
                                    {"BackupCreationDateTime", backup.created_at}});
  if (backup.expires_at) summary["BackupExpiryDateTime"] = *backup.expires_at;
  summary["BackupStatus"] = "AVAILABLE";
  summary["BackupType"] = BackupTypeName(backup.type);
  summary["BackupSizeBytes"] = backup.size_bytes;
  return summary;
}

json BackupDescriptionJson(const core::EngineState& state, const store::TableBackup& backup,
                           const char* status) {
  return value::JsonObject({{"BackupDetails", BackupDetailsJson(backup, status)},
                            {"SourceTableDetails", SourceTableDetails(state, backup)},
                            {"SourceTableFeatureDetails", SourceTableFeatureDetails(backup)}});
}

json ContinuousBackupsJson(const core::EngineState& state, const store::Table& table) {
  const store::PointInTimeHistory& history = table.point_in_time();
  json recovery = value::JsonObject(
      {{"PointInTimeRecoveryStatus", history.enabled() ? "ENABLED" : "DISABLED"}});
  if (history.enabled()) {
    const double now = state.clock.NowSeconds();
    recovery["RecoveryPeriodInDays"] = history.recovery_period_days();
    recovery["EarliestRestorableDateTime"] = history.EarliestRestorable(now);
    recovery["LatestRestorableDateTime"] = now;
  }
  return value::JsonObject(
      {{"ContinuousBackupsStatus", "ENABLED"}, {"PointInTimeRecoveryDescription", recovery}});
}

}  // namespace ddbpg::api
