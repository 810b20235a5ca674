#include "engine/persist/crc32c.h"

#include <array>

namespace ddbpg::persist {
namespace {

constexpr uint32_t kPolynomial = 0x82F63B78u;

// One table of 256 entries, built once: byte-at-a-time is fast enough for records that are
// written once and read once, and it keeps the code portable to wasm.
std::array<uint32_t, 256> BuildTable() {
  std::array<uint32_t, 256> table{};
  for (uint32_t byte = 0; byte < 256; ++byte) {
    uint32_t crc = byte;
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ ((crc & 1u) ? kPolynomial : 0u);
    table[byte] = crc;
  }
  return table;
}

}  // namespace

uint32_t Crc32c(std::string_view bytes, uint32_t crc) {
  static const std::array<uint32_t, 256> table = BuildTable();
  crc = ~crc;
  for (unsigned char c : bytes) crc = table[(crc ^ c) & 0xFFu] ^ (crc >> 8);
  return ~crc;
}

}  // namespace ddbpg::persist
