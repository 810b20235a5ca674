// CreateTable's LocalSecondaryIndexes and GlobalSecondaryIndexes: their member constraints and
// the cross-member rules, with DynamoDB's messages, in the order the service checks them
// (researched from dynalite's AWS-run tests and 2026 probes of the live service).
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "engine/api/request_schema.h"
#include "engine/api/validation_errors.h"
#include "engine/base/status.h"
#include "engine/index/index_definition.h"

namespace ddbpg::api {

using json = nlohmann::json;

// The wire shapes of a ProvisionedThroughput member (named `name`: the restores call theirs
// ProvisionedThroughputOverride), of AttributeDefinitions, and of one LocalSecondaryIndex or
// GlobalSecondaryIndex (CreateTable, UpdateTable, and the restores' index overrides).
MemberSpec ProvisionedThroughputMember(const char* name = "ProvisionedThroughput");
MemberSpec AttributeDefinitionsMember();
std::vector<MemberSpec> SecondaryIndexMembers(bool global);

// The validator's constraints on the index members (names, key schemas, projections, index
// throughput), recorded into `errors`.
void ValidateIndexMembers(const json& request, ValidationErrors& errors);

// The rules between the indexes, the table's keys and AttributeDefinitions; the definitions of
// the indexes when they hold. `on_demand` is the table's billing mode.
base::Result<std::vector<index::IndexDefinition>> CheckIndexes(const json& request, bool on_demand);

// The validator's constraints on one index structure, its paths starting with `path`
// ("globalSecondaryIndexes.1.member.").
void ValidateIndexMembersAt(const json& index, const std::string& path, bool global,
                            ValidationErrors& errors);

// One global index being added to an existing table (UpdateTable's Create action): its key
// schema against `attribute_definitions`, its projection; its definition when they hold.
base::Result<index::IndexDefinition> CheckGlobalIndex(const json& index,
                                                      const json& attribute_definitions);

// The validator's constraints on a KeySchema member (a table's or an index's, its paths starting
// with `path`): present, 1 to `max_elements` elements, each with a KeyType and an AttributeName.
void ValidateKeySchemaMember(const json& key_schema, const std::string& path, size_t max_elements,
                             ValidationErrors& errors);

// Shared with the table's own key schema (tables_handler.cc).
base::Status CheckKeySchema(const json& key_schema, const json& definitions,
                            bool exact_definitions);

}  // namespace ddbpg::api
