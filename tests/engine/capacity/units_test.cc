#include "engine/capacity/units.h"

#include <gtest/gtest.h>

namespace ddbpg::capacity {
namespace {

TEST(UnitsTest, ReadsRoundUpToFourKilobytesAndHalveWhenEventual) {
  EXPECT_EQ(ReadUnits(0, true), 1);  // a miss still costs a read
  EXPECT_EQ(ReadUnits(0, false), 0.5);
  EXPECT_EQ(ReadUnits(4096, true), 1);
  EXPECT_EQ(ReadUnits(4097, true), 2);
  EXPECT_EQ(ReadUnits(4097, false), 1);
  EXPECT_EQ(ReadUnits(409600, true), 100);
}

TEST(UnitsTest, WritesRoundUpToOneKilobyte) {
  EXPECT_EQ(WriteUnits(0), 1);
  EXPECT_EQ(WriteUnits(1), 1);
  EXPECT_EQ(WriteUnits(1024), 1);
  EXPECT_EQ(WriteUnits(1025), 2);
  EXPECT_EQ(WriteUnits(409600), 400);
}

}  // namespace
}  // namespace ddbpg::capacity
