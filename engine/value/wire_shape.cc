#include "engine/value/wire_shape.h"

#include "engine/value/base64.h"

namespace ddbpg::value {
namespace {

// The service names JSON literals by its parser's token names.
std::string TokenName(const json& value) {
  if (value.is_boolean()) return value.get<bool>() ? "TRUE_VALUE" : "FALSE_VALUE";
  if (value.is_number_float()) return "DECIMAL_VALUE";
  if (value.is_number()) return "NUMBER_VALUE";
  return "STRING_VALUE";
}

constexpr const char* kStructureNotExpected = "Start of structure or map found where not expected";
constexpr const char* kUnexpectedFieldType = "Unexpected field type";
constexpr const char* kUnexpectedValueType = "Unexpected value type in payload";

base::Status CheckScalar(const json& value, const std::string& java_name) {
  if (value.is_object()) return base::Status::Serialization(kStructureNotExpected);
  if (value.is_array()) {
    return base::Status::Serialization("Unrecognized collection type class java.lang." + java_name);
  }
  // A string where a boolean belongs never reaches a converter: the parser rejects the token.
  if (java_name == "Boolean" && value.is_string()) {
    return base::Status::Serialization("Unexpected token received from parser");
  }
  return base::Status::Serialization(TokenName(value) + " cannot be converted to " + java_name);
}

bool IsBase64Character(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/' || c == '=';
}

base::Status CheckBlob(const json& value) {
  if (value.is_object()) return base::Status::Serialization(kStructureNotExpected);
  if (value.is_array()) {
    return base::Status::Serialization("Unrecognized collection type class java.nio.ByteBuffer");
  }
  if (!value.is_string()) {
    return base::Status::Serialization("only base-64-encoded strings are convertible to bytes");
  }
  const std::string& text = value.get_ref<const std::string&>();
  if (text.size() % 4 != 0) {
    return base::Status::Serialization(
        "Base64 encoded length is expected a multiple of 4 bytes but found: " +
        std::to_string(text.size()));
  }
  for (char c : text) {
    if (!IsBase64Character(c)) {
      return base::Status::Serialization("'" + text + "' can not be converted to a Blob: " +
                                         "Invalid Base64 character: '" + std::string(1, c) + "'");
    }
  }
  // "dectected" is the service's own spelling.
  if (!Base64Decode(text)) {
    return base::Status::Serialization("Invalid last non-pad Base64 character dectected");
  }
  return base::Status::OK();
}

}  // namespace

base::Status CheckWireType(const json& value, WireType expected,
                           const std::string& structure_name) {
  if (value.is_null()) return base::Status::OK();
  switch (expected) {
    case WireType::kString:
      return value.is_string() ? base::Status::OK() : CheckScalar(value, "String");
    case WireType::kLong:
      return value.is_number_integer() ? base::Status::OK() : CheckScalar(value, "Long");
    case WireType::kInteger:
      return value.is_number_integer() ? base::Status::OK() : CheckScalar(value, "Integer");
    case WireType::kBoolean:
      return value.is_boolean() ? base::Status::OK() : CheckScalar(value, "Boolean");
    case WireType::kBlob:
      return CheckBlob(value);
    case WireType::kStructure:
    case WireType::kValueStructure:
      if (value.is_object()) return base::Status::OK();
      if (value.is_array()) {
        return base::Status::Serialization(
            "Unrecognized collection type class com.amazonaws.dynamodb.v20120810." +
            structure_name);
      }
      return base::Status::Serialization(expected == WireType::kStructure ? kUnexpectedFieldType
                                                                          : kUnexpectedValueType);
    case WireType::kList:
      if (value.is_array()) return base::Status::OK();
      if (value.is_object()) return base::Status::Serialization(kStructureNotExpected);
      return base::Status::Serialization(kUnexpectedFieldType);
    case WireType::kMap:
      if (value.is_object()) return base::Status::OK();
      if (value.is_array()) {
        return base::Status::Serialization(
            "Unrecognized collection type java.util.Map<java.lang.String, " +
            (structure_name == "String" ? std::string("java.lang.String")
                                        : "com.amazonaws.dynamodb.v20120810." + structure_name) +
            ">");
      }
      return base::Status::Serialization(kUnexpectedFieldType);
  }
  return base::Status::Internal("unknown wire type");
}

}  // namespace ddbpg::value
