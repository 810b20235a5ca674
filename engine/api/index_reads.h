// The parts of Query and Scan that read through a secondary index: the index's key schema for
// the key condition, its ExclusiveStartKey and LastEvaluatedKey (the table's key and the
// index's key together), and whether a local index must fetch items from its table.
#pragma once

#include <optional>
#include <nlohmann/json.hpp>
#include <vector>

#include "engine/api/expression_params.h"
#include "engine/base/status.h"
#include "engine/expr/key_condition.h"
#include "engine/index/secondary_index.h"
#include "engine/store/table.h"

namespace ddbpg::api {

using json = nlohmann::json;

// Whether the index's key has more than one partition-key or sort-key attribute.
bool IsMultiAttribute(const index::SecondaryIndex& index);
// The index's key, as a key condition sees it: single-attribute keys, or any.
expr::KeySchemaView IndexKeySchema(const index::SecondaryIndex& index);
expr::MultiKeySchemaView IndexMultiKeySchema(const index::SecondaryIndex& index);

// Checks an ExclusiveStartKey against the index: exactly the table's and the index's key
// attributes, of their declared types, with the service's three messages.
base::Result<index::IndexEntryKey> IndexStartKey(const store::Table& table,
                                                 const index::SecondaryIndex& index,
                                                 const value::Item& start_key);

// The index's entries under one partition-key value whose sort key matches, in index order.
std::vector<const value::Item*> IndexQueryCandidates(const index::SecondaryIndex& index,
                                                     const expr::MultiKeyConditionPlan& plan);

// The table's and the index's key attributes of an entry (a LastEvaluatedKey).
value::Item IndexKeyAttributes(const store::Table& table, const index::SecondaryIndex& index,
                               const value::Item& entry);

// Whether a read through a local index asks for attributes the index does not hold, so that
// DynamoDB fetches each item from the table (Developer Guide, "Local secondary indexes").
bool NeedsTableFetch(const index::SecondaryIndex& index, const json& request,
                     const RequestExpressions& expressions);

}  // namespace ddbpg::api
