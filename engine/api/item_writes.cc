#include "engine/api/item_writes.h"
#include "engine/api/item_collections.h"

#include "engine/capacity/units.h"

#include "engine/api/legacy_parameters.h"
#include "engine/api/messages.h"
#include "engine/api/request_schema.h"
#include "engine/base/limits.h"
#include "engine/expr/condition_evaluator.h"
#include "engine/expr/update_evaluator.h"
#include "engine/value/ddb_json.h"
#include "engine/value/item_size.h"

namespace ddbpg {
namespace {

constexpr const char* kConditionFailedMessage = "The conditional request failed";

bool UsesLegacy(const json& request) {
  for (const char* member : {"Expected", "ConditionalOperator", "AttributeUpdates"}) {
    if (!Member(request, member).is_null()) return true;
  }
  return false;
}

Result<RequestExpressions> TranslateLegacyWrite(const json& request) {
  LegacyTranslation translation;
  if (Status s = TranslateExpected(Member(request, "Expected"),
                                   Member(request, "ConditionalOperator"), translation);
      !s.ok()) {
    return s;
  }
  if (Status s = TranslateAttributeUpdates(Member(request, "AttributeUpdates"), translation);
      !s.ok()) {
    return s;
  }
  return RequestExpressions::FromLegacy(std::move(translation.values),
                                        std::move(translation.condition),
                                        std::move(translation.update), std::nullopt, std::nullopt);
}

bool HasLongName(const AttributeValue& value) {
  if (value.type() == AttributeType::kL) {
    for (const AttributeValue& element : value.AsList()) {
      if (HasLongName(element)) return true;
    }
  }
  if (value.type() == AttributeType::kM) {
    for (const auto& [name, element] : value.AsMap()) {
      if (name.size() > limits::kMaxAttributeNameBytes || HasLongName(element)) return true;
    }
  }
  return false;
}

}  // namespace

Status CheckAttributeNameSizes(const Item& item) {
  for (const auto& [name, value] : item) {
    if (name.size() > limits::kMaxAttributeNameBytes || HasLongName(value)) {
      // The service's text says "less than 65536" (ExtendDB issue #365, measured in 2026).
      return Status::Validation(
          "1 validation error detected: Attribute name is too large, must be less than 65536 "
          "bytes");
    }
  }
  return Status::OK();
}

Result<PreparedWrite> PrepareWrite(EngineState& state, const json& request, WriteKind kind,
                                   bool envelope) {
  PreparedWrite write;
  write.kind = kind;
  const bool is_put = kind == WriteKind::kPut;
  if (kind == WriteKind::kUpdate) {
    if (Status s = RequestExpressions::CheckMixing(
            request,
            {{"UpdateExpression", expr::ExpressionKind::kUpdate},
             {"ConditionExpression", expr::ExpressionKind::kCondition}},
            {"AttributeUpdates", "Expected"});
        !s.ok()) {
      return s;
    }
  } else {
    if (Status s = RequestExpressions::CheckMixing(
            request, {{"ConditionExpression", expr::ExpressionKind::kCondition}}, {"Expected"});
        !s.ok()) {
      return s;
    }
  }
  Result<Item> attributes =
      DecodeItem(Member(request, is_put ? "Item" : "Key"), {.envelope_value_errors = envelope});
  if (!attributes.ok()) return attributes.status();
  if (is_put && ItemSize(*attributes) > limits::kMaxItemBytes) {
    return Status::Validation(kItemTooLargeMessage);
  }
  if (is_put) {
    if (Status s = CheckAttributeNameSizes(*attributes); !s.ok()) return s;
  }
  Result<RequestExpressions> expressions =
      UsesLegacy(request) ? TranslateLegacyWrite(request)
      : kind == WriteKind::kUpdate
          ? RequestExpressions::Parse(request,
                                      {{"UpdateExpression", expr::ExpressionKind::kUpdate},
                                       {"ConditionExpression", expr::ExpressionKind::kCondition}},
                                      {"AttributeUpdates", "Expected"}, envelope)
          : RequestExpressions::Parse(request,
                                      {{"ConditionExpression", expr::ExpressionKind::kCondition}},
                                      {"Expected"}, envelope);
  if (!expressions.ok()) return expressions.status();
  write.expressions = std::move(*expressions);
  write.return_old_on_condition_failure =
      Member(request, "ReturnValuesOnConditionCheckFailure") == "ALL_OLD";

  write.table = state.FindTable(Member(request, "TableName").get<std::string>());
  if (write.table == nullptr) return Status::ResourceNotFound(kItemNotFoundInTableMessage);
  Result<PrimaryKey> key = is_put ? write.table->KeyOfItem(*attributes)
                                  : write.table->KeyFromKeyParameter(*attributes);
  if (!key.ok()) return key.status();
  write.key = std::move(*key);
  if (is_put) write.put_item = std::move(*attributes);

  if (write.expressions.update()) {
    std::vector<std::string> key_names = {write.table->partition_key_name()};
    if (write.table->has_sort_key()) key_names.push_back(write.table->sort_key_name());
    if (Status s = expr::CheckUpdate(*write.expressions.update(), write.expressions.context(),
                                     key_names);
        !s.ok()) {
      return s;
    }
  }
  return write;
}

Status CheckWriteCondition(const PreparedWrite& write, const Item* current) {
  const std::optional<expr::Condition>& condition = write.expressions.condition();
  if (!condition) return Status::OK();
  static const Item kNoItem;
  if (expr::EvaluateCondition(*condition, current ? *current : kNoItem,
                              write.expressions.context())) {
    return Status::OK();
  }
  Status failed = Status::ConditionalCheckFailed(kConditionFailedMessage);
  if (write.return_old_on_condition_failure && current != nullptr) {
    return std::move(failed).WithExtraMembers(json{{"Item", EncodeItem(*current)}}.dump());
  }
  return failed;
}

bool UpdateStoresNothing(const PreparedWrite& write, const Item* current) {
  if (write.kind != WriteKind::kUpdate || current != nullptr) return false;
  const std::optional<expr::UpdateExpression>& update = write.expressions.update();
  if (!update || update->actions.empty()) return false;
  for (const expr::UpdateAction& action : update->actions) {
    // Only deletions, no new data: "Nothing happens; there is no attribute to delete" (API
    // reference, AttributeValueUpdate); ScyllaDB's tests, run against DynamoDB, find the same
    // for an UpdateExpression that only removes or deletes (scylladb issue #5862).
    if (action.kind == expr::UpdateAction::Kind::kRemove ||
        action.kind == expr::UpdateAction::Kind::kDelete) {
      continue;
    }
    return false;
  }
  return true;
}

Result<std::optional<Item>> ComputeWrite(const PreparedWrite& write, const Item* current) {
  switch (write.kind) {
    case WriteKind::kPut:
      return std::optional<Item>(write.put_item);
    case WriteKind::kDelete:
      return std::optional<Item>();
    case WriteKind::kConditionCheck:
      return current ? std::optional<Item>(*current) : std::optional<Item>();
    case WriteKind::kUpdate:
      break;
  }
  // An update of a missing item starts from its key.
  Item item;
  if (current != nullptr) {
    item = *current;
  } else {
    item[write.table->partition_key_name()] = write.key.partition;
    if (write.key.sort) item[write.table->sort_key_name()] = *write.key.sort;
  }
  if (write.expressions.update()) {
    if (Status s = expr::ApplyUpdate(*write.expressions.update(), write.expressions.context(), item);
        !s.ok()) {
      return s;
    }
  }
  if (ItemSize(item) > limits::kMaxItemBytes) {
    return Status::Validation("Item size to update has exceeded the maximum allowed size");
  }
  if (Status s = CheckAttributeNameSizes(item); !s.ok()) return s;
  if (Status s = write.table->CheckIndexKeys(item); !s.ok()) return s;
  return std::optional<Item>(std::move(item));
}

CapacityCharge WriteCharge(const Table& table, const Item* old_item, const Item* new_item,
                           bool stores) {
  CapacityCharge charge;
  charge.table = capacity::WriteUnits(
      std::max(old_item ? ItemSize(*old_item) : 0, new_item ? ItemSize(*new_item) : 0));
  const Item* stored = stores ? new_item : nullptr;
  for (const auto& index : table.indexes()) {
    double units = index->WriteUnits(old_item, stored);
    if (units == 0) continue;
    (index->is_global() ? charge.global_indexes : charge.local_indexes)
        .push_back({index->name(), units});
  }
  return charge;
}

namespace {

// The hash of the index partition a write lands on: the new entry's, or the old one's when the
// item leaves the index.
std::optional<uint64_t> IndexHashOf(const SecondaryIndex& index, const Item* old_item,
                                    const Item* new_item) {
  for (const Item* item : {new_item, old_item}) {
    if (item == nullptr) continue;
    if (std::optional<uint64_t> hash = index.PartitionHashOf(*item)) return hash;
  }
  return std::nullopt;
}

}  // namespace

Result<IndexWriteTargets> AdmitWrite(EngineState& state, Table& table, const PrimaryKey& key,
                                     const CapacityCharge& charge, const Item* old_item,
                                     const Item* new_item, double now) {
  if (Status s = CheckItemCollectionSize(table, key, old_item, new_item, state.scale); !s.ok()) {
    return s;
  }
  const std::string arn = state.TableArn(table.name());
  if (Status s = table.Admit(CapacityKind::kWrite, key, charge.OnTableCapacity(), now, arn);
      !s.ok()) {
    return s;
  }
  IndexWriteTargets written;
  for (const auto& [name, units] : charge.global_indexes) {
    SecondaryIndex* index = table.FindIndex(name);
    std::optional<uint64_t> hash = IndexHashOf(*index, old_item, new_item);
    if (!hash) continue;
    if (Status s = index->capacity().Admit(CapacityKind::kWrite, *hash, units, now,
                                           arn + "/index/" + name);
        !s.ok()) {
      return s;
    }
    written.targets.push_back({index, *hash, units});
  }
  return written;
}

void RecordWrite(Table& table, const PrimaryKey& key, const CapacityCharge& charge,
                 const IndexWriteTargets& targets, double now) {
  table.RecordWrite(key, charge.OnTableCapacity(), now);
  for (const IndexWriteTargets::Target& target : targets.targets) {
    target.index->capacity().Record(CapacityKind::kWrite, target.hash, target.units, now);
  }
}

std::optional<Item> CommitWrite(const PreparedWrite& write, std::optional<Item> new_item) {
  if (write.kind == WriteKind::kConditionCheck) return std::nullopt;
  if (!new_item) return write.table->Delete(write.key);
  return write.table->Put(write.key, std::move(*new_item));
}

}  // namespace ddbpg
