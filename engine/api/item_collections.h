// The ItemCollectionMetrics a write returns with ReturnItemCollectionMetrics SIZE, for tables
// with local secondary indexes (their size limit is core/item_collection_limit.h). Tables
// without a local index have none (Developer Guide, "Item collections in Local Secondary
// Indexes").
#pragma once

#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "engine/base/status.h"
#include "engine/store/table.h"

namespace ddbpg::api {

using json = nlohmann::json;

// Whether the request asked for ItemCollectionMetrics and the table has any to give.
bool ReturnsItemCollectionMetrics(const store::Table& table, const json& request);

// {"ItemCollectionKey": {partition key}, "SizeEstimateRangeGB": [low, high]} for the collection
// of `partition_key` as it is now.
json ItemCollectionMetricsJson(const store::Table& table,
                               const value::AttributeValue& partition_key);

// For BatchWriteItem and TransactWriteItems: the collections their writes touched, reported
// once each as {"<table>": [metrics, ...]} after every write.
class ItemCollectionMetricsList {
 public:
  void Note(const store::Table& table, const value::AttributeValue& partition_key);
  bool empty() const { return noted_.empty(); }
  json ToJson() const;

 private:
  std::vector<std::pair<const store::Table*, value::AttributeValue>> noted_;
};

}  // namespace ddbpg::api
