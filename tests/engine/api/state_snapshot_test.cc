// The snapshot from the engine's side: an engine restored from a snapshot taken at any moment
// answers every later request exactly as the original does, capacity, throttles, metrics,
// lagging replicas and indexes included (random request sequences, seeded); and a snapshot
// that is damaged, incomplete or hostile restores nothing.
#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/persist/framing.h"
#include "engine/persist/snapshot_format.h"
#include "tests/engine/support/engine_fixture.h"
#include "tests/engine/support/model_random.h"

namespace ddbpg::testing {
namespace {

using model::Random;

// Where two snapshots first differ, with a little context, for a readable failure.
std::string FirstDifference(const std::string& a, const std::string& b) {
  size_t at = 0;
  while (at < a.size() && at < b.size() && a[at] == b[at]) ++at;
  if (at == a.size() && at == b.size()) return "";
  const size_t from = at < 80 ? 0 : at - 80;
  return "at byte " + std::to_string(at) + ":\n  " + a.substr(from, 160) + "\n  " + b.substr(from, 160);
}

std::string Target(const std::string& operation) {
  return operation.find('.') == std::string::npos ? "DynamoDB_20120810." + operation : operation;
}

json CreateRequest(const std::string& name, bool provisioned) {
  json create = {{"TableName", name},
                 {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}},
                                {{"AttributeName", "sk"}, {"KeyType", "RANGE"}}}},
                 {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}},
                                           {{"AttributeName", "sk"}, {"AttributeType", "N"}},
                                           {{"AttributeName", "g"}, {"AttributeType", "S"}}}},
                 {"GlobalSecondaryIndexes",
                  {{{"IndexName", "byG"},
                    {"KeySchema", {{{"AttributeName", "g"}, {"KeyType", "HASH"}}}},
                    {"Projection", {{"ProjectionType", "ALL"}}}}}},
                 {"LocalSecondaryIndexes",
                  {{{"IndexName", "byV"},
                    {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}},
                                   {{"AttributeName", "g"}, {"KeyType", "RANGE"}}}},
                    {"Projection", {{"ProjectionType", "KEYS_ONLY"}}}}}},
                 {"StreamSpecification",
                  {{"StreamEnabled", true}, {"StreamViewType", "NEW_AND_OLD_IMAGES"}}}};
  if (provisioned) {
    create["ProvisionedThroughput"] = {{"ReadCapacityUnits", 2}, {"WriteCapacityUnits", 2}};
    create["GlobalSecondaryIndexes"][0]["ProvisionedThroughput"] = {{"ReadCapacityUnits", 1},
                                                                    {"WriteCapacityUnits", 1}};
  } else {
    create["BillingMode"] = "PAY_PER_REQUEST";
  }
  return create;
}

