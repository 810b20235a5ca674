// The single-item operations: PutItem, GetItem, DeleteItem.
// Order of checks, as DynamoDB applies them: shape, member constraints, attribute values,
// cross-member rules, item size, table lookup, key schema, effect, response.
#include <set>

#include "engine/api/consumed_capacity.h"
#include "engine/api/expression_params.h"
#include "engine/api/get_item_answer.h"
#include "engine/api/handlers.h"
#include "engine/api/messages.h"
#include "engine/api/prepare_write.h"
#include "engine/api/request_schema.h"
#include "engine/api/validation_errors.h"
#include "engine/api/write_answer.h"
#include "engine/base/limits.h"
#include "engine/core/read_path.h"
#include "engine/expr/document.h"
#include "engine/value/ddb_json.h"
#include "engine/value/deep_request.h"
#include "engine/value/item_size.h"
#include "engine/value/item_writer.h"

namespace ddbpg::api {
namespace {

constexpr const char* kReturnValuesValues = "[ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]";
constexpr const char* kReturnItemCollectionMetricsValues = "[SIZE, NONE]";

const std::vector<MemberSpec>& WriteShape(const char* item_member) {
  // PutItem names its attribute map "Item", DeleteItem "Key"; the rest is shared.
  static const auto make = [](const char* name) {
    return new std::vector<MemberSpec>(WithConditionMembers({
        {"TableName", value::WireType::kString},
        AttributeValueMapMember(name),
        {"Expected", value::WireType::kMap, "ExpectedAttributeValue"},
        {"ReturnValues", value::WireType::kString},
        {"ReturnConsumedCapacity", value::WireType::kString},
        {"ReturnItemCollectionMetrics", value::WireType::kString},
        {"ConditionalOperator", value::WireType::kString},
    }));
  };
  static const auto* put = make("Item");
  static const auto* del = make("Key");
  return std::string_view(item_member) == "Item" ? *put : *del;
}

const std::vector<MemberSpec>& GetItemShape() {
  static const auto* spec = new std::vector<MemberSpec>{
      {"TableName", value::WireType::kString},
      AttributeValueMapMember("Key"),
      {"AttributesToGet",
       value::WireType::kList,
       "String",
       MemberKind::kPlain,
       {},
       value::WireType::kString},
      {"ConsistentRead", value::WireType::kBoolean},
      {"ReturnConsumedCapacity", value::WireType::kString},
      {"ProjectionExpression", value::WireType::kString},
      ExpressionAttributeNamesMember(),
  };
  return *spec;
}

base::Result<store::Table*> FindItemTable(core::EngineState& state, const json& request) {
  store::Table* table = state.FindTable(Member(request, "TableName").get<std::string>());
  if (table == nullptr) return base::Status::ResourceNotFound(kItemNotFoundInTableMessage);
  return table;
}

// Member constraints of the write operations, in the order the service lists them: PutItem
// checks its item before ReturnValues, DeleteItem its key after them.
base::Status ValidateWriteMembers(const json& request, const char* item_member,
                                  const char* item_path) {
  ValidationErrors errors;
  const bool is_put = std::string_view(item_member) == "Item";
  const json& table_name = Member(request, "TableName");
  errors.Enum(Member(request, "ReturnConsumedCapacity"), "returnConsumedCapacity",
              kReturnConsumedCapacityValues);
  errors.NotNull(table_name, "tableName");
  errors.ResourceName(table_name, "tableName", 1);
  if (is_put) errors.NotNull(Member(request, item_member), item_path);
  errors.Enum(Member(request, "ReturnValues"), "returnValues", kReturnValuesValues);
  errors.Enum(Member(request, "ReturnItemCollectionMetrics"), "returnItemCollectionMetrics",
              kReturnItemCollectionMetricsValues);
  if (!is_put) errors.NotNull(Member(request, item_member), item_path);
  errors.Enum(Member(request, "ConditionalOperator"), "conditionalOperator", "[OR, AND]");
  errors.Enum(Member(request, "ReturnValuesOnConditionCheckFailure"),
              "returnValuesOnConditionCheckFailure", kOnConditionCheckFailureValues);
  return errors.ToStatus();
}

base::Status CheckReturnValuesForPutOrDelete(const json& request) {
  const json& return_values = Member(request, "ReturnValues");
  if (return_values.is_null() || return_values == "NONE" || return_values == "ALL_OLD") {
    return base::Status::OK();
  }
  // The older reader of a deep request (value/deep_request.h) words it bare.
  if (value::InDeepRequest()) return base::Status::Validation(kReturnValuesPutDeleteMessage);
  return base::Status::Validation(std::string("1 validation error detected: ") +
                                  kReturnValuesPutDeleteMessage);
}

}  // namespace

namespace {

// PutItem and DeleteItem differ only in their attribute member and in what they write.
base::Result<json> PutOrDelete(core::EngineState& state, const json& request, WriteKind kind) {
  const bool is_put = kind == WriteKind::kPut;
  if (base::Status s = CheckRequestShape(request, WriteShape(is_put ? "Item" : "Key")); !s.ok())
    return s;
  if (base::Status s =
          ValidateWriteMembers(request, is_put ? "Item" : "Key", is_put ? "item" : "key");
      !s.ok()) {
    return s;
  }
  if (base::Status s = CheckReturnValuesForPutOrDelete(request); !s.ok()) return s;
  base::Result<PreparedWrite> write = PrepareWrite(state, request, kind, /*envelope=*/true);
  if (!write.ok()) return write.status();

  base::Result<core::WriteOutcome> outcome = core::ExecuteWrite(state, *write);
  if (!outcome.ok()) return outcome.status();

  return PutOrDeleteAnswer(request, *write, *outcome);
}

}  // namespace

base::Result<json> PutItem(core::EngineState& state, const json& request) {
  return PutOrDelete(state, request, WriteKind::kPut);
}

base::Result<json> DeleteItem(core::EngineState& state, const json& request) {
  return PutOrDelete(state, request, WriteKind::kDelete);
}

base::Result<std::string> GetItem(core::EngineState& state, const json& request) {
  return GetItem(state, request, nullptr);
}

base::Result<std::string> GetItem(core::EngineState& state, const json& request,
                                  capacity::CapacityCharge* charge) {
  if (base::Status s = CheckRequestShape(request, GetItemShape()); !s.ok()) return s;
  const json& attributes_to_get = Member(request, "AttributesToGet");
  ValidationErrors errors;
  const json& table_name = Member(request, "TableName");
  errors.Enum(Member(request, "ReturnConsumedCapacity"), "returnConsumedCapacity",
              kReturnConsumedCapacityValues);
  errors.MinLength(attributes_to_get, "attributesToGet", 1);
  errors.MaxLength(attributes_to_get, "attributesToGet", 255);
  errors.NotNull(table_name, "tableName");
  errors.ResourceName(table_name, "tableName", 1);
  errors.NotNull(Member(request, "Key"), "key");
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  if (base::Status s = CheckExpressionMixing(
          request, {{"ProjectionExpression", expr::ExpressionKind::kProjection}},
          {"AttributesToGet"});
      !s.ok()) {
    return s;
  }
  base::Result<value::Item> key_attributes = value::DecodeItem(Member(request, "Key"));
  if (!key_attributes.ok()) return key_attributes.status();
  if (attributes_to_get.is_array()) {
    std::set<std::string> unique;
    for (const json& name : attributes_to_get) {
      if (!unique.insert(name.get<std::string>()).second) {
        return base::Status::Validation(
            std::string(kInvalidParameters) +
            "Duplicate value in attribute name: " + name.get<std::string>());
      }
    }
  }
  base::Result<RequestExpressions> expressions = ParseRequestExpressions(
      request, {{"ProjectionExpression", expr::ExpressionKind::kProjection}}, {"AttributesToGet"});
  if (!expressions.ok()) return expressions.status();

  base::Result<store::Table*> table = FindItemTable(state, request);
  if (!table.ok()) return table.status();
  base::Result<value::PrimaryKey> key = (*table)->KeyFromKeyParameter(*key_attributes);
  if (!key.ok()) return key.status();

  return AnswerGetItem(state, **table, *key, Member(request, "ConsistentRead") == true,
                       ParseReturnConsumedCapacity(Member(request, "ReturnConsumedCapacity")),
                       ProjectionPaths(*expressions, attributes_to_get), charge);
}

}  // namespace ddbpg::api
