// How the model-based tests talk to the engine. The models compare contents, not capacity, so
// requests are spaced one second apart on a manual clock, which keeps each inside the partitions'
// per-second limits (400 WCU for the biggest item, 128 RCU for a 1 MB page); a throttled request,
// which changed nothing, is retried a minute later and counted, and a run expects no retries.
#pragma once

#include <string>

#include "engine/base/clock.h"
#include "engine/engine.h"

namespace ddbpg::testing::model {

class SpacedSender {
 public:
  SpacedSender() : engine_(clock_) {}

  // Sends `body` to DynamoDB_20120810.<operation>; the answer after at most ten retries.
  Response Send(const std::string& operation, const std::string& body) {
    for (int attempt = 0;; ++attempt) {
      clock_.Advance(1);
      Response response = engine_.Handle("DynamoDB_20120810." + operation, body);
      const bool throttled =
          response.status != 200 &&
          (response.body.find("ProvisionedThroughputExceeded") != std::string::npos ||
           response.body.find("ThrottlingException") != std::string::npos ||
           response.body.find("ThrottlingError") != std::string::npos);  // a transaction's
      if (!throttled || attempt == 10) return response;
      ++throttle_retries_;
      clock_.Advance(60);
    }
  }

  size_t throttle_retries() const { return throttle_retries_; }

 private:
  base::ManualClock clock_;
  Engine engine_;
  size_t throttle_retries_ = 0;
};

}  // namespace ddbpg::testing::model
