// CreateTable's LocalSecondaryIndexes and GlobalSecondaryIndexes: their member constraints and
// the cross-member rules, with DynamoDB's messages, in the order the service checks them
// (researched from dynalite's AWS-run tests and 2026 probes of the live service).
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "engine/api/validation_errors.h"
#include "engine/base/status.h"
#include "engine/index/index_definition.h"

namespace ddbpg {

using json = nlohmann::json;

// The validator's constraints on the index members (names, key schemas, projections, index
// throughput), recorded into `errors`.
void ValidateIndexMembers(const json& request, ValidationErrors& errors);

// The rules between the indexes, the table's keys and AttributeDefinitions; the definitions of
// the indexes when they hold. `on_demand` is the table's billing mode.
Result<std::vector<IndexDefinition>> CheckIndexes(const json& request, bool on_demand);

// Shared with the table's own key schema (tables_handler.cc).
Status CheckKeySchema(const json& key_schema, const json& definitions, bool exact_definitions);

}  // namespace ddbpg