// One random request of many kinds: writes, reads that consume capacity, scans of the lagging
// replica and the index, stream reads, settings and clock changes.
std::pair<std::string, json> RandomRequest(Random& random, double now) {
  const std::string table = random.Chance(0.5) ? "alpha" : "beta";
  const json key = {{"pk", {{"S", "p" + std::to_string(random.Below(5))}}},
                    {"sk", {{"N", std::to_string(random.Below(6))}}}};
  json item = key;
  item["v"] = {{"S", std::string(random.Below(3000), 'x')}};
  if (random.Chance(0.6)) item["g"] = {{"S", "g" + std::to_string(random.Below(3))}};
  if (random.Chance(0.3)) {
    item["ttl"] = {{"N", std::to_string(static_cast<long long>(now) + random.Between(-20, 40))}};
  }
  switch (random.Below(16)) {
    case 0:
    case 1:
    case 2:
      return {"PutItem", {{"TableName", table}, {"Item", item}, {"ReturnConsumedCapacity", "INDEXES"}}};
    case 3:
      return {"UpdateItem", {{"TableName", table},
                             {"Key", key},
                             {"UpdateExpression", "ADD c :one SET g = :g"},
                             {"ExpressionAttributeValues",
                              {{":one", {{"N", "1"}}}, {":g", {{"S", "g" + std::to_string(random.Below(3))}}}}},
                             {"ReturnValues", "ALL_NEW"}}};
    case 4:
      return {"DeleteItem", {{"TableName", table}, {"Key", key}, {"ReturnValues", "ALL_OLD"}}};
    case 5:
      return {"GetItem", {{"TableName", table}, {"Key", key}, {"ReturnConsumedCapacity", "TOTAL"}}};
    case 6:
      return {"Scan", {{"TableName", table}, {"ReturnConsumedCapacity", "TOTAL"}}};
    case 7:
      return {"Query", {{"TableName", table},
                        {"IndexName", "byG"},
                        {"KeyConditionExpression", "g = :g"},
                        {"ExpressionAttributeValues", {{":g", {{"S", "g" + std::to_string(random.Below(3))}}}}},
                        {"ReturnConsumedCapacity", "INDEXES"}}};
    case 8:
      return {"TransactWriteItems",
              {{"ClientRequestToken", "token-" + std::to_string(random.Below(3))},
               {"TransactItems", {{{"Put", {{"TableName", "alpha"}, {"Item", item}}}}}}}};
    case 9:
      return {"Playground.Configure",
              {{"ReplicationLagSeconds", static_cast<double>(random.Below(3))},
               {"IndexPropagationSeconds", static_cast<double>(random.Below(3))},
               {"Seed", random.Below(100)}}};
    case 10:
      return {"Playground.GetMetrics", {{"TableName", table}}};
    case 11:
      return {"DynamoDBStreams_20120810.ListStreams", json::object()};
    case 12:
      return {"DescribeTable", {{"TableName", table}}};
    case 13:
      return {"UpdateTable", {{"TableName", "alpha"},
                              {"ProvisionedThroughput",
                               {{"ReadCapacityUnits", 1 + random.Below(4)},
                                {"WriteCapacityUnits", 1 + random.Below(4)}}}}};
    case 14: {
      json writes = json::array();
      for (int i = 0; i < 4; ++i) {
        json k = {{"pk", {{"S", "p" + std::to_string(random.Below(5))}}},
                  {"sk", {{"N", std::to_string(random.Below(40))}}}};
        writes.push_back({{"PutRequest", {{"Item", k}}}});
      }
      return {"BatchWriteItem", {{"RequestItems", {{table, writes}}}}};
    }
    default:
      return {"Scan", {{"TableName", table}, {"IndexName", "byG"}, {"ConsistentRead", false}}};
  }
}

// Every stream record, read through the API, so a restored stream is compared too.
json StreamContents(Engine& engine) {
  auto call = [&engine](const std::string& target, const json& body) {
    return json::parse(engine.Handle(target, body.dump()).body);
  };
  json seen = json::array();
  json streams = call("DynamoDBStreams_20120810.ListStreams", json::object());
  for (const json& stream : streams.value("Streams", json::array())) {
    json described =
        call("DynamoDBStreams_20120810.DescribeStream", {{"StreamArn", stream["StreamArn"]}});
    for (const json& shard : described["StreamDescription"]["Shards"]) {
      json iterator = call("DynamoDBStreams_20120810.GetShardIterator",
                           {{"StreamArn", stream["StreamArn"]},
                            {"ShardId", shard["ShardId"]},
                            {"ShardIteratorType", "TRIM_HORIZON"}});
      json records = call("DynamoDBStreams_20120810.GetRecords",
                          {{"ShardIterator", iterator.value("ShardIterator", "")}});
      seen.push_back(records.value("Records", json::array()));
    }
  }
  return seen;
}

TEST(StateSnapshotTest, ARestoredEngineAnswersEveryLaterRequestAsTheOriginal) {
  const uint64_t cases = model::EnvNumber("DDBPG_MODEL_CASES", 3000) / 300 + 1;
  const uint64_t seed = model::EnvNumber("DDBPG_MODEL_SEED", 11);
  for (uint64_t run = 0; run < cases; ++run) {
    Random random(seed * 1000003 + run);
    base::ManualClock clock(1767225600.0 + static_cast<double>(run) * 7200);
    Engine original(clock);
    auto copy = std::make_unique<Engine>(clock);
    auto send_both = [&](const std::string& operation, const json& body, int step) {
      const std::string target = Target(operation);
      Response expected = original.Handle(target, body.dump());
      Response got = copy->Handle(target, body.dump());
      ASSERT_EQ(got.status, expected.status) << "run " << run << " step " << step << " " << target;
      ASSERT_EQ(got.body, expected.body) << "run " << run << " step " << step << " " << target;
    };
    original.Handle(Target("Playground.Configure"), json{{"Scale", 100}}.dump());
    original.Handle(Target("CreateTable"), CreateRequest("alpha", true).dump());
    original.Handle(Target("CreateTable"), CreateRequest("beta", false).dump());
    original.Handle(Target("UpdateTimeToLive"),
                    json{{"TableName", "beta"},
                         {"TimeToLiveSpecification", {{"Enabled", true}, {"AttributeName", "ttl"}}}}
                        .dump());
    size_t restores = 0;
    for (int step = 0; step < 400; ++step) {
      if (step % 40 == 0 || random.Chance(0.03)) {
        // Take the original's snapshot into a new engine: from here on both must agree.
        copy = std::make_unique<Engine>(clock);
        const std::string snapshot = original.SaveSnapshot();
        const SnapshotReport report = copy->RestoreSnapshot(snapshot);
        ASSERT_EQ(report.error, "") << "run " << run << " step " << step;
        ASSERT_EQ(FirstDifference(copy->SaveSnapshot(), snapshot), "") << "a restored snapshot saves the same bytes";
        ++restores;
      }
      const auto [operation, body] = RandomRequest(random, clock.NowSeconds());
      send_both(operation, body, step);
      if (::testing::Test::HasFatalFailure()) return;
      clock.Advance(static_cast<double>(random.Below(1500)) / 1000.0);
      if (random.Chance(0.01)) clock.Advance(3600 * 5);  // shards roll over, records expire
    }
    EXPECT_EQ(StreamContents(*copy), StreamContents(original));
    EXPECT_GT(restores, 10u);
  }
}

