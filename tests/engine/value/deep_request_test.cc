// The older reading's state (value/deep_request.h): a deferred fault stops the first table
// lookup, a lookup before any deferral makes later deep values refused where read, and the
// state ends with its scope or, for a request ended by an exception in wasm (no cleanups), with
// EndDeepRequest().
#include "engine/value/deep_request.h"

#include <gtest/gtest.h>

#include <new>

namespace ddbpg::value {
namespace {

TEST(DeepRequestTest, OutsideADeepRequestNothingIsDeferredOrStopped) {
  EXPECT_FALSE(InDeepRequest());
  EXPECT_FALSE(DeferNestingFault());
  EXPECT_FALSE(StopAtTableLookup());
}

TEST(DeepRequestTest, ADeferredFaultStopsTheFirstLookup) {
  DeepRequest deep;
  EXPECT_TRUE(InDeepRequest());
  EXPECT_TRUE(DeferNestingFault());
  EXPECT_TRUE(deep.fault_deferred());
  EXPECT_FALSE(deep.stopped());
  EXPECT_TRUE(StopAtTableLookup());
  EXPECT_TRUE(deep.stopped());
}

TEST(DeepRequestTest, AfterALookupDeepValuesAreRefusedWhereRead) {
  DeepRequest deep;
  EXPECT_FALSE(StopAtTableLookup());
  EXPECT_FALSE(DeferNestingFault());
  EXPECT_FALSE(deep.fault_deferred());
  EXPECT_FALSE(StopAtTableLookup());
}

TEST(DeepRequestTest, EndingTheRequestClearsAScopeWhoseCleanupWasSkipped) {
  // A scope whose destructor never runs, as when an exception passes frames compiled without
  // cleanups.
  alignas(DeepRequest) unsigned char storage[sizeof(DeepRequest)];
  new (storage) DeepRequest();
  EXPECT_TRUE(DeferNestingFault());
  EndDeepRequest();
  EXPECT_FALSE(InDeepRequest());
  EXPECT_FALSE(StopAtTableLookup());
  EXPECT_FALSE(DeferNestingFault());
  // A new request starts afresh.
  DeepRequest next;
  EXPECT_FALSE(next.fault_deferred());
  EXPECT_FALSE(next.stopped());
}

}  // namespace
}  // namespace ddbpg::value
