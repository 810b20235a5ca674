#include "engine/api/index_params.h"

#include <algorithm>
#include <set>
#include <string>

#include "engine/api/messages.h"
#include "engine/api/on_demand_throughput.h"
#include "engine/api/request_schema.h"
#include "engine/api/warm_throughput.h"
#include "engine/base/limits.h"

namespace ddbpg::api {
namespace {

constexpr size_t kMaxLocalIndexes = 5;
constexpr size_t kMaxGlobalIndexes = 20;
constexpr size_t kMaxNonKeyAttributesPerIndex = 20;

std::string Join(const std::vector<std::string>& names) {
  std::string out = "[";
  for (size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
  return out + "]";
}

base::Status Invalid(const std::string& message) {
  return base::Status::Validation(std::string(kInvalidParameters) + message);
}

}  // namespace

MemberSpec ProvisionedThroughputMember(const char* name) {
  return {name,
          value::WireType::kStructure,
          "ProvisionedThroughput",
          MemberKind::kPlain,
          {{"ReadCapacityUnits", value::WireType::kLong},
           {"WriteCapacityUnits", value::WireType::kLong}}};
}

MemberSpec AttributeDefinitionsMember() {
  return {
      "AttributeDefinitions",
      value::WireType::kList,
      "AttributeDefinition",
      MemberKind::kPlain,
      {{"AttributeName", value::WireType::kString}, {"AttributeType", value::WireType::kString}}};
}

std::vector<MemberSpec> SecondaryIndexMembers(bool global) {
  std::vector<MemberSpec> members = {
      {"IndexName", value::WireType::kString},
      {"KeySchema",
       value::WireType::kList,
       "KeySchemaElement",
       MemberKind::kPlain,
       {{"AttributeName", value::WireType::kString}, {"KeyType", value::WireType::kString}}},
      {"Projection",
       value::WireType::kStructure,
       "Projection",
       MemberKind::kPlain,
       {{"ProjectionType", value::WireType::kString},
        {"NonKeyAttributes",
         value::WireType::kList,
         "String",
         MemberKind::kPlain,
         {},
         value::WireType::kString}}},
  };
  if (global) {
    members.push_back(ProvisionedThroughputMember());
    members.push_back(OnDemandThroughputMember());
    members.push_back(WarmThroughputMember());
  }
  return members;
}

void ValidateKeySchemaMember(const json& key_schema, const std::string& path, size_t max_elements,
                             ValidationErrors& errors) {
  errors.NotNull(key_schema, path + "keySchema");
  errors.MinLength(key_schema, path + "keySchema", 1);
  errors.MaxLength(key_schema, path + "keySchema", max_elements);
  if (!key_schema.is_array()) return;
  for (size_t k = 0; k < key_schema.size(); ++k) {
    const std::string key_path = path + "keySchema." + std::to_string(k + 1) + ".member.";
    const json& key_type = Member(key_schema[k], "KeyType");
    errors.NotNull(key_type, key_path + "keyType");
    errors.Enum(key_type, key_path + "keyType", "[HASH, RANGE]");
    const json& name = Member(key_schema[k], "AttributeName");
    errors.NotNull(name, key_path + "attributeName");
    errors.MinLength(name, key_path + "attributeName", 1);
    errors.MaxLength(name, key_path + "attributeName", base::limits::kMaxKeyAttributeNameBytes);
  }
}

void ValidateIndexMembersAt(const json& index, const std::string& path, bool global,
                            ValidationErrors& errors) {
  // A global index may have up to four partition-key and four sort-key attributes.
  ValidateKeySchemaMember(Member(index, "KeySchema"), path, global ? 8 : 2, errors);
  const json& projection = Member(index, "Projection");
  errors.NotNull(projection, path + "projection");
  errors.Enum(Member(projection, "ProjectionType"), path + "projection.projectionType",
              "[ALL, INCLUDE, KEYS_ONLY]");
  const json& non_key = Member(projection, "NonKeyAttributes");
  errors.MinLength(non_key, path + "projection.nonKeyAttributes", 1);
  errors.MaxLength(non_key, path + "projection.nonKeyAttributes", kMaxNonKeyAttributesPerIndex);
  const json& name = Member(index, "IndexName");
  errors.NotNull(name, path + "indexName");
  errors.ResourceName(name, path + "indexName");
  if (global) {
    const json& throughput = Member(index, "ProvisionedThroughput");
    if (!throughput.is_null()) {
      const std::string throughput_path = path + "provisionedThroughput.";
      for (const char* units : {"WriteCapacityUnits", "ReadCapacityUnits"}) {
        std::string units_path = throughput_path + (units[0] == 'W' ? "writeCapacityUnits"
                                                                    : "readCapacityUnits");
        errors.NotNull(Member(throughput, units), units_path);
        errors.MinValue(Member(throughput, units), units_path, 1);
      }
    }
  }
}

namespace {

void ValidateIndexList(const json& list, const std::string& member, bool global,
                       ValidationErrors& errors) {
  if (!list.is_array()) return;
  for (size_t i = 0; i < list.size(); ++i) {
    ValidateIndexMembersAt(list[i], member + "." + std::to_string(i + 1) + ".member.", global,
                           errors);
  }
}

// The attribute names of a key schema, in order.
std::vector<std::string> KeyNames(const json& key_schema) {
  std::vector<std::string> names;
  for (const json& element : key_schema) names.push_back(Member(element, "AttributeName"));
  return names;
}

// More than one HASH or RANGE attribute: a multi-attribute key (global indexes only).
bool IsMultiAttribute(const json& key_schema) {
  return key_schema.size() > 2 ||
         (key_schema.size() == 2 && Member(key_schema[0], "KeyType") == "HASH" &&
          Member(key_schema[1], "KeyType") == "HASH");
}

// A global index's key schema: up to four HASH attributes, then up to four RANGE ones.
base::Status CheckGlobalKeySchema(const json& key_schema) {
  if (!IsMultiAttribute(key_schema)) return base::Status::OK();
  if (Member(key_schema[0], "KeyType") != "HASH")
    return base::Status::Validation(kFirstKeyNotHashMessage);
  size_t hashes = 0, ranges = 0;
  std::set<std::string> seen;
  for (const json& element : key_schema) {
    bool is_hash = Member(element, "KeyType") == "HASH";
    if (is_hash && ranges > 0) {
      return Invalid("All HASH key attributes must precede RANGE key attributes in the KeySchema");
    }
    (is_hash ? hashes : ranges) += 1;
    if (!seen.insert(Member(element, "AttributeName").get<std::string>()).second) {
      return base::Status::Validation(
          "The KeySchema contains multiple key attributes with the same name");
    }
  }
  if (hashes > 4) {
    return Invalid("The KeySchema exceeds the maximum allowed number of HASH key attributes");
  }
  if (ranges > 4) {
    return Invalid("The KeySchema exceeds the maximum allowed number of RANGE key attributes");
  }
  return base::Status::OK();
}

base::Status CheckProjection(const json& projection) {
  const json& type = Member(projection, "ProjectionType");
  const json& non_key = Member(projection, "NonKeyAttributes");
  if (type.is_null()) return Invalid("Unknown ProjectionType: null");
  if (type == "INCLUDE" && non_key.is_null()) {
    return Invalid("ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
  }
  if (type != "INCLUDE" && !non_key.is_null()) {
    return Invalid("ProjectionType is " + type.get<std::string>() +
                   ", but NonKeyAttributes is specified");
  }
  std::set<std::string> seen;
  if (non_key.is_array()) {
    for (const json& name : non_key) {
      if (!seen.insert(name.get<std::string>()).second) {
        return Invalid("Duplicate element in NonKeyAttributes: " + name.get<std::string>());
      }
    }
  }
  return base::Status::OK();
}

index::IndexDefinition DefinitionOf(const json& index, index::IndexKind kind) {
  index::IndexDefinition definition;
  definition.name = Member(index, "IndexName").get<std::string>();
  definition.kind = kind;
  for (const json& element : Member(index, "KeySchema")) {
    (Member(element, "KeyType") == "HASH" ? definition.partition_key : definition.sort_key)
        .push_back(Member(element, "AttributeName").get<std::string>());
  }
  const json& projection = Member(index, "Projection");
  const std::string type = Member(projection, "ProjectionType").get<std::string>();
  definition.projection = type == "ALL"       ? index::ProjectionType::kAll
                          : type == "INCLUDE" ? index::ProjectionType::kInclude
                                              : index::ProjectionType::kKeysOnly;
  if (definition.projection == index::ProjectionType::kInclude) {
    for (const json& name : Member(projection, "NonKeyAttributes")) {
      definition.non_key_attributes.push_back(name.get<std::string>());
    }
  }
  // A local index has no throughput of its own; its structure has no such member, so one in
  // the request is ignored like any unknown member.
  const json& throughput = Member(index, "ProvisionedThroughput");
  if (kind == index::IndexKind::kGlobal && !throughput.is_null()) {
    definition.read_capacity_units = Member(throughput, "ReadCapacityUnits").get<long long>();
    definition.write_capacity_units = Member(throughput, "WriteCapacityUnits").get<long long>();
  }
  return definition;
}

}  // namespace

base::Result<index::IndexDefinition> CheckGlobalIndex(const json& index,
                                                      const json& attribute_definitions) {
  const json& key_schema = Member(index, "KeySchema");
  if (base::Status s = CheckGlobalKeySchema(key_schema); !s.ok()) return s;
  if (!IsMultiAttribute(key_schema)) {
    if (base::Status s = CheckKeySchema(key_schema, attribute_definitions, false); !s.ok())
      return s;
  }
  std::vector<std::string> defined = KeyNames(attribute_definitions);
  for (const std::string& name : KeyNames(key_schema)) {
    if (std::find(defined.begin(), defined.end(), name) == defined.end()) {
      return base::Status::Validation(UndefinedKeyAttributesMessage(KeyNames(key_schema), defined));
    }
  }
  if (base::Status s = CheckProjection(Member(index, "Projection")); !s.ok()) return s;
  return DefinitionOf(index, index::IndexKind::kGlobal);
}

// The global indexes' faults come before the local ones', whatever the request's order
// (captured from the service, 2026).
void ValidateIndexMembers(const json& request, ValidationErrors& errors) {
  ValidateIndexList(Member(request, "GlobalSecondaryIndexes"), "globalSecondaryIndexes", true,
                    errors);
  ValidateIndexList(Member(request, "LocalSecondaryIndexes"), "localSecondaryIndexes", false,
                    errors);
}

base::Result<std::vector<index::IndexDefinition>> CheckIndexes(const json& request,
                                                               bool on_demand) {
  const json& locals = Member(request, "LocalSecondaryIndexes");
  const json& globals = Member(request, "GlobalSecondaryIndexes");
  std::vector<index::IndexDefinition> definitions;
  if (locals.is_null() && globals.is_null()) return definitions;
  if (locals.is_array() && locals.empty()) return Invalid("List of LocalSecondaryIndexes is empty");
  if (globals.is_array() && globals.empty()) {
    return Invalid("List of GlobalSecondaryIndexes is empty");
  }
  const json& attribute_definitions = Member(request, "AttributeDefinitions");
  const json& table_keys = Member(request, "KeySchema");

  // Each index's keys must be defined and well formed; then every definition must be used.
  std::vector<std::string> used = KeyNames(table_keys);
  for (const json* list : {&locals, &globals}) {
    if (!list->is_array()) continue;
    for (const json& index : *list) {
      const json& key_schema = Member(index, "KeySchema");
      if (list == &globals) {
        if (base::Status s = CheckGlobalKeySchema(key_schema); !s.ok()) return s;
      }
      if (list == &locals || !IsMultiAttribute(key_schema)) {
        if (base::Status s = CheckKeySchema(key_schema, attribute_definitions, false); !s.ok())
          return s;
      } else {
        std::vector<std::string> defined = KeyNames(attribute_definitions);
        for (const std::string& name : KeyNames(key_schema)) {
          if (std::find(defined.begin(), defined.end(), name) == defined.end()) {
            return base::Status::Validation(
                UndefinedKeyAttributesMessage(KeyNames(key_schema), defined));
          }
        }
      }
      for (const std::string& name : KeyNames(key_schema)) {
        if (std::find(used.begin(), used.end(), name) == used.end()) used.push_back(name);
      }
    }
  }
  std::vector<std::string> defined = KeyNames(attribute_definitions);
  if (defined.size() != used.size()) {
    return Invalid("Some AttributeDefinitions are not used. AttributeDefinitions: " +
                   Join(defined) + ", keys used: " + Join(used));
  }

  std::set<std::string> names;
  if (locals.is_array()) {
    const bool table_has_range = table_keys.size() == 2;
    const std::string table_hash = Member(table_keys[0], "AttributeName");
    for (const json& index : locals) {
      const std::string name = Member(index, "IndexName");
      if (!table_has_range) {
        return Invalid(
            "Table KeySchema does not have a range key, which is required when specifying a "
            "LocalSecondaryIndex");
      }
      const json& key_schema = Member(index, "KeySchema");
      const std::string hash = Member(key_schema[0], "AttributeName");
      if (hash != table_hash) {
        return Invalid("Index KeySchema does not have the same leading hash key as table "
                       "KeySchema for index: " + name + ". index hash key: " + hash +
                       ", table hash key: " + table_hash);
      }
      if (key_schema.size() != 2) {
        return Invalid("Index KeySchema does not have a range key for index: " + name);
      }
      if (base::Status s = CheckProjection(Member(index, "Projection")); !s.ok()) return s;
      if (!names.insert(name).second) return Invalid("Duplicate index name: " + name);
      definitions.push_back(DefinitionOf(index, index::IndexKind::kLocal));
    }
    if (locals.size() > kMaxLocalIndexes) {
      return Invalid("Number of LocalSecondaryIndexes exceeds per-table limit of 5");
    }
  }
  if (globals.is_array()) {
    for (const json& index : globals) {
      const std::string name = Member(index, "IndexName");
      if (base::Status s = CheckProjection(Member(index, "Projection")); !s.ok()) return s;
      if (!names.insert(name).second) return Invalid("Duplicate index name: " + name);
      const bool has_throughput = !Member(index, "ProvisionedThroughput").is_null();
      if (on_demand && has_throughput) {
        return Invalid("ProvisionedThroughput should not be specified for index: " + name +
                       " when BillingMode is PAY_PER_REQUEST");
      }
      if (!on_demand && !has_throughput) {
        return Invalid("ProvisionedThroughput is not specified for index: " + name);
      }
      index::IndexDefinition definition = DefinitionOf(index, index::IndexKind::kGlobal);
      if (base::Status s =
              ReadOnDemandThroughput(Member(index, "OnDemandThroughput"), name, on_demand,
                                     /*may_remove=*/false, definition.on_demand_maximum);
          !s.ok()) {
        return s;
      }
      definitions.push_back(std::move(definition));
    }
    if (globals.size() > kMaxGlobalIndexes) {
      return Invalid("GlobalSecondaryIndex count exceeds the per-table limit of 20");
    }
  }
  return definitions;
}

}  // namespace ddbpg::api
