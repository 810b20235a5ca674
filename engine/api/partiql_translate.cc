#include "engine/api/partiql_translate.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "engine/api/messages.h"
#include "engine/api/partiql_expression.h"
#include "engine/partiql/parser.h"
#include "engine/value/ddb_json.h"
#include "engine/value/json_object.h"

namespace ddbpg::api {
namespace {

using partiql::Expr;
using partiql::Literal;

// The service's texts (guesses where no capture was found: docs/differences.md).
constexpr const char* kParameterCountMessage =
    "Number of parameters in request and statement don't match.";
constexpr const char* kExistsShapeMessage =
    "EXISTS takes a SELECT from a table, without an index or ORDER BY";
constexpr const char* kKeyEqualityMessage =
    "Where clause does not contain a mandatory equality on all key attributes";

// The conjuncts of a WHERE clause: the operands of a top-level AND, or the condition alone.
std::vector<const Expr*> Conjuncts(const Expr& where) {
  std::vector<const Expr*> conjuncts;
  if (where.kind != Expr::Kind::kAnd) return {&where};
  for (const Expr& operand : where.operands) conjuncts.push_back(&operand);
  return conjuncts;
}

bool IsAttribute(const Expr& operand, const std::string& name) {
  return operand.kind == Expr::Kind::kPath && operand.path.size() == 1 &&
         !operand.path[0].is_index && operand.path[0].name == name;
}

// The literal of `name = literal` (either way round), or null when `conjunct` is not one.
const Literal* EqualityOn(const Expr& conjunct, const std::string& name) {
  if (conjunct.kind != Expr::Kind::kCompare || conjunct.name != "=") return nullptr;
  for (int side = 0; side < 2; ++side) {
    const Expr& attribute = conjunct.operands[side];
    const Expr& value = conjunct.operands[1 - side];
    if (IsAttribute(attribute, name) && value.kind == Expr::Kind::kLiteral) return &value.literal;
  }
  return nullptr;
}

// Whether any path in `expr` starts at one of `names` (a key attribute in a filter).
bool Mentions(const Expr& expr, const std::vector<std::string>& names) {
  if (expr.kind == Expr::Kind::kPath) {
    for (const std::string& name : names) {
      if (!expr.path.empty() && !expr.path[0].is_index && expr.path[0].name == name) return true;
    }
  }
  for (const Expr& operand : expr.operands) {
    if (Mentions(operand, names)) return true;
  }
  return false;
}

// The conjuncts except those at `taken`, joined by AND; empty when none remain.
base::Result<std::string> Remaining(ExpressionWriter& writer,
                                    const std::vector<const Expr*>& conjuncts,
                                    const std::vector<bool>& taken) {
  std::string text;
  for (size_t i = 0; i < conjuncts.size(); ++i) {
    if (taken[i]) continue;
    base::Result<std::string> part = writer.Condition(*conjuncts[i]);
    if (!part.ok()) return part.status();
    text += (text.empty() ? "" : " AND ") + *part;
  }
  return text;
}

// A sort key condition a Query's key condition accepts: a comparison with a value, BETWEEN two
// values, or begins_with; its KeyConditionExpression text, or empty when `conjunct` is not one.
base::Result<std::string> SortKeyCondition(ExpressionWriter& writer, const Expr& conjunct,
                                           const std::string& sort_key) {
  auto is_value = [](const Expr& e) { return e.kind == Expr::Kind::kLiteral; };
  const auto& operands = conjunct.operands;
  if (conjunct.kind == Expr::Kind::kCompare && conjunct.name != "<>") {
    bool attribute_first = IsAttribute(operands[0], sort_key) && is_value(operands[1]);
    bool value_first = IsAttribute(operands[1], sort_key) && is_value(operands[0]);
    if (!attribute_first && !value_first) return std::string();
    // "5 < sk" is "sk > 5".
    std::string sign = conjunct.name;
    if (value_first && sign != "=") {
      sign = sign[0] == '<' ? ">" + sign.substr(1) : "<" + sign.substr(1);
    }
    const Expr& value = operands[attribute_first ? 1 : 0];
    base::Result<std::string> placeholder = writer.Value(value.literal);
    if (!placeholder.ok()) return placeholder.status();
    return writer.Path(operands[attribute_first ? 0 : 1].path) + " " + sign + " " + *placeholder;
  }
  if (conjunct.kind == Expr::Kind::kBetween && IsAttribute(operands[0], sort_key) &&
      is_value(operands[1]) && is_value(operands[2])) {
    std::string path = writer.Path(operands[0].path);
    base::Result<std::string> low = writer.Value(operands[1].literal);
    if (!low.ok()) return low.status();
    base::Result<std::string> high = writer.Value(operands[2].literal);
    if (!high.ok()) return high.status();
    return path + " BETWEEN " + *low + " AND " + *high;
  }
  if (conjunct.kind == Expr::Kind::kCall && conjunct.name == "begins_with" &&
      operands.size() == 2 && IsAttribute(operands[0], sort_key) && is_value(operands[1])) {
    std::string path = writer.Path(operands[0].path);
    base::Result<std::string> prefix = writer.Value(operands[1].literal);
    if (!prefix.ok()) return prefix.status();
    return "begins_with(" + path + ", " + *prefix + ")";
  }
  return std::string();
}

// The key names a SELECT can look up by: the table's, or a single-attribute index's.
struct KeyNames {
  std::string partition;
  std::string sort;  // empty when there is none
};

base::Result<KeyNames> SelectKeyNames(const store::Table& table, const std::string& index_name) {
  if (index_name.empty()) return KeyNames{table.partition_key_name(), table.sort_key_name()};
  const index::SecondaryIndex* index = table.FindIndex(index_name);
  if (index == nullptr) {
    // Unlike a Query's, the statement's answer does not name the index (captured, 2026).
    return base::Status::Validation("The table does not have the specified index");
  }
  const index::IndexDefinition& definition = index->definition();
  return KeyNames{definition.partition_key[0],
                  definition.sort_key.empty() ? "" : definition.sort_key[0]};
}

void AddProjection(ExpressionWriter& writer, const partiql::Select& select, json& request) {
  if (select.all_attributes) return;
  std::string projection;
  for (const partiql::Path& path : select.projection) {
    projection += (projection.empty() ? "" : ", ") + writer.Path(path);
  }
  request["ProjectionExpression"] = projection;
}

// The SELECT as a Scan with its whole WHERE clause as the filter.
base::Result<TranslatedStatement> ScanSelect(const partiql::Select& select,
                                             const json& parameters) {
  if (!select.order_by.empty()) {
    return base::Status::Validation(
        "Must have WHERE clause in the statement when using ORDER BY "
        "clause.");
  }
  TranslatedStatement out;
  out.operation = PartiqlOperation::kScan;
  out.table = select.table;
  out.request = {{"TableName", select.table}};
  if (!select.index.empty()) out.request["IndexName"] = select.index;
  ExpressionWriter writer(parameters);
  AddProjection(writer, select, out.request);
  if (!select.where.empty()) {
    base::Result<std::string> filter = writer.Condition(select.where[0]);
    if (!filter.ok()) return filter.status();
    out.request["FilterExpression"] = *filter;
  }
  writer.AddTo(out.request);
  return out;
}

// Reads every literal of an expression as a value, for the faults of its numbers.
base::Status CheckLiterals(const Expr& expr, const json& parameters) {
  if (expr.kind == Expr::Kind::kLiteral) {
    base::Result<json> value = LiteralValue(expr.literal, parameters);
    return value.ok() ? base::Status::OK() : value.status();
  }
  for (const Expr& operand : expr.operands) {
    if (base::Status s = CheckLiterals(operand, parameters); !s.ok()) return s;
  }
  return base::Status::OK();
}

// Whether `conjunct` is a sort key condition a key condition takes, other than an equality:
// a comparison with a value, BETWEEN two values, or begins_with.
bool IsSortKeyRange(const Expr& conjunct, const std::string& sort_key) {
  auto is_value = [](const Expr& e) { return e.kind == Expr::Kind::kLiteral; };
  const auto& operands = conjunct.operands;
  switch (conjunct.kind) {
    case Expr::Kind::kCompare:
      return conjunct.name != "<>" &&
             ((IsAttribute(operands[0], sort_key) && is_value(operands[1])) ||
              (IsAttribute(operands[1], sort_key) && is_value(operands[0])));
    case Expr::Kind::kBetween:
      return IsAttribute(operands[0], sort_key) && is_value(operands[1]) && is_value(operands[2]);
    case Expr::Kind::kCall:
      return conjunct.name == "begins_with" && operands.size() == 2 &&
             IsAttribute(operands[0], sort_key) && is_value(operands[1]);
    default:
      return false;
  }
}

// A WHERE that is an OR of branches, each naming one partition key value, reads once a branch;
// the service refuses two branches that read the same partition over sort key ranges that
// overlap (captured, 2026: pk = 'a' AND x = '1' OR pk = 'a' AND sk = '2'). Refused here when
// the overlap is certain: the same partition, with no sort key condition on one side (it reads
// the whole partition) or an equality with the same value on both. A branch whose sort key
// condition is no key range (NOT, <>) leaves the statement to be read as a whole.
base::Status CheckOverlappingBranches(const Expr& where, const KeyNames& keys,
                                      const json& parameters) {
  if (where.kind != Expr::Kind::kOr || keys.sort.empty()) return base::Status::OK();
  struct BranchRead {
    std::string partition;     // the value's JSON
    std::string sort;          // an equality's value's JSON; empty when the branch has none
    bool sort_named = false;   // any condition on the sort key
  };
  std::vector<BranchRead> reads;
  for (const Expr& branch : where.operands) {
    BranchRead read;
    for (const Expr* conjunct : Conjuncts(branch)) {
      const Literal* partition = EqualityOn(*conjunct, keys.partition);
      const Literal* sort = EqualityOn(*conjunct, keys.sort);
      if (partition != nullptr && read.partition.empty()) {
        base::Result<json> value = LiteralValue(*partition, parameters);
        if (!value.ok()) return base::Status::OK();  // reported as the statement is translated
        read.partition = value->dump();
      } else if (sort != nullptr && !read.sort_named) {
        base::Result<json> value = LiteralValue(*sort, parameters);
        if (!value.ok()) return base::Status::OK();
        read.sort = value->dump();
        read.sort_named = true;
      } else if (Mentions(*conjunct, {keys.sort})) {
        // A negation or <> is no key range: the branches are not read range by range, and
        // nothing overlaps (captured, 2026: pk = 'a' OR pk = 'a' AND NOT sk = '1' runs).
        if (!IsSortKeyRange(*conjunct, keys.sort)) return base::Status::OK();
        read.sort.clear();
        read.sort_named = true;
      }
    }
    if (read.partition.empty()) return base::Status::OK();  // a Scan
    reads.push_back(std::move(read));
  }
  for (size_t i = 0; i < reads.size(); ++i) {
    for (size_t j = i + 1; j < reads.size(); ++j) {
      const BranchRead& a = reads[i];
      const BranchRead& b = reads[j];
      if (a.partition != b.partition) continue;
      if (!a.sort_named || !b.sort_named || (!a.sort.empty() && a.sort == b.sort)) {
        return base::Status::Validation(
            "Overlapping conditions with range keys are not supported in where clause");
      }
    }
  }
  return base::Status::OK();
}

// Whether the SELECT reads a global index keyed on several attributes, which PartiQL refuses
// (captured from the service, 2026); the table itself may still be read.
bool ReadsMultiAttributeIndex(const store::Table& table, const std::string& index_name) {
  if (index_name.empty()) return false;
  const index::SecondaryIndex* index = table.FindIndex(index_name);
  if (index == nullptr) return false;
  const index::IndexDefinition& definition = index->definition();
  return definition.partition_key.size() > 1 || definition.sort_key.size() > 1;
}

base::Result<TranslatedStatement> TranslateSelect(const store::Table& table,
                                                  const partiql::Select& select,
                                                  const json& parameters) {
  if (ReadsMultiAttributeIndex(table, select.index)) {
    // Its literals are read first: a number that cannot be converted is reported ahead.
    for (const Expr& where : select.where) {
      if (base::Status s = CheckLiterals(where, parameters); !s.ok()) return s;
    }
    return base::Status::Validation(
        "PartiQL statements cannot be executed on tables with multi-attribute HASH keys or "
        "multi-attribute RANGE keys.");
  }
  if (!select.projection_fault.empty()) return base::Status::Validation(select.projection_fault);
  base::Result<KeyNames> keys = SelectKeyNames(table, select.index);
  if (!keys.ok()) return keys.status();
  if (!select.where.empty()) {
    if (base::Status s = CheckOverlappingBranches(select.where[0], *keys, parameters); !s.ok()) {
      return s;
    }
  }
  std::vector<const Expr*> conjuncts;
  if (!select.where.empty()) conjuncts = Conjuncts(select.where[0]);
  std::vector<bool> taken(conjuncts.size(), false);
  int partition_at = -1;
  int sort_at = -1;
  for (size_t i = 0; i < conjuncts.size() && !keys->partition.empty(); ++i) {
    if (partition_at < 0 && EqualityOn(*conjuncts[i], keys->partition) != nullptr) {
      partition_at = static_cast<int>(i);
    } else if (sort_at < 0 && !keys->sort.empty() && Mentions(*conjuncts[i], {keys->sort})) {
      sort_at = static_cast<int>(i);
    }
  }
  if (partition_at < 0) return ScanSelect(select, parameters);
  taken[partition_at] = true;
  if (sort_at >= 0) taken[sort_at] = true;
  // A Query's filter may not name a key attribute; such a SELECT is a Scan instead.
  std::vector<std::string> key_attributes = {keys->partition};
  if (!keys->sort.empty()) key_attributes.push_back(keys->sort);
  for (size_t i = 0; i < conjuncts.size(); ++i) {
    if (!taken[i] && Mentions(*conjuncts[i], key_attributes)) return ScanSelect(select, parameters);
  }

  TranslatedStatement out;
  out.table = select.table;
  json& request = out.request;
  request["TableName"] = select.table;
  if (!select.index.empty()) request["IndexName"] = select.index;
  ExpressionWriter writer(parameters);
  AddProjection(writer, select, request);
  const Literal& partition_value = *EqualityOn(*conjuncts[partition_at], keys->partition);
  const Literal* sort_value = sort_at >= 0 ? EqualityOn(*conjuncts[sort_at], keys->sort) : nullptr;
  bool whole_key = keys->sort.empty() || sort_value != nullptr;
  base::Result<std::string> filter = Remaining(writer, conjuncts, taken);
  if (!filter.ok()) return filter.status();
  if (select.index.empty() && whole_key && filter->empty() && select.order_by.empty()) {
    out.operation = PartiqlOperation::kGetItem;
    json key = json::object();
    base::Result<json> value = LiteralValue(partition_value, parameters);
    if (!value.ok()) return value.status();
    key[keys->partition] = *value;
    if (sort_value != nullptr) {
      base::Result<json> sort = LiteralValue(*sort_value, parameters);
      if (!sort.ok()) return sort.status();
      key[keys->sort] = *sort;
    }
    request["Key"] = key;
    writer.AddTo(request);
    return out;
  }

  out.operation = PartiqlOperation::kQuery;
  base::Result<std::string> partition_placeholder = writer.Value(partition_value);
  if (!partition_placeholder.ok()) return partition_placeholder.status();
  std::string key_condition =
      writer.Path({{false, keys->partition, 0}}) + " = " + *partition_placeholder;
  if (sort_at >= 0) {
    base::Result<std::string> sort_condition =
        SortKeyCondition(writer, *conjuncts[sort_at], keys->sort);
    if (!sort_condition.ok()) return sort_condition.status();
    // The sort key is named in a way no key condition can hold (sk <> 1, sk IN [...]).
    if (sort_condition->empty()) return ScanSelect(select, parameters);
    key_condition += " AND " + *sort_condition;
  }
  request["KeyConditionExpression"] = key_condition;
  if (!filter->empty()) request["FilterExpression"] = *filter;
  for (const partiql::OrderBy& order : select.order_by) {
    bool on_key = order.path.size() == 1 && !order.path[0].is_index &&
                  (order.path[0].name == keys->partition || order.path[0].name == keys->sort);
    if (!on_key) {
      return base::Status::Validation("Variable reference [" + order.path[0].name +
                                      "] in ORDER BY clause must be part of the primary key");
    }
    if (order.path[0].name == keys->sort && order.descending) request["ScanIndexForward"] = false;
  }
  writer.AddTo(request);
  return out;
}

// The table's whole key from the WHERE clause's equalities, marking the conjuncts it used.
base::Result<json> WriteKey(const store::Table& table, const std::vector<const Expr*>& conjuncts,
                            std::vector<bool>& taken, const json& parameters) {
  json key = json::object();
  std::vector<std::string> names = {table.partition_key_name()};
  if (table.has_sort_key()) names.push_back(table.sort_key_name());
  for (const std::string& name : names) {
    const Literal* found = nullptr;
    for (size_t i = 0; i < conjuncts.size() && found == nullptr; ++i) {
      found = EqualityOn(*conjuncts[i], name);
      if (found != nullptr) taken[i] = true;
    }
    if (found == nullptr) return base::Status::Validation(kKeyEqualityMessage);
    base::Result<json> value = LiteralValue(*found, parameters);
    if (!value.ok()) return value.status();
    key[name] = *value;
  }
  return key;
}

const char* ReturnValuesOf(partiql::Returning returning) {
  switch (returning) {
    case partiql::Returning::kAllOld:
      return "ALL_OLD";
    case partiql::Returning::kUpdatedOld:
      return "UPDATED_OLD";
    case partiql::Returning::kAllNew:
      return "ALL_NEW";
    case partiql::Returning::kUpdatedNew:
      return "UPDATED_NEW";
    case partiql::Returning::kNone:
      break;
  }
  return "NONE";
}

bool SamePath(const partiql::Path& a, const partiql::Path& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].is_index != b[i].is_index || a[i].name != b[i].name || a[i].index != b[i].index) {
      return false;
    }
  }
  return true;
}

