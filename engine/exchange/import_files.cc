#include "engine/exchange/import_files.h"

#include <nlohmann/json.hpp>

#include "engine/base/limits.h"
#include "engine/base/utf8.h"
#include "engine/exchange/gzip.h"
#include "engine/exchange/ion_text.h"
#include "engine/value/attribute_names.h"
#include "engine/value/ddb_json.h"
#include "engine/value/item_size.h"
#include "engine/value/json_depth.h"
#include "engine/value/json_reader.h"

namespace ddbpg::exchange {
namespace {

using json = nlohmann::json;

// How far one object may inflate: more than any playground holds.
constexpr size_t kMaxInflatedBytes = size_t{256} << 20;
// A line nested deeper than any valid item ({"Item": ...} around 32 levels of L and M, two JSON
// levels each) is refused before it is parsed: the walks over a parsed document recurse once per
// level, and a wasm instance has 64 KB of stack.
constexpr int kMaxLineDepth = 2 * base::limits::kMaxNestingDepth + 4;

bool IsUtf8(std::string_view text) {
  size_t at = 0;
  char32_t code_point;
  while (at < text.size()) {
    if (!base::NextCodePoint(text, at, code_point)) return false;
  }
  return true;
}

// Whether every name and string of `value` is UTF-8, as a request's would have to be: CSV and Ion
// files are bytes, and a string that is not UTF-8 could never be written out again.
bool AllUtf8(const json& value) {
  if (value.is_string()) return IsUtf8(value.get_ref<const std::string&>());
  if (value.is_array()) {
    for (const json& element : value) {
      if (!AllUtf8(element)) return false;
    }
  }
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (!IsUtf8(it.key()) || !AllUtf8(it.value())) return false;
    }
  }
  return true;
}

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

// Takes a decoded item if it is one the table can hold.
void Accept(const json& wire, const ImportOptions& options, ImportedItems& out) {
  ++out.processed_items;
  if (!wire.is_object() || !AllUtf8(wire) || !value::CheckAttributeMapWire(wire).ok()) {
    ++out.errors;
    return;
  }
  base::Result<value::Item> item = value::DecodeItem(wire);
  if (!item.ok() || value::ItemSize(*item) > base::limits::kMaxItemBytes ||
      !value::CheckAttributeNames(*item).ok()) {
    ++out.errors;
    return;
  }
  for (const KeyAttribute& key : options.keys) {
    auto it = item->find(key.name);
    if (it == item->end() ? key.required : it->second.type() != key.type) {
      ++out.errors;
      return;
    }
    // A key's string or binary value may not be empty.
    if (it != item->end() && key.type != value::AttributeType::kN &&
        it->second.AsString().empty()) {
      ++out.errors;
      return;
    }
  }
  out.items.push_back(std::move(*item));
}

void ReadDynamoDbJson(std::string_view text, const ImportOptions& options, ImportedItems& out) {
  for (std::string_view line : Lines(text)) {
    if (IsBlank(line)) continue;
    json document =
        value::NestedDeeperThan(line, kMaxLineDepth) ? json() : value::ReadJsonOrDiscarded(line);
    if (document.is_discarded() || !document.is_object() || !document.contains("Item")) {
      ++out.processed_items;
      ++out.errors;
      continue;
    }
    Accept(document["Item"], options, out);
  }
}

void ReadIon(std::string_view text, const ImportOptions& options, ImportedItems& out) {
  std::optional<std::vector<json>> documents = ParseIonDocuments(text, nullptr);
  if (!documents) {
    ++out.processed_items;
    ++out.errors;
    return;
  }
  for (json& document : *documents) {
    if (!document.contains("Item")) {
      ++out.processed_items;
      ++out.errors;
      continue;
    }
    Accept(document["Item"], options, out);
  }
}

// RFC 4180 rows: fields split by `delimiter`, a quoted field may hold the delimiter, newlines
// and "" for a quote.
std::vector<std::vector<std::string>> CsvRows(std::string_view text, char delimiter) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == delimiter) {
      row.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !field.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
      }
      row.clear();
      field.clear();
      any = false;
    } else {
      field += c;
      any = true;
    }
  }
  if (any || !field.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

void ReadCsv(std::string_view text, const ImportOptions& options, ImportedItems& out) {
  // A byte order mark (spreadsheets write one) is not part of the first header.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::vector<std::string>> rows = CsvRows(text, options.csv_delimiter);
  size_t first = 0;
  std::vector<std::string> header;
  if (options.csv_header) {
    header = *options.csv_header;
  } else if (!rows.empty()) {
    header = rows[0];
    first = 1;
  }
  for (size_t r = first; r < rows.size(); ++r) {
    const std::vector<std::string>& row = rows[r];
    if (row.size() != header.size()) {
      ++out.processed_items;
      ++out.errors;
      continue;
    }
    // Key attributes take the table's types; every other column is a string (Developer Guide:
    // "all columns other than the hash range and keys ... are imported as DynamoDB strings").
    json item = json::object();
    for (size_t c = 0; c < header.size(); ++c) {
      const char* type = "S";
      for (const KeyAttribute& key : options.keys) {
        if (key.name != header[c]) continue;
        type = key.type == value::AttributeType::kN   ? "N"
               : key.type == value::AttributeType::kB ? "B"
                                                      : "S";
      }
      if (row[c].empty() && std::string(type) != "S") continue;
      item[header[c]] = {{type, row[c]}};
    }
    Accept(item, options, out);
  }
}

}  // namespace

ImportedItems ReadImportObjects(
    const std::vector<std::pair<std::string, const std::string*>>& objects,
    const ImportOptions& options) {
  ImportedItems out;
  for (const auto& [key, body] : objects) {
    out.processed_bytes += static_cast<long long>(body->size());
    std::optional<std::string> inflated;
    std::string_view text = *body;
    if (options.compression == "GZIP") {
      inflated = Gunzip(*body, kMaxInflatedBytes);
      if (!inflated) {
        ++out.processed_items;
        ++out.errors;
        continue;
      }
      text = *inflated;
    } else if (options.compression == "ZSTD") {
      ++out.processed_items;
      ++out.errors;
      continue;
    }
    if (options.format == "ION") {
      ReadIon(text, options, out);
    } else if (options.format == "CSV") {
      ReadCsv(text, options, out);
    } else {
      ReadDynamoDbJson(text, options, out);
    }
  }
  return out;
}

}  // namespace ddbpg::exchange
