// AttributeValue: one DynamoDB value of any of the ten types, and Item, a map of them.
//
// Values are built only by the DynamoDB-JSON codec (ddb_json.h), which enforces the service's
// rules, so code holding an AttributeValue may assume it is valid: sets are non-empty and free
// of duplicates, numbers are exact, binaries hold raw bytes (base64 exists only on the wire).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "engine/value/number.h"

namespace ddbpg::value {

enum class AttributeType { kS, kN, kB, kBool, kNull, kM, kL, kSS, kNS, kBS };

// The type's name on the wire: "S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS".
std::string_view AttributeTypeName(AttributeType type);

class AttributeValue {
 public:
  using List = std::vector<AttributeValue>;
  using Map = std::map<std::string, AttributeValue>;

  AttributeValue() : type_(AttributeType::kNull), data_(std::monostate{}) {}

  static AttributeValue String(std::string s);
  static AttributeValue Binary(std::string bytes);
  static AttributeValue OfNumber(Number n);
  static AttributeValue Bool(bool b);
  static AttributeValue Null();
  static AttributeValue OfMap(Map m);
  static AttributeValue OfList(List l);
  static AttributeValue StringSet(std::vector<std::string> members);
  static AttributeValue BinarySet(std::vector<std::string> members);
  static AttributeValue NumberSet(std::vector<Number> members);

  AttributeType type() const { return type_; }
  // For an S value: true when its bytes go into JSON as they are (base::IsPlainJsonString),
  // decided once when the value is made, so a response copies a stored string instead of
  // looking at every byte each time it is read.
  bool IsJsonPlain() const { return json_plain_; }

  // Accessors for the matching type only; calling the wrong one is a programming error.
  const std::string& AsString() const { return std::get<std::string>(data_); }  // S and B
  const Number& AsNumber() const { return std::get<Number>(data_); }
  bool AsBool() const { return std::get<bool>(data_); }
  const Map& AsMap() const { return std::get<Map>(data_); }
  const List& AsList() const { return std::get<List>(data_); }
  const std::vector<std::string>& AsStringSet() const {  // SS and BS
    return std::get<std::vector<std::string>>(data_);
  }
  const std::vector<Number>& AsNumberSet() const { return std::get<std::vector<Number>>(data_); }

  // DynamoDB equality: numbers by value, sets regardless of member order.
  bool operator==(const AttributeValue& other) const;
  bool operator!=(const AttributeValue& other) const { return !(*this == other); }

 private:
  using Data = std::variant<std::monostate, std::string, Number, bool, Map, List,
                            std::vector<std::string>, std::vector<Number>>;
  AttributeValue(AttributeType type, Data data) : type_(type), data_(std::move(data)) {}

  AttributeType type_;
  bool json_plain_ = false;  // see IsJsonPlain; sits in type_'s padding
  Data data_;
};

using Item = std::map<std::string, AttributeValue>;

// Orders two key values of the same scalar type the way DynamoDB sorts sort keys: numbers
// numerically, strings and binaries by unsigned bytes. Returns <0, 0 or >0.
int CompareKeyValues(const AttributeValue& a, const AttributeValue& b);

}  // namespace ddbpg::value
