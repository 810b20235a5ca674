#include "engine/value/json_reader.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "engine/base/json_string_bytes.h"
#include "engine/base/utf8.h"

namespace ddbpg::value {
namespace {

using json = nlohmann::json;

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  bool Document(json& out) {
    // nlohmann skips a UTF-8 byte order mark before the document.
    if (!text_.empty() && static_cast<unsigned char>(text_[0]) == 0xEF) {
      if (text_.substr(0, 3) != "\xEF\xBB\xBF") return false;
      at_ = 3;
    }
    SkipSpace();
    if (!Value(out, 0)) return false;
    SkipSpace();
    // nlohmann's lexer takes a NUL byte between tokens for the end of the input.
    return at_ == text_.size() || Peek() == '\0';
  }

 private:
  bool AtEnd() const { return at_ >= text_.size(); }
  char Peek() const { return text_[at_]; }

  void SkipSpace() {
    while (!AtEnd()) {
      const char c = Peek();
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
      ++at_;
    }
  }

  bool Value(json& out, int depth) {
    if (AtEnd()) return false;
    switch (Peek()) {
      case '{':
        return Object(out, depth + 1);
      case '[':
        return Array(out, depth + 1);
      case '"': {
        std::string text;
        if (!String(text)) return false;
        out = std::move(text);
        return true;
      }
      case 't':
        return Literal("true", json(true), out);
      case 'f':
        return Literal("false", json(false), out);
      case 'n':
        return Literal("null", json(nullptr), out);
      default:
        return Number(out);
    }
  }

  bool Literal(std::string_view word, json value, json& out) {
    if (text_.substr(at_, word.size()) != word) return false;
    at_ += word.size();
    out = std::move(value);
    return true;
  }

  bool Object(json& out, int depth) {
    if (depth > kMaxReadDepth) return false;
    ++at_;  // {
    out = json::object();
    json::object_t& members = *out.get_ptr<json::object_t*>();
    SkipSpace();
    if (!AtEnd() && Peek() == '}') {
      ++at_;
      return true;
    }
    while (true) {
      if (AtEnd() || Peek() != '"') return false;
      std::string name;
      if (!String(name)) return false;
      SkipSpace();
      if (AtEnd() || Peek() != ':') return false;
      ++at_;
      SkipSpace();
      // A repeated name keeps its first place and its last value, as with nlohmann's parser.
      if (!Value(members[std::move(name)], depth)) return false;
      SkipSpace();
      if (AtEnd()) return false;
      if (Peek() == '}') {
        ++at_;
        return true;
      }
      if (Peek() != ',') return false;
      ++at_;
      SkipSpace();
    }
  }

  bool Array(json& out, int depth) {
    if (depth > kMaxReadDepth) return false;
    ++at_;  // [
    out = json::array();
    json::array_t& elements = *out.get_ptr<json::array_t*>();
    SkipSpace();
    if (!AtEnd() && Peek() == ']') {
      ++at_;
      return true;
    }
    while (true) {
      elements.emplace_back();
      if (!Value(elements.back(), depth)) return false;
      SkipSpace();
      if (AtEnd()) return false;
      if (Peek() == ']') {
        ++at_;
        return true;
      }
      if (Peek() != ',') return false;
      ++at_;
      SkipSpace();
    }
  }

  // Four hex digits after "\u".
  bool HexQuad(char32_t& value) {
    if (text_.size() - at_ < 4) return false;
    value = 0;
    for (int i = 0; i < 4; ++i) {
      const int digit = HexDigit(text_[at_ + i]);
      if (digit < 0) return false;
      value = value * 16 + static_cast<char32_t>(digit);
    }
    at_ += 4;
    return true;
  }

  // After the backslash of a "\u" escape: one code point, a surrogate pair as one.
  bool UnicodeEscape(std::string& out) {
    ++at_;  // u
    char32_t code_point;
    if (!HexQuad(code_point)) return false;
    if (code_point >= 0xDC00 && code_point <= 0xDFFF) return false;  // a lone low surrogate
    if (code_point >= 0xD800 && code_point <= 0xDBFF) {
      if (text_.substr(at_, 2) != "\\u") return false;
      at_ += 2;
      char32_t low;
      if (!HexQuad(low) || low < 0xDC00 || low > 0xDFFF) return false;
      code_point = 0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00);
    }
    base::AppendUtf8(out, code_point);
    return true;
  }

  bool String(std::string& out) {
    ++at_;  // "
    const auto* bytes = reinterpret_cast<const unsigned char*>(text_.data());
    while (true) {
      const size_t run_start = at_;
      at_ = base::NextJsonStringStop(bytes, at_, text_.size());
      out.append(text_.data() + run_start, at_ - run_start);
      if (AtEnd()) return false;
      const unsigned char c = bytes[at_];
      if (c == '"') {
        ++at_;
        return true;
      }
      if (c < 0x20) return false;
      if (c >= 0x80) {
        const base::Utf8Sequence sequence = base::MultiByteSequenceAt(text_.substr(at_));
        if (sequence.length == 0) return false;
        out.append(text_.data() + at_, sequence.length);
        at_ += sequence.length;
        continue;
      }
      // A backslash.
      ++at_;
      if (AtEnd()) return false;
      switch (Peek()) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u':
          if (!UnicodeEscape(out)) return false;
          continue;
        default:
          return false;
      }
      ++at_;
    }
  }

  // RFC 8259's number; an integer that fits is unsigned (or, negative, signed), anything else a
  // double, as nlohmann types them.
  bool Number(json& out) {
    const size_t start = at_;
    if (Peek() == '-') ++at_;
    if (AtEnd() || !IsDigit(Peek())) return false;
    if (Peek() == '0') {
      ++at_;
    } else {
      while (!AtEnd() && IsDigit(Peek())) ++at_;
    }
    bool integer = true;
    if (!AtEnd() && Peek() == '.') {
      integer = false;
      ++at_;
      if (AtEnd() || !IsDigit(Peek())) return false;
      while (!AtEnd() && IsDigit(Peek())) ++at_;
    }
    if (!AtEnd() && (Peek() == 'e' || Peek() == 'E')) {
      integer = false;
      ++at_;
      if (!AtEnd() && (Peek() == '+' || Peek() == '-')) ++at_;
      if (AtEnd() || !IsDigit(Peek())) return false;
      while (!AtEnd() && IsDigit(Peek())) ++at_;
    }
    const char* first = text_.data() + start;
    const char* last = text_.data() + at_;
    if (integer) {
      if (*first == '-') {
        int64_t value;
        if (std::from_chars(first, last, value).ec == std::errc()) {
          out = value;
          return true;
        }
      } else {
        uint64_t value;
        if (std::from_chars(first, last, value).ec == std::errc()) {
          out = value;
          return true;
        }
      }
    }
    // A fraction, an exponent or an integer too large: a double, which must be finite.
    const std::string digits(first, last);
    const double value = std::strtod(digits.c_str(), nullptr);
    if (!std::isfinite(value)) return false;
    out = value;
    return true;
  }

  std::string_view text_;
  size_t at_ = 0;
};

}  // namespace

bool ReadJson(std::string_view text, json& out) { return Reader(text).Document(out); }

}  // namespace ddbpg::value
