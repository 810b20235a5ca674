// A deliberately simple reference model of a DynamoDB table for the model-based tests: items as
// DynamoDB JSON in one vector, orders and sizes recomputed from the documented rules on every
// read, no partitions and no index machinery. Only the partition-key hash comes from the engine
// (engine/partition/key_hash.h), because it is the engine's documented, frozen Scan order.
//
// The values the tests generate are kept to what the model can judge on its own: S and B values
// of a few bytes, numbers that are whole hundredths (so their order and their storage size are
// exact in a 64-bit integer), BOOL and string sets.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/partition/key_hash.h"
#include "engine/value/attribute_value.h"
#include "engine/value/number.h"

namespace ddbpg::testing::model {

using json = nlohmann::json;

// --- values --------------------------------------------------------------------------------

inline std::string Base64(const std::string& bytes) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t chunk = static_cast<uint8_t>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) chunk |= static_cast<uint8_t>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) chunk |= static_cast<uint8_t>(bytes[i + 2]);
    out += kAlphabet[(chunk >> 18) & 63];
    out += kAlphabet[(chunk >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(chunk >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[chunk & 63] : '=';
  }
  return out;
}

inline std::string Unbase64(const std::string& text) {
  auto digit = [](char c) -> uint32_t {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    return c == '+' ? 62 : 63;
  };
  std::string out;
  for (size_t i = 0; i + 3 < text.size(); i += 4) {
    uint32_t chunk = digit(text[i]) << 18 | digit(text[i + 1]) << 12;
    if (text[i + 2] != '=') chunk |= digit(text[i + 2]) << 6;
    if (text[i + 3] != '=') chunk |= digit(text[i + 3]);
    out += static_cast<char>(chunk >> 16);
    if (text[i + 2] != '=') out += static_cast<char>((chunk >> 8) & 0xFF);
    if (text[i + 3] != '=') out += static_cast<char>(chunk & 0xFF);
  }
  return out;
}

// A number of whole hundredths, in DynamoDB's canonical text ("-1.5", "0.25", "12").
inline std::string NumberText(long long hundredths) {
  if (hundredths == 0) return "0";
  std::string sign = hundredths < 0 ? "-" : "";
  unsigned long long m = std::llabs(hundredths);
  std::string text = sign + std::to_string(m / 100);
  unsigned long long fraction = m % 100;
  if (fraction == 0) return text;
  if (fraction % 10 == 0) return text + "." + std::to_string(fraction / 10);
  return text + "." + (fraction < 10 ? "0" : "") + std::to_string(fraction);
}

inline long long Hundredths(const std::string& text) {
  bool negative = !text.empty() && text[0] == '-';
  std::string digits = negative ? text.substr(1) : text;
  size_t dot = digits.find('.');
  long long whole = std::stoll(digits.substr(0, dot));
  long long fraction = 0;
  if (dot != std::string::npos) {
    std::string f = digits.substr(dot + 1);
    while (f.size() < 2) f += '0';
    fraction = std::stoll(f.substr(0, 2));
  }
  long long value = whole * 100 + fraction;
  return negative ? -value : value;
}

inline json S(const std::string& s) { return {{"S", s}}; }
inline json B(const std::string& bytes) { return {{"B", Base64(bytes)}}; }
inline json N(long long hundredths) { return {{"N", NumberText(hundredths)}}; }

// "S", "N", "B", "BOOL", "SS", ...: the one member of an attribute value.
inline std::string TypeOf(const json& value) { return value.begin().key(); }

// Compares two scalar values of one type as DynamoDB orders keys: numbers by value, strings
// and binaries by unsigned bytes.
inline int CompareScalar(const json& a, const json& b) {
  const std::string type = TypeOf(a);
  if (type == "N") {
    long long x = Hundredths(a["N"]), y = Hundredths(b["N"]);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  std::string x = type == "B" ? Unbase64(a["B"]) : a[type].get<std::string>();
  std::string y = type == "B" ? Unbase64(b["B"]) : b[type].get<std::string>();
  for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
    unsigned char cx = x[i], cy = y[i];
    if (cx != cy) return cx < cy ? -1 : 1;
  }
  return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
}

// The storage size of a number (Developer Guide, "Item sizes and formats": about one byte per
// two significant digits plus one, and one more for a negative number), with the digits paired
// from the decimal point.
inline size_t NumberSize(long long hundredths) {
  if (hundredths == 0) return 1;
  unsigned long long m = std::llabs(hundredths);
  int lowest = 0;
  while (m % 10 == 0) {
    m /= 10;
    ++lowest;
  }
  int highest = lowest;
  for (unsigned long long rest = m; rest >= 10; rest /= 10) ++highest;
  auto floor_half = [](int place) { return place >= 0 ? place / 2 : -((-place + 1) / 2); };
  int pairs = floor_half(highest - 2) - floor_half(lowest - 2) + 1;
  return 1 + pairs + (hundredths < 0 ? 1 : 0);
}

inline size_t ValueSize(const json& value) {
  const std::string type = TypeOf(value);
  if (type == "S") return value["S"].get<std::string>().size();
  if (type == "B") return Unbase64(value["B"]).size();
  if (type == "N") return NumberSize(Hundredths(value["N"]));
  if (type == "SS") {
    size_t total = 0;
    for (const json& member : value["SS"]) total += member.get<std::string>().size();
    return total;
  }
  return 1;  // BOOL, NULL
}

// Attribute names plus values (Developer Guide, "Item sizes and formats").
inline size_t ItemSize(const json& item) {
  size_t total = 0;
  for (auto& [name, value] : item.items()) total += name.size() + ValueSize(value);
  return total;
}

inline uint64_t HashOf(const json& value) {
  const std::string type = TypeOf(value);
  if (type == "S") return partition::PartitionKeyHash(value::AttributeValue::String(value["S"]));
  if (type == "B")
    return partition::PartitionKeyHash(value::AttributeValue::Binary(Unbase64(value["B"])));
  return partition::PartitionKeyHash(
      value::AttributeValue::OfNumber(*value::Number::Parse(value["N"].get<std::string>())));
}

// Set members come back in no promised order: sorts them so items compare as values.
inline json Normalized(json item) {
  for (auto& [name, value] : item.items()) {
    if (value.contains("SS")) std::sort(value["SS"].begin(), value["SS"].end());
  }
  return item;
}

// --- the table -----------------------------------------------------------------------------

struct IndexSpec {
  std::string name;
  bool global = false;
  std::string partition_key;
  std::string sort_key;  // empty: no sort key
  std::string projection;  // KEYS_ONLY, INCLUDE or ALL
  std::vector<std::string> include;
};

struct TableSpec {
  std::string name = "Model";
  std::string partition_key = "pk";
  std::string sort_key;  // empty: hash-only
  std::map<std::string, std::string> key_types;  // every attribute some key uses: S, N or B
  std::vector<IndexSpec> indexes;

  // The CreateTable request, PAY_PER_REQUEST.
  json CreateTableRequest() const {
    json request = {{"TableName", name}, {"BillingMode", "PAY_PER_REQUEST"}};
    request["KeySchema"] = {{{"AttributeName", partition_key}, {"KeyType", "HASH"}}};
    if (!sort_key.empty()) {
      request["KeySchema"].push_back({{"AttributeName", sort_key}, {"KeyType", "RANGE"}});
    }
    std::set<std::string> used = {partition_key};
    if (!sort_key.empty()) used.insert(sort_key);
    json globals = json::array(), locals = json::array();
    for (const IndexSpec& index : indexes) {
      json schema = {{{"AttributeName", index.partition_key}, {"KeyType", "HASH"}}};
      used.insert(index.partition_key);
      if (!index.sort_key.empty()) {
        schema.push_back({{"AttributeName", index.sort_key}, {"KeyType", "RANGE"}});
        used.insert(index.sort_key);
      }
      json projection = {{"ProjectionType", index.projection}};
      if (index.projection == "INCLUDE") projection["NonKeyAttributes"] = index.include;
      json definition = {{"IndexName", index.name}, {"KeySchema", schema}, {"Projection", projection}};
      (index.global ? globals : locals).push_back(definition);
    }
    if (!globals.empty()) request["GlobalSecondaryIndexes"] = globals;
    if (!locals.empty()) request["LocalSecondaryIndexes"] = locals;
    request["AttributeDefinitions"] = json::array();
    for (const std::string& name : used) {
      request["AttributeDefinitions"].push_back(
          {{"AttributeName", name}, {"AttributeType", key_types.at(name)}});
    }
    return request;
  }

  std::vector<std::string> TableKeyNames() const {
    if (sort_key.empty()) return {partition_key};
    return {partition_key, sort_key};
  }
  // The attributes a read's LastEvaluatedKey holds: the table's key, plus the index's.
  std::vector<std::string> KeyNames(const IndexSpec* index) const {
    std::vector<std::string> names = TableKeyNames();
    if (index) {
      for (const std::string& name : {index->partition_key, index->sort_key}) {
        if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) {
          names.push_back(name);
        }
      }
    }
    return names;
  }
  // Whether `index`'s entries hold `attribute` (keys always; INCLUDE's list; ALL everything).
  bool Projects(const IndexSpec& index, const std::string& attribute) const {
    std::vector<std::string> keys = KeyNames(&index);
    if (std::find(keys.begin(), keys.end(), attribute) != keys.end()) return true;
    if (index.projection == "ALL") return true;
    return std::find(index.include.begin(), index.include.end(), attribute) != index.include.end();
  }
  const IndexSpec* FindIndex(const std::string& index_name) const {
    for (const IndexSpec& index : indexes) {
      if (index.name == index_name) return &index;
    }
    return nullptr;
  }
};

