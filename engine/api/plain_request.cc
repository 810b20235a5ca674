#include "engine/api/plain_request.h"

#include <algorithm>
#include <vector>

#include "engine/base/limits.h"
#include "engine/value/json_cursor.h"

namespace ddbpg::api {
namespace {

bool IsTableNameCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '-';
}

bool AtString(const value::JsonCursor& cursor) { return !cursor.AtEnd() && cursor.Peek() == '"'; }

}  // namespace

bool ReadPlainRequest(
    std::string_view body,
    const std::function<bool(value::JsonCursor& cursor, const std::string& name)>& read_member) {
  value::JsonCursor cursor(body);
  if (!cursor.SkipByteOrderMark()) return false;
  cursor.SkipSpace();
  std::vector<std::string> seen;  // a request has a handful of members
  if (!value::ReadObjectMembers(cursor, [&](std::string name) {
        if (std::find(seen.begin(), seen.end(), name) != seen.end()) return false;
        seen.push_back(name);
        return read_member(cursor, seen.back());
      })) {
    return false;
  }
  cursor.SkipSpace();
  return cursor.AtDocumentEnd();
}

bool IsValidTableName(const std::string& name) {
  if (name.size() < base::limits::kMinTableNameLength ||
      name.size() > base::limits::kMaxTableNameLength) {
    return false;
  }
  for (char c : name) {
    if (!IsTableNameCharacter(c)) return false;
  }
  return true;
}

bool ReadPlainTableName(value::JsonCursor& cursor, std::string& out) {
  return AtString(cursor) && cursor.String(out) && IsValidTableName(out);
}

bool ReadPlainOption(value::JsonCursor& cursor, const char* member,
                     std::initializer_list<const char*> values, nlohmann::json& options) {
  std::string text;
  if (!AtString(cursor) || !cursor.String(text)) return false;
  for (const char* value : values) {
    if (text == value) {
      options[member] = std::move(text);
      return true;
    }
  }
  return false;
}

std::optional<bool> ReadPlainWriteReturnOption(value::JsonCursor& cursor, const std::string& name,
                                               nlohmann::json& options) {
  if (name == "ReturnConsumedCapacity") {
    return ReadPlainOption(cursor, "ReturnConsumedCapacity", {"INDEXES", "TOTAL", "NONE"}, options);
  }
  if (name == "ReturnItemCollectionMetrics") {
    return ReadPlainOption(cursor, "ReturnItemCollectionMetrics", {"SIZE", "NONE"}, options);
  }
  return std::nullopt;
}

}  // namespace ddbpg::api
