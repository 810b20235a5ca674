#include "engine/api/table_settings.h"

#include <string>

#include "engine/api/messages.h"
#include "engine/api/request_schema.h"
#include "engine/value/json_object.h"

namespace ddbpg::api {

namespace {

constexpr const char* kStandard = "STANDARD";
constexpr const char* kInfrequentAccess = "STANDARD_INFREQUENT_ACCESS";

// The members of an UpdateTable request that change something besides these settings.
constexpr const char* kOtherChanges[] = {
    "ProvisionedThroughput", "BillingMode",    "GlobalSecondaryIndexUpdates", "StreamSpecification",
    "SSESpecification",      "ReplicaUpdates", "OnDemandThroughput",          "WarmThroughput"};

bool ChangesOtherThan(const json& request, const char* setting) {
  for (const char* member : kOtherChanges) {
    if (!Member(request, member).is_null()) return true;
  }
  for (const char* other : {"TableClass", "DeletionProtectionEnabled"}) {
    if (std::string(other) != setting && !Member(request, other).is_null()) return true;
  }
  return false;
}

}  // namespace

base::Status CheckTableClass(const json& request) {
  const json& table_class = Member(request, "TableClass");
  if (table_class.is_null() || table_class == kStandard || table_class == kInfrequentAccess) {
    return base::Status::OK();
  }
  // The service's own text, not the validator's enum constraint (measured, 2026).
  return base::Status::Validation(
      "Invalid table-class parameter provided. Please try again with a valid table-class value: "
      "[STANDARD, STANDARD_INFREQUENT_ACCESS].");
}

base::Status CheckSettingsChangeAlone(const json& request) {
  if (!Member(request, "TableClass").is_null() && ChangesOtherThan(request, "TableClass")) {
    return base::Status::Validation(
        std::string(kInvalidParameters) +
        "TableClass modification must be the only operation in the request");
  }
  if (!Member(request, "DeletionProtectionEnabled").is_null() &&
      ChangesOtherThan(request, "DeletionProtectionEnabled")) {
    return base::Status::Validation(
        std::string(kInvalidParameters) +
        "DeletionProtection modification must be the only operation in the request");
  }
  return base::Status::OK();
}

void ApplyTableSettings(const json& request, bool is_update, double now,
                        store::TableDefinition& definition) {
  if (const json& protection = Member(request, "DeletionProtectionEnabled"); protection.is_boolean()) {
    definition.deletion_protection = protection.get<bool>();
  }
  const json& table_class = Member(request, "TableClass");
  if (!table_class.is_string()) return;
  const std::string requested = table_class.get<std::string>();
  const std::string& current = definition.table_class.empty() ? kStandard : definition.table_class;
  if (is_update && requested != current) definition.table_class_updated = now;
  definition.table_class = requested;
}

void DescribeTableSettings(const store::TableDefinition& definition, json& description) {
  description["DeletionProtectionEnabled"] = definition.deletion_protection;
  if (definition.table_class.empty()) return;
  json summary = value::JsonObject({{"TableClass", definition.table_class}});
  if (definition.table_class_updated) {
    summary["LastUpdateDateTime"] = *definition.table_class_updated;
  }
  description["TableClassSummary"] = summary;
}

capacity::TableClass TableClassOf(const store::TableDefinition& definition) {
  return definition.table_class == kInfrequentAccess
             ? capacity::TableClass::kStandardInfrequentAccess
             : capacity::TableClass::kStandard;
}

base::Status CheckDeletionAllowed(const store::TableDefinition& definition) {
  if (!definition.deletion_protection) return base::Status::OK();
  return base::Status::Validation(
      "Resource cannot be deleted as it is currently protected against deletion. Disable "
      "deletion protection first.");
}

}  // namespace ddbpg::api
