// Engine::Handle: from (target, body text) to a response, the single entry of every front.
#include <exception>
#include <string_view>
#include <unordered_map>

#include "engine/core/engine_state.h"
#include "engine/value/json_depth.h"
#include "engine/value/json_reader.h"
#include "engine/api/error_types.h"
#include "engine/api/handlers.h"
#include "engine/base/limits.h"
#include "engine/engine.h"

namespace ddbpg {
namespace {

// Every handler answers with the response's text: most build a tree that Dumped prints, while
// the reads whose answers can be large (GetItem, Query, Scan) write their text directly.
using Handler = Result<std::string> (*)(core::EngineState&, const json&);

template <Result<json> (*handler)(core::EngineState&, const json&)>
Result<std::string> Dumped(core::EngineState& state, const json& request) {
  Result<json> result = handler(state, request);
  if (!result.ok()) return result.status();
  return result->dump(-1, ' ', false, json::error_handler_t::replace);
}

constexpr std::string_view kDynamoDbPrefix = "DynamoDB_20120810.";
constexpr std::string_view kPlaygroundPrefix = "Playground.";
constexpr std::string_view kStreamsPrefix = "DynamoDBStreams_20120810.";

const std::unordered_map<std::string_view, Handler>& DynamoDbHandlers() {
  static const auto* handlers = new std::unordered_map<std::string_view, Handler>{
      {"CreateTable", &Dumped<&CreateTable>},
      {"DescribeTable", &Dumped<&DescribeTable>},
      {"ListTables", &Dumped<&ListTables>},
      {"UpdateTable", &Dumped<&UpdateTable>},
      {"DeleteTable", &Dumped<&DeleteTable>},
      {"PutItem", &Dumped<&PutItem>},
      {"GetItem", &GetItem},
      {"DeleteItem", &Dumped<&DeleteItem>},
      {"UpdateItem", &Dumped<&UpdateItem>},
      {"Query", &Query},
      {"Scan", &Scan},
      {"BatchGetItem", &Dumped<&BatchGetItem>},
      {"BatchWriteItem", &Dumped<&BatchWriteItem>},
      {"TransactGetItems", &Dumped<&TransactGetItems>},
      {"TransactWriteItems", &Dumped<&TransactWriteItems>},
      {"ExecuteStatement", &Dumped<&ExecuteStatement>},
      {"BatchExecuteStatement", &Dumped<&BatchExecuteStatement>},
      {"ExecuteTransaction", &Dumped<&ExecuteTransaction>},
      {"UpdateContributorInsights", &Dumped<&UpdateContributorInsights>},
      {"DescribeContributorInsights", &Dumped<&DescribeContributorInsights>},
      {"ListContributorInsights", &Dumped<&ListContributorInsights>},
      {"TagResource", &Dumped<&TagResource>},
      {"UntagResource", &Dumped<&UntagResource>},
      {"ListTagsOfResource", &Dumped<&ListTagsOfResource>},
      {"PutResourcePolicy", &Dumped<&PutResourcePolicy>},
      {"GetResourcePolicy", &Dumped<&GetResourcePolicy>},
      {"DeleteResourcePolicy", &Dumped<&DeleteResourcePolicy>},
      {"CreateBackup", &Dumped<&CreateBackup>},
      {"DescribeBackup", &Dumped<&DescribeBackup>},
      {"ListBackups", &Dumped<&ListBackups>},
      {"DeleteBackup", &Dumped<&DeleteBackup>},
      {"RestoreTableFromBackup", &Dumped<&RestoreTableFromBackup>},
      {"UpdateContinuousBackups", &Dumped<&UpdateContinuousBackups>},
      {"DescribeContinuousBackups", &Dumped<&DescribeContinuousBackups>},
      {"RestoreTableToPointInTime", &Dumped<&RestoreTableToPointInTime>},
      {"UpdateTimeToLive", &Dumped<&UpdateTimeToLive>},
      {"DescribeTimeToLive", &Dumped<&DescribeTimeToLive>},
      {"DescribeLimits", &Dumped<&DescribeLimits>},
      {"DescribeEndpoints", &Dumped<&DescribeEndpoints>},
  };
  return *handlers;
}

const std::unordered_map<std::string_view, Handler>& PlaygroundHandlers() {
  static const auto* handlers = new std::unordered_map<std::string_view, Handler>{
      {"SetClock", &Dumped<&SetClock>},
      {"AdvanceClock", &Dumped<&AdvanceClock>},
      {"Configure", &Dumped<&Configure>},
      {"Reset", &Dumped<&Reset>},
      {"GetMetrics", &Dumped<&GetMetrics>},
      {"EstimateCost", &Dumped<&EstimateCost>},
      {"SimulateWorkload", &Dumped<&SimulateWorkload>},
      {"Advise", &Dumped<&Advise>},
  };
  return *handlers;
}

const std::unordered_map<std::string_view, Handler>& StreamsHandlers() {
  static const auto* handlers = new std::unordered_map<std::string_view, Handler>{
      {"ListStreams", &Dumped<&ListStreams>},
      {"DescribeStream", &Dumped<&DescribeStream>},
      {"GetShardIterator", &Dumped<&GetShardIterator>},
      {"GetRecords", &Dumped<&GetRecords>},
  };
  return *handlers;
}

Handler FindHandler(std::string_view target) {
  for (const auto& [prefix, handlers] :
       {std::pair{kDynamoDbPrefix, &DynamoDbHandlers()},
        std::pair{kPlaygroundPrefix, &PlaygroundHandlers()},
        std::pair{kStreamsPrefix, &StreamsHandlers()}}) {
    if (target.substr(0, prefix.size()) != prefix) continue;
    auto it = handlers->find(target.substr(prefix.size()));
    return it == handlers->end() ? nullptr : it->second;
  }
  return nullptr;
}

// A request nested deeper than this cannot be valid (an item nests 32 levels, two JSON levels
// each, plus the request's own), and refusing it before parsing keeps every later recursion
// shallow.
constexpr int kMaxJsonDepth = 2 * 32 + 16;

bool NestedTooDeeply(std::string_view body) { return NestedDeeperThan(body, kMaxJsonDepth); }

Response ErrorResponse(const Status& status) {
  return Response{WireErrorOf(status.type()).http_status, ErrorBody(status)};
}

// The service parses the body before it looks at the target, so malformed JSON is a
// SerializationException even for an unknown operation.
Response Dispatch(core::EngineState& state, std::string_view target, std::string_view body) {
  if (body.size() > limits::kMaxRequestBodyBytes) {
    return ErrorResponse(Status::Validation("Request size exceeded the maximum allowed size"));
  }
  if (NestedTooDeeply(body)) {
    return ErrorResponse(Status::Validation(
        "Nesting Levels have exceeded supported limits: Attributes in the item have nested "
        "levels beyond supported limit"));
  }
  // An empty body is not malformed JSON: it fails only after the target has been checked.
  json request;
  if (!body.empty()) {
    if (!ReadJson(body, request) || !request.is_object()) {
      return ErrorResponse(Status::Serialization(""));
    }
  }
  Handler handler = FindHandler(target);
  if (handler == nullptr) return ErrorResponse(Status::UnknownOperation());
  if (body.empty()) return ErrorResponse(Status::Serialization(""));
  // Background work that is due happens before the request sees the tables.
  Result<std::string> result = ServeRequest(state, [&] { return handler(state, request); });
  if (!result.ok()) return ErrorResponse(result.status());
  return Response{200, std::move(*result)};
}

}  // namespace

Engine::Engine(const Clock& clock, EngineOptions options)
    : state_(std::make_unique<core::EngineState>(clock, std::move(options))) {}

Engine::~Engine() = default;

Response Engine::Handle(std::string_view target, std::string_view body) {
  served_ = true;
  const double now = state_->request_clock.HostNow();
  Response response = Serve(target, body, now);
  if (journaling_) Journal(target, body, response, now);
  return response;
}

Response Engine::Serve(std::string_view target, std::string_view body, double time) {
  state_->request_clock.HoldAt(time);
  state_->background_changed = false;
  Response response;
  // Handlers report every expected failure as a Status; an exception here is our bug (or
  // memory exhaustion) and must still not cross into JavaScript.
  try {
    response = Dispatch(*state_, target, body);
  } catch (const std::exception& e) {
    response = ErrorResponse(Status::Internal(std::string("internal error: ") + e.what()));
  }
  state_->request_clock.Release();
  return response;
}

}  // namespace ddbpg
