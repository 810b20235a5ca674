#include "engine/persist/snapshot_format.h"

#include <stdexcept>

#include "engine/persist/framing.h"
#include "engine/value/json_depth.h"
#include "engine/value/json_reader.h"

namespace ddbpg::persist {
namespace {

// An item nests 32 levels, two JSON levels each; a section adds a few of its own around it.
constexpr int kMaxSectionDepth = 2 * 32 + 24;

}  // namespace

std::string SnapshotHeader() { return FileHeader(kSnapshotMagic, kSnapshotVersion); }

bool AppendSection(std::string& out, SectionKind kind, const nlohmann::json& body) {
  std::string payload(1, static_cast<char>(kind));
  payload += body.dump();
  if (payload.size() > kMaxRecordPayloadBytes) return false;
  AppendRecord(out, payload);
  return true;
}

nlohmann::json ParseSection(const Section& section) {
  if (value::NestedDeeperThan(section.text, kMaxSectionDepth)) {
    throw std::runtime_error("a section nests deeper than a snapshot can");
  }
  nlohmann::json body = value::ReadJsonOrDiscarded(section.text);
  if (body.is_discarded() || !body.is_object()) {
    throw std::runtime_error("a section is not a JSON object");
  }
  return body;
}

SnapshotContents ReadSnapshot(std::string_view bytes) {
  SnapshotContents contents;
  FramedContents framed = ReadFramed(bytes, kSnapshotMagic, kSnapshotVersion, "snapshot");
  if (!framed.header_ok || bytes.size() < kHeaderBytes) {
    contents.error = framed.damage.empty() ? "the snapshot is empty" : framed.damage;
    return contents;
  }
  if (!framed.damage.empty()) {
    contents.error = framed.damage;
    return contents;
  }
  for (std::string_view payload : framed.payloads) {
    const auto kind = payload.empty() ? 0 : static_cast<uint8_t>(payload[0]);
    if (kind < static_cast<uint8_t>(SectionKind::kEngine) ||
        kind > static_cast<uint8_t>(SectionKind::kObjects)) {
      contents.error = "the snapshot has a section of a kind this version does not know (" +
                       std::to_string(kind) + ")";
      return contents;
    }
    contents.sections.push_back({static_cast<SectionKind>(kind), payload.substr(1)});
  }
  // The end section is last and counts the others: a snapshot cut between records is refused.
  bool ended = false;
  if (!contents.sections.empty() && contents.sections.back().kind == SectionKind::kEnd) {
    try {
      const nlohmann::json end = ParseSection(contents.sections.back());
      const nlohmann::json& count = end.at("Sections");
      ended = count.is_number_unsigned() && count.get<size_t>() == contents.sections.size() - 1;
    } catch (const std::exception&) {
      ended = false;
    }
    contents.sections.pop_back();
  }
  if (!ended) {
    contents.sections.clear();
    contents.error = "the snapshot is incomplete: it has no end, or its end does not match";
    return contents;
  }
  for (const Section& section : contents.sections) {
    if (section.kind == SectionKind::kEnd) {
      contents.sections.clear();
      contents.error = "the snapshot has sections after its end";
      return contents;
    }
  }
  return contents;
}

}  // namespace ddbpg::persist
