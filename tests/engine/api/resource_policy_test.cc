// Resource-based policies (issue #16): PutResourcePolicy, GetResourcePolicy and
// DeleteResourcePolicy on tables and streams, and CreateTable's ResourcePolicy, with the
// service's texts; the canonical form, revision ids and the 15-second window on the engine's
// clock; policies kept by snapshots and the journal, and dropped with their table.
#include <gtest/gtest.h>

#include <string>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

constexpr const char* kArnPrefix = "arn:aws:dynamodb:us-east-1:000000000000:table/";
constexpr const char* kInvalid = "ValidationException: One or more parameter values were invalid: ";

// A policy letting the account's root user read the table, as its owner would write one.
json ReadPolicy(const std::string& action = "dynamodb:GetItem") {
  return {{"Version", "2012-10-17"},
          {"Statement",
           {{{"Sid", "Read"},
             {"Effect", "Allow"},
             {"Principal", {{"AWS", "arn:aws:iam::000000000000:root"}}},
             {"Action", action},
             {"Resource", std::string(kArnPrefix) + "Music"}}}}};
}

class ResourcePolicyTest : public EngineFixture {
 protected:
  void SetUp() override { CreateTable("Music"); }

  static std::string Arn(const std::string& table = "Music") { return kArnPrefix + table; }

  Response Put(const std::string& arn, const std::string& policy, const json& extra = {}) {
    json request = {{"ResourceArn", arn}, {"Policy", policy}};
    if (extra.is_object()) request.update(extra);
    return Call("PutResourcePolicy", request);
  }
  // A JSON string is sent as the document's text, anything else as its JSON.
  Response Put(const std::string& arn, const json& policy, const json& extra = {}) {
    return Put(arn, policy.is_string() ? policy.get<std::string>() : policy.dump(), extra);
  }
  Response Get(const std::string& arn) { return Call("GetResourcePolicy", {{"ResourceArn", arn}}); }
  Response Delete(const std::string& arn, const json& extra = {}) {
    json request = {{"ResourceArn", arn}};
    if (extra.is_object()) request.update(extra);
    return Call("DeleteResourcePolicy", request);
  }
  // The revision id of a put that must succeed.
  std::string PutOk(const std::string& arn, const json& policy, const json& extra = {}) {
    Response response = Put(arn, policy, extra);
    EXPECT_EQ(response.status, 200) << response.body;
    return json::parse(response.body).value("RevisionId", "");
  }
  std::string EnableStream() {
    json table =
        Ok("UpdateTable",
           {{"TableName", "Music"},
            {"StreamSpecification", {{"StreamEnabled", true}, {"StreamViewType", "KEYS_ONLY"}}}});
    return table["TableDescription"]["LatestStreamArn"];
  }
  std::string NotFound(const std::string& arn) {
    return "PolicyNotFoundException: Resource-based policy not found for the provided "
           "ResourceArn: " +
           arn;
  }
};

// --- behaviour ---

TEST_F(ResourcePolicyTest, PutThenGetAnswersTheCanonicalDocumentAndRevision) {
  EXPECT_EQ(ErrorOf(Get(Arn())), NotFound(Arn()));
  const std::string revision = PutOk(Arn(), ReadPolicy().dump(2));
  // Epoch milliseconds of the change on the engine's clock: 13 digits.
  EXPECT_EQ(revision, std::to_string(static_cast<long long>(clock_.NowSeconds() * 1000)));
  EXPECT_EQ(revision.size(), 13u);
  json got = Ok("GetResourcePolicy", {{"ResourceArn", Arn()}});
  EXPECT_EQ(got["RevisionId"], revision);
  EXPECT_EQ(got["Policy"],
            R"({"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow",)"
            R"("Principal":{"AWS":"arn:aws:iam::000000000000:root"},"Action":"dynamodb:GetItem",)"
            R"("Resource":"arn:aws:dynamodb:us-east-1:000000000000:table/Music"}]})");
}

