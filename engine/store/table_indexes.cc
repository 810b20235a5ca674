#include "engine/store/table_indexes.h"

#include <algorithm>
#include <limits>

namespace ddbpg::store {

index::SecondaryIndex& TableIndexes::Add(std::unique_ptr<index::SecondaryIndex> index) {
  live_.push_back(std::move(index));
  return *live_.back();
}

const index::SecondaryIndex* TableIndexes::Find(const std::string& name) const {
  for (const auto& index : live_) {
    if (index->name() == name) return index.get();
  }
  return nullptr;
}

index::SecondaryIndex* TableIndexes::Find(const std::string& name) {
  for (const auto& index : live_) {
    if (index->name() == name) return index.get();
  }
  return nullptr;
}

void TableIndexes::Remove(const std::string& name) {
  pending_.erase(
      std::remove_if(pending_.begin(), pending_.end(),
                     [&name](const PendingUpdate& u) { return u.index->name() == name; }),
      pending_.end());
  for (auto it = live_.begin(); it != live_.end(); ++it) {
    if ((*it)->name() == name) {
      live_.erase(it);
      return;
    }
  }
}

void TableIndexes::RemoveLater(const std::string& name, double until) {
  const index::SecondaryIndex* index = Find(name);
  if (index == nullptr) return;
  deleting_.push_back({index->definition(), index->size_bytes(), index->item_count(), until});
  Remove(name);
}

std::vector<TableIndexes::Deleting> TableIndexes::DeletingAt(double now) const {
  std::vector<Deleting> still;
  for (const Deleting& index : deleting_) {
    if (now < index.until) still.push_back(index);
  }
  return still;
}

void TableIndexes::SetPropagation(double seconds, const base::Clock* clock) {
  propagation_seconds_ = seconds;
  clock_ = clock;
  if (seconds <= 0) Propagate(std::numeric_limits<double>::infinity());
}

void TableIndexes::Propagate(double now) {
  while (!pending_.empty() && pending_.front().due <= now) {
    PendingUpdate& update = pending_.front();
    update.index->Apply(update.before ? &*update.before : nullptr,
                        update.after ? &*update.after : nullptr);
    pending_.pop_front();
  }
}

void TableIndexes::Apply(const value::Item* before, const value::Item* after) {
  for (const auto& index : live_) {
    // Global indexes are updated asynchronously on AWS: with a propagation delay set, the
    // change reaches them that much later. Local indexes are updated with the table.
    if (index->is_global() && propagation_seconds_ > 0 && clock_ != nullptr) {
      pending_.push_back({clock_->NowSeconds() + propagation_seconds_, index.get(),
                          before ? std::optional<value::Item>(*before) : std::nullopt,
                          after ? std::optional<value::Item>(*after) : std::nullopt});
      continue;
    }
    index->Apply(before, after);
  }
}

bool TableIndexes::has_local() const {
  for (const auto& index : live_) {
    if (!index->is_global()) return true;
  }
  return false;
}

base::Status TableIndexes::CheckItem(const value::Item& item) const {
  for (const auto& index : live_) {
    if (base::Status s = index->CheckItem(item); !s.ok()) return s;
  }
  return base::Status::OK();
}

bool TableIndexes::HoldsIndexKeyOfAnotherType(const value::Item& item,
                                              const std::string& attribute) const {
  auto held = item.find(attribute);
  if (held == item.end()) return false;
  for (const auto& index : live_) {
    for (const auto* names : {&index->definition().partition_key, &index->definition().sort_key}) {
      for (const std::string& name : *names) {
        if (name == attribute && held->second.type() != index->KeyType(name)) return true;
      }
    }
  }
  return false;
}

}  // namespace ddbpg::store
