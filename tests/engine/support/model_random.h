// The random side of the model-based tests: a seeded generator, random values, tables and
// conditions, each condition both as expression text for the engine and as a predicate the
// reference model (reference_model.h) evaluates on its own.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/engine/support/reference_model.h"

namespace ddbpg::testing::model {

// A run's size or seed from the environment (DDBPG_MODEL_CASES, DDBPG_MODEL_SEED), else
// `fallback`, so a long run or a failing seed replays without rebuilding.
inline uint64_t EnvNumber(const char* name, uint64_t fallback) {
  const char* text = std::getenv(name);
  return text && *text ? std::strtoull(text, nullptr, 10) : fallback;
}

// SplitMix64: the same sequence native and in wasm (std distributions differ between standard
// libraries), so a seed replays anywhere.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); n > 0.
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  // Uniform in [lo, hi].
  long long Between(long long lo, long long hi) {
    return lo + static_cast<long long>(Below(static_cast<size_t>(hi - lo + 1)));
  }
  bool Chance(double p) { return static_cast<double>(Next() >> 11) * 0x1.0p-53 < p; }
  template <typename T>
  const T& Pick(const std::vector<T>& from) { return from[Below(from.size())]; }

 private:
  uint64_t state_;
};

// Small domains so keys collide and item collections form; strings mix ASCII with "é" (bytes
// 0xC3 0xA9) and binaries hold 0x00, 0x7F, 0x80 and 0xFF, so an order by signed bytes would show.
inline std::string RandomText(Random& random, size_t min_tokens, size_t max_tokens) {
  static const std::vector<std::string> kTokens = {"a", "b", "z", "\xC3\xA9", "~"};
  std::string text;
  size_t length = random.Between(min_tokens, max_tokens);
  for (size_t i = 0; i < length; ++i) text += random.Pick(kTokens);
  return text;
}

inline std::string RandomBytes(Random& random, size_t min_length, size_t max_length) {
  static const std::vector<char> kBytes = {'\x00', '\x01', '\x7F', '\x80', '\xFF'};
  std::string bytes;
  size_t length = random.Between(min_length, max_length);
  for (size_t i = 0; i < length; ++i) bytes += random.Pick(kBytes);
  return bytes;
}

// A key value of `type` (S, N or B): numbers are multiples of 0.25 in [-20, 20].
inline json RandomValue(Random& random, const std::string& type) {
  if (type == "S") return S(RandomText(random, 1, 3));
  if (type == "B") return B(RandomBytes(random, 1, 3));
  return N(random.Between(-80, 80) * 25);
}

// A table keyed "pk" (and "sk" 70% of the time) with up to two local indexes (sort keys "a",
// "b") and up to three global ones (keys among "a", "b", "sk", "pk"), with random projections
// (INCLUDE picks among "n", "s", "f", "pad", "ss").
inline TableSpec RandomTableSpec(Random& random) {
  static const std::vector<std::string> kTypes = {"S", "N", "B"};
  static const std::vector<std::string> kProjections = {"KEYS_ONLY", "INCLUDE", "ALL"};
  TableSpec spec;
  spec.key_types["pk"] = random.Pick(kTypes);
  if (random.Chance(0.7)) {
    spec.sort_key = "sk";
    spec.key_types["sk"] = random.Pick(kTypes);
  }
  spec.key_types["a"] = random.Pick(kTypes);
  spec.key_types["b"] = random.Pick(kTypes);
  auto projection = [&](IndexSpec& index) {
    index.projection = random.Pick(kProjections);
    if (index.projection != "INCLUDE") return;
    for (const char* name : {"n", "s", "f", "pad", "ss"}) {
      if (random.Chance(0.5)) index.include.push_back(name);
    }
    if (index.include.empty()) index.include.push_back("n");
  };
  const size_t locals = spec.sort_key.empty() ? 0 : random.Below(3);
  for (size_t i = 0; i < locals; ++i) {
    IndexSpec index{"Lsi" + std::to_string(i), false, "pk", i == 0 ? "a" : "b", "", {}};
    projection(index);
    spec.indexes.push_back(index);
  }
  const size_t globals = random.Below(4);
  for (size_t i = 0; i < globals; ++i) {
    std::vector<std::string> partitions = {"a", "b"};
    if (!spec.sort_key.empty()) partitions.push_back("sk");
    IndexSpec index{"Gsi" + std::to_string(i), true, random.Pick(partitions), "", "", {}};
    std::vector<std::string> sorts = {"", "a", "b", "pk"};
    if (!spec.sort_key.empty()) sorts.push_back("sk");
    index.sort_key = random.Pick(sorts);
    if (index.sort_key == index.partition_key) index.sort_key = "";
    projection(index);
    spec.indexes.push_back(index);
  }
  return spec;
}

// Names and values of one request's expressions, added as they are used (DynamoDB refuses
// unused ones).
struct Expressions {
  json names = json::object();
  json values = json::object();
  std::string Name(const std::string& attribute) {
    names["#" + attribute] = attribute;
    return "#" + attribute;
  }
  std::string Value(const json& value) {
    std::string placeholder = ":v" + std::to_string(values.size());
    values[placeholder] = value;
    return placeholder;
  }
  void AddTo(json& request) const {
    if (!names.empty()) request["ExpressionAttributeNames"] = names;
    if (!values.empty()) request["ExpressionAttributeValues"] = values;
  }
};

