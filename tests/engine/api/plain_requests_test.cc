// A plain PutItem or GetItem is read straight from its text (api/plain_put_item.h,
// api/plain_get_item.h); every other request goes through the tree and api::PutItem or
// api::GetItem. Both must answer alike and leave the same tables. Seeded random PutItems, plain and
// not (sets, binaries, nulls, bad numbers, unknown members, missing keys, unknown tables, items too
// large, nesting too deep, ...), go to two engines: one as sent, the other with the request's first
// member repeated at its end (tests/engine/support/plain_request_text.h). Then random GetItems,
// plain and not, go to both engines the same two ways.
//
// DDBPG_MODEL_CASES (requests, default kDefaultCases) and DDBPG_MODEL_SEED make a longer run.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "engine/api/plain_get_item.h"
#include "engine/api/plain_put_item.h"
#include "engine/base/clock.h"
#include "engine/engine.h"
#include "tests/engine/support/plain_request_text.h"

namespace ddbpg::testing {
namespace {

using model::Random;
using plain::Body;
using plain::PlainRequestsTest;
using plain::ScanAll;
using plain::ValueText;

constexpr const char* kPutItem = "DynamoDB_20120810.PutItem";

// One random PutItem as its members' texts ("name":value), in the order sent.
std::vector<std::string> RandomPutItem(Random& random, ValueText& values) {
  std::vector<std::string> members;
  static const std::vector<std::string> tables = {
      R"("plain")", R"("plain")", R"("sorted")", R"("sorted")", R"("missing")",
  };
  static const std::vector<std::string> bad_names = {R"("a")", R"("bad name!")", R"(5)", R"(null)"};
  if (!random.Chance(0.03)) {
    members.push_back(R"("TableName":)" + random.Pick(random.Chance(0.05) ? bad_names : tables));
  }

  if (!random.Chance(0.03)) {
    std::string item = "{";
    auto add = [&](const std::string& member) { item += (item.size() > 1 ? "," : "") + member; };
    static const std::vector<std::string> keys = {
        R"({"S":"k1"})", R"({"S":"k2"})", R"({"S":"k3"})",          R"({"S":"caf\u00e9"})",
        R"({"S":""})",   R"({"N":"1"})",  R"({"S":"k1","S":"k2"})",
    };
    if (!random.Chance(0.05)) add(R"("pk":)" + random.Pick(keys));
    if (random.Chance(0.6)) add(R"("sk":{"N":")" + std::to_string(random.Below(4)) + R"("})");
    const size_t count = random.Below(5);
    for (size_t i = 0; i < count; ++i) {
      add("\"" + std::string(1, static_cast<char>('a' + random.Below(6))) + "\"" + values.Space() +
          ":" + values.Any(0));
    }
    if (random.Chance(0.02)) add(R"("big":{"S":")" + std::string(410 * 1024, 'x') + R"("})");
    members.push_back(R"("Item":)" + item + "}");
  }
  struct Option {
    const char* member;
    std::vector<std::string> values;
  };
  static const std::vector<Option> options = {
      {"ReturnValues", {R"("NONE")", R"("ALL_OLD")", R"("ALL_NEW")", R"("all_old")", R"(1)"}},
      {"ReturnConsumedCapacity", {R"("TOTAL")", R"("INDEXES")", R"("NONE")", R"("SOME")"}},
      {"ReturnItemCollectionMetrics", {R"("SIZE")", R"("NONE")", R"("ALL")"}},
      {"ConditionExpression", {R"j("attribute_not_exists(pk)")j", R"j("attribute_exists(pk)")j"}},
      {"Expected", {R"({"pk":{"Exists":false}})"}},
      {"Unknown", {R"(1)"}},
  };
  for (const Option& option : options) {
    if (random.Chance(0.1))
      members.push_back("\"" + std::string(option.member) + "\":" + random.Pick(option.values));
  }
  // Members in a random order.
  for (size_t i = members.size(); i > 1; --i) std::swap(members[i - 1], members[random.Below(i)]);
  return members;
}

TEST_F(PlainRequestsTest, PutItemAnswersAndStoresAsTheGeneralPathDoes) {
  Random random(seed_);
  ValueText values(random);
  size_t read_plainly = 0;
  size_t stored_plainly = 0;
  for (uint64_t step = 0; step < cases_; ++step) {
    const std::vector<std::string> members = RandomPutItem(random, values);
    const auto [body, general_body] = AsSentAndRepeated(members, values.Space());
    if (!members.empty()) {
      ASSERT_FALSE(api::ReadPlainPutItem(general_body)) << general_body.substr(0, 300);
    }
    const bool plain_request = api::ReadPlainPutItem(body).has_value();
    read_plainly += plain_request;

    clock_.Advance(0.01);
    const Response answer = plain_.Handle(kPutItem, body);
    const Response expected = general_.Handle(kPutItem, general_body);
    ASSERT_EQ(answer.status, expected.status)
        << "seed " << seed_ << " step " << step << ": " << body.substr(0, 300);
    ASSERT_EQ(answer.body, expected.body)
        << "seed " << seed_ << " step " << step << ": " << body.substr(0, 300);
    stored_plainly += plain_request && answer.status == 200;
  }
  EXPECT_EQ(ScanAll(plain_, "plain"), ScanAll(general_, "plain"));
  EXPECT_EQ(ScanAll(plain_, "sorted"), ScanAll(general_, "sorted"));
  // Both ways were taken often: the comparison covers the plain reader, its refusals and the
  // checks it hands back (an unknown table, a missing key, an item too large).
  EXPECT_GT(read_plainly, cases_ / 5) << "plain requests";
  EXPECT_LT(read_plainly, cases_ * 4 / 5) << "plain requests";
  EXPECT_GT(stored_plainly, cases_ / 20) << "plain requests stored";
  EXPECT_LT(stored_plainly, read_plainly) << "plain requests handed back to the general path";
}

TEST_F(PlainRequestsTest, PutItemReadsOnlyWhatItCanAnswer) {
  for (const char* body : {
           R"({"TableName":"t_1","Item":{"pk":{"S":"a"}}})",
           R"( {"Item":{"pk":{"S":"a"},"n":{"N":"1.5"},"m":{"M":{"l":{"L":[{"NULL":true}]}}}},)"
           R"("TableName":"t.2","ReturnValues":"ALL_OLD","ReturnConsumedCapacity":"INDEXES",)"
           R"("ReturnItemCollectionMetrics":"SIZE"} )",
           "\xEF\xBB\xBF{\"TableName\":\"abc\",\"Item\":{}}",
       }) {
    EXPECT_TRUE(api::ReadPlainPutItem(body)) << body;
  }
  for (const char* body : {
           R"({"TableName":"t_1"})",
           R"({"Item":{"pk":{"S":"a"}}})",
           R"({"TableName":"t_1","Item":{"pk":{"S":"a"}},"TableName":"t_1"})",
           R"({"TableName":"ab","Item":{"pk":{"S":"a"}}})",
           R"({"TableName":"t 1","Item":{"pk":{"S":"a"}}})",
           R"({"TableName":"t_1","Item":{"pk":{"S":"a"}},"ReturnValues":"ALL_NEW"})",
           R"({"TableName":"t_1","Item":{"pk":{"S":"a"}},"ReturnValues":null})",
           R"({"TableName":"t_1","Item":{"pk":{"SS":["a"]}}})",
           R"({"TableName":"t_1","Item":{"pk":{"B":"AA=="}}})",
           R"({"TableName":"t_1","Item":{"pk":{"N":"1e999"}}})",
           R"({"TableName":"t_1","Item":{"pk":{"S":"a"},"pk":{"S":"b"}}})",
           R"({"TableName":"t_1","Item":{"pk":{"S":"a"}},"ConditionExpression":"x = y"})",
           R"({"TableName":"t_1","Item":{"pk":{"S":"a"}}} x)",
           R"({"TableName":"t_1","Item":{"pk":{"S":"a"}})",
           R"([])",
       }) {
    EXPECT_FALSE(api::ReadPlainPutItem(body)) << body;
  }
}

// One random GetItem as its members' texts, in the order sent.
std::vector<std::string> RandomGetItem(Random& random) {
  std::vector<std::string> members;
  static const std::vector<std::string> tables = {R"("plain")", R"("sorted")", R"("missing")"};
  static const std::vector<std::string> bad_names = {R"("a")", R"("bad name!")", R"(5)"};
  if (!random.Chance(0.03)) {
    members.push_back(R"("TableName":)" + random.Pick(random.Chance(0.05) ? bad_names : tables));
  }
  if (!random.Chance(0.03)) {
    static const std::vector<std::string> keys = {
        R"({"S":"k0"})",        R"({"S":"k1"})", R"({"S":"k2"})", R"({"S":"k9"})",
        R"({"S":"caf\u00e9"})", R"({"S":""})",   R"({"N":"1"})",  R"({"SS":["k1"]})",
    };
    std::string key = "{";
    auto add = [&](const std::string& member) { key += (key.size() > 1 ? "," : "") + member; };
    if (!random.Chance(0.05)) add(R"("pk":)" + random.Pick(keys));
    if (random.Chance(0.5)) {
      static const std::vector<std::string> sorts = {
          R"({"N":"0"})", R"({"N":"1.0"})", R"({"N":"3"})", R"({"N":"abc"})", R"({"S":"1"})"};
      add(R"("sk":)" + random.Pick(sorts));
    }
    if (random.Chance(0.05)) add(R"("a":{"S":"x"})");
    members.push_back(R"("Key":)" + key + "}");
  }
  struct Option {
    const char* member;
    std::vector<std::string> values;
  };
  static const std::vector<Option> options = {
      {"ConsistentRead", {"true", "false", R"("true")", "null"}},
      {"ReturnConsumedCapacity", {R"("TOTAL")", R"("INDEXES")", R"("NONE")", R"("SOME")"}},
      {"ProjectionExpression", {R"("pk, a")", R"("n")"}},
      {"AttributesToGet", {R"(["a"])"}},
      {"Unknown", {R"(1)"}},
  };
  for (const Option& option : options) {
    const double chance = std::string(option.member) == "ConsistentRead" ? 0.4 : 0.08;
    if (random.Chance(chance)) {
      members.push_back("\"" + std::string(option.member) + "\":" + random.Pick(option.values));
    }
  }
  for (size_t i = members.size(); i > 1; --i) std::swap(members[i - 1], members[random.Below(i)]);
  return members;
}

TEST_F(PlainRequestsTest, GetItemAnswersAsTheGeneralPathDoes) {
  for (Engine* engine : {&plain_, &general_}) {
    for (int k = 0; k < 3; ++k) {
      const std::string pk = R"({"S":"k)" + std::to_string(k) + R"("})";
      ASSERT_EQ(200, engine
                         ->Handle(kPutItem, R"({"TableName":"plain","Item":{"pk":)" + pk +
                                                R"(,"a":{"S":"x"},"n":{"N":"1.50"}}})")
                         .status);
      for (int sk = 0; sk < 3; ++sk) {
        ASSERT_EQ(200, engine
                           ->Handle(kPutItem, R"({"TableName":"sorted","Item":{"pk":)" + pk +
                                                  R"(,"sk":{"N":")" + std::to_string(sk) +
                                                  R"("},"a":{"S":"y"},"n":{"N":"-2"}}})")
                           .status);
      }
    }
  }
  Random random(seed_);
  size_t read_plainly = 0;
  size_t found_plainly = 0;
  for (uint64_t step = 0; step < cases_; ++step) {
    const std::vector<std::string> members = RandomGetItem(random);
    const auto [body, general_body] = AsSentAndRepeated(members, "");
    if (!members.empty()) ASSERT_FALSE(api::ReadPlainGetItem(general_body)) << general_body;
    const bool plain_request = api::ReadPlainGetItem(body).has_value();
    read_plainly += plain_request;

    clock_.Advance(0.01);
    const Response answer = plain_.Handle("DynamoDB_20120810.GetItem", body);
    const Response expected = general_.Handle("DynamoDB_20120810.GetItem", general_body);
    ASSERT_EQ(answer.status, expected.status)
        << "seed " << seed_ << " step " << step << ": " << body;
    ASSERT_EQ(answer.body, expected.body) << "seed " << seed_ << " step " << step << ": " << body;
    found_plainly += plain_request && answer.body.find("\"Item\"") != std::string::npos;
  }
  EXPECT_GT(read_plainly, cases_ / 5) << "plain requests";
  EXPECT_LT(read_plainly, cases_ * 4 / 5) << "plain requests";
  EXPECT_GT(found_plainly, cases_ / 40) << "plain requests that found their item";
}

TEST_F(PlainRequestsTest, GetItemReadsOnlyWhatItCanAnswer) {
  for (const char* body : {
           R"({"TableName":"t_1","Key":{"pk":{"S":"a"}}})",
           R"({"Key":{"pk":{"S":"a"},"sk":{"N":"1"}},"ConsistentRead":true,"TableName":"abc",)"
           R"("ReturnConsumedCapacity":"TOTAL"})",
       }) {
    EXPECT_TRUE(api::ReadPlainGetItem(body)) << body;
  }
  for (const char* body : {
           R"({"TableName":"t_1"})",
           R"({"TableName":"t_1","Key":{"pk":{"S":"a"}},"ConsistentRead":"true"})",
           R"({"TableName":"t_1","Key":{"pk":{"S":"a"}},"ProjectionExpression":"a"})",
           R"({"TableName":"t_1","Key":{"pk":{"S":"a"}},"Key":{"pk":{"S":"a"}}})",
           R"({"TableName":"t_1","Key":{"pk":{"B":"AA=="}}})",
       }) {
    EXPECT_FALSE(api::ReadPlainGetItem(body)) << body;
  }
}

}  // namespace
}  // namespace ddbpg::testing
