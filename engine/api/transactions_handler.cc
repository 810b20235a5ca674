// The transactional operations: TransactWriteItems and TransactGetItems.
//
// A write transaction runs the steps of the one write path (core/write_path.h) over all its
// actions, so each behaves exactly like PutItem, UpdateItem, DeleteItem (or a condition alone), and
// adds what only a transaction has: all-or-nothing, cancellation reasons, idempotency tokens and
// the doubled cost.
//
// Order of checks, as DynamoDB applies them (shared/DYNAMODB-FACTS.md A.3; the public
// conformance captures summarised in docs/api-coverage.md, "Transactions"):
//   1. request shape (SerializationException);
//   2. member constraints of the request and of every action, in one message;
//   3. each action's kind, then, action by action, its attribute values and expressions
//      (request-level ValidationExceptions: these never become cancellation reasons);
//   4. the aggregate request size; the idempotency token;
//   5. every table (ResourceNotFoundException), then every key: an empty key value is a
//      request-level ValidationException, any other key the schema rejects is a cancellation
//      reason; then no two actions on one item;
//   6. the transaction: the first action the service cannot apply (key, runtime update error,
//      item too large) cancels it with ValidationError and every other action None; else
//      capacity admission; else every condition against the state before the transaction, all
//      failures listed; else every action applied.
#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/api/consumed_capacity.h"
#include "engine/api/error_types.h"
#include "engine/api/expression_params.h"
#include "engine/api/handlers.h"
#include "engine/api/item_collections.h"
#include "engine/api/messages.h"
#include "engine/api/prepare_write.h"
#include "engine/api/request_schema.h"
#include "engine/api/validation_errors.h"
#include "engine/base/limits.h"
#include "engine/capacity/units.h"
#include "engine/core/read_path.h"
#include "engine/core/transaction_admission.h"
#include "engine/core/write_path.h"
#include "engine/expr/document.h"
#include "engine/value/attribute_names.h"
#include "engine/value/ddb_json.h"
#include "engine/value/item_size.h"
#include "engine/value/json_object.h"
#include "engine/value/json_reader.h"

