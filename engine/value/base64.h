// Base64 (RFC 4648, standard alphabet, padded): how binary values travel in DynamoDB JSON.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ddbpg::value {

std::string Base64Encode(std::string_view bytes);

// The decoded bytes, or nullopt when `text` is not canonical padded base64 (length not a
// multiple of 4, a character outside the alphabet, misplaced padding, or stray bits in the last
// character).
std::optional<std::string> Base64Decode(std::string_view text);

}  // namespace ddbpg::value
