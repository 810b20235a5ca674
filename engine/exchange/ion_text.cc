#include "engine/exchange/ion_text.h"

#include <cctype>
#include <cstdio>

#include "engine/base/escape_letters.h"
#include "engine/base/utf8.h"
#include "engine/value/base64.h"

namespace ddbpg::exchange {
namespace {

constexpr std::string_view kVersionMarker = "$ion_1_0";
constexpr const char* kSetAnnotations[][2] = {
    {"SS", "$dynamodb_SS"}, {"NS", "$dynamodb_NS"}, {"BS", "$dynamodb_BS"}};

bool IsIdentifierStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}
bool IsIdentifierPart(char c) {
  return IsIdentifierStart(c) || std::isdigit(static_cast<unsigned char>(c));
}

void AppendQuoted(std::string& out, std::string_view text, char quote) {
  out += quote;
  for (unsigned char c : text) {
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7f) {
      char escape[8];
      std::snprintf(escape, sizeof(escape), "\\x%02x", c);
      out += escape;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
}

// A field name as an Ion symbol: bare when it is an identifier Ion does not reserve.
void AppendFieldName(std::string& out, const std::string& name) {
  // $ followed by digits is a symbol id to Ion readers, not a name.
  const bool symbol_id = name.size() > 1 && name[0] == '$' &&
                         name.find_first_not_of("0123456789", 1) == std::string::npos;
  bool bare = !name.empty() && IsIdentifierStart(name[0]) && name != "null" && name != "true" &&
              name != "false" && name != "nan" && name.rfind("$ion", 0) != 0 && !symbol_id;
  for (char c : name) bare = bare && IsIdentifierPart(c);
  if (bare) {
    out += name;
  } else {
    AppendQuoted(out, name, '\'');
  }
  out += ':';
}

// A DynamoDB number as an Ion decimal: 103 -> 103., 1.5E+3 -> 1.5d3.
void AppendDecimal(std::string& out, const std::string& number) {
  const size_t exponent = number.find_first_of("eE");
  if (exponent == std::string::npos) {
    if (number.find('.') != std::string::npos) {
      out += number;
      return;
    }
    // An integer: its trailing zeros become the exponent, as the service writes 600 as 6d2.
    size_t zeros = 0;
    while (zeros + 1 < number.size() && number[number.size() - 1 - zeros] == '0') ++zeros;
    if (zeros == 0 || number.size() - zeros == (number[0] == '-' ? 1u : 0u)) {
      out += number + ".";
    } else {
      out += number.substr(0, number.size() - zeros) + "d" + std::to_string(zeros);
    }
    return;
  }
  out += number.substr(0, exponent);
  out += 'd';
  std::string rest = number.substr(exponent + 1);
  if (!rest.empty() && rest[0] == '+') rest.erase(0, 1);
  out += rest;
}

void AppendValue(std::string& out, const json& value);

void AppendMap(std::string& out, const json& map) {
  out += '{';
  bool first = true;
  for (const auto& [name, member] : map.items()) {
    if (!first) out += ',';
    first = false;
    AppendFieldName(out, name);
    AppendValue(out, member);
  }
  out += '}';
}

void AppendValue(std::string& out, const json& value) {
  const auto member = value.begin();
  const std::string& type = member.key();
  const json& content = member.value();
  if (type == "S") {
    AppendQuoted(out, content.get<std::string>(), '"');
  } else if (type == "N") {
    AppendDecimal(out, content.get<std::string>());
  } else if (type == "B") {
    out += "{{" + content.get<std::string>() + "}}";
  } else if (type == "BOOL") {
    out += content.get<bool>() ? "true" : "false";
  } else if (type == "NULL") {
    out += "null";
  } else if (type == "M") {
    AppendMap(out, content);
  } else if (type == "L") {
    out += '[';
    for (size_t i = 0; i < content.size(); ++i) {
      if (i > 0) out += ',';
      AppendValue(out, content[i]);
    }
    out += ']';
  } else {
    for (const auto& [set_type, annotation] : kSetAnnotations) {
      if (type != set_type) continue;
      out += annotation;
      out += "::[";
      const std::string member_type(1, set_type[0]);
      for (size_t i = 0; i < content.size(); ++i) {
        if (i > 0) out += ',';
        AppendValue(out, json{{member_type, content[i]}});
      }
      out += ']';
    }
  }
}

// Reads the Ion subset DynamoDB's exports use into DynamoDB JSON values.
class IonReader {
 public:
  explicit IonReader(std::string_view text) : text_(text) {}

  std::optional<std::vector<json>> Documents(std::string* error) {
    std::vector<json> documents;
    for (SkipSpace(); at_ < text_.size() && error_.empty(); SkipSpace()) {
      if (text_.substr(at_, kVersionMarker.size()) == kVersionMarker &&
          !IsIdentifierPart(Peek(kVersionMarker.size()))) {
        at_ += kVersionMarker.size();
        continue;
      }
      if (Peek() != '{') {
        Fail("a top-level value is not a struct");
        break;
      }
      json value = Value();
      if (!error_.empty()) break;
      json document = json::object();
      for (auto& [name, member] : value["M"].items()) {
        if (!member.contains("M")) {
          Fail("top-level field " + name + " is not a struct");
          break;
        }
        document[name] = std::move(member["M"]);
      }
      documents.push_back(std::move(document));
    }
    if (!error_.empty()) {
      if (error != nullptr) *error = error_ + " (at byte " + std::to_string(at_) + ")";
      return std::nullopt;
    }
    return documents;
  }

 private:
  char Peek(size_t ahead = 0) const {
    return at_ + ahead < text_.size() ? text_[at_ + ahead] : '\0';
  }
  void Fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
  }

  void SkipSpace() {
    for (;;) {
      while (at_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[at_]))) ++at_;
      if (Peek() == '/' && Peek(1) == '/') {
        while (at_ < text_.size() && text_[at_] != '\n') ++at_;
      } else if (Peek() == '/' && Peek(1) == '*') {
        const size_t end = text_.find("*/", at_ + 2);
        at_ = end == std::string_view::npos ? text_.size() : end + 2;
      } else {
        return;
      }
    }
  }

  bool Consume(char c) {
    SkipSpace();
    if (Peek() != c) return false;
    ++at_;
    return true;
  }

  std::string Identifier() {
    const size_t start = at_;
    while (at_ < text_.size() && IsIdentifierPart(text_[at_])) ++at_;
    return std::string(text_.substr(start, at_ - start));
  }

  // A quoted string or symbol ending in `quote`, its escapes decoded.
  std::string Quoted(char quote) {
    std::string out;
    ++at_;
    while (at_ < text_.size() && text_[at_] != quote) {
      char c = text_[at_++];
      if (c != '\\') {
        out += c;
        continue;
      }
      if (at_ >= text_.size()) break;  // a backslash at the end: unterminated
      const char escape = text_[at_++];
      switch (escape) {
        case 'a':
          out += '\a';
          break;
        case 'v':
          out += '\v';
          break;
        case '0':
          out += '\0';
          break;
        case 'x':
        case 'u':
        case 'U':
          AppendCodePoint(out, escape);
          break;
        case '\n':
          break;  // an escaped newline continues the string
        default:
          // \b \f \n \r \t, or a character escaped as itself (\" \' \\ \/ \?).
          out += base::ControlCharacterEscape(escape).value_or(escape);
          break;
      }
    }
    if (at_ >= text_.size()) Fail("an unterminated string");
    ++at_;
    return out;
  }

  void AppendCodePoint(std::string& out, char escape) {
    const size_t digits = escape == 'x' ? 2 : escape == 'u' ? 4 : 8;
    if (at_ + digits > text_.size()) return Fail("a short escape");
    unsigned long code = 0;
    for (size_t i = 0; i < digits; ++i) {
      const char c = text_[at_ + i];
      if (!std::isxdigit(static_cast<unsigned char>(c))) return Fail("a bad escape");
      code = code * 16 +
             (std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (std::tolower(c) - 'a' + 10));
    }
    at_ += digits;
    if ((code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
      return Fail("an escape that is no Unicode character");
    }
    base::AppendUtf8(out, static_cast<char32_t>(code));
  }

  // A symbol: an identifier or a 'quoted' one.
  std::optional<std::string> Symbol() {
    SkipSpace();
    if (Peek() == '\'' && !(Peek(1) == '\'' && Peek(2) == '\'')) return Quoted('\'');
    if (IsIdentifierStart(Peek())) return Identifier();
    return std::nullopt;
  }

  json Value() {
    SkipSpace();
    std::string annotation;
    // Annotations: symbol:: before the value (only the set annotations mean anything here).
    for (;;) {
      const size_t start = at_;
      std::optional<std::string> symbol = Symbol();
      SkipSpace();
      if (symbol && Peek() == ':' && Peek(1) == ':') {
        at_ += 2;
        annotation = *symbol;
        continue;
      }
      at_ = start;
      break;
    }
    SkipSpace();
    const char c = Peek();
    if (!annotation.empty()) {
      for (const auto& [set_type, name] : kSetAnnotations) {
        if (annotation == name) return Set(set_type);
      }
    }
    if (c == '{' && Peek(1) == '{') return Blob();
    if (c == '{') return Struct();
    if (c == '[') return json{{"L", List()}};
    if (c == '"') return json{{"S", Quoted('"')}};
    if (c == '\'' && Peek(1) == '\'' && Peek(2) == '\'') return json{{"S", LongString()}};
    if (c == '-' || c == '+' || std::isdigit(static_cast<unsigned char>(c))) return Number();
    if (IsIdentifierStart(c)) {
      const std::string word = Identifier();
      if (word == "true" || word == "false") return json{{"BOOL", word == "true"}};
      if (word == "null") {
        if (Peek() == '.') {
          ++at_;
          Identifier();  // a typed null, null.string: DynamoDB has one NULL
        }
        return json{{"NULL", true}};
      }
      Fail("the symbol value " + word + " has no DynamoDB type");
      return nullptr;
    }
    Fail(c == '\0' ? "the text ends inside a value" : std::string("an unexpected '") + c + "'");
    return nullptr;
  }

  std::string LongString() {
    std::string out;
    while (Peek() == '\'' && Peek(1) == '\'' && Peek(2) == '\'') {
      at_ += 3;
      const size_t end = text_.find("'''", at_);
      if (end == std::string_view::npos) {
        Fail("an unterminated long string");
        return out;
      }
      // Long strings take the same escapes: decode them through Quoted() on a copy.
      std::string body = "\x01" + std::string(text_.substr(at_, end - at_)) + "\x01";
      IonReader inner(body);
      out += inner.Quoted('\x01');
      if (!inner.error_.empty()) Fail(inner.error_);
      at_ = end + 3;
      SkipSpace();
    }
    return out;
  }

  json Blob() {
    at_ += 2;
    const size_t end = text_.find("}}", at_);
    if (end == std::string_view::npos) {
      Fail("an unterminated blob");
      return nullptr;
    }
    std::string base64;
    for (char c : text_.substr(at_, end - at_)) {
      if (!std::isspace(static_cast<unsigned char>(c))) base64 += c;
    }
    at_ = end + 2;
    if (!base64.empty() && base64[0] == '"') {
      Fail("a clob has no DynamoDB type");
      return nullptr;
    }
    if (!value::Base64Decode(base64)) Fail("a blob is not base64");
    return json{{"B", base64}};
  }

  json Number() {
    const size_t start = at_;
    if (Peek() == '+' || Peek() == '-') ++at_;
    std::string digits = text_[start] == '-' ? "-" : "";
    if (Peek() == '0' && (Peek(1) == 'x' || Peek(1) == 'X' || Peek(1) == 'b' || Peek(1) == 'B')) {
      Fail("a hexadecimal or binary integer");
      return nullptr;
    }
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
        digits += c;
      } else if (c == 'd' || c == 'D' || c == 'e' || c == 'E') {
        // "103." before an exponent or at the end is a decimal point with no fraction.
        if (!digits.empty() && digits.back() == '.') digits.pop_back();
        digits += 'E';
        if (Peek(1) == '+' || Peek(1) == '-') digits += text_[++at_];
      } else if (c != '_') {
        break;
      }
      ++at_;
    }
    if (!digits.empty() && digits.back() == '.') digits.pop_back();
    if (digits.empty() || digits == "-" || (at_ < text_.size() && IsIdentifierPart(text_[at_]))) {
      Fail("a number Ion does not write");
      return nullptr;
    }
    return json{{"N", digits}};
  }

  json Struct() {
    ++at_;
    json members = json::object();
    if (!Enter()) return nullptr;
    while (error_.empty() && !Consume('}')) {
      std::string name;
      SkipSpace();
      if (Peek() == '"') {
        name = Quoted('"');
      } else if (std::optional<std::string> symbol = Symbol()) {
        name = *symbol;
      } else {
        Fail("a struct field has no name");
        break;
      }
      if (!Consume(':')) {
        Fail("a struct field lacks ':'");
        break;
      }
      members[name] = Value();
      if (!Consume(',') && (SkipSpace(), Peek() != '}'))
        Fail("struct fields are not separated by ','");
    }
    --depth_;
    return json{{"M", std::move(members)}};
  }

  json List() {
    ++at_;
    json values = json::array();
    if (!Enter()) return values;
    while (error_.empty() && !Consume(']')) {
      values.push_back(Value());
      if (!Consume(',') && (SkipSpace(), Peek() != ']'))
        Fail("list values are not separated by ','");
    }
    --depth_;
    return values;
  }

  json Set(const char* set_type) {
    SkipSpace();
    if (Peek() != '[') {
      Fail(std::string("a $dynamodb_") + set_type + " annotation on a value that is not a list");
      return nullptr;
    }
    const std::string member_type(1, set_type[0]);
    json members = json::array();
    for (json& value : List()) {
      if (!value.is_object() || !value.contains(member_type)) {
        Fail(std::string("a member of a $dynamodb_") + set_type + " list is not of type " +
             member_type);
        return nullptr;
      }
      members.push_back(std::move(value[member_type]));
    }
    return json{{set_type, std::move(members)}};
  }

  // Containers open now: the reader recurses once per level, and a wasm instance has 64 KB of
  // stack, so Ion nested deeper than any item can be is refused.
  bool Enter() {
    if (++depth_ <= kMaxDepth) return true;
    Fail("values nested too deeply");
    return false;
  }
  static constexpr int kMaxDepth = 40;

  std::string_view text_;
  size_t at_ = 0;
  std::string error_;
  int depth_ = 0;
};

}  // namespace

std::string IonStruct(const json& document) {
  std::string out = "{";
  bool first = true;
  for (const auto& [name, map] : document.items()) {
    if (!first) out += ',';
    first = false;
    AppendFieldName(out, name);
    AppendMap(out, map);
  }
  out += '}';
  return out;
}

std::optional<std::vector<json>> ParseIonDocuments(std::string_view text, std::string* error) {
  return IonReader(text).Documents(error);
}

}  // namespace ddbpg::exchange