namespace ddbpg::api {

base::Status TransactionCancelled(const json& reasons) {
  std::string codes;
  for (const json& reason : reasons) {
    if (!codes.empty()) codes += ", ";
    codes += reason["Code"].get<std::string>();
  }
  return base::Status::TransactionCanceled(
             "Transaction cancelled, please refer cancellation reasons for specific reasons [" +
             codes + "]")
      .WithExtraMembers(json{{"CancellationReasons", reasons}}.dump(
          -1, ' ', false, json::error_handler_t::replace));
}

namespace {

// TransactWriteItems and TransactGetItems take 1 to 100 actions (API reference, "TransactItems":
// "Array Members: Minimum number of 1 item. Maximum number of 100 items").
constexpr size_t kMaxTransactItems = 100;
// ClientRequestToken: "Length Constraints: Minimum length of 1. Maximum length of 36."
constexpr size_t kMaxClientRequestTokenLength = 36;
// "A client request token is valid for 10 minutes after the first request that uses it is
// completed" (TransactWriteItems API reference, "ClientRequestToken").
constexpr double kIdempotencyWindowSeconds = 10 * 60;
// "The aggregate size of the items in the transaction cannot exceed 4 MB" (API reference).
constexpr size_t kMaxTransactionBytes = 4 * 1024 * 1024;
// Each item costs two underlying operations, prepare and commit (Developer Guide,
// "Capacity management for transactions").
constexpr double kTransactionalFactor = 2;

constexpr const char* kMultipleOperationsOnOneItemMessage =
    "Transaction request cannot include multiple operations on one item";
// us-east-1's text; eu-west-2 reports the same fault as a member constraint on transactItems.
constexpr const char* kNoOperationMessage =
    "Invalid Request: TransactWriteRequest should contain Delete or Put or Update request";
// Not captured from the service; the text an independent emulator uses.
constexpr const char* kSeveralOperationsMessage =
    "TransactItems can only contain one of Check, Put, Update or Delete";
// Not captured from the service (UNSURE): a ScyllaDB test checked against AWS matches the
// write's text on "size cannot exceed"; the read's is the TransactGetItems reference's sentence.
constexpr const char* kWriteTransactionTooLargeMessage = "Transaction size cannot exceed 4 MB";
constexpr const char* kReadTransactionTooLargeMessage =
    "The aggregate size of the items in the transaction exceeded 4 MB";
// Not captured from the service (UNSURE); the text several emulators use.
constexpr const char* kIdempotentMismatchMessage =
    "The request uses the same client token as a previous, but non-identical request.";
// The prefix of the one key error a transaction reports before it opens (measured: empty string
// and empty binary key values are request-level, every other key fault a cancellation reason).
constexpr const char* kEmptyKeyValuePrefix =
    "One or more parameter values are not valid. The AttributeValue for a key attribute cannot "
    "contain an empty";

// --- Request shapes ---------------------------------------------------------------------------

std::vector<MemberSpec> ActionMembers(const char* attributes_member, bool with_update) {
  std::vector<MemberSpec> head = {AttributeValueMapMember(attributes_member)};
  if (with_update) head.push_back({"UpdateExpression", value::WireType::kString});
  head.push_back({"TableName", value::WireType::kString});
  return WithConditionMembers(std::move(head));
}

const std::vector<MemberSpec>& TransactWriteItemsShape() {
  static const auto* spec = new std::vector<MemberSpec>{
      {"TransactItems",
       value::WireType::kList,
       "TransactWriteItem",
       MemberKind::kPlain,
       {
           {"ConditionCheck", value::WireType::kStructure, "ConditionCheck", MemberKind::kPlain,
            ActionMembers("Key", false)},
           {"Put", value::WireType::kStructure, "Put", MemberKind::kPlain,
            ActionMembers("Item", false)},
           {"Delete", value::WireType::kStructure, "Delete", MemberKind::kPlain,
            ActionMembers("Key", false)},
           {"Update", value::WireType::kStructure, "Update", MemberKind::kPlain,
            ActionMembers("Key", true)},
       }},
      {"ReturnConsumedCapacity", value::WireType::kString},
      {"ReturnItemCollectionMetrics", value::WireType::kString},
      {"ClientRequestToken", value::WireType::kString},
  };
  return *spec;
}

const std::vector<MemberSpec>& GetMembers() {
  static const auto* spec = new std::vector<MemberSpec>{
      AttributeValueMapMember("Key"),
      {"TableName", value::WireType::kString},
      {"ProjectionExpression", value::WireType::kString},
      ExpressionAttributeNamesMember(),
  };
  return *spec;
}

const std::vector<MemberSpec>& TransactGetItemsShape() {
  static const auto* spec = new std::vector<MemberSpec>{
      {"TransactItems",
       value::WireType::kList,
       "TransactGetItem",
       MemberKind::kPlain,
       {
           {"Get", value::WireType::kStructure, "Get", MemberKind::kPlain, GetMembers()},
       }},
      {"ReturnConsumedCapacity", value::WireType::kString},
  };
  return *spec;
}

// The four write actions, in the order the validator lists their member errors (alphabetical,
// as dynalite's captures show for {Put: {}, Delete: {}}).
struct ActionKind {
  const char* wire_name;  // "ConditionCheck"
  const char* path_name;  // "conditionCheck", as member paths spell it
  WriteKind kind;
  const char* attributes_member;  // "Item" for Put, "Key" otherwise
};

constexpr ActionKind kActionKinds[] = {
    {"ConditionCheck", "conditionCheck", WriteKind::kConditionCheck, "Key"},
    {"Delete", "delete", WriteKind::kDelete, "Key"},
    {"Put", "put", WriteKind::kPut, "Item"},
    {"Update", "update", WriteKind::kUpdate, "Key"},
};

// --- Member constraints -----------------------------------------------------------------------

// One action's member constraints, alphabetically by member as the validator lists them.
void ValidateActionMembers(const json& action, const ActionKind& kind, const std::string& path,
                           ValidationErrors& errors) {
  if (kind.kind == WriteKind::kConditionCheck) {
    errors.NotNull(Member(action, "ConditionExpression"), path + ".conditionExpression");
  }
  const std::string attributes_path = path + (kind.kind == WriteKind::kPut ? ".item" : ".key");
  errors.NotNull(Member(action, kind.attributes_member), attributes_path);
  errors.Enum(Member(action, "ReturnValuesOnConditionCheckFailure"),
              path + ".returnValuesOnConditionCheckFailure", kOnConditionCheckFailureValues);
  const json& table_name = Member(action, "TableName");
  errors.NotNull(table_name, path + ".tableName");
  errors.ResourceName(table_name, path + ".tableName", 1);
  if (kind.kind == WriteKind::kUpdate) {
    errors.NotNull(Member(action, "UpdateExpression"), path + ".updateExpression");
  }
}

// The list constraints on TransactItems, then each element's.
void ValidateTransactItems(const json& items, ValidationErrors& errors,
                           const std::function<void(const json&, const std::string&)>& element) {
  errors.NotNull(items, "transactItems");
  errors.MinLength(items, "transactItems", 1);
  errors.MaxLength(items, "transactItems", kMaxTransactItems);
  if (!items.is_array()) return;
  // Elements are objects or null here (the shape check refused anything else).
  for (size_t i = 0; i < items.size(); ++i) {
    element(items[i], "transactItems." + std::to_string(i + 1) + ".member");
  }
}

// The members of an action that the operation reads, and nothing else, so members a
// transaction does not accept (Expected, ReturnValues, ...) are ignored as the service ignores
// unknown members.
json KnownMembers(const json& action, const std::vector<MemberSpec>& spec) {
  json known = json::object();
  for (const MemberSpec& member : spec) {
    const json& value = Member(action, member.name);
    if (!value.is_null()) known[member.name] = value;
  }
  return known;
}

// --- Consumed capacity ------------------------------------------------------------------------

// Units per table in the order the tables first appear in the request.
class TableUnits {
 public:
  void Add(const std::string& table, double units) {
    Add(table, capacity::CapacityCharge{units, {}, {}});
  }
  void Add(const std::string& table, const capacity::CapacityCharge& charge) {
    for (auto& [name, total] : totals_) {
      if (name == table) {
        total += charge;
        return;
      }
    }
    totals_.emplace_back(table, charge);
  }

