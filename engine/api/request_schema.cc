#include "engine/api/request_schema.h"

#include "engine/value/ddb_json.h"

namespace ddbpg::api {
namespace {

base::Status CheckMember(const json& value, const MemberSpec& member) {
  switch (member.kind) {
    case MemberKind::kAttributeValue:
      return value::CheckAttributeValueWire(value);
    case MemberKind::kAttributeMap:
      return value::CheckAttributeMapWire(value);
    case MemberKind::kStringMap: {
      if (base::Status s = value::CheckWireType(value, value::WireType::kMap, "String"); !s.ok())
        return s;
      if (value.is_null()) return base::Status::OK();
      for (const auto& [name, element] : value.items()) {
        if (base::Status s = value::CheckWireType(element, value::WireType::kString); !s.ok())
          return s;
      }
      return base::Status::OK();
    }
    case MemberKind::kPlain:
      break;
  }
  if (base::Status s = value::CheckWireType(value, member.type, member.shape); !s.ok()) return s;
  if (!value.is_null() && member.type == value::WireType::kList && member.element) {
    for (const json& element : value) {
      if (base::Status s = value::CheckWireType(element, *member.element); !s.ok()) return s;
    }
    return base::Status::OK();
  }
  if (value.is_null() || member.children.empty()) return base::Status::OK();
  if (member.type == value::WireType::kStructure) return CheckRequestShape(value, member.children);
  if (member.type == value::WireType::kList) {
    for (const json& element : value) {
      if (base::Status s =
              value::CheckWireType(element, value::WireType::kValueStructure, member.shape);
          !s.ok()) {
        return s;
      }
      if (element.is_null()) continue;
      if (base::Status s = CheckRequestShape(element, member.children); !s.ok()) return s;
    }
  }
  return base::Status::OK();
}

}  // namespace

MemberSpec AttributeValueMapMember(const char* name) {
  return {name, value::WireType::kMap, "AttributeValue", MemberKind::kAttributeMap};
}

MemberSpec ExpressionAttributeNamesMember() {
  return {"ExpressionAttributeNames", value::WireType::kMap, "String", MemberKind::kStringMap};
}

std::vector<MemberSpec> WithConditionMembers(std::vector<MemberSpec> head) {
  head.push_back({"ConditionExpression", value::WireType::kString});
  head.push_back(ExpressionAttributeNamesMember());
  head.push_back(AttributeValueMapMember("ExpressionAttributeValues"));
  head.push_back({"ReturnValuesOnConditionCheckFailure", value::WireType::kString});
  return head;
}

const json& Member(const json& request, const char* name) {
  static const json kNull;
  auto it = request.find(name);
  return it == request.end() ? kNull : *it;
}

base::Status CheckRequestShape(const json& object, const std::vector<MemberSpec>& spec) {
  for (const MemberSpec& member : spec) {
    auto it = object.find(member.name);
    if (it == object.end()) continue;
    if (base::Status s = CheckMember(*it, member); !s.ok()) return s;
  }
  return base::Status::OK();
}

base::Status CheckTimestampMember(const json& value) {
  if (value.is_null() || value.is_number()) return base::Status::OK();
  if (value.is_string())
    return base::Status::Serialization("STRING_VALUE cannot be converted to Date");
  return base::Status::Serialization("Unexpected token received from parser");
}

}  // namespace ddbpg::api
