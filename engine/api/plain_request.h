// What the plain readers of requests share (plain_put_item.h, plain_get_item.h,
// plain_batch_write.h), and the table name rule batch_handler.cc checks too: a request read
// straight from its text, member by member, taking only members it knows, each
// once, with values every check passes; on anything else the reader gives up and the request
// is parsed as a tree for its handler, which answers it as the service does.
#pragma once

#include <functional>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "engine/value/json_cursor.h"

namespace ddbpg::api {

// Reads `body` as one JSON object, calling `read_member(cursor, name)` at each member's value;
// false when the text is not one object, a member's name repeats, or `read_member` refuses.
bool ReadPlainRequest(
    std::string_view body,
    const std::function<bool(value::JsonCursor& cursor, const std::string& name)>& read_member);

// A table name as its member's constraints take it, no ARN: [a-zA-Z0-9_.-], 3 to 255 bytes.
bool IsValidTableName(const std::string& name);
bool ReadPlainTableName(value::JsonCursor& cursor, std::string& out);

// ReturnConsumedCapacity or ReturnItemCollectionMetrics of a plain write, stored in `options`:
// whether its value is valid, or nullopt when `name` is neither.
std::optional<bool> ReadPlainWriteReturnOption(value::JsonCursor& cursor, const std::string& name,
                                               nlohmann::json& options);

// A string member that must be one of `values`, stored in `options` under `member`.
bool ReadPlainOption(value::JsonCursor& cursor, const char* member,
                     std::initializer_list<const char*> values, nlohmann::json& options);

}  // namespace ddbpg::api
