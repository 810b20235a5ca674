#include "engine/base/fault_barrier.h"

#include <exception>
#include <string>

namespace ddbpg::base {

Status RunBehindFaultBarrier(void (*run)(void* context), void* context) {
  try {
    run(context);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("internal error: ") + e.what());
  }
  return Status::OK();
}

}  // namespace ddbpg::base
