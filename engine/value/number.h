// Number: DynamoDB's exact decimal number type (the "N" attribute type).
//
// DynamoDB stores numbers as decimals with up to 38 significant digits and a magnitude between
// 1E-130 and 9.9999999999999999999999999999999999999E+125. Floating point cannot represent that
// range or compare such values exactly, so the engine keeps the decimal digits themselves. This
// type owns parsing (with DynamoDB's exact error messages), the canonical text the service sends
// back, exact ordering for key conditions and sort keys, the item-size rule, and the exact
// addition that UpdateExpression SET a = a + :v and ADD need.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "engine/base/status.h"

namespace ddbpg::value {

// A finite, validated DynamoDB number. Every instance satisfies the service limits, because the
// only ways to make a non-zero Number (Parse, Add, Subtract, Negated) check them.
//
// Representation: value = sign × 0.d1 d2 ... dn × 10^exponent, where digits() is "d1...dn" with
// d1 != '0' and dn != '0'. Zero has empty digits, exponent 0 and is never negative, so "-0" and
// "0.000" are the same value with one representation. Examples: 1 = 0.1E1 ("1", 1);
// 123.45 = ("12345", 3); 0.005 = ("5", -2); 1E125 = ("1", 126); 1E-130 = ("1", -129).
// With this form the limits are simple: n <= 38 and -129 <= exponent <= 126.
class Number {
 public:
  static constexpr int kMaxSignificantDigits = 38;
  static constexpr int kMaxExponent = 126;   // 0.99...9E126 == 9.99...9E125
  static constexpr int kMinExponent = -129;  // 0.1E-129 == 1E-130

  // Zero.
  Number() = default;

  // Accepts what DynamoDB accepts: [+-]digits[.digits][(e|E)[+-]digits], where either side of
  // the '.' may be empty but not both (".5", "5."). No whitespace, hex, Infinity or NaN. Returns
  // Status::Validation with DynamoDB's message when the text is not a number, has more than 38
  // significant digits, or is out of range (checked in that order). Linear in the text length.
  static base::Result<Number> Parse(std::string_view text);
  // As the service's older layer reads a number (BatchWriteItem, Scan, PartiQL's parameters;
  // value::ValueLayer): like Java's BigDecimal, whose exponent and scale are 32-bit integers (a
  // number past them cannot be converted, and 1e2147483647 wraps to an underflow), and an empty
  // text is not echoed after a colon.
  static base::Result<Number> ParseAsOlderLayer(std::string_view text);

  // Exact a + b and a - b, validated like Parse: a result needing more than 38 significant digits
  // fails with the 38-digit message rather than being rounded, as DynamoDB does.
  static base::Result<Number> Add(const Number& a, const Number& b);
  static base::Result<Number> Subtract(const Number& a, const Number& b);

  // The same magnitude with the opposite sign; zero stays zero. Always within limits.
  Number Negated() const;

  // Canonical text as DynamoDB returns it: plain decimal, never an exponent, no '+', no leading
  // zeros except the single "0" in "0.5", no trailing fractional zeros, and "0" for zero.
  std::string ToString() const;

  // Room for any number's canonical text: a sign, "0.", the zeros of the smallest exponent and
  // 38 digits (a large number, at most 38 digits and zeros up to 126 places, is shorter).
  static constexpr size_t kMaxTextLength = 1 + 2 + (-kMinExponent) + kMaxSignificantDigits;
  // Writes ToString()'s text into `out`, which has room for kMaxTextLength bytes, without
  // allocating (a Query's answer writes a number per item); returns its length.
  size_t Format(char* out) const;

  // -1, 0 or 1 as *this is numerically less than, equal to or greater than other.
  int Compare(const Number& other) const;

  // Bytes this number counts toward DynamoDB's item size. See number.cc for the rule.
  size_t StorageBytes() const;

  bool is_zero() const { return digits_.empty(); }
  bool is_negative() const { return negative_; }
  const std::string& digits() const { return digits_; }
  int exponent() const { return exponent_; }

  friend bool operator==(const Number& a, const Number& b) { return a.Compare(b) == 0; }
  friend std::strong_ordering operator<=>(const Number& a, const Number& b) {
    return a.Compare(b) <=> 0;
  }

 private:
  Number(bool negative, std::string digits, int exponent)
      : negative_(negative), digits_(std::move(digits)), exponent_(exponent) {}

  // Builds a Number from already-trimmed digits, enforcing the digit and range limits.
  static base::Result<Number> Validated(bool negative, std::string digits, int64_t exponent);

  // Magnitude-only comparison; signs are ignored.
  int CompareMagnitude(const Number& other) const;

  bool negative_ = false;
  std::string digits_;
  int exponent_ = 0;
};

}  // namespace ddbpg::value
