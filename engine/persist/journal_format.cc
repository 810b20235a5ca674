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
      kind != static_cast<uint8_t>(JournalCommand::Kind::kBackground)) {
    return std::nullopt;
  }
  command.kind = static_cast<JournalCommand::Kind>(kind);
  const uint64_t time_bits = ReadU64(payload, 1);
  std::memcpy(&command.time, &time_bits, sizeof time_bits);
  const uint32_t target_size = ReadU32(payload, 9);
  if (target_size > payload.size() - kFixed) return std::nullopt;
  command.target = payload.substr(kFixed, target_size);
  command.body = payload.substr(kFixed + target_size);
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
