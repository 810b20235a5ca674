// An item's DynamoDB JSON read straight from request text into an Item, without a tree, for
// the requests that make up most writes. It takes only what is plainly valid: attributes of
// type S, N, BOOL, NULL, M and L, each value an object of exactly one member, every name once,
// every number one the service accepts, nesting within the limit. Anything else (a set, a
// binary, a null, an unknown or repeated member, a number the service refuses) makes it return
// false, and the caller reads the request the general way (json_reader.h, ddb_json.h), which
// gives the service's answer for it; for what this takes, both ways make the same Item.
#pragma once

#include "engine/value/attribute_value.h"
#include "engine/value/json_cursor.h"

namespace ddbpg::value {

// At a '{': reads the item's attributes into `out` (empty on entry) and passes the '}'.
bool ReadPlainItem(JsonCursor& cursor, Item& out);

}  // namespace ddbpg::value
