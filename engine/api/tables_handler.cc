// The table operations: CreateTable, DescribeTable, ListTables, UpdateTable, DeleteTable.
// Each reads top to bottom in the order DynamoDB checks: shape, member constraints, cross-member
// rules, table lookup, effect.
#include <algorithm>
#include <set>

#include "engine/api/handlers.h"
#include "engine/api/index_params.h"
#include "engine/api/index_updates.h"
#include "engine/api/messages.h"
#include "engine/api/on_demand_throughput.h"
#include "engine/api/replica_updates.h"
#include "engine/api/request_schema.h"
#include "engine/api/resource_policy_document.h"
#include "engine/api/stream_specification.h"
#include "engine/api/table_description.h"
#include "engine/api/table_settings.h"
#include "engine/api/tag_rules.h"
#include "engine/api/validation_errors.h"
#include "engine/api/warm_throughput.h"
#include "engine/base/limits.h"
#include "engine/base/utc_time.h"
#include "engine/core/backups.h"
#include "engine/core/table_restore.h"
#include "engine/value/json_object.h"

namespace ddbpg::api {
namespace {

const std::vector<MemberSpec>& CreateTableShape() {
  static const auto* spec = new std::vector<MemberSpec>{
      AttributeDefinitionsMember(),
      {"TableName", value::WireType::kString},
      {"KeySchema",
       value::WireType::kList,
       "KeySchemaElement",
       MemberKind::kPlain,
       {{"AttributeName", value::WireType::kString}, {"KeyType", value::WireType::kString}}},
      {"LocalSecondaryIndexes", value::WireType::kList, "LocalSecondaryIndex", MemberKind::kPlain,
       SecondaryIndexMembers(/*global=*/false)},
      {"GlobalSecondaryIndexes", value::WireType::kList, "GlobalSecondaryIndex", MemberKind::kPlain,
       SecondaryIndexMembers(/*global=*/true)},
      {"BillingMode", value::WireType::kString},
      ProvisionedThroughputMember(),
      StreamSpecificationMember(),
      {"SSESpecification", value::WireType::kStructure, "SSESpecification"},
      TagsMember(),
      {"TableClass", value::WireType::kString},
      {"DeletionProtectionEnabled", value::WireType::kBoolean},
      {"ResourcePolicy", value::WireType::kString},
      OnDemandThroughputMember(),
      WarmThroughputMember(),
  };
  return *spec;
}

const std::vector<MemberSpec>& UpdateTableShape() {
  static const auto* spec = new std::vector<MemberSpec>{
      AttributeDefinitionsMember(),
      {"TableName", value::WireType::kString},
      {"BillingMode", value::WireType::kString},
      ProvisionedThroughputMember(),
      {"GlobalSecondaryIndexUpdates", value::WireType::kList, "GlobalSecondaryIndexUpdate",
       MemberKind::kPlain, GlobalSecondaryIndexUpdateMembers()},
      StreamSpecificationMember(),
      {"SSESpecification", value::WireType::kStructure, "SSESpecification"},
      {"ReplicaUpdates", value::WireType::kList, "ReplicationGroupUpdate", MemberKind::kPlain,
       ReplicationGroupUpdateMembers()},
      {"TableClass", value::WireType::kString},
      {"DeletionProtectionEnabled", value::WireType::kBoolean},
      OnDemandThroughputMember(),
      WarmThroughputMember(),
  };
  return *spec;
}

const std::vector<MemberSpec> kTableNameOnlyShape = {{"TableName", value::WireType::kString}};

const std::vector<MemberSpec> kListTablesShape = {
    {"ExclusiveStartTableName", value::WireType::kString},
    {"Limit", value::WireType::kInteger},
};

void ValidateThroughput(const json& throughput, ValidationErrors& errors) {
  if (throughput.is_null()) return;
  const json& write = Member(throughput, "WriteCapacityUnits");
  const json& read = Member(throughput, "ReadCapacityUnits");
  errors.NotNull(write, "provisionedThroughput.writeCapacityUnits");
  errors.MinValue(write, "provisionedThroughput.writeCapacityUnits", 1);
  errors.NotNull(read, "provisionedThroughput.readCapacityUnits");
  errors.MinValue(read, "provisionedThroughput.readCapacityUnits", 1);
}

// Each AttributeDefinition needs a name and a scalar type.
void ValidateAttributeDefinitions(const json& definitions, ValidationErrors& errors) {
  if (!definitions.is_array()) return;
  for (size_t i = 0; i < definitions.size(); ++i) {
    std::string path = "attributeDefinitions." + std::to_string(i + 1) + ".member.";
    const json& type = Member(definitions[i], "AttributeType");
    errors.NotNull(type, path + "attributeType");
    errors.Enum(type, path + "attributeType", "[B, N, S]");
    errors.NotNull(Member(definitions[i], "AttributeName"), path + "attributeName");
  }
}

// The per-table quota (ServiceQuotas: 40,000 RCU and 40,000 WCU per table).
base::Status CheckThroughputQuota(const json& throughput, const std::string& region) {
  long long read = Member(throughput, "ReadCapacityUnits").get<long long>();
  long long write = Member(throughput, "WriteCapacityUnits").get<long long>();
  if (read > base::limits::kMaxTableReadCapacityUnits) {
    return base::Status::LimitExceeded(ThroughputQuotaMessage(
        "ReadCapacityUnits", read, region, base::limits::kMaxTableReadCapacityUnits));
  }
  if (write > base::limits::kMaxTableWriteCapacityUnits) {
    return base::Status::LimitExceeded(ThroughputQuotaMessage(
        "WriteCapacityUnits", write, region, base::limits::kMaxTableWriteCapacityUnits));
  }
  return base::Status::OK();
}

value::AttributeType ScalarType(const std::string& name) {
  if (name == "N") return value::AttributeType::kN;
  if (name == "B") return value::AttributeType::kB;
  return value::AttributeType::kS;
}

}  // namespace

// Cross-member rules of KeySchema and AttributeDefinitions, after the member constraints hold,
// in the service's order. A table with indexes checks unused definitions over all its keys
// instead (CheckIndexes), so `exact_definitions` is false for it and for each index.
base::Status CheckKeySchema(const json& key_schema, const json& definitions,
                            bool exact_definitions) {
  std::vector<std::string> key_names;
  for (const json& element : key_schema) key_names.push_back(Member(element, "AttributeName"));
  std::vector<std::string> defined_names;
  for (const json& definition : definitions) {
    defined_names.push_back(Member(definition, "AttributeName"));
  }
  if (key_names.size() > defined_names.size()) {
    return base::Status::Validation(kKeyAttributeWithoutDefinitionMessage);
  }
  std::set<std::string> defined(defined_names.begin(), defined_names.end());
  for (const std::string& name : key_names) {
    if (!defined.count(name)) {
      return base::Status::Validation(UndefinedKeyAttributesMessage(key_names, defined_names));
    }
  }
  if (key_names.size() == 2 && key_names[0] == key_names[1]) {
    return base::Status::Validation(kSameHashAndRangeNameMessage);
  }
  if (Member(key_schema[0], "KeyType") != "HASH") {
    return base::Status::Validation(kFirstKeyNotHashMessage);
  }
  if (key_names.size() == 2 && Member(key_schema[1], "KeyType") != "RANGE") {
    return base::Status::Validation(kSecondKeyNotRangeMessage);
  }
  if (exact_definitions && defined_names.size() != key_names.size()) {
    return base::Status::Validation(kDefinitionCountMismatchMessage);
  }
  return base::Status::OK();
}

namespace {

// Capacity values past 10^12 are refused outright, read before write.
base::Status CheckThroughputBounds(const json& throughput) {
  constexpr long long kMaxUnits = 1000000000000LL;
  for (const char* member : {"ReadCapacityUnits", "WriteCapacityUnits"}) {
    long long units = Member(throughput, member).get<long long>();
    if (units > kMaxUnits) {
      return base::Status::Validation("Given value " + std::to_string(units) + " for " + member +
                                      " is out of bounds");
    }
  }
  return base::Status::OK();
}

// Provisioned throughput may decrease four times in a UTC day, then once an hour (ServiceQuotas,
// "Provisioned capacity decreases per day": 27).
base::Status CheckDecreaseAllowed(const store::ProvisionedThroughput& current, double now) {
  constexpr int kFreeDecreases = 4;
  constexpr double kSpacingSeconds = 3600;
  if (!current.last_decrease_time ||
      base::UtcDay(*current.last_decrease_time) != base::UtcDay(now)) {
    return base::Status::OK();
  }
  if (current.decreases_today < kFreeDecreases) return base::Status::OK();
  const double last = *current.last_decrease_time;
  if (now - last >= kSpacingSeconds) return base::Status::OK();
  return base::Status::LimitExceeded(
      "Subscriber limit exceeded: Provisioned throughput decreases are limited within a given "
      "UTC day. After the first 4 decreases, each subsequent decrease in the same UTC day can be "
      "performed at most once every 3600 seconds. Number of decreases today: " +
      std::to_string(current.decreases_today) + ". Last decrease at " + base::FormatUtcLong(last) +
      ". Next decrease can be made at " + base::FormatUtcLong(last + kSpacingSeconds));
}

// A table may switch from provisioned to on-demand four times in a rolling 24 hours (Developer
// Guide, "Considerations when switching capacity modes"); back to provisioned at any time.
base::Status CheckSwitchToOnDemandAllowed(store::TableDefinition& definition, double now) {
  constexpr size_t kSwitchesPerWindow = 4;
  constexpr double kWindowSeconds = 24 * 3600;
  std::vector<double>& switches = definition.pay_per_request_switches;
  switches.erase(std::remove_if(switches.begin(), switches.end(),
                                [now](double at) { return at <= now - kWindowSeconds; }),
                 switches.end());
  if (switches.size() < kSwitchesPerWindow) return base::Status::OK();
  return base::Status::LimitExceeded(
      "Subscriber limit exceeded: Update to PayPerRequest mode are limited to 4 times in a "
      "rolling 24 hour window. Last update at " +
      base::FormatUtcLong(switches.back()) + ". Next update can be made at " +
      base::FormatUtcLong(switches.front() + kWindowSeconds));
}

// The table operations report a missing TableName in words of their own, before any other
// constraint.
base::Status RequireTableName(const json& request) {
  if (Member(request, "TableName").is_null())
    return base::Status::Validation(kTableNameRequiredMessage);
  return base::Status::OK();
}

}  // namespace

base::Result<json> CreateTable(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, CreateTableShape()); !s.ok()) return s;
  if (base::Status s = RequireTableName(request); !s.ok()) return s;

  const json& definitions = Member(request, "AttributeDefinitions");
  const json& table_name = Member(request, "TableName");
  const json& key_schema = Member(request, "KeySchema");
  const json& billing_mode = Member(request, "BillingMode");
  const json& throughput = Member(request, "ProvisionedThroughput");

  ValidationErrors errors;
  errors.NotNull(definitions, "attributeDefinitions");
  ValidateAttributeDefinitions(definitions, errors);
  errors.ResourceName(table_name, "tableName");
  errors.Enum(billing_mode, "billingMode", "[PROVISIONED, PAY_PER_REQUEST]");
  ValidateThroughput(throughput, errors);
  ValidateKeySchemaMember(key_schema, /*path=*/"", /*max_elements=*/2, errors);
  ValidateIndexMembers(request, errors);
  ValidateStreamSpecification(request, errors);
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;

  bool on_demand = billing_mode == "PAY_PER_REQUEST";
  if (on_demand && !throughput.is_null()) {
    return base::Status::Validation(kThroughputWithPayPerRequestMessage);
  }
  if (!on_demand && throughput.is_null()) return base::Status::Validation(kNoThroughputMessage);
  if (!on_demand) {
    if (base::Status s = CheckThroughputBounds(throughput); !s.ok()) return s;
  }
  const bool has_indexes = !Member(request, "LocalSecondaryIndexes").is_null() ||
                          !Member(request, "GlobalSecondaryIndexes").is_null();
  if (base::Status s = CheckKeySchema(key_schema, definitions, !has_indexes); !s.ok()) return s;
  base::Result<std::vector<index::IndexDefinition>> indexes = CheckIndexes(request, on_demand);
  if (!indexes.ok()) return indexes.status();
  base::Result<StreamChange> stream = CheckStreamChange(request, nullptr);
  if (!stream.ok()) return stream.status();
  if (base::Status s = CheckTableClass(request); !s.ok()) return s;
  capacity::OnDemandMaximum on_demand_maximum;
  if (base::Status s = ReadOnDemandThroughput(Member(request, "OnDemandThroughput"), "", on_demand,
                                              /*may_remove=*/false, on_demand_maximum);
      !s.ok()) {
    return s;
  }
  // A new on-demand table is warm for its initial throughput already; a provisioned one must be
  // warm for its capacity. The same for each global index.
  const json& warm = Member(request, "WarmThroughput");
  auto units = [](const json& throughput, const char* member) {
    return throughput.is_null() ? 0LL : Member(throughput, member).get<long long>();
  };
  if (base::Status s = CheckNewWarmThroughput(
          warm, "", on_demand, units(throughput, "ReadCapacityUnits"),
          units(throughput, "WriteCapacityUnits"), state.scale, state.clock.NowSeconds());
      !s.ok()) {
    return s;
  }
  const json& global_indexes = Member(request, "GlobalSecondaryIndexes");
  for (const json& index : global_indexes.is_array() ? global_indexes : json::array()) {
    const json& index_throughput = Member(index, "ProvisionedThroughput");
    if (base::Status s = CheckNewWarmThroughput(
            Member(index, "WarmThroughput"), Member(index, "IndexName").get<std::string>(),
            on_demand, units(index_throughput, "ReadCapacityUnits"),
            units(index_throughput, "WriteCapacityUnits"), state.scale, state.clock.NowSeconds());
        !s.ok()) {
      return s;
    }
  }
  if (!on_demand) {
    if (base::Status s = CheckThroughputQuota(throughput, state.options.region); !s.ok()) return s;
  }
  // Tags are checked as TagResource checks them, except that an empty list is accepted; a
  // refused tag creates nothing (measured against the live service).
  TagMap tags;
  if (const json& requested = Member(request, "Tags"); !requested.is_null()) {
    base::Result<std::vector<std::pair<std::string, std::string>>> read = ReadTags(requested);
    if (!read.ok()) return read.status();
    if (read->size() > base::limits::kMaxTagsPerResource)
      return base::Status::Validation(kTooManyTagsMessage);
    tags.insert(read->begin(), read->end());
  }
  // The policy is checked as PutResourcePolicy checks it; a refused one creates nothing.
  std::string policy_document;
  if (const json& policy = Member(request, "ResourcePolicy"); policy.is_string()) {
    base::Result<std::string> canonical = CanonicalPolicyDocument(policy.get<std::string>());
    if (!canonical.ok()) return canonical.status();
    policy_document = std::move(*canonical);
  }

  const std::string name = table_name.get<std::string>();
  if (state.FindTable(name) != nullptr)
    return base::Status::ResourceInUse(TableExistsMessage(name));

  store::TableDefinition definition;
  definition.name = name;
  for (const json& element : key_schema) {
    definition.key_schema.push_back(
        {Member(element, "AttributeName").get<std::string>(),
         Member(element, "KeyType") == "HASH" ? store::KeyType::kHash : store::KeyType::kRange});
  }
  for (const json& attribute : definitions) {
    definition.attribute_definitions.push_back(
        {Member(attribute, "AttributeName").get<std::string>(),
         ScalarType(Member(attribute, "AttributeType").get<std::string>())});
  }
  definition.billing_mode =
      on_demand ? store::BillingMode::kPayPerRequest : store::BillingMode::kProvisioned;
  if (on_demand) {
    definition.last_update_to_pay_per_request_time = state.clock.NowSeconds();
    definition.on_demand_maximum = on_demand_maximum;
  } else {
    definition.throughput.read_capacity_units = Member(throughput, "ReadCapacityUnits");
    definition.throughput.write_capacity_units = Member(throughput, "WriteCapacityUnits");
  }
  definition.creation_time = state.clock.NowSeconds();
  definition.table_id = state.NewTableId();
  definition.tags = std::move(tags);
  if (!policy_document.empty()) {
    // Starts no 15-second window: only PutResourcePolicy and DeleteResourcePolicy do.
    definition.resource_policy.revision_id =
        NextRevisionId(definition.resource_policy, definition.creation_time);
    definition.resource_policy.document = std::move(policy_document);
  }
  ApplyTableSettings(request, /*is_update=*/false, definition.creation_time, definition);

  auto table = std::make_unique<store::Table>(std::move(definition));
  for (index::IndexDefinition& index : *indexes) table->AddIndex(std::move(index));
  ApplyStreamChange(state, *table, *stream);
  store::Table& installed = core::InstallTable(state, std::move(table));
  const double now = state.clock.NowSeconds();
  if (!warm.is_null()) ApplyWarmThroughput(installed, warm, now);
  ApplyIndexWarmThroughputs(global_indexes, installed, now);
  return json{{"TableDescription", DescribeTableJson(state, installed, "CREATING")}};
}