TEST_F(ResourcePolicyTest, CanonicalFormOrdersKeysCollapsesListsAndNamesRootUsers) {
  const std::string sent =
      R"({ "Statement": [ { "Resource": ["arn:aws:dynamodb:us-east-1:000000000000:table/Music"],)"
      R"( "Action": ["dynamodb:GetItem", "dynamodb:GetItem"], "Principal": {"AWS": "000000000000"},)"
      R"( "Effect": "Allow" } ], "Version": "2012-10-17" })";
  ASSERT_EQ(ErrorOf(Put(Arn(), sent)), "OK");
  EXPECT_EQ(json::parse(Get(Arn()).body)["Policy"],
            R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow",)"
            R"("Principal":{"AWS":"arn:aws:iam::000000000000:root"},"Action":"dynamodb:GetItem",)"
            R"("Resource":"arn:aws:dynamodb:us-east-1:000000000000:table/Music"}]})");
}

// Lists of two or more keep their order (duplicates dropped), principals other than an account
// id stay as written, a lone statement object stays an object, and Id and Condition keep their
// places and contents.
TEST_F(ResourcePolicyTest, CanonicalFormKeepsListsObjectsIdAndCondition) {
  const std::string sent =
      R"({"Statement": {"Condition": {"StringEquals": {"aws:SourceVpc": "vpc-1"}},)"
      R"( "Action": ["dynamodb:Query", "dynamodb:GetItem", "dynamodb:Query"],)"
      R"( "Resource": "arn:aws:dynamodb:us-east-1:000000000000:table/Music", "Effect": "Deny",)"
      R"( "Principal": {"Service": ["a.amazonaws.com"],)"
      R"( "AWS": ["000000000000", "arn:aws:iam::111111111111:user/x"]}, "Sid": "S1"},)"
      R"( "Id": "P1", "Version": "2012-10-17"})";
  ASSERT_EQ(ErrorOf(Put(Arn(), sent)), "OK");
  EXPECT_EQ(json::parse(Get(Arn()).body)["Policy"],
            R"({"Version":"2012-10-17","Id":"P1","Statement":{"Sid":"S1","Effect":"Deny",)"
            R"("Principal":{"AWS":["arn:aws:iam::000000000000:root",)"
            R"("arn:aws:iam::111111111111:user/x"],"Service":"a.amazonaws.com"},)"
            R"("Action":["dynamodb:Query","dynamodb:GetItem"],)"
            R"("Resource":"arn:aws:dynamodb:us-east-1:000000000000:table/Music",)"
            R"("Condition":{"StringEquals":{"aws:SourceVpc":"vpc-1"}}}})");
}

TEST_F(ResourcePolicyTest, TheSamePolicyAgainKeepsItsRevisionEvenWithinTheWindow) {
  const std::string first = PutOk(Arn(), ReadPolicy());
  clock_.Advance(1);
  // Whitespace, key order and a one-element list make no difference.
  json reordered = ReadPolicy();
  reordered["Statement"][0]["Action"] = json::array({"dynamodb:GetItem"});
  EXPECT_EQ(PutOk(Arn(), reordered.dump(4)), first);
  clock_.Advance(15);
  const std::string second = PutOk(Arn(), ReadPolicy("dynamodb:Query"));
  EXPECT_GT(second, first);
  // Back to the first document is a change, with a new revision.
  clock_.Advance(15);
  EXPECT_GT(PutOk(Arn(), ReadPolicy()), second);
}

