#include "tests/fuzz/fuzz_targets.h"

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "engine/engine.h"
#include "engine/expr/condition_evaluator.h"
#include "engine/expr/context.h"
#include "engine/expr/document.h"
#include "engine/expr/parser.h"
#include "engine/expr/update_evaluator.h"
#include "engine/value/ddb_json.h"

namespace ddbpg::fuzz {
namespace {

using json = nlohmann::json;

void Require(bool invariant) {
  if (!invariant) std::abort();
}

expr::ExpressionContext FixedContext() {
  value::Item values = *value::DecodeItem(json::parse(
      R"({":v":{"N":"1"},":s":{"S":"a"},":l":{"L":[{"N":"2"}]},":ss":{"SS":["x"]},":b":{"B":"AA=="}})"));
  return expr::ExpressionContext({{"#n", "name"}, {"#m", "map"}}, std::move(values));
}

const value::Item& FixedItem() {
  static const value::Item* item = new value::Item(*value::DecodeItem(json::parse(
      R"({"pk":{"S":"k"},"name":{"S":"abc"},"n":{"N":"5"},"map":{"M":{"a":{"L":[{"N":"1"},{"S":"x"}]}}},)"
      R"("set":{"SS":["x","y"]},"list":{"L":[{"N":"1"},{"N":"2"},{"N":"3"}]}})")));
  return *item;
}

}  // namespace

void FuzzExpression(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (expr::ExpressionKind kind : {expr::ExpressionKind::kCondition,
                                    expr::ExpressionKind::kKeyCondition}) {
    base::Result<expr::Condition> condition = expr::ParseCondition(text, kind);
    if (!condition.ok()) {
      Require(!condition.status().message().empty());
      continue;
    }
    expr::ExpressionContext context = FixedContext();
    if (!context.Resolve(*condition, kind).ok()) continue;
    if (!expr::CheckCondition(*condition, context, kind).ok()) continue;
    expr::EvaluateCondition(*condition, FixedItem(), context);
  }
  base::Result<expr::UpdateExpression> update = expr::ParseUpdate(text);
  if (update.ok()) {
    expr::ExpressionContext context = FixedContext();
    if (context.Resolve(*update).ok() && expr::CheckUpdate(*update, context, {"pk"}).ok()) {
      value::Item item = FixedItem();
      value::Item before = item;
      // A failed update must leave the item exactly as it was.
      if (!expr::ApplyUpdate(*update, context, item).ok()) Require(item == before);
    }
  }
  base::Result<expr::ProjectionExpression> projection = expr::ParseProjection(text);
  if (projection.ok()) {
    expr::ExpressionContext context = FixedContext();
    if (context.Resolve(*projection).ok()) expr::Project(FixedItem(), projection->paths);
  }
}

void FuzzHandle(const uint8_t* data, size_t size) {
  // A name with a dot is a full target; the others are DynamoDB operations.
  static constexpr const char* kOperations[] = {
      "PutItem", "GetItem", "DeleteItem", "UpdateItem", "Query", "Scan", "CreateTable",
      "DescribeTable", "UpdateTable", "ListTables", "DeleteTable", "BatchGetItem",
      "BatchWriteItem", "TransactGetItems", "TransactWriteItems", "UpdateTimeToLive",
      "DescribeTimeToLive", "DynamoDBStreams_20120810.ListStreams",
      "DynamoDBStreams_20120810.DescribeStream", "DynamoDBStreams_20120810.GetShardIterator",
      "DynamoDBStreams_20120810.GetRecords"};
  if (size == 0) return;
  base::ManualClock clock;
  Engine engine(clock);
  // A table with a local and a global index, a stream and Time to Live, so that writes reach
  // every part of the engine.
  engine.Handle("DynamoDB_20120810.CreateTable",
                R"({"TableName":"fuzz","BillingMode":"PAY_PER_REQUEST",)"
                R"("KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],)"
                R"("AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"},)"
                R"({"AttributeName":"g","AttributeType":"S"},{"AttributeName":"l","AttributeType":"N"}],)"
                R"("LocalSecondaryIndexes":[{"IndexName":"local","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},)"
                R"({"AttributeName":"l","KeyType":"RANGE"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}],)"
                R"("GlobalSecondaryIndexes":[{"IndexName":"global","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],)"
                R"("Projection":{"ProjectionType":"INCLUDE","NonKeyAttributes":["v"]}}],)"
                R"("StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"}})");
  engine.Handle("DynamoDB_20120810.UpdateTimeToLive",
                R"({"TableName":"fuzz","TimeToLiveSpecification":{"AttributeName":"ttl","Enabled":true}})");
  engine.Handle("DynamoDB_20120810.PutItem",
                R"({"TableName":"fuzz","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"g":{"S":"x"},"l":{"N":"2"},)"
                R"("ttl":{"N":"1"},"v":{"L":[{"S":"x"}]}}})");
  const std::string operation =
      kOperations[data[0] % (sizeof(kOperations) / sizeof(kOperations[0]))];
  const std::string target =
      operation.find('.') == std::string::npos ? "DynamoDB_20120810." + operation : operation;
  std::string body(reinterpret_cast<const char*>(data + 1), size - 1);
  Response response = engine.Handle(target, body);
  Require(response.status == 200 || response.status == 400);
  json parsed = json::parse(response.body, nullptr, false);
  Require(parsed.is_object());
  if (response.status == 400) Require(parsed.contains("__type"));
  // The engine still answers afterwards, and its clock can move on (the TTL sweeper runs).
  clock.Advance(100);
  Response after = engine.Handle("DynamoDB_20120810.Scan", R"({"TableName":"fuzz"})");
  Require(after.status == 200 || after.status == 400);
}

}  // namespace ddbpg::fuzz
