// PlaygroundClock: the engine's own clock, real or virtual.
//
// In REAL mode it reads the host's clock (the page's or the server's). In VIRTUAL mode it
// stands still until Playground.AdvanceClock moves it, so a simulation or a test can replay
// minutes of token-bucket refills, TTL expiry or stream retention in no time. Time never moves
// backwards: switching modes continues from the latest time the engine has seen.
#pragma once

#include <algorithm>

#include "engine/base/clock.h"

namespace ddbpg::persist {
class StateCodec;  // saves and loads the private state of the classes below
}  // namespace ddbpg::persist

namespace ddbpg::base {

class PlaygroundClock : public Clock {
 public:
  explicit PlaygroundClock(const Clock& host) : host_(host) {}

  double NowSeconds() const override {
    return is_virtual_ ? virtual_now_ : std::max(host_.NowSeconds(), real_floor_);
  }
  bool is_virtual() const { return is_virtual_; }

  void UseRealTime() {
    // If the virtual clock ran ahead of real time, real time resumes from there.
    real_floor_ = std::max(real_floor_, NowSeconds());
    is_virtual_ = false;
  }
  void UseVirtualTime(double now) {
    virtual_now_ = now;
    is_virtual_ = true;
  }
  void Advance(double seconds) { virtual_now_ += seconds; }
  // Real time again, as a new clock: nothing that remembered the old times is left
  // (Playground.Reset), so the floor a virtual clock left behind goes too.
  void Reset() {
    is_virtual_ = false;
    virtual_now_ = 0;
    real_floor_ = 0;
  }

 private:
  friend class persist::StateCodec;
  const Clock& host_;
  bool is_virtual_ = false;
  double virtual_now_ = 0;
  double real_floor_ = 0;
};

}  // namespace ddbpg::base