// set_add(a, <<...>>) adds to a's own set: two arguments, the first the path set, the second a
// set (or a parameter, whose type UpdateItem checks). The texts and their places are the
// service's (captured, 2026); the second argument's fault is placed at the first.
base::Status CheckSetCall(const Expr& call, const partiql::Path& assigned) {
  std::string name = call.name;
  for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (call.operands.size() != 2) {
    return base::Status::Validation(name + " must have exactly two arguments" + call.place);
  }
  const Expr& target = call.operands[0];
  if (target.kind != Expr::Kind::kPath || !SamePath(target.path, assigned)) {
    return base::Status::Validation("The first argument to " + name +
                                    " must equal the assignment value" + call.place);
  }
  const Expr& set = call.operands[1];
  const bool is_set = set.kind == Expr::Kind::kLiteral &&
                      (set.literal.kind == partiql::Literal::Kind::kBag ||
                       set.literal.kind == partiql::Literal::Kind::kParameter);
  if (!is_set) {
    return base::Status::Validation("The second argument to " + name +
                                    " must be a value with type SET" + target.place);
  }
  return base::Status::OK();
}

// SET, REMOVE, and the set_add / set_delete calls that stand for ADD and DELETE.
base::Result<std::string> UpdateExpression(ExpressionWriter& writer,
                                           const partiql::Update& update) {
  std::string clauses[4];  // SET, REMOVE, ADD, DELETE
  for (const partiql::UpdateAction& action : update.actions) {
    int clause = action.remove ? 1 : 0;
    const Expr& value = action.value;
    bool set_call = !action.remove && value.kind == Expr::Kind::kCall &&
                    (value.name == "set_add" || value.name == "set_delete");
    std::string text;
    if (set_call) {
      if (base::Status s = CheckSetCall(value, action.path); !s.ok()) return s;
      clause = value.name == "set_add" ? 2 : 3;
      base::Result<std::string> operand = writer.Value(value.operands[1].literal);
      if (!operand.ok()) return operand.status();
      text = writer.Path(action.path) + " " + *operand;
    } else if (action.remove) {
      text = writer.Path(action.path);
    } else {
      std::string path = writer.Path(action.path);
      base::Result<std::string> operand = writer.SetValue(value);
      if (!operand.ok()) return operand.status();
      text = path + " = " + *operand;
    }
    clauses[clause] += (clauses[clause].empty() ? "" : ", ") + text;
  }
  static const char* kClauseWords[4] = {"SET ", "REMOVE ", "ADD ", "DELETE "};
  std::string expression;
  for (int i = 0; i < 4; ++i) {
    if (clauses[i].empty()) continue;
    expression += (expression.empty() ? "" : " ") + std::string(kClauseWords[i]) + clauses[i];
  }
  return expression;
}

