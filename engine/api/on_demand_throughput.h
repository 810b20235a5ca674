// OnDemandThroughput on CreateTable, UpdateTable and their global indexes: the most request units
// a second an on-demand table or index may use (MaxReadRequestUnits, MaxWriteRequestUnits). The
// checks and texts are the service's; DescribeTable shows the maximum of every on-demand table
// and global index, -1 where none is set.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/api/request_schema.h"
#include "engine/base/status.h"
#include "engine/capacity/on_demand_maximum.h"

namespace ddbpg::api {

using json = nlohmann::json;

// The wire shape of an OnDemandThroughput member (named `name`: the restores call theirs
// OnDemandThroughputOverride).
MemberSpec OnDemandThroughputMember(const char* name = "OnDemandThroughput");

// Takes `spec` (an OnDemandThroughput member; null changes nothing) into `maximum`. The owner is
// the table when `index_name` is empty; `on_demand` is its billing mode once the request is
// applied. Only UpdateTable may remove a maximum with -1 (`may_remove`); a member left out
// keeps its value.
base::Status ReadOnDemandThroughput(const json& spec, const std::string& index_name, bool on_demand,
                                    bool may_remove, capacity::OnDemandMaximum& maximum);

// UpdateTable changes a table's maximum with nothing else but its BillingMode.
base::Status CheckOnDemandThroughputAlone(const json& request);

json OnDemandThroughputJson(const capacity::OnDemandMaximum& maximum);

}  // namespace ddbpg::api
