// Model-based test of writes (issue #10): random sequences of PutItem, UpdateItem (SET,
// REMOVE, ADD, DELETE), DeleteItem, BatchWriteItem and TransactWriteItems (with ConditionCheck),
// with and without conditions, on random tables with local and global indexes. After every step
// the table (a full paginated Scan) and each index (a Scan with IndexName) must hold exactly the
// reference model's items, in order. A failed condition and a bad request (an item over 400 KB, a
// key of the wrong type, ...) must change nothing.
//
// DDBPG_MODEL_CASES (steps, default kDefaultCases) and DDBPG_MODEL_SEED (default kDefaultSeed)
// make a longer run; a failure prints the seed and step that replay it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "tests/engine/support/engine_fixture.h"
#include "tests/engine/support/model_random.h"
#include "tests/engine/support/reference_model.h"
#include "tests/engine/support/spaced_sender.h"

namespace ddbpg::testing {
namespace {

using namespace model;  // NOLINT: the model's vocabulary is the test's

constexpr uint64_t kDefaultSeed = 20261202;
constexpr uint64_t kDefaultCases = 3000;
constexpr int kStepsPerTable = 100;
constexpr size_t kMaxItemBytes = 400 * 1024;

// What the model expects a write to do.
enum class Expect { kOk, kConditionFailed, kValidation };

std::string ShortType(const Response& response) {
  if (response.status == 200) return "OK";
  std::string type = json::parse(response.body).value("__type", "");
  return type.substr(type.find('#') + 1);
}

class WriteModelRun {
 public:
  explicit WriteModelRun(uint64_t seed)
      : seed_(seed),
        random_(seed),
        conditions_(random_, [this](const std::string& name) { return TypeOfAttribute(name); }) {}

  bool Build() {
    spec_ = RandomTableSpec(random_);
    Response created = Send("CreateTable", spec_.CreateTableRequest());
    if (created.status != 200) {
      ADD_FAILURE() << "CreateTable: " << ErrorOf(created) << "\n" << spec_.CreateTableRequest();
      return false;
    }
    // Few keys, so writes land on existing items as often as on new ones.
    for (int i = 0; i < 4; ++i) partitions_.push_back(RandomValue(random_, spec_.key_types["pk"]));
    if (!spec_.sort_key.empty()) {
      for (int i = 0; i < 4; ++i) sorts_.push_back(RandomValue(random_, spec_.key_types["sk"]));
    }
    return Verify("after CreateTable");
  }

  size_t throttle_retries() const { return sender_.throttle_retries(); }

  // Runs step `number`, then compares the table and its indexes with the model.
  bool Step(int number) {
    where_ = "seed " + std::to_string(seed_) + ", step " + std::to_string(number) +
             " (replay: DDBPG_MODEL_SEED=" + std::to_string(seed_) +
             " DDBPG_MODEL_CASES=" + std::to_string(number + 1) + ")";
    size_t kind = random_.Below(100);
    bool ok = kind < 22   ? PutItem()
              : kind < 47 ? UpdateItem()
              : kind < 60 ? DeleteItem()
              : kind < 72 ? BatchWriteItem()
              : kind < 87 ? TransactWriteItems()
                          : BadRequest();
    return ok && Verify(last_request_);
  }

 private:
  Response Send(const std::string& operation, const json& body) {
    last_request_ = operation + " " + body.dump();
    if (last_request_.size() > 3000) last_request_ = last_request_.substr(0, 3000) + "...";
    const std::string text = body.dump();
    return sender_.Send(operation, text);
  }

  std::string TypeOfAttribute(const std::string& name) {
    if (name == "n") return "N";
    if (name == "s") return "S";
    if (name == "f") return "BOOL";
    return spec_.key_types[name];
  }

  json RandomKey() {
    json key = {{"pk", random_.Pick(partitions_)}};
    if (!spec_.sort_key.empty()) key["sk"] = random_.Pick(sorts_);
    return key;
  }

