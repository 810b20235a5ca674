// A request nested past the point where the service reads it with its older reader (2026
// captures, paritysuite validation-ordering/deepRequests): an attribute value nested past the
// 32-level document limit is then not refused where it is read, but after every other check the
// request makes, as the request reaches its first table. Until then the other faults (an unknown
// enum in its per-value form, an empty attribute name, an expression's syntax or size, an unused
// value, an earlier transaction action's fault) are reported first.
//
// The dispatcher opens a DeepRequest around such a request's handler. The value decoder asks
// DeferNestingFault() before refusing a value; a table lookup asks StopAtTableLookup(), so that
// no request with a deferred fault touches a table. Once a lookup has passed, a later deep value
// is refused where it is read, so nothing nested too deeply is ever stored.
#pragma once

namespace ddbpg::value {

// A request whose JSON nests deeper than this is read the older way (62 single-key maps around
// an attribute value's leaf are read the newer way, 63 the older: about 128 JSON levels).
inline constexpr int kOlderReadingJsonDepth = 128;

// Opens the older reading for this thread's request; closing it ends it. The state is kept by
// value, not in this object: in wasm the engine is compiled without cleanups (-fignore-exceptions),
// so a request that ends in an exception skips this destructor, and the dispatcher then calls
// EndDeepRequest() after its fault barrier.
class DeepRequest {
 public:
  DeepRequest();
  ~DeepRequest();
  DeepRequest(const DeepRequest&) = delete;
  DeepRequest& operator=(const DeepRequest&) = delete;

  // Whether a value nested too deeply was deferred, and whether the request then stopped at a
  // table lookup: the answer is the nesting fault if it stopped, or if it would succeed.
  bool fault_deferred() const;
  bool stopped() const;
};

// Ends any deep request open on this thread.
void EndDeepRequest();

// Whether a DeepRequest is open on this thread (some checks answer in their older form there).
bool InDeepRequest();

// Called by the decoder for a value nested too deeply: true when the fault is deferred (noted,
// and the value read on), false when it is to be refused now.
bool DeferNestingFault();

// Called by every lookup of a table for an item's read or write: true when a deferred nesting
// fault is pending, and the lookup is to find nothing (the request stops there).
bool StopAtTableLookup();

}  // namespace ddbpg::value
