// Tagging (issue #16): TagResource, UntagResource and ListTagsOfResource on tables and streams,
// and CreateTable's Tags, with the service's texts; tags kept by the journal and snapshots; and
// random tag/untag sequences against a model of the 50-tag set (seeded).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "tests/engine/support/engine_fixture.h"
#include "tests/engine/support/model_random.h"

namespace ddbpg::testing {
namespace {

using model::Random;

constexpr const char* kArnPrefix = "arn:aws:dynamodb:us-east-1:000000000000:table/";

json Tag(const std::string& key, const std::string& value) { return {{"Key", key}, {"Value", value}}; }

// Lists of tags and keys as vectors: a braced list of one json object would be taken for that
// object itself, not for an array holding it.
using TagList = std::vector<json>;
using KeyList = std::vector<std::string>;

// `count` tags "k00".."k<count-1>" with values "v00"...
TagList NumberedTags(int first, int count, const std::string& value_prefix = "v") {
  TagList tags;
  for (int i = first; i < first + count; ++i) {
    std::string n = (i < 10 ? "0" : "") + std::to_string(i);
    tags.push_back(Tag("k" + n, value_prefix + n));
  }
  return tags;
}

class TagsTest : public EngineFixture {
 protected:
  void SetUp() override { CreateTable("Music"); }

  static std::string Arn(const std::string& table = "Music") { return kArnPrefix + table; }

