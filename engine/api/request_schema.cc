#include "engine/api/request_schema.h"

#include "engine/value/ddb_json.h"

namespace ddbpg {
namespace {

Status CheckMember(const json& value, const MemberSpec& member) {
  switch (member.kind) {
    case MemberKind::kAttributeValue:
      return CheckAttributeValueWire(value);
    case MemberKind::kAttributeMap:
      return CheckAttributeMapWire(value);
    case MemberKind::kStringMap: {
      if (Status s = CheckWireType(value, WireType::kMap, "String"); !s.ok()) return s;
      if (value.is_null()) return Status::OK();
      for (const auto& [name, element] : value.items()) {
        if (Status s = CheckWireType(element, WireType::kString); !s.ok()) return s;
      }
      return Status::OK();
    }
    case MemberKind::kPlain:
      break;
  }
  if (Status s = CheckWireType(value, member.type, member.shape); !s.ok()) return s;
  if (!value.is_null() && member.type == WireType::kList && member.element) {
    for (const json& element : value) {
      if (Status s = CheckWireType(element, *member.element); !s.ok()) return s;
    }
    return Status::OK();
  }
  if (value.is_null() || member.children.empty()) return Status::OK();
  if (member.type == WireType::kStructure) return CheckRequestShape(value, member.children);
  if (member.type == WireType::kList) {
    for (const json& element : value) {
      if (Status s = CheckWireType(element, WireType::kValueStructure, member.shape); !s.ok()) {
        return s;
      }
      if (element.is_null()) continue;
      if (Status s = CheckRequestShape(element, member.children); !s.ok()) return s;
    }
  }
  return Status::OK();
}

}  // namespace

const json& Member(const json& request, const char* name) {
  static const json kNull;
  auto it = request.find(name);
  return it == request.end() ? kNull : *it;
}

Status CheckRequestShape(const json& object, const std::vector<MemberSpec>& spec) {
  for (const MemberSpec& member : spec) {
    auto it = object.find(member.name);
    if (it == object.end()) continue;
    if (Status s = CheckMember(*it, member); !s.ok()) return s;
  }
  return Status::OK();
}

Status CheckTimestampMember(const json& value) {
  if (value.is_null() || value.is_number()) return Status::OK();
  if (value.is_string()) return Status::Serialization("STRING_VALUE cannot be converted to Date");
  return Status::Serialization("Unexpected token received from parser");
}

}  // namespace ddbpg
