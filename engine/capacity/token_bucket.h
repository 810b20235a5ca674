// TokenBucket: provisioned capacity with DynamoDB's burst.
//
// Tokens accrue at the provisioned rate per second of the engine's clock, up to 300 seconds'
// worth: DynamoDB "retains up to five minutes (300 seconds) of unused read and write capacity"
// for bursts (Developer Guide, "Burst capacity"). A new bucket starts full, so a fresh table
// can burst at once, as DynamoDB's usually can.
#pragma once

#include <algorithm>

namespace ddbpg::persist {
class StateCodec;  // saves and loads the private state of the classes below
}  // namespace ddbpg::persist

namespace ddbpg::capacity {

class TokenBucket {
 public:
  static constexpr double kBurstSeconds = 300;

  TokenBucket() = default;
  TokenBucket(double units_per_second, double now)
      : rate_(units_per_second), tokens_(units_per_second * kBurstSeconds), last_(now) {}

  // Changes the rate (UpdateTable), keeping the tokens already saved up to the new ceiling.
  void SetRate(double units_per_second, double now) {
    Refill(now);
    rate_ = units_per_second;
    tokens_ = std::min(tokens_, capacity());
  }

  double rate() const { return rate_; }
  double capacity() const { return rate_ * kBurstSeconds; }
  double Available(double now) {
    Refill(now);
    return tokens_;
  }
  void Consume(double units, double now) {
    Refill(now);
    tokens_ -= units;
  }

 private:
  friend class persist::StateCodec;
  void Refill(double now) {
    if (now > last_) tokens_ = std::min(capacity(), tokens_ + (now - last_) * rate_);
    last_ = std::max(last_, now);
  }

  double rate_ = 0;
  double tokens_ = 0;
  double last_ = 0;
};

}  // namespace ddbpg::capacity
