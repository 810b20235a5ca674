#include "engine/api/error_types.h"

#include <nlohmann/json.hpp>

#include "engine/value/json_object.h"
#include "engine/value/json_reader.h"

namespace ddbpg::api {

WireError WireErrorOf(base::ErrorType type) {
  switch (type) {
    case base::ErrorType::kSerialization:
      return {"com.amazon.coral.service#SerializationException", 400, "Message"};
    case base::ErrorType::kValidation:
      return {"com.amazon.coral.validate#ValidationException", 400, "message"};
    case base::ErrorType::kUnknownOperation:
      return {"com.amazon.coral.service#UnknownOperationException", 400, "message"};
    case base::ErrorType::kResourceNotFound:
      return {"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", 400, "message"};
    case base::ErrorType::kResourceInUse:
      return {"com.amazonaws.dynamodb.v20120810#ResourceInUseException", 400, "message"};
    case base::ErrorType::kAccessDenied:
      // The service's authorization layer answers this one, with its own namespace and key.
      return {"com.amazon.coral.service#AccessDeniedException", 400, "Message"};
    case base::ErrorType::kConditionalCheckFailed:
      return {"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException", 400, "message"};
    case base::ErrorType::kLimitExceeded:
      return {"com.amazonaws.dynamodb.v20120810#LimitExceededException", 400, "message"};
    case base::ErrorType::kProvisionedThroughputExceeded:
      return {"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException", 400,
              "message"};
    case base::ErrorType::kThrottling:
      return {"com.amazon.coral.availability#ThrottlingException", 400, "message"};
    case base::ErrorType::kTransactionCanceled:
      // Captured responses spell this one's message key "Message".
      return {"com.amazonaws.dynamodb.v20120810#TransactionCanceledException", 400, "Message"};
    case base::ErrorType::kIdempotentParameterMismatch:
      return {"com.amazonaws.dynamodb.v20120810#IdempotentParameterMismatchException", 400,
              "message"};
    case base::ErrorType::kItemCollectionSizeLimitExceeded:
      return {"com.amazonaws.dynamodb.v20120810#ItemCollectionSizeLimitExceededException", 400,
              "message"};
    case base::ErrorType::kDuplicateItem:
      return {"com.amazonaws.dynamodb.v20120810#DuplicateItemException", 400, "message"};
    case base::ErrorType::kExpiredIterator:
      return {"com.amazonaws.dynamodb.v20120810#ExpiredIteratorException", 400, "message"};
    case base::ErrorType::kTrimmedDataAccess:
      return {"com.amazonaws.dynamodb.v20120810#TrimmedDataAccessException", 400, "message"};
    case base::ErrorType::kBackupNotFound:
      return {"com.amazonaws.dynamodb.v20120810#BackupNotFoundException", 400, "message"};
    case base::ErrorType::kBackupInUse:
      return {"com.amazonaws.dynamodb.v20120810#BackupInUseException", 400, "message"};
    case base::ErrorType::kTableNotFound:
      return {"com.amazonaws.dynamodb.v20120810#TableNotFoundException", 400, "message"};
    case base::ErrorType::kTableAlreadyExists:
      return {"com.amazonaws.dynamodb.v20120810#TableAlreadyExistsException", 400, "message"};
    case base::ErrorType::kTableInUse:
      return {"com.amazonaws.dynamodb.v20120810#TableInUseException", 400, "message"};
    case base::ErrorType::kSourceTableNotFound:
      return {"com.amazonaws.dynamodb.v20120810#SourceTableNotFoundException", 400, "message"};
    case base::ErrorType::kContinuousBackupsUnavailable:
      return {"com.amazonaws.dynamodb.v20120810#ContinuousBackupsUnavailableException", 400,
              "message"};
    case base::ErrorType::kPointInTimeRecoveryUnavailable:
      return {"com.amazonaws.dynamodb.v20120810#PointInTimeRecoveryUnavailableException", 400,
              "message"};
    case base::ErrorType::kInvalidRestoreTime:
      return {"com.amazonaws.dynamodb.v20120810#InvalidRestoreTimeException", 400, "message"};
    case base::ErrorType::kExportNotFound:
      return {"com.amazonaws.dynamodb.v20120810#ExportNotFoundException", 400, "message"};
    case base::ErrorType::kExportConflict:
      return {"com.amazonaws.dynamodb.v20120810#ExportConflictException", 400, "message"};
    case base::ErrorType::kInvalidExportTime:
      return {"com.amazonaws.dynamodb.v20120810#InvalidExportTimeException", 400, "message"};
    case base::ErrorType::kImportNotFound:
      return {"com.amazonaws.dynamodb.v20120810#ImportNotFoundException", 400, "message"};
    case base::ErrorType::kImportConflict:
      return {"com.amazonaws.dynamodb.v20120810#ImportConflictException", 400, "message"};
    case base::ErrorType::kPolicyNotFound:
      return {"com.amazonaws.dynamodb.v20120810#PolicyNotFoundException", 400, "message"};
    case base::ErrorType::kGlobalTableNotFound:
      return {"com.amazonaws.dynamodb.v20120810#GlobalTableNotFoundException", 400, "message"};
    case base::ErrorType::kInternalServerError:
    case base::ErrorType::kNone:
      break;
  }
  return {"com.amazonaws.dynamodb.v20120810#InternalServerError", 500, "message"};
}

std::string ErrorBody(const base::Status& status) {
  WireError wire = WireErrorOf(status.type());
  nlohmann::json body = value::JsonObject({{"__type", wire.type}});
  // UnknownOperationException arrives with no message at all.
  if (!status.message().empty()) body[wire.message_key] = status.message();
  if (!status.extra_members().empty()) {
    nlohmann::json extra = value::ReadJsonOrDiscarded(status.extra_members());
    if (extra.is_object()) body.update(extra);
  }
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

const char* ReasonCodeOf(base::ErrorType type) {
  switch (type) {
    case base::ErrorType::kConditionalCheckFailed:
      return "ConditionalCheckFailed";
    case base::ErrorType::kDuplicateItem:
      return "DuplicateItem";
    case base::ErrorType::kSerialization:
    case base::ErrorType::kValidation:
      return "ValidationError";
    case base::ErrorType::kResourceNotFound:
      return "ResourceNotFound";
    case base::ErrorType::kProvisionedThroughputExceeded:
      return "ProvisionedThroughputExceeded";
    case base::ErrorType::kThrottling:
      return "ThrottlingError";
    case base::ErrorType::kItemCollectionSizeLimitExceeded:
      return "ItemCollectionSizeLimitExceeded";
    case base::ErrorType::kAccessDenied:
      return "AccessDenied";
    default:
      return "InternalServerError";
  }
}

}  // namespace ddbpg::api
