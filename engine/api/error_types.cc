#include "engine/api/error_types.h"

#include <nlohmann/json.hpp>

namespace ddbpg {

WireError WireErrorOf(ErrorType type) {
  switch (type) {
    case ErrorType::kSerialization:
      return {"com.amazon.coral.service#SerializationException", 400, "Message"};
    case ErrorType::kValidation:
      return {"com.amazon.coral.validate#ValidationException", 400, "message"};
    case ErrorType::kUnknownOperation:
      return {"com.amazon.coral.service#UnknownOperationException", 400, "message"};
    case ErrorType::kResourceNotFound:
      return {"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", 400, "message"};
    case ErrorType::kResourceInUse:
      return {"com.amazonaws.dynamodb.v20120810#ResourceInUseException", 400, "message"};
    case ErrorType::kAccessDenied:
      // The service's authorization layer answers this one, with its own namespace and key.
      return {"com.amazon.coral.service#AccessDeniedException", 400, "Message"};
    case ErrorType::kConditionalCheckFailed:
      return {"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException", 400, "message"};
    case ErrorType::kLimitExceeded:
      return {"com.amazonaws.dynamodb.v20120810#LimitExceededException", 400, "message"};
    case ErrorType::kProvisionedThroughputExceeded:
      return {"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException", 400,
              "message"};
    case ErrorType::kThrottling:
      return {"com.amazon.coral.availability#ThrottlingException", 400, "message"};
    case ErrorType::kTransactionCanceled:
      // Captured responses spell this one's message key "Message".
      return {"com.amazonaws.dynamodb.v20120810#TransactionCanceledException", 400, "Message"};
    case ErrorType::kIdempotentParameterMismatch:
      return {"com.amazonaws.dynamodb.v20120810#IdempotentParameterMismatchException", 400,
              "message"};
    case ErrorType::kItemCollectionSizeLimitExceeded:
      return {"com.amazonaws.dynamodb.v20120810#ItemCollectionSizeLimitExceededException", 400,
              "message"};
    case ErrorType::kDuplicateItem:
      return {"com.amazonaws.dynamodb.v20120810#DuplicateItemException", 400, "message"};
    case ErrorType::kExpiredIterator:
      return {"com.amazonaws.dynamodb.v20120810#ExpiredIteratorException", 400, "message"};
    case ErrorType::kTrimmedDataAccess:
      return {"com.amazonaws.dynamodb.v20120810#TrimmedDataAccessException", 400, "message"};
    case ErrorType::kBackupNotFound:
      return {"com.amazonaws.dynamodb.v20120810#BackupNotFoundException", 400, "message"};
    case ErrorType::kBackupInUse:
      return {"com.amazonaws.dynamodb.v20120810#BackupInUseException", 400, "message"};
    case ErrorType::kTableNotFound:
      return {"com.amazonaws.dynamodb.v20120810#TableNotFoundException", 400, "message"};
    case ErrorType::kTableAlreadyExists:
      return {"com.amazonaws.dynamodb.v20120810#TableAlreadyExistsException", 400, "message"};
    case ErrorType::kTableInUse:
      return {"com.amazonaws.dynamodb.v20120810#TableInUseException", 400, "message"};
    case ErrorType::kSourceTableNotFound:
      return {"com.amazonaws.dynamodb.v20120810#SourceTableNotFoundException", 400, "message"};
    case ErrorType::kContinuousBackupsUnavailable:
      return {"com.amazonaws.dynamodb.v20120810#ContinuousBackupsUnavailableException", 400,
              "message"};
    case ErrorType::kPointInTimeRecoveryUnavailable:
      return {"com.amazonaws.dynamodb.v20120810#PointInTimeRecoveryUnavailableException", 400,
              "message"};
    case ErrorType::kInvalidRestoreTime:
      return {"com.amazonaws.dynamodb.v20120810#InvalidRestoreTimeException", 400, "message"};
    case ErrorType::kPolicyNotFound:
      return {"com.amazonaws.dynamodb.v20120810#PolicyNotFoundException", 400, "message"};
    case ErrorType::kInternalServerError:
    case ErrorType::kNone:
      break;
  }
  return {"com.amazonaws.dynamodb.v20120810#InternalServerError", 500, "message"};
}

std::string ErrorBody(const Status& status) {
  WireError wire = WireErrorOf(status.type());
  nlohmann::json body = {{"__type", wire.type}};
  // UnknownOperationException arrives with no message at all.
  if (!status.message().empty()) body[wire.message_key] = status.message();
  if (!status.extra_members().empty()) {
    nlohmann::json extra = nlohmann::json::parse(status.extra_members(), nullptr, false);
    if (extra.is_object()) body.update(extra);
  }
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace ddbpg
