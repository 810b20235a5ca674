#include "engine/value/deep_request.h"

namespace ddbpg::value {
namespace {

// The request being served on this thread, if it is deep; engines on other threads (the native
// tests run several) each see their own.
struct DeepReading {
  bool open = false;
  bool fault_pending = false;  // a value nested too deeply was read on
  bool table_reached = false;  // a table was found: deep values are refused where read from now
  bool stopped = false;        // a lookup found nothing because a fault was pending
};
thread_local DeepReading reading;

}  // namespace

DeepRequest::DeepRequest() { reading = DeepReading{.open = true}; }

DeepRequest::~DeepRequest() { EndDeepRequest(); }

bool DeepRequest::fault_deferred() const { return reading.fault_pending; }

bool DeepRequest::stopped() const { return reading.stopped; }

void EndDeepRequest() { reading = DeepReading{}; }

bool InDeepRequest() { return reading.open; }

bool DeferNestingFault() {
  if (!reading.open || reading.table_reached) return false;
  reading.fault_pending = true;
  return true;
}

bool StopAtTableLookup() {
  if (!reading.open) return false;
  if (reading.fault_pending) {
    reading.stopped = true;
    return true;
  }
  reading.table_reached = true;
  return false;
}

}  // namespace ddbpg::value
