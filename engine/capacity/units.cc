#include "engine/capacity/units.h"

#include "engine/base/limits.h"

namespace ddbpg::capacity {
namespace {

size_t UnitsOf(size_t bytes, size_t unit_bytes) {
  size_t units = (bytes + unit_bytes - 1) / unit_bytes;
  return units == 0 ? 1 : units;
}

}  // namespace

double ReadUnits(size_t bytes, bool strongly_consistent) {
  double units = static_cast<double>(UnitsOf(bytes, base::limits::kReadUnitBytes));
  return strongly_consistent ? units : units / 2;
}

double WriteUnits(size_t bytes) {
  return static_cast<double>(UnitsOf(bytes, base::limits::kWriteUnitBytes));
}

}  // namespace ddbpg::capacity
