// Engine::Handle: from (target, body text) to a response, the single entry of every front.
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>

#include "engine/api/error_types.h"
#include "engine/api/handlers.h"
#include "engine/api/plain_batch_write.h"
#include "engine/api/plain_get_item.h"
#include "engine/api/plain_put_item.h"
#include "engine/api/replica_updates.h"
#include "engine/api/table_name_arn.h"
#include "engine/base/fault_barrier.h"
#include "engine/base/limits.h"
#include "engine/core/engine_state.h"
#include "engine/engine.h"
#include "engine/value/deep_request.h"
#include "engine/value/json_depth.h"
#include "engine/value/json_reader.h"

namespace ddbpg {
namespace {

using json = nlohmann::json;

// Every handler answers with the response's text: most build a tree that Dumped prints, while
// the reads whose answers can be large (GetItem, Query, Scan) write their text directly.
using Handler = base::Result<std::string> (*)(core::EngineState&, const json&);

using TreeHandler = base::Result<json> (*)(core::EngineState&, const json&);

// One function calls a handler that answers with a tree and prints the tree, so that printing and
// freeing it are compiled once, not into each of the sixty handlers' entries below (a tenth of
// the wasm module when they were).
[[gnu::noinline]] base::Result<std::string> CallAndDump(TreeHandler handler,
                                                        core::EngineState& state,
                                                        const json& request) {
  base::Result<json> answer = handler(state, request);
  if (!answer.ok()) return answer.status();
  return answer->dump(-1, ' ', false, json::error_handler_t::replace);
}

template <TreeHandler handler>
base::Result<std::string> Dumped(core::EngineState& state, const json& request) {
  return CallAndDump(handler, state, request);
}

constexpr std::string_view kDynamoDbPrefix = "DynamoDB_20120810.";
constexpr std::string_view kPlaygroundPrefix = "Playground.";
constexpr std::string_view kStreamsPrefix = "DynamoDBStreams_20120810.";
constexpr std::string_view kPutItemTarget = "DynamoDB_20120810.PutItem";
constexpr std::string_view kGetItemTarget = "DynamoDB_20120810.GetItem";
constexpr std::string_view kBatchWriteItemTarget = "DynamoDB_20120810.BatchWriteItem";

const std::unordered_map<std::string_view, Handler>& DynamoDbHandlers() {
  static const auto* handlers = new std::unordered_map<std::string_view, Handler>{
      {"CreateTable", &Dumped<&api::CreateTable>},
      {"DescribeTable", &Dumped<&api::DescribeTable>},
      {"ListTables", &Dumped<&api::ListTables>},
      {"UpdateTable", &Dumped<&api::UpdateTable>},
      {"DeleteTable", &Dumped<&api::DeleteTable>},
      {"PutItem", &Dumped<&api::PutItem>},
      {"GetItem", &api::GetItem},
      {"DeleteItem", &Dumped<&api::DeleteItem>},
      {"UpdateItem", &Dumped<&api::UpdateItem>},
      {"Query", &api::Query},
      {"Scan", &api::Scan},
      {"BatchGetItem", &Dumped<&api::BatchGetItem>},
      {"BatchWriteItem", &Dumped<&api::BatchWriteItem>},
      {"TransactGetItems", &Dumped<&api::TransactGetItems>},
      {"TransactWriteItems", &Dumped<&api::TransactWriteItems>},
      {"ExecuteStatement", &Dumped<&api::ExecuteStatement>},
      {"BatchExecuteStatement", &Dumped<&api::BatchExecuteStatement>},
      {"ExecuteTransaction", &Dumped<&api::ExecuteTransaction>},
      {"UpdateContributorInsights", &Dumped<&api::UpdateContributorInsights>},
      {"DescribeContributorInsights", &Dumped<&api::DescribeContributorInsights>},
      {"ListContributorInsights", &Dumped<&api::ListContributorInsights>},
      {"TagResource", &Dumped<&api::TagResource>},
      {"UntagResource", &Dumped<&api::UntagResource>},
      {"ListTagsOfResource", &Dumped<&api::ListTagsOfResource>},
      {"PutResourcePolicy", &Dumped<&api::PutResourcePolicy>},
      {"GetResourcePolicy", &Dumped<&api::GetResourcePolicy>},
      {"DeleteResourcePolicy", &Dumped<&api::DeleteResourcePolicy>},
      {"CreateBackup", &Dumped<&api::CreateBackup>},
      {"DescribeBackup", &Dumped<&api::DescribeBackup>},
      {"ListBackups", &Dumped<&api::ListBackups>},
      {"DeleteBackup", &Dumped<&api::DeleteBackup>},
      {"RestoreTableFromBackup", &Dumped<&api::RestoreTableFromBackup>},
      {"UpdateContinuousBackups", &Dumped<&api::UpdateContinuousBackups>},
      {"DescribeContinuousBackups", &Dumped<&api::DescribeContinuousBackups>},
      {"ExportTableToPointInTime", &Dumped<&api::ExportTableToPointInTime>},
      {"DescribeExport", &Dumped<&api::DescribeExport>},
      {"ListExports", &Dumped<&api::ListExports>},
      {"ImportTable", &Dumped<&api::ImportTable>},
      {"DescribeImport", &Dumped<&api::DescribeImport>},
      {"ListImports", &Dumped<&api::ListImports>},
      {"RestoreTableToPointInTime", &Dumped<&api::RestoreTableToPointInTime>},
      {"UpdateTimeToLive", &Dumped<&api::UpdateTimeToLive>},
      {"DescribeTimeToLive", &Dumped<&api::DescribeTimeToLive>},
      {"DescribeLimits", &Dumped<&api::DescribeLimits>},
      {"DescribeEndpoints", &Dumped<&api::DescribeEndpoints>},
      {"CreateGlobalTable", &Dumped<&api::CreateGlobalTable>},
      {"DescribeGlobalTable", &Dumped<&api::DescribeGlobalTable>},
      {"UpdateGlobalTable", &Dumped<&api::UpdateGlobalTable>},
      {"ListGlobalTables", &Dumped<&api::ListGlobalTables>},
      {"DescribeGlobalTableSettings", &Dumped<&api::DescribeGlobalTableSettings>},
      {"UpdateGlobalTableSettings", &Dumped<&api::UpdateGlobalTableSettings>},
      {"DescribeTableReplicaAutoScaling", &Dumped<&api::DescribeTableReplicaAutoScaling>},
      {"UpdateTableReplicaAutoScaling", &Dumped<&api::UpdateTableReplicaAutoScaling>},
  };
  return *handlers;
}

const std::unordered_map<std::string_view, Handler>& PlaygroundHandlers() {
  static const auto* handlers = new std::unordered_map<std::string_view, Handler>{
      {"SetClock", &Dumped<&api::SetClock>},
      {"AdvanceClock", &Dumped<&api::AdvanceClock>},
      {"Configure", &Dumped<&api::Configure>},
      {"Reset", &Dumped<&api::Reset>},
      {"GetMetrics", &Dumped<&api::GetMetrics>},
      {"EstimateCost", &Dumped<&api::EstimateCost>},
      {"SimulateWorkload", &Dumped<&api::SimulateWorkload>},
      {"Advise", &Dumped<&api::Advise>},
      {"ListObjects", &Dumped<&api::ListObjects>},
      {"GetObject", &Dumped<&api::GetObject>},
      {"PutObject", &Dumped<&api::PutObject>},
      {"DescribeReplication", &Dumped<&api::DescribeReplication>},
  };
  return *handlers;
}

const std::unordered_map<std::string_view, Handler>& StreamsHandlers() {
  static const auto* handlers = new std::unordered_map<std::string_view, Handler>{
      {"ListStreams", &Dumped<&api::ListStreams>},
      {"DescribeStream", &Dumped<&api::DescribeStream>},
      {"GetShardIterator", &Dumped<&api::GetShardIterator>},
      {"GetRecords", &Dumped<&api::GetRecords>},
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

// How a body's nesting decides its reading (2026 captures). A body nested past the newer
// reader's limit is refused before anything else, as the newer reader refuses it; one nested
// past the older reader's point (value/deep_request.h) is read the older way, its too deep
// values answered last; and past kMaxJsonDepth no valid request could lie (an item nests 32
// levels), so it is refused before parsing, which keeps every later recursion shallow.
constexpr int kNewerReaderJsonDepth = 2 * 32 + 16;
constexpr int kMaxJsonDepth = 256;

enum class Reading { kNewer, kOlder, kRefused };

// PartiQL's parameters are read in order at any depth (captured, 2026): a parameter nested 40
// or 100 maps deep is refused where it stands among the others, neither first nor last.
bool IsPartiql(std::string_view target) {
  if (target.substr(0, kDynamoDbPrefix.size()) != kDynamoDbPrefix) return false;
  const std::string_view operation = target.substr(kDynamoDbPrefix.size());
  return operation == "ExecuteStatement" || operation == "BatchExecuteStatement" ||
         operation == "ExecuteTransaction";
}

Reading ReadingOf(std::string_view target, std::string_view body) {
  if (!value::NestedDeeperThan(body, kNewerReaderJsonDepth)) return Reading::kNewer;
  if (IsPartiql(target)) {
    return value::NestedDeeperThan(body, kMaxJsonDepth) ? Reading::kRefused : Reading::kNewer;
  }
  if (!value::NestedDeeperThan(body, value::kOlderReadingJsonDepth)) return Reading::kRefused;
  return value::NestedDeeperThan(body, kMaxJsonDepth) ? Reading::kRefused : Reading::kOlder;
}

base::Status NestingFault() {
  return base::Status::Validation(
      "Nesting Levels have exceeded supported limits: Attributes in the item have nested "
      "levels beyond supported limit");
}

// A PutItem, GetItem or BatchWriteItem read straight into its typed request, when it is plain
// (most requests are); monostate for anything else.
using PlainRequest =
    std::variant<std::monostate, api::PlainPutItem, api::PlainGetItem, api::PlainBatchWrite>;

template <typename Request>
PlainRequest AsPlain(std::optional<Request> request) {
  if (!request) return std::monostate{};
  return std::move(*request);
}

PlainRequest ReadPlain(std::string_view target, std::string_view body) {
  if (target == kPutItemTarget) return AsPlain(api::ReadPlainPutItem(body));
  if (target == kGetItemTarget) return AsPlain(api::ReadPlainGetItem(body));
  if (target == kBatchWriteItemTarget) return AsPlain(api::ReadPlainBatchWrite(body));
  return std::monostate{};
}

// The answer to a plain request; nullopt, with nothing changed, for a check only the general
// handler makes.
std::optional<base::Result<std::string>> ServePlain(core::EngineState& state,
                                                    PlainRequest& request) {
  if (auto* put = std::get_if<api::PlainPutItem>(&request)) return api::PutPlainItem(state, *put);
  if (auto* get = std::get_if<api::PlainGetItem>(&request)) return api::GetPlainItem(state, *get);
  return api::WritePlainBatch(state, std::get<api::PlainBatchWrite>(request));
}

Response ErrorResponse(const base::Status& status) {
  return Response{api::WireErrorOf(status.type()).http_status, api::ErrorBody(status)};
}

// The service parses the body before it looks at the target, so malformed JSON is a
// SerializationException even for an unknown operation.
Response Dispatch(core::EngineState& state, std::string_view target, std::string_view body) {
  if (body.size() > base::limits::kMaxRequestBodyBytes) {
    return ErrorResponse(
        base::Status::Validation("Request size exceeded the maximum allowed size"));
  }
  const Reading reading = ReadingOf(target, body);
  if (reading == Reading::kRefused) return ErrorResponse(NestingFault());
  // A plain request is read straight into its typed request; the rest as a tree.
  PlainRequest plain_request =
      reading == Reading::kNewer ? ReadPlain(target, body) : PlainRequest{};
  const bool plain = !std::holds_alternative<std::monostate>(plain_request);
  json request;
  Handler handler = nullptr;
  if (!plain) {
    // An empty body is not malformed JSON: it fails only after the target has been checked.
    if (!body.empty()) {
      if (!value::ReadJson(body, request) || !request.is_object()) {
        return ErrorResponse(base::Status::Serialization(""));
      }
    }
    handler = FindHandler(target);
    if (handler == nullptr) return ErrorResponse(base::Status::UnknownOperation());
    if (body.empty()) return ErrorResponse(base::Status::Serialization(""));
  }
  // Background work that is due happens before the request sees the tables.
  base::Result<std::string> result = api::ServeRequest(state, [&]() -> base::Result<std::string> {
    if (plain) {
      std::optional<base::Result<std::string>> answer = ServePlain(state, plain_request);
      if (answer) return std::move(*answer);
      // A check only the general handler makes; nothing has changed.
      if (!value::ReadJson(body, request)) return base::Status::Serialization("");
      handler = FindHandler(target);
    }
    if (target.substr(0, kDynamoDbPrefix.size()) == kDynamoDbPrefix) {
      base::Status arns =
          api::ResolveTableArns(state, target.substr(kDynamoDbPrefix.size()), request);
      if (!arns.ok()) return arns;
    }
    if (reading == Reading::kNewer) return handler(state, request);
    value::DeepRequest deep;
    base::Result<std::string> answer = handler(state, request);
    if (deep.stopped() || (answer.ok() && deep.fault_deferred())) return NestingFault();
    return answer;
  });
  if (!result.ok()) return ErrorResponse(result.status());
  return Response{200, std::move(*result)};
}

}  // namespace

Engine::Engine(const base::Clock& clock, EngineOptions options)
    : state_(std::make_unique<core::EngineState>(clock, std::move(options))) {}

Engine::~Engine() = default;

Response Engine::Handle(std::string_view target, std::string_view body) {
  return Handle(target, body, "");
}

Response Engine::Handle(std::string_view target, std::string_view body, std::string_view region) {
  served_ = true;
  // The home region is recorded as no region, as every request was before regions were routed.
  if (region == state_->options.region) region = "";
  const double now = state_->request_clock.HostNow();
  Response response = Serve(target, body, now, region);
  if (journaling_) Journal(target, body, region, response, now);
  return response;
}

Response Engine::Serve(std::string_view target, std::string_view body, double time,
                       std::string_view region) {
  state_->request_clock.HoldAt(time);
  state_->region = region.empty() ? state_->options.region : std::string(region);
  state_->background_changed = false;
  // An exception out of the request (our bug) is answered as an internal error.
  struct Call {
    core::EngineState& state;
    std::string_view target, body;
    Response response;
  } call{*state_, target, body, {}};
  base::Status fault = base::RunBehindFaultBarrier(
      [](void* context) {
        Call& call = *static_cast<Call*>(context);
        call.response = Dispatch(call.state, call.target, call.body);
      },
      &call);
  if (!fault.ok()) call.response = ErrorResponse(fault);
  // A request that ended in an exception skipped its scopes' cleanups (value/deep_request.h).
  value::EndDeepRequest();
  state_->request_clock.Release();
  state_->region = state_->options.region;
  return std::move(call.response);
}

}  // namespace ddbpg