  Response TagCall(const std::string& arn, const TagList& tags) {
    return Call("TagResource", {{"ResourceArn", arn}, {"Tags", json(tags)}});
  }
  Response UntagCall(const std::string& arn, const KeyList& keys) {
    return Call("UntagResource", {{"ResourceArn", arn}, {"TagKeys", json(keys)}});
  }
  Response ListCall(const std::string& arn) {
    return Call("ListTagsOfResource", {{"ResourceArn", arn}});
  }
  // The tags as "k=v k=v", in the order ListTagsOfResource answers them.
  std::string Listed(const std::string& arn = Arn()) {
    Response response = ListCall(arn);
    EXPECT_EQ(response.status, 200) << response.body;
    json body = json::parse(response.body);
    EXPECT_FALSE(body.contains("NextToken"));
    std::string text;
    for (const json& tag : body["Tags"]) {
      text += (text.empty() ? "" : " ") + tag["Key"].get<std::string>() + "=" +
              tag["Value"].get<std::string>();
    }
    return text;
  }
  std::string EnableStream() {
    json table = Ok("UpdateTable", {{"TableName", "Music"},
                                    {"StreamSpecification",
                                     {{"StreamEnabled", true}, {"StreamViewType", "KEYS_ONLY"}}}});
    return table["TableDescription"]["LatestStreamArn"];
  }
};

// --- behaviour ---

TEST_F(TagsTest, TagThenListReturnsTheTagsInKeyOrder) {
  EXPECT_EQ(Listed(), "");
  Response tagged = TagCall(Arn(), {Tag("team", "blue"), Tag("env", "dev"), Tag("Env", "")});
  EXPECT_EQ(ErrorOf(tagged), "OK");
  EXPECT_EQ(tagged.body, "{}");
  EXPECT_EQ(Listed(), "Env= env=dev team=blue");  // keys are case-sensitive; "" is a value
}

TEST_F(TagsTest, AnEmptyTableListsAnEmptyTagsArray) {
  EXPECT_EQ(json::parse(ListCall(Arn()).body), json::parse(R"({"Tags":[]})"));
}

TEST_F(TagsTest, TaggingAnExistingKeyReplacesItsValue) {
  ASSERT_EQ(ErrorOf(TagCall(Arn(), {Tag("env", "dev")})), "OK");
  ASSERT_EQ(ErrorOf(TagCall(Arn(), {Tag("env", "prod"), Tag("team", "x")})), "OK");
  EXPECT_EQ(Listed(), "env=prod team=x");
}

TEST_F(TagsTest, UntagRemovesTheKeysAndIgnoresAbsentOnes) {
  ASSERT_EQ(ErrorOf(TagCall(Arn(), {Tag("a", "1"), Tag("b", "2"), Tag("c", "3")})), "OK");
  Response untagged = UntagCall(Arn(), {"b", "never-set", "zzz"});
  EXPECT_EQ(ErrorOf(untagged), "OK");
  EXPECT_EQ(untagged.body, "{}");
  EXPECT_EQ(Listed(), "a=1 c=3");
  EXPECT_EQ(ErrorOf(UntagCall(Arn(), {"absent"})), "OK");
  EXPECT_EQ(Listed(), "a=1 c=3");
}

TEST_F(TagsTest, LettersOfAnyScriptNumbersSpacesAndTheSevenSignsAreAllowed) {
  const std::string cyrillic = "\xD0\xBA\xD0\xBB\xD1\x8E\xD1\x87";  // ключ
  const std::string cjk = "\xE8\xA1\xA8";                            // 表
  const std::string nbsp_and_ideographic_space = "a\xC2\xA0" "b\xE3\x80\x80" "c";
  ASSERT_EQ(ErrorOf(TagCall(Arn(), {Tag(cyrillic, "caf\xC3\xA9"), Tag(cjk, nbsp_and_ideographic_space),
                                    Tag(" lead", "a+b-c=d.e_f:g/h@i 7")})),
            "OK");
  EXPECT_EQ(Listed(), " lead=a+b-c=d.e_f:g/h@i 7 " + cyrillic + "=caf\xC3\xA9 " + cjk + "=" +
                          nbsp_and_ideographic_space);
}

TEST_F(TagsTest, LengthsCountCharactersNotBytes) {
  std::string key_128;
  for (int i = 0; i < 128; ++i) key_128 += "\xD7\x90";  // א, two bytes each
  std::string value_256(256, 'v');
  ASSERT_EQ(ErrorOf(TagCall(Arn(), {Tag(key_128, value_256)})), "OK");
  EXPECT_EQ(Listed(), key_128 + "=" + value_256);
  EXPECT_EQ(ErrorOf(TagCall(Arn(), {Tag(key_128 + "x", "v")})),
            "ValidationException: The Tag Key provided is invalid, Key: " + key_128 + "x");
  EXPECT_EQ(ErrorOf(TagCall(Arn(), {Tag("k", value_256 + "v")})),
            "ValidationException: The Tag Value provided is invalid, Value: " + value_256 + "v");
}

TEST_F(TagsTest, FiftyTagsFitAndNewValuesForThemStillFit) {
  ASSERT_EQ(ErrorOf(TagCall(Arn(), NumberedTags(0, 50))), "OK");
  // All 50 keys again with new values: the merged set still has 50.
  EXPECT_EQ(ErrorOf(TagCall(Arn(), NumberedTags(0, 50, "w"))), "OK");
  Response list = ListCall(Arn());
  json tags = json::parse(list.body)["Tags"];
  ASSERT_EQ(tags.size(), 50u);
  EXPECT_EQ(tags[0], Tag("k00", "w00"));
  EXPECT_FALSE(json::parse(list.body).contains("NextToken"));
}

TEST_F(TagsTest, AFiftyFirstKeyIsRefusedAndChangesNothing) {
  ASSERT_EQ(ErrorOf(TagCall(Arn(), NumberedTags(0, 50))), "OK");
  const std::string before = Listed();
  const std::string too_many =
      "ValidationException: Number of Tags exceed the current limit for the provided ResourceArn";
  EXPECT_EQ(ErrorOf(TagCall(Arn(), {Tag("k51", "v")})), too_many);
  // A new value for k00 beside the new key: the whole call is refused.
  EXPECT_EQ(ErrorOf(TagCall(Arn(), {Tag("k00", "new"), Tag("k51", "v")})), too_many);
  EXPECT_EQ(Listed(), before);
  // Room made by an untag lets the new key in.
  ASSERT_EQ(ErrorOf(UntagCall(Arn(), {"k00"})), "OK");
  EXPECT_EQ(ErrorOf(TagCall(Arn(), {Tag("k51", "v")})), "OK");
}

TEST_F(TagsTest, ListTagsIgnoresANextToken) {
  ASSERT_EQ(ErrorOf(TagCall(Arn(), {Tag("a", "1")})), "OK");
  Response response = Call("ListTagsOfResource", {{"ResourceArn", Arn()}, {"NextToken", "x"}});
  EXPECT_EQ(json::parse(response.body), json::parse(R"({"Tags":[{"Key":"a","Value":"1"}]})"));
}

TEST_F(TagsTest, CreateTableKeepsItsTags) {
  Ok("CreateTable", {{"TableName", "Tagged"},
                     {"BillingMode", "PAY_PER_REQUEST"},
                     {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
                     {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}},
                     {"Tags", {Tag("owner", "me"), Tag("cost", "12")}}});
  EXPECT_EQ(Listed(Arn("Tagged")), "cost=12 owner=me");
}

TEST_F(TagsTest, CreateTableAcceptsAnEmptyTagList) {
  json request = {{"TableName", "Empty"},
                  {"BillingMode", "PAY_PER_REQUEST"},
                  {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
                  {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}},
                  {"Tags", json::array()}};
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)), "OK");
  EXPECT_EQ(Listed(Arn("Empty")), "");
}