namespace {

// DescribeTable, DeleteTable and UpdateTable share this first step.
base::Result<store::Table*> FindNamedTable(core::EngineState& state, const json& request) {
  const json& table_name = Member(request, "TableName");
  if (base::Status s = RequireTableName(request); !s.ok()) return s;
  ValidationErrors errors;
  errors.ResourceName(table_name, "tableName");
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  const std::string name = table_name.get<std::string>();
  store::Table* table = state.FindTable(name);
  if (table == nullptr) return base::Status::ResourceNotFound(TableNotFoundMessage(name));
  return table;
}

// A table is UPDATING while a new global index's resources are being allocated; once the index
// backfills, the table is ACTIVE again.
bool AllocatesAnIndex(const store::Table& table, double now) {
  for (const auto& index : table.indexes()) {
    if (index->IsAllocating(now)) return true;
  }
  return false;
}

}  // namespace

base::Result<json> DescribeTable(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, kTableNameOnlyShape); !s.ok()) return s;
  base::Result<store::Table*> table = FindNamedTable(state, request);
  if (!table.ok()) return table.status();
  const bool updating = AllocatesAnIndex(**table, state.clock.NowSeconds());
  return json{{"Table", DescribeTableJson(state, **table, updating ? "UPDATING" : "ACTIVE")}};
}

