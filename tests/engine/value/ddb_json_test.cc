#include "engine/value/ddb_json.h"

#include <gtest/gtest.h>

namespace ddbpg {
namespace {

using json = nlohmann::json;

std::string WireError(const char* wire) {
  base::Status s = value::CheckAttributeValueWire(json::parse(wire));
  return s.ok() ? "OK" : s.message();
}

std::string DecodeError(const char* wire, value::DecodeOptions options = {}) {
  base::Result<value::AttributeValue> value =
      value::DecodeAttributeValue(json::parse(wire), options);
  return value.ok() ? "OK" : value.status().message();
}

json RoundTrip(const char* wire) {
  return value::EncodeAttributeValue(*value::DecodeAttributeValue(json::parse(wire)));
}

TEST(DdbJsonTest, RoundTripsAllTenTypes) {
  for (const char* wire :
       {R"({"S":"x"})", R"({"N":"1.5"})", R"({"B":"AAE="})", R"({"BOOL":true})",
        R"({"NULL":true})", R"({"M":{"a":{"S":"b"}}})", R"({"L":[{"N":"1"},{"S":""}]})",
        R"({"SS":["a","b"]})", R"({"NS":["1","2"]})", R"({"BS":["AA==","AQ=="]})"}) {
    EXPECT_EQ(RoundTrip(wire), json::parse(wire)) << wire;
  }
}

TEST(DdbJsonTest, NumbersComeBackNormalised) {
  EXPECT_EQ(RoundTrip(R"({"N":"0000012.30"})"), json::parse(R"({"N":"12.3"})"));
  EXPECT_EQ(RoundTrip(R"({"N":"1e2"})"), json::parse(R"({"N":"100"})"));
  EXPECT_EQ(RoundTrip(R"({"NS":["-0", "1.50"]})"), json::parse(R"({"NS":["0","1.5"]})"));
}

TEST(DdbJsonTest, WrongJsonTypesAreSerializationErrors) {
  EXPECT_EQ(WireError(R"({"S":5})"), "NUMBER_VALUE cannot be converted to String");
  EXPECT_EQ(WireError(R"({"N":5})"), "NUMBER_VALUE cannot be converted to String");
  EXPECT_EQ(WireError(R"({"S":1.5})"), "DECIMAL_VALUE cannot be converted to String");
  EXPECT_EQ(WireError(R"({"S":true})"), "TRUE_VALUE cannot be converted to String");
  EXPECT_EQ(WireError(R"({"S":{}})"), "Start of structure or map found where not expected");
  EXPECT_EQ(WireError(R"({"S":[]})"), "Unrecognized collection type class java.lang.String");
  EXPECT_EQ(WireError(R"({"BOOL":1})"), "NUMBER_VALUE cannot be converted to Boolean");
  EXPECT_EQ(WireError(R"({"BOOL":"true"})"), "Unexpected token received from parser");
  EXPECT_EQ(WireError(R"({"SS":"x"})"), "Unexpected field type");
  EXPECT_EQ(WireError(R"({"L":["x"]})"), "Unexpected value type in payload");
  EXPECT_EQ(WireError(R"({"M":[]})"),
            "Unrecognized collection type java.util.Map<java.lang.String, "
            "com.amazonaws.dynamodb.v20120810.AttributeValue>");
  EXPECT_EQ(WireError(R"("x")"), "Unexpected value type in payload");
  EXPECT_EQ(WireError(R"({"M":{"a":{"L":[{"S":5}]}}})"),
            "NUMBER_VALUE cannot be converted to String");
}

TEST(DdbJsonTest, BinariesMustBeBase64) {
  EXPECT_EQ(WireError(R"({"B":5})"), "only base-64-encoded strings are convertible to bytes");
  EXPECT_EQ(WireError(R"({"B":"abc"})"),
            "Base64 encoded length is expected a multiple of 4 bytes but found: 3");
  EXPECT_EQ(WireError(R"({"B":"=+/="})"), "Invalid last non-pad Base64 character dectected");
  EXPECT_EQ(WireError(R"({"BS":["ab!="]})"),
            "'ab!=' can not be converted to a Blob: Invalid Base64 character: '!'");
}

TEST(DdbJsonTest, AttributeValueNeedsExactlyOneType) {
  EXPECT_EQ(DecodeError(R"({})"),
            "Supplied AttributeValue is empty, must contain exactly one of the supported "
            "datatypes");
  EXPECT_EQ(DecodeError(R"({"unknown":"x"})"),
            "Supplied AttributeValue is empty, must contain exactly one of the supported "
            "datatypes");
  EXPECT_EQ(DecodeError(R"({"S":"a","BOOL":true})"),
            "Supplied AttributeValue has more than one datatypes set, must contain exactly one "
            "of the supported datatypes");
  // Each present type is checked before the count.
  EXPECT_EQ(DecodeError(R"({"S":"a","N":"x"})"),
            "The parameter cannot be converted to a numeric value: x");
}

TEST(DdbJsonTest, EmptySetsAreRejected) {
  EXPECT_EQ(DecodeError(R"({"SS":[]})"),
            "One or more parameter values were invalid: An string set  may not be empty");
  EXPECT_EQ(DecodeError(R"({"NS":[]})"),
            "One or more parameter values were invalid: An number set  may not be empty");
  EXPECT_EQ(DecodeError(R"({"BS":[]})"),
            "One or more parameter values were invalid: Binary sets should not be empty");
}

TEST(DdbJsonTest, DuplicateSetMembersAreRejected) {
  EXPECT_EQ(DecodeError(R"({"SS":["b","a","b","c"]})"),
            "One or more parameter values were invalid: Input collection [\"a\", \"b\", \"b\", "
            "\"c\"] contains duplicates.");
  EXPECT_EQ(DecodeError(R"({"BS":["AA==","/w==","AA=="]})"),
            "One or more parameter values were invalid: Input collection "
            "[\"AA==\",\"/w==\",\"AA==\"]of type BS contains duplicates.");
  // Numbers are compared by value.
  EXPECT_EQ(DecodeError(R"({"NS":["1","1.0"]})"),
            "One or more parameter values were invalid: Input collection contains duplicates.");
  EXPECT_EQ(DecodeError(R"({"NS":["1","1.0"]})", {.envelope_value_errors = true}),
            "1 validation error detected: One or more parameter values were invalid: Input "
            "collection contains duplicates.");
}

TEST(DdbJsonTest, EmptyStringsAreAllowedOutsideKeys) {
  EXPECT_EQ(DecodeError(R"({"S":""})"), "OK");
  EXPECT_EQ(DecodeError(R"({"B":""})"), "OK");
  EXPECT_EQ(DecodeError(R"({"SS":[""]})"), "OK");
}

TEST(DdbJsonTest, NullMustBeTrue) {
  EXPECT_EQ(DecodeError(R"({"NULL":false})"),
            "One or more parameter values were invalid: Null attribute value types must have the "
            "value of true");
}

TEST(DdbJsonTest, NumberErrorsAreEnvelopedOnlyWhenAsked) {
  EXPECT_EQ(DecodeError(R"({"N":""})"), "The parameter cannot be converted to a numeric value: ");
  EXPECT_EQ(DecodeError(R"({"N":"1e200"})", {.envelope_value_errors = true}),
            "1 validation error detected: Number overflow. Attempting to store a number with "
            "magnitude larger than supported range");
}

std::string NestedMaps(int containers) {
  std::string wire = R"({"S":"leaf"})";
  for (int i = 0; i < containers; ++i) wire = R"({"M":{"a":)" + wire + "}}";
  return wire;
}

TEST(DdbJsonTest, NestingStopsAtThirtyTwoLevels) {
  // The item is level 1, so a top-level attribute may hold 31 nested lists or maps.
  EXPECT_EQ(DecodeError(NestedMaps(31).c_str()), "OK");
  EXPECT_EQ(DecodeError(NestedMaps(32).c_str()),
            "Nesting Levels have exceeded supported limits: Attributes in the item have nested "
            "levels beyond supported limit");
}

TEST(DdbJsonTest, SetEqualityIgnoresMemberOrder) {
  EXPECT_EQ(*value::DecodeAttributeValue(json::parse(R"({"SS":["a","b"]})")),
            *value::DecodeAttributeValue(json::parse(R"({"SS":["b","a"]})")));
  EXPECT_EQ(*value::DecodeAttributeValue(json::parse(R"({"N":"1.0"})")),
            *value::DecodeAttributeValue(json::parse(R"({"N":"1"})")));
  EXPECT_NE(*value::DecodeAttributeValue(json::parse(R"({"S":"1"})")),
            *value::DecodeAttributeValue(json::parse(R"({"N":"1"})")));
}

TEST(DdbJsonTest, KeyOrderIsNumericForNumbersAndUnsignedBytesForStrings) {
  auto value = [](const char* wire) { return *value::DecodeAttributeValue(json::parse(wire)); };
  EXPECT_LT(value::CompareKeyValues(value(R"({"N":"-10"})"), value(R"({"N":"9"})")), 0);
  EXPECT_LT(value::CompareKeyValues(value(R"({"N":"9"})"), value(R"({"N":"10"})")), 0);
  EXPECT_LT(value::CompareKeyValues(value(R"({"S":"Z"})"), value(R"({"S":"a"})")), 0);
  // "é" starts with byte 0xC3, which sorts after every ASCII byte.
  EXPECT_LT(value::CompareKeyValues(value(R"({"S":"z"})"), value(R"({"S":"é"})")), 0);
  EXPECT_LT(value::CompareKeyValues(value(R"({"B":"fw=="})"), value(R"({"B":"gA=="})")), 0);
}

}  // namespace
}  // namespace ddbpg
