// Model-based test of Query and Scan paging (issue #10): random tables (hash-only or hash and
// range; S, N or B keys; items from a few bytes to 400 KB; local and global indexes with every
// projection) and random reads (every key-condition operator both ways, parallel segments,
// Limit, filters, every Select), followed page by page through LastEvaluatedKey. The pages
// concatenated must equal the reference model's result, order included, and each page must
// keep DynamoDB's page rules: at most Limit items read, the 1 MB stop, a LastEvaluatedKey
// exactly when the page stopped short of the end.
//
// DDBPG_MODEL_CASES (reads, default kDefaultCases) and DDBPG_MODEL_SEED (default kDefaultSeed)
// make a longer run; a failure prints the seed and read that replay it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "tests/engine/support/engine_fixture.h"
#include "tests/engine/support/model_random.h"
#include "tests/engine/support/reference_model.h"
#include "tests/engine/support/spaced_sender.h"

namespace ddbpg::testing {
namespace {

using namespace model;  // NOLINT: the model's vocabulary is the test's

constexpr uint64_t kDefaultSeed = 20261202;
constexpr uint64_t kDefaultCases = 3000;
constexpr int kReadsPerTable = 40;
constexpr size_t kPageBytes = 1024 * 1024;
constexpr size_t kMaxItemBytes = 400 * 1024;

// A table, the engine holding it and the model of its items; then random reads against both.
class ModelRun {
 public:
  explicit ModelRun(uint64_t seed)
      : seed_(seed),
        random_(seed),
        conditions_(random_, [this](const std::string& name) { return TypeOfAttribute(name); }) {}

  uint64_t seed() const { return seed_; }
  size_t pages() const { return pages_; }
  size_t throttle_retries() const { return sender_.throttle_retries(); }
  size_t megabyte_stops() const { return megabyte_stops_; }
  size_t limit_stops() const { return limit_stops_; }

  // Creates a random table and fills it; false (with a test failure) when the engine refused.
  bool Build() {
    spec_ = RandomTableSpec(random_);
    Response created = Send("CreateTable", spec_.CreateTableRequest());
    if (created.status != 200) {
      ADD_FAILURE() << "CreateTable: " << ErrorOf(created) << "\n" << spec_.CreateTableRequest();
      return false;
    }
    const bool big = random_.Chance(0.3);
    const size_t count = big ? random_.Between(8, 40) : random_.Between(0, 150);
    std::vector<json> partitions;
    for (size_t i = 0; i < std::max<size_t>(1, count / 3); ++i) {
      partitions.push_back(RandomValue(random_, spec_.key_types["pk"]));
    }
    for (size_t i = 0; i < count; ++i) {
      json item = RandomItem(random_.Pick(partitions), big && random_.Chance(0.3));
      Response put = Send("PutItem", {{"TableName", spec_.name}, {"Item", item}});
      if (put.status != 200) {
        ADD_FAILURE() << "PutItem: " << ErrorOf(put) << " seed " << seed_;
        return false;
      }
      std::string key = KeyText(spec_, item);
      auto same = std::find_if(items_.begin(), items_.end(),
                               [&](const json& old) { return KeyText(spec_, old) == key; });
      if (same != items_.end()) {
        *same = item;
      } else {
        items_.push_back(item);
      }
    }
    return true;
  }