inline json Pick(const json& item, const std::vector<std::string>& names) {
  json picked = json::object();
  for (const std::string& name : names) {
    if (item.contains(name)) picked[name] = item[name];
  }
  return picked;
}

// The table's items in Scan order: by partition-key hash, then partition key, then sort key.
struct Row {
  const json* item;
  uint64_t hash;
};

inline bool TableOrderLess(const TableSpec& spec, const Row& a, const Row& b) {
  if (a.hash != b.hash) return a.hash < b.hash;
  if (int c = CompareScalar((*a.item)[spec.partition_key], (*b.item)[spec.partition_key]); c != 0) {
    return c < 0;
  }
  if (spec.sort_key.empty()) return false;
  return CompareScalar((*a.item)[spec.sort_key], (*b.item)[spec.sort_key]) < 0;
}

inline std::vector<Row> TableOrder(const TableSpec& spec, const std::vector<json>& items) {
  std::vector<Row> rows;
  for (const json& item : items) rows.push_back({&item, HashOf(item[spec.partition_key])});
  std::sort(rows.begin(), rows.end(),
            [&](const Row& a, const Row& b) { return TableOrderLess(spec, a, b); });
  return rows;
}

// An index's entries in the order the index is read: by the index partition key's hash and
// value, then the index sort key, then the table's Scan order for entries with equal index
// keys. Items without every index key attribute have no entry (a sparse index).
struct Entry {
  json entry;       // the projected attributes
  const json* item;  // the table's item
  uint64_t hash;     // of the index partition key
  uint64_t table_hash;
};