  json RandomStringSet() {
    std::set<std::string> members;
    for (size_t i = 0, count = random_.Between(1, 3); i < count; ++i) {
      members.insert(RandomText(random_, 1, 2));
    }
    return {{"SS", std::vector<std::string>(members.begin(), members.end())}};
  }

  json RandomItem(const json& key) {
    json item = key;
    for (const char* name : {"a", "b"}) {
      if (random_.Chance(0.7)) item[name] = RandomValue(random_, spec_.key_types[name]);
    }
    if (random_.Chance(0.7)) item["n"] = N(random_.Between(-400, 400) * 25);
    if (random_.Chance(0.6)) item["s"] = S(RandomText(random_, 0, 3));
    if (random_.Chance(0.4)) item["f"] = {{"BOOL", random_.Chance(0.5)}};
    if (random_.Chance(0.3)) item["ss"] = RandomStringSet();
    if (random_.Chance(0.3)) item["pad"] = S(std::string(random_.Between(1, 300), 'x'));
    return item;
  }

  // The stored item under `key`, or nullptr.
  json* Find(const json& key) {
    const std::string text = KeyText(spec_, key);
    for (json& item : items_) {
      if (KeyText(spec_, item) == text) return &item;
    }
    return nullptr;
  }
  void Store(json item) {
    if (json* old = Find(item)) {
      *old = std::move(item);
    } else {
      items_.push_back(std::move(item));
    }
  }
  void Remove(const json& key) {
    const std::string text = KeyText(spec_, key);
    std::erase_if(items_, [&](const json& item) { return KeyText(spec_, item) == text; });
  }

  // A condition on the item a write finds (an empty item when there is none).
  std::optional<Condition> MaybeCondition(Expressions& expressions, double chance) {
    if (!random_.Chance(chance)) return std::nullopt;
    if (random_.Chance(0.25)) {
      const bool exists = random_.Chance(0.5);
      std::string text = std::string(exists ? "attribute_exists(" : "attribute_not_exists(") +
                         expressions.Name("pk") + ")";
      return Condition{text, [exists](const json& item) { return item.contains("pk") == exists; }};
    }
    return conditions_.Any({"n", "s", "f", "a", "b"}, expressions, 1);
  }

  bool CheckOutcome(const Response& response, Expect expected, const std::string& failure_type,
                    bool either = false) {
    const std::string type = ShortType(response);
    const std::string want = expected == Expect::kOk                ? "OK"
                             : expected == Expect::kConditionFailed ? failure_type
                                                                    : "ValidationException";
    if (type == want || (either && (type == failure_type || type == "ValidationException"))) {
      return true;
    }
    ADD_FAILURE() << where_ << "\n" << last_request_ << "\nengine: " << ErrorOf(response)
                  << "\nmodel: " << want;
    return false;
  }

  bool PutItem() {
    json item = RandomItem(RandomKey());
    json request = {{"TableName", spec_.name}, {"Item", item}};
    Expressions expressions;
    std::optional<Condition> condition = MaybeCondition(expressions, 0.5);
    if (condition) request["ConditionExpression"] = condition->text;
    expressions.AddTo(request);
    const bool return_old = random_.Chance(0.3);
    if (return_old) request["ReturnValues"] = "ALL_OLD";
    json* old = Find(item);
    const json before = old ? *old : json::object();
    const bool passes = !condition || condition->holds(before);
    Response response = Send("PutItem", request);
    if (!CheckOutcome(response, passes ? Expect::kOk : Expect::kConditionFailed,
                      "ConditionalCheckFailedException")) {
      return false;
    }
    if (!passes) return true;
    if (return_old && !ReturnedAttributesAre(response, before)) return false;
    Store(item);
    return true;
  }

  bool ReturnedAttributesAre(const Response& response, const json& expected) {
    json body = json::parse(response.body);
    json returned = body.contains("Attributes") ? body["Attributes"] : json::object();
    if (Normalized(returned) == Normalized(expected)) return true;
    ADD_FAILURE() << where_ << "\n" << last_request_ << "\nAttributes " << returned
                  << "\nthe model " << expected;
    return false;
  }

