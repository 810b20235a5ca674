#include "engine/api/tag_rules.h"

#include <cctype>
#include <cstdint>
#include <set>
#include <string_view>

#include "engine/api/request_schema.h"
#include "engine/base/limits.h"
#include "engine/base/unicode_classes.h"
#include "engine/base/utf8.h"

namespace ddbpg::api {
namespace {

// The AWS tag pattern [\p{L}\p{Z}\p{N}_.:/=+\-@]* (Developer Guide, "Tagging restrictions in
// DynamoDB"; the live service accepts Cyrillic, CJK, U+00A0 and U+3000, and refuses emoji,
// '#', '%', ',', quotes and brackets). Lengths count code points: "128 Unicode characters".
bool IsTagText(const std::string& text, size_t min_characters, size_t max_characters) {
  size_t characters = 0;
  size_t at = 0;
  for (char32_t c; at < text.size(); ++characters) {
    if (!base::NextCodePoint(text, at, c)) return false;
    const bool sign = c < 0x80 && std::string_view("_.:/=+-@").find(static_cast<char>(c)) !=
                                      std::string_view::npos;
    if (sign) continue;
    if (!base::IsLetterNumberOrSeparator(c)) return false;
  }
  return characters >= min_characters && characters <= max_characters;
}

// The length of a key to remove, in characters; SIZE_MAX when it is not valid UTF-8.
size_t CharacterCount(const std::string& text) {
  size_t characters = 0;
  size_t at = 0;
  for (char32_t c; at < text.size(); ++characters) {
    if (!base::NextCodePoint(text, at, c)) return SIZE_MAX;
  }
  return characters;
}

// "aws:" in any case is reserved for AWS's own tags (measured: "AWS:foo" is refused too,
// "myaws:foo" is not).
bool HasReservedPrefix(const std::string& key) {
  if (key.size() < 4) return false;
  std::string prefix = key.substr(0, 4);
  for (char& c : prefix) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return prefix == "aws:";
}

base::Status InvalidKey(const json& key) {
  return base::Status::Validation("The Tag Key provided is invalid, Key: " +
                                  (key.is_string() ? key.get<std::string>() : std::string("null")));
}

base::Status InvalidValue(const json& value) {
  return base::Status::Validation(
      "The Tag Value provided is invalid, Value: " +
      (value.is_string() ? value.get<std::string>() : std::string("null")));
}

base::Status ReservedKey(const std::string& key) {
  return base::Status::Validation("Tag Key cannot be prefixed with aws:, Key: " + key);
}

}  // namespace

MemberSpec TagsMember() {
  return {"Tags",
          value::WireType::kList,
          "Tag",
          MemberKind::kPlain,
          {{"Key", value::WireType::kString}, {"Value", value::WireType::kString}}};
}

base::Result<std::vector<std::pair<std::string, std::string>>> ReadTags(const json& tags) {
  std::vector<std::pair<std::string, std::string>> read;
  std::set<std::string> seen;
  for (const json& tag : tags) {
    // A null element has neither member: its key is reported missing.
    const json& key = Member(tag, "Key");
    const json& value = Member(tag, "Value");
    if (!key.is_string() ||
        !IsTagText(key.get<std::string>(), 1, base::limits::kMaxTagKeyCharacters)) {
      return InvalidKey(key);
    }
    const std::string& key_text = key.get_ref<const std::string&>();
    if (HasReservedPrefix(key_text)) return ReservedKey(key_text);
    if (!value.is_string() ||
        !IsTagText(value.get<std::string>(), 0, base::limits::kMaxTagValueCharacters)) {
      return InvalidValue(value);
    }
    if (!seen.insert(key_text).second) {
      return base::Status::Validation(
          "Duplicate Tag Keys provided as input: Duplicate Tag Key found " + key_text);
    }
    read.emplace_back(key_text, value.get<std::string>());
  }
  return read;
}

base::Status CheckTagKeyToRemove(const std::string& key) {
  const size_t characters = CharacterCount(key);
  if (characters == 0 || characters > base::limits::kMaxTagKeyCharacters) return InvalidKey(key);
  if (HasReservedPrefix(key)) return ReservedKey(key);
  return base::Status::OK();
}

}  // namespace ddbpg::api