TEST_F(ResourcePolicyTest, AChangeWithinFifteenSecondsOfTheLastIsThrottled) {
  const std::string revision = PutOk(Arn(), ReadPolicy());
  clock_.Advance(14.5);
  const std::string throttled =
      "ThrottlingException: Resource-based policy for table Music modified within the previous "
      "15000 milliseconds. Please try again after 2026-01-01T00:00:15.000Z.";
  EXPECT_EQ(ErrorOf(Put(Arn(), ReadPolicy("dynamodb:Query"))), throttled);
  EXPECT_EQ(ErrorOf(Delete(Arn())), throttled);
  // Nothing changed, and at 15 seconds the change is accepted.
  EXPECT_EQ(json::parse(Get(Arn()).body)["RevisionId"], revision);
  clock_.Advance(0.5);
  EXPECT_EQ(ErrorOf(Put(Arn(), ReadPolicy("dynamodb:Query"))), "OK");
  // A delete starts the window too.
  clock_.Advance(15);
  ASSERT_EQ(ErrorOf(Delete(Arn())), "OK");
  clock_.Advance(1);
  EXPECT_EQ(ErrorOf(Put(Arn(), ReadPolicy())),
            "ThrottlingException: Resource-based policy for table Music modified within the "
            "previous 15000 milliseconds. Please try again after 2026-01-01T00:00:45.000Z.");
}

TEST_F(ResourcePolicyTest, ExpectedRevisionIdMustNameTheAttachedRevision) {
  const std::string first = PutOk(Arn(), ReadPolicy(), {{"ExpectedRevisionId", "NO_POLICY"}});
  clock_.Advance(15);
  const std::string second =
      PutOk(Arn(), ReadPolicy("dynamodb:Query"), {{"ExpectedRevisionId", first}});
  clock_.Advance(15);
  EXPECT_EQ(ErrorOf(Put(Arn(), ReadPolicy("dynamodb:Scan"), {{"ExpectedRevisionId", first}})),
            "PolicyNotFoundException: Resource-based policy not found for the provided "
            "ResourceArn: Requested update for policy with revision id " +
                first + ", but the policy associated to target table Music has revision id " +
                second + ".");
  EXPECT_EQ(ErrorOf(Put(Arn(), ReadPolicy("dynamodb:Scan"), {{"ExpectedRevisionId", "NO_POLICY"}})),
            "PolicyNotFoundException: Resource-based policy not found for the provided "
            "ResourceArn: Requested policy update expecting none to be present for table Music, "
            "but a policy exists with revision id " +
                second + ".");
  EXPECT_EQ(ErrorOf(Delete(Arn(), {{"ExpectedRevisionId", "unknown"}})),
            "PolicyNotFoundException: Resource-based policy not found for the provided "
            "ResourceArn: Requested update for policy with revision id unknown, but the policy "
            "associated to target table Music has revision id " +
                second + ".");
  // The refusals changed nothing; the right revision deletes.
  EXPECT_EQ(json::parse(Get(Arn()).body)["RevisionId"], second);
  EXPECT_EQ(Ok("DeleteResourcePolicy", {{"ResourceArn", Arn()}, {"ExpectedRevisionId", second}}),
            json({{"RevisionId", second}}));
  EXPECT_EQ(ErrorOf(Get(Arn())), NotFound(Arn()));
  // With no policy attached, a revision to match cannot match.
  EXPECT_EQ(ErrorOf(Delete(Arn(), {{"ExpectedRevisionId", second}})), NotFound(Arn()));
  clock_.Advance(15);
  EXPECT_EQ(ErrorOf(Put(Arn(), ReadPolicy(), {{"ExpectedRevisionId", second}})), NotFound(Arn()));
}

TEST_F(ResourcePolicyTest, DeletingWhenNoPolicyIsAttachedIsNotAnError) {
  EXPECT_EQ(Ok("DeleteResourcePolicy", {{"ResourceArn", Arn()}}), json::object());
  // ...and starts no window.
  EXPECT_EQ(ErrorOf(Put(Arn(), ReadPolicy())), "OK");
}

TEST_F(ResourcePolicyTest, RevisionsGrowEvenWhenTheClockIsSetBack) {
  Ok("CreateTable", {{"TableName", "Orders"},
                     {"BillingMode", "PAY_PER_REQUEST"},
                     {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
                     {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}},
                     {"ResourcePolicy", ReadPolicy().dump()}});
  const std::string first = json::parse(Get(Arn("Orders")).body)["RevisionId"];
  clock_.Advance(-60);
  const std::string second = PutOk(Arn("Orders"), ReadPolicy("dynamodb:Query"));
  EXPECT_EQ(std::stoll(second), std::stoll(first) + 1);
}

