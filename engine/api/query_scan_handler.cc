// Query and Scan: reading pages of items in key order (Query, one item collection) or in
// partition order (Scan, optionally one parallel segment), with Limit, the 1 MB page, filters,
// projections, Select and DynamoDB's per-page capacity.
#include <algorithm>
#include <set>

#include "engine/api/consumed_capacity.h"
#include "engine/api/expression_params.h"
#include "engine/api/index_reads.h"
#include "engine/api/handlers.h"
#include "engine/api/legacy_parameters.h"
#include "engine/api/messages.h"
#include "engine/api/request_schema.h"
#include "engine/api/validation_errors.h"
#include "engine/capacity/units.h"
#include "engine/core/read_path.h"
#include "engine/expr/condition_evaluator.h"
#include "engine/expr/document.h"
#include "engine/expr/key_condition.h"
#include "engine/value/ddb_json.h"
#include "engine/partition/key_hash.h"
#include "engine/value/item_size.h"
#include "engine/value/item_writer.h"

namespace ddbpg::api {
namespace {

using core::Page;

std::vector<MemberSpec> ReadShape(bool is_query) {
  std::vector<MemberSpec> spec = {
      {"TableName", value::WireType::kString},
      {"IndexName", value::WireType::kString},
      {"Select", value::WireType::kString},
      {"AttributesToGet",
       value::WireType::kList,
       "String",
       MemberKind::kPlain,
       {},
       value::WireType::kString},
      {"Limit", value::WireType::kInteger},
      {"ConsistentRead", value::WireType::kBoolean},
      {"ConditionalOperator", value::WireType::kString},
      AttributeValueMapMember("ExclusiveStartKey"),
      {"ReturnConsumedCapacity", value::WireType::kString},
      {"ProjectionExpression", value::WireType::kString},
      {"FilterExpression", value::WireType::kString},
      ExpressionAttributeNamesMember(),
      AttributeValueMapMember("ExpressionAttributeValues"),
  };
  if (is_query) {
    spec.push_back({"KeyConditions", value::WireType::kMap, "Condition"});
    spec.push_back({"QueryFilter", value::WireType::kMap, "Condition"});
    spec.push_back({"ScanIndexForward", value::WireType::kBoolean});
    spec.push_back({"KeyConditionExpression", value::WireType::kString});
  } else {
    spec.push_back({"ScanFilter", value::WireType::kMap, "Condition"});
    spec.push_back({"Segment", value::WireType::kInteger});
    spec.push_back({"TotalSegments", value::WireType::kInteger});
  }
  return spec;
}

base::Status ValidateReadMembers(const json& request, bool is_query) {
  // A Query joining two or more QueryFilter conditions with an unknown ConditionalOperator is
  // refused before its members are validated, bare, in this form of its own (captured from the
  // service in 2026, eu-west-2 and us-east-1, beside an unknown Select that goes unreported).
  const json& conditional_operator = Member(request, "ConditionalOperator");
  const json& query_filter = Member(request, "QueryFilter");
  if (is_query && conditional_operator.is_string() && conditional_operator != "AND" &&
      conditional_operator != "OR" && query_filter.is_object() && query_filter.size() >= 2) {
    return base::Status::Validation(
        "Failed to satisfy constraint: Member must satisfy enum value set: [ALL, OR]");
  }
  ValidationErrors errors;
  const json& table_name = Member(request, "TableName");
  errors.Enum(Member(request, "ReturnConsumedCapacity"), "returnConsumedCapacity",
              kReturnConsumedCapacityValues);
  errors.MinLength(Member(request, "AttributesToGet"), "attributesToGet", 1);
  errors.NotNull(table_name, "tableName");
  errors.ResourceName(table_name, "tableName", 1);
  errors.ResourceName(Member(request, "IndexName"), "indexName");
  errors.Enum(Member(request, "Select"), "select",
              "[SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
  errors.MinValue(Member(request, "Limit"), "limit", 1);
  errors.Enum(Member(request, "ConditionalOperator"), "conditionalOperator", "[OR, AND]");
  if (!is_query) {
    errors.MinValue(Member(request, "Segment"), "segment", 0);
    errors.MaxValue(Member(request, "Segment"), "segment", 999999);
    errors.MinValue(Member(request, "TotalSegments"), "totalSegments", 1);
    errors.MaxValue(Member(request, "TotalSegments"), "totalSegments", 1000000);
  }
  return errors.ToStatus();
}

// Select's rules against the projection members. Query reports them inside the validator's
// envelope, Scan bare (measured against the live service, 2026).
base::Status CheckSelect(const json& request, bool is_query) {
  auto fail = [is_query](const std::string& message) {
    return base::Status::Validation(is_query ? "1 validation error detected: " + message : message);
  };
  const json& select = Member(request, "Select");
  const bool has_projection = !Member(request, "ProjectionExpression").is_null();
  const bool has_attributes = !Member(request, "AttributesToGet").is_null();
  const char* projection_member = has_projection ? "ProjectionExpression" : "AttributesToGet";
  if (select == "SPECIFIC_ATTRIBUTES" && !has_projection && !has_attributes) {
    return fail(
        "Must specify the AttributesToGet or ProjectionExpression when choosing to get "
        "SPECIFIC_ATTRIBUTES");
  }
  if ((select == "ALL_ATTRIBUTES" || select == "COUNT" || select == "ALL_PROJECTED_ATTRIBUTES") &&
      (has_projection || has_attributes)) {
    return fail(std::string("Cannot specify the ") + projection_member + " when choosing to get " +
                (select == "COUNT" ? std::string("only the Count") : select.get<std::string>()));
  }
  if (select == "ALL_PROJECTED_ATTRIBUTES" && Member(request, "IndexName").is_null()) {
    return fail("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
  }
  return base::Status::OK();
}

bool UsesLegacyReads(const json& request) {
  for (const char* member : {"KeyConditions", "QueryFilter", "ScanFilter", "ConditionalOperator"}) {
    if (!Member(request, member).is_null()) return true;
  }
  return false;
}

// KeyConditions become the key condition, QueryFilter or ScanFilter the filter.
base::Result<RequestExpressions> TranslateLegacyReads(const json& request, bool is_query) {
  // A legacy request has no expressions, so it may hold no ExpressionAttributeNames or Values.
  if (base::Status s = CheckPlaceholdersNeedExpressions(request, {}); !s.ok()) return s;
  LegacyTranslation translation;
  if (base::Status s = TranslateConditions(Member(request, "KeyConditions"), nullptr, translation);
      !s.ok()) {
    return s;
  }
  std::optional<expr::Condition> key_condition = std::move(translation.condition);
  translation.condition.reset();
  if (base::Status s = TranslateConditions(Member(request, is_query ? "QueryFilter" : "ScanFilter"),
                                           Member(request, "ConditionalOperator"), translation);
      !s.ok()) {
    return s;
  }
  return RequestExpressions::FromLegacy(std::move(translation.values), std::nullopt, std::nullopt,
                                        std::move(translation.condition),
                                        std::move(key_condition));
}

value::Item KeyAttributes(const store::Table& table, const value::Item& item) {
  value::Item key;
  key[table.partition_key_name()] = item.at(table.partition_key_name());
  if (table.has_sort_key()) key[table.sort_key_name()] = item.at(table.sort_key_name());
  return key;
}

// The response written as text in the order a tree would print its members: ConsumedCapacity,
// Count, Items, LastEvaluatedKey, ScannedCount.
std::string PageResponse(const store::Table& table, const index::SecondaryIndex* index,
                         const json& request, const Page& page,
                         const RequestExpressions& expressions,
                         const capacity::CapacityCharge& charge) {
  std::string response;
  // A page is up to 1 MB: one allocation of about its wire size instead of a dozen doublings
  // (numbers and base64 grow a little on the wire, and every value gets its {"S":...}; more
  // than needed when a filter dropped items).
  response.reserve(page.bytes + page.bytes / 4 + 64 * page.returned.size() + 256);
  base::JsonWriter writer(response);
  writer.BeginObject();
  WriteConsumedCapacity(writer,
                        ParseReturnConsumedCapacity(Member(request, "ReturnConsumedCapacity")),
                        table.name(), charge);
  writer.Key("Count");
  writer.Unsigned(page.returned.size());
  if (Member(request, "Select") != "COUNT") {
    std::vector<expr::Path> paths =
        ProjectionPaths(expressions, Member(request, "AttributesToGet"));
    writer.Key("Items");
    writer.BeginArray();
    for (const value::Item* item : page.returned) {
      if (paths.empty()) {
        value::WriteItem(writer, *item);
      } else {
        value::WriteItem(writer, expr::Project(*item, paths));
      }
    }
    writer.EndArray();
  }
  if (page.stopped_early && page.last_evaluated != nullptr) {
    writer.Key("LastEvaluatedKey");
    value::WriteItem(writer, index ? IndexKeyAttributes(table, *index, *page.last_evaluated)
                                   : KeyAttributes(table, *page.last_evaluated));
  }
  writer.Key("ScannedCount");
  writer.Unsigned(page.scanned);
  writer.EndObject();
  return response;
}

// The key attributes of `table` and nothing else, whatever their types.
bool HasTableKeyNamesOnly(const store::Table& table, const value::Item& start_key) {
  const size_t names = table.has_sort_key() ? 2 : 1;
  if (start_key.size() != names || !start_key.count(table.partition_key_name())) return false;
  return !table.has_sort_key() || start_key.count(table.sort_key_name());
}

// ExclusiveStartKey for reading the table itself. Scan words every fault as a key that does
// not match the schema; Query tells the wrong attributes ("The provided starting key is
// invalid") from a wrong type ("The provided key element does not match the schema"), as
// dynalite's tests record the service.
base::Result<value::PrimaryKey> TableStartKey(const store::Table& table,
                                              const value::Item& start_key, bool is_query) {
  base::Result<value::PrimaryKey> key = table.KeyFromKeyParameter(start_key);
  if (key.ok()) return key;
  if (is_query && !HasTableKeyNamesOnly(table, start_key)) {
    return base::Status::Validation("The provided starting key is invalid");
  }
  if (is_query) return key.status();
  return base::Status::Validation("The provided starting key is invalid: " +
                                  key.status().message());
}

// The steps Query and Scan share before they read: shape, members, expressions, table.
struct PreparedRead {
  store::Table* table = nullptr;
  index::SecondaryIndex* index = nullptr;  // IndexName's index
  RequestExpressions expressions;
  std::optional<value::PrimaryKey> start_after;
  std::optional<index::IndexEntryKey> index_start_after;  // reading an index
};

base::Result<PreparedRead> PrepareRead(core::EngineState& state, const json& request,
                                       bool is_query) {
  std::vector<MemberSpec> shape = ReadShape(is_query);
  if (base::Status s = CheckRequestShape(request, shape); !s.ok()) return s;
  if (base::Status s = ValidateReadMembers(request, is_query); !s.ok()) return s;
  std::initializer_list<ExpressionMember> query_members = {
      {"KeyConditionExpression", expr::ExpressionKind::kKeyCondition},
      {"FilterExpression", expr::ExpressionKind::kFilter},
      {"ProjectionExpression", expr::ExpressionKind::kProjection}};
  std::initializer_list<ExpressionMember> scan_members = {
      {"FilterExpression", expr::ExpressionKind::kFilter},
      {"ProjectionExpression", expr::ExpressionKind::kProjection}};
  std::initializer_list<const char*> legacy = {"KeyConditions", "QueryFilter", "ScanFilter",
                                               "AttributesToGet"};
  if (base::Status s =
          CheckExpressionMixing(request, is_query ? query_members : scan_members, legacy);
      !s.ok()) {
    return s;
  }
  // A value's fault is the start key's (dynalite's tests, recorded against the service), but
  // a Query, in the current layer, reports a number's or a set member's bare (captured, 2026).
  const value::ValueLayer layer =
      is_query ? value::ValueLayer::kCurrent : value::ValueLayer::kOlder;
  base::Result<value::Item> start_key =
      value::DecodeItem(Member(request, "ExclusiveStartKey"),
                        {.layer = layer, .fault_prefix = "The provided starting key is invalid: "});
  if (!start_key.ok()) return start_key.status();
  // An empty ExclusiveStartKey is a key with no attributes, refused like any other wrong key.
  const bool has_start_key = !Member(request, "ExclusiveStartKey").is_null();
  if (base::Status s = CheckSelect(request, is_query); !s.ok()) return s;
  if (!is_query) {
    const json& segment = Member(request, "Segment");
    const json& total = Member(request, "TotalSegments");
    if (!segment.is_null() && total.is_null()) {
      return base::Status::Validation(
          "The TotalSegments parameter is required but was not present in the request when "
          "Segment parameter is present");
    }
    if (segment.is_null() && !total.is_null()) {
      return base::Status::Validation(
          "The Segment parameter is required but was not present in the request when parameter "
          "TotalSegments is present");
    }
    if (!segment.is_null() && segment.get<long long>() >= total.get<long long>()) {
      return base::Status::Validation(
          "The Segment parameter is zero-based and must be less than parameter TotalSegments: "
          "Segment: " +
          std::to_string(segment.get<long long>()) +
          " is not less than TotalSegments: " + std::to_string(total.get<long long>()));
    }
  }
  base::Result<RequestExpressions> expressions =
      UsesLegacyReads(request)
          ? TranslateLegacyReads(request, is_query)
          : ParseRequestExpressions(request, is_query ? query_members : scan_members, legacy,
                                    ExpressionOwner::kRequest, layer);
  if (!expressions.ok()) return expressions.status();
  // Legacy KeyConditions name one or two key attributes, checked before the table is looked up.
  if (const json& legacy = Member(request, "KeyConditions");
      is_query && legacy.is_object() && (legacy.empty() || legacy.size() > 2)) {
    return base::Status::Validation("Conditions can be of length 1 or 2 only");
  }
  if (is_query && !expressions->key_condition()) {
    return base::Status::Validation(
        "Either the KeyConditions or KeyConditionExpression parameter must be specified in the "
        "request.");
  }

  PreparedRead read;
  read.expressions = std::move(*expressions);
  read.table = state.FindTable(Member(request, "TableName").get<std::string>());
  if (read.table == nullptr) return base::Status::ResourceNotFound(kItemNotFoundInTableMessage);
  const json& index_name = Member(request, "IndexName");
  if (!index_name.is_null()) {
    read.index = read.table->FindIndex(index_name.get<std::string>());
    if (read.index == nullptr) {
      return base::Status::Validation("The table does not have the specified index: " +
                                      index_name.get<std::string>());
    }
    if (read.index->IsCreating(state.clock.NowSeconds())) {
      return base::Status::Validation("Cannot read from backfilling global secondary index");
    }
    if (read.index->is_global() && Member(request, "ConsistentRead") == true) {
      return base::Status::Validation(
          "Consistent reads are not supported on global secondary indexes");
    }
  }
  if (read.index != nullptr && has_start_key) {
    base::Result<index::IndexEntryKey> key = IndexStartKey(*read.table, *read.index, *start_key);
    if (!key.ok()) return key.status();
    read.index_start_after = std::move(*key);
  }
  if (read.index != nullptr && read.index->is_global() &&
      Member(request, "Select") == "ALL_ATTRIBUTES" &&
      read.index->definition().projection != index::ProjectionType::kAll) {
    return base::Status::Validation(
        std::string(kInvalidParameters) +
        "Select type ALL_ATTRIBUTES is not supported for global secondary "
        "index " +
        read.index->name() + " because its projection type is not ALL");
  }
  // A global index cannot fetch from the table, so a projection naming an attribute it does not
  // project is refused (the service's text, as LocalStack's issue #478 quotes it).
  if (read.index != nullptr && read.index->is_global()) {
    std::vector<std::string> unprojected;
    for (const expr::Path& path :
         ProjectionPaths(read.expressions, Member(request, "AttributesToGet"))) {
      if (path.elements.empty()) continue;
      const std::string& name = path.elements[0].name;
      if (!read.index->Projects(name) &&
          std::find(unprojected.begin(), unprojected.end(), name) == unprojected.end()) {
        unprojected.push_back(name);
      }
    }
    if (!unprojected.empty()) {
      std::string list;
      for (const std::string& name : unprojected) list += (list.empty() ? "" : ", ") + name;
      return base::Status::Validation(std::string(kInvalidParameters) +
                                      "Global secondary index " + read.index->name() +
                                      " does not project [" + list + "]");
    }
  }
  if (read.index == nullptr && has_start_key) {
    base::Result<value::PrimaryKey> key = TableStartKey(*read.table, *start_key, is_query);
    if (!key.ok()) return key.status();
    read.start_after = std::move(*key);
  }
  return read;
}

}  // namespace

namespace {

// Keeps the candidates after the start key, in reading order.
template <typename KeyOf, typename Less>
std::vector<const value::Item*> AfterStartKey(const std::vector<const value::Item*>& candidates,
                                              bool forward, const KeyOf& key_of,
                                              const Less& start_before) {
  std::vector<const value::Item*> rest;
  bool passed = false;
  for (const value::Item* item : candidates) {
    passed = passed || start_before(key_of(*item), forward);
    if (passed) rest.push_back(item);
  }
  return rest;
}

// Reading through a local index for attributes it does not hold fetches each item from the
// table: the page then holds the table's items, and the charge is the index entries' bytes
// (rounded once) plus a read of each whole item fetched, on the table (Developer Guide, "Local
// secondary indexes", "Provisioned throughput considerations").
// The key a Query reads when it has one partition-key and at most one sort-key attribute: the
// table's, or the index's.
expr::KeySchemaView SingleKeySchema(const store::Table& table, const index::SecondaryIndex* index) {
  if (index) return IndexKeySchema(*index);
  return expr::KeySchemaView{table.partition_key_name(),
                             table.KeyAttributeType(table.partition_key_name()),
                             table.sort_key_name(),
                             table.has_sort_key() ? table.KeyAttributeType(table.sort_key_name())
                                                  : value::AttributeType::kS};
}

// The legacy KeyConditions against the key, with the texts the service gives them (dynalite's
// tests, recorded against it), which are not KeyConditionExpression's: each key attribute in
// turn, partition key first. A key without a sort key takes one condition; the partition key's
// must be there, and the sort key's too when there are two; NULL, NOT_NULL, NE, CONTAINS,
// NOT_CONTAINS and IN are not indexable; a value of another type than the key's does not match;
// the partition key takes only EQ.
base::Status CheckLegacyKeyConditions(const json& key_conditions,
                                      const expr::KeySchemaView& schema) {
  const size_t count = key_conditions.size();
  const bool has_sort = !schema.sort_name.empty();
  for (const bool is_partition : {true, false}) {
    if (!is_partition && !has_sort) break;
    const std::string& name = is_partition ? schema.partition_name : schema.sort_name;
    const value::AttributeType type = is_partition ? schema.partition_type : schema.sort_type;
    if (is_partition && !has_sort && count > 1) {
      return base::Status::Validation("Query key condition not supported");
    }
    const json& condition = Member(key_conditions, name.c_str());
    if (condition.is_null()) {
      if (is_partition || count > 1) {
        return base::Status::Validation("Query condition missed key schema element: " + name);
      }
      continue;
    }
    const std::string op = Member(condition, "ComparisonOperator").get<std::string>();
    for (const char* unindexable : {"NULL", "NOT_NULL", "NE", "CONTAINS", "NOT_CONTAINS", "IN"}) {
      if (op == unindexable) {
        return base::Status::Validation(
            "Attempted conditional constraint is not an indexable operation");
      }
    }
    const json& values = Member(condition, "AttributeValueList");
    for (const json& value : values.is_array() ? values : json::array()) {
      if (!value.is_object() || value.size() != 1 ||
          value.begin().key() != value::AttributeTypeName(type)) {
        return base::Status::Validation(
            "One or more parameter values were invalid: Condition parameter type does not match "
            "schema type");
      }
    }
    if (is_partition && op != "EQ") {
      return base::Status::Validation("Query key condition not supported");
    }
  }
  return base::Status::OK();
}

// The key condition against the key it reads (the table's, or the index's, whose key may have
// several attributes), as partition-key values and sort-key conditions; `key_names` gets the
// key's attribute names, which a filter may not use.
base::Result<expr::MultiKeyConditionPlan> PlanQuery(const store::Table& table,
                                                    const index::SecondaryIndex* index,
                                                    const json& request,
                                                    const RequestExpressions& expressions,
                                                    std::vector<std::string>* key_names) {
  if (index && IsMultiAttribute(*index)) {
    expr::MultiKeySchemaView schema = IndexMultiKeySchema(*index);
    for (const auto* part : {&schema.partition, &schema.sort}) {
      for (const auto& [name, type] : *part) key_names->push_back(name);
    }
    return expr::PlanMultiKeyCondition(*expressions.key_condition(), expressions.context(), schema);
  }
  expr::KeySchemaView schema = SingleKeySchema(table, index);
  if (const json& legacy = Member(request, "KeyConditions"); legacy.is_object()) {
    if (base::Status s = CheckLegacyKeyConditions(legacy, schema); !s.ok()) return s;
  }
  key_names->push_back(schema.partition_name);
  if (!schema.sort_name.empty()) key_names->push_back(schema.sort_name);
  base::Result<expr::KeyConditionPlan> single =
      expr::PlanKeyCondition(*expressions.key_condition(), expressions.context(), schema);
  if (!single.ok()) return single.status();
  expr::MultiKeyConditionPlan plan;
  plan.partition_values.push_back(single->partition_value);
  if (single->sort) plan.sort.push_back(*single->sort);
  return plan;
}

// A Query continues only from a key its sort-key conditions admit (dynalite's tests, run against
// the service, and DynamoDB Local give the same text). `sort_values` are the start key's
// sort-key values in schema order.
base::Status CheckStartKeyInSortRange(const std::vector<expr::SortKeyCondition>& conditions,
                                      const std::vector<value::AttributeValue>& sort_values) {
  for (size_t i = 0; i < conditions.size() && i < sort_values.size(); ++i) {
    if (!expr::SortKeyMatches(conditions[i], sort_values[i])) {
      return base::Status::Validation(
          "The provided starting key does not match the range key predicate");
    }
  }
  return base::Status::OK();
}

// A parallel scan continues only from a key of its own segment (dynalite's tests, and the
// service's answer quoted in ScyllaDB pull request #9270).
base::Status CheckStartKeyInSegment(const PreparedRead& read, const json& request,
                                    uint64_t hash_begin, uint64_t hash_last) {
  std::optional<uint64_t> hash;
  if (read.start_after) hash = read.start_after->partition_hash;
  if (read.index_start_after) hash = read.index_start_after->partition_hash;
  if (!hash || (*hash >= hash_begin && *hash <= hash_last)) return base::Status::OK();
  return base::Status::Validation(
      "The provided starting key is invalid: Invalid ExclusiveStartKey. Please use "
      "ExclusiveStartKey with correct Segment. TotalSegments: " +
      Member(request, "TotalSegments").dump() + " Segment: " + Member(request, "Segment").dump());
}

}  // namespace

base::Result<std::string> Query(core::EngineState& state, const json& request) {
  return Query(state, request, nullptr);
}

base::Result<std::string> Query(core::EngineState& state, const json& request,
                                capacity::CapacityCharge* consumed) {
  base::Result<PreparedRead> read = PrepareRead(state, request, /*is_query=*/true);
  if (!read.ok()) return read.status();
  const bool consistent = Member(request, "ConsistentRead") == true;
  const store::Table& table = *read->table;
  const index::SecondaryIndex* index = read->index;
  std::vector<std::string> key_names;
  base::Result<expr::MultiKeyConditionPlan> plan =
      PlanQuery(table, index, request, read->expressions, &key_names);
  if (!plan.ok()) return plan.status();
  if (read->expressions.filter()) {
    const std::set<std::string> filtered = expr::TopLevelNames(*read->expressions.filter());
    for (const std::string& key : key_names) {
      if (filtered.count(key)) {
        return base::Status::Validation(
            "Filter Expression can only contain non-primary key attributes: Primary key "
            "attribute: " +
            key);
      }
    }
  }

  // The item collection of the partition key, in sort-key order.
  const value::AttributeValue& partition_value = plan->partition_values[0];
  value::PrimaryKey first;
  first.partition = partition_value;
  first.partition_hash = partition::PartitionKeyHash(partition_value);
  std::vector<const value::Item*> candidates;
  if (index) {
    candidates = IndexQueryCandidates(*index, *plan);
  } else {
    table.VisitAsOf(&first, /*exclusive=*/false, state.ReadAsOf(consistent),
                    [&](const value::PrimaryKey& key, const value::Item& item) {
                      if (key.partition != partition_value) return false;
                      if (plan->sort.empty() || expr::SortKeyMatches(plan->sort[0], *key.sort)) {
                        candidates.push_back(&item);
                      }
                      return true;
                    });
  }
  const json& limit = Member(request, "Limit");
  const size_t max_items = limit.is_number_integer() ? limit.get<size_t>() : SIZE_MAX;
  bool forward = Member(request, "ScanIndexForward") != false;
  if (!forward) std::reverse(candidates.begin(), candidates.end());
  if (read->start_after) {
    if (read->start_after->partition != partition_value) {
      return base::Status::Validation(
          "The provided starting key is outside query boundaries based on provided conditions");
    }
    const value::PrimaryKey& start = *read->start_after;
    if (start.sort) {
      if (base::Status s = CheckStartKeyInSortRange(plan->sort, {*start.sort}); !s.ok()) return s;
    }
    candidates = AfterStartKey(
        candidates, forward, [&](const value::Item& item) { return table.KeyOf(item); },
        [&](const value::PrimaryKey& key, bool ascending) {
          return ascending ? value::PrimaryKeyLess()(start, key)
                           : value::PrimaryKeyLess()(key, start);
        });
  }
  if (read->index_start_after) {
    const index::IndexEntryKey& start = *read->index_start_after;
    if (start.partition != plan->partition_values) {
      return base::Status::Validation(
          "The provided starting key is outside query boundaries based on provided conditions");
    }
    if (base::Status s = CheckStartKeyInSortRange(plan->sort, start.sort); !s.ok()) return s;
    candidates = AfterStartKey(
        candidates, forward, [&](const value::Item& entry) { return *index->EntryKeyOf(entry); },
        [&](const index::IndexEntryKey& key, bool ascending) {
          return ascending ? index::IndexEntryKeyLess()(start, key)
                           : index::IndexEntryKeyLess()(key, start);
        });
  }
  const bool fetch = index && NeedsTableFetch(*index, request, read->expressions);
  if (fetch) candidates = core::FetchFromTable(table, candidates);
  Page page = core::ReadPage(candidates, max_items, read->expressions);
  const double now = state.clock.NowSeconds();
  const capacity::CapacityCharge charge = core::PageCharge(index, page, fetch, consistent);
  // A global index's reads use its own capacity; a local index shares its table's partition
  // and capacity.
  if (base::Status s = core::AdmitPageRead(
          state, *read->table, read->index, charge, std::optional<value::PrimaryKey>(first),
          index::IndexPartitionHash(plan->partition_values), page, now);
      !s.ok()) {
    return s;
  }
  if (consumed != nullptr) *consumed = charge;
  return PageResponse(table, index, request, page, read->expressions, charge);
}

base::Result<std::string> Scan(core::EngineState& state, const json& request) {
  return Scan(state, request, nullptr);
}

base::Result<std::string> Scan(core::EngineState& state, const json& request,
                               capacity::CapacityCharge* consumed) {
  base::Result<PreparedRead> read = PrepareRead(state, request, /*is_query=*/false);
  if (!read.ok()) return read.status();
  const bool consistent = Member(request, "ConsistentRead") == true;
  const store::Table& table = *read->table;
  const index::SecondaryIndex* index = read->index;

  // A parallel-scan segment owns a contiguous range of the partition-key hash, so the segments
  // together cover every item exactly once.
  const json& segment = Member(request, "Segment");
  uint64_t hash_begin = 0;
  uint64_t hash_last = UINT64_MAX;
  if (!segment.is_null()) {
    unsigned __int128 span = (unsigned __int128)1 << 64;
    unsigned long long total = Member(request, "TotalSegments").get<unsigned long long>();
    unsigned long long segment_index = segment.get<unsigned long long>();
    hash_begin = static_cast<uint64_t>(span * segment_index / total);
    hash_last = static_cast<uint64_t>(span * (segment_index + 1) / total - 1);
    if (base::Status s = CheckStartKeyInSegment(*read, request, hash_begin, hash_last); !s.ok()) {
      return s;
    }
  }
  // The map is in Scan order, so a page starts right after the start key and needs only as many
  // candidates as the page can take (Limit items, or the item that reaches 1 MB), plus one more
  // so that ReadPage can tell whether the page ended the segment or must return a
  // LastEvaluatedKey.
  const json& limit = Member(request, "Limit");
  const size_t max_items = limit.is_number_integer() ? limit.get<size_t>() : SIZE_MAX;
  std::vector<const value::Item*> candidates;
  std::vector<size_t> sizes;  // of the candidates but the one past the page, for ReadPage
  size_t bytes = 0;
  bool page_full = false;
  auto take = [&](uint64_t hash, const value::Item& item) {
    if (hash < hash_begin) return true;
    if (hash > hash_last) return false;
    candidates.push_back(&item);
    if (page_full) return false;  // the one past the page
    sizes.push_back(value::ItemSize(item));
    bytes += sizes.back();
    page_full = candidates.size() >= max_items || bytes >= core::kPageBytes;
    return true;
  };
  // A segment's first page starts at the segment's first hash instead of walking every item
  // of the segments before it (a parallel scan of N segments would walk the table N/2 times).
  // Keys sort by hash first, and at an equal hash these probes sort before every stored key:
  // an index entry with no key values, and an empty string (no key value is an empty string,
  // and strings sort before numbers and binaries).
  if (index) {
    const index::SecondaryIndex::EntryMap& entries = index->entries();
    auto it = read->index_start_after ? entries.upper_bound(*read->index_start_after)
              : hash_begin > 0        ? entries.lower_bound(index::IndexEntryKey{hash_begin})
                                      : entries.begin();
    for (; it != entries.end(); ++it) {
      if (!take(it->first.partition_hash, it->second)) break;
    }
  } else {
    const value::PrimaryKey segment_start{hash_begin, value::AttributeValue::String(""),
                                          std::nullopt};
    const bool from_start_key = read->start_after.has_value();
    const value::PrimaryKey* from = from_start_key   ? &*read->start_after
                                    : hash_begin > 0 ? &segment_start
                                                     : nullptr;
    table.VisitAsOf(from, /*exclusive=*/from_start_key, state.ReadAsOf(consistent),
                    [&](const value::PrimaryKey& key, const value::Item& item) {
                      return take(key.partition_hash, item);
                    });
  }
  const bool fetch = index && NeedsTableFetch(*index, request, read->expressions);
  // Fetched items are not the index entries measured.
  if (fetch) {
    candidates = core::FetchFromTable(table, candidates);
    sizes.clear();
  }
  Page page = core::ReadPage(candidates, max_items, read->expressions, sizes);
  const double now = state.clock.NowSeconds();
  const capacity::CapacityCharge charge = core::PageCharge(index, page, fetch, consistent);
  if (base::Status s = core::AdmitPageRead(state, *read->table, read->index, charge, std::nullopt,
                                           std::nullopt, page, now);
      !s.ok()) {
    return s;
  }
  // Playground.Advise compares what Scans read with what they returned (advisor_handler.cc).
  read->table->metrics().RecordScan(static_cast<int64_t>(page.scanned),
                                    static_cast<int64_t>(page.returned.size()), charge.Total());
  if (consumed != nullptr) *consumed = charge;
  return PageResponse(table, index, request, page, read->expressions, charge);
}

}  // namespace ddbpg::api