  // "ConsumedCapacity": one element per table. Transactions, alone among the operations, also
  // split the units into ReadCapacityUnits or WriteCapacityUnits, naming only the kind consumed
  // (measured: a write transaction has no ReadCapacityUnits member, its replay no
  // WriteCapacityUnits). INDEXES adds the Table arm and an arm per index written.
  void AddTo(json& response, ReturnConsumedCapacity mode, const char* kind_member) const {
    if (mode == ReturnConsumedCapacity::kNone) return;
    json list = json::array();
    for (const auto& [name, charge] : totals_) {
      const double total = charge.Total();
      json element =
          value::JsonObject({{"TableName", name}, {"CapacityUnits", total}, {kind_member, total}});
      if (mode == ReturnConsumedCapacity::kIndexes) {
        element["Table"] = value::JsonObject({{"CapacityUnits", charge.table}, {kind_member, charge.table}});
        for (const auto& [arms, member] : {std::pair{&charge.local_indexes, "LocalSecondaryIndexes"},
                                           std::pair{&charge.global_indexes, "GlobalSecondaryIndexes"}}) {
          for (const auto& [index, units] : *arms) {
            element[member][index] = value::JsonObject({{"CapacityUnits", units}, {kind_member, units}});
          }
        }
      }
      list.push_back(std::move(element));
    }
    response["ConsumedCapacity"] = std::move(list);
  }

 private:
  std::vector<std::pair<std::string, capacity::CapacityCharge>> totals_;
};

double TransactionalReadUnits(const value::Item* item) {
  return kTransactionalFactor * capacity::ReadUnits(item ? value::ItemSize(*item) : 0, true);
}

// The items a transaction names, to enforce one action per item.
class ItemTargets {
 public:
  // False when the item was already named.
  bool Insert(const store::Table* table, const value::PrimaryKey& key) {
    return targets_.insert({table, key}).second;
  }

