// The table settings that change nothing about items: deletion protection
// (DeletionProtectionEnabled) and the table class (TableClass, STANDARD or
// STANDARD_INFREQUENT_ACCESS), on CreateTable and UpdateTable, shown by DescribeTable and
// enforced by DeleteTable.
#pragma once

#include <nlohmann/json.hpp>

#include "engine/base/status.h"
#include "engine/capacity/prices.h"
#include "engine/store/table.h"

namespace ddbpg::api {

using json = nlohmann::json;

// TableClass names one of the two classes (CreateTable and UpdateTable).
base::Status CheckTableClass(const json& request);
// UpdateTable changes the table class, and deletion protection, only in a request of its own.
base::Status CheckSettingsChangeAlone(const json& request);
// Takes the request's settings into the definition; `now` dates an UpdateTable's class change.
void ApplyTableSettings(const json& request, bool is_update, double now,
                        store::TableDefinition& definition);
// DeletionProtectionEnabled, and TableClassSummary once a class was named.
void DescribeTableSettings(const store::TableDefinition& definition, json& description);
// The table's class for its prices (STANDARD until one is named).
capacity::TableClass TableClassOf(const store::TableDefinition& definition);
// DeleteTable is refused while deletion protection is on.
base::Status CheckDeletionAllowed(const store::TableDefinition& definition);

}  // namespace ddbpg::api
