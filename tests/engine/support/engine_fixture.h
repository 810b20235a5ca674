// A test engine on a manual clock, and assertions on DynamoDB responses.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/engine.h"
#include "engine/partition/key_hash.h"
#include "engine/value/attribute_value.h"

namespace ddbpg::testing {

using json = nlohmann::json;

// A committed file of tests/engine/persist/testdata (written by an earlier version of the
// playground); empty when it cannot be read.
inline std::string ReadTestData(const std::string& name) {
  std::ifstream file(std::string(DDBPG_TESTDATA_DIR) + "/" + name, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

class EngineFixture : public ::testing::Test {
 protected:
  EngineFixture() : engine_(clock_) {}

  // Sends `body` to DynamoDB_20120810.<operation>.
  Response Call(const std::string& operation, const json& body) {
    return engine_.Handle("DynamoDB_20120810." + operation, body.dump());
  }
  // Sends and expects success, returning the parsed body.
  json Ok(const std::string& operation, const json& body) {
    Response response = Call(operation, body);
    EXPECT_EQ(response.status, 200) << operation << ": " << response.body;
    return json::parse(response.body);
  }

  // Sends `body` to Playground.<operation> and expects success, returning the parsed body.
  json Playground(const std::string& operation, const json& body) {
    Response response = engine_.Handle("Playground." + operation, body.dump());
    EXPECT_EQ(response.status, 200) << operation << ": " << response.body;
    return json::parse(response.body);
  }

  // A PROVISIONED table with a string partition key "pk".
  void CreateProvisioned(const std::string& name, int read, int write) {
    Ok("CreateTable",
       {{"TableName", name},
        {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
        {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}},
        {"ProvisionedThroughput", {{"ReadCapacityUnits", read}, {"WriteCapacityUnits", write}}}});
  }

  // A PAY_PER_REQUEST table with a string partition key "pk" and, when `sort_type` is given, a
  // sort key "sk" of that type.
  void CreateTable(const std::string& name, const std::string& sort_type = "") {
    json request = {{"TableName", name},
                    {"BillingMode", "PAY_PER_REQUEST"},
                    {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
                    {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}}};
    if (!sort_type.empty()) {
      request["KeySchema"].push_back({{"AttributeName", "sk"}, {"KeyType", "RANGE"}});
      request["AttributeDefinitions"].push_back(
          {{"AttributeName", "sk"}, {"AttributeType", sort_type}});
    }
    Ok("CreateTable", request);
  }

  // A second engine holding a committed snapshot (ReadTestData), as a playground reopening a
  // file an earlier version wrote; it lives as long as the test.
  Engine& RestoredFromTestData(const std::string& name) {
    const std::string snapshot = ReadTestData(name);
    EXPECT_FALSE(snapshot.empty()) << name;
    restored_ = std::make_unique<Engine>(restored_clock_);
    EXPECT_EQ(restored_->RestoreSnapshot(snapshot).error, "");
    return *restored_;
  }

  // A second engine restored from a snapshot of this one, on a clock at this one's time, as a
  // reopened playground starts; it lives as long as the test.
  Engine& RestoredFromSnapshot() {
    std::string error;
    const std::string snapshot = engine_.SaveSnapshot(&error);
    EXPECT_EQ(error, "");
    restored_clock_.Set(clock_.NowSeconds());
    restored_ = std::make_unique<Engine>(restored_clock_);
    EXPECT_EQ(restored_->RestoreSnapshot(snapshot).error, "");
    return *restored_;
  }

  // A string partition key of `table` on another of its partitions than `pk`'s (the hash ranges
  // GetMetrics shows): "<pk>-<n>" for the first n that is.
  std::string StringKeyOnAnotherPartition(const std::string& table, const std::string& pk) {
    const json partitions = Playground("GetMetrics", {{"TableName", table}})["Partitions"];
    EXPECT_GT(partitions.size(), 1u) << table << " has one partition";
    auto partition_of = [&](const std::string& key) {
      const uint64_t hash = partition::PartitionKeyHash(value::AttributeValue::String(key));
      for (size_t i = 0; i < partitions.size(); ++i) {
        const json& range = partitions[i]["HashRange"];
        if (hash >= std::stoull(range["Start"].get<std::string>()) &&
            hash <= std::stoull(range["End"].get<std::string>())) {
          return i;
        }
      }
      return partitions.size();
    };
    for (int n = 0;; ++n) {
      const std::string candidate = pk + "-" + std::to_string(n);
      if (partition_of(candidate) != partition_of(pk)) return candidate;
    }
  }

  // Moves the clock of the engine RestoredFromSnapshot made.
  void RestoredClockAdvance(double seconds) { restored_clock_.Advance(seconds); }

  base::ManualClock clock_;
  Engine engine_;

 private:
  base::ManualClock restored_clock_;
  std::unique_ptr<Engine> restored_;
};

// "ShortType: message" of an error response, or "OK" for a 200, so failures read well.
inline std::string ErrorOf(const Response& response) {
  if (response.status == 200) return "OK";
  json body = json::parse(response.body);
  std::string type = body.value("__type", "");
  type = type.substr(type.find('#') + 1);
  std::string message = body.contains("message") ? body["message"].get<std::string>()
                        : body.contains("Message") ? body["Message"].get<std::string>()
                                                   : "";
  return type + ": " + message;
}

}  // namespace ddbpg::testing
