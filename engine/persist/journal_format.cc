#include "engine/persist/journal_format.h"

#include <cstring>

#include "engine/persist/crc32c.h"

namespace ddbpg::persist {
namespace {

void AppendU32(std::string& out, uint32_t value) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFFu));
}

void AppendU64(std::string& out, uint64_t value) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFFu));
}

uint32_t ReadU32(std::string_view bytes, size_t at) {
  uint32_t value = 0;
  for (int i = 0; i < 4; ++i) {
    value |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
  }
  return value;
}

uint64_t ReadU64(std::string_view bytes, size_t at) {
  uint64_t value = 0;
  for (int i = 0; i < 8; ++i) {
    value |= static_cast<uint64_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
  }
  return value;
}

std::string Bytes(size_t n) { return std::to_string(n) + (n == 1 ? " byte" : " bytes"); }

}  // namespace

std::string JournalHeader() {
  std::string header(kJournalMagic);
  AppendU32(header, kJournalVersion);
  AppendU32(header, Crc32c(header));
  return header;
}

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
  AppendU32(out, static_cast<uint32_t>(payload.size()));
  AppendU32(out, Crc32c(payload));
  out.append(payload);
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
  JournalContents contents;
  if (bytes.empty()) {
    contents.header_ok = true;
    return contents;
  }
  if (bytes.size() < kJournalHeaderBytes) {
    // A journal is created with its header in one write; a shorter file is a torn creation.
    if (std::string_view(kJournalMagic).substr(0, bytes.size()) == bytes.substr(0, 8)) {
      contents.header_ok = true;
      contents.damage = "the journal's header is incomplete (" + Bytes(bytes.size()) +
                        "): it was cut short while being created";
      return contents;
    }
    contents.damage = "not a DynamoDB Playground journal";
    return contents;
  }
  if (bytes.substr(0, kJournalMagic.size()) != kJournalMagic) {
    contents.damage = "not a DynamoDB Playground journal";
    return contents;
  }
  if (Crc32c(bytes.substr(0, 12)) != ReadU32(bytes, 12)) {
    contents.damage = "the journal's header fails its checksum";
    return contents;
  }
  const uint32_t version = ReadU32(bytes, 8);
  if (version != kJournalVersion) {
    contents.damage = "journal format version " + std::to_string(version) +
                      " is newer than this playground reads (" +
                      std::to_string(kJournalVersion) + ")";
    return contents;
  }
  contents.header_ok = true;
  size_t at = kJournalHeaderBytes;
  contents.valid_bytes = at;
  while (at < bytes.size()) {
    const size_t left = bytes.size() - at;
    if (left < kRecordHeaderBytes) {
      contents.damage = "the last " + Bytes(left) + " are an incomplete record (a write cut short)";
      break;
    }
    const uint32_t length = ReadU32(bytes, at);
    if (length > kMaxRecordPayloadBytes) {
      contents.damage = "the record at byte " + std::to_string(at) + " has an impossible length; " +
                        "the last " + Bytes(left) + " were not read";
      break;
    }
    if (left - kRecordHeaderBytes < length) {
      contents.damage = "the last " + Bytes(left) + " are an incomplete record (a write cut short)";
      break;
    }
    const std::string_view payload = bytes.substr(at + kRecordHeaderBytes, length);
    if (Crc32c(payload) != ReadU32(bytes, at + 4)) {
      contents.damage = "the record at byte " + std::to_string(at) +
                        " fails its checksum; the last " + Bytes(left) + " were not read";
      break;
    }
    contents.payloads.push_back(payload);
    at += kRecordHeaderBytes + length;
    contents.valid_bytes = at;
  }
  return contents;
}

}  // namespace ddbpg::persist