TEST_F(ResourcePolicyTest, AStreamHasItsOwnSlot) {
  const std::string stream = EnableStream();
  const std::string label = stream.substr(stream.rfind('/') + 1);
  EXPECT_EQ(ErrorOf(Get(stream)), NotFound(stream));
  const std::string revision = PutOk(stream, ReadPolicy("dynamodb:GetRecords"));
  EXPECT_EQ(ErrorOf(Get(Arn())), NotFound(Arn()));
  // The table's slot has a window of its own.
  EXPECT_EQ(ErrorOf(Put(Arn(), ReadPolicy())), "OK");
  EXPECT_EQ(ErrorOf(Delete(stream)),
            "ThrottlingException: Resource-based policy for stream " + label +
                " modified within the previous 15000 milliseconds. Please try again after "
                "2026-01-01T00:00:15.000Z.");
  EXPECT_EQ(json::parse(Get(stream).body)["RevisionId"], revision);
  EXPECT_EQ(ErrorOf(Put(stream, ReadPolicy(), {{"ExpectedRevisionId", "1"}})),
            "PolicyNotFoundException: Resource-based policy not found for the provided "
            "ResourceArn: Requested update for policy with revision id 1, but the policy "
            "associated to target stream " +
                label + " has revision id " + revision + ".");
  const std::string unknown = Arn() + "/stream/2000-01-01T00:00:00.000";
  EXPECT_EQ(ErrorOf(Get(unknown)),
            "ResourceNotFoundException: Requested resource not found: Stream: "
            "2000-01-01T00:00:00.000 not found for Table: Music");
}

TEST_F(ResourcePolicyTest, PoliciesGoWithTheTable) {
  const std::string stream = EnableStream();
  PutOk(Arn(), ReadPolicy());
  PutOk(stream, ReadPolicy("dynamodb:GetRecords"));
  Ok("DeleteTable", {{"TableName", "Music"}});
  const std::string missing =
      "ResourceNotFoundException: Requested resource not found: Table: "
      "Music not found";
  EXPECT_EQ(ErrorOf(Get(Arn())), missing);
  EXPECT_EQ(ErrorOf(Put(Arn(), ReadPolicy())), missing);
  EXPECT_EQ(ErrorOf(Delete(Arn())), missing);
  // The stream stays readable for a day; its policy went with the table.
  EXPECT_EQ(ErrorOf(Get(stream)), NotFound(stream));
  EXPECT_EQ(ErrorOf(Put(stream, ReadPolicy())), missing);
  // A new table of the same name starts without one.
  CreateTable("Music");
  EXPECT_EQ(ErrorOf(Get(Arn())), NotFound(Arn()));
}

TEST_F(ResourcePolicyTest, CreateTableAttachesItsResourcePolicy) {
  json request = {{"TableName", "Orders"},
                  {"BillingMode", "PAY_PER_REQUEST"},
                  {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
                  {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}},
                  {"ResourcePolicy", ReadPolicy().dump(2)}};
  Ok("CreateTable", request);
  json got = Ok("GetResourcePolicy", {{"ResourceArn", Arn("Orders")}});
  EXPECT_EQ(got["RevisionId"], std::to_string(static_cast<long long>(clock_.NowSeconds() * 1000)));
  EXPECT_EQ(json::parse(got["Policy"].get<std::string>()), ReadPolicy());
  // CreateTable's policy starts no window.
  EXPECT_EQ(ErrorOf(Put(Arn("Orders"), ReadPolicy("dynamodb:Query"))), "OK");

  // A refused policy creates no table.
  request["TableName"] = "Refused";
  request["ResourcePolicy"] = "{not json";
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)),
            std::string(kInvalid) + "Invalid policy document: This policy contains invalid Json");
  EXPECT_EQ(ErrorOf(Call("DescribeTable", {{"TableName", "Refused"}})),
            "ResourceNotFoundException: Requested resource not found: Table: Refused not found");
  request["ResourcePolicy"] = 7;
  EXPECT_EQ(ErrorOf(Call("CreateTable", request)).substr(0, 22), "SerializationException");
}

