#include <gtest/gtest.h>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

class SnapshotTest : public EngineFixture {};

TEST_F(SnapshotTest, DescribesPartitionsTrafficAndHotKeysFromMemory) {
  CreateTable("Heat");
  for (int i = 0; i < 3; ++i) {
    Ok("PutItem", {{"TableName", "Heat"}, {"Item", {{"pk", {{"S", "hot"}}}}}});
  }
  Ok("PutItem", {{"TableName", "Heat"}, {"Item", {{"pk", {{"S", "cold"}}}}}});
  EXPECT_EQ(engine_.TableNames(), std::vector<std::string>{"Heat"});

  HeatSnapshot snapshot;
  ASSERT_TRUE(engine_.Snapshot("Heat", 60, &snapshot));
  EXPECT_EQ(snapshot.table, "Heat");
  EXPECT_EQ(snapshot.partitions.size(), 8u);
  EXPECT_TRUE(snapshot.throttling_enforced);
  EXPECT_EQ(snapshot.write_limit, 1000);
  EXPECT_EQ(snapshot.read_limit, 3000);
  double written = 0;
  long long items = 0;
  for (const HeatPartition& partition : snapshot.partitions) {
    items += partition.item_count;
    for (const HeatSecond& second : partition.seconds) written += second.write_units;
  }
  EXPECT_EQ(items, 2);
  EXPECT_EQ(written, 4);
  ASSERT_FALSE(snapshot.hot_keys.empty());
  EXPECT_EQ(snapshot.hot_keys[0].key, "S:hot");
  EXPECT_EQ(snapshot.hot_keys[0].writes, 3);
  EXPECT_DOUBLE_EQ(snapshot.on_demand_cost, 4 * 0.625 / 1e6);
  EXPECT_FALSE(engine_.Snapshot("Missing", 60, &snapshot));
}

TEST_F(SnapshotTest, GlobalIndexPartitionsFollowTheTables) {
  Ok("CreateTable",
     json::parse(R"({"TableName": "Users", "BillingMode": "PAY_PER_REQUEST",
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
        "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                                 {"AttributeName": "email", "AttributeType": "S"}],
        "GlobalSecondaryIndexes": [{"IndexName": "ByEmail",
          "KeySchema": [{"AttributeName": "email", "KeyType": "HASH"}],
          "Projection": {"ProjectionType": "KEYS_ONLY"}}]})"));
  Ok("PutItem", {{"TableName", "Users"}, {"Item", {{"pk", {{"S", "u1"}}}, {"email", {{"S", "a@b"}}}}}});
  HeatSnapshot snapshot;
  ASSERT_TRUE(engine_.Snapshot("Users", 60, &snapshot));
  ASSERT_EQ(snapshot.partitions.size(), 16u);  // eight for the table, eight for the index
  double table_writes = 0, index_writes = 0;
  for (const HeatPartition& partition : snapshot.partitions) {
    for (const HeatSecond& second : partition.seconds) {
      (partition.index.empty() ? table_writes : index_writes) += second.write_units;
    }
  }
  EXPECT_EQ(snapshot.partitions[8].index, "ByEmail");
  EXPECT_EQ(table_writes, 1);
  EXPECT_EQ(index_writes, 1);
}

}  // namespace
}  // namespace ddbpg::testing
