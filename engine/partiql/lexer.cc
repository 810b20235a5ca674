#include "engine/partiql/lexer.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

namespace ddbpg::partiql {
namespace {

bool IsNameStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool IsNamePart(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}
bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Reads a token quoted by `quote` starting at `pos` (on the opening quote); a doubled quote
// inside stands for one. Returns false when the statement ends before the closing quote.
bool ReadQuoted(std::string_view text, size_t& pos, char quote, std::string& out) {
  for (++pos; pos < text.size(); ++pos) {
    if (text[pos] != quote) {
      out += text[pos];
      continue;
    }
    if (pos + 1 < text.size() && text[pos + 1] == quote) {
      out += quote;
      ++pos;
      continue;
    }
    ++pos;
    return true;
  }
  return false;
}

// Digits, an optional fraction and an optional exponent; the engine's Number checks the rest.
size_t NumberEnd(std::string_view text, size_t pos) {
  while (pos < text.size() && IsDigit(text[pos])) ++pos;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    while (pos < text.size() && IsDigit(text[pos])) ++pos;
  }
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    size_t exponent = pos + 1;
    if (exponent < text.size() && (text[exponent] == '+' || text[exponent] == '-')) ++exponent;
    if (exponent < text.size() && IsDigit(text[exponent])) {
      pos = exponent;
      while (pos < text.size() && IsDigit(text[pos])) ++pos;
    }
  }
  return pos;
}

// Skips whitespace and comments, which the service ignores (captured in 2026): "--" to the end
// of the line and "/* ... */". False for a block comment that never ends.
bool SkipSpaceAndComments(std::string_view text, size_t& pos) {
  while (pos < text.size()) {
    if (std::isspace(static_cast<unsigned char>(text[pos]))) {
      ++pos;
    } else if (text.substr(pos, 2) == "--") {
      pos = std::min(text.find('\n', pos), text.size());
    } else if (text.substr(pos, 2) == "/*") {
      const size_t end = text.find("*/", pos + 2);
      if (end == std::string_view::npos) return false;
      pos = end + 2;
    } else {
      break;
    }
  }
  return true;
}

// A number may start with its point (".73e1"), except right after a name, a quoted name or a
// closing bracket, where the point is a path's.
bool StartsNumber(std::string_view text, size_t pos, const std::vector<Token>& tokens) {
  if (IsDigit(text[pos])) return true;
  if (text[pos] != '.' || pos + 1 >= text.size() || !IsDigit(text[pos + 1])) return false;
  if (tokens.empty()) return true;
  const Token& last = tokens.back();
  return last.kind != Token::Kind::kName && last.kind != Token::Kind::kQuotedName &&
         last.text != "]" && last.text != ")";
}

// Punctuation, longest first so "<=" is not read as "<" then "=".
constexpr std::string_view kPunctuation[] = {"<<", ">>", "<=", ">=", "<>", "!=", "(", ")",
                                             "[",  "]",  "{",  "}",  ",",  ".",  ":", "?",
                                             "*",  "=",  "<",  ">",  "+",  "-",  ";"};

}  // namespace

base::Status MalformedStatement(const std::string& detail) {
  return base::Status::Validation("Statement wasn't well formed, can't be processed: " + detail);
}

std::string PlaceOf(const Token& token) {
  return " at " + std::to_string(token.line) + ":" + std::to_string(token.column) + ":" +
         std::to_string(token.length);
}

base::Result<std::vector<Token>> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t pos = 0;
  size_t line = 1;
  size_t line_start = 0;  // the offset of the current line's first character
  size_t scanned = 0;     // the text before this offset has had its lines counted
  // Places a token: its line, column and length.
  auto place = [&](Token& token, size_t end) {
    for (; scanned < token.offset; ++scanned) {
      if (text[scanned] == '\n') {
        ++line;
        line_start = scanned + 1;
      }
    }
    token.line = line;
    token.column = token.offset - line_start + 1;
    token.length = end - token.offset;
  };
  while (true) {
    if (!SkipSpaceAndComments(text, pos)) return MalformedStatement("");
    Token token;
    token.offset = pos;
    if (pos >= text.size()) {
      place(token, pos);
      tokens.push_back(token);
      return tokens;
    }
    char c = text[pos];
    if (c == '\'' || c == '"') {
      token.kind = c == '\'' ? Token::Kind::kString : Token::Kind::kQuotedName;
      if (!ReadQuoted(text, pos, c, token.text)) {
        return MalformedStatement(c == '\'' ? "Invalid string literal" : "Invalid identifier");
      }
    } else if (IsNameStart(c)) {
      token.kind = Token::Kind::kName;
      size_t end = pos;
      while (end < text.size() && IsNamePart(text[end])) ++end;
      token.text = std::string(text.substr(pos, end - pos));
      pos = end;
    } else if (StartsNumber(text, pos, tokens)) {
      token.kind = Token::Kind::kNumber;
      size_t end = NumberEnd(text, pos);
      token.text = std::string(text.substr(pos, end - pos));
      pos = end;
    } else {
      token.kind = Token::Kind::kPunctuation;
      for (std::string_view sign : kPunctuation) {
        if (text.substr(pos, sign.size()) == sign) {
          token.text = std::string(sign);
          break;
        }
      }
      // A '#' comment is not PartiQL's: the service refuses it with no detail (captured, 2026).
      if (c == '#') return MalformedStatement("");
      if (token.text.empty()) {
        return MalformedStatement("Unexpected character '" + std::string(1, c) + "' at position " +
                                  std::to_string(pos + 1));
      }
      pos += token.text.size();
    }
    place(token, pos);
    tokens.push_back(std::move(token));
  }
}

}  // namespace ddbpg::partiql
