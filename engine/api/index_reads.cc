#include "engine/api/index_reads.h"

#include <set>
#include <string>

#include "engine/api/request_schema.h"
#include "engine/expr/document.h"

namespace ddbpg::api {
namespace {

constexpr const char* kStartKeyInvalid = "The provided starting key is invalid";
constexpr const char* kKeyMismatch = "The provided key element does not match the schema";

}  // namespace

bool IsMultiAttribute(const index::SecondaryIndex& index) {
  return index.definition().partition_key.size() > 1 || index.definition().sort_key.size() > 1;
}

expr::MultiKeySchemaView IndexMultiKeySchema(const index::SecondaryIndex& index) {
  expr::MultiKeySchemaView schema;
  for (const std::string& name : index.definition().partition_key) {
    schema.partition.push_back({name, index.KeyType(name)});
  }
  for (const std::string& name : index.definition().sort_key) {
    schema.sort.push_back({name, index.KeyType(name)});
  }
  return schema;
}

expr::KeySchemaView IndexKeySchema(const index::SecondaryIndex& index) {
  const index::IndexDefinition& definition = index.definition();
  expr::KeySchemaView schema;
  schema.partition_name = definition.partition_key[0];
  schema.partition_type = index.KeyType(schema.partition_name);
  if (!definition.sort_key.empty()) {
    schema.sort_name = definition.sort_key[0];
    schema.sort_type = index.KeyType(schema.sort_name);
  }
  return schema;
}

base::Result<index::IndexEntryKey> IndexStartKey(const store::Table& table,
                                                 const index::SecondaryIndex& index,
                                                 const value::Item& start_key) {
  std::set<std::string> expected = {table.partition_key_name()};
  if (table.has_sort_key()) expected.insert(table.sort_key_name());
  for (const auto* names : {&index.definition().partition_key, &index.definition().sort_key}) {
    expected.insert(names->begin(), names->end());
  }
  std::set<std::string> given;
  for (const auto& [name, value] : start_key) given.insert(name);
  if (given != expected) return base::Status::Validation(kStartKeyInvalid);
  for (const auto* names : {&index.definition().partition_key, &index.definition().sort_key}) {
    for (const std::string& name : *names) {
      if (start_key.at(name).type() != index.KeyType(name))
        return base::Status::Validation(kKeyMismatch);
    }
  }
  for (const std::string& name : {table.partition_key_name(), table.sort_key_name()}) {
    if (name.empty()) continue;
    if (start_key.at(name).type() != table.KeyAttributeType(name)) {
      return base::Status::Validation(std::string(kStartKeyInvalid) + ": " + kKeyMismatch);
    }
  }
  return *index.EntryKeyOf(start_key);
}

std::vector<const value::Item*> IndexQueryCandidates(const index::SecondaryIndex& index,
                                                     const expr::MultiKeyConditionPlan& plan) {
  index::IndexEntryKey first;
  first.partition = plan.partition_values;
  first.partition_hash = index::IndexPartitionHash(first.partition);
  std::vector<const value::Item*> candidates;
  for (auto it = index.entries().lower_bound(first);
       it != index.entries().end() && it->first.partition == first.partition; ++it) {
    bool matches = true;
    for (size_t i = 0; i < plan.sort.size() && matches; ++i) {
      matches = expr::SortKeyMatches(plan.sort[i], it->first.sort[i]);
    }
    if (matches) candidates.push_back(&it->second);
  }
  return candidates;
}

value::Item IndexKeyAttributes(const store::Table& table, const index::SecondaryIndex& index,
                               const value::Item& entry) {
  value::Item key;
  std::vector<std::string> names = {table.partition_key_name()};
  if (table.has_sort_key()) names.push_back(table.sort_key_name());
  for (const auto* index_names : {&index.definition().partition_key, &index.definition().sort_key}) {
    names.insert(names.end(), index_names->begin(), index_names->end());
  }
  for (const std::string& name : names) key[name] = entry.at(name);
  return key;
}

bool NeedsTableFetch(const index::SecondaryIndex& index, const json& request,
                     const RequestExpressions& expressions) {
  if (index.is_global()) return false;
  if (Member(request, "Select") == "ALL_ATTRIBUTES") return true;
  std::set<std::string> wanted;
  for (const expr::Path& path : ProjectionPaths(expressions, Member(request, "AttributesToGet"))) {
    if (!path.elements.empty()) wanted.insert(path.elements[0].name);
  }
  if (expressions.filter()) wanted.merge(expr::TopLevelNames(*expressions.filter()));
  for (const std::string& name : wanted) {
    if (!index.Projects(name)) return true;
  }
  return false;
}

}  // namespace ddbpg::api