TEST_F(ResourcePolicyTest, BackupsAndRestoresDoNotCarryThePolicy) {
  PutOk(Arn(), ReadPolicy());
  json backup = Ok("CreateBackup", {{"TableName", "Music"}, {"BackupName", "Before"}});
  Ok("RestoreTableFromBackup",
     {{"TargetTableName", "Copy"}, {"BackupArn", backup["BackupDetails"]["BackupArn"]}});
  EXPECT_EQ(ErrorOf(Get(Arn("Copy"))), NotFound(Arn("Copy")));
}

// --- validation ---

TEST_F(ResourcePolicyTest, MembersAreCheckedFirst) {
  EXPECT_EQ(ErrorOf(Call("PutResourcePolicy", json::object())),
            "ValidationException: 2 validation errors detected: Value null at 'resourceArn' failed "
            "to satisfy constraint: Member must not be null; Value null at 'policy' failed to "
            "satisfy constraint: Member must not be null");
  EXPECT_EQ(ErrorOf(Call("GetResourcePolicy", {{"ResourceArn", ""}})),
            "ValidationException: 1 validation error detected: Value '' at 'resourceArn' failed to "
            "satisfy constraint: Member must have length greater than or equal to 1");
  const std::string long_arn = Arn(std::string(1284 - std::string(kArnPrefix).size(), 'a'));
  EXPECT_EQ(ErrorOf(Get(long_arn)),
            "ValidationException: 1 validation error detected: Value '" + long_arn +
                "' at 'resourceArn' failed to satisfy constraint: Member must have length less "
                "than or equal to 1283");
  EXPECT_EQ(ErrorOf(Delete(Arn(), {{"ExpectedRevisionId", std::string(256, '1')}})),
            "ValidationException: 1 validation error detected: Value '" + std::string(256, '1') +
                "' at 'expectedRevisionId' failed to satisfy constraint: Member must have length "
                "less than or equal to 255");
  EXPECT_EQ(
      ErrorOf(Call("PutResourcePolicy", {{"ResourceArn", Arn()}, {"Policy", 1}})).substr(0, 22),
      "SerializationException");
  EXPECT_EQ(
      ErrorOf(Put(Arn(), ReadPolicy(), {{"ConfirmRemoveSelfResourceAccess", "yes"}})).substr(0, 22),
      "SerializationException");
  EXPECT_EQ(ErrorOf(Put(Arn(), ReadPolicy(), {{"ConfirmRemoveSelfResourceAccess", true}})), "OK");
}

TEST_F(ResourcePolicyTest, ArnsAreCheckedInTheServicesWords) {
  for (const std::string operation : {"GetResourcePolicy", "DeleteResourcePolicy"}) {
    auto error = [&](const std::string& arn) {
      return ErrorOf(Call(operation, {{"ResourceArn", arn}}));
    };
    EXPECT_EQ(error("Music"), std::string(kInvalid) + "ARNs must start with 'arn:': Music");
    EXPECT_EQ(error("arn:aws:dynamodb:us-east-1:111111111111:table/Music"),
              "ValidationException: This action is only supported by accounts that match the "
              "resource owner\u2019s account.");
    EXPECT_EQ(error("arn:aws:dynamodb:us-west-2:000000000000:table/Music"),
              std::string(kInvalid) +
                  "Invalid resource Arn: arn:aws:dynamodb:us-west-2:000000000000:table/Music");
    EXPECT_EQ(error("arn:aws-cn:dynamodb:us-east-1:000000000000:table/Music"),
              std::string(kInvalid) +
                  "Invalid resource Arn: arn:aws-cn:dynamodb:us-east-1:000000000000:table/Music");
    EXPECT_EQ(error(Arn() + "/index/byArtist"),
              std::string(kInvalid) +
                  "Invalid resource arn provided, only table or stream is accepted. Provided "
                  "resource arn: " +
                  Arn() + "/index/byArtist");
    EXPECT_EQ(error(Arn() + "/backup/01767225600000-00000001"),
              std::string(kInvalid) + "Provided Arn is not a DynamoDB resource arn: " + Arn() +
                  "/backup/01767225600000-00000001");
    EXPECT_EQ(error("arn:aws:s3:us-east-1:000000000000:table/Music"),
              std::string(kInvalid) +
                  "Provided Arn is not a DynamoDB resource arn: "
                  "arn:aws:s3:us-east-1:000000000000:table/Music");
    // Names are case-sensitive.
    EXPECT_EQ(error(Arn("MUSIC")),
              "ResourceNotFoundException: Requested resource not found: Table: MUSIC not found");
  }
}

