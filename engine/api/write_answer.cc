#include "engine/api/write_answer.h"

#include "engine/api/consumed_capacity.h"
#include "engine/api/item_collections.h"
#include "engine/api/request_schema.h"

namespace ddbpg::api {

void AddWriteMetrics(nlohmann::json& response, const nlohmann::json& request,
                     const core::PreparedWrite& write, const core::WriteOutcome& outcome) {
  if (ReturnsItemCollectionMetrics(*write.table, request)) {
    response["ItemCollectionMetrics"] =
        ItemCollectionMetricsJson(*write.table, write.key.partition);
  }
  AddConsumedCapacity(response,
                      ParseReturnConsumedCapacity(Member(request, "ReturnConsumedCapacity")),
                      write.table->name(), outcome.charge);
}

}  // namespace ddbpg::api
