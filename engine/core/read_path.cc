#include "engine/core/read_path.h"

#include "engine/capacity/units.h"
#include "engine/expr/condition_evaluator.h"
#include "engine/value/item_size.h"

namespace ddbpg::core {

ItemRead LocateItem(EngineState& state, const store::Table& table, const value::PrimaryKey& key,
                    bool consistent) {
  const value::Item* item = table.FindAsOf(key, state.ReadAsOf(consistent));
  return ItemRead{item, capacity::ReadUnits(item ? value::ItemSize(*item) : 0, consistent)};
}

base::Status AdmitItemRead(EngineState& state, store::Table& table, const value::PrimaryKey& key,
                           double units, double now, double request_units_before) {
  return table.Admit(
      capacity::CapacityKind::kRead, key, units, now, [&] { return state.TableArn(table.name()); },
      request_units_before);
}

base::Result<ItemRead> ReadItem(EngineState& state, store::Table& table,
                                const value::PrimaryKey& key, bool consistent) {
  const ItemRead read = LocateItem(state, table, key, consistent);
  const double now = state.clock.NowSeconds();
  if (base::Status s = AdmitItemRead(state, table, key, read.units, now); !s.ok()) return s;
  table.RecordRead(key, read.units, now);
  return read;
}

Page ReadPage(const std::vector<const value::Item*>& candidates, size_t max_items,
              const expr::RequestExpressions& expressions, const std::vector<size_t>& sizes) {
  Page page;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const value::Item* item = candidates[i];
    ++page.scanned;
    page.evaluated.push_back(item);
    page.bytes += i < sizes.size() ? sizes[i] : value::ItemSize(*item);
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

std::vector<const value::Item*> FetchFromTable(const store::Table& table,
                                               const std::vector<const value::Item*>& entries) {
  std::vector<const value::Item*> items;
  for (const value::Item* entry : entries) {
    if (const value::Item* item = table.Find(table.KeyOf(*entry))) items.push_back(item);
  }
  return items;
}

capacity::CapacityCharge PageCharge(const index::SecondaryIndex* index, const Page& page,
                                    bool fetched, bool consistent) {
  if (index == nullptr)
    return capacity::CapacityCharge{capacity::ReadUnits(page.bytes, consistent), {}, {}};
  capacity::CapacityCharge charge;
  size_t entry_bytes = page.bytes;
  if (fetched) {
    entry_bytes = 0;
    for (const value::Item* item : page.evaluated) {
      entry_bytes += value::ItemSize(index->Project(*item));
      charge.table += capacity::ReadUnits(value::ItemSize(*item), consistent);
    }
  }
  auto& arms = index->is_global() ? charge.global_indexes : charge.local_indexes;
  arms.push_back({index->name(), capacity::ReadUnits(entry_bytes, consistent)});
  return charge;
}

base::Status AdmitPageRead(EngineState& state, store::Table& table, index::SecondaryIndex* index,
                           const capacity::CapacityCharge& charge,
                           const std::optional<value::PrimaryKey>& key,
                           std::optional<uint64_t> index_hash, const Page& page, double now) {
  const capacity::ResourceArn arn = [&] { return state.TableArn(table.name()); };
  const double units = charge.OnTableCapacity();
  if (units > 0) {
    base::Status admitted = key ? table.Admit(capacity::CapacityKind::kRead, *key, units, now, arn)
                                : table.AdmitSpread(units, now, arn);
    if (!admitted.ok()) return admitted;
  }
  index::SecondaryIndex* global = index && index->is_global() ? index : nullptr;
  if (global) {
    const double index_units = charge.global_indexes[0].second;
    if (base::Status s =
            global->capacity().Admit(capacity::CapacityKind::kRead, index_hash, index_units, now,
                                     [&] { return arn() + "/index/" + global->name(); });
        !s.ok()) {
      return s;
    }
    global->capacity().Record(capacity::CapacityKind::kRead, index_hash, index_units, now);
  }
  if (units > 0) {
    if (key) {
      table.RecordRead(*key, units, now);
    } else {
      table.RecordSpreadRead(page.evaluated, units, now);
    }
  }
  return base::Status::OK();
}

}  // namespace ddbpg::core
