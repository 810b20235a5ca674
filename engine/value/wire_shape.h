// The JSON types the DynamoDB wire protocol expects for each member, and the
// SerializationException messages the service sends when a member has the wrong JSON type.
//
// DynamoDB deserialises the whole request before validating any of it, so handlers run these
// checks over every member first; only a well-typed request reaches validation.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/base/status.h"

namespace ddbpg::value {

using json = nlohmann::json;

enum class WireType {
  kString,
  kLong,
  kInteger,
  kBoolean,
  kBlob,       // base64 text
  kStructure,       // a structure held by a named member, such as ProvisionedThroughput
  kValueStructure,  // a structure held as a list element or map value, such as AttributeValue
  kList,
  kMap,
};

// OK when `value` is null (an absent member) or has the JSON type `expected` calls for;
// otherwise the service's SerializationException. `structure_name` names the shape for
// kStructure and kValueStructure, and the value shape for kMap (used in messages).
base::Status CheckWireType(const json& value, WireType expected,
                           const std::string& structure_name = "");

}  // namespace ddbpg::value
