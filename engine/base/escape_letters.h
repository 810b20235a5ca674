// The one-letter escapes JSON and Ion text share with C: \b \f \n \r \t name the control
// characters a string cannot hold as they are. Each reader adds its own (JSON's \" \\ \/ and
// \u, Ion's \a \v \0 \x \U and more) around these.
#pragma once

#include <optional>

namespace ddbpg::base {

// The character `letter` stands for after a backslash, when it is one of the five.
constexpr std::optional<char> ControlCharacterEscape(char letter) {
  switch (letter) {
    case 'b':
      return '\b';
    case 'f':
      return '\f';
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    default:
      return std::nullopt;
  }
}

}  // namespace ddbpg::base