TEST_F(TagsTest, CreateTableWithBadTagsCreatesNothing) {
  json request = {{"TableName", "Bad"},
                  {"BillingMode", "PAY_PER_REQUEST"},
                  {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
                  {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}}};
  const std::vector<std::pair<TagList, std::string>> cases = {
      {{Tag("aws:foo", "x")}, "Tag Key cannot be prefixed with aws:, Key: aws:foo"},
      {{Tag("bad#char", "x")}, "The Tag Key provided is invalid, Key: bad#char"},
      {{Tag("dup", "1"), Tag("dup", "2")},
       "Duplicate Tag Keys provided as input: Duplicate Tag Key found dup"},
      {NumberedTags(0, 51), "Number of Tags exceed the current limit for the provided ResourceArn"},
  };
  for (const auto& [tags, message] : cases) {
    request["Tags"] = json(tags);
    EXPECT_EQ(ErrorOf(Call("CreateTable", request)), "ValidationException: " + message);
    EXPECT_EQ(ErrorOf(Call("DescribeTable", {{"TableName", "Bad"}})),
              "ResourceNotFoundException: Requested resource not found: Table: Bad not found");
  }
  request["Tags"] = json(NumberedTags(0, 50));
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)), "OK");
}

TEST_F(TagsTest, DescribeTableDoesNotShowTags) {
  ASSERT_EQ(ErrorOf(TagCall(Arn(), {Tag("env", "dev")})), "OK");
  json table = Ok("DescribeTable", {{"TableName", "Music"}})["Table"];
  EXPECT_FALSE(table.contains("Tags"));
  EXPECT_EQ(table["TableArn"], Arn());
}

TEST_F(TagsTest, TagsGoWithTheTable) {
  ASSERT_EQ(ErrorOf(TagCall(Arn(), {Tag("env", "dev")})), "OK");
  Ok("DeleteTable", {{"TableName", "Music"}});
  EXPECT_EQ(ErrorOf(ListCall(Arn())),
            "ResourceNotFoundException: Requested resource not found: ResourceArn: " + Arn() +
                " not found");
  CreateTable("Music");
  EXPECT_EQ(Listed(), "");
}

TEST_F(TagsTest, AStreamHasTagsOfItsOwn) {
  ASSERT_EQ(ErrorOf(TagCall(Arn(), {Tag("table", "t")})), "OK");
  const std::string stream = EnableStream();
  EXPECT_EQ(Listed(stream), "");  // a stream does not inherit its table's tags
  ASSERT_EQ(ErrorOf(TagCall(stream, {Tag("team", "analytics")})), "OK");
  EXPECT_EQ(Listed(stream), "team=analytics");
  EXPECT_EQ(Listed(), "table=t");
  ASSERT_EQ(ErrorOf(UntagCall(stream, {"team"})), "OK");
  EXPECT_EQ(Listed(stream), "");
  // A stream the table never had.
  EXPECT_EQ(ErrorOf(ListCall(Arn() + "/stream/2000-01-01T00:00:00.000")),
            "ResourceNotFoundException: Requested resource not found: ResourceArn: " + Arn() +
                "/stream/2000-01-01T00:00:00.000 not found");
}

TEST_F(TagsTest, AStreamsTagsHoldAtMostTenKilobytes) {
  const std::string stream = EnableStream();
  // 40 tags of 128 + 256 characters: 15,360 bytes, past the stream's 10,240.
  TagList tags;
  for (int i = 0; i < 40; ++i) {
    std::string key = std::string(125, 'k') + std::to_string(100 + i);
    tags.push_back(Tag(key, std::string(256, 'v')));
  }
  EXPECT_EQ(ErrorOf(TagCall(stream, tags)),
            "ValidationException: Tag set size 15360 bytes is above max size limit of 10240 bytes");
  EXPECT_EQ(Listed(stream), "");
  // The table itself takes the same tags.
  EXPECT_EQ(ErrorOf(TagCall(Arn(), tags)), "OK");
}