// What a data directory holds after a compaction: a snapshot and the journal written since.
TEST(StateSnapshotTest, AJournalContinuesARestoredSnapshot) {
  base::ManualClock clock(1767225600.0);
  Engine original(clock);
  original.SetJournaling(true);
  auto put = [&](int i) {
    json item = {{"pk", {{"S", "k" + std::to_string(i)}}}, {"n", {{"N", std::to_string(i)}}}};
    Response response = original.Handle(Target("PutItem"), json{{"TableName", "tbl"}, {"Item", item}}.dump());
    ASSERT_EQ(response.status, 200) << response.body;
  };
  const Response created = original.Handle(Target("CreateTable"),
                  json{{"TableName", "tbl"},
                       {"BillingMode", "PAY_PER_REQUEST"},
                       {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
                       {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}}}
                      .dump());
  ASSERT_EQ(created.status, 200) << created.body;
  clock.Advance(60);  // ACTIVE
  for (int i = 0; i < 20; ++i) put(i);
  original.TakeJournal();
  const std::string snapshot = original.SaveSnapshot();
  for (int i = 20; i < 30; ++i) {
    put(i);
    clock.Advance(1);
  }
  original.Handle(Target("DeleteItem"), json{{"TableName", "tbl"}, {"Key", {{"pk", {{"S", "k3"}}}}}}.dump());
  const std::string journal = Engine::JournalHeader() + original.TakeJournal();

  Engine restored(clock);
  ASSERT_EQ(restored.RestoreSnapshot(snapshot).error, "");
  RestoreReport report = restored.Restore(journal);
  EXPECT_TRUE(report.readable) << report.damage;
  EXPECT_EQ(report.records, 11u);
  const std::string scan = json{{"TableName", "tbl"}, {"ConsistentRead", true}}.dump();
  const json expected = json::parse(original.Handle(Target("Scan"), scan).body);
  EXPECT_EQ(expected["Count"], 29);
  EXPECT_EQ(json::parse(restored.Handle(Target("Scan"), scan).body), expected);
  // Once it has served a request, an engine takes no more snapshots or journals.
  EXPECT_EQ(restored.RestoreSnapshot(snapshot).error,
            "a snapshot can only be restored into an empty playground");
  EXPECT_FALSE(restored.Restore(journal).readable);
}

// Binary partition keys are raw bytes in the engine's key metrics, which JSON text cannot hold.
TEST(StateSnapshotTest, BinaryKeysRoundTrip) {
  base::ManualClock clock;
  Engine original(clock);
  auto ok = [&](const std::string& operation, const json& body) {
    Response response = original.Handle(Target(operation), body.dump());
    ASSERT_EQ(response.status, 200) << response.body;
  };
  ok("CreateTable", {{"TableName", "blobs"},
                     {"BillingMode", "PAY_PER_REQUEST"},
                     {"KeySchema", {{{"AttributeName", "id"}, {"KeyType", "HASH"}}}},
                     {"AttributeDefinitions", {{{"AttributeName", "id"}, {"AttributeType", "B"}}}}});
  clock.Advance(60);
  for (const char* id : {"/w==", "gICA", "AAE=", "wygo"}) {  // bytes that are not UTF-8
    ok("PutItem", {{"TableName", "blobs"}, {"Item", {{"id", {{"B", id}}}, {"v", {{"B", id}}}}}});
  }
  std::string error;
  const std::string snapshot = original.SaveSnapshot(&error);
  ASSERT_EQ(error, "");
  Engine restored(clock);
  ASSERT_EQ(restored.RestoreSnapshot(snapshot).error, "");
  EXPECT_EQ(FirstDifference(restored.SaveSnapshot(), snapshot), "");
  const std::string metrics = json{{"TableName", "blobs"}}.dump();
  EXPECT_EQ(restored.Handle("Playground.GetMetrics", metrics).body,
            original.Handle("Playground.GetMetrics", metrics).body);
}