inline std::vector<Entry> IndexOrder(const TableSpec& spec, const IndexSpec& index,
                                     const std::vector<json>& items) {
  std::vector<Entry> entries;
  for (const json& item : items) {
    if (!item.contains(index.partition_key)) continue;
    if (!index.sort_key.empty() && !item.contains(index.sort_key)) continue;
    Entry entry;
    entry.item = &item;
    if (index.projection == "ALL") {
      entry.entry = item;
    } else {
      std::vector<std::string> names = spec.KeyNames(&index);
      names.insert(names.end(), index.include.begin(), index.include.end());
      entry.entry = Pick(item, names);
    }
    entry.hash = HashOf(item[index.partition_key]);
    entry.table_hash = HashOf(item[spec.partition_key]);
    entries.push_back(std::move(entry));
  }
  std::stable_sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
    if (a.hash != b.hash) return a.hash < b.hash;
    const json& x = *a.item;
    const json& y = *b.item;
    if (int c = CompareScalar(x[index.partition_key], y[index.partition_key]); c != 0) return c < 0;
    if (!index.sort_key.empty()) {
      if (int c = CompareScalar(x[index.sort_key], y[index.sort_key]); c != 0) return c < 0;
    }
    return TableOrderLess(spec, {a.item, a.table_hash}, {b.item, b.table_hash});
  });
  return entries;
}

// The primary key of an item, as one comparable string.
inline std::string KeyText(const TableSpec& spec, const json& item) {
  return Pick(item, spec.TableKeyNames()).dump();
}

}  // namespace ddbpg::testing::model
