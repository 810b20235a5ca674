// Request shapes as data: which members an operation reads and the JSON type of each, so the
// wire checks (SerializationException) of every handler come from one walker.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "engine/base/status.h"
#include "engine/value/wire_shape.h"

namespace ddbpg::api {

using json = nlohmann::json;

enum class MemberKind {
  kPlain,           // a scalar, structure or list checked by WireType alone
  kAttributeValue,  // one AttributeValue
  kAttributeMap,    // name -> AttributeValue (Item, Key, ExpressionAttributeValues)
  kStringMap,       // name -> string (ExpressionAttributeNames)
};

struct MemberSpec {
  const char* name;
  value::WireType type;
  const char* shape = "";  // the structure's (or list element's) shape name for messages
  MemberKind kind = MemberKind::kPlain;
  // Members of a structure, or of each element of a list of structures.
  std::vector<MemberSpec> children = {};
  // For a list of scalars (AttributesToGet: strings), the JSON type of each element.
  std::optional<value::WireType> element = std::nullopt;
};

// Members many operations share. A map of AttributeValues: Item, Key, ExclusiveStartKey,
// ExpressionAttributeValues.
MemberSpec AttributeValueMapMember(const char* name);
// ExpressionAttributeNames: a map of strings.
MemberSpec ExpressionAttributeNamesMember();
// `head` followed by the members every conditional write ends with (PutItem, UpdateItem,
// DeleteItem and TransactWriteItems' actions): ConditionExpression, the names and values its
// expressions use, and ReturnValuesOnConditionCheckFailure.
std::vector<MemberSpec> WithConditionMembers(std::vector<MemberSpec> head);

// The member `name` of a request object, or a JSON null when it is absent.
const json& Member(const json& request, const char* name);

// Checks every member `spec` names, in order, recursing into structures and lists of
// structures; members not named are ignored, as the service ignores unknown members.
base::Status CheckRequestShape(const json& object, const std::vector<MemberSpec>& spec);

// A timestamp member (ListBackups' time range, RestoreDateTime): absent, or epoch seconds as a
// JSON number; a string is the SerializationException a timestamp's deserializer raises.
base::Status CheckTimestampMember(const json& value);

}  // namespace ddbpg::api
