#include <gtest/gtest.h>

#include "tests/engine/support/engine_fixture.h"

namespace ddbpg::testing {
namespace {

class DispatcherTest : public EngineFixture {};

TEST_F(DispatcherTest, MalformedJsonIsASerializationErrorWithNoMessage) {
  Response response = engine_.Handle("DynamoDB_20120810.ListTables", "{not json");
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.body, R"({"__type":"com.amazon.coral.service#SerializationException"})");
  EXPECT_EQ(engine_.Handle("DynamoDB_20120810.ListTables", "").body, response.body);
  EXPECT_EQ(engine_.Handle("DynamoDB_20120810.ListTables", "[]").body, response.body);
}

TEST_F(DispatcherTest, BodyIsParsedBeforeTheTargetIsChecked) {
  EXPECT_EQ(engine_.Handle("Nope", "{oops").body,
            R"({"__type":"com.amazon.coral.service#SerializationException"})");
}

TEST_F(DispatcherTest, AnEmptyBodyFailsOnlyAfterTheTargetIsChecked) {
  EXPECT_EQ(engine_.Handle("", "").body,
            R"({"__type":"com.amazon.coral.service#UnknownOperationException"})");
  EXPECT_EQ(engine_.Handle("DynamoDB_20120810.ListTables", "").body,
            R"({"__type":"com.amazon.coral.service#SerializationException"})");
}

TEST_F(DispatcherTest, UnknownOperationsHaveNoMessage) {
  for (const char* target : {"DynamoDB_20120810.ListTable", "DynamoDB_20120810.", "", "ListTables",
                             "DynamoDB_20991231.ListTables"}) {
    Response response = engine_.Handle(target, "{}");
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(response.body, R"({"__type":"com.amazon.coral.service#UnknownOperationException"})")
        << target;
  }
}

TEST_F(DispatcherTest, ValidationErrorsUseTheValidateNamespaceAndLowercaseMessage) {
  Response response = Call("DescribeTable", {{"TableName", "a;"}});
  EXPECT_EQ(response.status, 400);
  json body = json::parse(response.body);
  EXPECT_EQ(body["__type"], "com.amazon.coral.validate#ValidationException");
  EXPECT_TRUE(body.contains("message"));
}

TEST_F(DispatcherTest, HostileNestingIsRefusedWithoutHarm) {
  CreateTable("tbl");
  std::string deep(100000, '[');
  Response response = engine_.Handle("DynamoDB_20120810.PutItem", deep);
  EXPECT_EQ(ErrorOf(response),
            "ValidationException: Nesting Levels have exceeded supported limits: Attributes in "
            "the item have nested levels beyond supported limit");
  // The engine still answers, and the table is intact.
  EXPECT_EQ(Ok("ListTables", json::object())["TableNames"], json::array({"tbl"}));
}

TEST_F(DispatcherTest, InvalidUtf8InARequestIsASerializationError) {
  Response response = engine_.Handle("DynamoDB_20120810.DescribeTable",
                                     "{\"TableName\": \"\xff\xfe\"}");
  EXPECT_EQ(ErrorOf(response), "SerializationException: ");
}

}  // namespace
}  // namespace ddbpg::testing