  // SET, REMOVE, ADD and DELETE on distinct attributes, at least one of them not a REMOVE.
  // `simple` keeps to actions that cannot fail on the item's contents.
  bool UpdateItem() {
    json key = RandomKey();
    json request = {{"TableName", spec_.name}, {"Key", key}};
    Expressions expressions;
    std::optional<Condition> condition = MaybeCondition(expressions, 0.4);
    if (condition) request["ConditionExpression"] = condition->text;
    json* old = Find(key);
    const json before = old ? *old : json::object();
    bool invalid = false;
    json after = old ? *old : key;
    request["UpdateExpression"] = RandomUpdate(expressions, after, invalid, /*simple=*/false);
    expressions.AddTo(request);
    const bool return_new = random_.Chance(0.3);
    if (return_new) request["ReturnValues"] = "ALL_NEW";
    const bool passes = !condition || condition->holds(before);
    Expect expected = !passes ? Expect::kConditionFailed : invalid ? Expect::kValidation : Expect::kOk;
    Response response = Send("UpdateItem", request);
    // A failed condition and an operand missing from the item: either error may come first.
    if (!CheckOutcome(response, expected, "ConditionalCheckFailedException", !passes && invalid)) {
      return false;
    }
    if (expected != Expect::kOk) return true;
    if (return_new && !ReturnedAttributesAre(response, after)) return false;
    Store(after);
    return true;
  }

  // Writes the update expression and applies it to `item`; sets `invalid` when DynamoDB must
  // refuse it (an operand attribute the item lacks).
  std::string RandomUpdate(Expressions& expressions, json& item, bool& invalid, bool simple) {
    std::vector<std::string> pool = {"n", "s", "f", "a", "b", "ss", "pad"};
    std::vector<std::string> sets, removes, adds, deletes;
    const size_t count = random_.Between(1, 3);
    for (size_t i = 0; i < count && !pool.empty(); ++i) {
      const size_t at = random_.Below(pool.size());
      const std::string attribute = pool[at];
      pool.erase(pool.begin() + at);
      const std::string name = expressions.Name(attribute);
      const bool may_remove = i > 0 && !simple;
      if (may_remove && random_.Chance(0.3)) {
        removes.push_back(name);
        item.erase(attribute);
        continue;
      }
      if (attribute == "n") {
        long long k = random_.Between(-40, 40) * 25;
        size_t how = random_.Below(simple ? 2 : 4);
        if (how == 0) {
          adds.push_back(name + " " + expressions.Value(N(k)));
          long long sum = (item.contains("n") ? Hundredths(item["n"]["N"]) : 0) + k;
          item["n"] = N(sum);
        } else if (how == 1) {
          sets.push_back(name + " = " + expressions.Value(N(k)));
          item["n"] = N(k);
        } else if (how == 2) {
          sets.push_back(name + " = " + name + " + " + expressions.Value(N(k)));
          if (!item.contains("n")) {
            invalid = true;
          } else {
            item["n"] = N(Hundredths(item["n"]["N"]) + k);
          }
        } else {
          sets.push_back(name + " = if_not_exists(" + name + ", " + expressions.Value(N(k)) + ")");
          if (!item.contains("n")) item["n"] = N(k);
        }
      } else if (attribute == "ss") {
        json members = RandomStringSet();
        size_t how = random_.Below(simple || i == 0 ? 2 : 3);
        std::set<std::string> now;
        if (item.contains("ss")) {
          for (const json& member : item["ss"]["SS"]) now.insert(member);
        }
        if (how == 0) {
          sets.push_back(name + " = " + expressions.Value(members));
          item["ss"] = members;
          continue;
        }
        if (how == 1) {
          adds.push_back(name + " " + expressions.Value(members));
          for (const json& member : members["SS"]) now.insert(member);
        } else {
          deletes.push_back(name + " " + expressions.Value(members));
          for (const json& member : members["SS"]) now.erase(member.get<std::string>());
        }
        if (now.empty()) {
          item.erase("ss");
        } else {
          item["ss"] = {{"SS", std::vector<std::string>(now.begin(), now.end())}};
        }
      } else {
        json value = attribute == "s"     ? S(RandomText(random_, 0, 3))
                     : attribute == "f"   ? json{{"BOOL", random_.Chance(0.5)}}
                     : attribute == "pad" ? S(std::string(random_.Between(1, 300), 'x'))
                                          : RandomValue(random_, spec_.key_types[attribute]);
        sets.push_back(name + " = " + expressions.Value(value));
        item[attribute] = value;
      }
    }
    std::string text;
    auto clause = [&](const char* keyword, const std::vector<std::string>& parts) {
      if (parts.empty()) return;
      text += (text.empty() ? "" : " ") + std::string(keyword) + " ";
      for (size_t i = 0; i < parts.size(); ++i) text += (i ? ", " : "") + parts[i];
    };
    clause("SET", sets);
    clause("REMOVE", removes);
    clause("ADD", adds);
    clause("DELETE", deletes);
    return text;
  }

