// PartiQL: ExecuteStatement, BatchExecuteStatement and ExecuteTransaction. Each statement is
// translated into the JSON API request it stands for (partiql_translate.h) and served by that
// operation's own handler, so PartiQL shares the JSON API's checks, evaluator, write path and
// capacity; this file adds the three operations' members, limits and response shapes.
#include <string>
#include <vector>

#include "engine/api/error_types.h"
#include "engine/api/handlers.h"
#include "engine/api/messages.h"
#include "engine/api/partiql_translate.h"
#include "engine/api/request_schema.h"
#include "engine/api/validation_errors.h"
#include "engine/core/engine_state.h"
#include "engine/index/secondary_index.h"
#include "engine/value/base64.h"
#include "engine/value/ddb_json.h"
#include "engine/value/json_object.h"
#include "engine/value/json_reader.h"

namespace ddbpg::api {
namespace {

// API reference limits: Statement 1 to 8,192 characters, NextToken 1 to 32,768, Limit at least
// 1, Parameters at least 1; 25 statements in a batch, 100 in a transaction; ClientRequestToken
// 1 to 36 characters.
constexpr size_t kMaxStatementLength = 8192;
constexpr size_t kMaxNextTokenLength = 32768;
constexpr size_t kMaxBatchStatements = 25;
constexpr size_t kMaxTransactionStatements = 100;
constexpr size_t kMaxClientRequestTokenLength = 36;

// The service's texts where a capture was found, the playground's guesses otherwise
// (docs/differences.md lists which).
constexpr const char* kDuplicateItemMessage = "Duplicate primary key exists in table";
constexpr const char* kInvalidNextTokenMessage = "Invalid NextToken";
constexpr const char* kMixedBatchMessage =
    "Batch statements must be either all read statements or all write statements";
constexpr const char* kMixedTransactionMessage =
    "Transaction statements must be either all read statements or all write statements";
// A SELECT in a batch or a transaction that is not a whole-key read: each operation's own text,
// a transaction's naming the statement (captured from the service, 2026).
constexpr const char* kBatchPartialKeyReadMessage =
    "Select statements within BatchExecuteStatement must specify the primary key in the where "
    "clause.";
std::string StatementFault(size_t index, const std::string& fault) {
  return "Validation failed in TransactStatements[" + std::to_string(index) + "]: " + fault;
}
std::string TransactionPartialKeyReadMessage(size_t index) {
  return StatementFault(index,
                        "Select statements within ExecuteTransaction must specify the primary key "
                        "in the where clause.");
}
// The Developer Guide: "The EXISTS function can only be used in transactions"; the text is
// the playground's own (docs/differences.md).
constexpr const char* kExistsOutsideTransactionMessage =
    "EXISTS can only be used in ExecuteTransaction";
constexpr const char* kReturningInTransactionMessage =
    "RETURNING is not supported in ExecuteTransaction";

const std::vector<MemberSpec>& ExecuteStatementShape() {
  static const auto* spec = new std::vector<MemberSpec>{
      {"Statement", value::WireType::kString},
      {"Parameters", value::WireType::kList, "AttributeValue"},
      {"ConsistentRead", value::WireType::kBoolean},
      {"NextToken", value::WireType::kString},
      {"ReturnConsumedCapacity", value::WireType::kString},
      {"Limit", value::WireType::kInteger},
      {"ReturnValuesOnConditionCheckFailure", value::WireType::kString},
  };
  return *spec;
}

const std::vector<MemberSpec>& BatchExecuteStatementShape() {
  static const auto* spec = new std::vector<MemberSpec>{
      {"Statements",
       value::WireType::kList,
       "BatchStatementRequest",
       MemberKind::kPlain,
       {{"Statement", value::WireType::kString},
        {"Parameters", value::WireType::kList, "AttributeValue"},
        {"ConsistentRead", value::WireType::kBoolean},
        {"ReturnValuesOnConditionCheckFailure", value::WireType::kString}}},
      {"ReturnConsumedCapacity", value::WireType::kString},
  };
  return *spec;
}

const std::vector<MemberSpec>& ExecuteTransactionShape() {
  static const auto* spec = new std::vector<MemberSpec>{
      {"TransactStatements",
       value::WireType::kList,
       "ParameterizedStatement",
       MemberKind::kPlain,
       {{"Statement", value::WireType::kString},
        {"Parameters", value::WireType::kList, "AttributeValue"},
        {"ReturnValuesOnConditionCheckFailure", value::WireType::kString}}},
      {"ClientRequestToken", value::WireType::kString},
      {"ReturnConsumedCapacity", value::WireType::kString},
  };
  return *spec;
}

// Each parameter must be an AttributeValue on the wire (the statements' own checks come later).
base::Status CheckParametersWire(const json& parameters) {
  if (!parameters.is_array()) return base::Status::OK();
  for (const json& parameter : parameters) {
    if (base::Status s = value::CheckAttributeValueWire(parameter); !s.ok()) return s;
  }
  return base::Status::OK();
}

// The constraints one statement's members carry, at `prefix` ("" or "statements.1.member.").
void ValidateStatementMembers(const json& statement, const std::string& prefix,
                              ValidationErrors& errors) {
  const json& text = Member(statement, "Statement");
  errors.NotNull(text, prefix + "statement");
  errors.MinLength(text, prefix + "statement", 1);
  errors.MaxLength(text, prefix + "statement", kMaxStatementLength);
  errors.MinLength(Member(statement, "Parameters"), prefix + "parameters", 1);
  errors.Enum(Member(statement, "ReturnValuesOnConditionCheckFailure"),
              prefix + "returnValuesOnConditionCheckFailure", kOnConditionCheckFailureValues);
}

// A read's text answer as a tree.
base::Result<json> Parsed(base::Result<std::string> text) {
  if (!text.ok()) return text.status();
  json parsed = value::ReadJsonOrDiscarded(*text);
  if (parsed.is_discarded()) return base::Status::Internal("a read answered text that is not JSON");
  return parsed;
}

// A statement has no FilterExpression: its WHERE clause's faults are reported without the
// expression's name (captured from the service, 2026).
base::Result<json> WithoutFilterPrefix(base::Result<json> answer) {
  constexpr std::string_view kPrefix = "Invalid FilterExpression: ";
  if (answer.ok() || answer.status().message().rfind(kPrefix, 0) != 0) return answer;
  return base::Status(answer.status().type(), answer.status().message().substr(kPrefix.size()));
}

// Serves the translated request with its operation's handler. INSERT's failed condition is
// the service's DuplicateItemException.
base::Result<json> Serve(core::EngineState& state, const TranslatedStatement& statement) {
  switch (statement.operation) {
    case PartiqlOperation::kGetItem:
      return Parsed(GetItem(state, statement.request));
    case PartiqlOperation::kQuery:
      return WithoutFilterPrefix(Parsed(Query(state, statement.request)));
    case PartiqlOperation::kScan:
      return WithoutFilterPrefix(Parsed(Scan(state, statement.request)));
    case PartiqlOperation::kPutItem: {
      base::Result<json> answer = PutItem(state, statement.request);
      if (!answer.ok() && answer.status().type() == base::ErrorType::kConditionalCheckFailed) {
        return base::Status::DuplicateItem(kDuplicateItemMessage);
      }
      return answer;
    }
    case PartiqlOperation::kUpdateItem:
      return UpdateItemSizedByItem(state, statement.request);
    case PartiqlOperation::kDeleteItem:
      return DeleteItem(state, statement.request);
    case PartiqlOperation::kConditionCheck:
      return base::Status::Validation(kExistsOutsideTransactionMessage);
  }
  return base::Status::Internal("unknown PartiQL operation");
}

void CopyConsumedCapacity(const json& answer, json& response) {
  if (answer.contains("ConsumedCapacity"))
    response["ConsumedCapacity"] = answer["ConsumedCapacity"];
}

// --- ExecuteStatement -------------------------------------------------------------------------

// NextToken carries the Query's or Scan's LastEvaluatedKey, opaque to the caller.
std::string NextTokenOf(const json& last_evaluated_key) {
  return value::Base64Encode(
      last_evaluated_key.dump(-1, ' ', false, json::error_handler_t::replace));
}

base::Result<json> ExclusiveStartKeyOf(const std::string& token) {
  std::optional<std::string> text = value::Base64Decode(token);
  if (!text) return base::Status::Validation(kInvalidNextTokenMessage);
  json key = value::ReadJsonOrDiscarded(*text);
  if (key.is_discarded() || !key.is_object())
    return base::Status::Validation(kInvalidNextTokenMessage);
  return key;
}

// ExecuteStatement's answer: the items read (or the write's RETURNING values), the NextToken.
json StatementResponse(const TranslatedStatement& statement, const json& answer) {
  json response = value::JsonObject({{"Items", json::array()}});
  switch (statement.operation) {
    case PartiqlOperation::kGetItem:
      if (answer.contains("Item")) response["Items"].push_back(answer["Item"]);
      break;
    case PartiqlOperation::kQuery:
    case PartiqlOperation::kScan:
      response["Items"] = answer["Items"];
      if (answer.contains("LastEvaluatedKey")) {
        response["NextToken"] = NextTokenOf(answer["LastEvaluatedKey"]);
        response["LastEvaluatedKey"] = answer["LastEvaluatedKey"];
      }
      break;
    default:
      if (answer.contains("Attributes")) response["Items"].push_back(answer["Attributes"]);
      break;
  }
  CopyConsumedCapacity(answer, response);
  return response;
}

// --- BatchExecuteStatement and ExecuteTransaction ---------------------------------------------

// {"Code", "Message"} and, for a failed condition with ALL_OLD, the item it found.
json BatchError(const base::Status& status) {
  json error =
      value::JsonObject({{"Code", ReasonCodeOf(status.type())}, {"Message", status.message()}});
  json extra = value::ReadJsonOrDiscarded(status.extra_members());
  if (extra.is_object() && extra.contains("Item")) error["Item"] = extra["Item"];
  return error;
}

// Adds every number of `part` to the same member of `total` (CapacityUnits, Table, ...).
void AddNumbers(json& total, const json& part) {
  for (auto it = part.begin(); it != part.end(); ++it) {
    if (it->is_number()) {
      total[it.key()] = total.value(it.key(), 0.0) + it->get<double>();
    } else if (it->is_object()) {
      AddNumbers(total[it.key()], *it);
    } else if (!total.contains(it.key())) {
      total[it.key()] = *it;
    }
  }
}

// Adds one statement's ConsumedCapacity to the per-table list a batch answers.
void AddTableCapacity(json& list, const json& consumed) {
  for (json& entry : list) {
    if (entry["TableName"] == consumed["TableName"]) {
      AddNumbers(entry, consumed);
      return;
    }
  }
  list.push_back(consumed);
}

// Translates every statement of a batch or transaction (nothing runs yet), and refuses a list
// that mixes reads and writes.
// Each statement translated; `value_faults`, when given, marks those refused for a parameter's
// value.
std::vector<base::Result<TranslatedStatement>> TranslateAll(
    const core::EngineState& state, const json& statements,
    std::vector<bool>* value_faults = nullptr) {
  std::vector<base::Result<TranslatedStatement>> translated;
  for (const json& statement : statements) {
    bool value_fault = false;
    translated.push_back(TranslateStatement(state,
                                            Member(statement, "Statement").get<std::string>(),
                                            Member(statement, "Parameters"), &value_fault));
    if (value_faults != nullptr) value_faults->push_back(value_fault);
  }
  return translated;
}

bool MixesReadsAndWrites(const std::vector<base::Result<TranslatedStatement>>& translated) {
  bool reads = false;
  bool writes = false;
  for (const base::Result<TranslatedStatement>& statement : translated) {
    if (!statement.ok()) continue;
    (statement->is_read() ? reads : writes) = true;
  }
  return reads && writes;
}

// The checks every listed statement gets before any runs: shapes, then member constraints.
base::Status ValidateStatementList(const json& request, const char* member, const char* path,
                                   size_t max_statements, ValidationErrors& errors) {
  const json& statements = Member(request, member);
  if (statements.is_array()) {
    for (const json& statement : statements) {
      if (!statement.is_object()) continue;
      if (base::Status s = CheckParametersWire(Member(statement, "Parameters")); !s.ok()) return s;
    }
  }
  errors.NotNull(statements, path);
  errors.MinLength(statements, path, 1);
  errors.MaxLength(statements, path, max_statements);
  if (statements.is_array()) {
    // A null element is checked as an empty one: its Statement is missing.
    static const json kEmpty = json::object();
    for (size_t i = 0; i < statements.size(); ++i) {
      ValidateStatementMembers(statements[i].is_object() ? statements[i] : kEmpty,
                               std::string(path) + "." + std::to_string(i + 1) + ".member.",
                               errors);
    }
  }
  return base::Status::OK();
}

// One batch statement's response element, running it when it translated.
json BatchStatementResult(core::EngineState& state, const json& element,
                          base::Result<TranslatedStatement>& translated, const json& capacity_mode,
                          json& capacity) {
  if (!translated.ok()) return value::JsonObject({{"Error", BatchError(translated.status())}});
  json result = value::JsonObject({{"TableName", translated->table}});
  if (translated->is_read() && translated->operation != PartiqlOperation::kGetItem) {
    result["Error"] = BatchError(base::Status::Validation(kBatchPartialKeyReadMessage));
    return result;
  }
  json& call = translated->request;
  if (!capacity_mode.is_null()) call["ReturnConsumedCapacity"] = capacity_mode;
  for (const char* name : {"ConsistentRead", "ReturnValuesOnConditionCheckFailure"}) {
    bool applies = translated->is_read() == (std::string(name) == "ConsistentRead");
    if (applies && element.contains(name)) call[name] = element[name];
  }
  base::Result<json> answer = Serve(state, *translated);
  if (!answer.ok()) {
    result["Error"] = BatchError(answer.status());
    return result;
  }
  if (answer->contains("Item")) result["Item"] = (*answer)["Item"];
  if (answer->contains("ConsumedCapacity"))
    AddTableCapacity(capacity, (*answer)["ConsumedCapacity"]);
  return result;
}

// A transaction cancelled by an INSERT's condition names DuplicateItem for it, as the service
// does, instead of the ConditionalCheckFailed of the Put underneath.
base::Status RenameDuplicateInserts(
    const base::Status& cancelled,
    const std::vector<base::Result<TranslatedStatement>>& statements) {
  json extra = value::ReadJsonOrDiscarded(cancelled.extra_members());
  if (!extra.is_object() || !extra["CancellationReasons"].is_array()) return cancelled;
  json reasons = extra["CancellationReasons"];
  for (size_t i = 0; i < reasons.size() && i < statements.size(); ++i) {
    if (statements[i]->operation == PartiqlOperation::kPutItem &&
        reasons[i].value("Code", "") == "ConditionalCheckFailed") {
      reasons[i] = value::JsonObject({{"Code", "DuplicateItem"}, {"Message", kDuplicateItemMessage}});
    }
  }
  return TransactionCancelled(reasons);
}

const char* TransactActionOf(PartiqlOperation operation) {
  switch (operation) {
    case PartiqlOperation::kPutItem:
      return "Put";
    case PartiqlOperation::kUpdateItem:
      return "Update";
    case PartiqlOperation::kDeleteItem:
      return "Delete";
    case PartiqlOperation::kConditionCheck:
      return "ConditionCheck";
    default:
      return "Get";
  }
}

}  // namespace

// Whether a translated SELECT reads a global secondary index.
bool ReadsGlobalIndex(const core::EngineState& state, const TranslatedStatement& statement) {
  const json& index_name = Member(statement.request, "IndexName");
  const store::Table* table = state.FindTable(statement.table);
  if (!index_name.is_string() || table == nullptr) return false;
  const index::SecondaryIndex* index = table->FindIndex(index_name.get<std::string>());
  return index != nullptr && index->is_global();
}

base::Result<json> ExecuteStatement(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, ExecuteStatementShape()); !s.ok()) return s;
  if (base::Status s = CheckParametersWire(Member(request, "Parameters")); !s.ok()) return s;
  ValidationErrors errors;
  ValidateStatementMembers(request, "", errors);
  errors.MinLength(Member(request, "NextToken"), "nextToken", 1);
  errors.MaxLength(Member(request, "NextToken"), "nextToken", kMaxNextTokenLength);
  errors.Enum(Member(request, "ReturnConsumedCapacity"), "returnConsumedCapacity",
              kReturnConsumedCapacityValues);
  errors.MinValue(Member(request, "Limit"), "limit", 1);
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;

  base::Result<TranslatedStatement> statement = TranslateStatement(
      state, Member(request, "Statement").get<std::string>(), Member(request, "Parameters"));
  if (!statement.ok()) return statement.status();
  json& call = statement->request;
  if (request.contains("ReturnConsumedCapacity")) {
    call["ReturnConsumedCapacity"] = request["ReturnConsumedCapacity"];
  }
  if (statement->is_read()) {
    if (request.contains("ConsistentRead")) call["ConsistentRead"] = request["ConsistentRead"];
    if (Member(call, "ConsistentRead") == true && ReadsGlobalIndex(state, *statement)) {
      // ExecuteStatement's own wording, not a Query's (captured from the service, 2026).
      return base::Status::Validation(
          "Strongly consistent read is not supported on Global Secondary Indexes");
    }
  } else if (request.contains("ReturnValuesOnConditionCheckFailure")) {
    call["ReturnValuesOnConditionCheckFailure"] = request["ReturnValuesOnConditionCheckFailure"];
  }
  bool paged = statement->operation == PartiqlOperation::kQuery ||
               statement->operation == PartiqlOperation::kScan;
  if (paged && request.contains("Limit")) call["Limit"] = request["Limit"];
  if (paged && request.contains("NextToken")) {
    base::Result<json> start = ExclusiveStartKeyOf(request["NextToken"].get<std::string>());
    if (!start.ok()) return start.status();
    call["ExclusiveStartKey"] = *start;
  }
  base::Result<json> answer = Serve(state, *statement);
  if (!answer.ok()) return answer.status();
  return StatementResponse(*statement, *answer);
}

}  // namespace ddbpg::api

