// Calendar arithmetic on the engine's clock, in UTC: the day boundaries DynamoDB counts
// throughput decreases by, and the long date format its messages print.
#pragma once

#include <cstdint>
#include <string>

namespace ddbpg::base {

// Days since 1970-01-01 of the UTC day containing `epoch_seconds`.
int64_t UtcDay(double epoch_seconds);

// "Monday, February 13, 2023 at 10:25:39 AM Coordinated Universal Time": Java's FULL date and
// time style in en_US, as DynamoDB's messages print instants.
std::string FormatUtcLong(double epoch_seconds);

// "2026-10-08T23:07:31.275": a stream label (LatestStreamLabel), UTC with milliseconds.
std::string FormatUtcIsoMillis(double epoch_seconds);

}  // namespace ddbpg::base
