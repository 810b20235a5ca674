// What the tests of the plain request readers share (tests/engine/api/plain_requests_test.cc,
// plain_batch_write_test.cc): random JSON text for AttributeValues, plain and not, a request body
// from its members' texts, and a fixture of two engines with the same tables, one sent each
// request as it is, the other the same request with a member repeated, which the plain readers
// refuse and the tree reads as the same request (a repeated member keeps its last value).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "engine/base/clock.h"
#include "engine/engine.h"
#include "tests/engine/support/model_random.h"

namespace ddbpg::testing::plain {

using model::Random;

inline constexpr uint64_t kDefaultSeed = 20261205;
inline constexpr uint64_t kDefaultCases = 3000;

// Random JSON text for one AttributeValue: mostly plain values, some of every other kind.
class ValueText {
 public:
  explicit ValueText(Random& random) : random_(random) {}

  std::string Any(int depth) {
    if (random_.Chance(0.04)) return Unusual(depth);
    switch (random_.Below(depth > 3 ? 5 : 7)) {
      case 0:
      case 1:
        return R"({"S":)" + String() + "}";
      case 2:
        return R"({"N":")" + NumberText() + R"("})";
      case 3:
        return random_.Chance(0.5) ? R"({"BOOL":true})" : R"({"BOOL":false})";
      case 4:
        return random_.Chance(0.9) ? R"({"NULL":true})" : R"({"NULL":false})";
      case 5:
        return R"({"M":)" + Members(depth + 1) + "}";
      default:
        return R"({"L":)" + Elements(depth + 1) + "}";
    }
  }

  std::string Members(int depth) {
    std::string text = "{";
    const size_t count = random_.Below(4);
    for (size_t i = 0; i < count; ++i) {
      if (i) text += Space() + "," + Space();
      text += "\"" + std::string(1, static_cast<char>('a' + random_.Below(5))) + "\"" + Space() +
              ":" + Space() + Any(depth);
    }
    return text + "}";
  }

  std::string String() {
    static const std::vector<std::string> pieces = {
        "a", "Zz", "caf\xC3\xA9", "\\n", "\\u00e9", "\\\"", "\\\\", " ", "\\ud83d\\ude00", "\\/",
    };
    std::string text = "\"";
    const size_t count = random_.Below(4);
    for (size_t i = 0; i < count; ++i) text += random_.Pick(pieces);
    return text + "\"";
  }

  std::string Space() { return random_.Chance(0.1) ? " \n\t" : ""; }

 private:
  std::string NumberText() {
    static const std::vector<std::string> numbers = {
        "1", "-0", "1.50", "1e3", "0.0001", "-12.5E-2", "99999999999999999999999999999999999999",
    };
    // Refused by the service: the general path reports them.
    static const std::vector<std::string> refused = {
        "abc", "1e200", "", "123456789012345678901234567890123456789", " 1", "0x10",
    };
    return random_.Pick(random_.Chance(0.05) ? refused : numbers);
  }

  std::string Elements(int depth) {
    std::string text = "[";
    const size_t count = random_.Below(4);
    for (size_t i = 0; i < count; ++i) text += (i ? "," : "") + Any(depth);
    return text + "]";
  }

  // What only the general path takes, or refuses with the service's error.
  std::string Unusual(int depth) {
    static const std::vector<std::string> values = {
        R"({"SS":["a","b"]})",
        R"({"SS":["a","a"]})",
        R"({"SS":[]})",
        R"({"NS":["1","2"]})",
        R"({"NS":["1","1.0"]})",
        R"({"BS":["AAE="]})",
        R"({"B":"AAEC"})",
        R"({"B":"abc"})",
        R"({})",
        R"({"S":"a","N":"1"})",
        R"({"S":null})",
        R"(null)",
        R"({"S":1})",
        R"({"X":"y"})",
        R"({"S":"a","X":"y"})",
        R"({"BOOL":"true"})",
        R"({"M":[]})",
        R"({"L":{}})",
        R"({"M":{"a":{"S":"x"},"a":{"N":"1"}}})",
    };
    if (random_.Chance(0.1)) {
      // Nested past the service's 32 levels.
      std::string deep = R"({"S":"bottom"})";
      for (int i = 0; i < 33 - depth; ++i) deep = R"({"L":[)" + deep + "]}";
      return deep;
    }
    return random_.Pick(values);
  }

  Random& random_;
};

inline std::string Body(const std::vector<std::string>& members, const std::string& space) {
  std::string body = "{" + space;
  for (size_t i = 0; i < members.size(); ++i) body += (i ? "," + space : "") + members[i];
  return body + space + "}";
}

// The table's every item, as a consistent Scan answers.
inline std::string ScanAll(Engine& engine, const std::string& table) {
  return engine
      .Handle("DynamoDB_20120810.Scan", R"({"TableName":")" + table + R"(","ConsistentRead":true})")
      .body;
}

// The two tables every run writes: one keyed "pk", one "pk" and "sk" with a local index on "a".
inline void CreateTables(Engine& engine) {
  ASSERT_EQ(200,
            engine
                .Handle("DynamoDB_20120810.CreateTable",
                        R"({"TableName":"plain","BillingMode":"PAY_PER_REQUEST",)"
                        R"("KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],)"
                        R"("AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}]})")
                .status);
  ASSERT_EQ(
      200,
      engine
          .Handle(
              "DynamoDB_20120810.CreateTable",
              R"({"TableName":"sorted","BillingMode":"PAY_PER_REQUEST",)"
              R"("KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},)"
              R"({"AttributeName":"sk","KeyType":"RANGE"}],)"
              R"("AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},)"
              R"({"AttributeName":"sk","AttributeType":"N"},)"
              R"({"AttributeName":"a","AttributeType":"S"}],)"
              R"("LocalSecondaryIndexes":[{"IndexName":"by_a","KeySchema":[)"
              R"({"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"a","KeyType":"RANGE"}],)"
              R"("Projection":{"ProjectionType":"ALL"}}]})")
          .status);
}

// Two engines on one clock with the same tables: `plain` gets each request as sent, `general`
// the same request with its first member repeated, which only the tree reader reads.
class PlainRequestsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    CreateTables(plain_);
    CreateTables(general_);
  }

  // The request as sent, and as only the general path reads it.
  static std::pair<std::string, std::string> AsSentAndRepeated(
      const std::vector<std::string>& members, const std::string& space) {
    std::vector<std::string> repeated = members;
    if (!members.empty()) repeated.push_back(members.front());
    return {Body(members, space), Body(repeated, space)};
  }

  const uint64_t seed_ = model::EnvNumber("DDBPG_MODEL_SEED", kDefaultSeed);
  const uint64_t cases_ = model::EnvNumber("DDBPG_MODEL_CASES", kDefaultCases);
  base::ManualClock clock_;
  Engine plain_{clock_};
  Engine general_{clock_};
};

}  // namespace ddbpg::testing::plain
