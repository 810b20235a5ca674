#include "engine/api/messages.h"

namespace ddbpg::api {
namespace {

std::string JoinList(const std::vector<std::string>& names) {
  std::string out = "[";
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += ", ";
    out += names[i];
  }
  return out + "]";
}

}  // namespace

std::string TableExistsMessage(const std::string& table_name) {
  return "Table already exists: " + table_name;
}

std::string TableNotFoundMessage(const std::string& table_name) {
  return "Requested resource not found: Table: " + table_name + " not found";
}

std::string UndefinedKeyAttributesMessage(const std::vector<std::string>& key_names,
                                          const std::vector<std::string>& defined_names) {
  return std::string(kInvalidParameters) +
         "Some index key attributes are not defined in AttributeDefinitions. Keys: " +
         JoinList(key_names) + ", AttributeDefinitions: " + JoinList(defined_names);
}

std::string UnchangedThroughputMessage(long long current_read, long long requested_read,
                                       long long current_write, long long requested_write) {
  return "The provisioned throughput for the table will not change. The requested value equals "
         "the current value. Current ReadCapacityUnits provisioned for the table: " +
         std::to_string(current_read) +
         ". Requested ReadCapacityUnits: " + std::to_string(requested_read) +
         ". Current WriteCapacityUnits provisioned for the table: " +
         std::to_string(current_write) +
         ". Requested WriteCapacityUnits: " + std::to_string(requested_write) +
         ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to request "
         "higher limits.";
}

std::string ThroughputQuotaMessage(const std::string& units_member, long long requested,
                                   const std::string& region, long long quota) {
  return "The requested " + units_member + ", " + std::to_string(requested) +
         ", is above the per table maximum for the account in " + region +
         ". Per table maximum: " + std::to_string(quota) +
         ". Refer to the Amazon DynamoDB Developer Guide for current limits and how to request "
         "higher limits.";
}

std::string NotYetSupportedMessage(const std::string& member) {
  return member + " is not supported by DynamoDB Playground yet";
}

}  // namespace ddbpg::api
