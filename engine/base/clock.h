// Clock: the only way the engine learns the time.
//
// The engine never reads the wall clock (DESIGN.md, "Time is injected"): the page and the HTTP
// server hand it a real clock, tests and simulations a ManualClock that moves only when told.
#pragma once

namespace ddbpg::base {

class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds since the Unix epoch, with a fractional part.
  virtual double NowSeconds() const = 0;
};

// A clock that stands still until Advance() or Set() moves it.
class ManualClock : public Clock {
 public:
  explicit ManualClock(double now_seconds = 1767225600.0 /* 2026-01-01T00:00:00Z */)
      : now_(now_seconds) {}
  double NowSeconds() const override { return now_; }
  void Set(double now_seconds) { now_ = now_seconds; }
  void Advance(double seconds) { now_ += seconds; }

 private:
  double now_;
};

}  // namespace ddbpg::base
