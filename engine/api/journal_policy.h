// Which requests the journal records (engine/persist/journal_format.h).
#pragma once

#include <string_view>

namespace ddbpg::api {

// True for the operations that never change state: reads, describes and lists. Every other
// successful request is journaled, so an operation added later is recorded until it is listed
// here; recording a read costs only space, missing a write would lose data.
bool IsReadOnlyTarget(std::string_view target);

}  // namespace ddbpg::api
