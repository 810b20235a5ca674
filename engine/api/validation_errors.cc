#include "engine/api/validation_errors.h"

namespace ddbpg::api {
namespace {

bool IsNameCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '-';
}

size_t LengthOf(const json& value) {
  if (value.is_string()) return value.get_ref<const std::string&>().size();
  if (value.is_array() || value.is_object()) return value.size();
  return 0;
}

// The validator prints structures as Java beans: KeySchemaElement(attributeName=a, keyType=HASH).
std::string RenderMember(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return "null";
  if (value.is_array()) {
    std::string out = "[";
    for (size_t i = 0; i < value.size(); ++i) {
      if (i > 0) out += ", ";
      out += RenderMember(value[i]);
    }
    return out + "]";
  }
  if (value.is_object()) {
    std::string out = "{";
    bool first = true;
    for (const auto& [name, member] : value.items()) {
      if (!first) out += ", ";
      first = false;
      out += name + "=" + RenderMember(member);
    }
    return out + "}";
  }
  return value.dump();
}

}  // namespace

std::string RenderValue(const json& value) {
  if (value.is_null()) return "null";
  std::string rendered = "'";
  rendered.append(RenderMember(value)).push_back('\'');
  return rendered;
}

void ValidationErrors::Add(const json& value, std::string_view path, std::string_view constraint) {
  // The service lists at most ten violations.
  constexpr size_t kMaxReported = 10;
  if (messages_.size() >= kMaxReported) return;
  messages_.push_back("Value " + RenderValue(value) + " at '" + std::string(path) +
                      "' failed to satisfy constraint: " + std::string(constraint));
}

void ValidationErrors::NotNull(const json& value, std::string_view path) {
  if (value.is_null()) Add(value, path, "Member must not be null");
}

void ValidationErrors::Enum(const json& value, std::string_view path,
                            std::string_view allowed_list) {
  if (!value.is_string()) return;
  const std::string& text = value.get_ref<const std::string&>();
  // allowed_list is "[A, B, C]"; a member matches when it appears delimited by '[', ',' or ']'.
  std::string_view inner = allowed_list.substr(1, allowed_list.size() - 2);
  size_t start = 0;
  while (start <= inner.size()) {
    size_t end = inner.find(", ", start);
    if (end == std::string_view::npos) end = inner.size();
    if (inner.substr(start, end - start) == text) return;
    start = end + 2;
  }
  Add(value, path, "Member must satisfy enum value set: " + std::string(allowed_list));
}

void ValidationErrors::ResourceName(const json& value, std::string_view path,
                                    size_t min_length) {
  if (!value.is_string()) return;
  const std::string& name = value.get_ref<const std::string&>();
  // An empty name reports only its length (measured against the live service).
  for (char c : name) {
    if (!IsNameCharacter(c)) {
      Add(value, path, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
      break;
    }
  }
  MinLength(value, path, min_length);
  MaxLength(value, path, 255);
}

void ValidationErrors::MinLength(const json& value, std::string_view path, size_t min) {
  if (value.is_null() || LengthOf(value) >= min) return;
  Add(value, path, "Member must have length greater than or equal to " + std::to_string(min));
}

void ValidationErrors::MaxLength(const json& value, std::string_view path, size_t max) {
  if (value.is_null() || LengthOf(value) <= max) return;
  Add(value, path, "Member must have length less than or equal to " + std::to_string(max));
}

void ValidationErrors::MinValue(const json& value, std::string_view path, long long min) {
  if (!value.is_number_integer() || value.get<long long>() >= min) return;
  Add(value, path, "Member must have value greater than or equal to " + std::to_string(min));
}

void ValidationErrors::MaxValue(const json& value, std::string_view path, long long max) {
  if (!value.is_number_integer() || value.get<long long>() <= max) return;
  Add(value, path, "Member must have value less than or equal to " + std::to_string(max));
}

base::Status ValidationErrors::ToStatus() const {
  if (messages_.empty()) return base::Status::OK();
  std::string text = std::to_string(messages_.size()) + " validation error" +
                     (messages_.size() == 1 ? "" : "s") + " detected: ";
  for (size_t i = 0; i < messages_.size(); ++i) {
    if (i > 0) text += "; ";
    text += messages_[i];
  }
  return base::Status::Validation(text);
}

}  // namespace ddbpg::api
