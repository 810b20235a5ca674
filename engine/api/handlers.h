// The operation handlers: each takes the parsed request body and returns the response body or
// the DynamoDB error. One file per family: tables_handler.cc, items_handler.cc.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "engine/api/consumed_capacity.h"
#include "engine/base/status.h"
#include "engine/core/engine_state.h"

namespace ddbpg::api {

using json = nlohmann::json;

base::Result<json> CreateTable(core::EngineState& state, const json& request);
base::Result<json> DescribeTable(core::EngineState& state, const json& request);
base::Result<json> ListTables(core::EngineState& state, const json& request);
base::Result<json> UpdateTable(core::EngineState& state, const json& request);
base::Result<json> DeleteTable(core::EngineState& state, const json& request);

base::Result<json> PutItem(core::EngineState& state, const json& request);
base::Result<json> DeleteItem(core::EngineState& state, const json& request);
base::Result<json> UpdateItem(core::EngineState& state, const json& request);
// UpdateItem sized by its finished item alone in every region, as a PartiQL UPDATE is (most
// regions also size an UpdateItem's UpdateExpression as a statement: update_item_handler.cc).
base::Result<json> UpdateItemSizedByItem(core::EngineState& state, const json& request);

// The reads whose answers can be large write their response text directly, without a tree.
// `charge`, when given, receives what the request consumed (SimulateWorkload adds it up).
base::Result<std::string> GetItem(core::EngineState& state, const json& request);
base::Result<std::string> GetItem(core::EngineState& state, const json& request,
                                  capacity::CapacityCharge* charge);
base::Result<std::string> Query(core::EngineState& state, const json& request);
base::Result<std::string> Query(core::EngineState& state, const json& request,
                                capacity::CapacityCharge* charge);
base::Result<std::string> Scan(core::EngineState& state, const json& request);
base::Result<std::string> Scan(core::EngineState& state, const json& request,
                               capacity::CapacityCharge* charge);

base::Result<json> BatchGetItem(core::EngineState& state, const json& request);
base::Result<json> BatchWriteItem(core::EngineState& state, const json& request);

base::Result<json> TransactGetItems(core::EngineState& state, const json& request);
base::Result<json> TransactWriteItems(core::EngineState& state, const json& request);
// TransactionCanceledException whose message lists every reason's Code in request order.
base::Status TransactionCancelled(const json& reasons);

// PartiQL (partiql_handler.cc): statements translated into the requests above.
base::Result<json> ExecuteStatement(core::EngineState& state, const json& request);
base::Result<json> BatchExecuteStatement(core::EngineState& state, const json& request);
base::Result<json> ExecuteTransaction(core::EngineState& state, const json& request);

base::Result<json> UpdateContributorInsights(core::EngineState& state, const json& request);
base::Result<json> DescribeContributorInsights(core::EngineState& state, const json& request);
base::Result<json> ListContributorInsights(core::EngineState& state, const json& request);

// Tagging a table or its stream by ARN (tags_handler.cc).
base::Result<json> TagResource(core::EngineState& state, const json& request);
base::Result<json> UntagResource(core::EngineState& state, const json& request);
base::Result<json> ListTagsOfResource(core::EngineState& state, const json& request);
// Resource-based policies on a table or its stream (resource_policy_handler.cc).
base::Result<json> PutResourcePolicy(core::EngineState& state, const json& request);
base::Result<json> GetResourcePolicy(core::EngineState& state, const json& request);
base::Result<json> DeleteResourcePolicy(core::EngineState& state, const json& request);

// What the account may provision, and where the service answers (service_info_handler.cc).
base::Result<json> DescribeLimits(core::EngineState& state, const json& request);
base::Result<json> DescribeEndpoints(core::EngineState& state, const json& request);
// On-demand backups (backups_handler.cc).
base::Result<json> CreateBackup(core::EngineState& state, const json& request);
base::Result<json> DescribeBackup(core::EngineState& state, const json& request);
base::Result<json> ListBackups(core::EngineState& state, const json& request);
base::Result<json> DeleteBackup(core::EngineState& state, const json& request);
base::Result<json> RestoreTableFromBackup(core::EngineState& state, const json& request);
// Point-in-time recovery (continuous_backups_handler.cc).
base::Result<json> UpdateContinuousBackups(core::EngineState& state, const json& request);
base::Result<json> DescribeContinuousBackups(core::EngineState& state, const json& request);
base::Result<json> RestoreTableToPointInTime(core::EngineState& state, const json& request);

// Export to and import from the simulated S3 (export_handler.cc, import_handler.cc).
base::Result<json> ExportTableToPointInTime(core::EngineState& state, const json& request);
base::Result<json> DescribeExport(core::EngineState& state, const json& request);
base::Result<json> ListExports(core::EngineState& state, const json& request);
base::Result<json> ImportTable(core::EngineState& state, const json& request);
base::Result<json> DescribeImport(core::EngineState& state, const json& request);
base::Result<json> ListImports(core::EngineState& state, const json& request);

base::Result<json> UpdateTimeToLive(core::EngineState& state, const json& request);
base::Result<json> DescribeTimeToLive(core::EngineState& state, const json& request);
// The engine's background work, before every request: global index changes that are due, then
// the TTL sweeper deleting what expired (ttl_handler.cc).
void RunBackgroundWork(core::EngineState& state);
// Serves one parsed request as the dispatcher serves every request: the background work that is
// due, then `handle()`. Playground.SimulateWorkload sends its requests through it too, so TTL
// deletions and index propagation happen during a simulation as between real requests.
template <typename Handle>
auto ServeRequest(core::EngineState& state, Handle&& handle) {
  RunBackgroundWork(state);
  return handle();
}
// Rolls every stream's shards over and trims them as of now, and forgets streams past
// retention; whether anything changed.
bool AdvanceStreams(core::EngineState& state);

// The DynamoDB Streams API (DynamoDBStreams_20120810.*).
base::Result<json> ListStreams(core::EngineState& state, const json& request);
base::Result<json> DescribeStream(core::EngineState& state, const json& request);
base::Result<json> GetShardIterator(core::EngineState& state, const json& request);
base::Result<json> GetRecords(core::EngineState& state, const json& request);
// One record as GetRecords returns it (the JS triggers reuse it for the Lambda event).
json StreamRecordJson(const streams::Stream& stream, const streams::StreamRecord& record,
                      const std::string& region);

// Playground.* extensions.
base::Result<json> SetClock(core::EngineState& state, const json& request);
base::Result<json> AdvanceClock(core::EngineState& state, const json& request);
base::Result<json> Configure(core::EngineState& state, const json& request);
base::Result<json> GetMetrics(core::EngineState& state, const json& request);
base::Result<json> EstimateCost(core::EngineState& state, const json& request);
base::Result<json> SimulateWorkload(core::EngineState& state, const json& request);
// Empties the playground as a new engine is: no tables, streams or tokens, every setting at its
// default except Throttling, the clock real again (from the host's time, as a new engine's).
base::Result<json> Reset(core::EngineState& state, const json& request);
// Finds the explainer's four mistakes in the tables' own traffic (advisor_handler.cc).
base::Result<json> Advise(core::EngineState& state, const json& request);
// The simulated S3 that exports write to and imports read from (objects_handler.cc).
base::Result<json> ListObjects(core::EngineState& state, const json& request);
base::Result<json> GetObject(core::EngineState& state, const json& request);
base::Result<json> PutObject(core::EngineState& state, const json& request);
// The price list as Playground.Configure and EstimateCost show it, and the snapshot keeps it.
json PricesJson(const capacity::Prices& prices);
// A partition key as TableMetrics tracks it ("S:abc") in DynamoDB JSON ({"S":"abc"}); binaries
// travel as base64.
json TrackedKeyJson(const std::string& tracked);

}  // namespace ddbpg::api
