#include "engine/persist/journal_format.h"

#include <cstring>
#include <utility>

#include "engine/persist/framing.h"

namespace ddbpg::persist {

std::string JournalHeader() { return FileHeader(kJournalMagic, kJournalVersion); }

void AppendCommandRecord(std::string& out, const JournalCommand& command) {
  std::string payload;
  payload.reserve(1 + 8 + 4 + command.target.size() + command.body.size());
  payload.push_back(static_cast<char>(command.kind));
  uint64_t time_bits = 0;
  std::memcpy(&time_bits, &command.time, sizeof time_bits);
  AppendU64(payload, time_bits);
  if (command.kind == JournalCommand::Kind::kRegionalRequest) {
    AppendU32(payload, static_cast<uint32_t>(command.region.size()));
    payload.append(command.region);
  }
  AppendU32(payload, static_cast<uint32_t>(command.target.size()));
  payload.append(command.target);
  payload.append(command.body);
  AppendRecord(out, payload);
}

std::optional<JournalCommand> DecodeCommand(std::string_view payload) {
  constexpr size_t kFixed = 1 + 8 + 4;
  if (payload.size() < kFixed) return std::nullopt;
  JournalCommand command;
  const auto kind = static_cast<uint8_t>(payload[0]);
  if (kind != static_cast<uint8_t>(JournalCommand::Kind::kRequest) &&
      kind != static_cast<uint8_t>(JournalCommand::Kind::kBackground) &&
      kind != static_cast<uint8_t>(JournalCommand::Kind::kRegionalRequest)) {
    return std::nullopt;
  }
  command.kind = static_cast<JournalCommand::Kind>(kind);
  const uint64_t time_bits = ReadU64(payload, 1);
  std::memcpy(&command.time, &time_bits, sizeof time_bits);
  size_t at = 9;
  if (command.kind == JournalCommand::Kind::kRegionalRequest) {
    if (payload.size() < kFixed + 4) return std::nullopt;
    const uint32_t region_size = ReadU32(payload, at);
    if (region_size > payload.size() - kFixed - 4) return std::nullopt;
    command.region = payload.substr(at + 4, region_size);
    at += 4 + region_size;
  }
  const uint32_t target_size = ReadU32(payload, at);
  if (target_size > payload.size() - at - 4) return std::nullopt;
  command.target = payload.substr(at + 4, target_size);
  command.body = payload.substr(at + 4 + target_size);
  return command;
}

JournalContents ReadJournal(std::string_view bytes) {
  FramedContents framed = ReadFramed(bytes, kJournalMagic, kJournalVersion, "journal");
  JournalContents contents;
  contents.payloads = std::move(framed.payloads);
  contents.valid_bytes = framed.valid_bytes;
  contents.damage = std::move(framed.damage);
  contents.header_ok = framed.header_ok;
  return contents;
}

}  // namespace ddbpg::persist
