#include "engine/base/json_writer.h"

#include <charconv>

namespace ddbpg {
namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

// How many bytes the sequence led by `lead` has, and the range its second byte must fall in
// (the ranges that exclude overlong forms, surrogates and code points past U+10FFFF); 0 for a
// byte that cannot start a sequence.
struct SequenceRule {
  int length;
  unsigned char second_low;
  unsigned char second_high;
};

SequenceRule RuleFor(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return {2, 0x80, 0xBF};
  if (lead == 0xE0) return {3, 0xA0, 0xBF};
  if (lead == 0xED) return {3, 0x80, 0x9F};
  if (lead >= 0xE1 && lead <= 0xEF) return {3, 0x80, 0xBF};
  if (lead == 0xF0) return {4, 0x90, 0xBF};
  if (lead >= 0xF1 && lead <= 0xF3) return {4, 0x80, 0xBF};
  if (lead == 0xF4) return {4, 0x80, 0x8F};
  return {0, 0, 0};
}

void AppendControl(std::string& out, unsigned char c) {
  switch (c) {
    case '\b':
      out += "\\b";
      return;
    case '\t':
      out += "\\t";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\r':
      out += "\\r";
      return;
    default: {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
}

}  // namespace

void AppendEscaped(std::string& out, std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  size_t plain_from = 0;  // the start of a run of bytes copied as they are
  size_t i = 0;
  auto flush = [&](size_t until) { out.append(text.data() + plain_from, until - plain_from); };
  while (i < size) {
    const unsigned char c = bytes[i];
    if (c < 0x80) {
      if (c >= 0x20 && c != '"' && c != '\\') {
        ++i;
        continue;
      }
      flush(i);
      if (c == '"' || c == '\\') {
        out += '\\';
        out += static_cast<char>(c);
      } else {
        AppendControl(out, c);
      }
      plain_from = ++i;
      continue;
    }
    const SequenceRule rule = RuleFor(c);
    size_t length = 0;    // bytes of a valid sequence starting at i, or 0
    size_t consumed = 1;  // bytes an invalid sequence gives up
    if (rule.length > 0) {
      size_t j = 1;
      for (; j < static_cast<size_t>(rule.length) && i + j < size; ++j) {
        const unsigned char next = bytes[i + j];
        const unsigned char low = j == 1 ? rule.second_low : 0x80;
        const unsigned char high = j == 1 ? rule.second_high : 0xBF;
        if (next < low || next > high) break;
      }
      if (j == static_cast<size_t>(rule.length)) length = j;
      // A broken sequence is replaced up to the byte that broke it, which is read again.
      consumed = j;
    }
    if (length > 0) {
      i += length;
      continue;
    }
    flush(i);
    out += kReplacementCharacter;
    i += consumed;
    plain_from = i;
  }
  flush(size);
}

void JsonWriter::BeforeValue() {
  if (after_value_) out_ += ',';
  after_value_ = true;
}

void JsonWriter::OpenValue(char bracket) {
  BeforeValue();
  out_ += bracket;
  after_value_ = false;
}

void JsonWriter::Close(char bracket) {
  out_ += bracket;
  after_value_ = true;
}

void JsonWriter::Key(std::string_view name) {
  BeforeValue();
  out_ += '"';
  AppendEscaped(out_, name);
  out_ += "\":";
  after_value_ = false;
}

void JsonWriter::String(std::string_view text) {
  BeforeValue();
  out_ += '"';
  AppendEscaped(out_, text);
  out_ += '"';
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
}

void JsonWriter::Unsigned(uint64_t value) {
  BeforeValue();
  char digits[24];
  auto [end, error] = std::to_chars(digits, digits + sizeof digits, value);
  (void)error;  // 24 characters hold any uint64_t
  out_.append(digits, end);
}

void JsonWriter::Raw(std::string_view json_text) {
  BeforeValue();
  out_ += json_text;
}

}  // namespace ddbpg
