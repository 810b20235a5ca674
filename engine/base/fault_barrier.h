// The one place an exception out of a request is caught (Engine::Serve): handlers report every
// expected failure as a Status, so an exception is our bug or memory exhaustion, and it must
// still not cross into JavaScript. In wasm the rest of the engine is compiled without cleanups
// for exceptions (engine/CMakeLists.txt); this file keeps them, so the catch is here alone.
#pragma once

#include "engine/base/status.h"

namespace ddbpg::base {

// Calls run(context): OK when it returns, and an internal error naming the exception when one
// comes out of it.
Status RunBehindFaultBarrier(void (*run)(void* context), void* context);

}  // namespace ddbpg::base
