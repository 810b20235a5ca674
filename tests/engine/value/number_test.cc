// Tests for ddbpg::Number, DynamoDB's exact decimal number: what text it accepts and rejects
// (with DynamoDB's exact messages), its canonical output, ordering, the measured item-size rule,
// and exact addition and subtraction as used by UpdateExpression.
#include "engine/value/number.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace ddbpg {

// Lets GoogleTest print a Number readably when an assertion fails.
void PrintTo(const value::Number& number, std::ostream* os) { *os << number.ToString(); }

namespace {

constexpr char kNotANumberPrefix[] = "The parameter cannot be converted to a numeric value: ";
constexpr char kTooManyDigits[] = "Attempting to store more than 38 significant digits in a Number";
constexpr char kOverflow[] =
    "Number overflow. Attempting to store a number with magnitude larger than supported range";
constexpr char kUnderflow[] =
    "Number underflow. Attempting to store a number with magnitude smaller than supported range";

constexpr char kLargest[] = "9.9999999999999999999999999999999999999E+125";
constexpr char kThirtyEightDigits[] = "12345678901234567890123456789012345678";

// Parses text that the test expects to be valid.
value::Number N(std::string_view text) {
  base::Result<value::Number> result = value::Number::Parse(text);
  EXPECT_TRUE(result.ok()) << text << ": " << result.status().message();
  return result.ok() ? result.value() : value::Number();
}

std::string Canonical(std::string_view text) { return N(text).ToString(); }

std::string Zeros(size_t count) { return std::string(count, '0'); }

// The message of a failed Result, or a marker that makes the comparison fail if it succeeded.
std::string ErrorOf(const base::Result<value::Number>& result) {
  if (result.ok()) return "<ok: " + result.value().ToString() + ">";
  EXPECT_EQ(result.status().type(), base::ErrorType::kValidation);
  return result.status().message();
}

std::string ParseError(std::string_view text) { return ErrorOf(value::Number::Parse(text)); }

std::string Sum(std::string_view a, std::string_view b) {
  base::Result<value::Number> result = value::Number::Add(N(a), N(b));
  return result.ok() ? result.value().ToString() : "<error: " + result.status().message() + ">";
}

std::string Difference(std::string_view a, std::string_view b) {
  base::Result<value::Number> result = value::Number::Subtract(N(a), N(b));
  return result.ok() ? result.value().ToString() : "<error: " + result.status().message() + ">";
}

TEST(NumberTest, DefaultConstructedNumberIsZero) {
  value::Number zero;
  EXPECT_TRUE(zero.is_zero());
  EXPECT_FALSE(zero.is_negative());
  EXPECT_EQ(zero.ToString(), "0");
}

TEST(NumberTest, ParseAcceptsPlainIntegers) {
  EXPECT_EQ(Canonical("0"), "0");
  EXPECT_EQ(Canonical("1"), "1");
  EXPECT_EQ(Canonical("42"), "42");
  EXPECT_EQ(Canonical("-42"), "-42");
  EXPECT_EQ(Canonical("+42"), "42");
}

TEST(NumberTest, ParseTrimsLeadingAndTrailingZeros) {
  EXPECT_EQ(Canonical("007"), "7");
  EXPECT_EQ(Canonical("1.50"), "1.5");
  EXPECT_EQ(Canonical("000.000100"), "0.0001");
  EXPECT_EQ(Canonical("100"), "100");
  EXPECT_EQ(Canonical("-0010.0100"), "-10.01");
  EXPECT_EQ(Canonical("5.000"), "5");
}

TEST(NumberTest, ParseAcceptsDigitsOnOnlyOneSideOfThePoint) {
  EXPECT_EQ(Canonical(".5"), "0.5");
  EXPECT_EQ(Canonical("5."), "5");
  EXPECT_EQ(Canonical("-.5"), "-0.5");
  EXPECT_EQ(Canonical("+5."), "5");
}

TEST(NumberTest, ParseAcceptsExponentsInEitherCaseWithOptionalSign) {
  EXPECT_EQ(Canonical("1e2"), "100");
  EXPECT_EQ(Canonical("1E2"), "100");
  EXPECT_EQ(Canonical("1e+2"), "100");
  EXPECT_EQ(Canonical("12.3e-5"), "0.000123");
  EXPECT_EQ(Canonical("1.e5"), "100000");
  EXPECT_EQ(Canonical(".5e1"), "5");
  EXPECT_EQ(Canonical("1.234e1"), "12.34");
  EXPECT_EQ(Canonical("-1.5e3"), "-1500");
  EXPECT_EQ(Canonical("1e0000000002"), "100");
}

TEST(NumberTest, ParseRejectsTextThatIsNotANumber) {
  const std::vector<std::string> bad = {
      "",    "+",   "-",     ".",     "+.",    "-.",    "e5",        ".e5",       "1e",  "1e+",
      "1e-", " 1",  "1 ",    "\t1",   "1\n",   "0x10",  "0X1",       "Infinity",  "NaN", "inf",
      "--1", "+-1", "1e2e3", "1.2.3", "1e5.5", "1,000", "1_000",     "-Infinity", "e",   "1f",
      "1d",  "abc", "1-",    "1+1",   "1..2",  "1 e5",  "1e\xd9\xa1"};
  for (const std::string& text : bad) {
    EXPECT_EQ(ParseError(text), kNotANumberPrefix + text) << "text: \"" << text << "\"";
  }
  // An embedded NUL must not end the text early.
  EXPECT_EQ(ParseError(std::string_view("1\0", 2)), kNotANumberPrefix + std::string("1\0", 2));
}

TEST(NumberTest, ParseReturnsValidationErrors) {
  for (std::string_view text :
       {"x", "1234567890123456789012345678901234567890", "1e126", "1e-131"}) {
    base::Result<value::Number> result = value::Number::Parse(text);
    ASSERT_FALSE(result.ok()) << text;
    EXPECT_EQ(result.status().type(), base::ErrorType::kValidation) << text;
  }
}

TEST(NumberTest, ZeroInAnyFormIsCanonicalNonNegativeZero) {
  for (std::string_view text : {"0", "-0", "+0", "0.000", "-0.0e10", ".0", "0.", "-000",
                                "0e125", "0e-130", "0.0e126", "00e125"}) {
    value::Number zero = N(text);
    EXPECT_TRUE(zero.is_zero()) << text;
    EXPECT_FALSE(zero.is_negative()) << text;
    EXPECT_EQ(zero.ToString(), "0") << text;
    EXPECT_EQ(zero, value::Number()) << text;
  }
}

TEST(NumberTest, AccessorsExposeTheFractionAndExponentForm) {
  EXPECT_EQ(N("1").digits(), "1");
  EXPECT_EQ(N("1").exponent(), 1);
  EXPECT_EQ(N("123.45").digits(), "12345");
  EXPECT_EQ(N("123.45").exponent(), 3);
  EXPECT_EQ(N("0.005").digits(), "5");
  EXPECT_EQ(N("0.005").exponent(), -2);
  EXPECT_EQ(N("1E125").exponent(), value::Number::kMaxExponent);
  EXPECT_EQ(N("1E-130").exponent(), value::Number::kMinExponent);
  EXPECT_TRUE(N("-3").is_negative());
  EXPECT_TRUE(N("0").digits().empty());
}

TEST(NumberTest, ToStringNeverUsesAnExponent) {
  EXPECT_EQ(Canonical("1E125"), "1" + Zeros(125));
  EXPECT_EQ(Canonical("-1E125"), "-1" + Zeros(125));
  EXPECT_EQ(Canonical("1E-130"), "0." + Zeros(129) + "1");
  EXPECT_EQ(Canonical("-1E-130"), "-0." + Zeros(129) + "1");
  EXPECT_EQ(Canonical(kLargest), std::string(38, '9') + Zeros(88));
  EXPECT_EQ(Canonical("1.2345E2"), "123.45");
  EXPECT_EQ(Canonical("12345E-2"), "123.45");
  EXPECT_EQ(Canonical("12345E-5"), "0.12345");
  EXPECT_EQ(Canonical("12345E-6"), "0.012345");
}

TEST(NumberTest, ParseAcceptsThirtyEightSignificantDigits) {
  EXPECT_EQ(Canonical(kThirtyEightDigits), kThirtyEightDigits);
  EXPECT_EQ(Canonical(std::string("-0.") + kThirtyEightDigits),
            std::string("-0.") + kThirtyEightDigits);
  // Leading and trailing zeros are not significant, so they do not count toward the limit.
  EXPECT_EQ(Canonical("000" + std::string(kThirtyEightDigits) + ".000"), kThirtyEightDigits);
  EXPECT_EQ(Canonical("1" + Zeros(36) + "1"), "1" + Zeros(36) + "1");
  EXPECT_EQ(Canonical("1" + Zeros(100)), "1" + Zeros(100));
}

TEST(NumberTest, ParseRejectsThirtyNineSignificantDigits) {
  EXPECT_EQ(ParseError(std::string(kThirtyEightDigits) + "9"), kTooManyDigits);
  EXPECT_EQ(ParseError("-" + std::string(kThirtyEightDigits) + "9"), kTooManyDigits);
  EXPECT_EQ(ParseError("1" + Zeros(37) + "1"), kTooManyDigits);
  EXPECT_EQ(ParseError("0.1" + Zeros(37) + "1"), kTooManyDigits);
  EXPECT_EQ(ParseError("1" + Zeros(19) + "." + Zeros(18) + "1"), kTooManyDigits);
  EXPECT_EQ(ParseError("0." + std::string(5000, '7')), kTooManyDigits);
}

TEST(NumberTest, ParseChecksRangeBeforeDigitCount) {
  const std::string thirty_nine = std::string(kThirtyEightDigits) + "9";
  EXPECT_EQ(ParseError(thirty_nine + "e200"), kOverflow);
  EXPECT_EQ(ParseError(thirty_nine + "e-200"), kUnderflow);
  EXPECT_EQ(ParseError(thirty_nine + "e999999999999999999"), kOverflow);
}

TEST(NumberTest, ParseHandlesLongInputsWithFewSignificantDigits) {
  EXPECT_EQ(Canonical(Zeros(5000) + "1"), "1");
  EXPECT_EQ(Canonical("-" + Zeros(5000) + "1." + Zeros(5000)), "-1");
  EXPECT_EQ(Canonical("0." + Zeros(100) + "1" + Zeros(5000)), "0." + Zeros(100) + "1");
  EXPECT_EQ(Canonical("1" + Zeros(100000) + "e-100000"), "1");
  EXPECT_EQ(Canonical("0." + Zeros(300) + "1e301"), "1");
  EXPECT_EQ(ParseError("1" + Zeros(126)), kOverflow);
  EXPECT_EQ(ParseError("0." + Zeros(130) + "1"), kUnderflow);
}

TEST(NumberTest, ParseAcceptsTheLargestMagnitude) {
  EXPECT_TRUE(value::Number::Parse(kLargest).ok());
  EXPECT_TRUE(value::Number::Parse(std::string("-") + kLargest).ok());
  EXPECT_TRUE(value::Number::Parse("1E125").ok());
  EXPECT_TRUE(value::Number::Parse(std::string(38, '9') + Zeros(88)).ok());
}

TEST(NumberTest, ParseRejectsMagnitudesAboveTheRange) {
  EXPECT_EQ(ParseError("1E126"), kOverflow);
  EXPECT_EQ(ParseError("-1E126"), kOverflow);
  EXPECT_EQ(ParseError("10E125"), kOverflow);
  EXPECT_EQ(ParseError("0.1e127"), kOverflow);
  EXPECT_EQ(ParseError("1" + Zeros(126)), kOverflow);
}

TEST(NumberTest, ParseAcceptsTheSmallestMagnitude) {
  EXPECT_TRUE(value::Number::Parse("1E-130").ok());
  EXPECT_TRUE(value::Number::Parse("-1E-130").ok());
  EXPECT_TRUE(value::Number::Parse("0.1E-129").ok());
  EXPECT_TRUE(value::Number::Parse("10E-131").ok());
  EXPECT_TRUE(value::Number::Parse("0." + Zeros(129) + "1").ok());
}

TEST(NumberTest, ParseRejectsNonZeroMagnitudesBelowTheRange) {
  EXPECT_EQ(ParseError("9E-131"), kUnderflow);
  EXPECT_EQ(ParseError("-9E-131"), kUnderflow);
  EXPECT_EQ(ParseError("0.99E-130"), kUnderflow);
  EXPECT_EQ(ParseError("0." + Zeros(130) + "1"), kUnderflow);
}

TEST(NumberTest, ParseTreatsHugeExponentsAsOutOfRangeInsteadOfCrashing) {
  EXPECT_EQ(ParseError("1e999999999999999999"), kOverflow);
  EXPECT_EQ(ParseError("1e2147483648"), kOverflow);
  EXPECT_EQ(ParseError("1e9223372036854775807"), kOverflow);
  EXPECT_EQ(ParseError("1e0009223372036854775807"), kOverflow);
  EXPECT_EQ(ParseError("1e-999999999999999999"), kUnderflow);
  EXPECT_EQ(ParseError("1e-9223372036854775808"), kUnderflow);
}

// The service reads the written exponent as a 64-bit integer (captured, eu-west-2, 2026).
TEST(NumberTest, ParseCannotConvertAnExponentPastA64BitInteger) {
  EXPECT_EQ(ParseError("1e9223372036854775808"),
            std::string(kNotANumberPrefix) + "1e9223372036854775808");
  EXPECT_EQ(ParseError("1e-9223372036854775809"),
            std::string(kNotANumberPrefix) + "1e-9223372036854775809");
  EXPECT_EQ(ParseError("1e18446744073709551616"),
            std::string(kNotANumberPrefix) + "1e18446744073709551616");
  const std::string nines = "-1e" + std::string(1000, '9');
  EXPECT_EQ(ParseError(nines), kNotANumberPrefix + nines);
  EXPECT_EQ(ParseError("0e99999999999999999999"),
            std::string(kNotANumberPrefix) + "0e99999999999999999999");
}

// Zero is range-checked by the exponent it is written with, as a one-digit decimal: 0e125 is
// 0 x 10^125, inside the range; 0.0e126 is the same; 0e126 and 0e-131 are not.
TEST(NumberTest, ParseRangeChecksZeroByItsWrittenExponent) {
  EXPECT_EQ(ParseError("0e126"), kOverflow);
  EXPECT_EQ(ParseError("-0E999"), kOverflow);
  EXPECT_EQ(ParseError("0e-131"), kUnderflow);
  EXPECT_EQ(ParseError("0.00e-129"), kUnderflow);
  EXPECT_EQ(Canonical("0.00e-128"), "0");
  EXPECT_EQ(Canonical("0.0e126"), "0");
}

TEST(NumberTest, CompareOrdersNumbersNumerically) {
  const std::vector<value::Number> ascending = {N("-1E125"),  N("-10"), N("-9"),     N("-0.5"),
                                                N("-1E-130"), N("0"),   N("1E-130"), N("0.5"),
                                                N("2"),       N("10"),  N("1E125"),  N(kLargest)};
  for (size_t i = 0; i < ascending.size(); ++i) {
    for (size_t j = 0; j < ascending.size(); ++j) {
      const value::Number& a = ascending[i];
      const value::Number& b = ascending[j];
      const int expected = i < j ? -1 : (i > j ? 1 : 0);
      EXPECT_EQ(a.Compare(b), expected) << a.ToString() << " vs " << b.ToString();
      EXPECT_EQ(a < b, i < j);
      EXPECT_EQ(a <= b, i <= j);
      EXPECT_EQ(a > b, i > j);
      EXPECT_EQ(a >= b, i >= j);
      EXPECT_EQ(a == b, i == j);
      EXPECT_EQ(a != b, i != j);
    }
  }
}

TEST(NumberTest, CompareTreatsDifferentSpellingsOfOneValueAsEqual) {
  EXPECT_EQ(N("1.50"), N("1.5"));
  EXPECT_EQ(N("100"), N("1e2"));
  EXPECT_EQ(N("-0"), N("0"));
  EXPECT_EQ(N("0.000123"), N("12.3e-5"));
  EXPECT_EQ(N("-7"), N("-007.000"));
}

TEST(NumberTest, CompareLooksAtEveryDigit) {
  const std::string base = "1234567890123456789012345678901234567";
  EXPECT_LT(N(base + "1"), N(base + "2"));
  EXPECT_LT(N("-" + base + "2"), N("-" + base + "1"));
  EXPECT_LT(N("1.1"), N("1.11"));
  EXPECT_LT(N("-1.11"), N("-1.1"));
  EXPECT_LT(N("-100"), N("-99"));
  EXPECT_LT(N("99"), N("100"));
  EXPECT_LT(N("0.09"), N("0.1"));
}

TEST(NumberTest, StorageBytesMatchesMeasuredSizes) {
  EXPECT_EQ(N("0").StorageBytes(), 1u);
  EXPECT_EQ(N("-0").StorageBytes(), 1u);
  EXPECT_EQ(N("1").StorageBytes(), 2u);
  EXPECT_EQ(N("12").StorageBytes(), 2u);
  EXPECT_EQ(N("123").StorageBytes(), 3u);
  EXPECT_EQ(N("1234").StorageBytes(), 3u);
  EXPECT_EQ(N(kThirtyEightDigits).StorageBytes(), 20u);
  EXPECT_EQ(N("100").StorageBytes(), 2u);
  EXPECT_EQ(N("1010").StorageBytes(), 3u);
  EXPECT_EQ(N("1.5").StorageBytes(), 3u);
  EXPECT_EQ(N("15").StorageBytes(), 2u);
  EXPECT_EQ(N("3.14159").StorageBytes(), 5u);
  EXPECT_EQ(N("123456").StorageBytes(), 4u);
  EXPECT_EQ(N("100.5").StorageBytes(), 4u);
  EXPECT_EQ(N("0.15").StorageBytes(), 2u);
  EXPECT_EQ(N("0.0000001").StorageBytes(), 2u);
  EXPECT_EQ(N("-42").StorageBytes(), 3u);
  EXPECT_EQ(N("1E125").StorageBytes(), 2u);
}

TEST(NumberTest, StorageBytesIgnoresHowTheValueWasSpelled) {
  EXPECT_EQ(N("1.50").StorageBytes(), N("1.5").StorageBytes());
  EXPECT_EQ(N("1e2").StorageBytes(), N("100").StorageBytes());
  EXPECT_EQ(N("0.000").StorageBytes(), 1u);
}

TEST(NumberTest, AddIsExact) {
  EXPECT_EQ(Sum("0.1", "0.2"), "0.3");
  EXPECT_EQ(N("0.3"), value::Number::Add(N("0.1"), N("0.2")).value());
  EXPECT_EQ(Sum("1", "1"), "2");
  EXPECT_EQ(Sum("99", "1"), "100");
  EXPECT_EQ(Sum("0.5", "0.5"), "1");
  EXPECT_EQ(Sum("999.999", "0.001"), "1000");
  EXPECT_EQ(Sum("1E100", "1E100"), "2" + Zeros(100));
  EXPECT_EQ(Sum("1E-130", "1E-130"), "0." + Zeros(129) + "2");
  EXPECT_EQ(Sum("1E20", "1E-17"), "1" + Zeros(20) + "." + Zeros(16) + "1");
}

TEST(NumberTest, AddWithZeroReturnsTheOtherOperand) {
  EXPECT_EQ(Sum("0", "-12.5"), "-12.5");
  EXPECT_EQ(Sum("12.5", "-0"), "12.5");
  EXPECT_EQ(Sum("0", "0"), "0");
}

TEST(NumberTest, AddHandlesSignChanges) {
  EXPECT_EQ(Sum("5", "-8"), "-3");
  EXPECT_EQ(Sum("-5", "8"), "3");
  EXPECT_EQ(Sum("-5", "-8"), "-13");
  EXPECT_EQ(Sum("1", "-0.001"), "0.999");
  EXPECT_EQ(Sum("-1", "0.001"), "-0.999");
  EXPECT_EQ(Sum("-0.001", "1"), "0.999");
}

TEST(NumberTest, AddResultsThatCancelToZeroAreCanonicalZero) {
  base::Result<value::Number> sum = value::Number::Add(N("1.5"), N("-1.5"));
  ASSERT_TRUE(sum.ok());
  EXPECT_TRUE(sum->is_zero());
  EXPECT_FALSE(sum->is_negative());
  EXPECT_EQ(sum->ToString(), "0");
  EXPECT_EQ(Sum("-1E125", "1E125"), "0");
  EXPECT_EQ(Difference(kThirtyEightDigits, kThirtyEightDigits), "0");
  EXPECT_EQ(Difference("-2.5", "-2.50"), "0");
}

TEST(NumberTest, AddRejectsResultsNeedingMoreThanThirtyEightDigits) {
  EXPECT_EQ(ErrorOf(value::Number::Add(N("1E38"), N("1"))), kTooManyDigits);
  EXPECT_EQ(ErrorOf(value::Number::Add(N("1E40"), N("1"))), kTooManyDigits);
  EXPECT_EQ(ErrorOf(value::Number::Add(N("1"), N("1E-38"))), kTooManyDigits);
  EXPECT_EQ(ErrorOf(value::Number::Add(N(std::string(38, '9')), N("0.1"))), kTooManyDigits);
  // Carrying can shrink the digit count back under the limit.
  EXPECT_EQ(Sum(std::string(38, '9'), "1"), "1" + Zeros(38));
  EXPECT_EQ(Difference("1E38", "1"), std::string(38, '9'));
}

TEST(NumberTest, AddReportsOverflowAndUnderflow) {
  EXPECT_EQ(ErrorOf(value::Number::Add(N("5E125"), N("5E125"))), kOverflow);
  EXPECT_EQ(ErrorOf(value::Number::Add(N(kLargest), N("1E88"))), kOverflow);
  EXPECT_EQ(ErrorOf(value::Number::Subtract(N("-5E125"), N("5E125"))), kOverflow);
  EXPECT_EQ(ErrorOf(value::Number::Subtract(N("2E-130"), N("1.5E-130"))), kUnderflow);
  EXPECT_EQ(ErrorOf(value::Number::Add(N("-2E-130"), N("1.5E-130"))), kUnderflow);
  // The digit limit is reported before the range, as in Parse.
  EXPECT_EQ(ErrorOf(value::Number::Add(N(kLargest), N("1E87"))), kTooManyDigits);
}

TEST(NumberTest, SubtractIsExact) {
  EXPECT_EQ(Difference("0.3", "0.1"), "0.2");
  EXPECT_EQ(Difference("10", "0.001"), "9.999");
  EXPECT_EQ(Difference("1", "2"), "-1");
  EXPECT_EQ(Difference("-1", "-3"), "2");
  EXPECT_EQ(Difference("-1", "3"), "-4");
  EXPECT_EQ(Difference("100", "99.99"), "0.01");
  EXPECT_EQ(Difference("0", "7"), "-7");
  EXPECT_EQ(Difference("7", "0"), "7");
  EXPECT_EQ(Difference("1.1E-129", "1E-129"), "0." + Zeros(129) + "1");
  EXPECT_EQ(Difference("1E125", "9.9999999999999999999999999999999999999E124"), "1" + Zeros(87));
}

TEST(NumberTest, NegatedFlipsTheSignAndKeepsZeroNonNegative) {
  EXPECT_EQ(N("3.5").Negated().ToString(), "-3.5");
  EXPECT_EQ(N("-3.5").Negated().ToString(), "3.5");
  EXPECT_FALSE(N("0").Negated().is_negative());
  EXPECT_EQ(N("0").Negated().ToString(), "0");
}

// The longest canonical texts, the smallest and the largest numbers with 38 digits, fill
// kMaxTextLength at most (Format writes into a buffer of that size).
TEST(NumberTest, TheLongestTextsFitTheFormatBuffer) {
  const std::string digits = "12345678901234567890123456789012345678";
  const std::string smallest = "-0." + std::string(129, '0') + digits;
  EXPECT_EQ(N("-" + digits + "E-167").ToString(), smallest);
  EXPECT_EQ(smallest.size(), value::Number::kMaxTextLength);
  const std::string largest = "-" + digits + std::string(126 - 38, '0');
  EXPECT_EQ(N("-" + digits + "E88").ToString(), largest);
  EXPECT_LE(largest.size(), value::Number::kMaxTextLength);
  char text[value::Number::kMaxTextLength];
  EXPECT_EQ(std::string_view(text, N("-0.5").Format(text)), "-0.5");
  EXPECT_EQ(std::string_view(text, N("0").Format(text)), "0");
  EXPECT_EQ(std::string_view(text, N("120").Format(text)), "120");
}

}  // namespace
}  // namespace ddbpg
