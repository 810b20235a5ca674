// The journal: an append-only file of the engine's committed commands, framed so that a reader
// can tell a complete record from a torn or damaged one. Bytes in, bytes out; the page
// (IndexedDB) and node (a data directory) do the I/O. docs/formats/journal.md is the byte
// layout and the versioning rules.
//
//   header   "DDBPGJNL"  u32 version  u32 CRC-32C of the 12 bytes before it
//   record   u32 length  u32 CRC-32C of the payload  payload[length]
//   payload  u8 kind  f64 time (seconds since the epoch)  u32 target length  target  body
//   kind 3   u8 kind  f64 time  u32 region length  region  u32 target length  target  body
//
// All integers and the float are little-endian.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/persist/framing.h"

namespace ddbpg::persist {

constexpr std::string_view kJournalMagic = "DDBPGJNL";
constexpr uint32_t kJournalVersion = 1;
constexpr size_t kJournalHeaderBytes = kHeaderBytes;

// One journaled command.
struct JournalCommand {
  enum class Kind : uint8_t {
    // A request that changed something, replayed as it was sent.
    kRequest = 1,
    // Background work (the TTL sweeper) that changed something during a request that did not:
    // replayed by running the background work at `time`.
    kBackground = 2,
    // A request served in a region other than the home region (Engine::Handle's region).
    kRegionalRequest = 3,
  };
  Kind kind = Kind::kRequest;
  double time = 0;  // the host clock's time the engine saw
  std::string_view target;
  std::string_view body;
  std::string_view region;  // kRegionalRequest only
};

// The 16 bytes a journal starts with.
std::string JournalHeader();

// Appends one framed record holding `command` to `out`.
void AppendCommandRecord(std::string& out, const JournalCommand& command);

// The command in a record's payload; nullopt when the payload is not one this version knows.
std::optional<JournalCommand> DecodeCommand(std::string_view payload);

// What a journal's bytes hold: the payloads of its complete, intact records in order, how many
// bytes of it are valid (the header and those records), and, when it stops early, why.
struct JournalContents {
  std::vector<std::string_view> payloads;  // views into the bytes that were read
  size_t valid_bytes = 0;
  // Empty when every byte was read. Otherwise what could not be read, for the user: a torn
  // tail (a write cut short), a record that fails its checksum, or a header this version
  // cannot read (then nothing is valid and the journal must be kept as it is).
  std::string damage;
  bool header_ok = false;
};

// Reads a journal's bytes. Never fails: an empty input is an empty journal.
JournalContents ReadJournal(std::string_view bytes);

}  // namespace ddbpg::persist
