// The one write path: every write of an item (PutItem, UpdateItem, DeleteItem, BatchWriteItem,
// TransactWriteItems, and the simulations that send them) goes through these steps, in this
// order: compute the new item from the current one, charge it, admit the charge (throttling
// comes before any effect), check the condition (a failed condition still consumes capacity and
// changes nothing), commit (the table updates its indexes and its stream), record the units.
// ExecuteWrite runs them for one write; a transaction runs each step over all its writes before
// the next, so that nothing is written unless everything may be. No JSON here: the api layer
// turns a request into a PreparedWrite (api/prepare_write.h) and the outcome into a response.
#pragma once

#include <optional>
#include <vector>

#include "engine/base/status.h"
#include "engine/capacity/capacity_charge.h"
#include "engine/core/engine_state.h"
#include "engine/expr/request_expressions.h"
#include "engine/store/table.h"

namespace ddbpg::core {

enum class WriteKind { kPut, kUpdate, kDelete, kConditionCheck };

// One write, validated: its table, key, item or expressions.
struct PreparedWrite {
  WriteKind kind = WriteKind::kPut;
  store::Table* table = nullptr;
  value::PrimaryKey key;
  value::Item put_item;  // kPut: the item to store (ComputeWrite moves it out)
  expr::RequestExpressions expressions;
  bool return_old_on_condition_failure = false;  // ReturnValuesOnConditionCheckFailure ALL_OLD
  // An UpdateItem whose region sizes its UpdateExpression as a statement too
  // (expr/update_statement_size.h), checked before anything else about the write.
  bool statement_sized = false;
};


// OK when the write's condition holds for `current` (nullptr: no item), else
// ConditionalCheckFailedException, carrying the item when the request asked for it.
base::Status CheckWriteCondition(const PreparedWrite& write, const value::Item* current);

// True for an update of an absent item (`current` null) that stores nothing because each of
// its actions takes an attribute away: REMOVE, or DELETE (of set members, or in
// AttributeUpdates of the attribute). An update with no action at all (`AttributeUpdates: {}`,
// or neither member) creates the key-only item.
bool UpdateStoresNothing(const PreparedWrite& write, const value::Item* current);

// The item as the write leaves it: nullopt when deleted (or unchanged for a ConditionCheck).
// A put's item is moved out of `write`, so this runs once per write.
base::Result<std::optional<value::Item>> ComputeWrite(PreparedWrite& write,
                                                      const value::Item* current);

// What a write replacing `old_item` with `new_item` (either may be null) consumes: the
// table's units on the larger of the two items, and each index's units in the documented cases
// (SecondaryIndex::WriteUnits). `stores` is false for an update of an absent item that only
// removes attributes: the table is billed for the item computed, but nothing is stored, so no
// index changes.
capacity::CapacityCharge WriteCharge(const store::Table& table, const value::Item* old_item,
                                     const value::Item* new_item, bool stores = true);

// The global index partitions an admitted write lands on, with its units on each.
struct IndexWriteTargets {
  struct Target {
    index::SecondaryIndex* index;
    uint64_t hash;
    double units;
  };
  std::vector<Target> targets;
};

// The hash of the index partition a write lands on: the new entry's, or the old one's when the
// item leaves the index; nullopt when neither item is in the index.
std::optional<uint64_t> IndexHashOf(const index::SecondaryIndex& index, const value::Item* old_item,
                                    const value::Item* new_item);

// Admission of a write before any effect: the item collection's size limit (tables with local
// indexes), the table's capacity (with its local indexes' units), then each global index it
// writes, whose throttle stops the table's write (back-pressure).
base::Result<IndexWriteTargets> AdmitWrite(EngineState& state, store::Table& table,
                                           const value::PrimaryKey& key,
                                           const capacity::CapacityCharge& charge,
                                           const value::Item* old_item, const value::Item* new_item,
                                           double now);
// Takes an admitted write's units from the table and the global indexes it wrote.
void RecordWrite(store::Table& table, const value::PrimaryKey& key,
                 const capacity::CapacityCharge& charge, const IndexWriteTargets& targets,
                 double now);

// Stores the computed item (or deletes) and returns the item it replaced.
std::optional<value::Item> CommitWrite(const PreparedWrite& write,
                                       std::optional<value::Item> new_item);

// What one write did.
struct WriteOutcome {
  std::optional<value::Item> old_item;  // the item it replaced or deleted
  // Whether an item is stored under the key now (false after a delete, and after an update of
  // an absent item that stores nothing); the table holds it: write.table->Find(write.key).
  bool stored = false;
  capacity::CapacityCharge charge;
};

// Runs the steps above for one write, at the engine clock's time. A throttle, a size limit, a
// failed condition or an invalid computed item returns its error and changes no item.
base::Result<WriteOutcome> ExecuteWrite(EngineState& state, PreparedWrite& write);

}  // namespace ddbpg::core