base::Result<TranslatedStatement> TranslateInsert(const store::Table& table,
                                                  const partiql::Insert& insert,
                                                  const json& parameters) {
  // The item's attributes are each a root where a literal's fault is named (LiteralValue).
  base::Result<json> item = LiteralValue(insert.item, parameters, "");
  if (!item.ok()) return item.status();
  if (!item->is_object() || !item->contains("M")) {
    return base::Status::Validation("Unsupported type for INSERT: the value must be a tuple");
  }
  TranslatedStatement out;
  out.operation = PartiqlOperation::kPutItem;
  out.table = insert.table;
  // INSERT adds an item and never replaces one (DuplicateItemException).
  out.request = {
      {"TableName", insert.table},
      {"Item", (*item)["M"]},
      {"ConditionExpression", "attribute_not_exists(#p0)"},
      {"ExpressionAttributeNames", value::JsonObject({{"#p0", table.partition_key_name()}})}};
  return out;
}

// The condition of a write that needs the item to exist (UPDATE, EXISTS): attribute_exists on
// the partition key, and the WHERE clause's conjuncts the key did not take.
base::Result<std::string> ExistingItemCondition(ExpressionWriter& writer, const store::Table& table,
                                                const std::vector<const Expr*>& conjuncts,
                                                const std::vector<bool>& taken) {
  std::string condition =
      "attribute_exists(" + writer.Path({{false, table.partition_key_name(), 0}}) + ")";
  base::Result<std::string> rest = Remaining(writer, conjuncts, taken);
  if (!rest.ok()) return rest.status();
  if (!rest->empty()) condition += " AND " + *rest;
  return condition;
}

