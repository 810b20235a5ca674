// The one read path: every read (GetItem, BatchGetItem, TransactGetItems, Query, Scan, and the
// simulations that send them) finds what it sees, is charged on what it read, is admitted
// (throttling comes before any answer), and records its units; the api layer then projects and
// renders. Item reads go through ReadItem (or its two halves, for reads that admit several items
// before answering any); page reads through ReadPage, PageCharge and AdmitPageRead. No JSON here.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "engine/base/status.h"
#include "engine/capacity/capacity_charge.h"
#include "engine/core/engine_state.h"
#include "engine/expr/request_expressions.h"
#include "engine/store/table.h"

namespace ddbpg::core {

// A page stops once the items read reach 1 MB (Developer Guide, "Query" and "Scan").
constexpr size_t kPageBytes = 1024 * 1024;

// One item read: the item (null when absent) and what reading it costs.
struct ItemRead {
  const value::Item* item = nullptr;
  double units = 0;
};

// The item under `key` as the read sees it (an eventually consistent read may come from a
// replica up to the replication lag behind) and its units: the whole item's size in 4 KB steps,
// half for an eventually consistent read, whatever a projection returns.
ItemRead LocateItem(EngineState& state, const store::Table& table, const value::PrimaryKey& key,
                    bool consistent);
// Admits `units` of reading on the key's partition; ProvisionedThroughputExceeded when the
// partition or the table has no capacity left. `request_units_before`: as store::Table::Admit.
base::Status AdmitItemRead(EngineState& state, store::Table& table, const value::PrimaryKey& key,
                           double units, double now, double request_units_before = 0);
// LocateItem, AdmitItemRead and the record of the units, for a read of one item.
base::Result<ItemRead> ReadItem(EngineState& state, store::Table& table,
                                const value::PrimaryKey& key, bool consistent);

// One page of a Query or Scan.
struct Page {
  std::vector<const value::Item*> evaluated;
  std::vector<const value::Item*> returned;
  size_t scanned = 0;
  size_t bytes = 0;
  const value::Item* last_evaluated = nullptr;
  bool stopped_early = false;
};

// Reads candidates in order until `max_items` were evaluated or 1 MB was read; the filter
// applies after the read, so filtered-out items still count and cost. `sizes` holds the
// ItemSize of the first candidates when the caller measured them already (a Scan does, to know
// where its page ends); the others are measured here.
Page ReadPage(const std::vector<const value::Item*>& candidates, size_t max_items,
              const expr::RequestExpressions& expressions, const std::vector<size_t>& sizes = {});

// The table's items behind index entries, for an index read that needs attributes the index
// does not project (entries whose item is gone are skipped).
std::vector<const value::Item*> FetchFromTable(const store::Table& table,
                                               const std::vector<const value::Item*>& entries);

// What a page read consumed: on the table, or on the index it read (and on the table for the
// items a local index fetched). A page is charged on the bytes of every item it read, rounded up
// to 4 KB once.
capacity::CapacityCharge PageCharge(const index::SecondaryIndex* index, const Page& page,
                                    bool fetched, bool consistent);

// Admits a page's read on what it read (the table's capacity for the table and its local
// indexes, its own for a global index) and takes the units. `key` and `index_hash` are the
// partition a Query read; a Scan spreads over many.
base::Status AdmitPageRead(EngineState& state, store::Table& table, index::SecondaryIndex* index,
                           const capacity::CapacityCharge& charge,
                           const std::optional<value::PrimaryKey>& key,
                           std::optional<uint64_t> index_hash, const Page& page, double now);

}  // namespace ddbpg::core
