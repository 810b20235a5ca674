// The service checks attribute values in one of two layers, and the operation decides which
// (captured in eu-west-2, us-east-1, eu-west-1 and us-west-2, 2026; value::ValueLayer). The
// current layer (PutItem, UpdateItem, DeleteItem inside their envelope; GetItem, BatchGetItem,
// Query and the transactions bare) reports a bad number or a duplicate set member as it is,
// wherever the value sits; the older layer (BatchWriteItem, Scan) words them as Java's
// BigDecimal reads and prints them, and names an expression value's key around its fault.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

const std::string kNotNumeric = "The parameter cannot be converted to a numeric value";
const std::string kOverflow =
    "Number overflow. Attempting to store a number with magnitude larger than supported range";
const std::string kUnderflow =
    "Number underflow. Attempting to store a number with magnitude smaller than supported range";
const std::string kInvalid = "One or more parameter values were invalid: ";
const std::string kOne = "ValidationException: 1 validation error detected: ";
const std::string kBare = "ValidationException: ";

// The four malformed numbers sent everywhere, and each layer's answer to them.
const std::vector<std::string> kShapes = {"abc", "", "1e126", "1e2147483647"};
const std::vector<std::string> kCurrent = {kNotNumeric + ": abc", kNotNumeric + ": ", kOverflow,
                                           kOverflow};
const std::vector<std::string> kOlder = {kNotNumeric + ": abc", kNotNumeric, kOverflow,
                                         kUnderflow};

// Sets with a repeated member, not in order, and each layer's answer.
const std::vector<json> kDuplicates = {{{"SS", {"b", "a", "b"}}},
                                       {{"BS", {"/w==", "AA==", "AA=="}}},
                                       {{"NS", {"2", "1", "2"}}}};
const std::vector<std::string> kDuplicatesCurrent = {
    kInvalid + "Input collection [\"a\", \"b\", \"b\"] contains duplicates.",
    kInvalid + "Input collection [\"AA==\",\"/w==\",\"AA==\"]of type BS contains duplicates.",
    kInvalid + "Input collection contains duplicates."};
const std::vector<std::string> kDuplicatesOlder = {
    kInvalid + "Input collection [b, a, b] contains duplicates.",
    kInvalid + "Input collection [/w==, AA==, AA==]of type BS contains duplicates.",
    "Input collection contains duplicates"};

class ValueLayersTest : public EngineFixture {
 protected:
  void SetUp() override { CreateTable("Layers"); }
  static json Key() { return {{"pk", {{"S", "k"}}}}; }
  std::string Refusal(const std::string& operation, const json& request) {
    return ErrorOf(Call(operation, request));
  }
};

TEST_F(ValueLayersTest, TheCurrentLayerReportsAnExpressionValuesNumberWithoutItsKey) {
  for (size_t i = 0; i < kShapes.size(); ++i) {
    const json value = {{":v", {{"N", kShapes[i]}}}};
    EXPECT_EQ(Refusal("PutItem", {{"TableName", "Layers"},
                                  {"Item", Key()},
                                  {"ConditionExpression", "attribute_not_exists(pk) OR n = :v"},
                                  {"ExpressionAttributeValues", value}}),
              kOne + kCurrent[i])
        << kShapes[i];
    EXPECT_EQ(Refusal("UpdateItem", {{"TableName", "Layers"},
                                     {"Key", Key()},
                                     {"UpdateExpression", "SET n = :v"},
                                     {"ExpressionAttributeValues", value}}),
              kOne + kCurrent[i])
        << kShapes[i];
    EXPECT_EQ(Refusal("DeleteItem", {{"TableName", "Layers"},
                                     {"Key", Key()},
                                     {"ConditionExpression", "n = :v"},
                                     {"ExpressionAttributeValues", value}}),
              kOne + kCurrent[i])
        << kShapes[i];
    json query_values = value;
    query_values[":p"] = {{"S", "k"}};
    EXPECT_EQ(Refusal("Query", {{"TableName", "Layers"},
                                {"KeyConditionExpression", "pk = :p"},
                                {"FilterExpression", "n = :v"},
                                {"ExpressionAttributeValues", query_values}}),
              kBare + kCurrent[i])
        << kShapes[i];
    EXPECT_EQ(Refusal("TransactWriteItems",
                      {{"TransactItems",
                        {{{"Update", {{"TableName", "Layers"},
                                      {"Key", Key()},
                                      {"UpdateExpression", "SET n = :v"},
                                      {"ExpressionAttributeValues", value}}}}}}}),
              kBare + kCurrent[i])
        << kShapes[i];
  }
}