// --- validation ---

TEST_F(TagsTest, MembersOfTheWrongTypeAreSerializationErrors) {
  EXPECT_EQ(ErrorOf(Call("TagResource", {{"ResourceArn", 1}, {"Tags", json(TagList{Tag("a", "b")})}})),
            "SerializationException: NUMBER_VALUE cannot be converted to String");
  EXPECT_EQ(ErrorOf(Call("TagResource", {{"ResourceArn", Arn()}, {"Tags", json(TagList{{{"Key", 1}}})}})),
            "SerializationException: NUMBER_VALUE cannot be converted to String");
  EXPECT_EQ(ErrorOf(Call("UntagResource", {{"ResourceArn", Arn()}, {"TagKeys", json::array({true})}})),
            "SerializationException: TRUE_VALUE cannot be converted to String");
  EXPECT_EQ(ErrorOf(Call("ListTagsOfResource", {{"ResourceArn", Arn()}, {"NextToken", 5}})),
            "SerializationException: NUMBER_VALUE cannot be converted to String");
}

TEST_F(TagsTest, AMissingArnIsAnInvalidTableArn) {
  for (const char* operation : {"TagResource", "UntagResource", "ListTagsOfResource"}) {
    EXPECT_EQ(ErrorOf(Call(operation, json::object())), "ValidationException: Invalid TableArn")
        << operation;
  }
}

TEST_F(TagsTest, AnArnMustStartWithArn) {
  for (const std::string arn : {"I_do_not_exist", "", "Music"}) {
    EXPECT_EQ(ErrorOf(TagCall(arn, {Tag("a", "b")})),
              "ValidationException: One or more parameter values were invalid: ARNs must start "
              "with 'arn:': " + arn);
  }
  EXPECT_EQ(ErrorOf(UntagCall("x", {"a"})),
            "ValidationException: One or more parameter values were invalid: ARNs must start "
            "with 'arn:': x");
}

TEST_F(TagsTest, AnotherServiceOrAccountIsAccessDenied) {
  const std::string other_account = "arn:aws:dynamodb:us-east-1:123456789012:table/Music";
  Response denied = TagCall(other_account, {Tag("a", "b")});
  EXPECT_EQ(ErrorOf(denied),
            "AccessDeniedException: User: arn:aws:iam::000000000000:root is not authorized to "
            "perform: dynamodb:TagResource on resource: " + other_account);
  EXPECT_EQ(json::parse(denied.body)["__type"], "com.amazon.coral.service#AccessDeniedException");
  EXPECT_EQ(ErrorOf(ListCall("arn:aws:s3:::bucket/table/Music")),
            "AccessDeniedException: User: arn:aws:iam::000000000000:root is not authorized to "
            "perform: dynamodb:ListTagsOfResource on resource: arn:aws:s3:::bucket/table/Music");
  // The access check comes before the members: Tags is missing here too.
  EXPECT_EQ(ErrorOf(Call("UntagResource", {{"ResourceArn", other_account}})),
            "AccessDeniedException: User: arn:aws:iam::000000000000:root is not authorized to "
            "perform: dynamodb:UntagResource on resource: " + other_account);
}

TEST_F(TagsTest, MissingTagsOrKeysAreMemberErrors) {
  EXPECT_EQ(ErrorOf(Call("TagResource", {{"ResourceArn", Arn()}})),
            "ValidationException: 1 validation error detected: Value null at 'tags' failed to "
            "satisfy constraint: Member must not be null");
  EXPECT_EQ(ErrorOf(Call("UntagResource", {{"ResourceArn", Arn()}})),
            "ValidationException: 1 validation error detected: Value null at 'tagKeys' failed to "
            "satisfy constraint: Member must not be null");
  // The member check comes before the ARN's form.
  EXPECT_EQ(ErrorOf(Call("TagResource", {{"ResourceArn", "arn:aws:dynamodb:eu-west-1:000000000000:table/Music"}})),
            "ValidationException: 1 validation error detected: Value null at 'tags' failed to "
            "satisfy constraint: Member must not be null");
  const std::string long_arn = Arn() + std::string(1300, 'x');
  EXPECT_EQ(ErrorOf(ListCall(long_arn)),
            "ValidationException: 1 validation error detected: Value '" + long_arn +
                "' at 'resourceArn' failed to satisfy constraint: Member must have length less "
                "than or equal to 1283");
}

