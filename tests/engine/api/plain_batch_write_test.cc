// A plain BatchWriteItem is read straight from its text (api/plain_batch_write.h); every other
// goes through the tree and api::BatchWriteItem. Both must answer alike and leave the same tables.
// Seeded random batches, plain and not (bad counts, WriteRequests with neither or both actions,
// unknown members, values of every kind, keys twice, unknown tables, items too large, throttled
// writes left unprocessed, ...), go to two engines: one as sent, the other with the request's first
// member repeated at its end (tests/engine/support/plain_request_text.h).
//
// DDBPG_MODEL_CASES (requests, default kDefaultCases) and DDBPG_MODEL_SEED make a longer run.
#include "engine/api/plain_batch_write.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/engine.h"
#include "tests/engine/support/plain_request_text.h"

namespace ddbpg::testing {
namespace {

using model::Random;
using plain::PlainRequestsTest;
using plain::ScanAll;
using plain::ValueText;

constexpr const char* kBatchWriteItem = "DynamoDB_20120810.BatchWriteItem";

// A key of the tables' small key space, so that writes meet and repeat; now and then one no
// table takes.
std::string RandomKey(Random& random) {
  static const std::vector<std::string> partitions = {R"({"S":"k1"})", R"({"S":"k2"})",
                                                      R"({"S":"k3"})", R"({"S":"caf\u00e9"})"};
  static const std::vector<std::string> odd_partitions = {R"({"S":""})", R"({"N":"1"})"};
  std::string key = "{";
  if (!random.Chance(0.02)) {
    key += R"("pk":)" + random.Pick(random.Chance(0.03) ? odd_partitions : partitions);
  }
  if (random.Chance(0.85)) {
    key += std::string(key.size() > 1 ? "," : "") + R"("sk":{"N":")" +
           std::to_string(random.Below(10)) + R"("})";
  }
  return key + "}";
}

// `padding` bytes more make each write cost that many more write units.
std::string RandomItem(Random& random, ValueText& values, size_t padding) {
  std::string item = RandomKey(random);
  item.pop_back();
  if (padding > 0) {
    item += std::string(item.size() > 1 ? "," : "") + R"("pad":{"S":")" +
            std::string(padding, 'p') + R"("})";
  }
  const size_t count = random.Below(3);
  for (size_t i = 0; i < count; ++i) {
    item += std::string(item.size() > 1 ? "," : "") + "\"" +
            std::string(1, static_cast<char>('a' + random.Below(6))) + "\":" + values.Any(0);
  }
  if (random.Chance(0.004)) item += R"(,"big":{"S":")" + std::string(410 * 1024, 'x') + R"("})";
  return item + "}";
}

std::string RandomWriteRequest(Random& random, ValueText& values, size_t padding) {
  static const std::vector<std::string> odd = {
      "{}",
      "null",
      R"({"PutRequest":{"Item":{"pk":{"S":"k1"}}},"DeleteRequest":{"Key":{"pk":{"S":"k1"}}}})",
      R"({"PutRequest":null})",
      R"({"PutRequest":{}})",
      R"({"DeleteRequest":{"Key":null}})",
      R"({"PutRequest":{"Item":{"pk":{"S":"k1"}},"Other":1}})",
      R"({"Other":{}})",
      R"({"PutRequest":{"Item":{"pk":{"S":"k1"}}},"PutRequest":{"Item":{"pk":{"S":"k2"}}}})",
  };
  if (random.Chance(0.02)) return random.Pick(odd);
  if (random.Chance(0.7)) {
    return R"({"PutRequest":{"Item":)" + RandomItem(random, values, padding) + "}}";
  }
  return R"({"DeleteRequest":{"Key":)" + RandomKey(random) + "}}";
}

std::string RandomWriteRequests(Random& random, ValueText& values, size_t padding) {
  static const std::vector<std::string> odd = {"null", "{}", "[]", R"("x")"};
  if (random.Chance(0.02)) return random.Pick(odd);
  const size_t count = random.Chance(0.02) ? 26 : 1 + random.Below(4);
  std::string text = "[";
  for (size_t i = 0; i < count; ++i) {
    text += (i ? "," : "") + RandomWriteRequest(random, values, padding);
  }
  return text + "]";
}

// RequestItems of one or two tables (the same one twice now and then), "slow" being
// provisioned at 1 WCU and its items padded to 20 KB, so that its writes come back unprocessed
// once its burst (300 units) is spent.
std::string RandomRequestItems(Random& random, ValueText& values) {
  static const std::vector<std::string> odd = {"null", "[]", "{}", "1"};
  if (random.Chance(0.02)) return random.Pick(odd);
  static const std::vector<std::string> tables = {"plain", "plain", "sorted", "sorted", "slow"};
  static const std::vector<std::string> bad_names = {"ab", "bad name!"};
  std::string text = "{";
  const size_t count = 1 + random.Below(2);
  for (size_t i = 0; i < count; ++i) {
    const std::string& name = random.Chance(0.02)   ? std::string("missing")
                              : random.Chance(0.02) ? random.Pick(bad_names)
                                                    : random.Pick(tables);
    const size_t padding = name == "slow" ? 20 * 1024 : 0;
    text += (i ? "," : "") + ("\"" + name + "\":") + RandomWriteRequests(random, values, padding);
  }
  return text + "}";
}

