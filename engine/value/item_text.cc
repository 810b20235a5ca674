#include "engine/value/item_text.h"

#include <string>
#include <string_view>

#include "engine/base/limits.h"

namespace ddbpg::value {
namespace {

bool ReadValue(JsonCursor& cursor, int depth, AttributeValue& out);

bool ReadMap(JsonCursor& cursor, int depth, AttributeValue::Map& out) {
  return ReadObjectMembers(cursor, [&](std::string name) {
    AttributeValue element;
    return ReadValue(cursor, depth, element) &&
           out.emplace(std::move(name), std::move(element)).second;
  });
}

bool ReadList(JsonCursor& cursor, int depth, AttributeValue::List& out) {
  return ReadArrayElements(cursor, [&] {
    out.emplace_back();
    return ReadValue(cursor, depth, out.back());
  });
}

bool ReadString(JsonCursor& cursor, std::string& out) {
  return !cursor.AtEnd() && cursor.Peek() == '"' && cursor.String(out);
}

bool ReadTrue(JsonCursor& cursor) { return cursor.Literal("true"); }

// The one member of an AttributeValue: its type's name, then its value.
bool ReadTypedMember(JsonCursor& cursor, std::string_view type, int depth, AttributeValue& out) {
  if (type == "S") {
    std::string text;
    if (!ReadString(cursor, text)) return false;
    out = AttributeValue::String(std::move(text));
    return true;
  }
  if (type == "N") {
    std::string text;
    if (!ReadString(cursor, text)) return false;
    base::Result<Number> number = Number::Parse(text);
    if (!number.ok()) return false;
    out = AttributeValue::OfNumber(*number);
    return true;
  }
  if (type == "BOOL") {
    if (cursor.Literal("true")) {
      out = AttributeValue::Bool(true);
      return true;
    }
    if (!cursor.Literal("false")) return false;
    out = AttributeValue::Bool(false);
    return true;
  }
  if (type == "NULL") {
    if (!ReadTrue(cursor)) return false;
    out = AttributeValue::Null();
    return true;
  }
  // A top-level attribute (depth 0) is the item's level 2; a map or list may sit at most at
  // level kMaxNestingDepth.
  if (depth + 2 > base::limits::kMaxNestingDepth) return false;
  if (type == "M") {
    AttributeValue::Map map;
    if (!ReadMap(cursor, depth + 1, map)) return false;
    out = AttributeValue::OfMap(std::move(map));
    return true;
  }
  if (type == "L") {
    AttributeValue::List list;
    if (!ReadList(cursor, depth + 1, list)) return false;
    out = AttributeValue::OfList(std::move(list));
    return true;
  }
  return false;
}

bool ReadValue(JsonCursor& cursor, int depth, AttributeValue& out) {
  int members = 0;
  return ReadObjectMembers(cursor,
                           [&](std::string type) {
                             return ++members == 1 && ReadTypedMember(cursor, type, depth, out);
                           }) &&
         members == 1;
}

}  // namespace

bool ReadPlainItem(JsonCursor& cursor, Item& out) { return ReadMap(cursor, 0, out); }

}  // namespace ddbpg::value
