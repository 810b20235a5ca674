#include "engine/value/json_reader.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "engine/value/json_cursor.h"

namespace ddbpg::value {
namespace {

using json = nlohmann::json;

class Reader {
 public:
  explicit Reader(std::string_view text) : cursor_(text) {}

  bool Document(json& out) {
    if (!cursor_.SkipByteOrderMark()) return false;
    cursor_.SkipSpace();
    if (!Value(out, 0)) return false;
    cursor_.SkipSpace();
    return cursor_.AtDocumentEnd();
  }

 private:
  bool Value(json& out, int depth) {
    if (cursor_.AtEnd()) return false;
    switch (cursor_.Peek()) {
      case '{':
        return Object(out, depth + 1);
      case '[':
        return Array(out, depth + 1);
      case '"': {
        std::string text;
        if (!cursor_.String(text)) return false;
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
    if (!cursor_.Literal(word)) return false;
    out = std::move(value);
    return true;
  }

  bool Object(json& out, int depth) {
    if (depth > kMaxReadDepth) return false;
    out = json::object();
    json::object_t& members = *out.get_ptr<json::object_t*>();
    // A repeated name keeps its first place and its last value, as with nlohmann's parser.
    return ReadObjectMembers(
        cursor_, [&](std::string name) { return Value(members[std::move(name)], depth); });
  }

  bool Array(json& out, int depth) {
    if (depth > kMaxReadDepth) return false;
    cursor_.Take('[');
    out = json::array();
    json::array_t& elements = *out.get_ptr<json::array_t*>();
    cursor_.SkipSpace();
    if (cursor_.Take(']')) return true;
    while (true) {
      elements.emplace_back();
      if (!Value(elements.back(), depth)) return false;
      cursor_.SkipSpace();
      if (cursor_.Take(']')) return true;
      if (!cursor_.Take(',')) return false;
      cursor_.SkipSpace();
    }
  }

  // An integer that fits is unsigned (or, negative, signed), anything else a double, as
  // nlohmann types them.
  bool Number(json& out) {
    std::string_view token;
    bool integer;
    if (!cursor_.NumberToken(token, integer)) return false;
    const char* first = token.data();
    const char* last = token.data() + token.size();
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
    const std::string digits(token);
    const double value = std::strtod(digits.c_str(), nullptr);
    if (!std::isfinite(value)) return false;
    out = value;
    return true;
  }

  JsonCursor cursor_;
};

}  // namespace

bool ReadJson(std::string_view text, json& out) { return Reader(text).Document(out); }

json ReadJsonOrDiscarded(std::string_view text) {
  json document;
  if (!ReadJson(text, document)) return json(json::value_t::discarded);
  return document;
}

}  // namespace ddbpg::value
