// The operation handlers: each takes the parsed request body and returns the response body or
// the DynamoDB error. One file per family: tables_handler.cc, items_handler.cc.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "engine/api/consumed_capacity.h"
#include "engine/api/engine_state.h"
#include "engine/base/status.h"

namespace ddbpg {

using json = nlohmann::json;

Result<json> CreateTable(EngineState& state, const json& request);
Result<json> DescribeTable(EngineState& state, const json& request);
Result<json> ListTables(EngineState& state, const json& request);
Result<json> UpdateTable(EngineState& state, const json& request);
Result<json> DeleteTable(EngineState& state, const json& request);

Result<json> PutItem(EngineState& state, const json& request);

Result<json> DeleteItem(EngineState& state, const json& request);
Result<json> UpdateItem(EngineState& state, const json& request);

// The reads whose answers can be large write their response text directly, without a tree.
// `charge`, when given, receives what the request consumed (SimulateWorkload adds it up).
Result<std::string> GetItem(EngineState& state, const json& request);
Result<std::string> GetItem(EngineState& state, const json& request, CapacityCharge* charge);
Result<std::string> Query(EngineState& state, const json& request);
Result<std::string> Query(EngineState& state, const json& request, CapacityCharge* charge);
Result<std::string> Scan(EngineState& state, const json& request);
Result<std::string> Scan(EngineState& state, const json& request, CapacityCharge* charge);

Result<json> BatchGetItem(EngineState& state, const json& request);
Result<json> BatchWriteItem(EngineState& state, const json& request);

Result<json> TransactGetItems(EngineState& state, const json& request);
Result<json> TransactWriteItems(EngineState& state, const json& request);

Result<json> UpdateContributorInsights(EngineState& state, const json& request);
Result<json> DescribeContributorInsights(EngineState& state, const json& request);
Result<json> ListContributorInsights(EngineState& state, const json& request);

Result<json> UpdateTimeToLive(EngineState& state, const json& request);
Result<json> DescribeTimeToLive(EngineState& state, const json& request);
// The engine's background work, before every request: global index changes that are due, then
// the TTL sweeper deleting what expired (ttl_handler.cc).
void RunBackgroundWork(EngineState& state);
// Rolls every stream's shards over and trims them as of now, and forgets streams past
// retention; whether anything changed.
bool AdvanceStreams(EngineState& state);

// The DynamoDB Streams API (DynamoDBStreams_20120810.*).
Result<json> ListStreams(EngineState& state, const json& request);
Result<json> DescribeStream(EngineState& state, const json& request);
Result<json> GetShardIterator(EngineState& state, const json& request);
Result<json> GetRecords(EngineState& state, const json& request);
// One record as GetRecords returns it (the JS triggers reuse it for the Lambda event).
json StreamRecordJson(const Stream& stream, const StreamRecord& record, const std::string& region);

// Playground.* extensions.
Result<json> SetClock(EngineState& state, const json& request);
Result<json> AdvanceClock(EngineState& state, const json& request);
Result<json> Configure(EngineState& state, const json& request);
Result<json> GetMetrics(EngineState& state, const json& request);
Result<json> EstimateCost(EngineState& state, const json& request);
Result<json> SimulateWorkload(EngineState& state, const json& request);
// Empties the playground as a new engine is: no tables, streams or tokens, every setting at its
// default except Throttling, the clock real again (from the host's time, as a new engine's).
Result<json> Reset(EngineState& state, const json& request);
// Finds the explainer's four mistakes in the tables' own traffic (advisor_handler.cc).
Result<json> Advise(EngineState& state, const json& request);
// The price list as Playground.Configure and EstimateCost show it, and the snapshot keeps it.
json PricesJson(const Prices& prices);
// A partition key as TableMetrics tracks it ("S:abc") in DynamoDB JSON ({"S":"abc"}); binaries
// travel as base64.
json TrackedKeyJson(const std::string& tracked);

}  // namespace ddbpg
