// Tags as DynamoDB checks them in CreateTable, TagResource and UntagResource: each key and value,
// the reserved "aws:" prefix, duplicate keys and the count, with the service's texts (captured
// from the live service in 2026, see docs/api-coverage.md, "Tags").
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "engine/api/request_schema.h"
#include "engine/base/status.h"

namespace ddbpg::api {

using json = nlohmann::json;
using TagMap = std::map<std::string, std::string>;

// The wire shape of a Tags member (CreateTable, TagResource).
MemberSpec TagsMember();

// More than 50 tags on one resource, after a TagResource's tags are merged in (so new values
// for existing keys never count twice), or more than 50 in a CreateTable or in one
// UntagResource's TagKeys.
inline constexpr const char* kTooManyTagsMessage =
    "Number of Tags exceed the current limit for the provided ResourceArn";

// Reads a request's Tags list (its wire shape already checked) in order: for each tag its key
// (1 to 128 letters, numbers, separators and _ . : / = + - @), the "aws:" prefix in any case,
// its value (0 to 256 of the same) and a key given twice. The first fault is the error; an empty
// list is not one (CreateTable accepts it; TagResource refuses it itself).
base::Result<std::vector<std::pair<std::string, std::string>>> ReadTags(const json& tags);

// Checks one key of UntagResource's TagKeys: its length and the "aws:" prefix. A key that is not
// on the resource is not an error.
base::Status CheckTagKeyToRemove(const std::string& key);

}  // namespace ddbpg::api
