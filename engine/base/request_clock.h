// RequestClock: the host's clock, held still while the engine serves one request.
//
// A request sees one time however often it reads the clock, and that time is what the journal
// records (engine/persist/): replaying the request later holds the clock at the same time, so
// it has the same effect.
#pragma once

#include "engine/base/clock.h"

namespace ddbpg::base {

class RequestClock : public Clock {
 public:
  explicit RequestClock(const Clock& host) : host_(host) {}

  double NowSeconds() const override { return held_ ? held_at_ : host_.NowSeconds(); }

  // Holds the clock at `seconds` until Release().
  void HoldAt(double seconds) {
    held_at_ = seconds;
    held_ = true;
  }
  void Release() { held_ = false; }
  // The host's time, held or not.
  double HostNow() const { return host_.NowSeconds(); }
  const Clock& host() const { return host_; }

 private:
  const Clock& host_;
  bool held_ = false;
  double held_at_ = 0;
};

}  // namespace ddbpg::base
