// MD5 (RFC 1321): what S3 puts in an object's ETag and what DynamoDB's export manifests list for
// each data file (md5Checksum, base64; etag, hex). Used to describe files, never for security.
#pragma once

#include <string>
#include <string_view>

namespace ddbpg::exchange {

// The 16-byte digest of `bytes`.
std::string Md5Digest(std::string_view bytes);

// The digest as 32 lowercase hex digits, as an S3 ETag shows it.
std::string Md5Hex(std::string_view bytes);

}  // namespace ddbpg::exchange
