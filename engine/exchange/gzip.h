// gzip (RFC 1952) for the export and import files: DynamoDB writes each export data file as
// .json.gz or .ion.gz, and ImportTable reads GZIP input.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ddbpg::exchange {

// zlib's CRC-32 (reflected polynomial 0xEDB88320), the checksum gzip carries.
uint32_t Crc32(std::string_view bytes, uint32_t crc = 0);

// `bytes` as one gzip member whose deflate blocks are stored, not compressed: every gzip reader
// takes it, and writing it costs a copy. Export files are small in a playground, and this keeps
// the engine free of a compressor (docs/differences.md, "Export and import").
std::string GzipStored(std::string_view bytes);

// The contents of a gzip file (every member, concatenated, as gunzip gives them), or nothing
// when `bytes` is not gzip, is damaged (a bad checksum or length) or inflates past `max_bytes`.
std::optional<std::string> Gunzip(std::string_view bytes, size_t max_bytes);

}  // namespace ddbpg::exchange
