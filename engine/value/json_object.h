// A JSON object built from name-value pairs with a fraction of the code nlohmann's nested
// initializer lists take for the same object.
//
// In `json{{"TableName", name}, {"ItemCount", count}}` every `{"Name", value}` is first a
// two-element array, which the outer list checks at run time to be a pair before it makes the
// object; compiled, that is over a kilobyte of wasm for a ten-member object. Here each member is
// a pair to begin with and one loop, compiled once, moves them in:
// `JsonObject({{"TableName", name}, {"ItemCount", count}})` is the same object, in a quarter of
// the code (issue #15 counts every kilobyte of the module).
//
// A member's value is made as nlohmann makes it (a string, a number of the same type, a bool, a
// tree moved or copied). Unlike nlohmann's lists, `{}` as a value is null, not an empty object:
// write json::object(). A name given twice keeps its first value, as nlohmann's lists do.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string_view>

namespace ddbpg::value {

struct JsonMember {
  std::string_view name;
  // mutable: the list's elements are const, and the value is moved out of them, not copied.
  mutable nlohmann::json value;
};

nlohmann::json JsonObject(std::initializer_list<JsonMember> members);

}  // namespace ddbpg::value