// Lists that grow with use (transaction tokens, replica history, metrics) are written in
// chunks, so a busy playground's snapshot never has a section past the format's limit.
TEST(StateSnapshotTest, LongListsAreWrittenInChunksAndReadBack) {
  base::ManualClock clock;
  Engine original(clock);
  original.Handle(Target("Playground.Configure"), json{{"ReplicationLagSeconds", 30}}.dump());
  original.Handle(Target("CreateTable"),
                  json{{"TableName", "busy"},
                       {"BillingMode", "PAY_PER_REQUEST"},
                       {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
                       {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}}}
                      .dump());
  clock.Advance(60);
  const std::string payload(2000, 'x');
  for (int i = 0; i < 1500; ++i) {
    json put = {{"Put", {{"TableName", "busy"},
                         {"Item", {{"pk", {{"S", "k" + std::to_string(i % 300)}}}, {"p", {{"S", payload}}}}}}}};
    Response response = original.Handle(
        Target("TransactWriteItems"),
        json{{"ClientRequestToken", "t" + std::to_string(i)}, {"TransactItems", json::array({put})}}.dump());
    ASSERT_EQ(response.status, 200) << response.body;
  }
  const std::string snapshot = original.SaveSnapshot();
  const persist::SnapshotContents read = persist::ReadSnapshot(snapshot);
  ASSERT_EQ(read.error, "");
  size_t more = 0;
  for (const persist::Section& section : read.sections) {
    more += section.kind == persist::SectionKind::kMore ? 1 : 0;
  }
  EXPECT_GT(more, 2u) << "tokens and history were spilled into continuation sections";
  Engine restored(clock);
  ASSERT_EQ(restored.RestoreSnapshot(snapshot).error, "");
  EXPECT_EQ(FirstDifference(restored.SaveSnapshot(), snapshot), "");
  // A token still live answers as the original: the same transaction again is idempotent.
  json put = {{"Put", {{"TableName", "busy"},
                       {"Item", {{"pk", {{"S", "k7"}}}, {"p", {{"S", payload}}}}}}}};
  const std::string again =
      json{{"ClientRequestToken", "t7"}, {"TransactItems", json::array({put})}}.dump();
  EXPECT_EQ(restored.Handle(Target("TransactWriteItems"), again).body,
            original.Handle(Target("TransactWriteItems"), again).body);
}

class SnapshotRefusalTest : public EngineFixture {
 protected:
  void SetUp() override {
    CreateTable("music", "S");
    for (int i = 0; i < 50; ++i) {
      Ok("PutItem", {{"TableName", "music"},
                     {"Item", {{"pk", {{"S", "a" + std::to_string(i % 7)}}},
                               {"sk", {{"S", std::to_string(i)}}}}}});
    }
    snapshot_ = engine_.SaveSnapshot();
  }

  // The error an empty engine gives restoring `bytes`; it must stay empty.
  std::string RestoreError(const std::string& bytes) {
    base::ManualClock clock;
    Engine fresh(clock);
    const SnapshotReport report = fresh.RestoreSnapshot(bytes);
    EXPECT_EQ(fresh.TableNames().size(), 0u) << "a refused snapshot changed the engine";
    return report.error;
  }

  std::string snapshot_;
};

TEST_F(SnapshotRefusalTest, AWholeSnapshotRestoresAndReports) {
  base::ManualClock clock;
  Engine fresh(clock);
  const SnapshotReport report = fresh.RestoreSnapshot(snapshot_);
  EXPECT_EQ(report.error, "");
  EXPECT_EQ(report.tables, 1u);
  EXPECT_EQ(report.items, 50u);
  EXPECT_EQ(fresh.TableNames(), std::vector<std::string>{"music"});
}

TEST_F(SnapshotRefusalTest, AnEngineWithTablesRefusesASnapshot) {
  EXPECT_EQ(engine_.RestoreSnapshot(snapshot_).error,
            "a snapshot can only be restored into an empty playground");
}

TEST_F(SnapshotRefusalTest, EveryCutAndEveryFlippedByteIsRefused) {
  for (size_t cut = 0; cut < snapshot_.size(); cut += 1 + cut / 7) {
    EXPECT_NE(RestoreError(snapshot_.substr(0, cut)), "") << "cut at " << cut;
  }
  for (size_t at = 0; at < snapshot_.size(); at += 1 + at / 5) {
    std::string flipped = snapshot_;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x20);
    EXPECT_NE(RestoreError(flipped), "") << "byte " << at;
  }
}

