// The single-item operations: PutItem, GetItem, DeleteItem.
// Order of checks, as DynamoDB applies them: shape, member constraints, attribute values,
// cross-member rules, item size, table lookup, key schema, effect, response.
#include <set>

#include "engine/api/consumed_capacity.h"
#include "engine/api/handlers.h"
#include "engine/api/messages.h"
#include "engine/api/request_schema.h"
#include "engine/api/validation_errors.h"
#include "engine/base/limits.h"
#include "engine/capacity/units.h"
#include "engine/value/ddb_json.h"
#include "engine/value/item_size.h"

namespace ddbpg {
namespace {

constexpr const char* kReturnConsumedCapacityValues = "[INDEXES, TOTAL, NONE]";
constexpr const char* kReturnValuesValues = "[ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]";
constexpr const char* kReturnItemCollectionMetricsValues = "[SIZE, NONE]";

const std::vector<MemberSpec>& WriteShape(const char* item_member) {
  // PutItem names its attribute map "Item", DeleteItem "Key"; the rest is shared.
  static const auto make = [](const char* name) {
    return new std::vector<MemberSpec>{
        {"TableName", WireType::kString},
        {name, WireType::kMap, "AttributeValue", MemberKind::kAttributeMap},
        {"Expected", WireType::kMap, "ExpectedAttributeValue"},
        {"ReturnValues", WireType::kString},
        {"ReturnConsumedCapacity", WireType::kString},
        {"ReturnItemCollectionMetrics", WireType::kString},
        {"ConditionalOperator", WireType::kString},
        {"ConditionExpression", WireType::kString},
        {"ExpressionAttributeNames", WireType::kMap, "String", MemberKind::kStringMap},
        {"ExpressionAttributeValues", WireType::kMap, "AttributeValue", MemberKind::kAttributeMap},
        {"ReturnValuesOnConditionCheckFailure", WireType::kString},
    };
  };
  static const auto* put = make("Item");
  static const auto* del = make("Key");
  return std::string_view(item_member) == "Item" ? *put : *del;
}

const std::vector<MemberSpec>& GetItemShape() {
  static const auto* spec = new std::vector<MemberSpec>{
      {"TableName", WireType::kString},
      {"Key", WireType::kMap, "AttributeValue", MemberKind::kAttributeMap},
      {"AttributesToGet", WireType::kList, "String"},
      {"ConsistentRead", WireType::kBoolean},
      {"ReturnConsumedCapacity", WireType::kString},
      {"ProjectionExpression", WireType::kString},
      {"ExpressionAttributeNames", WireType::kMap, "String", MemberKind::kStringMap},
  };
  return *spec;
}

// The expression and legacy condition members arrive with the data-plane issue (#3); until
// then a request using them is refused rather than executed without its condition.
Status RefuseLaterMembers(const json& request, std::initializer_list<const char*> members) {
  for (const char* member : members) {
    if (!Member(request, member).is_null()) {
      return Status::Validation(NotYetSupportedMessage(member));
    }
  }
  return Status::OK();
}

Result<Table*> FindItemTable(EngineState& state, const json& request) {
  Table* table = state.FindTable(Member(request, "TableName").get<std::string>());
  if (table == nullptr) return Status::ResourceNotFound(kItemNotFoundInTableMessage);
  return table;
}

// Member constraints of the write operations, in the order the service lists them: PutItem
// checks its item before ReturnValues, DeleteItem its key after them.
Status ValidateWriteMembers(const json& request, const char* item_member, const char* item_path) {
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
  return errors.ToStatus();
}

bool WantsOldItem(const json& request) {
  const json& return_values = Member(request, "ReturnValues");
  if (!return_values.is_null() && return_values != "NONE" && return_values != "ALL_OLD") {
    return false;
  }
  return return_values == "ALL_OLD";
}

Status CheckReturnValuesForPutOrDelete(const json& request) {
  const json& return_values = Member(request, "ReturnValues");
  if (return_values.is_null() || return_values == "NONE" || return_values == "ALL_OLD") {
    return Status::OK();
  }
  return Status::Validation(std::string("1 validation error detected: ") +
                            kReturnValuesPutDeleteMessage);
}

}  // namespace

Result<json> PutItem(EngineState& state, const json& request) {
  if (Status s = CheckRequestShape(request, WriteShape("Item")); !s.ok()) return s;
  if (Status s = ValidateWriteMembers(request, "Item", "item"); !s.ok()) return s;
  Result<Item> item = DecodeItem(Member(request, "Item"), {.envelope_value_errors = true});
  if (!item.ok()) return item.status();
  if (Status s = CheckReturnValuesForPutOrDelete(request); !s.ok()) return s;
  if (Status s = RefuseLaterMembers(request, {"ConditionExpression", "Expected",
                                              "ConditionalOperator", "ExpressionAttributeNames",
                                              "ExpressionAttributeValues"});
      !s.ok()) {
    return s;
  }
  const size_t new_size = ItemSize(*item);
  if (new_size > limits::kMaxItemBytes) return Status::Validation(kItemTooLargeMessage);

  Result<Table*> table = FindItemTable(state, request);
  if (!table.ok()) return table.status();
  Result<PrimaryKey> key = (*table)->KeyOfItem(*item);
  if (!key.ok()) return key.status();

  std::optional<Item> old = (*table)->Put(*key, std::move(*item));
  const size_t charged = std::max(new_size, old ? ItemSize(*old) : 0);
  json response = json::object();
  if (old && WantsOldItem(request)) response["Attributes"] = EncodeItem(*old);
  AddConsumedCapacity(response, ParseReturnConsumedCapacity(Member(request, "ReturnConsumedCapacity")),
                      (*table)->name(), capacity::WriteUnits(charged));
  return response;
}

Result<json> DeleteItem(EngineState& state, const json& request) {
  if (Status s = CheckRequestShape(request, WriteShape("Key")); !s.ok()) return s;
  if (Status s = ValidateWriteMembers(request, "Key", "key"); !s.ok()) return s;
  Result<Item> key_attributes =
      DecodeItem(Member(request, "Key"), {.envelope_value_errors = true});
  if (!key_attributes.ok()) return key_attributes.status();
  if (Status s = CheckReturnValuesForPutOrDelete(request); !s.ok()) return s;
  if (Status s = RefuseLaterMembers(request, {"ConditionExpression", "Expected",
                                              "ConditionalOperator", "ExpressionAttributeNames",
                                              "ExpressionAttributeValues"});
      !s.ok()) {
    return s;
  }

  Result<Table*> table = FindItemTable(state, request);
  if (!table.ok()) return table.status();
  Result<PrimaryKey> key = (*table)->KeyFromKeyParameter(*key_attributes);
  if (!key.ok()) return key.status();

  std::optional<Item> old = (*table)->Delete(*key);
  json response = json::object();
  if (old && WantsOldItem(request)) response["Attributes"] = EncodeItem(*old);
  AddConsumedCapacity(response, ParseReturnConsumedCapacity(Member(request, "ReturnConsumedCapacity")),
                      (*table)->name(), capacity::WriteUnits(old ? ItemSize(*old) : 0));
  return response;
}

Result<json> GetItem(EngineState& state, const json& request) {
  if (Status s = CheckRequestShape(request, GetItemShape()); !s.ok()) return s;
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
  if (Status s = errors.ToStatus(); !s.ok()) return s;
  Result<Item> key_attributes = DecodeItem(Member(request, "Key"));
  if (!key_attributes.ok()) return key_attributes.status();
  if (Status s = RefuseLaterMembers(request, {"ProjectionExpression", "ExpressionAttributeNames"});
      !s.ok()) {
    return s;
  }
  if (attributes_to_get.is_array()) {
    std::set<std::string> unique;
    for (const json& name : attributes_to_get) {
      if (!unique.insert(name.get<std::string>()).second) {
        return Status::Validation(std::string(kInvalidParameters) +
                                  "Duplicate value in attribute name: " + name.get<std::string>());
      }
    }
  }

  Result<Table*> table = FindItemTable(state, request);
  if (!table.ok()) return table.status();
  Result<PrimaryKey> key = (*table)->KeyFromKeyParameter(*key_attributes);
  if (!key.ok()) return key.status();

  const Item* found = (*table)->Find(*key);
  const bool consistent = Member(request, "ConsistentRead") == true;
  json response = json::object();
  if (found != nullptr) {
    if (attributes_to_get.is_array()) {
      Item projected;
      for (const json& name : attributes_to_get) {
        auto it = found->find(name.get<std::string>());
        if (it != found->end()) projected.insert(*it);
      }
      response["Item"] = EncodeItem(projected);
    } else {
      response["Item"] = EncodeItem(*found);
    }
  }
  // Reads are charged on the whole item, whatever the projection returns.
  AddConsumedCapacity(response, ParseReturnConsumedCapacity(Member(request, "ReturnConsumedCapacity")),
                      (*table)->name(),
                      capacity::ReadUnits(found ? ItemSize(*found) : 0, consistent));
  return response;
}

}  // namespace ddbpg
