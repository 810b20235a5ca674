#include "engine/store/point_in_time_history.h"

#include <gtest/gtest.h>

#include <string>

#include "engine/partition/key_hash.h"

namespace ddbpg {
namespace {

constexpr double kDay = 24 * 3600;
constexpr double kStart = 1767225600;

value::PrimaryKey Key(const std::string& text) {
  value::PrimaryKey key;
  key.partition = value::AttributeValue::String(text);
  key.partition_hash = partition::PartitionKeyHash(key.partition);
  return key;
}

value::Item Value(const std::string& key, int n) {
  return value::Item{{"pk", value::AttributeValue::String(key)},
                     {"v", value::AttributeValue::String(std::to_string(n))}};
}

// A table's current items and its history, written together as Table::Put and Delete do.
struct Recorded {
  store::ItemVersions::ItemMap items;
  store::PointInTimeHistory history;

  void Put(double at, const std::string& key, int n) {
    std::optional<value::Item> before;
    if (auto it = items.find(Key(key)); it != items.end()) before = it->second;
    items.insert_or_assign(Key(key), Value(key, n));
    history.Record(at, Key(key), before);
  }
  void Delete(double at, const std::string& key) {
    auto it = items.find(Key(key));
    if (it == items.end()) return;
    std::optional<value::Item> before = it->second;
    items.erase(it);
    history.Record(at, Key(key), before);
  }
};

TEST(PointInTimeHistoryTest, UndoesTheChangesAfterTheInstant) {
  Recorded table;
  table.history.Enable(kStart, 35);
  table.Put(kStart + 1, "a", 1);
  table.Put(kStart + 2, "a", 2);
  table.Put(kStart + 2, "b", 1);
  table.Delete(kStart + 3, "a");
  EXPECT_TRUE(table.history.ItemsAt(kStart, table.items).empty());
  EXPECT_EQ(table.history.ItemsAt(kStart + 1, table.items).at(Key("a")), Value("a", 1));
  store::ItemVersions::ItemMap at_two = table.history.ItemsAt(kStart + 2.5, table.items);
  EXPECT_EQ(at_two.size(), 2u);
  EXPECT_EQ(at_two.at(Key("a")), Value("a", 2));
  store::ItemVersions::ItemMap at_three = table.history.ItemsAt(kStart + 3, table.items);
  ASSERT_EQ(at_three.size(), 1u);
  EXPECT_EQ(at_three.at(Key("b")), Value("b", 1));
}

TEST(PointInTimeHistoryTest, TheWindowSlidesAndOldChangesAreForgotten) {
  Recorded table;
  table.history.Enable(kStart, 1);
  EXPECT_EQ(table.history.EarliestRestorable(kStart + 10), kStart);
  table.Put(kStart + 10, "a", 1);
  table.Put(kStart + 2 * kDay, "a", 2);  // the first change is now older than the window
  EXPECT_EQ(table.history.EarliestRestorable(kStart + 2 * kDay), kStart + kDay);
  EXPECT_GT(table.history.bytes(), 0u);
  EXPECT_EQ(table.history.ItemsAt(kStart + kDay, table.items).at(Key("a")), Value("a", 1));
}

TEST(PointInTimeHistoryTest, TheByteBudgetDropsTheOldestAndMovesTheWindow) {
  Recorded table;
  table.history.set_byte_budget(400);
  table.history.Enable(kStart, 35);
  for (int i = 1; i <= 20; ++i) table.Put(kStart + i, "a", i);
  EXPECT_LE(table.history.bytes(), 400u);
  const double earliest = table.history.EarliestRestorable(kStart + 20);
  EXPECT_GT(earliest, kStart + 1);
  // Every instant from the earliest on is still exact.
  for (double at = earliest; at <= kStart + 20; at += 1) {
    EXPECT_EQ(table.history.ItemsAt(at, table.items).at(Key("a")),
              Value("a", static_cast<int>(at - kStart)));
  }
}

TEST(PointInTimeHistoryTest, DisablingForgetsAndEnablingAgainStartsAnew) {
  Recorded table;
  table.history.Enable(kStart, 35);
  table.Put(kStart + 1, "a", 1);
  table.history.Disable();
  EXPECT_FALSE(table.history.enabled());
  EXPECT_EQ(table.history.bytes(), 0u);
  table.history.Enable(kStart + 5, 7);
  EXPECT_EQ(table.history.EarliestRestorable(kStart + 6), kStart + 5);
  EXPECT_EQ(table.history.recovery_period_days(), 7);
  // Enabling an enabled table changes only the period.
  table.history.Enable(kStart + 9, 3);
  EXPECT_EQ(table.history.EarliestRestorable(kStart + 10), kStart + 5);
}

}  // namespace
}  // namespace ddbpg
