#include "engine/expr/lexer.h"

namespace ddbpg::expr {
namespace {

bool IsIdentifierStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool IsIdentifierPart(char c) { return IsIdentifierStart(c) || (c >= '0' && c <= '9'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    size_t start = i;
    if (c == '#' || c == ':') {
      ++i;
      while (i < text.size() && IsIdentifierPart(text[i])) ++i;
      tokens.push_back({c == '#' ? TokenKind::kNamePlaceholder : TokenKind::kValuePlaceholder,
                        std::string(text.substr(start, i - start)), start});
      continue;
    }
    if (IsIdentifierStart(c)) {
      while (i < text.size() && IsIdentifierPart(text[i])) ++i;
      tokens.push_back({TokenKind::kIdentifier, std::string(text.substr(start, i - start)), start});
      continue;
    }
    if (IsDigit(c)) {
      while (i < text.size() && IsIdentifierPart(text[i])) ++i;
      tokens.push_back({TokenKind::kNumber, std::string(text.substr(start, i - start)), start});
      continue;
    }
    if ((c == '<' || c == '>') && i + 1 < text.size() && text[i + 1] == '=') {
      tokens.push_back({TokenKind::kPunctuation, std::string(text.substr(i, 2)), start});
      i += 2;
      continue;
    }
    if (c == '<' && i + 1 < text.size() && text[i + 1] == '>') {
      tokens.push_back({TokenKind::kPunctuation, "<>", start});
      i += 2;
      continue;
    }
    if (std::string_view("()[],.=<>+-").find(c) != std::string_view::npos) {
      tokens.push_back({TokenKind::kPunctuation, std::string(1, c), start});
      ++i;
      continue;
    }
    // Keep a multi-byte UTF-8 character whole so the error names it as written.
    size_t length = 1;
    unsigned char lead = static_cast<unsigned char>(c);
    if (lead >= 0xF0) {
      length = 4;
    } else if (lead >= 0xE0) {
      length = 3;
    } else if (lead >= 0xC0) {
      length = 2;
    }
    length = std::min(length, text.size() - i);
    tokens.push_back({TokenKind::kInvalid, std::string(text.substr(i, length)), start});
    i += length;
  }
  tokens.push_back({TokenKind::kEnd, "<EOF>", text.size()});
  return tokens;
}

}  // namespace ddbpg::expr