  bool DeleteItem() {
    json key = RandomKey();
    json request = {{"TableName", spec_.name}, {"Key", key}};
    Expressions expressions;
    std::optional<Condition> condition = MaybeCondition(expressions, 0.5);
    if (condition) request["ConditionExpression"] = condition->text;
    expressions.AddTo(request);
    json* old = Find(key);
    const json before = old ? *old : json::object();
    const bool passes = !condition || condition->holds(before);
    const bool return_old = random_.Chance(0.3);
    if (return_old) request["ReturnValues"] = "ALL_OLD";
    Response response = Send("DeleteItem", request);
    if (!CheckOutcome(response, passes ? Expect::kOk : Expect::kConditionFailed,
                      "ConditionalCheckFailedException")) {
      return false;
    }
    if (!passes) return true;
    if (return_old && !ReturnedAttributesAre(response, before)) return false;
    Remove(key);
    return true;
  }

  // Distinct keys for one batch or transaction.
  std::vector<json> DistinctKeys(size_t count) {
    std::vector<json> keys;
    std::set<std::string> seen;
    for (size_t i = 0; i < count * 3 && keys.size() < count; ++i) {
      json key = RandomKey();
      if (seen.insert(KeyText(spec_, key)).second) keys.push_back(key);
    }
    return keys;
  }

  bool BatchWriteItem() {
    json writes = json::array();
    std::vector<std::pair<bool, json>> effects;  // (put, item or key)
    for (const json& key : DistinctKeys(random_.Between(1, 6))) {
      if (random_.Chance(0.6)) {
        json item = RandomItem(key);
        writes.push_back({{"PutRequest", {{"Item", item}}}});
        effects.push_back({true, item});
      } else {
        writes.push_back({{"DeleteRequest", {{"Key", key}}}});
        effects.push_back({false, key});
      }
    }
    Response response = Send("BatchWriteItem", {{"RequestItems", {{spec_.name, writes}}}});
    if (!CheckOutcome(response, Expect::kOk, "")) return false;
    json body = json::parse(response.body);
    if (!body["UnprocessedItems"].empty()) {
      ADD_FAILURE() << where_ << "\n" << last_request_ << "\nUnprocessedItems "
                    << body["UnprocessedItems"];
      return false;
    }
    for (const auto& [put, value] : effects) {
      if (put) {
        Store(value);
      } else {
        Remove(value);
      }
    }
    return true;
  }

