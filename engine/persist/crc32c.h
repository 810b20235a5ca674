// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78): the checksum of every journal record.
// Chosen over zlib's CRC-32 because it detects more of the errors storage produces and is what
// LevelDB, RocksDB and ext4 use; the page and node need no native support to compute it.
#pragma once

#include <cstdint>
#include <string_view>

namespace ddbpg::persist {

// The checksum of `bytes`, continuing from `crc` (0 to start).
uint32_t Crc32c(std::string_view bytes, uint32_t crc = 0);

}  // namespace ddbpg::persist