TEST_F(TagsTest, AnotherRegionOrAMalformedArnIsAnInvalidTableArn) {
  for (const std::string arn :
       {"arn:aws:dynamodb:eu-west-1:000000000000:table/Music",
        "arn:aws-cn:dynamodb:us-east-1:000000000000:table/Music", "arn:not/a/good/format",
        "arn:aws:dynamodb:us-east-1:000000000000:table/ab",
        "arn:aws:dynamodb:us-east-1:000000000000:table/bad name"}) {
    EXPECT_EQ(ErrorOf(TagCall(arn, {Tag("a", "b")})),
              "ValidationException: Invalid TableArn: Invalid ResourceArn provided as input " + arn)
        << arn;
  }
}

TEST_F(TagsTest, IndexArnsAreRefused) {
  const std::string index = Arn() + "/index/byGenre";
  const std::string expected =
      "ValidationException: One or more parameter values were invalid: Invalid resource arn "
      "provided, only table or stream is accepted. Provided resource arn: " + index;
  EXPECT_EQ(ErrorOf(TagCall(index, {Tag("a", "b")})), expected);
  EXPECT_EQ(ErrorOf(ListCall(index)), expected);
  EXPECT_EQ(ErrorOf(UntagCall(index, {"a"})), expected);
}

TEST_F(TagsTest, BackupAndOtherArnsAreNotTaggableResources) {
  for (const std::string& arn :
       std::vector<std::string>{Arn() + "/backup/01700000000000-abcdef12",
                                "arn:aws:dynamodb:us-east-1:000000000000:global-table/Music"}) {
    EXPECT_EQ(ErrorOf(ListCall(arn)),
              "ValidationException: One or more parameter values were invalid: Provided Arn is "
              "not a DynamoDB resource arn: " + arn);
  }
}

TEST_F(TagsTest, AMissingTableIsResourceNotFound) {
  const std::string missing = Arn("Missing");
  const std::string expected =
      "ResourceNotFoundException: Requested resource not found: ResourceArn: " + missing +
      " not found";
  EXPECT_EQ(ErrorOf(TagCall(missing, {Tag("a", "b")})), expected);
  EXPECT_EQ(ErrorOf(UntagCall(missing, {"a"})), expected);
  EXPECT_EQ(ErrorOf(ListCall(missing)), expected);
  // A near miss of a real ARN names no table either (ScyllaDB's DynamoDB-run test).
  EXPECT_EQ(ErrorOf(ListCall(Arn() + "x")),
            "ResourceNotFoundException: Requested resource not found: ResourceArn: " + Arn() +
                "x not found");
}

TEST_F(TagsTest, EmptyListsAreRefused) {
  EXPECT_EQ(ErrorOf(TagCall(Arn(), {})),
            "ValidationException: Atleast one Tag needs to be provided as Input.");
  EXPECT_EQ(ErrorOf(UntagCall(Arn(), {})),
            "ValidationException: Atleast one Tag Key needs to be provided as Input.");
  // Before the table is looked up.
  EXPECT_EQ(ErrorOf(TagCall(Arn("Missing"), {})),
            "ValidationException: Atleast one Tag needs to be provided as Input.");
}