base::Result<TranslatedStatement> TranslateUpdate(const store::Table& table,
                                                  const partiql::Update& update,
                                                  const json& parameters) {
  std::vector<const Expr*> conjuncts = Conjuncts(update.where);
  std::vector<bool> taken(conjuncts.size(), false);
  base::Result<json> key = WriteKey(table, conjuncts, taken, parameters);
  if (!key.ok()) return key.status();
  ExpressionWriter writer(parameters);
  base::Result<std::string> expression = UpdateExpression(writer, update);
  if (!expression.ok()) return expression.status();
  // UPDATE changes an item that exists: a missing one fails the condition.
  base::Result<std::string> condition = ExistingItemCondition(writer, table, conjuncts, taken);
  if (!condition.ok()) return condition.status();
  TranslatedStatement out;
  out.operation = PartiqlOperation::kUpdateItem;
  out.table = update.table;
  out.request = {{"TableName", update.table},
                 {"Key", *key},
                 {"UpdateExpression", *expression},
                 {"ConditionExpression", *condition}};
  if (update.returning != partiql::Returning::kNone) {
    out.request["ReturnValues"] = ReturnValuesOf(update.returning);
  }
  writer.AddTo(out.request);
  return out;
}

base::Result<TranslatedStatement> TranslateDelete(const store::Table& table,
                                                  const partiql::Delete& del,
                                                  const json& parameters) {
  std::vector<const Expr*> conjuncts = Conjuncts(del.where);
  std::vector<bool> taken(conjuncts.size(), false);
  base::Result<json> key = WriteKey(table, conjuncts, taken, parameters);
  if (!key.ok()) return key.status();
  if (del.returning != partiql::Returning::kNone && del.returning != partiql::Returning::kAllOld) {
    return base::Status::Validation("DELETE supports only RETURNING ALL OLD *");
  }
  ExpressionWriter writer(parameters);
  base::Result<std::string> condition = Remaining(writer, conjuncts, taken);
  if (!condition.ok()) return condition.status();
  TranslatedStatement out;
  out.operation = PartiqlOperation::kDeleteItem;
  out.table = del.table;
  out.request = {{"TableName", del.table}, {"Key", *key}};
  if (!condition->empty()) out.request["ConditionExpression"] = *condition;
  if (del.returning == partiql::Returning::kAllOld) out.request["ReturnValues"] = "ALL_OLD";
  writer.AddTo(out.request);
  return out;
}

