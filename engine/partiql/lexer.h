// Splits a PartiQL statement into tokens: names (plain or "double-quoted"), 'strings', numbers
// and punctuation. Keywords are plain names the parser compares without regard to case.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"

namespace ddbpg::partiql {

struct Token {
  enum class Kind { kName, kQuotedName, kString, kNumber, kPunctuation, kEnd };
  Kind kind = Kind::kEnd;
  std::string text;   // a quoted name or string without its quotes, with doubled quotes undone
  size_t offset = 0;  // where the token starts in the statement, for messages
  size_t line = 1;    // the line it starts on, and its column there, from 1
  size_t column = 1;
  size_t length = 0;  // its length in the statement, quotes included
};

// Where a token stands as the service's messages place it: " at <line>:<column>:<length>".
std::string PlaceOf(const Token& token);

// The tokens of `statement`, ending with one kEnd; a ValidationException for a character that
// starts no token or a quote left open.
base::Result<std::vector<Token>> Tokenize(std::string_view statement);

// "Statement wasn't well formed, can't be processed: <detail>": the prefix of every syntax
// error the service reports.
base::Status MalformedStatement(const std::string& detail);

}  // namespace ddbpg::partiql
