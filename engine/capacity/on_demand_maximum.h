// OnDemandMaximum: OnDemandThroughput's MaxReadRequestUnits and MaxWriteRequestUnits, the most
// request units a second an on-demand table or global index may use. -1 is "no maximum", as the
// service writes it in DescribeTable and as UpdateTable takes it to remove one.
#pragma once

namespace ddbpg::capacity {

struct OnDemandMaximum {
  static constexpr long long kNone = -1;
  long long read_request_units = kNone;
  long long write_request_units = kNone;

  bool operator==(const OnDemandMaximum& other) const {
    return read_request_units == other.read_request_units &&
           write_request_units == other.write_request_units;
  }
};

}  // namespace ddbpg::capacity