// EXISTS(SELECT * FROM t WHERE <whole key> AND <condition>) holds when the item exists and
// meets the condition: a ConditionCheck on the key, as UPDATE's condition is built.
base::Result<TranslatedStatement> TranslateExists(const store::Table& table,
                                                  const partiql::Exists& exists,
                                                  const json& parameters) {
  if (!exists.select.index.empty() || !exists.select.order_by.empty()) {
    return base::Status::Validation(kExistsShapeMessage);
  }
  if (!exists.select.projection_fault.empty()) {
    return base::Status::Validation(exists.select.projection_fault);
  }
  static const Expr kNoCondition;
  const Expr& where = exists.select.where.empty() ? kNoCondition : exists.select.where[0];
  std::vector<const Expr*> conjuncts = Conjuncts(where);
  std::vector<bool> taken(conjuncts.size(), false);
  base::Result<json> key = WriteKey(table, conjuncts, taken, parameters);
  if (!key.ok()) return key.status();
  ExpressionWriter writer(parameters);
  base::Result<std::string> condition = ExistingItemCondition(writer, table, conjuncts, taken);
  if (!condition.ok()) return condition.status();
  TranslatedStatement out;
  out.operation = PartiqlOperation::kConditionCheck;
  out.exists_without_condition = std::find(taken.begin(), taken.end(), false) == taken.end();
  out.table = exists.table;
  out.request = {{"TableName", exists.table}, {"Key", *key}, {"ConditionExpression", *condition}};
  writer.AddTo(out.request);
  return out;
}

