#include "engine/core/write_path.h"

#include <algorithm>
#include <string>

#include "engine/base/limits.h"
#include "engine/capacity/units.h"
#include "engine/core/item_collection_limit.h"
#include "engine/expr/condition_evaluator.h"
#include "engine/expr/update_evaluator.h"
#include "engine/expr/update_statement_size.h"
#include "engine/value/attribute_names.h"
#include "engine/value/item_size.h"
#include "engine/value/item_writer.h"

namespace ddbpg::core {
namespace {

constexpr const char* kConditionFailedMessage = "The conditional request failed";

}  // namespace

base::Status CheckWriteCondition(const PreparedWrite& write, const value::Item* current) {
  const std::optional<expr::Condition>& condition = write.expressions.condition();
  if (!condition) return base::Status::OK();
  static const value::Item kNoItem;
  if (expr::EvaluateCondition(*condition, current ? *current : kNoItem,
                              write.expressions.context())) {
    return base::Status::OK();
  }
  base::Status failed = base::Status::ConditionalCheckFailed(kConditionFailedMessage);
  if (write.return_old_on_condition_failure && current != nullptr) {
    std::string extra;
    base::JsonWriter writer(extra);
    writer.BeginObject();
    writer.Key("Item");
    value::WriteItem(writer, *current);
    writer.EndObject();
    return std::move(failed).WithExtraMembers(std::move(extra));
  }
  return failed;
}

bool UpdateStoresNothing(const PreparedWrite& write, const value::Item* current) {
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

base::Result<std::optional<value::Item>> ComputeWrite(PreparedWrite& write,
                                                      const value::Item* current) {
  switch (write.kind) {
    case WriteKind::kPut:
      return std::optional<value::Item>(std::move(write.put_item));
    case WriteKind::kDelete:
      return std::optional<value::Item>();
    case WriteKind::kConditionCheck:
      return current ? std::optional<value::Item>(*current) : std::optional<value::Item>();
    case WriteKind::kUpdate:
      break;
  }
  // An update of a missing item starts from its key.
  value::Item item;
  if (current != nullptr) {
    item = *current;
  } else {
    item[write.table->partition_key_name()] = write.key.partition;
    if (write.key.sort) item[write.table->sort_key_name()] = *write.key.sort;
  }
  // An update of an absent item that only takes attributes away stores nothing, and its paths
  // are not checked against the item: DynamoDB ignores REMOVE x.y there (ScyllaDB's tests),
  // though it refuses the same path on an item without x.
  if (write.expressions.update() && !UpdateStoresNothing(write, current)) {
    if (base::Status s =
            expr::ApplyUpdate(*write.expressions.update(), write.expressions.context(), item);
        !s.ok()) {
      return s;
    }
  }
  if (value::ItemSize(item) > base::limits::kMaxItemBytes) {
    return base::Status::Validation("Item size to update has exceeded the maximum allowed size");
  }
  if (base::Status s = value::CheckAttributeNames(item); !s.ok()) return s;
  // An UpdateExpression that SETs an index key attribute to another type has the update's own
  // text (API reference, TransactionCanceledException's messages; dynalite's tests record it for
  // UpdateItem), not PutItem's Type mismatch for Index Key.
  if (write.expressions.update()) {
    for (const expr::UpdateAction& action : write.expressions.update()->actions) {
      if (action.kind == expr::UpdateAction::Kind::kSet && action.path.elements.size() == 1 &&
          write.table->HoldsIndexKeyOfAnotherType(item, action.path.elements[0].name)) {
        return base::Status::Validation(
            "The update expression attempted to update the secondary index key to unsupported "
            "type");
      }
    }
  }
  if (base::Status s = write.table->CheckIndexKeys(item); !s.ok()) return s;
  return std::optional<value::Item>(std::move(item));
}

capacity::CapacityCharge WriteCharge(const store::Table& table, const value::Item* old_item,
                                     const value::Item* new_item, bool stores) {
  capacity::CapacityCharge charge;
  charge.table = capacity::WriteUnits(std::max(old_item ? value::ItemSize(*old_item) : 0,
                                               new_item ? value::ItemSize(*new_item) : 0));
  const value::Item* stored = stores ? new_item : nullptr;
  for (const auto& index : table.indexes()) {
    double units = index->WriteUnits(old_item, stored);
    if (units == 0) continue;
    (index->is_global() ? charge.global_indexes : charge.local_indexes)
        .push_back({index->name(), units});
  }
  return charge;
}

std::optional<uint64_t> IndexHashOf(const index::SecondaryIndex& index, const value::Item* old_item,
                                    const value::Item* new_item) {
  for (const value::Item* item : {new_item, old_item}) {
    if (item == nullptr) continue;
    if (std::optional<uint64_t> hash = index.PartitionHashOf(*item)) return hash;
  }
  return std::nullopt;
}

base::Result<IndexWriteTargets> AdmitWrite(core::EngineState& state, store::Table& table,
                                           const value::PrimaryKey& key,
                                           const capacity::CapacityCharge& charge,
                                           const value::Item* old_item, const value::Item* new_item,
                                           double now) {
  if (base::Status s = CheckItemCollectionSize(table, key, old_item, new_item, state.scale);
      !s.ok()) {
    return s;
  }
  const capacity::ResourceArn arn = [&] { return state.TableArn(table.name()); };
  if (base::Status s =
          table.Admit(capacity::CapacityKind::kWrite, key, charge.OnTableCapacity(), now, arn);
      !s.ok()) {
    return s;
  }
  IndexWriteTargets written;
  for (const auto& [name, units] : charge.global_indexes) {
    index::SecondaryIndex* index = table.FindIndex(name);
    std::optional<uint64_t> hash = IndexHashOf(*index, old_item, new_item);
    if (!hash) continue;
    if (base::Status s = index->capacity().Admit(
            capacity::CapacityKind::kWrite, *hash, units, now,
            [&arn, &index_name = name] { return arn() + "/index/" + index_name; });
        !s.ok()) {
      return s;
    }
    written.targets.push_back({index, *hash, units});
  }
  return written;
}

void RecordWrite(store::Table& table, const value::PrimaryKey& key,
                 const capacity::CapacityCharge& charge, const IndexWriteTargets& targets,
                 double now) {
  table.RecordWrite(key, charge.OnTableCapacity(), now);
  for (const IndexWriteTargets::Target& target : targets.targets) {
    target.index->capacity().Record(capacity::CapacityKind::kWrite, target.hash, target.units, now);
  }
}

std::optional<value::Item> CommitWrite(const PreparedWrite& write,
                                       std::optional<value::Item> new_item) {
  if (write.kind == WriteKind::kConditionCheck) return std::nullopt;
  if (!new_item) return write.table->Delete(write.key);
  return write.table->Put(write.key, std::move(*new_item));
}

base::Result<WriteOutcome> ExecuteWrite(EngineState& state, PreparedWrite& write) {
  store::Table& table = *write.table;
  const value::Item* current = table.Find(write.key);
  if (write.statement_sized && write.expressions.update() &&
      expr::UpdateStatementSize(*write.expressions.update(), write.expressions.context(),
                                current) > base::limits::kMaxItemBytes) {
    return base::Status::Validation("Item size to update has exceeded the maximum allowed size");
  }
  const double now = state.clock.NowSeconds();
  base::Result<std::optional<value::Item>> computed = ComputeWrite(write, current);
  const bool stores = !UpdateStoresNothing(write, current);
  const value::Item* after = computed.ok() && *computed ? &**computed : nullptr;
  WriteOutcome outcome;
  outcome.charge = WriteCharge(table, current, after, stores);
  base::Result<IndexWriteTargets> admitted =
      AdmitWrite(state, table, write.key, outcome.charge, current, stores ? after : nullptr, now);
  if (!admitted.ok()) return admitted.status();
  if (base::Status s = CheckWriteCondition(write, current); !s.ok()) {
    // The service bills a failed condition at least one unit, the item's units when it exists.
    table.RecordWrite(write.key, current ? outcome.charge.table : 1, now);
    return s;
  }
  if (!computed.ok()) return computed.status();
  if (stores) {
    outcome.stored = computed->has_value();
    outcome.old_item = CommitWrite(write, std::move(*computed));
  }
  RecordWrite(table, write.key, outcome.charge, *admitted, now);
  return outcome;
}

}  // namespace ddbpg::core
