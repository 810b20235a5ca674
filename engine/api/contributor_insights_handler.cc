// Contributor Insights: DynamoDB's own view of the most accessed and most throttled keys.
// Enabling it works as on AWS (UpdateContributorInsights, DescribeContributorInsights,
// ListContributorInsights); the keys themselves come from the table's metrics, which the heat
// view and Playground.GetMetrics show.
#include <algorithm>

#include "engine/api/handlers.h"
#include "engine/api/messages.h"
#include "engine/api/request_schema.h"
#include "engine/api/validation_errors.h"
#include "engine/value/json_object.h"

namespace ddbpg::api {
namespace {

constexpr const char* kModes = "[ACCESSED_AND_THROTTLED_KEYS, THROTTLED_KEYS]";

// The CloudWatch Contributor Insights rules DynamoDB creates for a table: most accessed (PKC)
// and most throttled (PKT) partition keys, and the same for the key schema's items (SKC, SKT).
json RuleList(const store::Table& table) {
  if (!table.definition().contributor_insights_enabled) return json::array();
  std::string stamp =
      std::to_string(static_cast<long long>(*table.definition().contributor_insights_updated * 1000));
  json rules = json::array();
  bool throttled_only = table.definition().contributor_insights_mode == "THROTTLED_KEYS";
  for (const char* kind : {"PKC", "PKT", "SKC", "SKT"}) {
    if (throttled_only && kind[2] == 'C') continue;
    if (!table.has_sort_key() && kind[0] == 'S') continue;
    rules.push_back("DynamoDBContributorInsights-" + std::string(kind) + "-" + table.name() + "-" +
                    stamp);
  }
  return rules;
}

base::Status ValidateTableAndIndex(const json& request) {
  ValidationErrors errors;
  const json& table_name = Member(request, "TableName");
  errors.NotNull(table_name, "tableName");
  errors.ResourceName(table_name, "tableName");
  errors.ResourceName(Member(request, "IndexName"), "indexName");
  return errors.ToStatus();
}

base::Result<store::Table*> FindTableForInsights(core::EngineState& state, const json& request) {
  const std::string name = Member(request, "TableName").get<std::string>();
  store::Table* table = state.FindTable(name);
  if (table == nullptr) return base::Status::ResourceNotFound(TableNotFoundMessage(name));
  const json& index = Member(request, "IndexName");
  if (!index.is_null()) {
    if (table->FindIndex(index.get<std::string>()) == nullptr) {
      return base::Status::ResourceNotFound(
          "Requested resource not found: Index: " + index.get<std::string>() + " not found");
    }
    return base::Status::Validation(NotYetSupportedMessage("Contributor Insights on an index"));
  }
  return table;
}

}  // namespace

base::Result<json> UpdateContributorInsights(core::EngineState& state, const json& request) {
  if (base::Status s =
          CheckRequestShape(request, {{"TableName", value::WireType::kString},
                                      {"IndexName", value::WireType::kString},
                                      {"ContributorInsightsAction", value::WireType::kString},
                                      {"ContributorInsightsMode", value::WireType::kString}});
      !s.ok()) {
    return s;
  }
  ValidationErrors errors;
  const json& action = Member(request, "ContributorInsightsAction");
  const json& table_name = Member(request, "TableName");
  errors.NotNull(table_name, "tableName");
  errors.ResourceName(table_name, "tableName");
  errors.ResourceName(Member(request, "IndexName"), "indexName");
  errors.NotNull(action, "contributorInsightsAction");
  errors.Enum(action, "contributorInsightsAction", "[ENABLE, DISABLE]");
  errors.Enum(Member(request, "ContributorInsightsMode"), "contributorInsightsMode", kModes);
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  base::Result<store::Table*> table = FindTableForInsights(state, request);
  if (!table.ok()) return table.status();

  store::TableDefinition& definition = (*table)->mutable_definition();
  const bool enable = action == "ENABLE";
  definition.contributor_insights_enabled = enable;
  if (!Member(request, "ContributorInsightsMode").is_null()) {
    definition.contributor_insights_mode = Member(request, "ContributorInsightsMode");
  }
  definition.contributor_insights_updated = state.clock.NowSeconds();
  // The service answers with the transition; the playground completes it at once.
  return json{{"TableName", (*table)->name()},
              {"ContributorInsightsStatus", enable ? "ENABLING" : "DISABLING"},
              {"ContributorInsightsMode", definition.contributor_insights_mode}};
}

base::Result<json> DescribeContributorInsights(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, {{"TableName", value::WireType::kString},
                                                   {"IndexName", value::WireType::kString}});
      !s.ok()) {
    return s;
  }
  if (base::Status s = ValidateTableAndIndex(request); !s.ok()) return s;
  base::Result<store::Table*> table = FindTableForInsights(state, request);
  if (!table.ok()) return table.status();
  const store::TableDefinition& definition = (*table)->definition();
  json response =
      value::JsonObject({{"TableName", (*table)->name()},
                         {"ContributorInsightsRuleList", RuleList(**table)},
                         {"ContributorInsightsStatus",
                          definition.contributor_insights_enabled ? "ENABLED" : "DISABLED"}});
  if (definition.contributor_insights_updated) {
    response["LastUpdateDateTime"] = *definition.contributor_insights_updated;
  }
  if (definition.contributor_insights_enabled) {
    response["ContributorInsightsMode"] = definition.contributor_insights_mode;
  }
  return response;
}

base::Result<json> ListContributorInsights(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, {{"TableName", value::WireType::kString},
                                                   {"NextToken", value::WireType::kString},
                                                   {"MaxResults", value::WireType::kInteger}});
      !s.ok()) {
    return s;
  }
  ValidationErrors errors;
  errors.ResourceName(Member(request, "TableName"), "tableName");
  errors.MaxValue(Member(request, "MaxResults"), "maxResults", 100);
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  const json& only = Member(request, "TableName");
  if (!only.is_null() && state.FindTable(only.get<std::string>()) == nullptr) {
    return base::Status::ResourceNotFound(TableNotFoundMessage(only.get<std::string>()));
  }
  const json& max_json = Member(request, "MaxResults");
  size_t max_results = max_json.is_number_integer() && max_json.get<long long>() > 0
                           ? max_json.get<size_t>()
                           : 100;
  const json& next = Member(request, "NextToken");
  json summaries = json::array();
  std::string last;
  bool more = false;
  for (const auto& [name, table] : state.tables) {
    if (!only.is_null() && name != only.get<std::string>()) continue;
    if (next.is_string() && name <= next.get<std::string>()) continue;
    if (summaries.size() == max_results) {
      more = true;
      break;
    }
    const store::TableDefinition& definition = table->definition();
    json summary =
        value::JsonObject({{"TableName", name},
                           {"ContributorInsightsStatus",
                            definition.contributor_insights_enabled ? "ENABLED" : "DISABLED"}});
    if (definition.contributor_insights_enabled) {
      summary["ContributorInsightsMode"] = definition.contributor_insights_mode;
    }
    summaries.push_back(summary);
    last = name;
  }
  json response = value::JsonObject({{"ContributorInsightsSummaries", summaries}});
  if (more) response["NextToken"] = last;
  return response;
}

}  // namespace ddbpg::api
