#include "engine/persist/snapshot_format.h"

#include "engine/persist/framing.h"

namespace ddbpg::persist {

std::string SnapshotHeader() { return FileHeader(kSnapshotMagic, kSnapshotVersion); }

void AppendSection(std::string& out, SectionKind kind, const nlohmann::json& body) {
  std::string payload(1, static_cast<char>(kind));
  payload += body.dump();
  AppendRecord(out, payload);
}

bool LooksLikeSnapshot(std::string_view bytes) {
  return bytes.substr(0, kSnapshotMagic.size()) == kSnapshotMagic;
}

SnapshotContents ReadSnapshot(std::string_view bytes) {
  SnapshotContents contents;
  FramedContents framed = ReadFramed(bytes, kSnapshotMagic, kSnapshotVersion, "snapshot");
  if (!framed.header_ok || bytes.size() < kHeaderBytes) {
    contents.error = framed.damage.empty() ? "the snapshot is empty" : framed.damage;
    return contents;
  }
  bool ended = false;
  for (std::string_view payload : framed.payloads) {
    if (ended) {
      contents.error = "the snapshot has sections after its end";
      return contents;
    }
    if (payload.empty()) {
      contents.error = "the snapshot has an empty section";
      return contents;
    }
    const auto kind = static_cast<uint8_t>(payload[0]);
    if (kind < static_cast<uint8_t>(SectionKind::kEngine) ||
        kind > static_cast<uint8_t>(SectionKind::kEnd)) {
      contents.error = "the snapshot has a section of a kind this version does not know (" +
                       std::to_string(kind) + ")";
      return contents;
    }
    nlohmann::json body = nlohmann::json::parse(payload.substr(1), nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
      contents.error = "a section of the snapshot is not valid JSON";
      return contents;
    }
    if (static_cast<SectionKind>(kind) == SectionKind::kEnd) {
      const nlohmann::json& count = body["Sections"];
      if (!count.is_number_unsigned() || count.get<size_t>() != contents.sections.size()) {
        contents.error = "the snapshot's end does not match its sections";
        return contents;
      }
      ended = true;
      continue;
    }
    contents.sections.push_back({static_cast<SectionKind>(kind), std::move(body)});
  }
  if (!framed.damage.empty()) {
    contents.error = framed.damage;
  } else if (!ended) {
    contents.error = "the snapshot is incomplete: it has no end";
  }
  return contents;
}

}  // namespace ddbpg::persist
