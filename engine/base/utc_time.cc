#include "engine/base/utc_time.h"

#include <cmath>
#include <cstdio>

namespace ddbpg::base {
namespace {

struct CivilDate {
  int64_t year;
  unsigned month;  // 1..12
  unsigned day;    // 1..31
};

// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

constexpr const char* kWeekdays[] = {"Thursday", "Friday",   "Saturday", "Sunday",
                                     "Monday",   "Tuesday", "Wednesday"};  // 1970-01-01: Thursday
constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",
                                   "June",    "July",     "August",    "September", "October",
                                   "November", "December"};

}  // namespace

int64_t UtcDay(double epoch_seconds) {
  return static_cast<int64_t>(std::floor(epoch_seconds / 86400.0));
}

std::string FormatUtcLong(double epoch_seconds) {
  const int64_t seconds = static_cast<int64_t>(std::floor(epoch_seconds));
  const int64_t day = UtcDay(epoch_seconds);
  const int64_t in_day = seconds - day * 86400;
  const CivilDate date = CivilFromDays(day);
  const int hour = static_cast<int>(in_day / 3600);
  const int minute = static_cast<int>(in_day / 60 % 60);
  const int second = static_cast<int>(in_day % 60);
  const int hour12 = hour % 12 == 0 ? 12 : hour % 12;
  char buffer[160];
  std::snprintf(buffer, sizeof(buffer), "%s, %s %u, %lld at %d:%02d:%02d %s Coordinated Universal Time",
                kWeekdays[((day % 7) + 7) % 7], kMonths[date.month - 1], date.day,
                static_cast<long long>(date.year), hour12, minute, second, hour < 12 ? "AM" : "PM");
  return buffer;
}

std::string FormatUtcIsoMillis(double epoch_seconds) {
  const int64_t millis = static_cast<int64_t>(std::floor(epoch_seconds * 1000 + 0.5));
  const int64_t day = static_cast<int64_t>(std::floor(millis / 86400000.0));
  const int64_t in_day = millis - day * 86400000;
  const CivilDate date = CivilFromDays(day);
  char buffer[40];
  std::snprintf(buffer, sizeof(buffer), "%04lld-%02u-%02uT%02d:%02d:%02d.%03d",
                static_cast<long long>(date.year), date.month, date.day,
                static_cast<int>(in_day / 3600000), static_cast<int>(in_day / 60000 % 60),
                static_cast<int>(in_day / 1000 % 60), static_cast<int>(in_day % 1000));
  return buffer;
}

}  // namespace ddbpg::base
