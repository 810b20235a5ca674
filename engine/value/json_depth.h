// How deeply JSON text nests, checked before it is parsed: the parser and every walk over a
// parsed document recurse once per level, so text nested deeper than anything valid is refused
// before it can exhaust the stack (a wasm instance has 64 KB of it).
#pragma once

#include <string_view>

namespace ddbpg::value {

// Whether `text` opens more than `max_depth` objects and arrays inside one another.
bool NestedDeeperThan(std::string_view text, int max_depth);

}  // namespace ddbpg::value
