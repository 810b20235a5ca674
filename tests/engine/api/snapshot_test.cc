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
  EXPECT_EQ(snapshot.partitions.size(), 4u);
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

}  // namespace
}  // namespace ddbpg::testing
