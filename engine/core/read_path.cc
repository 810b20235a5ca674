#include "engine/core/read_path.h"

#include "engine/capacity/units.h"
#include "engine/expr/condition_evaluator.h"
#include "engine/value/item_size.h"

namespace ddbpg::core {

ItemRead LocateItem(EngineState& state, const Table& table, const PrimaryKey& key,
                    bool consistent) {
  const Item* item = table.FindAsOf(key, state.ReadAsOf(consistent));
  return ItemRead{item, capacity::ReadUnits(item ? ItemSize(*item) : 0, consistent)};
}

Status AdmitItemRead(EngineState& state, Table& table, const PrimaryKey& key, double units,
                     double now) {
  return table.Admit(CapacityKind::kRead, key, units, now, state.TableArn(table.name()));
}

Result<ItemRead> ReadItem(EngineState& state, Table& table, const PrimaryKey& key,
                          bool consistent) {
  const ItemRead read = LocateItem(state, table, key, consistent);
  const double now = state.clock.NowSeconds();
  if (Status s = AdmitItemRead(state, table, key, read.units, now); !s.ok()) return s;
  table.RecordRead(key, read.units, now);
  return read;
}

Page ReadPage(const std::vector<const Item*>& candidates, size_t max_items,
              const expr::RequestExpressions& expressions) {
  Page page;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Item* item = candidates[i];
    ++page.scanned;
    page.evaluated.push_back(item);
    page.bytes += ItemSize(*item);
    page.last_evaluated = item;
    if (!expressions.filter() ||
        expr::EvaluateCondition(*expressions.filter(), *item, expressions.context())) {
      page.returned.push_back(item);
    }
    bool more = i + 1 < candidates.size();
    if (page.scanned >= max_items || (page.bytes >= kPageBytes && more)) {
      page.stopped_early = true;
      break;
    }
  }
  return page;
}

std::vector<const Item*> FetchFromTable(const Table& table,
                                        const std::vector<const Item*>& entries) {
  std::vector<const Item*> items;
  for (const Item* entry : entries) {
    if (const Item* item = table.Find(table.KeyOf(*entry))) items.push_back(item);
  }
  return items;
}

CapacityCharge PageCharge(const SecondaryIndex* index, const Page& page, bool fetched,
                          bool consistent) {
  if (index == nullptr) return CapacityCharge{capacity::ReadUnits(page.bytes, consistent), {}, {}};
  CapacityCharge charge;
  size_t entry_bytes = page.bytes;
  if (fetched) {
    entry_bytes = 0;
    for (const Item* item : page.evaluated) {
      entry_bytes += ItemSize(index->Project(*item));
      charge.table += capacity::ReadUnits(ItemSize(*item), consistent);
    }
  }
  auto& arms = index->is_global() ? charge.global_indexes : charge.local_indexes;
  arms.push_back({index->name(), capacity::ReadUnits(entry_bytes, consistent)});
  return charge;
}

Status AdmitPageRead(EngineState& state, Table& table, SecondaryIndex* index,
                     const CapacityCharge& charge, const std::optional<PrimaryKey>& key,
                     std::optional<uint64_t> index_hash, const Page& page, double now) {
  const std::string arn = state.TableArn(table.name());
  const double units = charge.OnTableCapacity();
  if (units > 0) {
    Status admitted = key ? table.Admit(CapacityKind::kRead, *key, units, now, arn)
                          : table.AdmitSpread(units, now, arn);
    if (!admitted.ok()) return admitted;
  }
  SecondaryIndex* global = index && index->is_global() ? index : nullptr;
  if (global) {
    const double index_units = charge.global_indexes[0].second;
    if (Status s = global->capacity().Admit(CapacityKind::kRead, index_hash, index_units, now,
                                            arn + "/index/" + global->name());
        !s.ok()) {
      return s;
    }
    global->capacity().Record(CapacityKind::kRead, index_hash, index_units, now);
  }
  if (units > 0) {
    if (key) {
      table.RecordRead(*key, units, now);
    } else {
      table.RecordSpreadRead(page.evaluated, units, now);
    }
  }
  return Status::OK();
}

}  // namespace ddbpg::core
