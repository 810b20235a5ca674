#include "engine/ttl/ttl_sweeper.h"

#include <cmath>
#include <cstdlib>
#include <vector>

namespace ddbpg::ttl {
namespace {

// "no more than five years in the past": 5 x 365 days, plus a day for the leap years.
constexpr double kFiveYearsSeconds = (5 * 365 + 1) * 24 * 3600.0;

}  // namespace

std::optional<double> TtlExpiry(const value::Item& item, const std::string& attribute) {
  auto it = item.find(attribute);
  if (it == item.end() || it->second.type() != value::AttributeType::kN) return std::nullopt;
  double seconds = std::strtod(it->second.AsNumber().ToString().c_str(), nullptr);
  if (!std::isfinite(seconds)) return std::nullopt;
  return seconds;
}

size_t SweepExpiredItems(store::Table& table, double now, double deletion_delay_seconds,
                         const std::function<void(const value::Item&)>& on_delete) {
  const std::optional<std::string>& attribute = table.definition().ttl_attribute;
  if (!attribute) return 0;
  std::vector<value::PrimaryKey> expired;
  for (const auto& [key, item] : table.items()) {
    std::optional<double> expiry = TtlExpiry(item, *attribute);
    if (!expiry || *expiry >= now || *expiry < now - kFiveYearsSeconds) continue;
    if (*expiry + deletion_delay_seconds > now) continue;
    expired.push_back(key);
  }
  for (const value::PrimaryKey& key : expired) {
    std::optional<value::Item> removed = table.Delete(key, store::Table::ChangeOrigin::kTimeToLive);
    if (removed && on_delete) on_delete(*removed);
  }
  return expired.size();
}

}  // namespace ddbpg::ttl
