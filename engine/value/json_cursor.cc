#include "engine/value/json_cursor.h"

#include <optional>

#include "engine/base/escape_letters.h"
#include "engine/base/json_string_bytes.h"
#include "engine/base/utf8.h"

namespace ddbpg::value {
namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

void JsonCursor::SkipSpace() {
  while (!AtEnd()) {
    const char c = Peek();
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
    ++at_;
  }
}

bool JsonCursor::SkipByteOrderMark() {
  if (AtEnd() || static_cast<unsigned char>(Peek()) != 0xEF) return true;
  if (text_.substr(at_, 3) != "\xEF\xBB\xBF") return false;
  at_ += 3;
  return true;
}

bool JsonCursor::Literal(std::string_view word) {
  if (text_.substr(at_, word.size()) != word) return false;
  at_ += word.size();
  return true;
}

// Four hex digits after "\u".
bool JsonCursor::HexQuad(char32_t& value) {
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
bool JsonCursor::UnicodeEscape(std::string& out) {
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

bool JsonCursor::String(std::string& out) {
  ++at_;  // "
  const auto* bytes = reinterpret_cast<const unsigned char*>(text_.data());
  while (true) {
    // A string is copied in runs up to the next quote, backslash, control or non-ASCII byte.
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
      case 'u':
        if (!UnicodeEscape(out)) return false;
        continue;
      default:
        if (std::optional<char> control = base::ControlCharacterEscape(Peek())) {
          out += *control;
          break;
        }
        return false;
    }
    ++at_;
  }
}

bool JsonCursor::NumberToken(std::string_view& token, bool& integer) {
  const size_t start = at_;
  if (!AtEnd() && Peek() == '-') ++at_;
  if (AtEnd() || !IsDigit(Peek())) return false;
  if (Peek() == '0') {
    ++at_;
  } else {
    while (!AtEnd() && IsDigit(Peek())) ++at_;
  }
  integer = true;
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
  token = text_.substr(start, at_ - start);
  return true;
}

}  // namespace ddbpg::value
