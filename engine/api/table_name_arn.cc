#include "engine/api/table_name_arn.h"

#include <string>
#include <unordered_set>

#include "engine/api/resource_arn.h"
#include "engine/base/service_text.h"

namespace ddbpg::api {
namespace {

using json = nlohmann::json;

// The operations whose TableName may be an ARN: all that take the name of an existing table.
// CreateTable names a new table, RestoreTable* and ImportTable theirs; the Streams API's
// ListStreams keeps names only.
bool TakesTableArn(std::string_view operation) {
  static const auto* operations = new std::unordered_set<std::string_view>{
      "DescribeTable",          "UpdateTable",
      "DeleteTable",            "PutItem",
      "GetItem",                "DeleteItem",
      "UpdateItem",             "Query",
      "Scan",                   "UpdateTimeToLive",
      "DescribeTimeToLive",     "UpdateContinuousBackups",
      "DescribeContinuousBackups", "CreateBackup",
      "ListBackups",            "UpdateContributorInsights",
      "DescribeContributorInsights", "ListContributorInsights",
      "DescribeTableReplicaAutoScaling", "UpdateTableReplicaAutoScaling"};
  return operations->count(operation) != 0;
}

bool IsArn(const std::string& text) { return text.compare(0, 4, "arn:") == 0; }

base::Status InvalidTableArn(const std::string& arn) {
  return base::Status::Validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
}

// The name of the table `arn` names; access is checked first, as the service authorizes the
// resource before it reads the request.
base::Result<std::string> TableNameOf(const core::EngineState& state, std::string_view operation,
                                      const std::string& arn) {
  base::Status access = CheckArnAccess(state, arn, operation);
  if (!access.ok()) return access;
  base::Result<ResourceArn> parsed = ParseResourceArn(state, arn);
  if (!parsed.ok() || !parsed->stream_label.empty()) return InvalidTableArn(arn);
  return parsed->table_name;
}

// A member `key` of `object` that holds a table ARN, rewritten to the name.
base::Status ResolveMember(const core::EngineState& state, std::string_view operation,
                           json& object, const char* key) {
  if (!object.is_object()) return base::Status::OK();
  auto member = object.find(key);
  if (member == object.end() || !member->is_string()) return base::Status::OK();
  const std::string& text = member->get_ref<const std::string&>();
  if (!IsArn(text)) return base::Status::OK();
  base::Result<std::string> name = TableNameOf(state, operation, text);
  if (!name.ok()) return name.status();
  *member = std::move(*name);
  return base::Status::OK();
}

// RequestItems keyed by ARN, re-keyed by name (keeping the map's order for the rest).
base::Status ResolveRequestItems(const core::EngineState& state, std::string_view operation,
                                 json& request) {
  auto items = request.find("RequestItems");
  if (items == request.end() || !items->is_object()) return base::Status::OK();
  bool any_arn = false;
  for (const auto& [key, unused] : items->items()) any_arn = any_arn || IsArn(key);
  if (!any_arn) return base::Status::OK();
  json by_name = json::object();
  for (auto& [key, requests] : items->items()) {
    std::string name = key;
    if (IsArn(key)) {
      base::Result<std::string> resolved = TableNameOf(state, operation, key);
      if (!resolved.ok()) return resolved.status();
      name = std::move(*resolved);
    }
    // One table named twice (by name and by ARN) would merge two request lists into one.
    if (by_name.contains(name)) {
      return base::Status::Validation(std::string(base::kParameterValuesInvalid) +
                                      "RequestItems names the table " + name +
                                      " more than once, by name and by ARN");
    }
    by_name[name] = std::move(requests);
  }
  *items = std::move(by_name);
  return base::Status::OK();
}

// Each TransactItems entry's one action ({"Put": {...}}, {"Get": {...}}, ...) and its TableName.
base::Status ResolveTransactItems(const core::EngineState& state, std::string_view operation,
                                  json& request) {
  auto items = request.find("TransactItems");
  if (items == request.end() || !items->is_array()) return base::Status::OK();
  for (json& entry : *items) {
    if (!entry.is_object()) continue;
    for (auto& [kind, action] : entry.items()) {
      base::Status status = ResolveMember(state, operation, action, "TableName");
      if (!status.ok()) return status;
    }
  }
  return base::Status::OK();
}

}  // namespace

base::Status ResolveTableArns(const core::EngineState& state, std::string_view operation,
                              json& request) {
  if (operation == "BatchGetItem" || operation == "BatchWriteItem") {
    return ResolveRequestItems(state, operation, request);
  }
  if (operation == "TransactGetItems" || operation == "TransactWriteItems") {
    return ResolveTransactItems(state, operation, request);
  }
  if (TakesTableArn(operation)) return ResolveMember(state, operation, request, "TableName");
  return base::Status::OK();
}

}  // namespace ddbpg::api
