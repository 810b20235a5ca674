#include "engine/value/deep_request.h"

namespace ddbpg::value {
namespace {

// The request being served on this thread, if it is deep; engines on other threads (the native
// tests run several) each see their own.
thread_local DeepRequest* current = nullptr;

}  // namespace

DeepRequest::DeepRequest() : outer_(current) { current = this; }

DeepRequest::~DeepRequest() { current = outer_; }

bool InDeepRequest() { return current != nullptr; }

bool DeferNestingFault() {
  if (current == nullptr || current->table_reached_) return false;
  current->fault_pending_ = true;
  return true;
}

bool StopAtTableLookup() {
  if (current == nullptr) return false;
  if (current->fault_pending_) {
    current->stopped_ = true;
    return true;
  }
  current->table_reached_ = true;
  return false;
}

}  // namespace ddbpg::value