  bool TransactWriteItems() {
    json actions = json::array();
    bool passes = true;
    std::vector<std::string> reasons;
    std::vector<std::pair<json, json>> changes;  // (key, item after or null)
    for (const json& key : DistinctKeys(random_.Between(1, 4))) {
      Expressions expressions;
      json* old = Find(key);
      const json before = old ? *old : json::object();
      size_t kind = random_.Below(4);
      std::optional<Condition> condition = MaybeCondition(expressions, kind == 3 ? 1.0 : 0.4);
      json action = {{"TableName", spec_.name}};
      if (condition) action["ConditionExpression"] = condition->text;
      const char* name = "Put";
      if (kind == 0) {
        json item = RandomItem(key);
        action["Item"] = item;
        changes.push_back({key, item});
      } else if (kind == 1) {
        name = "Update";
        action["Key"] = key;
        bool invalid = false;
        json after = old ? *old : key;
        action["UpdateExpression"] = RandomUpdate(expressions, after, invalid, /*simple=*/true);
        changes.push_back({key, after});
      } else if (kind == 2) {
        name = "Delete";
        action["Key"] = key;
        changes.push_back({key, nullptr});
      } else {
        name = "ConditionCheck";
        action["Key"] = key;
      }
      expressions.AddTo(action);
      actions.push_back({{name, action}});
      const bool holds = !condition || condition->holds(before);
      reasons.push_back(holds ? "None" : "ConditionalCheckFailed");
      passes = passes && holds;
    }
    Response response = Send("TransactWriteItems", {{"TransactItems", actions}});
    if (!CheckOutcome(response, passes ? Expect::kOk : Expect::kConditionFailed,
                      "TransactionCanceledException")) {
      return false;
    }
    if (!passes) {
      json body = json::parse(response.body);
      std::vector<std::string> codes;
      for (const json& reason : body["CancellationReasons"]) codes.push_back(reason.value("Code", ""));
      if (codes != reasons) {
        ADD_FAILURE() << where_ << "\n" << last_request_ << "\nCancellationReasons "
                      << body["CancellationReasons"] << "\nthe model " << json(reasons);
        return false;
      }
      return true;
    }
    for (const auto& [key, after] : changes) {
      if (after.is_null()) {
        Remove(key);
      } else {
        Store(after);
      }
    }
    return true;
  }

  // A request DynamoDB refuses with a ValidationException; it must change nothing.
  bool BadRequest() {
    std::vector<std::string> local_and_global_keys;
    for (const IndexSpec& index : spec_.indexes) {
      for (const std::string& name : {index.partition_key, index.sort_key}) {
        if (name == "a" || name == "b") local_and_global_keys.push_back(name);
      }
    }
    size_t kind = random_.Below(8);
    json key = RandomKey();
    json item = RandomItem(key);
    json request = {{"TableName", spec_.name}};
    std::string operation = "PutItem";
    if (kind == 0) {
      // 400 KB is the limit, names and values together.
      item.erase("pad");
      const size_t base = ItemSize(item) + 3;  // 3: the name "pad"
      item["pad"] = S(std::string(kMaxItemBytes - base + random_.Between(1, 3000), 'x'));
      request["Item"] = item;
    } else if (kind == 1) {
      item["pk"] = spec_.key_types["pk"] == "S" ? N(100) : S("wrong");
      request["Item"] = item;
    } else if (kind == 2 && !local_and_global_keys.empty()) {
      const std::string name = random_.Pick(local_and_global_keys);
      const std::string type = spec_.key_types[name];
      // A value of another type, or an empty string or binary.
      item[name] = type != "N" && random_.Chance(0.5) ? json{{type, ""}}
                   : type == "N"                        ? S("wrong")
                                                        : N(100);
      request["Item"] = item;
    } else if (kind == 3 && !spec_.sort_key.empty()) {
      item.erase("sk");
      request["Item"] = item;
    } else if (kind == 4) {
      operation = "UpdateItem";
      request["Key"] = key;
      request["UpdateExpression"] = "SET #k = :v";
      request["ExpressionAttributeNames"] = {{"#k", "pk"}};
      request["ExpressionAttributeValues"] = {{":v", RandomValue(random_, spec_.key_types["pk"])}};
    } else if (kind == 5) {
      operation = "UpdateItem";
      request["Key"] = key;
      request["UpdateExpression"] = "SET #p = :v";
      request["ExpressionAttributeNames"] = {{"#p", "pad"}};
      request["ExpressionAttributeValues"] = {{":v", S(std::string(kMaxItemBytes, 'x'))}};
    } else if (kind == 6) {
      operation = "BatchWriteItem";
      json put = {{"PutRequest", {{"Item", item}}}};
      request = {{"RequestItems", {{spec_.name, {put, {{"DeleteRequest", {{"Key", key}}}}}}}}};
    } else {
      // Also where the table has no index key or sort key to get wrong (kinds 2 and 3).
      operation = "TransactWriteItems";
      json put = {{"Put", {{"TableName", spec_.name}, {"Item", item}}}};
      json check = {{"ConditionCheck",
                     {{"TableName", spec_.name},
                      {"Key", key},
                      {"ConditionExpression", "attribute_exists(#k)"},
                      {"ExpressionAttributeNames", {{"#k", "pk"}}}}}};
      request = {{"TransactItems", {put, check}}};
    }
    Response response = Send(operation, request);
    return CheckOutcome(response, Expect::kValidation, "");
  }