TEST_F(ResourcePolicyTest, DocumentsAreCheckedAsTheServiceChecksThem) {
  auto refused = [&](const std::string& policy) { return ErrorOf(Put(Arn(), policy)); };
  const std::string bad = std::string(kInvalid) + "Invalid policy document: ";
  EXPECT_EQ(refused("{not json"), bad + "This policy contains invalid Json");
  EXPECT_EQ(refused(""), bad + "This policy contains invalid Json");
  EXPECT_EQ(refused("[]"), bad + "This policy contains invalid Json");
  EXPECT_EQ(refused(R"({"Version":"2012-10-17","Statement":[]})"),
            bad + "Could not parse the policy: Statement is empty!");
  EXPECT_EQ(refused(R"({"Version":"2012-10-17"})"), bad + "Missing required field Statement");
  EXPECT_EQ(refused(R"({"Version":"2019-01-01","Statement":[]})"),
            bad + "The policy must contain a valid version string");
  auto without = [](const char* member) {
    json policy = ReadPolicy();
    policy["Statement"][0].erase(member);
    return policy.dump();
  };
  EXPECT_EQ(refused(without("Resource")), bad + "Missing required field Resource");
  EXPECT_EQ(refused(without("Action")), bad + "Missing required field Action");
  EXPECT_EQ(refused(without("Principal")), bad + "Missing required field Principal");
  EXPECT_EQ(refused(without("Effect")), bad + "Missing required field Effect");
  json maybe = ReadPolicy();
  maybe["Statement"][0]["Effect"] = "Maybe";
  EXPECT_EQ(refused(maybe.dump()), bad + "Invalid effect: Maybe");
  json twice = ReadPolicy();
  twice["Statement"].push_back(ReadPolicy("dynamodb:Query")["Statement"][0]);
  EXPECT_EQ(refused(twice.dump()), bad + "The Statement Ids in the policy are not unique");
  twice["Statement"][1]["Sid"] = "Query";
  EXPECT_EQ(refused(twice.dump()), "OK");
  clock_.Advance(15);

  const std::string unbounded =
      "ValidationException: Resource-based policy grants unbounded access in one or more "
      "elements. Please revise the policy to ensure least-privilege form of access";
  json everyone = ReadPolicy();
  everyone["Statement"][0]["Principal"] = "*";
  EXPECT_EQ(refused(everyone.dump()), unbounded);
  everyone["Statement"][0]["Principal"] = {{"AWS", "*"}};
  EXPECT_EQ(refused(everyone.dump()), unbounded);
  everyone["Statement"][0]["Principal"] = {{"AWS", {"arn:aws:iam::000000000000:root", "*"}}};
  EXPECT_EQ(refused(everyone.dump()), unbounded);
  // A Deny to everyone is fine, and so is an Allow a condition narrows.
  everyone["Statement"][0]["Effect"] = "Deny";
  EXPECT_EQ(refused(everyone.dump()), "OK");
  clock_.Advance(15);
  everyone["Statement"][0]["Effect"] = "Allow";
  everyone["Statement"][0]["Condition"] = {{"StringEquals", {{"aws:PrincipalOrgID", "o-123456"}}}};
  EXPECT_EQ(refused(everyone.dump()), "OK");
  clock_.Advance(15);

  // 20480 bytes, whitespace included, is the most a document may hold.
  std::string padded = ReadPolicy().dump();
  padded.insert(1, 20480 - padded.size(), ' ');
  EXPECT_EQ(refused(padded), "OK");
  padded.insert(1, " ");
  EXPECT_EQ(refused(padded), std::string(kInvalid) + "Maximum policy size of 20480 bytes exceeded");
  // A refused document changed nothing.
  EXPECT_EQ(json::parse(json::parse(Get(Arn()).body)["Policy"].get<std::string>()), ReadPolicy());
}

