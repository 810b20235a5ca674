#include "engine/api/write_answer.h"

#include "engine/api/consumed_capacity.h"
#include "engine/api/item_collections.h"
#include "engine/api/request_schema.h"
#include "engine/value/ddb_json.h"

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

nlohmann::json PutOrDeleteAnswer(const nlohmann::json& request, const core::PreparedWrite& write,
                                 const core::WriteOutcome& outcome) {
  nlohmann::json response = nlohmann::json::object();
  if (outcome.old_item && Member(request, "ReturnValues") == "ALL_OLD") {
    response["Attributes"] = value::EncodeItem(*outcome.old_item);
  }
  AddWriteMetrics(response, request, write, outcome);
  return response;
}

}  // namespace ddbpg::api
