// A position in JSON text and the tokens read there: white space, strings (escapes decoded,
// UTF-8 checked), literals and number tokens, each exactly as RFC 8259 and nlohmann's parser
// take them. Shared by the reader that builds a tree (json_reader.h) and the readers that take a
// request straight into typed values (item_text.h), so both accept the same text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ddbpg::value {

class JsonCursor {
 public:
  explicit JsonCursor(std::string_view text) : text_(text) {}

  bool AtEnd() const { return at_ >= text_.size(); }
  // How far into the text the cursor is, in bytes: where a value read next starts.
  size_t Position() const { return at_; }
  // The byte at the cursor; only when !AtEnd().
  char Peek() const { return text_[at_]; }
  // True when the next byte is `c`, which is then passed.
  bool Take(char c) {
    if (AtEnd() || Peek() != c) return false;
    ++at_;
    return true;
  }
  void SkipSpace();
  // Skips a UTF-8 byte order mark, as nlohmann does; false when the text starts with a broken one.
  bool SkipByteOrderMark();
  // True at the end of the text, or at a NUL byte, which nlohmann's lexer takes for the end.
  bool AtDocumentEnd() const { return AtEnd() || Peek() == '\0'; }

  // At a '"': appends the string's decoded bytes to `out` and passes its closing quote.
  bool String(std::string& out);
  // `word` (true, false, null) spelled out at the cursor, then passed.
  bool Literal(std::string_view word);
  // An RFC 8259 number at the cursor: its text, passed, and whether it has neither a fraction nor
  // an exponent.
  bool NumberToken(std::string_view& token, bool& integer);

 private:
  bool HexQuad(char32_t& value);
  bool UnicodeEscape(std::string& out);

  std::string_view text_;
  size_t at_ = 0;
};

// At a '{': calls `read(name)` at each member's value (after its colon) and passes the '}'; false
// when the text is not an object or `read` refuses.
template <typename ReadMember>
bool ReadObjectMembers(JsonCursor& cursor, ReadMember read) {
  if (!cursor.Take('{')) return false;
  cursor.SkipSpace();
  if (cursor.Take('}')) return true;
  while (true) {
    if (cursor.AtEnd() || cursor.Peek() != '"') return false;
    std::string name;
    if (!cursor.String(name)) return false;
    cursor.SkipSpace();
    if (!cursor.Take(':')) return false;
    cursor.SkipSpace();
    if (!read(std::move(name))) return false;
    cursor.SkipSpace();
    if (cursor.Take('}')) return true;
    if (!cursor.Take(',')) return false;
    cursor.SkipSpace();
  }
}

// At a '[': calls `read()` at each element and passes the ']'; false when the text is not an
// array or `read` refuses.
template <typename ReadElement>
bool ReadArrayElements(JsonCursor& cursor, ReadElement read) {
  if (!cursor.Take('[')) return false;
  cursor.SkipSpace();
  if (cursor.Take(']')) return true;
  while (true) {
    if (!read()) return false;
    cursor.SkipSpace();
    if (cursor.Take(']')) return true;
    if (!cursor.Take(',')) return false;
    cursor.SkipSpace();
  }
}

}  // namespace ddbpg::value