TEST_F(TagsTest, EachTagIsCheckedAndOneBadTagRefusesTheCall) {
  const std::vector<std::pair<TagList, std::string>> cases = {
      {{Tag("ok", "fine"), Tag("", "dog")}, "The Tag Key provided is invalid, Key: "},
      {{{{"Value", "v"}}}, "The Tag Key provided is invalid, Key: null"},
      {{{{"Key", "dog"}}}, "The Tag Value provided is invalid, Value: null"},
      {{json(nullptr)}, "The Tag Key provided is invalid, Key: null"},
      {{Tag("hi!", "dog")}, "The Tag Key provided is invalid, Key: hi!"},
      {{Tag("dog", "d%g")}, "The Tag Value provided is invalid, Value: d%g"},
      {{Tag("dog", "\"hello\"")}, "The Tag Value provided is invalid, Value: \"hello\""},
      {{Tag("key\xF0\x9F\x94\x91", "v")}, "The Tag Key provided is invalid, Key: key\xF0\x9F\x94\x91"},
      {{Tag("tab\there", "v")}, "The Tag Key provided is invalid, Key: tab\there"},
      // U+222E, a symbol, has the low byte of '.': it is not taken for one.
      {{Tag("k", "\xE2\x88\xAE")}, "The Tag Value provided is invalid, Value: \xE2\x88\xAE"},
      {{Tag("ok", "fine"), Tag("aws:zzz", "v")}, "Tag Key cannot be prefixed with aws:, Key: aws:zzz"},
      {{Tag("AWS:foo", "v")}, "Tag Key cannot be prefixed with aws:, Key: AWS:foo"},
      {{Tag("dup", "1"), Tag("other", "2"), Tag("dup", "3")},
       "Duplicate Tag Keys provided as input: Duplicate Tag Key found dup"},
  };
  for (const auto& [tags, message] : cases) {
    EXPECT_EQ(ErrorOf(TagCall(Arn(), tags)), "ValidationException: " + message) << json(tags).dump();
  }
  EXPECT_EQ(Listed(), "");  // not even the good tags of a refused call
  EXPECT_EQ(ErrorOf(TagCall(Arn(), {Tag("myaws:foo", "v")})), "OK");  // only the prefix is reserved
}

TEST_F(TagsTest, TheTagsAreCheckedBeforeTheTableIsLookedUp) {
  EXPECT_EQ(ErrorOf(TagCall(Arn("Missing"), {Tag("aws:x", "v")})),
            "ValidationException: Tag Key cannot be prefixed with aws:, Key: aws:x");
}

TEST_F(TagsTest, UntagKeysAreChecked) {
  std::string key_129(129, 'k');
  EXPECT_EQ(ErrorOf(UntagCall(Arn(), {key_129})),
            "ValidationException: The Tag Key provided is invalid, Key: " + key_129);
  EXPECT_EQ(ErrorOf(UntagCall(Arn(), {""})),
            "ValidationException: The Tag Key provided is invalid, Key: ");
  EXPECT_EQ(ErrorOf(UntagCall(Arn(), {"aws:foo"})),
            "ValidationException: Tag Key cannot be prefixed with aws:, Key: aws:foo");
  KeyList keys;
  for (int i = 0; i < 51; ++i) keys.push_back("k" + std::to_string(i));
  EXPECT_EQ(ErrorOf(UntagCall(Arn(), keys)),
            "ValidationException: Number of Tags exceed the current limit for the provided "
            "ResourceArn");
  keys.erase(keys.begin());
  EXPECT_EQ(ErrorOf(UntagCall(Arn(), keys)), "OK");  // 50 keys are fine
}

// --- persistence ---

TEST_F(TagsTest, TagsSurviveASnapshot) {
  ASSERT_EQ(ErrorOf(TagCall(Arn(), {Tag("env", "dev"), Tag("team", "blue")})), "OK");
  const std::string stream = EnableStream();
  ASSERT_EQ(ErrorOf(TagCall(stream, {Tag("s", "1")})), "OK");
  Engine& restored = RestoredFromSnapshot();
  auto list = [&](const std::string& arn) {
    Response response = restored.Handle("DynamoDB_20120810.ListTagsOfResource",
                                        json{{"ResourceArn", arn}}.dump());
    return json::parse(response.body)["Tags"];
  };
  EXPECT_EQ(list(Arn()), json({Tag("env", "dev"), Tag("team", "blue")}));
  EXPECT_EQ(list(stream), json(TagList{Tag("s", "1")}));
}

