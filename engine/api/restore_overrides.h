// The overrides both restores take (RestoreTableFromBackup, RestoreTableToPointInTime):
// BillingModeOverride, ProvisionedThroughputOverride, OnDemandThroughputOverride,
// GlobalSecondaryIndexOverride and LocalSecondaryIndexOverride; SSESpecificationOverride is read
// and has no effect here.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "engine/api/request_schema.h"
#include "engine/api/validation_errors.h"
#include "engine/base/status.h"
#include "engine/index/index_definition.h"
#include "engine/store/table.h"

namespace ddbpg::api {

// A restore's wire shape: its own members, then the overrides'.
std::vector<MemberSpec> WithRestoreOverrides(std::vector<MemberSpec> own);

// The validator's constraints on the overrides, recorded into `errors`.
void ValidateRestoreOverrides(const json& request, ValidationErrors& errors);

// Applies the overrides to the restored table's `definition` (from core::RestoredDefinition)
// and to `indexes` (the source's): billing mode and throughput, then an index list given
// replaces the source's indexes of its kind, checked as CreateTable checks indexes (their
// WarmThroughput too, at the engine's `scale` and clock `now`). The attribute definitions keep
// only the attributes the keys and indexes still use.
base::Status ApplyRestoreOverrides(const json& request, store::TableDefinition& definition,
                                   std::vector<index::IndexDefinition>& indexes, double scale,
                                   double now);

}  // namespace ddbpg::api