namespace ddbpg::api {

base::Result<json> BatchExecuteStatement(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, BatchExecuteStatementShape()); !s.ok()) return s;
  ValidationErrors errors;
  if (base::Status s =
          ValidateStatementList(request, "Statements", "statements", kMaxBatchStatements, errors);
      !s.ok()) {
    return s;
  }
  errors.Enum(Member(request, "ReturnConsumedCapacity"), "returnConsumedCapacity",
              kReturnConsumedCapacityValues);
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;

  const json& statements = request["Statements"];
  std::vector<base::Result<TranslatedStatement>> translated = TranslateAll(state, statements);
  if (MixesReadsAndWrites(translated)) return base::Status::Validation(kMixedBatchMessage);
  // Each statement runs on its own: one failing leaves the others' effects in place.
  json responses = json::array();
  json capacity = json::array();
  for (size_t i = 0; i < translated.size(); ++i) {
    responses.push_back(BatchStatementResult(state, statements[i], translated[i],
                                             Member(request, "ReturnConsumedCapacity"), capacity));
  }
  json response = value::JsonObject({{"Responses", responses}});
  if (!capacity.empty()) response["ConsumedCapacity"] = capacity;
  return response;
}

base::Result<json> ExecuteTransaction(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, ExecuteTransactionShape()); !s.ok()) return s;
  ValidationErrors errors;
  if (base::Status s = ValidateStatementList(request, "TransactStatements", "transactStatements",
                                             kMaxTransactionStatements, errors);
      !s.ok()) {
    return s;
  }
  const json& token = Member(request, "ClientRequestToken");
  errors.MinLength(token, "clientRequestToken", 1);
  errors.MaxLength(token, "clientRequestToken", kMaxClientRequestTokenLength);
  errors.Enum(Member(request, "ReturnConsumedCapacity"), "returnConsumedCapacity",
              kReturnConsumedCapacityValues);
  if (base::Status s = errors.ToStatus(); !s.ok()) return s;

  const json& statements = request["TransactStatements"];
  std::vector<bool> value_faults;
  std::vector<base::Result<TranslatedStatement>> translated =
      TranslateAll(state, statements, &value_faults);
  // A statement's own validation fault names the statement; a parameter's value's does not
  // (captured, 2026).
  for (size_t i = 0; i < translated.size(); ++i) {
    const base::Status& fault = translated[i].status();
    if (fault.ok()) continue;
    if (fault.type() != base::ErrorType::kValidation || value_faults[i]) return fault;
    return base::Status::Validation(StatementFault(i, fault.message()));
  }
  if (MixesReadsAndWrites(translated)) return base::Status::Validation(kMixedTransactionMessage);
  bool reads = translated[0]->is_read();

  // The statements become one TransactGetItems or TransactWriteItems request.
  json items = json::array();
  for (size_t i = 0; i < translated.size(); ++i) {
    json action = translated[i]->request;
    if (translated[i]->exists_without_condition) {
      return base::Status::Validation(StatementFault(
          i, "EXISTS() must contain a single item read with additional condition"));
    }
    if (reads && translated[i]->operation != PartiqlOperation::kGetItem) {
      return base::Status::Validation(TransactionPartialKeyReadMessage(i));
    }
    if (action.contains("ReturnValues"))
      return base::Status::Validation(kReturningInTransactionMessage);
    const json& on_failure = Member(statements[i], "ReturnValuesOnConditionCheckFailure");
    if (!reads && !on_failure.is_null()) action["ReturnValuesOnConditionCheckFailure"] = on_failure;
    items.push_back({{TransactActionOf(translated[i]->operation), action}});
  }
  json call = value::JsonObject({{"TransactItems", items}});
  if (request.contains("ReturnConsumedCapacity")) {
    call["ReturnConsumedCapacity"] = request["ReturnConsumedCapacity"];
  }
  if (!reads && !token.is_null()) call["ClientRequestToken"] = token;
  base::Result<json> answer =
      reads ? TransactGetItems(state, call) : TransactWriteItems(state, call);
  if (!answer.ok()) {
    if (answer.status().type() != base::ErrorType::kTransactionCanceled) return answer.status();
    return RenameDuplicateInserts(answer.status(), translated);
  }
  // A transaction of writes answers an empty Responses list (captured from the service, 2026).
  json response = json::object();
  response["Responses"] = reads ? (*answer)["Responses"] : json::array();
  CopyConsumedCapacity(*answer, response);
  return response;
}

}  // namespace ddbpg::api