// --- persistence ---

TEST_F(ResourcePolicyTest, PoliciesAndTheirWindowSurviveASnapshot) {
  const std::string stream = EnableStream();
  const std::string table_revision = PutOk(Arn(), ReadPolicy());
  const std::string stream_revision = PutOk(stream, ReadPolicy("dynamodb:GetRecords"));
  Engine& restored = RestoredFromSnapshot();
  auto call = [&](const std::string& operation, const json& body) {
    return restored.Handle("DynamoDB_20120810." + operation, body.dump());
  };
  json table = json::parse(call("GetResourcePolicy", {{"ResourceArn", Arn()}}).body);
  EXPECT_EQ(table["RevisionId"], table_revision);
  EXPECT_EQ(json::parse(table["Policy"].get<std::string>()), ReadPolicy());
  EXPECT_EQ(json::parse(call("GetResourcePolicy", {{"ResourceArn", stream}}).body)["RevisionId"],
            stream_revision);
  EXPECT_EQ(ErrorOf(call("PutResourcePolicy", {{"ResourceArn", Arn()},
                                               {"Policy", ReadPolicy("dynamodb:Query").dump()}})),
            "ThrottlingException: Resource-based policy for table Music modified within the "
            "previous 15000 milliseconds. Please try again after 2026-01-01T00:00:15.000Z.");
}

TEST_F(ResourcePolicyTest, PoliciesSurviveTheJournal) {
  engine_.SetJournaling(true);
  Ok("CreateTable", {{"TableName", "Kept"},
                     {"BillingMode", "PAY_PER_REQUEST"},
                     {"KeySchema", {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}}},
                     {"AttributeDefinitions", {{{"AttributeName", "pk"}, {"AttributeType", "S"}}}},
                     {"ResourcePolicy", ReadPolicy().dump()}});
  clock_.Advance(20);
  const std::string revision = PutOk(Arn("Kept"), ReadPolicy("dynamodb:Query"));
  // A read is not journaled; a refused change is not either.
  Get(Arn("Kept"));
  Put(Arn("Kept"), std::string("{"));
  const std::string journal = Engine::JournalHeader() + engine_.TakeJournal();

  base::ManualClock replay_clock;
  Engine restored(replay_clock);
  RestoreReport report = restored.Restore(journal);
  EXPECT_EQ(report.records, 2u);
  EXPECT_EQ(report.diverged, 0u) << report.first_divergence;
  Response got = restored.Handle("DynamoDB_20120810.GetResourcePolicy",
                                 json{{"ResourceArn", Arn("Kept")}}.dump());
  EXPECT_EQ(json::parse(got.body)["RevisionId"], revision);
}

TEST_F(ResourcePolicyTest, ASnapshotFromBeforePoliciesRestoresWithNone) {
  Engine& engine = RestoredFromTestData("v1-music.snapshot");
  const std::string arn = std::string(kArnPrefix) + "Music";
  Response got =
      engine.Handle("DynamoDB_20120810.GetResourcePolicy", json{{"ResourceArn", arn}}.dump());
  EXPECT_EQ(ErrorOf(got),
            "PolicyNotFoundException: Resource-based policy not found for the "
            "provided ResourceArn: " +
                arn);
}

}  // namespace
}  // namespace ddbpg::testing
