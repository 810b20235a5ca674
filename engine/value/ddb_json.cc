#include "engine/value/ddb_json.h"

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <string_view>

#include "engine/base/limits.h"
#include "engine/base/service_text.h"
#include "engine/value/base64.h"
#include "engine/value/deep_request.h"
#include "engine/value/json_object.h"
#include "engine/value/wire_shape.h"

namespace ddbpg::value {
namespace {


struct MemberRule {
  const char* name;
  WireType type;
  WireType element_type;  // for lists of scalars (SS, NS, BS)
};

// Wire members of an AttributeValue, in the order the service reports them.
constexpr std::array<MemberRule, 10> kMembers = {{
    {"S", WireType::kString, WireType::kString},
    {"N", WireType::kString, WireType::kString},
    {"B", WireType::kBlob, WireType::kBlob},
    {"SS", WireType::kList, WireType::kString},
    {"NS", WireType::kList, WireType::kString},
    {"BS", WireType::kList, WireType::kBlob},
    {"M", WireType::kMap, WireType::kValueStructure},
    {"L", WireType::kList, WireType::kValueStructure},
    {"NULL", WireType::kBoolean, WireType::kBoolean},
    {"BOOL", WireType::kBoolean, WireType::kBoolean},
}};

// The wire check recurses once per JSON level; the dispatcher refuses bodies nested far deeper
// than any value may be before parsing, so this recursion is bounded.
base::Status CheckWire(const json& value) {
  if (base::Status s = CheckWireType(value, WireType::kValueStructure, "AttributeValue"); !s.ok()) {
    return s;
  }
  if (value.is_null()) return base::Status::OK();
  for (const MemberRule& rule : kMembers) {
    auto it = value.find(rule.name);
    if (it == value.end()) continue;
    const std::string element_shape = "AttributeValue";
    if (base::Status s = CheckWireType(*it, rule.type, element_shape); !s.ok()) return s;
    if (it->is_null()) continue;
    if (rule.type == WireType::kList) {
      for (const json& element : *it) {
        base::Status s = rule.element_type == WireType::kValueStructure
                             ? CheckWire(element)
                             : CheckWireType(element, rule.element_type);
        if (!s.ok()) return s;
      }
    } else if (rule.type == WireType::kMap) {
      for (const auto& [name, element] : it->items()) {
        if (base::Status s = CheckWire(element); !s.ok()) return s;
      }
    }
  }
  return base::Status::OK();
}

base::Status Invalid(std::string_view detail) {
  return base::Status::Validation(std::string(base::kParameterValuesInvalid) + std::string(detail));
}

// PutItem, UpdateItem and DeleteItem wrap number and duplicate-member errors in the validator's
// envelope; GetItem and the read operations send them bare (measured against the live service
// in 2026, the same in every region tested).
struct DecodeContext {
  DecodeOptions options;
  bool older() const { return options.layer == ValueLayer::kOlder; }
  // A number's or a duplicate set member's fault.
  base::Status ValueError(const base::Status& error) const {
    if (older()) return Placed(error);
    if (!options.envelope_value_errors) return error;
    return base::Status::Validation("1 validation error detected: " + error.message());
  }
  // Any other fault, named by where the value sits.
  base::Status Placed(const base::Status& error) const {
    if (options.fault_prefix.empty() && options.fault_suffix.empty()) return error;
    return base::Status(error.type(), std::string(options.fault_prefix) + error.message() +
                                          std::string(options.fault_suffix));
  }
};

// The service prints the members it had seen before the first repeat in byte order, then the
// repeat, then the rest as sent.
std::vector<std::string> DuplicateReportOrder(const std::vector<std::string>& members,
                                              size_t first_repeat) {
  std::vector<std::string> order(members.begin(), members.begin() + first_repeat);
  std::sort(order.begin(), order.end());
  order.insert(order.end(), members.begin() + first_repeat, members.end());
  return order;
}

base::Result<AttributeValue> Decode(const json& value, int depth, const DecodeContext& context);

base::Result<AttributeValue> DecodeStringSet(const json& members, AttributeType type,
                                             const DecodeContext& context) {
  bool binary = type == AttributeType::kBS;
  if (members.empty()) {
    return context.Placed(
        Invalid(binary ? "Binary sets should not be empty" : "An string set  may not be empty"));
  }
  std::vector<std::string> decoded;
  std::set<std::string> seen;
  size_t first_repeat = 0;
  bool duplicate = false;
  for (const json& member : members) {
    if (member.is_null()) continue;
    const std::string& text = member.get_ref<const std::string&>();
    std::string bytes = binary ? Base64Decode(text).value_or("") : text;
    if (!seen.insert(bytes).second && !duplicate) {
      duplicate = true;
      first_repeat = decoded.size();
    }
    decoded.push_back(std::move(bytes));
  }
  if (duplicate && context.older()) {
    // The older layer lists every member as sent, unquoted.
    std::string as_sent;
    for (const json& member : members) {
      if (member.is_null()) continue;
      as_sent += (as_sent.empty() ? "" : ", ") + member.get_ref<const std::string&>();
    }
    return context.ValueError(Invalid("Input collection [" + as_sent + "]" +
                                      (binary ? "of type BS " : " ") + "contains duplicates."));
  }
  if (duplicate) {
    std::string listed;
    for (const std::string& member : DuplicateReportOrder(decoded, first_repeat)) {
      if (!listed.empty()) listed += binary ? "," : ", ";
      listed += "\"" + (binary ? Base64Encode(member) : member) + "\"";
    }
    return context.ValueError(Invalid("Input collection [" + listed + "]" +
                                      (binary ? "of type BS " : " ") +
                                      "contains duplicates."));
  }
  return binary ? AttributeValue::BinarySet(decoded) : AttributeValue::StringSet(decoded);
}

base::Result<Number> ParseNumber(std::string_view text, const DecodeContext& context) {
  return context.older() ? Number::ParseAsOlderLayer(text) : Number::Parse(text);
}

base::Result<AttributeValue> DecodeNumberSet(const json& members, const DecodeContext& context) {
  if (members.empty()) return context.Placed(Invalid("An number set  may not be empty"));
  std::vector<Number> numbers;
  for (const json& member : members) {
    if (member.is_null()) continue;
    base::Result<Number> n = ParseNumber(member.get_ref<const std::string&>(), context);
    if (!n.ok()) return context.ValueError(n.status());
    numbers.push_back(*n);
  }
  std::vector<Number> sorted = numbers;
  std::sort(sorted.begin(), sorted.end(),
            [](const Number& a, const Number& b) { return a.Compare(b) < 0; });
  for (size_t i = 1; i < sorted.size(); ++i) {
    if (sorted[i - 1].Compare(sorted[i]) != 0) continue;
    return context.ValueError(
        context.older() ? base::Status::Validation("Input collection contains duplicates")
                        : Invalid("Input collection contains duplicates."));
  }
  return AttributeValue::NumberSet(numbers);
}

// The item itself is level 1, so a top-level attribute (depth 0) is level 2 and a list or map
// may sit at most at level kMaxNestingDepth.
bool NestingTooDeep(int depth) { return depth + 2 > base::limits::kMaxNestingDepth; }

base::Result<AttributeValue> DecodeMember(std::string_view name, const json& member, int depth,
                                          const DecodeContext& context) {
  if (name == "S") return AttributeValue::String(member.get<std::string>());
  if (name == "N") {
    base::Result<Number> n = ParseNumber(member.get_ref<const std::string&>(), context);
    if (!n.ok()) return context.ValueError(n.status());
    return AttributeValue::OfNumber(*n);
  }
  if (name == "B") return AttributeValue::Binary(Base64Decode(member.get<std::string>()).value());
  if (name == "BOOL") return AttributeValue::Bool(member.get<bool>());
  if (name == "NULL") {
    if (!member.get<bool>()) {
      return context.Placed(Invalid("Null attribute value types must have the value of true"));
    }
    return AttributeValue::Null();
  }
  if (name == "SS") return DecodeStringSet(member, AttributeType::kSS, context);
  if (name == "BS") return DecodeStringSet(member, AttributeType::kBS, context);
  if (name == "NS") return DecodeNumberSet(member, context);
  // A deep request (value/deep_request.h) reads the value on and answers its nesting later.
  if (NestingTooDeep(depth) && !DeferNestingFault()) {
    return context.Placed(base::Status::Validation(
        "Nesting Levels have exceeded supported limits: Attributes in the item have nested "
        "levels beyond supported limit"));
  }
  if (name == "L") {
    AttributeValue::List list;
    for (const json& element : member) {
      base::Result<AttributeValue> decoded = Decode(element, depth + 1, context);
      if (!decoded.ok()) return decoded.status();
      list.push_back(std::move(*decoded));
    }
    return AttributeValue::OfList(std::move(list));
  }
  AttributeValue::Map map;
  for (const auto& [key, element] : member.items()) {
    base::Result<AttributeValue> decoded = Decode(element, depth + 1, context);
    if (!decoded.ok()) return decoded.status();
    map.emplace(key, std::move(*decoded));
  }
  return AttributeValue::OfMap(std::move(map));
}

// Each present type is checked in the order its member appears; only when all pass does the
// "more than one" rule apply (so {"S":"a","N":"x"} reports the number).
base::Result<AttributeValue> Decode(const json& value, int depth, const DecodeContext& context) {
  std::optional<AttributeValue> decoded;
  int present_count = 0;
  for (const auto& [name, member] : value.items()) {
    if (member.is_null()) continue;
    bool known = false;
    for (const MemberRule& rule : kMembers) known = known || name == rule.name;
    if (!known) continue;
    ++present_count;
    base::Result<AttributeValue> one = DecodeMember(name, member, depth, context);
    if (!one.ok()) return one.status();
    if (!decoded) decoded = std::move(*one);
  }
  if (present_count == 0) {
    return context.Placed(base::Status::Validation(
        "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"));
  }
  if (present_count > 1) {
    return context.Placed(base::Status::Validation(
        "Supplied AttributeValue has more than one datatypes set, must contain exactly one of "
        "the supported datatypes"));
  }
  return std::move(*decoded);
}

}  // namespace

base::Status CheckAttributeValueWire(const json& value) { return CheckWire(value); }

base::Status CheckAttributeMapWire(const json& value) {
  if (base::Status s = CheckWireType(value, WireType::kMap, "AttributeValue"); !s.ok()) return s;
  if (value.is_null()) return base::Status::OK();
  for (const auto& [name, element] : value.items()) {
    if (base::Status s = CheckWire(element); !s.ok()) return s;
  }
  return base::Status::OK();
}

base::Result<AttributeValue> DecodeAttributeValue(const json& value, DecodeOptions options) {
  return Decode(value, 0, DecodeContext{options});
}

base::Result<Item> DecodeItem(const json& value, DecodeOptions options) {
  const DecodeContext context{options};
  Item item;
  for (const auto& [name, element] : value.items()) {
    if (element.is_null()) continue;
    base::Result<AttributeValue> decoded = Decode(element, 0, context);
    if (!decoded.ok()) return decoded.status();
    item.emplace(name, std::move(*decoded));
  }
  return item;
}

json EncodeAttributeValue(const AttributeValue& value) {
  switch (value.type()) {
    case AttributeType::kS:
      return value::JsonObject({{"S", value.AsString()}});
    case AttributeType::kN:
      return value::JsonObject({{"N", value.AsNumber().ToString()}});
    case AttributeType::kB:
      return value::JsonObject({{"B", Base64Encode(value.AsString())}});
    case AttributeType::kBool:
      return value::JsonObject({{"BOOL", value.AsBool()}});
    case AttributeType::kNull:
      return value::JsonObject({{"NULL", true}});
    case AttributeType::kSS:
      return value::JsonObject({{"SS", value.AsStringSet()}});
    case AttributeType::kBS: {
      json members = json::array();
      for (const std::string& member : value.AsStringSet()) members.push_back(Base64Encode(member));
      return value::JsonObject({{"BS", members}});
    }
    case AttributeType::kNS: {
      json members = json::array();
      for (const Number& member : value.AsNumberSet()) members.push_back(member.ToString());
      return value::JsonObject({{"NS", members}});
    }
    case AttributeType::kL: {
      json elements = json::array();
      for (const AttributeValue& element : value.AsList()) {
        elements.push_back(EncodeAttributeValue(element));
      }
      return value::JsonObject({{"L", elements}});
    }
    case AttributeType::kM: {
      json members = json::object();
      for (const auto& [name, element] : value.AsMap()) {
        members[name] = EncodeAttributeValue(element);
      }
      return value::JsonObject({{"M", members}});
    }
  }
  return json::object();
}

json EncodeItem(const Item& item) {
  json out = json::object();
  for (const auto& [name, value] : item) out[name] = EncodeAttributeValue(value);
  return out;
}

}  // namespace ddbpg::value
