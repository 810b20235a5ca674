// What a single-item write (PutItem, UpdateItem, DeleteItem) answers besides its Attributes:
// the same two members, decided the same way, whichever operation wrote.
#pragma once

#include <nlohmann/json.hpp>

#include "engine/core/write_path.h"

namespace ddbpg::api {

// Adds ItemCollectionMetrics when the request asked for them and the table has local indexes,
// then ConsumedCapacity as ReturnConsumedCapacity asks, for the write `outcome` completed.
void AddWriteMetrics(nlohmann::json& response, const nlohmann::json& request,
                     const core::PreparedWrite& write, const core::WriteOutcome& outcome);

// The whole answer of a completed PutItem or DeleteItem: Attributes (the item replaced or
// deleted) when ReturnValues is ALL_OLD, then the metrics above.
nlohmann::json PutOrDeleteAnswer(const nlohmann::json& request, const core::PreparedWrite& write,
                                 const core::WriteOutcome& outcome);

}  // namespace ddbpg::api
