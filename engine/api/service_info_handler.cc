// DescribeLimits and DescribeEndpoints: what the account may provision and where the service
// answers, neither about any table.
#include <string>

#include "engine/api/handlers.h"
#include "engine/api/request_schema.h"
#include "engine/base/limits.h"

namespace ddbpg::api {

namespace {

const std::vector<MemberSpec> kNoMembers = {};

// The Region's default quotas (Service Quotas): 80,000 RCU and WCU across an account's tables,
// 40,000 a table (with its global indexes).
constexpr long long kAccountMaxCapacityUnits = 80000;

// How long a client may keep the address before asking again, as the service answers.
constexpr long long kEndpointCacheMinutes = 1440;

}  // namespace

base::Result<json> DescribeLimits(core::EngineState& /*state*/, const json& request) {
  if (base::Status s = CheckRequestShape(request, kNoMembers); !s.ok()) return s;
  return json{{"AccountMaxReadCapacityUnits", kAccountMaxCapacityUnits},
              {"AccountMaxWriteCapacityUnits", kAccountMaxCapacityUnits},
              {"TableMaxReadCapacityUnits", base::limits::kMaxTableReadCapacityUnits},
              {"TableMaxWriteCapacityUnits", base::limits::kMaxTableWriteCapacityUnits}};
}

base::Result<json> DescribeEndpoints(core::EngineState& state, const json& request) {
  if (base::Status s = CheckRequestShape(request, kNoMembers); !s.ok()) return s;
  // The Region's public name; the HTTP endpoint puts the address it was reached at in its place
  // (wasm/http_server.js), so a client that follows it comes back to the playground.
  return json{{"Endpoints", json::array({{{"Address", "dynamodb." + state.options.region +
                                                          ".amazonaws.com"},
                                          {"CachePeriodInMinutes", kEndpointCacheMinutes}}})}};
}

}  // namespace ddbpg::api
