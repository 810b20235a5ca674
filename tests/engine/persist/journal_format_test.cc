#include "engine/persist/journal_format.h"

#include <gtest/gtest.h>

#include <string>

#include "engine/persist/crc32c.h"

namespace ddbpg::persist {
namespace {

using Kind = JournalCommand::Kind;

std::string JournalOf(int records) {
  std::string bytes = JournalHeader();
  for (int i = 0; i < records; ++i) {
    std::string body = R"({"TableName":"t","Item":{"pk":{"S":"k)" + std::to_string(i) + R"("}}})";
    AppendCommandRecord(bytes, {Kind::kRequest, 1700000000.25 + i, "DynamoDB_20120810.PutItem", body});
  }
  return bytes;
}

TEST(Crc32cTest, MatchesTheStandardCheckValues) {
  // The check value of CRC-32C (RFC 3720, appendix B.4) and iSCSI's test vectors.
  EXPECT_EQ(Crc32c("123456789"), 0xE3069283u);
  EXPECT_EQ(Crc32c(std::string(32, '\0')), 0x8A9136AAu);
  EXPECT_EQ(Crc32c(std::string(32, '\xFF')), 0x62A8AB43u);
  EXPECT_EQ(Crc32c(""), 0u);
  // Continuing from a previous value equals one pass over both parts.
  EXPECT_EQ(Crc32c("6789", Crc32c("12345")), Crc32c("123456789"));
}

TEST(JournalFormatTest, RecordsRoundTrip) {
  std::string bytes = JournalHeader();
  AppendCommandRecord(bytes, {Kind::kRequest, 1234.5, "Playground.SetClock", R"({"Now":0})"});
  AppendCommandRecord(bytes, {Kind::kBackground, 99.0, "", ""});
  JournalContents contents = ReadJournal(bytes);
  EXPECT_EQ(contents.damage, "");
  EXPECT_TRUE(contents.header_ok);
  EXPECT_EQ(contents.valid_bytes, bytes.size());
  ASSERT_EQ(contents.payloads.size(), 2u);
  auto first = DecodeCommand(contents.payloads[0]);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->kind, Kind::kRequest);
  EXPECT_EQ(first->time, 1234.5);
  EXPECT_EQ(first->target, "Playground.SetClock");
  EXPECT_EQ(first->body, R"({"Now":0})");
  auto second = DecodeCommand(contents.payloads[1]);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->kind, Kind::kBackground);
  EXPECT_EQ(second->time, 99.0);
  EXPECT_EQ(second->target, "");
}

TEST(JournalFormatTest, AnEmptyInputIsAnEmptyJournal) {
  JournalContents contents = ReadJournal("");
  EXPECT_TRUE(contents.header_ok);
  EXPECT_EQ(contents.valid_bytes, 0u);
  EXPECT_EQ(contents.damage, "");
}

// A write cut short anywhere leaves every record before it readable, and says what was lost.
TEST(JournalFormatTest, EveryTornTailKeepsTheRecordsBeforeIt) {
  const std::string whole = JournalOf(3);
  const JournalContents all = ReadJournal(whole);
  ASSERT_EQ(all.payloads.size(), 3u);
  std::vector<size_t> ends = {kJournalHeaderBytes};
  for (std::string_view payload : all.payloads) {
    ends.push_back(static_cast<size_t>(payload.data() - whole.data()) + payload.size());
  }
  for (size_t cut = kJournalHeaderBytes; cut < whole.size(); ++cut) {
    JournalContents torn = ReadJournal(std::string_view(whole).substr(0, cut));
    size_t complete = 0;
    while (complete + 1 < ends.size() && ends[complete + 1] <= cut) ++complete;
    EXPECT_EQ(torn.payloads.size(), complete) << cut;
    EXPECT_EQ(torn.valid_bytes, ends[complete]) << cut;
    EXPECT_TRUE(torn.header_ok);
    if (cut == ends[complete]) {
      EXPECT_EQ(torn.damage, "") << cut;
    } else {
      EXPECT_EQ(torn.damage, "the last " + std::to_string(cut - ends[complete]) +
                                 (cut - ends[complete] == 1 ? " byte" : " bytes") +
                                 " are an incomplete record (a write cut short)")
          << cut;
    }
  }
}

TEST(JournalFormatTest, AFlippedBitStopsAtTheDamagedRecord) {
  std::string bytes = JournalOf(3);
  const JournalContents all = ReadJournal(bytes);
  const size_t second_record = static_cast<size_t>(all.payloads[1].data() - bytes.data()) - 8;
  bytes[second_record + 20] ^= 0x10;
  JournalContents damaged = ReadJournal(bytes);
  EXPECT_EQ(damaged.payloads.size(), 1u);
  EXPECT_EQ(damaged.valid_bytes, second_record);
  EXPECT_EQ(damaged.damage, "the record at byte " + std::to_string(second_record) +
                                " fails its checksum; the last " +
                                std::to_string(bytes.size() - second_record) + " bytes were not read");
}

TEST(JournalFormatTest, AnImpossibleLengthIsDamageNotAnAllocation) {
  std::string bytes = JournalHeader();
  bytes += std::string("\xFF\xFF\xFF\x7F", 4) + std::string(12, 'x');
  JournalContents contents = ReadJournal(bytes);
  EXPECT_EQ(contents.payloads.size(), 0u);
  EXPECT_EQ(contents.valid_bytes, kJournalHeaderBytes);
  EXPECT_EQ(contents.damage,
            "the record at byte 16 has an impossible length; the last 16 bytes were not read");
}

TEST(JournalFormatTest, ForeignAndNewerFilesAreRefusedWhole) {
  JournalContents foreign = ReadJournal("SQLite format 3\0 and more bytes after it");
  EXPECT_FALSE(foreign.header_ok);
  EXPECT_EQ(foreign.valid_bytes, 0u);
  EXPECT_EQ(foreign.damage, "not a DynamoDB Playground journal");

  std::string newer = JournalOf(1);
  newer[8] = 2;  // version 2, with a header checksum to match
  const uint32_t crc = Crc32c(std::string_view(newer).substr(0, 12));
  for (int i = 0; i < 4; ++i) newer[12 + i] = static_cast<char>((crc >> (8 * i)) & 0xFF);
  JournalContents later = ReadJournal(newer);
  EXPECT_FALSE(later.header_ok);
  EXPECT_EQ(later.payloads.size(), 0u);
  EXPECT_EQ(later.damage, "journal format version 2 is newer than this playground reads (1)");

  std::string bad_header = JournalOf(1);
  bad_header[9] = 1;
  EXPECT_EQ(ReadJournal(bad_header).damage, "the journal's header fails its checksum");

  JournalContents half_created = ReadJournal(JournalHeader().substr(0, 5));
  EXPECT_TRUE(half_created.header_ok);
  EXPECT_EQ(half_created.valid_bytes, 0u);
  EXPECT_EQ(half_created.damage,
            "the journal's header is incomplete (5 bytes): it was cut short while being created");
}

TEST(JournalFormatTest, UnknownPayloadsDoNotDecode) {
  EXPECT_FALSE(DecodeCommand(""));
  EXPECT_FALSE(DecodeCommand(std::string(13, '\0')));  // kind 0
  std::string record;
  AppendCommandRecord(record, {Kind::kRequest, 1, "T", "{}"});
  std::string payload = record.substr(8);
  payload[9] = '\x7F';  // a target longer than the payload
  EXPECT_FALSE(DecodeCommand(payload));
}

}  // namespace
}  // namespace ddbpg::persist