base::Result<json> DeleteTable(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, kTableNameOnlyShape); !s.ok()) return s;
  base::Result<store::Table*> table = FindNamedTable(state, request);
  if (!table.ok()) return table.status();
  bool changing = !(*table)->DeletingIndexes(state.clock.NowSeconds()).empty();
  for (const auto& index : (*table)->indexes()) {
    changing = changing || index->IsCreating(state.clock.NowSeconds());
  }
  if (base::Status s = CheckDeletionAllowed((*table)->definition()); !s.ok()) return s;
  if (base::Status s = CheckReplicaDeletable(state, **table); !s.ok()) return s;
  if (changing) {
    return base::Status::ResourceInUse(
        "Attempt to change a resource which is still in use: Cannot delete table while indexes "
        "are being created, updated, or deleted.");
  }
  json description = DescribeTableJson(state, **table, "DELETING");
  // DeleteTable describes the table without its schema: no KeySchema, AttributeDefinitions or
  // CreationDateTime (ScyllaDB's tests run against DynamoDB, issue #14132), and no local indexes
  // (an AWS response compared with dynalite's, dynalite issue #60); the global indexes, which
  // carry their key schemas too, are left out with them.
  for (const char* member : {"KeySchema", "AttributeDefinitions", "CreationDateTime",
                             "LocalSecondaryIndexes", "GlobalSecondaryIndexes"}) {
    description.erase(member);
  }
  DisableStreamOf(state, **table);
  // The table's streams stay readable for 24 hours, but their policies go with the table (the
  // service answers PolicyNotFoundException for them then).
  for (const auto& stream : state.streams) {
    if (stream->table_name() == (*table)->name()) stream->mutable_resource_policy() = {};
  }
  // The service keeps a table deleted with point-in-time recovery on as a system backup.
  if ((*table)->point_in_time().enabled()) {
    core::AddDeletedTableBackup(state, **table, state.clock.NowSeconds());
  }
  // A replica of a global table leaves its group; the other replicas stay.
  LeaveReplicaGroup(state, **table);
  const std::string name = (*table)->name();
  state.TablesIn(state.RegionOf(name)).erase(name);
  return json{{"TableDescription", description}};
}

