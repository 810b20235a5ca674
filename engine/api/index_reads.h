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

namespace ddbpg {

using json = nlohmann::json;

// Whether the index's key has more than one partition-key or sort-key attribute.
bool IsMultiAttribute(const SecondaryIndex& index);
// The index's key, as a key condition sees it: single-attribute keys, or any.
expr::KeySchemaView IndexKeySchema(const SecondaryIndex& index);
expr::MultiKeySchemaView IndexMultiKeySchema(const SecondaryIndex& index);

// Checks an ExclusiveStartKey against the index: exactly the table's and the index's key
// attributes, of their declared types, with the service's three messages.
Result<IndexEntryKey> IndexStartKey(const Table& table, const SecondaryIndex& index,
                                    const Item& start_key);

// The index's entries under one partition-key value whose sort key matches, in index order.
std::vector<const Item*> IndexQueryCandidates(const SecondaryIndex& index,
                                              const expr::MultiKeyConditionPlan& plan);

// The table's and the index's key attributes of an entry (a LastEvaluatedKey).
Item IndexKeyAttributes(const Table& table, const SecondaryIndex& index, const Item& entry);

// Whether a read through a local index asks for attributes the index does not hold, so that
// DynamoDB fetches each item from the table (Developer Guide, "Local secondary indexes").
bool NeedsTableFetch(const SecondaryIndex& index, const json& request,
                     const RequestExpressions& expressions);

}  // namespace ddbpg
