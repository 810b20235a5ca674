// UpdateItem: SET, REMOVE, ADD and DELETE on one item, creating it when absent, with a
// condition and every ReturnValues option.

#include <functional>
#include <set>
#include <string>

#include "engine/api/handlers.h"
#include "engine/api/messages.h"
#include "engine/api/prepare_write.h"
#include "engine/api/request_schema.h"
#include "engine/api/validation_errors.h"
#include "engine/api/write_answer.h"
#include "engine/expr/document.h"
#include "engine/expr/update_evaluator.h"
#include "engine/value/ddb_json.h"

namespace ddbpg::api {
namespace {

const std::vector<MemberSpec>& UpdateItemShape() {
  static const auto* spec = new std::vector<MemberSpec>(WithConditionMembers({
      {"TableName", value::WireType::kString},
      AttributeValueMapMember("Key"),
      {"AttributeUpdates", value::WireType::kMap, "AttributeValueUpdate"},
      {"Expected", value::WireType::kMap, "ExpectedAttributeValue"},
      {"ConditionalOperator", value::WireType::kString},
      {"ReturnValues", value::WireType::kString},
      {"ReturnConsumedCapacity", value::WireType::kString},
      {"ReturnItemCollectionMetrics", value::WireType::kString},
      {"UpdateExpression", value::WireType::kString},
  }));
  return *spec;
}

// Captured from the service in 2026 (eu-west-2, us-east-1): with the table name or the key at
// fault, every member's fault is listed together, member by member; with both in order, only
// the first unknown enum is reported, ReturnValues first.
base::Status ValidateUpdateItemMembers(const json& request) {
  const json& table_name = Member(request, "TableName");
  const json& return_consumed_capacity = Member(request, "ReturnConsumedCapacity");
  const json& return_values = Member(request, "ReturnValues");
  const json& return_item_collection_metrics = Member(request, "ReturnItemCollectionMetrics");
  const json& conditional_operator = Member(request, "ConditionalOperator");
  const json& on_condition_check_failure = Member(request, "ReturnValuesOnConditionCheckFailure");
  constexpr std::string_view kReturnValues = "[ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]";
  ValidationErrors located;
  located.NotNull(table_name, "tableName");
  located.ResourceName(table_name, "tableName", 1);
  located.NotNull(Member(request, "Key"), "key");
  if (!located.empty()) {
    ValidationErrors errors;
    errors.Enum(return_consumed_capacity, "returnConsumedCapacity",
                kReturnConsumedCapacityValues);
    errors.NotNull(table_name, "tableName");
    errors.ResourceName(table_name, "tableName", 1);
    errors.Enum(return_values, "returnValues", kReturnValues);
    errors.Enum(conditional_operator, "conditionalOperator", "[OR, AND]");
    errors.NotNull(Member(request, "Key"), "key");
    errors.Enum(return_item_collection_metrics, "returnItemCollectionMetrics", "[SIZE, NONE]");
    errors.Enum(on_condition_check_failure, "returnValuesOnConditionCheckFailure",
                kOnConditionCheckFailureValues);
    return errors.ToStatus();
  }
  ValidationErrors first;
  first.Enum(return_values, "returnValues", kReturnValues);
  if (first.empty()) {
    first.Enum(return_consumed_capacity, "returnConsumedCapacity", kReturnConsumedCapacityValues);
  }
  if (first.empty()) {
    first.Enum(return_item_collection_metrics, "returnItemCollectionMetrics", "[SIZE, NONE]");
  }
  if (first.empty()) first.Enum(conditional_operator, "conditionalOperator", "[OR, AND]");
  if (first.empty()) {
    first.Enum(on_condition_check_failure, "returnValuesOnConditionCheckFailure",
               kOnConditionCheckFailureValues);
  }
  return first.ToStatus();
}

// ReturnValues: the whole item before or after, or only the updated paths of either. `new_item`
// is null when the update stored nothing.
std::optional<value::Item> ReturnedAttributes(const std::string& return_values,
                                              const PreparedWrite& write,
                                              const std::optional<value::Item>& old_item,
                                              const value::Item* new_item) {
  if (return_values == "ALL_OLD") return old_item;
  if (return_values == "ALL_NEW")
    return new_item ? std::optional<value::Item>(*new_item) : std::nullopt;
  if (return_values != "UPDATED_OLD" && return_values != "UPDATED_NEW") return std::nullopt;
  if (!write.expressions.update()) return std::nullopt;
  std::vector<expr::Path> paths = expr::UpdatedPaths(*write.expressions.update());
  if (return_values == "UPDATED_NEW") {
    return new_item ? std::optional<value::Item>(expr::Project(*new_item, paths)) : std::nullopt;
  }
  if (!old_item) return std::nullopt;
  return expr::Project(*old_item, paths);
}

// Ten regions size an UpdateItem as every other write, by its finished item alone; the other
// 22 also size its UpdateExpression as a statement (expr/update_statement_size.h). Measured
// across the 33 regions in 2026 (paritysuite's itemSizeBySurface); ap-northeast-1 answered
// both ways and is taken with the majority. A transaction's Update and a PartiQL UPDATE are
// sized by their finished item everywhere.
bool SizesUpdateStatements(const std::string& region) {
  static const auto* kFlatRegions = new std::set<std::string, std::less<>>{
      "ap-south-2",   "ap-southeast-6", "ap-southeast-7", "ca-central-1", "eu-central-2",
      "eu-south-1",   "eu-south-2",     "eu-west-1",      "me-central-1", "us-east-2"};
  return kFlatRegions->count(region) == 0;
}

// UpdateItem, its UpdateExpression sized as a statement too when `statement_sized`.
base::Result<json> RunUpdateItem(core::EngineState& state, const json& request,
                                 bool statement_sized) {
  if (base::Status s = CheckRequestShape(request, UpdateItemShape()); !s.ok()) return s;
  if (base::Status s = ValidateUpdateItemMembers(request); !s.ok()) return s;
  base::Result<PreparedWrite> write =
      PrepareWrite(state, request, WriteKind::kUpdate, /*envelope=*/true);
  if (!write.ok()) return write.status();
  // AttributeUpdates, the legacy member, is sized by the finished item everywhere (captured).
  write->statement_sized = statement_sized && !Member(request, "UpdateExpression").is_null();

  base::Result<core::WriteOutcome> outcome = core::ExecuteWrite(state, *write);
  if (!outcome.ok()) return outcome.status();
  json response = json::object();
  const json& return_values_member = Member(request, "ReturnValues");
  const std::string return_values =
      return_values_member.is_string() ? return_values_member.get<std::string>() : "NONE";
  // Only the *_NEW answers read the stored item back; most updates return nothing.
  const bool wants_new_item = return_values == "ALL_NEW" || return_values == "UPDATED_NEW";
  const value::Item* new_item =
      wants_new_item && outcome->stored ? write->table->Find(write->key) : nullptr;
  std::optional<value::Item> returned =
      ReturnedAttributes(return_values, *write, outcome->old_item, new_item);
  if (returned && !returned->empty()) response["Attributes"] = value::EncodeItem(*returned);
  AddWriteMetrics(response, request, *write, *outcome);
  return response;
}

}  // namespace

base::Result<json> UpdateItem(core::EngineState& state, const json& request) {
  return RunUpdateItem(state, request, SizesUpdateStatements(state.region));
}

base::Result<json> UpdateItemSizedByItem(core::EngineState& state, const json& request) {
  return RunUpdateItem(state, request, /*statement_sized=*/false);
}

}  // namespace ddbpg::api
