// The tokens of DynamoDB's expression languages. One lexer serves all five kinds.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ddbpg::expr {

enum class TokenKind {
  kIdentifier,   // attribute names, keywords and function names (told apart by the parser)
  kNamePlaceholder,   // #name
  kValuePlaceholder,  // :value
  kNumber,            // digits, only valid inside [ ]
  kPunctuation,       // ( ) [ ] , . = <> < <= > >= + -
  kInvalid,           // a character no expression may contain
  kEnd,
};

struct Token {
  TokenKind kind;
  std::string text;
  size_t offset;  // byte offset in the expression, for the service's "near" context
};

// Splits `text` into tokens, ending with kEnd. Never fails: an unusable character becomes a
// kInvalid token, which the parser reports as a syntax error at that point.
std::vector<Token> Tokenize(std::string_view text);

}  // namespace ddbpg::expr