TEST_F(SnapshotRefusalTest, AJournalOrAnotherFileIsNotASnapshot) {
  EXPECT_EQ(RestoreError(Engine::JournalHeader()), "not a DynamoDB Playground snapshot");
  EXPECT_EQ(RestoreError("hello, world, this is not it"), "not a DynamoDB Playground snapshot");
  EXPECT_EQ(RestoreError(""), "the snapshot is empty");
}

TEST_F(SnapshotRefusalTest, ANewerVersionIsRefusedByName) {
  EXPECT_EQ(RestoreError(persist::FileHeader(persist::kSnapshotMagic, 9)),
            "snapshot format version 9 is newer than this playground reads (1)");
}

// Well-framed sections with contents that do not hold together: refused, never a crash.
TEST_F(SnapshotRefusalTest, HostileSectionsAreRefused) {
  const persist::SnapshotContents read = persist::ReadSnapshot(snapshot_);
  ASSERT_EQ(read.error, "");
  struct Parsed {
    persist::SectionKind kind;
    json body;
  };
  std::vector<Parsed> parsed;
  for (const persist::Section& section : read.sections) {
    parsed.push_back({section.kind, persist::ParseSection(section)});
  }
  auto rebuild = [](const std::vector<Parsed>& sections) {
    std::string out = persist::SnapshotHeader();
    for (const Parsed& section : sections) persist::AppendSection(out, section.kind, section.body);
    persist::AppendSection(out, persist::SectionKind::kEnd, json{{"Sections", sections.size()}});
    return out;
  };
  {
    base::ManualClock clock;
    Engine fresh(clock);
    EXPECT_EQ(fresh.RestoreSnapshot(rebuild(parsed)).error, "") << "the unchanged sections";
  }
  std::vector<std::vector<Parsed>> hostile;
  // The first section of a kind, in a copy of the sections a variant changes.
  auto first = [](std::vector<Parsed>& sections, persist::SectionKind kind) -> json& {
    for (Parsed& section : sections) {
      if (section.kind == kind) return section.body;
    }
    throw std::runtime_error("no such section");
  };
  using persist::SectionKind;
  auto variant = [&](auto change) {
    std::vector<Parsed> sections = parsed;
    change(sections);
    hostile.push_back(sections);
  };
  variant([](auto& s) { s.erase(s.begin()); });                           // no engine section
  variant([](auto& s) { s.pop_back(); });                                 // items missing
  variant([](auto& s) { s.push_back(s.back()); });                        // items twice
  variant([&](auto& s) { first(s, SectionKind::kTable)["Definition"]["KeySchema"] = json::array(); });
  variant([&](auto& s) { first(s, SectionKind::kTable)["Partitions"]["Partitions"][0][1] = 5; });
  variant([&](auto& s) { first(s, SectionKind::kTable)["Partitions"]["Partitions"].push_back({9, 0, 0}); });
  variant([&](auto& s) { first(s, SectionKind::kItems)["Items"][0]["pk"] = {{"N", "1"}}; });  // key type
  variant([&](auto& s) { first(s, SectionKind::kItems)["Items"][0].erase("sk"); });
  variant([&](auto& s) { first(s, SectionKind::kItems)["Items"][0]["x"] = {{"N", "not a number"}}; });
  variant([&](auto& s) { first(s, SectionKind::kItems)["Table"] = "nope"; });
  variant([&](auto& s) { first(s, SectionKind::kEngine)["Scale"] = "big"; });
  variant([&](auto& s) { first(s, SectionKind::kEngine)["Clock"]["VirtualNow"] = "Infinity"; });
  variant([&](auto& s) { first(s, SectionKind::kTable)["Indexes"] = {{{"Definition", {{"Name", "i"}}}}}; });
  variant([&](auto& s) {  // nested far deeper than any item can be
    json deep = {{"S", "x"}};
    for (int i = 0; i < 200; ++i) deep = {{"L", json::array({deep})}};
    first(s, SectionKind::kItems)["Items"][0]["deep"] = deep;
  });
  variant([&](auto& s) {  // a continued list that names no list of its section
    s.push_back({SectionKind::kMore, {{"Table", "music"}, {"Member", "/Nope"}, {"Values", {1}}}});
  });
  for (size_t i = 0; i < hostile.size(); ++i) {
    EXPECT_NE(RestoreError(rebuild(hostile[i])), "") << "variant " << i;
  }
}

}  // namespace
}  // namespace ddbpg::testing
