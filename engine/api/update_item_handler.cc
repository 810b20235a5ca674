// UpdateItem: SET, REMOVE, ADD and DELETE on one item, creating it when absent, with a
// condition and every ReturnValues option.

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

base::Status ValidateUpdateItemMembers(const json& request) {
  ValidationErrors errors;
  const json& table_name = Member(request, "TableName");
  errors.Enum(Member(request, "ReturnConsumedCapacity"), "returnConsumedCapacity",
              kReturnConsumedCapacityValues);
  errors.NotNull(table_name, "tableName");
  errors.ResourceName(table_name, "tableName", 1);
  errors.Enum(Member(request, "ReturnValues"), "returnValues",
              "[ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
  errors.NotNull(Member(request, "Key"), "key");
  errors.Enum(Member(request, "ReturnItemCollectionMetrics"), "returnItemCollectionMetrics",
              "[SIZE, NONE]");
  errors.Enum(Member(request, "ConditionalOperator"), "conditionalOperator", "[OR, AND]");
  errors.Enum(Member(request, "ReturnValuesOnConditionCheckFailure"),
              "returnValuesOnConditionCheckFailure", kOnConditionCheckFailureValues);
  return errors.ToStatus();
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

}  // namespace

base::Result<json> UpdateItem(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, UpdateItemShape()); !s.ok()) return s;
  if (base::Status s = ValidateUpdateItemMembers(request); !s.ok()) return s;
  base::Result<PreparedWrite> write =
      PrepareWrite(state, request, WriteKind::kUpdate, /*envelope=*/true);
  if (!write.ok()) return write.status();

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

}  // namespace ddbpg::api