std::vector<std::string> RandomBatchWrite(Random& random, ValueText& values) {
  std::vector<std::string> members;
  if (!random.Chance(0.03))
    members.push_back(R"("RequestItems":)" + RandomRequestItems(random, values));
  struct Option {
    const char* member;
    std::vector<std::string> values;
  };
  static const std::vector<Option> options = {
      {"ReturnConsumedCapacity", {R"("TOTAL")", R"("INDEXES")", R"("NONE")", R"("SOME")"}},
      {"ReturnItemCollectionMetrics", {R"("SIZE")", R"("NONE")", R"("ALL")", "1"}},
      {"Unknown", {"1"}},
  };
  for (const Option& option : options) {
    const double chance = std::string(option.member) == "Unknown" ? 0.03 : 0.3;
    if (random.Chance(chance)) {
      members.push_back("\"" + std::string(option.member) + "\":" + random.Pick(option.values));
    }
  }
  for (size_t i = members.size(); i > 1; --i) std::swap(members[i - 1], members[random.Below(i)]);
  return members;
}

void CreateSlowTable(Engine& engine) {
  ASSERT_EQ(200,
            engine
                .Handle("DynamoDB_20120810.CreateTable",
                        R"({"TableName":"slow","BillingMode":"PROVISIONED",)"
                        R"("ProvisionedThroughput":{"ReadCapacityUnits":1,)"
                        R"("WriteCapacityUnits":1},)"
                        R"("KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],)"
                        R"("AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}]})")
                .status);
}

TEST_F(PlainRequestsTest, BatchWriteItemAnswersAndStoresAsTheGeneralPathDoes) {
  CreateSlowTable(plain_);
  CreateSlowTable(general_);
  Random random(seed_);
  ValueText values(random);
  size_t read_plainly = 0;
  size_t written_plainly = 0;
  size_t left_unprocessed_plainly = 0;
  for (uint64_t step = 0; step < cases_; ++step) {
    const std::vector<std::string> members = RandomBatchWrite(random, values);
    const auto [body, general_body] = AsSentAndRepeated(members, values.Space());
    if (!members.empty()) {
      ASSERT_FALSE(api::ReadPlainBatchWrite(general_body)) << general_body.substr(0, 300);
    }
    const bool plain_request = api::ReadPlainBatchWrite(body).has_value();
    read_plainly += plain_request;

    clock_.Advance(0.01);
    const Response answer = plain_.Handle(kBatchWriteItem, body);
    const Response expected = general_.Handle(kBatchWriteItem, general_body);
    ASSERT_EQ(answer.status, expected.status)
        << "seed " << seed_ << " step " << step << ": " << body.substr(0, 300);
    ASSERT_EQ(answer.body, expected.body)
        << "seed " << seed_ << " step " << step << ": " << body.substr(0, 300);
    if (plain_request && answer.status == 200) {
      ++written_plainly;
      left_unprocessed_plainly += answer.body.find(R"("UnprocessedItems":{})") == std::string::npos;
    }
  }
  for (const char* table : {"plain", "sorted", "slow"}) {
    EXPECT_EQ(ScanAll(plain_, table), ScanAll(general_, table)) << table;
  }
  // Both ways were taken often: the comparison covers the plain reader, its refusals, the checks
  // it hands back (an unknown table, a key twice or not the table's) and UnprocessedItems.
  EXPECT_GT(read_plainly, cases_ / 5) << "plain requests";
  EXPECT_LT(read_plainly, cases_ * 4 / 5) << "plain requests";
  EXPECT_GT(written_plainly, cases_ / 20) << "plain requests written";
  EXPECT_LT(written_plainly, read_plainly) << "plain requests handed back to the general path";
  EXPECT_GT(left_unprocessed_plainly, 0u) << "plain requests with writes left unprocessed";
}

TEST_F(PlainRequestsTest, BatchWriteItemReadsOnlyWhatItCanAnswer) {
  for (const char* body : {
           R"({"RequestItems":{"t_1":[{"PutRequest":{"Item":{"pk":{"S":"a"}}}}]}})",
           R"({"ReturnConsumedCapacity":"TOTAL","RequestItems":{"t_2":[)"
           R"({"DeleteRequest":{"Key":{"pk":{"S":"a"}}}}],"t_1":[)"
           R"({"PutRequest":{"Item":{"pk":{"S":"a"},"m":{"M":{}}}}}]},)"
           R"("ReturnItemCollectionMetrics":"SIZE"})",
       }) {
    EXPECT_TRUE(api::ReadPlainBatchWrite(body)) << body;
  }
  std::string twenty_six = R"({"RequestItems":{"t_1":[)";
  for (int i = 0; i < 26; ++i) {
    twenty_six += std::string(i ? "," : "") + R"({"PutRequest":{"Item":{"pk":{"S":"k)" +
                  std::to_string(i) + R"("}}}})";
  }
  twenty_six += "]}}";
  for (const std::string& body : {
           std::string(R"({"RequestItems":{}})"),
           std::string(R"({"RequestItems":{"t_1":[]}})"),
           std::string(R"({"RequestItems":{"ab":[{"PutRequest":{"Item":{"pk":{"S":"a"}}}}]}})"),
           std::string(R"({"RequestItems":{"t_1":[{"PutRequest":{"Item":{"pk":{"S":"a"}}}}],)"
                       R"("t_1":[{"PutRequest":{"Item":{"pk":{"S":"b"}}}}]}})"),
           std::string(R"({"RequestItems":{"t_1":[{}]}})"),
           std::string(R"({"RequestItems":{"t_1":[{"PutRequest":{"Key":{"pk":{"S":"a"}}}}]}})"),
           std::string(R"({"RequestItems":{"t_1":[{"PutRequest":{"Item":{"pk":{"B":"AA=="}}}}]}})"),
           std::string(R"({"RequestItems":{"t_1":[{"PutRequest":{"Item":{"pk":{"S":"a"}}}}]},)"
                       R"("ReturnConsumedCapacity":"SOME"})"),
           twenty_six,
       }) {
    EXPECT_FALSE(api::ReadPlainBatchWrite(body)) << body;
  }
}

}  // namespace
}  // namespace ddbpg::testing
