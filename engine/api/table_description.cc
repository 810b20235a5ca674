#include "engine/api/table_description.h"

#include <algorithm>

#include "engine/api/on_demand_throughput.h"
#include "engine/api/replica_updates.h"
#include "engine/api/table_settings.h"
#include "engine/api/warm_throughput.h"
#include "engine/base/utc_time.h"
#include "engine/value/json_object.h"

namespace ddbpg::api {

using json = nlohmann::json;

json IndexKeySchema(const index::IndexDefinition& index) {
  json key_schema = json::array();
  for (const std::string& name : index.partition_key) {
    key_schema.push_back(value::JsonObject({{"AttributeName", name}, {"KeyType", "HASH"}}));
  }
  for (const std::string& name : index.sort_key) {
    key_schema.push_back(value::JsonObject({{"AttributeName", name}, {"KeyType", "RANGE"}}));
  }
  return key_schema;
}

json ProjectionJson(const index::IndexDefinition& index) {
  const char* type = index.projection == index::ProjectionType::kAll       ? "ALL"
                     : index.projection == index::ProjectionType::kInclude ? "INCLUDE"
                                                                           : "KEYS_ONLY";
  json projection = value::JsonObject({{"ProjectionType", type}});
  if (index.projection == index::ProjectionType::kInclude) {
    // The service lists them sorted by name.
    std::vector<std::string> names = index.non_key_attributes;
    std::sort(names.begin(), names.end());
    projection["NonKeyAttributes"] = names;
  }
  return projection;
}

json KeySchemaJson(const std::vector<store::KeySchemaElement>& key_schema) {
  json elements = json::array();
  for (const store::KeySchemaElement& element : key_schema) {
    elements.push_back(value::JsonObject(
        {{"AttributeName", element.attribute_name},
         {"KeyType", element.key_type == store::KeyType::kHash ? "HASH" : "RANGE"}}));
  }
  return elements;
}

namespace {

// LocalSecondaryIndexes and GlobalSecondaryIndexes, in the order they were created. Local
// indexes have no status or throughput of their own; global ones are CREATING with their table.
void AddIndexDescriptions(const core::EngineState& state, const store::Table& table,
                          const std::string& status, json& description) {
  json locals = json::array();
  json globals = json::array();
  for (const auto& index : table.indexes()) {
    const index::IndexDefinition& definition = index->definition();
    json entry = value::JsonObject({{"IndexName", definition.name},
                                    {"KeySchema", IndexKeySchema(definition)},
                                    {"Projection", ProjectionJson(definition)}});
    if (index->is_global()) {
      const double now = state.clock.NowSeconds();
      entry["IndexStatus"] = status == "CREATING" || index->IsCreating(now) ? "CREATING" : "ACTIVE";
      if (std::optional<bool> backfilling = index->Backfilling(now)) {
        entry["Backfilling"] = *backfilling;
      }
      entry["ProvisionedThroughput"] = value::JsonObject({{"NumberOfDecreasesToday", 0},
                                        {"ReadCapacityUnits", definition.read_capacity_units},
                                        {"WriteCapacityUnits", definition.write_capacity_units}});
      if (table.definition().billing_mode == store::BillingMode::kPayPerRequest) {
        entry["OnDemandThroughput"] = OnDemandThroughputJson(definition.on_demand_maximum);
      }
      entry["WarmThroughput"] =
          WarmThroughputJson(index->capacity().Warm(now), entry["IndexStatus"].get<std::string>());
    }
    entry["IndexSizeBytes"] = index->size_bytes();
    entry["ItemCount"] = index->item_count();
    entry["IndexArn"] = state.TableArn(table.name()) + "/index/" + definition.name;
    (index->is_global() ? globals : locals).push_back(std::move(entry));
  }
  for (const store::Table::DeletingIndex& index : table.DeletingIndexes(state.clock.NowSeconds())) {
    globals.push_back(value::JsonObject(
        {{"IndexName", index.definition.name},
         {"KeySchema", IndexKeySchema(index.definition)},
         {"Projection", ProjectionJson(index.definition)},
         {"IndexStatus", "DELETING"},
         {"ProvisionedThroughput",
          value::JsonObject({{"NumberOfDecreasesToday", 0},
                             {"ReadCapacityUnits", index.definition.read_capacity_units},
                             {"WriteCapacityUnits", index.definition.write_capacity_units}})},
         {"IndexSizeBytes", index.size_bytes},
         {"ItemCount", index.item_count},
         {"IndexArn", state.TableArn(table.name()) + "/index/" + index.definition.name}}));
  }
  if (!locals.empty()) description["LocalSecondaryIndexes"] = std::move(locals);
  if (!globals.empty()) description["GlobalSecondaryIndexes"] = std::move(globals);
}

}  // namespace

json DescribeTableJson(const core::EngineState& state, const store::Table& table,
                       const std::string& status) {
  const store::TableDefinition& definition = table.definition();
  // The service lists attribute definitions sorted by name.
  std::vector<store::AttributeDefinition> sorted_definitions = definition.attribute_definitions;
  std::sort(sorted_definitions.begin(), sorted_definitions.end(),
            [](const store::AttributeDefinition& a, const store::AttributeDefinition& b) {
              return a.attribute_name < b.attribute_name;
            });
  json attribute_definitions = json::array();
  for (const store::AttributeDefinition& attribute : sorted_definitions) {
    attribute_definitions.push_back(value::JsonObject(
        {{"AttributeName", attribute.attribute_name},
         {"AttributeType", std::string(value::AttributeTypeName(attribute.attribute_type))}}));
  }
  json key_schema = KeySchemaJson(definition.key_schema);
  const store::ProvisionedThroughput& throughput = definition.throughput;
  // NumberOfDecreasesToday counts the current UTC day only.
  const bool decreased_today =
      throughput.last_decrease_time &&
      base::UtcDay(*throughput.last_decrease_time) == base::UtcDay(state.clock.NowSeconds());
  json provisioned = value::JsonObject(
      {{"NumberOfDecreasesToday", decreased_today ? throughput.decreases_today : 0},
       {"ReadCapacityUnits", throughput.read_capacity_units},
       {"WriteCapacityUnits", throughput.write_capacity_units}});
  if (throughput.last_increase_time) {
    provisioned["LastIncreaseDateTime"] = *throughput.last_increase_time;
  }
  if (throughput.last_decrease_time) {
    provisioned["LastDecreaseDateTime"] = *throughput.last_decrease_time;
  }
  bool on_demand = definition.billing_mode == store::BillingMode::kPayPerRequest;
  json billing =
      value::JsonObject({{"BillingMode", on_demand ? "PAY_PER_REQUEST" : "PROVISIONED"}});
  if (definition.last_update_to_pay_per_request_time) {
    billing["LastUpdateToPayPerRequestDateTime"] = *definition.last_update_to_pay_per_request_time;
  }
  json description = value::JsonObject({
      {"AttributeDefinitions", attribute_definitions},
      {"TableName", definition.name},
      {"KeySchema", key_schema},
      {"TableStatus", status},
      {"CreationDateTime", definition.creation_time},
      {"ProvisionedThroughput", provisioned},
      {"TableSizeBytes", table.size_bytes()},
      {"ItemCount", table.item_count()},
      {"TableArn", state.TableArn(definition.name)},
      {"TableId", definition.table_id},
      {"BillingModeSummary", billing},
  });
  DescribeTableSettings(definition, description);
  if (on_demand) {
    description["OnDemandThroughput"] = OnDemandThroughputJson(definition.on_demand_maximum);
  }
  description["WarmThroughput"] = WarmThroughputJson(table.Warm(state.clock.NowSeconds()), status);
  AddIndexDescriptions(state, table, status, description);
  if (definition.stream_view_type) {
    description["StreamSpecification"] = value::JsonObject({
        {"StreamEnabled", true},
        {"StreamViewType", streams::StreamViewTypeName(*definition.stream_view_type)}});
  }
  // A disabled stream's ARN and label stay until another stream replaces them.
  if (!definition.latest_stream_arn.empty()) {
    description["LatestStreamArn"] = definition.latest_stream_arn;
    description["LatestStreamLabel"] = definition.latest_stream_label;
  }
  DescribeReplicas(state, table, description);
  if (definition.restore_summary) {
    const store::RestoreSummary& restore = *definition.restore_summary;
    json summary =
        value::JsonObject({{"SourceTableArn", restore.source_table_arn},
                           {"RestoreDateTime", restore.restore_time},
                           // The restore is done before the table answers (docs/differences.md).
                           {"RestoreInProgress", status == "CREATING"}});
    if (!restore.source_backup_arn.empty()) summary["SourceBackupArn"] = restore.source_backup_arn;
    description["RestoreSummary"] = std::move(summary);
  }
  return description;
}

}  // namespace ddbpg::api
