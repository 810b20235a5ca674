// Framing shared by the journal and the snapshot: a 16-byte header that names the file and its
// format version, then records a reader can tell complete from torn or damaged.
//
//   header   magic[8]  u32 version  u32 CRC-32C of the 12 bytes before it
//   record   u32 length  u32 CRC-32C of the payload  payload[length]
//
// All integers are little-endian. docs/formats/ holds the layouts built on it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ddbpg::persist {

constexpr size_t kHeaderBytes = 16;
constexpr size_t kRecordHeaderBytes = 8;
// A request body is at most 16 MB and a snapshot record is cut well below this; a longer
// length can only be damage.
constexpr uint32_t kMaxRecordPayloadBytes = 32u << 20;

void AppendU32(std::string& out, uint32_t value);
void AppendU64(std::string& out, uint64_t value);
uint32_t ReadU32(std::string_view bytes, size_t at);
uint64_t ReadU64(std::string_view bytes, size_t at);

// The 16 bytes a file of kind `magic` (8 characters) and format `version` starts with.
std::string FileHeader(std::string_view magic, uint32_t version);
// Appends `payload` framed as one record.
void AppendRecord(std::string& out, std::string_view payload);

// What a framed file's bytes hold: the payloads of its complete, intact records in order, how
// many bytes of it are valid (the header and those records), and, when it stops early, why.
struct FramedContents {
  std::vector<std::string_view> payloads;  // views into the bytes that were read
  size_t valid_bytes = 0;
  // Empty when every byte was read. Otherwise what could not be read, for the user: a torn
  // tail (a write cut short), a record that fails its checksum, or a header this version
  // cannot read (then nothing is valid and the bytes must be kept as they are).
  std::string damage;
  bool header_ok = false;
  uint32_t version = 0;
};

// Reads a file of kind `magic` whose versions 1 to `newest_version` this build reads; `what`
// names the kind in messages ("journal", "snapshot"). Never fails: empty bytes are an empty
// file.
FramedContents ReadFramed(std::string_view bytes, std::string_view magic,
                          uint32_t newest_version, std::string_view what);

}  // namespace ddbpg::persist
