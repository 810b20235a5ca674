// Admission of a transaction's actions (TransactWriteItems, TransactGetItems, and PartiQL's
// ExecuteTransaction through them). A transaction's actions take effect together, so the units
// of those that land on one partition, of a table or of a global index, are admitted as one
// request of their sum: two actions that each fit what a partition has left in this second may
// not fit it together. A table's or an index's own limits (provisioned rate and burst, the
// on-demand maximum) are checked against the whole transaction's units on it. Otherwise each
// action is admitted as AdmitWrite and AdmitItemRead admit one. Nothing is taken here: the caller
// records each action's units once every action is admitted, and records nothing when one is
// refused.
#pragma once

#include <vector>

#include "engine/base/status.h"
#include "engine/capacity/capacity_charge.h"
#include "engine/core/engine_state.h"
#include "engine/core/write_path.h"
#include "engine/store/table.h"

namespace ddbpg::core {

// One write action: its table, key and charge, and the item before and after it (`new_item`
// null when the action stores nothing: a delete, a ConditionCheck, an update that only removes
// from an absent item).
struct TransactionWrite {
  store::Table* table = nullptr;
  const value::PrimaryKey* key = nullptr;
  const capacity::CapacityCharge* charge = nullptr;
  const value::Item* old_item = nullptr;
  const value::Item* new_item = nullptr;
};

// Per action, in order: OK when admitted, else the item collection's size limit or the throttle
// of its table's or one of its global indexes' partition; and the global index partitions an
// admitted action lands on, for RecordWrite.
struct TransactionWritesAdmission {
  std::vector<base::Status> statuses;
  std::vector<IndexWriteTargets> targets;
  bool all_admitted() const;
};
TransactionWritesAdmission AdmitTransactionWrites(EngineState& state,
                                                  const std::vector<TransactionWrite>& writes,
                                                  double now);

// One read action: its table, key and units.
struct TransactionRead {
  store::Table* table = nullptr;
  const value::PrimaryKey* key = nullptr;
  double units = 0;
};
// Per action, in order: OK when admitted, else the throttle of its table's partition.
std::vector<base::Status> AdmitTransactionReads(EngineState& state,
                                                const std::vector<TransactionRead>& reads,
                                                double now);

}  // namespace ddbpg::core