  // The table and each index, read by paginated Scans, against the model.
  bool Verify(const std::string& after) {
    json expected = json::array();
    for (const Row& row : TableOrder(spec_, items_)) expected.push_back(Normalized(*row.item));
    if (!ScanMatches(nullptr, expected, after)) return false;
    for (const IndexSpec& index : spec_.indexes) {
      json entries = json::array();
      for (const Entry& entry : IndexOrder(spec_, index, items_)) {
        entries.push_back(Normalized(entry.entry));
      }
      if (!ScanMatches(&index, entries, after)) return false;
    }
    return true;
  }

  bool ScanMatches(const IndexSpec* index, const json& expected, const std::string& after) {
    json request = {{"TableName", spec_.name}};
    if (index) request["IndexName"] = index->name;
    if (!index || !index->global) request["ConsistentRead"] = true;
    if (random_.Chance(0.3)) request["Limit"] = random_.Between(1, 8);
    json items = json::array();
    json start;
    for (int page = 0; page < 1000; ++page) {
      json page_request = request;
      if (!start.is_null()) page_request["ExclusiveStartKey"] = start;
      Response response = sender_.Send("Scan", page_request.dump());
      if (response.status != 200) {
        ADD_FAILURE() << where_ << "\nScan " << page_request << ": " << ErrorOf(response);
        return false;
      }
      json body = json::parse(response.body);
      for (const json& item : body["Items"]) items.push_back(Normalized(item));
      if (!body.contains("LastEvaluatedKey")) break;
      start = body["LastEvaluatedKey"];
    }
    if (items == expected) return true;
    ADD_FAILURE() << where_ << "\nafter " << after << "\n"
                  << (index ? "index " + index->name : std::string("table")) << " holds\n  "
                  << items << "\nthe model\n  " << expected;
    return false;
  }

  uint64_t seed_;
  Random random_;
  ConditionGenerator conditions_;
  SpacedSender sender_;
  TableSpec spec_;
  std::vector<json> items_;
  std::vector<json> partitions_;
  std::vector<json> sorts_;
  std::string where_;
  std::string last_request_;
};

TEST(WriteModelTest, AfterEveryWriteTheTableAndItsIndexesHoldTheModelsItems) {
  const uint64_t seed = EnvNumber("DDBPG_MODEL_SEED", kDefaultSeed);
  const uint64_t cases = EnvNumber("DDBPG_MODEL_CASES", kDefaultCases);
  size_t steps = 0, retries = 0;
  for (uint64_t table = 0; steps < cases; ++table) {
    // Table t of a run is table 0 of a run seeded seed + t, so a failure replays on its own.
    WriteModelRun run(seed + table);
    if (!run.Build()) break;
    bool ok = true;
    for (int step = 0; step < kStepsPerTable && steps < cases && ok; ++step, ++steps) {
      ok = run.Step(step);
    }
    retries += run.throttle_retries();
    if (!ok) break;
  }
  std::cout << "[ model    ] " << steps << " write steps, " << retries
            << " throttled retries, seed " << seed << "\n";
  EXPECT_EQ(retries, 0u) << "capacity throttling interfered with the model run";
}

}  // namespace
}  // namespace ddbpg::testing