base::Result<json> ListTables(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, kListTablesShape); !s.ok()) return s;
  const json& start = Member(request, "ExclusiveStartTableName");
  const json& limit = Member(request, "Limit");
  ValidationErrors errors;
  errors.ResourceName(start, "exclusiveStartTableName");
  errors.MinValue(limit, "limit", 1);
  errors.MaxValue(limit, "limit", base::limits::kMaxListTablesLimit);
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;

  size_t page_size = limit.is_null() ? base::limits::kMaxListTablesLimit : limit.get<size_t>();
  // The shared tables and this region's replicas of global tables, by name.
  std::set<std::string> visible;
  for (const auto& [name, table] : state.tables) visible.insert(name);
  if (state.region != state.options.region) {
    for (const auto& [name, table] : state.TablesIn(state.region)) visible.insert(name);
  }
  auto it = start.is_null() ? visible.begin() : visible.upper_bound(start.get<std::string>());
  json names = json::array();
  for (; it != visible.end() && names.size() < page_size; ++it) names.push_back(*it);
  json response = value::JsonObject({{"TableNames", names}});
  if (it != visible.end() && !names.empty()) {
    response["LastEvaluatedTableName"] = names.back();
  }
  return response;
}

base::Result<json> UpdateTable(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, UpdateTableShape()); !s.ok()) return s;
  if (base::Status s = RequireTableName(request); !s.ok()) return s;
  const json& table_name = Member(request, "TableName");
  const json& billing_mode = Member(request, "BillingMode");
  const json& throughput = Member(request, "ProvisionedThroughput");

  ValidationErrors errors;
  errors.ResourceName(table_name, "tableName");
  errors.Enum(billing_mode, "billingMode", "[PROVISIONED, PAY_PER_REQUEST]");
  ValidateThroughput(throughput, errors);
  ValidateAttributeDefinitions(Member(request, "AttributeDefinitions"), errors);
  ValidateStreamSpecification(request, errors);
  const json& index_updates = Member(request, "GlobalSecondaryIndexUpdates");
  if (index_updates.is_array()) {
    for (size_t i = 0; i < index_updates.size(); ++i) {
      const std::string path = "globalSecondaryIndexUpdates." + std::to_string(i + 1) + ".member.";
      const json& create = Member(index_updates[i], "Create");
      if (!create.is_null()) {
        ValidateIndexMembersAt(create, path + "create.", /*global=*/true, errors);
      }
      const json& update = Member(index_updates[i], "Update");
      if (!update.is_null()) {
        errors.NotNull(Member(update, "IndexName"), path + "update.indexName");
        errors.ResourceName(Member(update, "IndexName"), path + "update.indexName");
        const json& index_throughput = Member(update, "ProvisionedThroughput");
        // An on-demand table's index takes OnDemandThroughput or WarmThroughput instead.
        if (Member(update, "OnDemandThroughput").is_null() &&
            Member(update, "WarmThroughput").is_null()) {
          errors.NotNull(index_throughput, path + "update.provisionedThroughput");
        }
        if (!index_throughput.is_null()) {
          for (const char* units : {"WriteCapacityUnits", "ReadCapacityUnits"}) {
            const std::string units_path = path + "update.provisionedThroughput." +
                                           (units[0] == 'W' ? "writeCapacityUnits"
                                                            : "readCapacityUnits");
            errors.NotNull(Member(index_throughput, units), units_path);
            errors.MinValue(Member(index_throughput, units), units_path, 1);
          }
        }
      }
      const json& remove = Member(index_updates[i], "Delete");
      if (!remove.is_null()) errors.NotNull(Member(remove, "IndexName"), path + "delete.indexName");
    }
  }
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;
  if (!Member(request, "ReplicaUpdates").is_null()) return UpdateReplicas(state, request);

  // An empty list of index updates alone asks for nothing.
  if (billing_mode.is_null() && throughput.is_null() &&
      (index_updates.is_null() || index_updates.empty()) &&
      Member(request, "StreamSpecification").is_null() &&
      Member(request, "SSESpecification").is_null() &&
      Member(request, "ReplicaUpdates").is_null() && Member(request, "TableClass").is_null() &&
      Member(request, "DeletionProtectionEnabled").is_null() &&
      Member(request, "OnDemandThroughput").is_null() &&
      Member(request, "WarmThroughput").is_null()) {
    return base::Status::Validation(kNothingToUpdateMessage);
  }
  if (base::Status s = CheckTableClass(request); !s.ok()) return s;
  if (base::Status s = CheckSettingsChangeAlone(request); !s.ok()) return s;
  if (base::Status s = CheckWarmThroughputAlone(request); !s.ok()) return s;
  if (base::Status s = CheckOnDemandThroughputAlone(request); !s.ok()) return s;
  if (billing_mode == "PROVISIONED" && throughput.is_null()) {
    return base::Status::Validation(kNoThroughputForProvisionedMessage);
  }
  if (billing_mode == "PAY_PER_REQUEST" && !throughput.is_null()) {
    return base::Status::Validation(kThroughputWithPayPerRequestMessage);
  }
  if (!throughput.is_null()) {
    if (base::Status s = CheckThroughputBounds(throughput); !s.ok()) return s;
  }
  if (base::Status s = CheckIndexUpdatesRequest(request); !s.ok()) return s;
  if (!Member(request, "StreamSpecification").is_null() && !throughput.is_null()) {
    return base::Status::Validation(std::string(kInvalidParameters) +
                                    "You cannot modify stream status while updating table IOPS");
  }
  if (!Member(request, "SSESpecification").is_null()) {
    return base::Status::Validation(NotYetSupportedMessage("SSESpecification"));
  }

  base::Result<store::Table*> found = FindNamedTable(state, request);
  if (!found.ok()) return found.status();
  base::Result<StreamChange> stream = CheckStreamChange(request, *found);
  if (!stream.ok()) return stream.status();
  if (stream->action == StreamChange::Action::kDisable &&
      !(*found)->definition().replica_regions.empty()) {
    return base::Status::Validation(kDisableGlobalTableStreamMessage);
  }
  store::TableDefinition& definition = (*found)->mutable_definition();
  const bool currently_on_demand = definition.billing_mode == store::BillingMode::kPayPerRequest;
  if (!throughput.is_null() && currently_on_demand && billing_mode.is_null()) {
    return base::Status::Validation(kThroughputOnPayPerRequestTableMessage);
  }
  store::ProvisionedThroughput& current = definition.throughput;
  long long read = throughput.is_null() ? 0 : Member(throughput, "ReadCapacityUnits").get<long long>();
  long long write =
      throughput.is_null() ? 0 : Member(throughput, "WriteCapacityUnits").get<long long>();
  if (!throughput.is_null() && !currently_on_demand && read == current.read_capacity_units &&
      write == current.write_capacity_units) {
    return base::Status::Validation(UnchangedThroughputMessage(
        current.read_capacity_units, read, current.write_capacity_units, write));
  }
  if (!throughput.is_null()) {
    if (base::Status s = CheckThroughputQuota(throughput, state.options.region); !s.ok()) return s;
  }
  if (billing_mode == "PAY_PER_REQUEST" && !currently_on_demand) {
    if (base::Status s = CheckSwitchToOnDemandAllowed(definition, state.clock.NowSeconds());
        !s.ok()) {
      return s;
    }
  }
  const bool decreases = !throughput.is_null() && !currently_on_demand &&
                         (read < current.read_capacity_units || write < current.write_capacity_units);
  if (decreases) {
    if (base::Status s = CheckDecreaseAllowed(current, state.clock.NowSeconds()); !s.ok()) return s;
  }

  // The response describes the table as the update finds it, UPDATING; the playground applies
  // the change at once, so the next DescribeTable shows it ACTIVE with the new values.
  const bool on_demand_after =
      billing_mode == "PAY_PER_REQUEST" || (currently_on_demand && billing_mode.is_null());
  capacity::OnDemandMaximum on_demand_maximum =
      currently_on_demand ? definition.on_demand_maximum : capacity::OnDemandMaximum{};
  if (base::Status s =
          ReadOnDemandThroughput(Member(request, "OnDemandThroughput"), "", on_demand_after,
                                 /*may_remove=*/true, on_demand_maximum);
      !s.ok()) {
    return s;
  }
  const json& warm = Member(request, "WarmThroughput");
  if (base::Status s = CheckWarmThroughput(warm, "", (*found)->Warm(state.clock.NowSeconds()),
                                           WarmFloor::kCurrent);
      !s.ok()) {
    return s;
  }
  base::Result<IndexUpdatePlan> index_plan =
      PlanIndexUpdates(state, **found, request, on_demand_after);
  if (!index_plan.ok()) return index_plan.status();
  base::Result<ReplicaIndexChanges> replica_changes =
      PlanReplicaIndexChanges(state, **found, request);
  if (!replica_changes.ok()) return replica_changes.status();
  // "While it's UPDATING, you can't issue another UpdateTable request" (API reference); the
  // index updates' own refusals (deleting or creating an index while one is being allocated)
  // come first, with their texts.
  if (AllocatesAnIndex(**found, state.clock.NowSeconds())) {
    return base::Status::ResourceInUse(
        "Attempt to change a resource which is still in use: Table is being updated: " +
        (*found)->name());
  }

  const double now = state.clock.NowSeconds();
  definition.on_demand_maximum = on_demand_after ? on_demand_maximum : capacity::OnDemandMaximum{};
  if (!warm.is_null()) ApplyWarmThroughput(**found, warm, now);
  if (billing_mode == "PAY_PER_REQUEST" && !currently_on_demand) {
    definition.billing_mode = store::BillingMode::kPayPerRequest;
    definition.last_update_to_pay_per_request_time = now;
    definition.pay_per_request_switches.push_back(now);
  }
  if (!throughput.is_null() && !currently_on_demand) {
    if (read > current.read_capacity_units || write > current.write_capacity_units) {
      current.last_increase_time = now;
    }
    if (decreases) {
      // The count starts again each UTC day.
      if (current.last_decrease_time &&
          base::UtcDay(*current.last_decrease_time) != base::UtcDay(now)) {
        current.decreases_today = 0;
      }
      current.last_decrease_time = now;
      ++current.decreases_today;
    }
  }
  // The response already shows the new stream and the index changes, while the table is
  // UPDATING.
  ApplyIndexCreatesAndUpdates(state, **found, *index_plan);
  ApplyReplicaIndexChanges(state, (*found)->name(), *replica_changes);
  ApplyStreamChange(state, **found, *stream);
  ApplyTableSettings(request, /*is_update=*/true, now, definition);
  json description = DescribeTableJson(state, **found, "UPDATING");
  FinishIndexDeletes(**found, *index_plan, now, description);
  if (definition.billing_mode == store::BillingMode::kPayPerRequest) {
    current = store::ProvisionedThroughput{};
  }
  if (!throughput.is_null()) {
    if (currently_on_demand) current.last_increase_time = now;
    current.read_capacity_units = read;
    current.write_capacity_units = write;
    definition.billing_mode = store::BillingMode::kProvisioned;
    // A provisioned table's indexes have no on-demand maximum either.
    for (const auto& index : (*found)->indexes()) {
      index->mutable_definition().on_demand_maximum = {};
    }
  }
  (*found)->Repartition(state.scale, state.clock.NowSeconds());
  return json{{"TableDescription", description}};
}

}  // namespace ddbpg::api
