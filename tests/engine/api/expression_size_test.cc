// Every expression is limited to 4,096 bytes as sent; the refusal names the size only where the
// service's does (captured in 2026): a Scan's expressions and a transaction action's condition,
// never an UpdateExpression.
#include <gtest/gtest.h>

#include <string>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

const std::string kOver = "ValidationException: Invalid ";
const std::string kSize = ": Expression size has exceeded the maximum allowed size;";

// A condition of exactly `bytes` bytes that holds for any item.
std::string Condition(size_t bytes) {
  const std::string head = "attribute_not_exists(";
  return head + std::string(bytes - head.size() - 1, 'a') + ")";
}

class ExpressionSizeTest : public EngineFixture {
 protected:
  void SetUp() override { CreateTable("Sizes"); }
  static json Key() { return {{"pk", {{"S", "k"}}}}; }
};

TEST_F(ExpressionSizeTest, FourKilobytesAreAcceptedAndOneByteMoreRefused) {
  Ok("PutItem", {{"TableName", "Sizes"}, {"Item", Key()}, {"ConditionExpression", Condition(4096)}});
  EXPECT_EQ(ErrorOf(Call("PutItem", {{"TableName", "Sizes"},
                                     {"Item", Key()},
                                     {"ConditionExpression", Condition(4097)}})),
            "ValidationException: 1 validation error detected: Invalid ConditionExpression" + kSize);
}

TEST_F(ExpressionSizeTest, OnlyAScanAndATransactionsConditionNameTheSize) {
  const std::string filter = Condition(4097);
  EXPECT_EQ(ErrorOf(Call("Scan", {{"TableName", "Sizes"}, {"FilterExpression", filter}})),
            kOver + "FilterExpression" + kSize + " expression size: 4097");
  EXPECT_EQ(ErrorOf(Call("Query", {{"TableName", "Sizes"},
                                   {"KeyConditionExpression", "pk = :k"},
                                   {"FilterExpression", filter},
                                   {"ExpressionAttributeValues", {{":k", {{"S", "k"}}}}}})),
            kOver + "FilterExpression" + kSize);
  EXPECT_EQ(ErrorOf(Call("GetItem", {{"TableName", "Sizes"},
                                     {"Key", Key()},
                                     {"ProjectionExpression", std::string(4097, 'p')}})),
            kOver + "ProjectionExpression" + kSize);
  EXPECT_EQ(ErrorOf(Call("TransactWriteItems",
                         {{"TransactItems",
                           {{{"Put", {{"TableName", "Absent"}, {"Item", Key()},
                                      {"ConditionExpression", filter}}}}}}})),
            kOver + "ConditionExpression" + kSize + " expression size: 4097");
  const std::string update = "SET " + std::string(4089, 'u') + " = :v";
  const json values = {{":v", {{"S", "x"}}}};
  EXPECT_EQ(ErrorOf(Call("TransactWriteItems",
                         {{"TransactItems",
                           {{{"Update", {{"TableName", "Sizes"}, {"Key", Key()},
                                         {"UpdateExpression", update},
                                         {"ExpressionAttributeValues", values}}}}}}})),
            kOver + "UpdateExpression" + kSize);
  EXPECT_EQ(ErrorOf(Call("UpdateItem", {{"TableName", "Sizes"},
                                        {"Key", Key()},
                                        {"UpdateExpression", update},
                                        {"ExpressionAttributeValues", values}})),
            "ValidationException: 1 validation error detected: Invalid UpdateExpression" + kSize);
  EXPECT_EQ(Ok("Scan", {{"TableName", "Sizes"}})["Count"], 0);
}

}  // namespace
}  // namespace ddbpg::testing