TEST_F(TagsTest, TagsSurviveTheJournal) {
  base::ManualClock clock;
  Engine original(clock);
  original.SetJournaling(true);
  auto send = [&](Engine& engine, const std::string& operation, const json& body) {
    return engine.Handle("DynamoDB_20120810." + operation, body.dump());
  };
  send(original, "CreateTable",
       {{"TableName", "Kept"},
        {"BillingMode", "PAY_PER_REQUEST"},
        {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
        {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}},
        {"Tags", json(TagList{Tag("born", "yes")})}});
  send(original, "TagResource", {{"ResourceArn", Arn("Kept")}, {"Tags", {Tag("a", "1"), Tag("b", "2")}}});
  send(original, "UntagResource", {{"ResourceArn", Arn("Kept")}, {"TagKeys", json(KeyList{"a"})}});
  // A read is not journaled; a refused change is not either.
  send(original, "ListTagsOfResource", {{"ResourceArn", Arn("Kept")}});
  send(original, "TagResource", {{"ResourceArn", Arn("Kept")}, {"Tags", json(TagList{Tag("aws:x", "1")})}});
  const std::string journal = Engine::JournalHeader() + original.TakeJournal();

  base::ManualClock replay_clock;
  Engine restored(replay_clock);
  RestoreReport report = restored.Restore(journal);
  EXPECT_EQ(report.records, 3u);
  EXPECT_EQ(report.diverged, 0u) << report.first_divergence;
  Response listed = restored.Handle("DynamoDB_20120810.ListTagsOfResource",
                                    json{{"ResourceArn", Arn("Kept")}}.dump());
  EXPECT_EQ(json::parse(listed.body)["Tags"], json({Tag("b", "2"), Tag("born", "yes")}));
}

TEST_F(TagsTest, ASnapshotFromBeforeTagsRestoresWithNone) {
  Engine& engine = RestoredFromTestData("v1-music.snapshot");
  Response listed = engine.Handle("DynamoDB_20120810.ListTagsOfResource",
                                  json{{"ResourceArn", std::string(kArnPrefix) + "Music"}}.dump());
  EXPECT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(json::parse(listed.body), json::parse(R"({"Tags":[]})"));
}

// --- property: random tag and untag sequences against a model ---

TEST_F(TagsTest, RandomSequencesMatchAModelOfTheTagSet) {
  const uint64_t seed = model::EnvNumber("DDBPG_MODEL_SEED", 16);
  // At least a few hundred steps, so the set reaches the limit whatever the run size.
  const uint64_t steps = std::max<uint64_t>(model::EnvNumber("DDBPG_MODEL_CASES", 600), 300);
  Random random(seed);
  std::map<std::string, std::string> expected;
  size_t accepted = 0;
  size_t refused_for_count = 0;
  // 60 possible keys, so the 50-tag limit is reached and refused often.
  auto random_key = [&] { return "k" + std::to_string(random.Below(60)); };
  for (uint64_t step = 0; step < steps; ++step) {
    SCOPED_TRACE("seed " + std::to_string(seed) + " step " + std::to_string(step));
    if (random.Chance(0.7)) {
      TagList tags;
      std::map<std::string, std::string> merged = expected;
      bool duplicate = false;
      std::map<std::string, bool> seen;
      const size_t count = random.Between(1, 6);
      for (size_t i = 0; i < count; ++i) {
        std::string key = random_key();
        std::string value = random.Chance(0.1) ? "" : "v" + std::to_string(random.Below(5));
        duplicate = duplicate || seen[key];
        seen[key] = true;
        merged[key] = value;
        tags.push_back(Tag(key, value));
      }
      Response response = TagCall(Arn(), tags);
      if (duplicate) {
        EXPECT_EQ(ErrorOf(response).rfind(
                      "ValidationException: Duplicate Tag Keys provided as input: Duplicate Tag "
                      "Key found k", 0),
                  0u);
      } else if (merged.size() > 50) {
        EXPECT_EQ(ErrorOf(response),
                  "ValidationException: Number of Tags exceed the current limit for the provided "
                  "ResourceArn");
        ++refused_for_count;
      } else {
        EXPECT_EQ(ErrorOf(response), "OK");
        expected = merged;
        ++accepted;
      }
    } else {
      KeyList keys;
      const size_t count = random.Between(1, 4);
      for (size_t i = 0; i < count; ++i) keys.push_back(random_key());
      ASSERT_EQ(ErrorOf(UntagCall(Arn(), keys)), "OK");
      for (const std::string& key : keys) expected.erase(key);
    }
    json model_tags = json::array();
    for (const auto& [key, value] : expected) model_tags.push_back(Tag(key, value));
    ASSERT_EQ(json::parse(ListCall(Arn()).body)["Tags"], model_tags);
  }
  // The run both changed the set and ran into the limit, or it tested too little.
  EXPECT_GT(accepted, steps / 10);
  EXPECT_GT(refused_for_count, 0u);
}

}  // namespace
}  // namespace ddbpg::testing
