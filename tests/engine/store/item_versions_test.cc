#include "engine/store/item_versions.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "engine/base/rng.h"
#include "engine/partition/key_hash.h"
#include "engine/value/number.h"

namespace ddbpg {
namespace {

value::PrimaryKey Key(const std::string& text) {
  value::PrimaryKey key;
  key.partition = value::AttributeValue::String(text);
  key.partition_hash = partition::PartitionKeyHash(key.partition);
  return key;
}

value::Item Value(int n) {
  return value::Item{{"v", value::AttributeValue::String(std::to_string(n))}};
}

constexpr double kNow = std::numeric_limits<double>::infinity();

TEST(ItemVersionsTest, StoreReturnsWhatItReplacedAndEraseWhatItRemoved) {
  store::ItemVersions versions;
  store::ItemVersions::Stored first = versions.Store(Key("a"), Value(1));
  EXPECT_FALSE(first.replaced.has_value());
  EXPECT_EQ(*first.item, Value(1));
  store::ItemVersions::Stored second = versions.Store(Key("a"), Value(2));
  ASSERT_TRUE(second.replaced.has_value());
  EXPECT_EQ(*second.replaced, Value(1));
  EXPECT_EQ(*versions.Find(Key("a")), Value(2));
  EXPECT_EQ(versions.Erase(Key("a")), Value(2));
  EXPECT_EQ(versions.Erase(Key("a")), std::nullopt);
  EXPECT_EQ(versions.Find(Key("a")), nullptr);
}

TEST(ItemVersionsTest, WithoutLagEveryReadSeesTheCurrentItems) {
  base::ManualClock clock(100);
  store::ItemVersions versions;
  versions.SetReplicationLag(0, &clock);
  versions.Store(Key("a"), Value(1));
  clock.Advance(1);
  versions.Store(Key("a"), Value(2));
  EXPECT_EQ(*versions.FindAsOf(Key("a"), 100.5), Value(2));
}

TEST(ItemVersionsTest, ALaggingReadSeesTheVersionOfItsMoment) {
  base::ManualClock clock(100);
  store::ItemVersions versions;
  versions.SetReplicationLag(5, &clock);
  versions.Store(Key("a"), Value(1));  // at 100
  clock.Set(102);
  versions.Store(Key("a"), Value(2));  // at 102
  clock.Set(104);
  versions.Erase(Key("a"));  // at 104
  EXPECT_EQ(versions.FindAsOf(Key("a"), 99), nullptr);
  EXPECT_EQ(*versions.FindAsOf(Key("a"), 101), Value(1));
  EXPECT_EQ(*versions.FindAsOf(Key("a"), 103), Value(2));
  EXPECT_EQ(versions.FindAsOf(Key("a"), 104), nullptr);
  EXPECT_EQ(versions.FindAsOf(Key("a"), kNow), nullptr);
  // A Scan at 103 still visits the item deleted since.
  std::vector<value::Item> seen;
  versions.VisitAsOf(nullptr, false, 103, [&](const value::PrimaryKey&, const value::Item& item) {
    seen.push_back(item);
    return true;
  });
  EXPECT_EQ(seen, std::vector<value::Item>{Value(2)});
}

// Seeded model check: for random writes and deletes over a few keys at increasing times, a read
// at any earlier moment within the lag sees exactly what the log of writes says was current.
TEST(ItemVersionsTest, ReadsAsOfAnyMomentMatchAWriteLog) {
  base::Rng rng(7);
  base::ManualClock clock(1000);
  store::ItemVersions versions;
  const double lag = 10;
  versions.SetReplicationLag(lag, &clock);
  struct Write {
    double at;
    std::string key;
    std::optional<value::Item> item;
  };
  std::vector<Write> log;
  for (int step = 0; step < 400; ++step) {
    clock.Advance(0.25 + rng.NextDouble());
    const std::string key = "k" + std::to_string(static_cast<int>(rng.NextDouble() * 4));
    if (rng.NextDouble() < 0.3) {
      versions.Erase(Key(key));
      log.push_back({clock.NowSeconds(), key, std::nullopt});
    } else {
      versions.Store(Key(key), Value(step));
      log.push_back({clock.NowSeconds(), key, Value(step)});
    }
    const double as_of = clock.NowSeconds() - rng.NextDouble() * lag;
    for (const std::string probe : {"k0", "k1", "k2", "k3"}) {
      std::optional<value::Item> expected;
      for (const Write& write : log) {
        if (write.key == probe && write.at <= as_of) expected = write.item;
      }
      const value::Item* actual = versions.FindAsOf(Key(probe), as_of);
      ASSERT_EQ(actual ? std::optional<value::Item>(*actual) : std::nullopt, expected)
          << probe << " as of " << as_of << " at step " << step;
    }
  }
}

// Point lookups go through a hash set beside the ordered map: checked against a plain model on
// seeded random writes to keys with a numeric sort key, written in several spellings of one
// number ("7", "7.0", "70E-1"), and on copies and moves of the versions.
value::PrimaryKey KeyWithSort(int partition, const std::string& sort_text) {
  value::PrimaryKey key = Key("p" + std::to_string(partition));
  key.sort = value::AttributeValue::OfNumber(*value::Number::Parse(sort_text));
  return key;
}

TEST(ItemVersionsTest, PointLookupsMatchAModelWhateverTheSpellingOfANumber) {
  base::Rng rng(11);
  store::ItemVersions versions;
  std::map<std::pair<int, int>, int> model;  // (partition, sort) -> the value stored
  auto spelling = [&rng](int n) {
    switch (static_cast<int>(rng.NextDouble() * 3)) {
      case 0:
        return std::to_string(n);
      case 1:
        return std::to_string(n) + ".0";
      default:
        return std::to_string(n * 10) + "E-1";
    }
  };
  auto check_all = [&model](const store::ItemVersions& checked, int step) {
    ASSERT_EQ(checked.items().size(), model.size()) << step;
    for (int partition = 0; partition < 3; ++partition) {
      for (int sort = -2; sort < 6; ++sort) {
        const value::Item* found = checked.Find(KeyWithSort(partition, std::to_string(sort)));
        auto expected = model.find({partition, sort});
        if (expected == model.end()) {
          ASSERT_EQ(found, nullptr) << partition << "/" << sort << " at step " << step;
        } else {
          ASSERT_NE(found, nullptr) << partition << "/" << sort << " at step " << step;
          ASSERT_EQ(*found, Value(expected->second)) << step;
        }
      }
    }
  };
  for (int step = 0; step < 600; ++step) {
    const int partition = static_cast<int>(rng.NextDouble() * 3);
    const int sort = static_cast<int>(rng.NextDouble() * 8) - 2;
    if (rng.NextDouble() < 0.35) {
      const bool existed = model.erase({partition, sort}) > 0;
      EXPECT_EQ(versions.Erase(KeyWithSort(partition, spelling(sort))).has_value(), existed);
    } else {
      versions.Store(KeyWithSort(partition, spelling(sort)), Value(step));
      model[{partition, sort}] = step;
    }
    check_all(versions, step);
    if (step % 100 == 99) {
      store::ItemVersions copy = versions;  // its own lookups, into its own map
      versions.Store(KeyWithSort(0, "100"), Value(-1));
      versions.Erase(KeyWithSort(0, "100"));
      check_all(copy, step);
      store::ItemVersions moved = std::move(copy);
      check_all(moved, step);
      store::ItemVersions assigned;
      assigned = moved;
      check_all(assigned, step);
    }
  }
}

// In wasm the engine is compiled without cleanups for exceptions (engine/CMakeLists.txt): an
// exception must still pass through its functions to the dispatcher's catch, leaving the data
// as it was. The visitor stands in for any fault below an engine frame.
TEST(ItemVersionsTest, AnExceptionFromAVisitorPassesThroughAndLeavesTheItems) {
  store::ItemVersions versions;
  versions.Store(Key("a"), Value(1));
  versions.Store(Key("b"), Value(2));
  int visited = 0;
  bool caught = false;
  try {
    versions.VisitAsOf(nullptr, false, kNow,
                       [&](const value::PrimaryKey&, const value::Item&) -> bool {
                         ++visited;
                         throw std::runtime_error("a fault below the engine");
                       });
  } catch (const std::runtime_error& e) {
    caught = std::string(e.what()) == "a fault below the engine";
  }
  EXPECT_TRUE(caught);
  EXPECT_EQ(visited, 1);
  EXPECT_EQ(*versions.Find(Key("a")), Value(1));
  versions.Store(Key("c"), Value(3));
  EXPECT_EQ(versions.items().size(), 3u);
}

}  // namespace
}  // namespace ddbpg
