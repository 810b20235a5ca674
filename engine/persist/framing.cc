#include "engine/persist/framing.h"

#include "engine/persist/crc32c.h"

namespace ddbpg::persist {
namespace {

std::string Bytes(size_t n) { return std::to_string(n) + (n == 1 ? " byte" : " bytes"); }

}  // namespace

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

std::string FileHeader(std::string_view magic, uint32_t version) {
  std::string header(magic);
  AppendU32(header, version);
  AppendU32(header, Crc32c(header));
  return header;
}

void AppendRecord(std::string& out, std::string_view payload) {
  AppendU32(out, static_cast<uint32_t>(payload.size()));
  AppendU32(out, Crc32c(payload));
  out.append(payload);
}

FramedContents ReadFramed(std::string_view bytes, std::string_view magic,
                          uint32_t newest_version, std::string_view what) {
  FramedContents contents;
  const std::string name(what);
  if (bytes.empty()) {
    contents.header_ok = true;
    return contents;
  }
  if (bytes.size() < kHeaderBytes) {
    // A file is created with its header in one write; a shorter one is a torn creation.
    if (magic.substr(0, bytes.size()) == bytes.substr(0, magic.size())) {
      contents.header_ok = true;
      contents.damage = "the " + name + "'s header is incomplete (" + Bytes(bytes.size()) +
                        "): it was cut short while being created";
      return contents;
    }
    contents.damage = "not a DynamoDB Playground " + name;
    return contents;
  }
  if (bytes.substr(0, magic.size()) != magic) {
    contents.damage = "not a DynamoDB Playground " + name;
    return contents;
  }
  if (Crc32c(bytes.substr(0, 12)) != ReadU32(bytes, 12)) {
    contents.damage = "the " + name + "'s header fails its checksum";
    return contents;
  }
  const uint32_t version = ReadU32(bytes, 8);
  if (version == 0 || version > newest_version) {
    contents.damage = name + " format version " + std::to_string(version) +
                      " is newer than this playground reads (" + std::to_string(newest_version) +
                      ")";
    return contents;
  }
  contents.version = version;
  contents.header_ok = true;
  size_t at = kHeaderBytes;
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
