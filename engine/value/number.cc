// Number: parsing, canonical text, ordering, size accounting and exact addition for DynamoDB's
// decimal number type. See number.h for the representation (sign × 0.digits × 10^exponent).
#include "engine/value/number.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ddbpg::value {
namespace {

// DynamoDB's messages, word for word, because clients match on them.
// The service echoes the rejected text after the colon (an empty value leaves ": ").
constexpr char kNotANumberPrefix[] = "The parameter cannot be converted to a numeric value: ";
constexpr char kTooManyDigits[] = "Attempting to store more than 38 significant digits in a Number";
constexpr char kOverflow[] =
    "Number overflow. Attempting to store a number with magnitude larger than supported range";
constexpr char kUnderflow[] =
    "Number underflow. Attempting to store a number with magnitude smaller than supported range";

// Exponents written in the text are clamped here: far outside the valid range, so the outcome
// (overflow or underflow) is unchanged, yet far from int64 overflow even after the text length is
// added to it.
constexpr int64_t kExponentClamp = int64_t{1} << 50;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Returns the position just past the run of digits starting at pos.
size_t SkipDigits(std::string_view text, size_t pos) {
  while (pos < text.size() && IsDigit(text[pos])) ++pos;
  return pos;
}

int64_t ClampedExponentValue(std::string_view digits) {
  int64_t value = 0;
  for (char c : digits) {
    value = value * 10 + (c - '0');
    if (value > kExponentClamp) return kExponentClamp;
  }
  return value;
}

// The service reads the written exponent as a 64-bit integer: one past it cannot be converted at
// all, while one that fits but is outside the range overflows or underflows (captured from the
// service, eu-west-2, 2026).
bool FitsInt64(std::string_view digits, bool negative) {
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  constexpr std::string_view kMax = "9223372036854775807";
  constexpr std::string_view kMinMagnitude = "9223372036854775808";
  const std::string_view limit = negative ? kMinMagnitude : kMax;
  return digits.size() < limit.size() || (digits.size() == limit.size() && digits <= limit);
}

// The parts of syntactically valid number text, before any normalization.
struct Lexed {
  bool negative = false;
  std::string_view integer;   // digits before the '.', possibly empty
  std::string_view fraction;  // digits after the '.', possibly empty
  int64_t exponent = 0;       // the e/E part, clamped to ±kExponentClamp
  bool exponent_fits = true;  // whether the e/E part fits a 64-bit integer
};

// Parses the e/E suffix starting at pos (just past the 'e'); false if it has no digits.
bool LexExponent(std::string_view text, size_t& pos, int64_t& exponent, bool& fits) {
  bool negative = false;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    negative = text[pos] == '-';
    ++pos;
  }
  size_t end = SkipDigits(text, pos);
  if (end == pos) return false;
  exponent = ClampedExponentValue(text.substr(pos, end - pos));
  fits = FitsInt64(text.substr(pos, end - pos), negative);
  if (negative) exponent = -exponent;
  pos = end;
  return true;
}

// Splits text per [+-]digits[.digits][(e|E)[+-]digits]; false if it does not match exactly.
bool Lex(std::string_view text, Lexed& out) {
  size_t pos = 0;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    out.negative = text[pos] == '-';
    ++pos;
  }
  size_t end = SkipDigits(text, pos);
  out.integer = text.substr(pos, end - pos);
  pos = end;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    end = SkipDigits(text, pos);
    out.fraction = text.substr(pos, end - pos);
    pos = end;
  }
  if (out.integer.empty() && out.fraction.empty()) return false;
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    if (!LexExponent(text, pos, out.exponent, out.exponent_fits)) return false;
  }
  return pos == text.size();
}

// Zero is range-checked by the exponent it is written with, as a decimal whose one digit is 0
// (0e125 is stored as 0, 0e126 overflows, 0.0e126 does not; captured from the service, 2026).
base::Result<Number> CheckedZero(const Lexed& lexed) {
  const int64_t exponent = lexed.exponent - static_cast<int64_t>(lexed.fraction.size());
  if (exponent > Number::kMaxExponent - 1) return base::Status::Validation(kOverflow);
  if (exponent < Number::kMinExponent - 1) return base::Status::Validation(kUnderflow);
  return Number();
}

// Rounds toward negative infinity, so decimal places -1 and -2 share base-100 pair -1.
int64_t FloorHalf(int64_t x) { return x >= 0 ? x / 2 : -((-x + 1) / 2); }

// Digits of a magnitude laid out by decimal place: element i holds the digit worth
// 10^(lowest_place + i). Aligning both operands this way makes addition a plain carry loop.
using PlaceDigits = std::vector<int>;

PlaceDigits LayOut(const std::string& digits, int exponent, int lowest_place, size_t width) {
  PlaceDigits out(width, 0);
  for (size_t i = 0; i < digits.size(); ++i) {
    int place = exponent - 1 - static_cast<int>(i);
    out[static_cast<size_t>(place - lowest_place)] = digits[i] - '0';
  }
  return out;
}

