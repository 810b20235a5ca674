// The snapshot: a whole playground's state at one moment, as a framed file (framing.h) of
// sections. Bytes in, bytes out; docs/formats/snapshot.md is the layout and the versioning rules.
//
//   header   "DDBPGSNP"  u32 version  u32 CRC-32C
//   record   u32 length  u32 CRC-32C  payload
//   payload  u8 section kind  JSON text
//
// A snapshot is written whole and renamed into place, so unlike the journal it has no torn
// tail to forgive: it ends with an End section, and one that does not is refused.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace ddbpg::persist {

constexpr std::string_view kSnapshotMagic = "DDBPGSNP";
constexpr uint32_t kSnapshotVersion = 1;

enum class SectionKind : uint8_t {
  kEngine = 1,         // settings, clock, randomness, counters, idempotency tokens
  kTable = 2,          // one table without its items
  kItems = 3,          // {"Table": name, "Items": [DynamoDB JSON item, ...]}, in chunks
  kStream = 4,         // one stream without its records
  kStreamRecords = 5,  // {"Stream": position, "Shard": position, "Records": [...]}, in chunks
  kEnd = 6,            // {"Sections": count before it}
};

struct Section {
  SectionKind kind;
  nlohmann::json body;
};

// The 16 bytes a snapshot starts with.
std::string SnapshotHeader();
// Appends one section.
void AppendSection(std::string& out, SectionKind kind, const nlohmann::json& body);

// A snapshot's sections, or why it cannot be read (`error` non-empty: nothing may be used).
struct SnapshotContents {
  std::vector<Section> sections;  // without the End section
  std::string error;
};
SnapshotContents ReadSnapshot(std::string_view bytes);

// Whether `bytes` start as a snapshot does (rather than a journal or anything else).
bool LooksLikeSnapshot(std::string_view bytes);

}  // namespace ddbpg::persist