const std::string& TableOf(const partiql::Statement& statement) {
  return std::visit([](const auto& body) -> const std::string& { return body.table; },
                    statement.body);
}

}  // namespace

base::Result<TranslatedStatement> TranslateStatement(const core::EngineState& state,
                                                     std::string_view text,
                                                     const json& parameters, bool* value_fault) {
  base::Result<partiql::Statement> statement = partiql::Parse(text);
  if (!statement.ok()) return statement.status();
  size_t given = parameters.is_array() ? parameters.size() : 0;
  if (given != static_cast<size_t>(statement->parameter_count)) {
    return base::Status::Validation(kParameterCountMessage);
  }
  // The parameters' values are read as the service's older layer reads them, bare, in order
  // (captured in 2026: 1e2147483648 cannot be converted, 1e2147483647 underflows; a value nested
  // too deep before a bad number is reported first).
  for (size_t i = 0; i < given; ++i) {
    base::Result<value::AttributeValue> decoded =
        value::DecodeAttributeValue(parameters[i], {.layer = value::ValueLayer::kOlder});
    if (!decoded.ok()) {
      if (value_fault != nullptr) *value_fault = true;
      return decoded.status();
    }
  }
  const store::Table* table = state.FindTable(TableOf(*statement));
  if (table == nullptr) return base::Status::ResourceNotFound(kItemNotFoundInTableMessage);
  if (const auto* select = std::get_if<partiql::Select>(&statement->body)) {
    return TranslateSelect(*table, *select, parameters);
  }
  if (const auto* insert = std::get_if<partiql::Insert>(&statement->body)) {
    return TranslateInsert(*table, *insert, parameters);
  }
  if (const auto* update = std::get_if<partiql::Update>(&statement->body)) {
    return TranslateUpdate(*table, *update, parameters);
  }
  if (const auto* exists = std::get_if<partiql::Exists>(&statement->body)) {
    return TranslateExists(*table, *exists, parameters);
  }
  return TranslateDelete(*table, std::get<partiql::Delete>(statement->body), parameters);
}

}  // namespace ddbpg::api