void AddInto(PlaceDigits& sum, const PlaceDigits& addend) {
  int carry = 0;
  for (size_t i = 0; i < sum.size(); ++i) {
    int d = sum[i] + addend[i] + carry;
    sum[i] = d % 10;
    carry = d / 10;
  }
}

// Requires minuend >= subtrahend, so no borrow is left over.
void SubtractFrom(PlaceDigits& minuend, const PlaceDigits& subtrahend) {
  int borrow = 0;
  for (size_t i = 0; i < minuend.size(); ++i) {
    int d = minuend[i] - subtrahend[i] - borrow;
    borrow = d < 0 ? 1 : 0;
    minuend[i] = d + borrow * 10;
  }
}

}  // namespace

base::Result<Number> Number::Validated(bool negative, std::string digits, int64_t exponent) {
  // DynamoDB reports the range before the digit count (measured against the live service,
  // 2026), so check in that order.
  if (digits.empty()) return Number();
  if (exponent > kMaxExponent) return base::Status::Validation(kOverflow);
  if (exponent < kMinExponent) return base::Status::Validation(kUnderflow);
  if (digits.size() > static_cast<size_t>(kMaxSignificantDigits)) {
    return base::Status::Validation(kTooManyDigits);
  }
  return Number(negative, std::move(digits), static_cast<int>(exponent));
}

base::Result<Number> Number::Parse(std::string_view text) {
  Lexed lexed;
  if (!Lex(text, lexed) || !lexed.exponent_fits) {
    return base::Status::Validation(kNotANumberPrefix + std::string(text));
  }

  // Treat integer and fraction as one digit run with the point after integer.size(); the run is
  // only walked, never copied, so long zero padding costs linear time and no memory.
  const size_t total = lexed.integer.size() + lexed.fraction.size();
  auto digit_at = [&lexed](size_t i) {
    return i < lexed.integer.size() ? lexed.integer[i] : lexed.fraction[i - lexed.integer.size()];
  };
  size_t first = 0;
  while (first < total && digit_at(first) == '0') ++first;
  if (first == total) return CheckedZero(lexed);
  size_t last = total - 1;
  while (digit_at(last) == '0') --last;

  // The first significant digit sits (integer.size() - first) places left of the point, which
  // is exactly the exponent of the 0.d1d2... form before the written exponent is applied.
  int64_t exponent =
      static_cast<int64_t>(lexed.integer.size()) - static_cast<int64_t>(first) + lexed.exponent;
  if (exponent > kMaxExponent) return base::Status::Validation(kOverflow);
  if (exponent < kMinExponent) return base::Status::Validation(kUnderflow);
  if (last - first + 1 > static_cast<size_t>(kMaxSignificantDigits)) {
    return base::Status::Validation(kTooManyDigits);
  }
  std::string digits;
  digits.reserve(last - first + 1);
  for (size_t i = first; i <= last; ++i) digits.push_back(digit_at(i));
  return Validated(lexed.negative, std::move(digits), exponent);
}

base::Result<Number> Number::ParseAsOlderLayer(std::string_view text) {
  if (text.empty()) {
    return base::Status::Validation("The parameter cannot be converted to a numeric value");
  }
  // BigDecimal's exponent and scale (fraction digits less the exponent) are 32-bit integers: a
  // number whose either does not fit cannot be converted (1e2147483648, 1e-2147483648).
  Lexed written;
  if (Lex(text, written)) {
    const int64_t scale = static_cast<int64_t>(written.fraction.size()) - written.exponent;
    if (written.exponent > INT32_MAX || written.exponent < INT32_MIN || scale > INT32_MAX ||
        scale < INT32_MIN) {
      return base::Status::Validation(kNotANumberPrefix + std::string(text));
    }
  }
  base::Result<Number> number = Parse(text);
  if (number.ok() || number.status().message() != kOverflow) return number;
  // Out of range: the exponent of the 0.d form, as the older layer computes it in 32 bits,
  // wraps past the largest.
  size_t first = 0;
  const std::string_view integer = written.integer;
  while (first < integer.size() && integer[first] == '0') ++first;
  const int64_t exponent = static_cast<int64_t>(integer.size() - first) + written.exponent;
  if (exponent > INT32_MAX) return base::Status::Validation(kUnderflow);
  return number;
}

Number Number::Negated() const {
  if (is_zero()) return Number();
  return Number(!negative_, digits_, exponent_);
}

std::string Number::ToString() const {
  char text[kMaxTextLength];
  return std::string(text, Format(text));
}

