// The single-item writes (Put, Update, Delete, ConditionCheck) split into prepare, check and
// apply, so PutItem/UpdateItem/DeleteItem and TransactWriteItems share one implementation:
// prepare validates the request and finds its item, check evaluates the condition against the
// current item, apply computes and stores the new item.
#pragma once

#include <optional>
#include <nlohmann/json.hpp>

#include "engine/api/consumed_capacity.h"
#include "engine/api/engine_state.h"
#include "engine/api/expression_params.h"
#include "engine/base/status.h"
#include "engine/store/table.h"

namespace ddbpg {

using json = nlohmann::json;

enum class WriteKind { kPut, kUpdate, kDelete, kConditionCheck };

struct PreparedWrite {
  WriteKind kind = WriteKind::kPut;
  Table* table = nullptr;
  PrimaryKey key;
  Item put_item;  // kPut: the item to store
  RequestExpressions expressions;
  bool return_old_on_condition_failure = false;  // ReturnValuesOnConditionCheckFailure ALL_OLD
};

// ValidationException when an attribute name of `item`, nested map keys included, is longer
// than 65,535 bytes; every write that stores an item checks it (a key attribute's name is
// already bounded by its table's schema).
Status CheckAttributeNameSizes(const Item& item);

// Validates one write request after its shape and member constraints have been checked:
// values, expressions, table and key. `request_key` names the member holding the attributes
// ("Item" for puts, "Key" otherwise). `envelope` as in RequestExpressions::Parse.
Result<PreparedWrite> PrepareWrite(EngineState& state, const json& request, WriteKind kind,
                                   bool envelope);

// OK when the write's condition holds for `current` (nullptr: no item), else
// ConditionalCheckFailedException, carrying the item when the request asked for it.
Status CheckWriteCondition(const PreparedWrite& write, const Item* current);

// True for an update of an absent item (`current` null) that stores nothing because each of
// its actions takes an attribute away: REMOVE, or DELETE (of set members, or in
// AttributeUpdates of the attribute). An update with no action at all (`AttributeUpdates: {}`,
// or neither member) creates the key-only item.
bool UpdateStoresNothing(const PreparedWrite& write, const Item* current);

// The item as the write leaves it: nullopt when deleted (or unchanged for a ConditionCheck).
Result<std::optional<Item>> ComputeWrite(const PreparedWrite& write, const Item* current);

// What a write replacing `old_item` with `new_item` (either may be null) consumes: the
// table's units on the larger of the two items, and each index's units in the documented cases
// (SecondaryIndex::WriteUnits). `stores` is false for an update of an absent item that only
// removes attributes: the table is billed for the item computed, but nothing is stored, so no
// index changes.
CapacityCharge WriteCharge(const Table& table, const Item* old_item, const Item* new_item,
                           bool stores = true);

// The global index partitions an admitted write lands on, with its units on each.
struct IndexWriteTargets {
  struct Target {
    SecondaryIndex* index;
    uint64_t hash;
    double units;
  };
  std::vector<Target> targets;
};

// Admission of a write before any effect: the item collection's size limit (tables with local
// indexes), the table's capacity (with its local indexes' units), then each global index it
// writes, whose throttle stops the table's write (back-pressure).
Result<IndexWriteTargets> AdmitWrite(EngineState& state, Table& table, const PrimaryKey& key,
                                     const CapacityCharge& charge, const Item* old_item,
                                     const Item* new_item, double now);
// Takes an admitted write's units from the table and the global indexes it wrote.
void RecordWrite(Table& table, const PrimaryKey& key, const CapacityCharge& charge,
                 const IndexWriteTargets& targets, double now);

// Stores the computed item (or deletes) and returns the item it replaced.
std::optional<Item> CommitWrite(const PreparedWrite& write, std::optional<Item> new_item);

}  // namespace ddbpg
