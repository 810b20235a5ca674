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
  // {"Table": name (absent: the engine section), "Member": JSON pointer, "Values": [...]}: more
  // elements of a long list of an earlier section, which was written with the list cut short.
  kMore = 7,
  kBackup = 8,         // one backup without its items (CreateBackup, system backups)
  kBackupItems = 9,    // {"Backup": position, "Items": [DynamoDB JSON item, ...]}, in chunks
  kObjects = 10,       // {"Bucket": name, "Objects": [[key, base64 bytes], ...]}, in chunks
};

// One section as read: its kind and its JSON text, parsed when it is used (ParseSection), so a
// large snapshot is never held parsed all at once.
struct Section {
  SectionKind kind;
  std::string_view text;
};

// The 16 bytes a snapshot starts with.
std::string SnapshotHeader();
// Appends one section; false (and nothing appended) when it would exceed the framing's limit.
bool AppendSection(std::string& out, SectionKind kind, const nlohmann::json& body);

// A snapshot's sections, or why it cannot be read (`error` non-empty: nothing may be used).
struct SnapshotContents {
  std::vector<Section> sections;  // views into the bytes read, without the End section
  std::string error;
};
SnapshotContents ReadSnapshot(std::string_view bytes);

// A section's JSON object; throws std::runtime_error when it is not one (or nests deeper than a
// snapshot can).
nlohmann::json ParseSection(const Section& section);

}  // namespace ddbpg::persist
