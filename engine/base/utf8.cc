#include "engine/base/utf8.h"

namespace ddbpg::base {
namespace {

// How many bytes the sequence led by `lead` has, and the range its second byte must fall in
// (the ranges that exclude overlong forms, surrogates and code points past U+10FFFF); a length
// of 0 for a byte that cannot start a sequence.
struct SequenceRule {
  size_t length;
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

}  // namespace

Utf8Sequence MultiByteSequenceAt(std::string_view bytes) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  const SequenceRule rule = RuleFor(data[0]);
  if (rule.length == 0) return {0, 1};
  size_t j = 1;
  for (; j < rule.length && j < bytes.size(); ++j) {
    const unsigned char low = j == 1 ? rule.second_low : 0x80;
    const unsigned char high = j == 1 ? rule.second_high : 0xBF;
    if (data[j] < low || data[j] > high) break;
  }
  if (j == rule.length) return {j, 0};
  return {0, j};
}

bool NextCodePoint(std::string_view text, size_t& at, char32_t& code_point) {
  if (at >= text.size()) return false;
  const auto lead = static_cast<unsigned char>(text[at]);
  if (lead < 0x80) {
    code_point = lead;
    ++at;
    return true;
  }
  const Utf8Sequence sequence = MultiByteSequenceAt(text.substr(at));
  if (sequence.length == 0) return false;
  // The lead byte keeps 7 - length bits of the code point, each later byte 6.
  code_point = lead & (0x7F >> sequence.length);
  for (size_t j = 1; j < sequence.length; ++j) {
    code_point = (code_point << 6) | (static_cast<unsigned char>(text[at + j]) & 0x3F);
  }
  at += sequence.length;
  return true;
}

void AppendUtf8(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

}  // namespace ddbpg::base
