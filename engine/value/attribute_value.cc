#include "engine/value/attribute_value.h"

#include <algorithm>

#include "engine/base/json_string_bytes.h"

namespace ddbpg::value {

std::string_view AttributeTypeName(AttributeType type) {
  switch (type) {
    case AttributeType::kS: return "S";
    case AttributeType::kN: return "N";
    case AttributeType::kB: return "B";
    case AttributeType::kBool: return "BOOL";
    case AttributeType::kNull: return "NULL";
    case AttributeType::kM: return "M";
    case AttributeType::kL: return "L";
    case AttributeType::kSS: return "SS";
    case AttributeType::kNS: return "NS";
    case AttributeType::kBS: return "BS";
  }
  return "?";
}

AttributeValue AttributeValue::String(std::string s) {
  const bool plain = base::IsPlainJsonString(s);
  AttributeValue value(AttributeType::kS, std::move(s));
  value.json_plain_ = plain;
  return value;
}
AttributeValue AttributeValue::Binary(std::string bytes) {
  return AttributeValue(AttributeType::kB, std::move(bytes));
}
AttributeValue AttributeValue::OfNumber(Number n) {
  return AttributeValue(AttributeType::kN, std::move(n));
}
AttributeValue AttributeValue::Bool(bool b) { return AttributeValue(AttributeType::kBool, b); }
AttributeValue AttributeValue::Null() { return AttributeValue(); }
AttributeValue AttributeValue::OfMap(Map m) {
  return AttributeValue(AttributeType::kM, std::move(m));
}
AttributeValue AttributeValue::OfList(List l) {
  return AttributeValue(AttributeType::kL, std::move(l));
}
AttributeValue AttributeValue::StringSet(std::vector<std::string> members) {
  return AttributeValue(AttributeType::kSS, std::move(members));
}
AttributeValue AttributeValue::BinarySet(std::vector<std::string> members) {
  return AttributeValue(AttributeType::kBS, std::move(members));
}
AttributeValue AttributeValue::NumberSet(std::vector<Number> members) {
  return AttributeValue(AttributeType::kNS, std::move(members));
}

namespace {

// Sets hold no duplicates, so equal size plus every member of one found in the other is
// set equality.
template <class T>
bool SameMembers(const std::vector<T>& a, const std::vector<T>& b) {
  if (a.size() != b.size()) return false;
  return std::all_of(a.begin(), a.end(), [&b](const T& member) {
    return std::find(b.begin(), b.end(), member) != b.end();
  });
}

}  // namespace

bool AttributeValue::operator==(const AttributeValue& other) const {
  if (type_ != other.type_) return false;
  switch (type_) {
    case AttributeType::kSS:
    case AttributeType::kBS:
      return SameMembers(AsStringSet(), other.AsStringSet());
    case AttributeType::kNS:
      return SameMembers(AsNumberSet(), other.AsNumberSet());
    case AttributeType::kN:
      return AsNumber().Compare(other.AsNumber()) == 0;
    default:
      return data_ == other.data_;
  }
}

int CompareKeyValues(const AttributeValue& a, const AttributeValue& b) {
  if (a.type() != b.type()) return static_cast<int>(a.type()) - static_cast<int>(b.type());
  if (a.type() == AttributeType::kN) return a.AsNumber().Compare(b.AsNumber());
  // std::string compares through char_traits<char>, which orders bytes as unsigned char.
  return a.AsString().compare(b.AsString());
}

}  // namespace ddbpg::value