TEST_F(ValueLayersTest, TheOlderLayerReadsNumbersAsBigDecimalDoes) {
  for (size_t i = 0; i < kShapes.size(); ++i) {
    json item = Key();
    item["n"] = {{"N", kShapes[i]}};
    EXPECT_EQ(Refusal("BatchWriteItem",
                      {{"RequestItems", {{"Layers", {{{"PutRequest", {{"Item", item}}}}}}}}}),
              kBare + kOlder[i])
        << kShapes[i];
    EXPECT_EQ(Refusal("Scan", {{"TableName", "Layers"},
                               {"FilterExpression", "n = :v"},
                               {"ExpressionAttributeValues", {{":v", {{"N", kShapes[i]}}}}}}),
              kBare + "ExpressionAttributeValues contains invalid value: " + kOlder[i] +
                  " for key :v")
        << kShapes[i];
  }
}

// The older layer's exponent and scale are 32-bit integers; the current layer's exponent 64-bit.
TEST_F(ValueLayersTest, TheOlderLayerCannotConvertAnExponentPast32Bits) {
  for (const std::string text : {"1e2147483648", "1e-2147483648", "1.5e-2147483647"}) {
    json item = Key();
    item["n"] = {{"N", text}};
    EXPECT_EQ(Refusal("BatchWriteItem",
                      {{"RequestItems", {{"Layers", {{{"PutRequest", {{"Item", item}}}}}}}}}),
              kBare + kNotNumeric + ": " + text);
  }
  json item = Key();
  item["n"] = {{"N", "1e2147483648"}};
  EXPECT_EQ(Refusal("PutItem", {{"TableName", "Layers"}, {"Item", item}}), kOne + kOverflow);
}

TEST_F(ValueLayersTest, EachLayerPrintsADuplicateSetMemberItsOwnWay) {
  for (size_t i = 0; i < kDuplicates.size(); ++i) {
    const json value = {{":t", kDuplicates[i]}};
    EXPECT_EQ(Refusal("PutItem", {{"TableName", "Layers"},
                                  {"Item", Key()},
                                  {"ConditionExpression", "attribute_not_exists(pk) OR s = :t"},
                                  {"ExpressionAttributeValues", value}}),
              kOne + kDuplicatesCurrent[i]);
    EXPECT_EQ(Refusal("Query", {{"TableName", "Layers"},
                                {"KeyConditionExpression", "pk = :t"},
                                {"ExpressionAttributeValues", value}}),
              kBare + kDuplicatesCurrent[i]);
    json item = Key();
    item["s"] = kDuplicates[i];
    EXPECT_EQ(Refusal("BatchWriteItem",
                      {{"RequestItems", {{"Layers", {{{"PutRequest", {{"Item", item}}}}}}}}}),
              kBare + kDuplicatesOlder[i]);
    EXPECT_EQ(Refusal("BatchWriteItem",
                      {{"RequestItems",
                        {{"Layers", {{{"DeleteRequest", {{"Key", {{"pk", kDuplicates[i]}}}}}}}}}}}),
              kBare + kDuplicatesOlder[i]);
    for (const char* action : {"Put", "Delete", "ConditionCheck"}) {
      json body = {{"TableName", "Layers"},
                   {"ConditionExpression", "attribute_not_exists(pk) OR s = :t"},
                   {"ExpressionAttributeValues", value}};
      body[std::string(action) == "Put" ? "Item" : "Key"] = Key();
      EXPECT_EQ(Refusal("TransactWriteItems", {{"TransactItems", {{{action, body}}}}}),
                kBare + kDuplicatesCurrent[i])
          << action;
    }
  }
}

// Faults of a value's shape are not the layers': an expression value's still names its key.
TEST_F(ValueLayersTest, AnExpressionValuesOtherFaultsStillNameItsKey) {
  EXPECT_EQ(Refusal("PutItem", {{"TableName", "Layers"},
                                {"Item", Key()},
                                {"ConditionExpression", "n = :v"},
                                {"ExpressionAttributeValues", {{":v", json::object()}}}}),
            kOne + "ExpressionAttributeValues contains invalid value: Supplied AttributeValue is "
                   "empty, must contain exactly one of the supported datatypes for key :v");
  EXPECT_EQ(Refusal("Query", {{"TableName", "Layers"},
                              {"KeyConditionExpression", "pk = :p"},
                              {"FilterExpression", "s = :t"},
                              {"ExpressionAttributeValues",
                               {{":p", {{"S", "k"}}}, {":t", {{"SS", json::array()}}}}}}),
            kBare + "ExpressionAttributeValues contains invalid value: " + kInvalid +
                "An string set  may not be empty for key :t");
  // Nothing was written by any refusal above.
  EXPECT_FALSE(Ok("GetItem", {{"TableName", "Layers"}, {"Key", Key()}}).contains("Item"));
}

}  // namespace
}  // namespace ddbpg::testing
