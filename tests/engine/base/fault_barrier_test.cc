#include "engine/base/fault_barrier.h"

#include <gtest/gtest.h>

#include <new>
#include <stdexcept>
#include <vector>

namespace ddbpg {
namespace {

TEST(FaultBarrierTest, ARunThatReturnsIsOkAndHasDoneItsWork) {
  int calls = 0;
  base::Status status = base::RunBehindFaultBarrier(
      [](void* context) { ++*static_cast<int*>(context); }, &calls);
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(calls, 1);
}

TEST(FaultBarrierTest, AnExceptionBecomesAnInternalErrorNamingIt) {
  base::Status status = base::RunBehindFaultBarrier(
      [](void*) { throw std::logic_error("a broken invariant"); }, nullptr);
  EXPECT_EQ(status.type(), base::ErrorType::kInternalServerError);
  EXPECT_EQ(status.message(), "internal error: a broken invariant");
}

// The C++ library's own faults (an index out of range, memory exhaustion) arrive the same way.
TEST(FaultBarrierTest, TheLibrarysExceptionsAreCaughtToo) {
  base::Status out_of_range = base::RunBehindFaultBarrier(
      [](void*) { static_cast<void>(std::vector<int>{}.at(3)); }, nullptr);
  EXPECT_EQ(out_of_range.type(), base::ErrorType::kInternalServerError);
  base::Status exhausted =
      base::RunBehindFaultBarrier([](void*) { throw std::bad_alloc(); }, nullptr);
  EXPECT_EQ(exhausted.type(), base::ErrorType::kInternalServerError);
  EXPECT_EQ(base::RunBehindFaultBarrier([](void*) {}, nullptr).type(), base::ErrorType::kNone);
}

}  // namespace
}  // namespace ddbpg
