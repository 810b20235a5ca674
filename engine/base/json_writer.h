// A JSON writer that appends straight to one output string, for responses too large to build as
// a tree first (Query, Scan, GetItem): no allocation per value, no second pass to dump. Its
// output is byte for byte what nlohmann's dump(-1, ' ', false, replace) prints for the same
// document, so a response reads the same whichever way it was written.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ddbpg::base {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void BeginObject() { OpenValue('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { OpenValue('['); }
  void EndArray() { Close(']'); }

  // The next member's name; its value follows.
  void Key(std::string_view name);
  // A member name the caller knows needs no escaping (an attribute type such as "S").
  void PlainKey(std::string_view name);
  // An object of one member, {"name":"text"}, whose name and string the caller knows need no
  // escaping: how an item's plain strings and numbers are written ({"S":"..."}, {"N":"..."}).
  void PlainStringObject(std::string_view name, std::string_view text);

  void String(std::string_view text);
  // A string the caller knows needs no escaping (IsPlainJsonString, or text such as a number's
  // digits or base64 that cannot hold a byte to escape): copied as it is.
  void PlainString(std::string_view text);
  void Bool(bool value);
  void Unsigned(uint64_t value);
  // A value that is already JSON text (a small member rendered by nlohmann).
  void Raw(std::string_view json_text);

 private:
  void BeforeValue();
  void OpenValue(char bracket);
  void Close(char bracket);

  std::string& out_;
  // Whether a value was just completed, so the next member or element needs a comma.
  bool after_value_ = false;
};

// Appends `text` as the body of a JSON string (no quotes): the escapes nlohmann writes, and each
// invalid UTF-8 sequence replaced by U+FFFD as nlohmann's error_handler_t::replace does.
void AppendEscaped(std::string& out, std::string_view text);

}  // namespace ddbpg::base
