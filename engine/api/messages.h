// The service's own texts for the cross-member rules of the table and item operations, in one
// place so handlers and tests agree on every character (including the service's typos and
// double spaces, which clients match on).
#pragma once

#include <string>
#include <vector>

#include "engine/base/service_text.h"

namespace ddbpg::api {

inline constexpr const char* kInvalidParameters = base::kParameterValuesInvalid;
// The enum sets the validator names for ReturnConsumedCapacity and
// ReturnValuesOnConditionCheckFailure, in the service's order.
inline constexpr const char* kReturnConsumedCapacityValues = "[INDEXES, TOTAL, NONE]";
inline constexpr const char* kOnConditionCheckFailureValues = "[ALL_OLD, NONE]";

inline constexpr const char* kTableNameRequiredMessage =
    "The parameter 'TableName' is required but was not present in the request";
inline constexpr const char* kKeyAttributeWithoutDefinitionMessage =
    "Invalid KeySchema: Some index key attribute have no definition";
inline constexpr const char* kFirstKeyNotHashMessage =
    "Invalid KeySchema: The first KeySchemaElement is not a HASH key type";
inline constexpr const char* kSecondKeyNotRangeMessage =
    "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type";
inline constexpr const char* kSameHashAndRangeNameMessage =
    "Both the Hash Key and the Range Key element in the KeySchema have the same name";
inline constexpr const char* kDefinitionCountMismatchMessage =
    "One or more parameter values were invalid: Number of attributes in KeySchema does not "
    "exactly match number of attributes defined in AttributeDefinitions";
inline constexpr const char* kThroughputWithPayPerRequestMessage =
    "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits "
    "can be specified when BillingMode is PAY_PER_REQUEST";
inline constexpr const char* kNoThroughputMessage =
    "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must "
    "both be specified when BillingMode is PROVISIONED";
inline constexpr const char* kNoThroughputForProvisionedMessage =
    "One or more parameter values were invalid: ProvisionedThroughput must be specified when "
    "BillingMode is PROVISIONED";
inline constexpr const char* kThroughputOnPayPerRequestTableMessage =
    "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits "
    "can be specified when BillingMode is PAY_PER_REQUEST";
inline constexpr const char* kNothingToUpdateMessage =
    "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
    "GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, "
    "ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, "
    "OnDemandThroughput, WarmThroughput or TableClass is required";
inline constexpr const char* kItemTooLargeMessage = "Item size has exceeded the maximum allowed size";
inline constexpr const char* kItemNotFoundInTableMessage = "Requested resource not found";
inline constexpr const char* kDuplicateKeysMessage =
    "Provided list of item keys contains duplicates";
inline constexpr const char* kReturnValuesPutDeleteMessage = "ReturnValues can only be ALL_OLD or NONE";

std::string TableExistsMessage(const std::string& table_name);
std::string TableNotFoundMessage(const std::string& table_name);
std::string UndefinedKeyAttributesMessage(const std::vector<std::string>& key_names,
                                          const std::vector<std::string>& defined_names);
std::string UnchangedThroughputMessage(long long current_read, long long requested_read,
                                       long long current_write, long long requested_write);
std::string ThroughputQuotaMessage(const std::string& units_member, long long requested,
                                   const std::string& region, long long quota);
// For members whose feature arrives in a later issue: a clear refusal, never silence.
// UpdateTable turning off the stream of a global table's replica.
inline constexpr const char* kDisableGlobalTableStreamMessage =
    "One or more parameter values were invalid: Disabling Stream is not allowed for a Global "
    "Table replica.";
std::string NotYetSupportedMessage(const std::string& member);

}  // namespace ddbpg::api