  // Runs the read numbered `number`; false (with a test failure) on a divergence.
  bool Read(int number) {
    json request = {{"TableName", spec_.name}};
    const bool is_query = random_.Chance(0.55);
    std::vector<const IndexSpec*> targets = {nullptr};
    for (const IndexSpec& index : spec_.indexes) targets.push_back(&index);
    const IndexSpec* index = random_.Pick(targets);
    if (index) request["IndexName"] = index->name;
    Expressions expressions;

    // What the read returns and filters on, decided first: it says whether a local index
    // fetches from the table, and so what each candidate is.
    std::string select;
    std::vector<std::string> projection;
    const bool may_select_all = !index || !index->global || index->projection == "ALL";
    double choice = random_.Chance(0.5) ? 0.0 : static_cast<double>(random_.Below(1000)) / 1000;
    if (choice < 0.12) {
      select = "COUNT";
    } else if (choice < 0.4) {
      projection = RandomNames(index, 1 + random_.Below(3));
      if (random_.Chance(0.5)) select = "SPECIFIC_ATTRIBUTES";
    } else if (choice < 0.55 && index) {
      select = "ALL_PROJECTED_ATTRIBUTES";
    } else if (choice < 0.7 && may_select_all) {
      select = "ALL_ATTRIBUTES";
    }
    if (!select.empty()) request["Select"] = select;
    // A filter on an index names only attributes the index holds, unless the read fetches
    // whole items anyway (ALL_ATTRIBUTES, or a projection a local index fetches for).
    bool fetch = index && !index->global &&
                 (select == "ALL_ATTRIBUTES" ||
                  std::any_of(projection.begin(), projection.end(), [&](const std::string& name) {
                    return !spec_.Projects(*index, name);
                  }));
    std::vector<std::string> filter_names;
    for (const char* name : {"n", "s", "f"}) {
      if (!index || fetch || spec_.Projects(*index, name)) filter_names.push_back(name);
    }
    if (!is_query && !index) {
      for (const std::string& name : spec_.TableKeyNames()) filter_names.push_back(name);
    }
    std::optional<Condition> filter;
    if (!filter_names.empty() && random_.Chance(0.3)) {
      filter = conditions_.Any(filter_names, expressions, 2);
      request["FilterExpression"] = filter->text;
    }
    if (!projection.empty()) {
      std::string text;
      for (const std::string& name : projection) {
        text += (text.empty() ? "" : ", ") + expressions.Name(name);
      }
      request["ProjectionExpression"] = text;
    }

    // Where the read looks.
    const std::string partition_name = index ? index->partition_key : spec_.partition_key;
    const std::string sort_name = index ? index->sort_key : spec_.sort_key;
    std::optional<Condition> key_condition;
    bool forward = true;
    uint64_t hash_begin = 0, hash_last = UINT64_MAX;
    if (is_query) {
      key_condition = RandomKeyCondition(partition_name, sort_name, expressions);
      request["KeyConditionExpression"] = key_condition->text;
      if (random_.Chance(0.5)) {
        forward = random_.Chance(0.5);
        request["ScanIndexForward"] = forward;
      }
    } else if (random_.Chance(0.4)) {
      static const std::vector<unsigned long long> kTotals = {1, 2, 3, 4, 5, 8, 16, 1000, 1000000};
      unsigned long long total = random_.Pick(kTotals);
      unsigned long long segment = random_.Below(total);
      request["Segment"] = segment;
      request["TotalSegments"] = total;
      unsigned __int128 span = static_cast<unsigned __int128>(1) << 64;
      hash_begin = static_cast<uint64_t>(span * segment / total);
      hash_last = static_cast<uint64_t>(span * (segment + 1) / total - 1);
    }
    size_t limit = 0;
    if (random_.Chance(0.4)) {
      limit = random_.Chance(0.5) ? random_.Between(1, 5) : random_.Between(1, 60);
      request["Limit"] = limit;
    }
    if ((!index || !index->global) && random_.Chance(0.2)) request["ConsistentRead"] = true;
    expressions.AddTo(request);

    // The model's answer: every candidate the read would evaluate, in order.
    struct Candidate {
      json source;  // what the filter and the projection see
      json key;     // what LastEvaluatedKey names
      size_t bytes;
    };
    std::vector<Candidate> candidates;
    const std::vector<std::string> key_names = spec_.KeyNames(index);
    auto consider = [&](const json& source, const json& item, uint64_t hash) {
      if (is_query && !key_condition->holds(item)) return;
      if (!is_query && (hash < hash_begin || hash > hash_last)) return;
      candidates.push_back({source, Pick(item, key_names), ItemSize(source)});
    };
    if (index) {
      for (const Entry& entry : IndexOrder(spec_, *index, items_)) {
        consider(fetch ? *entry.item : entry.entry, *entry.item, entry.hash);
      }
    } else {
      for (const Row& row : TableOrder(spec_, items_)) consider(*row.item, *row.item, row.hash);
    }
    if (!forward) std::reverse(candidates.begin(), candidates.end());

    // The engine's pages, one by one against the model.
    const std::string operation = is_query ? "Query" : "Scan";
    const std::string where = "seed " + std::to_string(seed_) + ", read " + std::to_string(number) +
                              " (replay: DDBPG_MODEL_SEED=" + std::to_string(seed_) +
                              " DDBPG_MODEL_CASES=" + std::to_string(number + 1) + ")\n" +
                              operation + " " + request.dump() + "\nmodel: " +
                              std::to_string(candidates.size()) + " candidates";
    size_t position = 0;
    json start;
    for (size_t page_number = 0;; ++page_number) {
      json page_request = request;
      if (!start.is_null()) page_request["ExclusiveStartKey"] = start;
      Response response = Send(operation, page_request);
      ++pages_;
      const std::string at = where + ", page " + std::to_string(page_number) + " from candidate " +
                             std::to_string(position);
      if (response.status != 200) {
        ADD_FAILURE() << at << ": " << ErrorOf(response);
        return false;
      }
      json page = json::parse(response.body);
      const size_t scanned = page["ScannedCount"].get<size_t>();
      const size_t count = page["Count"].get<size_t>();
      if (position + scanned > candidates.size() || (limit > 0 && scanned > limit) ||
          count > scanned) {
        ADD_FAILURE() << at << ": ScannedCount " << scanned << ", Count " << count;
        return false;
      }
      size_t bytes = 0;
      json expected_items = json::array();
      for (size_t i = position; i < position + scanned; ++i) {
        if (bytes >= kPageBytes) {
          ADD_FAILURE() << at << ": the page read on past 1 MB, to candidate " << i;
          return false;
        }
        bytes += candidates[i].bytes;
        if (filter && !filter->holds(candidates[i].source)) continue;
        expected_items.push_back(
            Normalized(projection.empty() ? candidates[i].source : Pick(candidates[i].source, projection)));
      }
      if (count != expected_items.size()) {
        ADD_FAILURE() << at << ": Count " << count << ", the model " << expected_items.size();
        return false;
      }
      if (select == "COUNT") {
        if (page.contains("Items")) {
          ADD_FAILURE() << at << ": Select COUNT returned Items";
          return false;
        }
      } else {
        json items = json::array();
        for (const json& item : page["Items"]) items.push_back(Normalized(item));
        if (items != expected_items) {
          ADD_FAILURE() << at << ":\nengine " << Abbreviated(items) << "\nmodel  "
                        << Abbreviated(expected_items);
          return false;
        }
      }
      position += scanned;
      if (!page.contains("LastEvaluatedKey")) {
        if (position != candidates.size()) {
          ADD_FAILURE() << at << ": no LastEvaluatedKey after " << position << " of "
                        << candidates.size() << " candidates";
          return false;
        }
        return true;
      }
      const bool full = scanned > 0 && ((limit > 0 && scanned == limit) || bytes >= kPageBytes);
      if (!full) {
        ADD_FAILURE() << at << ": a LastEvaluatedKey after a page that was not full (" << scanned
                      << " items, " << bytes << " bytes)";
        return false;
      }
      ++(bytes >= kPageBytes ? megabyte_stops_ : limit_stops_);
      if (page["LastEvaluatedKey"] != candidates[position - 1].key) {
        ADD_FAILURE() << at << ": LastEvaluatedKey " << page["LastEvaluatedKey"] << ", the model "
                      << candidates[position - 1].key;
        return false;
      }
      start = page["LastEvaluatedKey"];
    }
  }