 private:
  struct Less {
    bool operator()(const std::pair<const store::Table*, value::PrimaryKey>& a,
                    const std::pair<const store::Table*, value::PrimaryKey>& b) const {
      if (a.first != b.first) return std::less<const store::Table*>()(a.first, b.first);
      return value::PrimaryKeyLess()(a.second, b.second);
    }
  };
  std::set<std::pair<const store::Table*, value::PrimaryKey>, Less> targets_;
};

// --- Cancellation -----------------------------------------------------------------------------

// The first action the service cannot apply cancels the transaction alone: it gets
// ValidationError with the error's message, every other action None.
base::Status CancelledByValidation(size_t action_count, size_t failed, const std::string& message) {
  json reasons = json::array();
  for (size_t i = 0; i < action_count; ++i) {
    reasons.push_back(i == failed ? json{{"Code", "ValidationError"}, {"Message", message}}
                                  : json{{"Code", "None"}});
  }
  return TransactionCancelled(reasons);
}

// An action its capacity or its item collection refused is a cancellation reason, as the API
// reference lists them for TransactionCanceledException: ProvisionedThroughputExceeded (a
// provisioned table or index) or ThrottlingError (on demand), or
// ItemCollectionSizeLimitExceeded, each with the message of the matching request-level error,
// which is the text listed there.
json AdmissionReason(const base::Status& refusal) {
  return value::JsonObject(
      {{"Code", ReasonCodeOf(refusal.type())}, {"Message", refusal.message()}});
}

// A transaction some of whose actions were not admitted: each refused action gets its reason,
// every other action None.
base::Status CancelledByAdmission(const std::vector<base::Status>& statuses) {
  json reasons = json::array();
  for (const base::Status& status : statuses) {
    reasons.push_back(status.ok() ? value::JsonObject({{"Code", "None"}})
                                  : AdmissionReason(status));
  }
  return TransactionCancelled(reasons);
}

// --- Idempotency tokens -----------------------------------------------------------------------
//
std::map<std::string, core::TransactionToken>& TransactionTokens(core::EngineState& state) {
  return state.transaction_tokens;
}

// Two requests are "the same request" when they would have the same effect: what they return
// (ReturnConsumedCapacity, ReturnItemCollectionMetrics) may differ.
std::string RequestFingerprint(const json& request) {
  json copy = request;
  copy.erase("ReturnConsumedCapacity");
  copy.erase("ReturnItemCollectionMetrics");
  return copy.dump(-1, ' ', false, json::error_handler_t::replace);
}

void ForgetExpiredTokens(std::map<std::string, core::TransactionToken>& tokens, double now) {
  for (auto it = tokens.begin(); it != tokens.end();) {
    if (now - it->second.completed_at >= kIdempotencyWindowSeconds) {
      it = tokens.erase(it);
    } else {
      ++it;
    }
  }
}

// A repeat of a completed transaction changes nothing; it is charged as a transactional read of
// each item it names, as the items are now (measured: a 1.5 KB put reports 4 WCU, its replay
// 2 RCU).
json ReplayResponse(core::EngineState& state, const core::TransactionToken& token, const json& request) {
  const double now = state.clock.NowSeconds();
  TableUnits units;
  for (const auto& [table_name, key] : token.targets) {
    store::Table* table = state.FindTable(table_name);
    if (table == nullptr) continue;
    const double read = TransactionalReadUnits(table->Find(key));
    table->RecordRead(key, read, now);
    units.Add(table_name, read);
  }
  json response = json::object();
  units.AddTo(response, ParseReturnConsumedCapacity(Member(request, "ReturnConsumedCapacity")),
              "ReadCapacityUnits");
  return response;
}

// --- TransactWriteItems -----------------------------------------------------------------------

struct WriteAction {
  const ActionKind* kind = nullptr;
  json request;  // the action's known members
  store::Table* table = nullptr;
  std::optional<PreparedWrite> write;
  base::Status key_error;  // the key the table's schema rejects: a cancellation reason
  const value::Item* current = nullptr;
  std::optional<value::Item> new_item;
  capacity::CapacityCharge charge;        // doubled, as transactions are
  core::IndexWriteTargets index_targets;  // the global index partitions it writes, once admitted
};

base::Status ValidateTransactWriteMembers(const json& request) {
  ValidationErrors errors;
  const json& token = Member(request, "ClientRequestToken");
  errors.MinLength(token, "clientRequestToken", 1);
  errors.MaxLength(token, "clientRequestToken", kMaxClientRequestTokenLength);
  errors.Enum(Member(request, "ReturnConsumedCapacity"), "returnConsumedCapacity",
              kReturnConsumedCapacityValues);
  errors.Enum(Member(request, "ReturnItemCollectionMetrics"), "returnItemCollectionMetrics",
              "[SIZE, NONE]");
  ValidateTransactItems(Member(request, "TransactItems"), errors,
                        [&errors](const json& element, const std::string& path) {
                          for (const ActionKind& kind : kActionKinds) {
                            const json& action = Member(element, kind.wire_name);
                            if (!action.is_object()) continue;
                            ValidateActionMembers(action, kind, path + "." + kind.path_name,
                                                  errors);
                          }
                        });
  return errors.ToStatus();
}

// Each element names exactly one action.
base::Result<std::vector<WriteAction>> ReadWriteActions(const json& items) {
  std::vector<WriteAction> actions;
  for (const json& element : items) {
    WriteAction action;
    int kinds = 0;
    for (const ActionKind& kind : kActionKinds) {
      if (element.is_object() && !Member(element, kind.wire_name).is_null()) {
        action.kind = &kind;
        ++kinds;
      }
    }
    if (kinds == 0) return base::Status::Validation(kNoOperationMessage);
    if (kinds > 1) return base::Status::Validation(kSeveralOperationsMessage);
    const bool is_update = action.kind->kind == WriteKind::kUpdate;
    action.request = KnownMembers(element[action.kind->wire_name],
                                  ActionMembers(action.kind->attributes_member, is_update));
    actions.push_back(std::move(action));
  }
  return actions;
}

// What the request alone shows wrong with one action: its values and expressions. Returns the
// bytes the action contributes to the transaction's aggregate size.
base::Result<size_t> CheckActionRequest(const WriteAction& action) {
  const json& request = action.request;
  base::Result<value::Item> attributes =
      value::DecodeItem(Member(request, action.kind->attributes_member));
  if (!attributes.ok()) return attributes.status();
  size_t bytes = value::ItemSize(*attributes);
  if (action.kind->kind == WriteKind::kPut && bytes > base::limits::kMaxItemBytes) {
    return base::Status::Validation(kItemTooLargeMessage);
  }
  if (action.kind->kind == WriteKind::kPut) {
    if (base::Status s = value::CheckAttributeNames(*attributes); !s.ok()) return s;
  }
  base::Result<RequestExpressions> expressions =
      action.kind->kind == WriteKind::kUpdate
          ? ParseRequestExpressions(request,
                                    {{"UpdateExpression", expr::ExpressionKind::kUpdate},
                                     {"ConditionExpression", expr::ExpressionKind::kCondition}},
                                    {}, ExpressionOwner::kTransactionAction)
          : ParseRequestExpressions(request,
                                    {{"ConditionExpression", expr::ExpressionKind::kCondition}}, {},
                                    ExpressionOwner::kTransactionAction);
  if (!expressions.ok()) return expressions.status();
  if (const json& values = Member(request, "ExpressionAttributeValues"); values.is_object()) {
    base::Result<value::Item> decoded = value::DecodeItem(values);
    if (decoded.ok()) bytes += value::ItemSize(*decoded);
  }
  return bytes;
}

// Tables, keys, the rest of what needs the schema, and the one-action-per-item rule.
base::Status ResolveTargets(core::EngineState& state, std::vector<WriteAction>& actions) {
  for (WriteAction& action : actions) {
    action.table = state.FindTable(Member(action.request, "TableName").get<std::string>());
    if (action.table == nullptr) return base::Status::ResourceNotFound(kItemNotFoundInTableMessage);
  }
  for (WriteAction& action : actions) {
    base::Result<value::Item> attributes =
        value::DecodeItem(Member(action.request, action.kind->attributes_member));
    if (!attributes.ok()) return attributes.status();
    base::Result<value::PrimaryKey> key = action.kind->kind == WriteKind::kPut
                                              ? action.table->KeyOfItem(*attributes)
                                              : action.table->KeyFromKeyParameter(*attributes);
    if (!key.ok()) {
      if (key.status().message().rfind(kEmptyKeyValuePrefix, 0) == 0) return key.status();
      action.key_error = key.status();
      continue;
    }
    base::Result<PreparedWrite> write =
        PrepareWrite(state, action.request, action.kind->kind, /*envelope=*/false,
                     ExpressionOwner::kTransactionAction);
    if (!write.ok()) return write.status();
    action.write = std::move(*write);
  }
  ItemTargets targets;
  for (const WriteAction& action : actions) {
    if (!action.write) continue;
    if (!targets.Insert(action.table, action.write->key)) {
      return base::Status::Validation(kMultipleOperationsOnOneItemMessage);
    }
  }
  return base::Status::OK();
}

// An update of an absent item that only removes attributes creates no item (as in UpdateItem).
bool OnlyRemovesFromAbsentItem(const WriteAction& action) {
  return action.write && core::UpdateStoresNothing(*action.write, action.current);
}

// Transactional write units: twice what the single-item operation costs. A ConditionCheck is
// billed as a write of the item it reads (measured: 2 WCU for an item under 1 KB).
// Index writes are doubled too.
capacity::CapacityCharge TransactionalWriteCharge(const WriteAction& action) {
  if (action.kind->kind == WriteKind::kConditionCheck) {
    const size_t size = action.current ? value::ItemSize(*action.current) : 0;
    return capacity::CapacityCharge{kTransactionalFactor * capacity::WriteUnits(size), {}, {}};
  }
  return core::WriteCharge(*action.table, action.current,
                     action.new_item ? &*action.new_item : nullptr,
                     !OnlyRemovesFromAbsentItem(action))
      .Times(kTransactionalFactor);
}

// The transaction proper, once the request is known to be well formed. Nothing is written
// unless every action can be applied and every condition holds.
base::Result<json> RunWriteTransaction(core::EngineState& state, const json& request,
                                       std::vector<WriteAction>& actions) {
  for (size_t i = 0; i < actions.size(); ++i) {
    WriteAction& action = actions[i];
    if (!action.key_error.ok()) {
      return CancelledByValidation(actions.size(), i, action.key_error.message());
    }
    action.current = action.table->Find(action.write->key);
    base::Result<std::optional<value::Item>> computed =
        core::ComputeWrite(*action.write, action.current);
    if (!computed.ok()) {
      return CancelledByValidation(actions.size(), i, computed.status().message());
    }
    action.new_item = std::move(*computed);
    action.charge = TransactionalWriteCharge(action);
  }

  // Throttling comes before any effect.
  const double now = state.clock.NowSeconds();
  std::vector<core::TransactionWrite> writes;
  for (const WriteAction& action : actions) {
    const bool stores = action.kind->kind != WriteKind::kConditionCheck &&
                        !OnlyRemovesFromAbsentItem(action);
    writes.push_back({action.table, &action.write->key, &action.charge, action.current,
                      stores && action.new_item ? &*action.new_item : nullptr});
  }
  core::TransactionWritesAdmission admission = core::AdmitTransactionWrites(state, writes, now);
  if (!admission.all_admitted()) return CancelledByAdmission(admission.statuses);
  for (size_t i = 0; i < actions.size(); ++i) {
    actions[i].index_targets = std::move(admission.targets[i]);
  }

  // Every condition sees the items as they were before the transaction; all failures are listed.
  json reasons = json::array();
  bool cancelled = false;
  for (const WriteAction& action : actions) {
    base::Status s = core::CheckWriteCondition(*action.write, action.current);
    if (s.ok()) {
      reasons.push_back(value::JsonObject({{"Code", "None"}}));
      continue;
    }
    cancelled = true;
    json reason = value::JsonObject({{"Code", "ConditionalCheckFailed"}, {"Message", s.message()}});
    json extra = value::ReadJsonOrDiscarded(s.extra_members());
    if (extra.is_object() && extra.contains("Item")) reason["Item"] = extra["Item"];
    reasons.push_back(std::move(reason));
  }
  if (cancelled) {
    // The prepare phase ran, so a cancelled transaction is still billed; the error reports none.
    for (const WriteAction& action : actions) {
      action.table->RecordWrite(action.write->key, action.charge.OnTableCapacity(), now);
    }
    return TransactionCancelled(reasons);
  }

  TableUnits units;
  ItemCollectionMetricsList collections;
  for (WriteAction& action : actions) {
    if (action.kind->kind != WriteKind::kConditionCheck && !OnlyRemovesFromAbsentItem(action)) {
      core::CommitWrite(*action.write, std::move(action.new_item));
    }
    core::RecordWrite(*action.table, action.write->key, action.charge, action.index_targets, now);
    units.Add(action.table->name(), action.charge);
    if (action.kind->kind != WriteKind::kConditionCheck &&
        ReturnsItemCollectionMetrics(*action.table, request)) {
      collections.Note(*action.table, action.write->key.partition);
    }
  }
  json response = json::object();
  if (!collections.empty()) response["ItemCollectionMetrics"] = collections.ToJson();
  units.AddTo(response, ParseReturnConsumedCapacity(Member(request, "ReturnConsumedCapacity")),
              "WriteCapacityUnits");
  return response;
}

// --- TransactGetItems -------------------------------------------------------------------------

struct GetAction {
  json request;  // the Get's known members
  value::Item key_attributes;
  store::Table* table = nullptr;
  std::optional<value::PrimaryKey> key;
  base::Status key_error;
  RequestExpressions expressions;
};

base::Status ValidateTransactGetMembers(const json& request) {
  ValidationErrors errors;
  errors.Enum(Member(request, "ReturnConsumedCapacity"), "returnConsumedCapacity",
              kReturnConsumedCapacityValues);
  ValidateTransactItems(Member(request, "TransactItems"), errors,
                        [&errors](const json& element, const std::string& path) {
                          const json& get = Member(element, "Get");
                          errors.NotNull(get, path + ".get");
                          if (!get.is_object()) return;
                          errors.NotNull(Member(get, "Key"), path + ".get.key");
                          const json& table_name = Member(get, "TableName");
                          errors.NotNull(table_name, path + ".get.tableName");
                          errors.ResourceName(table_name, path + ".get.tableName", 1);
                        });
  return errors.ToStatus();
}

}  // namespace

base::Result<json> TransactWriteItems(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, TransactWriteItemsShape()); !s.ok()) return s;
  if (base::Status s = ValidateTransactWriteMembers(request); !s.ok()) return s;
  base::Result<std::vector<WriteAction>> actions =
      ReadWriteActions(Member(request, "TransactItems"));
  if (!actions.ok()) return actions.status();

  size_t total_bytes = 0;
  for (const WriteAction& action : *actions) {
    base::Result<size_t> bytes = CheckActionRequest(action);
    if (!bytes.ok()) return bytes.status();
    total_bytes += *bytes;
  }
  if (total_bytes > kMaxTransactionBytes) {
    return base::Status::Validation(kWriteTransactionTooLargeMessage);
  }

  const double now = state.clock.NowSeconds();
  const json& token = Member(request, "ClientRequestToken");
  std::map<std::string, core::TransactionToken>& tokens = TransactionTokens(state);
  ForgetExpiredTokens(tokens, now);
  const std::string fingerprint = token.is_string() ? RequestFingerprint(request) : "";
  if (token.is_string()) {
    auto it = tokens.find(token.get<std::string>());
    if (it != tokens.end()) {
      if (it->second.fingerprint != fingerprint) {
        return base::Status::IdempotentParameterMismatch(kIdempotentMismatchMessage);
      }
      return ReplayResponse(state, it->second, request);
    }
  }

  if (base::Status s = ResolveTargets(state, *actions); !s.ok()) return s;
  base::Result<json> response = RunWriteTransaction(state, request, *actions);
  if (response.ok() && token.is_string()) {
    core::TransactionToken& entry = tokens[token.get<std::string>()];
    entry.fingerprint = fingerprint;
    entry.completed_at = now;
    for (const WriteAction& action : *actions) {
      entry.targets.emplace_back(action.table->name(), action.write->key);
    }
  }
  return response;
}