size_t Number::Format(char* out) const {
  if (is_zero()) {
    *out = '0';
    return 1;
  }
  char* at = out;
  if (negative_) *at++ = '-';
  const size_t n = digits_.size();
  if (exponent_ <= 0) {
    *at++ = '0';
    *at++ = '.';
    at = std::fill_n(at, -exponent_, '0');
    at = std::copy_n(digits_.data(), n, at);
  } else if (static_cast<size_t>(exponent_) < n) {
    at = std::copy_n(digits_.data(), exponent_, at);
    *at++ = '.';
    at = std::copy_n(digits_.data() + exponent_, n - static_cast<size_t>(exponent_), at);
  } else {
    at = std::copy_n(digits_.data(), n, at);
    at = std::fill_n(at, static_cast<size_t>(exponent_) - n, '0');
  }
  return static_cast<size_t>(at - out);
}

int Number::CompareMagnitude(const Number& other) const {
  if (is_zero() || other.is_zero()) {
    return static_cast<int>(!is_zero()) - static_cast<int>(!other.is_zero());
  }
  // Both leading digits are non-zero, so a larger exponent always means a larger magnitude.
  if (exponent_ != other.exponent_) return exponent_ < other.exponent_ ? -1 : 1;
  // Same exponent: digit strings compare like the fractions 0.d1d2... they stand for.
  int c = digits_.compare(other.digits_);
  return (c > 0) - (c < 0);
}

int Number::Compare(const Number& other) const {
  if (negative_ != other.negative_) return negative_ ? -1 : 1;
  int magnitude = CompareMagnitude(other);
  return negative_ ? -magnitude : magnitude;
}

// DynamoDB sizes a number as if it stored base-100 digits aligned on the decimal point: the
// significant digits are grouped into pairs of decimal places {0,1}, {2,3}, ... and {-1,-2},
// {-3,-4}, ...; every pair from the highest non-zero one to the lowest non-zero one costs a byte,
// plus one header byte, plus one byte if negative. The exponent itself is free. Zero costs 1.
// Measured examples this reproduces:
//   0 -> 1        -0 -> 1        1 -> 2 (01)          12 -> 2 (12)        123 -> 3 (01 23)
//   1234 -> 3 (12 34)            100 -> 2 (01, the 00 pair is trailing)   1010 -> 3 (10 10)
//   1.5 -> 3 (01 . 50)           15 -> 2              3.14159 -> 5 (03 . 14 15 90)
//   123456 -> 4 (12 34 56)       100.5 -> 4 (01 00 . 50)                  0.15 -> 2 (.15)
//   0.0000001 -> 2 (.00 00 00 10, only the last pair counts)              -42 -> 3 (42 + sign)
//   1E125 -> 2 (01 then trailing 00 pairs)   a 38-digit integer -> 20 (19 pairs + header)
size_t Number::StorageBytes() const {
  if (is_zero()) return 1;
  const int64_t highest_place = exponent_ - 1;
  const int64_t lowest_place = exponent_ - static_cast<int64_t>(digits_.size());
  const int64_t pairs = FloorHalf(highest_place) - FloorHalf(lowest_place) + 1;
  return 1 + static_cast<size_t>(pairs) + (negative_ ? 1 : 0);
}

base::Result<Number> Number::Add(const Number& a, const Number& b) {
  if (a.is_zero()) return b;
  if (b.is_zero()) return a;

  // Both operands are in range, so the aligned width stays a few hundred places at most. One
  // spare place above both leading digits absorbs the final carry.
  const int lowest_place = std::min(a.exponent_ - static_cast<int>(a.digits_.size()),
                                    b.exponent_ - static_cast<int>(b.digits_.size()));
  const int top_place = std::max(a.exponent_, b.exponent_);
  const size_t width = static_cast<size_t>(top_place - lowest_place + 1);
  PlaceDigits x = LayOut(a.digits_, a.exponent_, lowest_place, width);
  PlaceDigits y = LayOut(b.digits_, b.exponent_, lowest_place, width);

  bool negative = a.negative_;
  if (a.negative_ == b.negative_) {
    AddInto(x, y);
  } else {
    // Opposite signs: subtract the smaller magnitude from the larger, which keeps its sign.
    int magnitude = a.CompareMagnitude(b);
    if (magnitude == 0) return Number();
    if (magnitude < 0) {
      std::swap(x, y);
      negative = b.negative_;
    }
    SubtractFrom(x, y);
  }

  size_t high = width;
  while (high > 0 && x[high - 1] == 0) --high;
  size_t low = 0;
  while (x[low] == 0) ++low;  // the result is non-zero, so this stops before high
  std::string digits;
  digits.reserve(high - low);
  for (size_t i = high; i > low; --i) digits.push_back(static_cast<char>('0' + x[i - 1]));
  const int64_t exponent = static_cast<int64_t>(lowest_place) + static_cast<int64_t>(high);
  return Validated(negative, std::move(digits), exponent);
}

base::Result<Number> Number::Subtract(const Number& a, const Number& b) {
  return Add(a, b.Negated());
}

}  // namespace ddbpg::value