 private:
  Response Send(const std::string& operation, const json& body) {
    const std::string text = body.dump();
    return sender_.Send(operation, text);
  }

  json RandomItem(const json& partition, bool big) {
    json item = {{"pk", partition}};
    if (!spec_.sort_key.empty()) item["sk"] = RandomValue(random_, spec_.key_types["sk"]);
    for (const char* name : {"a", "b"}) {
      if (random_.Chance(0.8)) item[name] = RandomValue(random_, spec_.key_types[name]);
    }
    if (random_.Chance(0.8)) item["n"] = N(random_.Between(-400, 400) * 25);
    if (random_.Chance(0.7)) item["s"] = S(RandomText(random_, 0, 4));
    if (random_.Chance(0.5)) item["f"] = {{"BOOL", random_.Chance(0.5)}};
    const size_t room = kMaxItemBytes - ItemSize(item) - 3;  // 3: the name "pad"
    size_t pad = big ? random_.Between(60000, room) : random_.Chance(0.8) ? random_.Between(1, 200) : 0;
    if (pad > 0) item["pad"] = random_.Chance(0.5) ? S(std::string(pad, 'x')) : B(std::string(pad, 'y'));
    return item;
  }

  // Attribute names a projection may ask for: on a global index only those it holds.
  std::vector<std::string> RandomNames(const IndexSpec* index, size_t count) {
    std::vector<std::string> pool = spec_.KeyNames(index);
    for (const char* name : {"n", "s", "f", "pad", "a", "b"}) {
      if (std::find(pool.begin(), pool.end(), name) == pool.end()) pool.push_back(name);
    }
    if (index && index->global) {
      std::erase_if(pool, [&](const std::string& name) { return !spec_.Projects(*index, name); });
    }
    std::vector<std::string> names;
    for (size_t i = 0; i < count; ++i) {
      const std::string& name = random_.Pick(pool);
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
    return names;
  }

  std::string TypeOfAttribute(const std::string& name) {
    if (name == "n") return "N";
    if (name == "s") return "S";
    if (name == "f") return "BOOL";
    return spec_.key_types[name];
  }

  Condition RandomKeyCondition(const std::string& partition_name, const std::string& sort_name,
                               Expressions& expressions) {
    // Mostly a partition key some item has, so pages have something to hold.
    std::vector<json> present;
    for (const json& item : items_) {
      if (item.contains(partition_name)) present.push_back(item[partition_name]);
    }
    json partition = !present.empty() && random_.Chance(0.9)
                         ? random_.Pick(present)
                         : RandomValue(random_, spec_.key_types[partition_name]);
    std::string text = expressions.Name(partition_name) + " = " + expressions.Value(partition);
    auto in_partition = [partition_name, partition](const json& item) {
      return item.contains(partition_name) && item[partition_name] == partition;
    };
    if (sort_name.empty() || random_.Chance(0.25)) {
      if (!sort_name.empty()) {
        return {text, [in_partition, sort_name](const json& item) {
                  return in_partition(item) && item.contains(sort_name);
                }};
      }
      return {text, in_partition};
    }
    const std::string type = spec_.key_types[sort_name];
    std::vector<json> sorts;
    for (const json& item : items_) {
      if (in_partition(item) && item.contains(sort_name)) sorts.push_back(item[sort_name]);
    }
    auto sort_value = [&]() {
      return !sorts.empty() && random_.Chance(0.6) ? random_.Pick(sorts) : RandomValue(random_, type);
    };
    const std::string name = expressions.Name(sort_name);
    std::optional<Condition> sort;
    size_t kind = random_.Below(type == "N" ? 3 : 4);
    if (kind == 0) {
      json value = sort_value();
      sort = Condition{name + " = " + expressions.Value(value), [sort_name, value](const json& item) {
                         return item[sort_name] == value;
                       }};
    } else if (kind == 1) {
      json low = sort_value(), high = sort_value();
      if (CompareScalar(low, high) > 0) std::swap(low, high);
      sort = Condition{name + " BETWEEN " + expressions.Value(low) + " AND " + expressions.Value(high),
                       [sort_name, low, high](const json& item) {
                         return CompareScalar(item[sort_name], low) >= 0 &&
                                CompareScalar(item[sort_name], high) <= 0;
                       }};
    } else if (kind == 3) {
      json prefix = type == "S" ? S(RandomText(random_, 1, 2)) : B(RandomBytes(random_, 1, 2));
      sort = Condition{"begins_with(" + name + ", " + expressions.Value(prefix) + ")",
                       [sort_name, prefix](const json& item) {
                         return BeginsWith(item[sort_name], prefix);
                       }};
    } else {
      sort = conditions_.Comparison(sort_name, name, sort_value(), expressions);
    }
    Condition on_sort = *sort;
    return {text + " AND " + on_sort.text, [in_partition, sort_name, on_sort](const json& item) {
              return in_partition(item) && item.contains(sort_name) && on_sort.holds(item);
            }};
  }

  // Items for a failure message, with long values cut.
  static std::string Abbreviated(const json& items) {
    std::string text = items.dump();
    std::string out;
    size_t run = 0;
    for (char c : text) {
      run = (c == 'x' || c == 'y') ? run + 1 : 0;
      if (run <= 8) out += c;
    }
    return out.size() > 4000 ? out.substr(0, 4000) + "..." : out;
  }

  uint64_t seed_;
  Random random_;
  ConditionGenerator conditions_;
  SpacedSender sender_;
  TableSpec spec_;
  std::vector<json> items_;
  size_t pages_ = 0;
  size_t megabyte_stops_ = 0;
  size_t limit_stops_ = 0;
};

TEST(PaginationModelTest, ThePagesOfEveryReadConcatenateToTheModelsResult) {
  const uint64_t seed = EnvNumber("DDBPG_MODEL_SEED", kDefaultSeed);
  const uint64_t cases = EnvNumber("DDBPG_MODEL_CASES", kDefaultCases);
  size_t reads = 0, pages = 0, retries = 0, megabyte_stops = 0, limit_stops = 0;
  auto report = [&] {
    std::cout << "[ model    ] " << reads << " reads, " << pages << " pages (" << megabyte_stops
              << " stopped at 1 MB, " << limit_stops << " at Limit), " << retries
              << " throttled retries, seed " << seed << std::endl;
  };
  for (uint64_t table = 0; reads < cases; ++table) {
    // Table t of a run is table 0 of a run seeded seed + t, so a failure replays on its own.
    ModelRun run(seed + table);
    if (!run.Build()) break;
    bool ok = true;
    for (int read = 0; read < kReadsPerTable && reads < cases && ok; ++read, ++reads) {
      ok = run.Read(read);
    }
    pages += run.pages();
    retries += run.throttle_retries();
    megabyte_stops += run.megabyte_stops();
    limit_stops += run.limit_stops();
    if (!ok) break;
    if (cases > kDefaultCases && table % 1000 == 999) report();  // progress of a long run
  }
  report();
  EXPECT_EQ(retries, 0u) << "capacity throttling interfered with the model run";
}

}  // namespace
}  // namespace ddbpg::testing
