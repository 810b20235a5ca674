// How a snapshot keeps the export and import jobs (exchange/transfer_records.h) and the
// simulated bucket's objects (docs/formats/snapshot.md).
#pragma once

#include <nlohmann/json.hpp>

#include "engine/exchange/transfer_records.h"

namespace ddbpg::persist {

nlohmann::json SaveExport(const exchange::ExportRecord& record);
exchange::ExportRecord LoadExport(const nlohmann::json& saved);
nlohmann::json SaveImport(const exchange::ImportRecord& record);
exchange::ImportRecord LoadImport(const nlohmann::json& saved);

}  // namespace ddbpg::persist
