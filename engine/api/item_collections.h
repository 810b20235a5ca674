// Item collections of tables with local secondary indexes: the 10 GB limit on one
// partition-key value's items and index entries (divided by the playground scale), and the
// ItemCollectionMetrics a write returns with ReturnItemCollectionMetrics SIZE. Tables without a
// local index have neither (Developer Guide, "Item collections in Local Secondary Indexes").
#pragma once

#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "engine/base/status.h"
#include "engine/store/table.h"

namespace ddbpg {

using json = nlohmann::json;

// ItemCollectionSizeLimitExceededException ("Collection size exceeded.") when the write would
// grow the item collection of `key` past the limit; a write that shrinks it always passes.
Status CheckItemCollectionSize(const Table& table, const PrimaryKey& key, const Item* old_item,
                               const Item* new_item, double scale);

// Whether the request asked for ItemCollectionMetrics and the table has any to give.
bool ReturnsItemCollectionMetrics(const Table& table, const json& request);

// {"ItemCollectionKey": {partition key}, "SizeEstimateRangeGB": [low, high]} for the collection
// of `partition_key` as it is now.
json ItemCollectionMetricsJson(const Table& table, const AttributeValue& partition_key);

// For BatchWriteItem and TransactWriteItems: the collections their writes touched, reported
// once each as {"<table>": [metrics, ...]} after every write.
class ItemCollectionMetricsList {
 public:
  void Note(const Table& table, const AttributeValue& partition_key);
  bool empty() const { return noted_.empty(); }
  json ToJson() const;

 private:
  std::vector<std::pair<const Table*, AttributeValue>> noted_;
};

}  // namespace ddbpg