// A condition as text for the request and as a predicate for the model.
struct Condition {
  std::string text;
  std::function<bool(const json& item)> holds;
};

// Whether a string or binary value starts with a prefix of its type.
inline bool BeginsWith(const json& value, const json& prefix) {
  const std::string type = TypeOf(prefix);
  if (TypeOf(value) != type) return false;
  std::string whole = type == "B" ? Unbase64(value["B"]) : value["S"].get<std::string>();
  std::string start = type == "B" ? Unbase64(prefix["B"]) : prefix["S"].get<std::string>();
  return whole.compare(0, start.size(), start) == 0;
}

// Random conditions over attributes whose types `type_of` gives (S, N, B or BOOL); every
// attribute a condition names has that type whenever an item has it.
class ConditionGenerator {
 public:
  ConditionGenerator(Random& random, std::function<std::string(const std::string&)> type_of)
      : random_(random), type_of_(std::move(type_of)) {}

  json ValueOf(const std::string& type) {
    if (type == "N") return N(random_.Between(-400, 400) * 25);
    if (type == "S") return S(RandomText(random_, 1, 2));
    if (type == "B") return B(RandomBytes(random_, 1, 2));
    return {{"BOOL", random_.Chance(0.5)}};
  }

  // A comparison, BETWEEN, begins_with, attribute_exists or attribute_not_exists, combined up
  // to `depth` levels with AND, OR and NOT.
  Condition Any(const std::vector<std::string>& names, Expressions& expressions, int depth) {
    if (depth > 0 && random_.Chance(0.35)) {
      if (random_.Chance(0.25)) {
        Condition inner = Any(names, expressions, depth - 1);
        return {"NOT (" + inner.text + ")", [inner](const json& item) { return !inner.holds(item); }};
      }
      Condition left = Any(names, expressions, depth - 1);
      Condition right = Any(names, expressions, depth - 1);
      if (random_.Chance(0.5)) {
        return {"(" + left.text + ") AND (" + right.text + ")",
                [left, right](const json& item) { return left.holds(item) && right.holds(item); }};
      }
      return {"(" + left.text + ") OR (" + right.text + ")",
              [left, right](const json& item) { return left.holds(item) || right.holds(item); }};
    }
    const std::string attribute = random_.Pick(names);
    const std::string type = type_of_(attribute);
    const std::string name = expressions.Name(attribute);
    size_t kind = random_.Below(type == "BOOL" ? 3 : 6);
    if (kind == 0) {
      return {"attribute_exists(" + name + ")",
              [attribute](const json& item) { return item.contains(attribute); }};
    }
    if (kind == 1) {
      return {"attribute_not_exists(" + name + ")",
              [attribute](const json& item) { return !item.contains(attribute); }};
    }
    json value = ValueOf(type);
    if (type == "BOOL" || kind == 2) {
      return {name + " = " + expressions.Value(value), [attribute, value](const json& item) {
                return item.contains(attribute) && item[attribute] == value;
              }};
    }
    if (kind == 3 && type != "N") {
      return {"begins_with(" + name + ", " + expressions.Value(value) + ")",
              [attribute, value](const json& item) {
                return item.contains(attribute) && BeginsWith(item[attribute], value);
              }};
    }
    if (kind == 4) {
      json high = ValueOf(type);
      if (CompareScalar(value, high) > 0) std::swap(value, high);
      std::string text =
          name + " BETWEEN " + expressions.Value(value) + " AND " + expressions.Value(high);
      return {text, [attribute, value, high](const json& item) {
                return item.contains(attribute) && CompareScalar(item[attribute], value) >= 0 &&
                       CompareScalar(item[attribute], high) <= 0;
              }};
    }
    return Comparison(attribute, name, value, expressions);
  }

  // One of <, <=, >, >=, and now and then the value first (":v > #a" is "#a < :v").
  Condition Comparison(const std::string& attribute, const std::string& name, const json& value,
                       Expressions& expressions) {
    static const std::vector<std::string> kOperators = {"<", "<=", ">", ">="};
    const std::string op = random_.Pick(kOperators);
    const std::string placeholder = expressions.Value(value);
    auto test = [op](int c) {
      return op == "<" ? c < 0 : op == "<=" ? c <= 0 : op == ">" ? c > 0 : c >= 0;
    };
    std::string text = name + " " + op + " " + placeholder;
    if (random_.Chance(0.2)) {
      const std::string flipped = op[0] == '<' ? ">" + op.substr(1) : "<" + op.substr(1);
      text = placeholder + " " + flipped + " " + name;
    }
    return {text, [attribute, value, test](const json& item) {
              return item.contains(attribute) && test(CompareScalar(item[attribute], value));
            }};
  }

 private:
  model::Random& random_;
  std::function<std::string(const std::string&)> type_of_;
};

}  // namespace ddbpg::testing::model