base::Result<json> TransactGetItems(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, TransactGetItemsShape()); !s.ok()) return s;
  if (base::Status s = ValidateTransactGetMembers(request); !s.ok()) return s;

  // What the request alone shows: each Get's key values and projection.
  std::vector<GetAction> gets;
  for (const json& element : Member(request, "TransactItems")) {
    GetAction get;
    get.request = KnownMembers(Member(element, "Get"), GetMembers());
    base::Result<value::Item> key_attributes = value::DecodeItem(Member(get.request, "Key"));
    if (!key_attributes.ok()) return key_attributes.status();
    get.key_attributes = std::move(*key_attributes);
    base::Result<RequestExpressions> expressions = ParseRequestExpressions(
        get.request, {{"ProjectionExpression", expr::ExpressionKind::kProjection}}, {},
        ExpressionOwner::kTransactionAction);
    if (!expressions.ok()) return expressions.status();
    get.expressions = std::move(*expressions);
    gets.push_back(std::move(get));
  }

  for (GetAction& get : gets) {
    get.table = state.FindTable(Member(get.request, "TableName").get<std::string>());
    if (get.table == nullptr) return base::Status::ResourceNotFound(kItemNotFoundInTableMessage);
  }
  for (GetAction& get : gets) {
    base::Result<value::PrimaryKey> key = get.table->KeyFromKeyParameter(get.key_attributes);
    if (key.ok()) {
      get.key = std::move(*key);
    } else if (key.status().message().rfind(kEmptyKeyValuePrefix, 0) == 0) {
      return key.status();
    } else {
      get.key_error = key.status();
    }
  }
  ItemTargets targets;
  for (const GetAction& get : gets) {
    if (get.key && !targets.Insert(get.table, *get.key)) {
      return base::Status::Validation(kMultipleOperationsOnOneItemMessage);
    }
  }
  for (size_t i = 0; i < gets.size(); ++i) {
    if (!gets[i].key_error.ok()) {
      return CancelledByValidation(gets.size(), i, gets[i].key_error.message());
    }
  }

  // Reads are charged on whole items, whatever the projection returns; a missing item still
  // costs a read.
  const double now = state.clock.NowSeconds();
  std::vector<const value::Item*> found;
  std::vector<double> units;
  size_t total_bytes = 0;
  for (const GetAction& get : gets) {
    const core::ItemRead read = core::LocateItem(state, *get.table, *get.key, /*consistent=*/true);
    found.push_back(read.item);
    units.push_back(kTransactionalFactor * read.units);
    if (read.item != nullptr) total_bytes += value::ItemSize(*read.item);
  }
  if (total_bytes > kMaxTransactionBytes) {
    return base::Status::Validation(kReadTransactionTooLargeMessage);
  }
  std::vector<core::TransactionRead> reads;
  for (size_t i = 0; i < gets.size(); ++i)
    reads.push_back({gets[i].table, &*gets[i].key, units[i]});
  std::vector<base::Status> admitted = core::AdmitTransactionReads(state, reads, now);
  for (const base::Status& status : admitted) {
    if (!status.ok()) return CancelledByAdmission(admitted);
  }

  json responses = json::array();
  TableUnits table_units;
  for (size_t i = 0; i < gets.size(); ++i) {
    const GetAction& get = gets[i];
    json entry = json::object();
    if (found[i] != nullptr) {
      const std::optional<expr::ProjectionExpression>& projection = get.expressions.projection();
      entry["Item"] =
          value::EncodeItem(projection ? expr::Project(*found[i], projection->paths) : *found[i]);
    }
    responses.push_back(std::move(entry));
    get.table->RecordRead(*get.key, units[i], now);
    table_units.Add(get.table->name(), units[i]);
  }
  json response = value::JsonObject({{"Responses", std::move(responses)}});
  table_units.AddTo(response,
                    ParseReturnConsumedCapacity(Member(request, "ReturnConsumedCapacity")),
                    "ReadCapacityUnits");
  return response;
}

}  // namespace ddbpg::api
