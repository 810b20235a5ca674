// Status and Result: how every fallible engine function reports failure.
//
// The engine never throws and never aborts on input. An error carries one of DynamoDB's error
// types and the exact message the service would send; engine/api/error_types.cc is the only
// place that turns a type into its wire `__type` string and HTTP status.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace ddbpg::base {

enum class ErrorType {
  kNone,
  kSerialization,
  kValidation,
  kUnknownOperation,
  kResourceNotFound,
  kResourceInUse,
  kAccessDenied,
  kConditionalCheckFailed,
  kLimitExceeded,
  kTransactionCanceled,
  kProvisionedThroughputExceeded,
  kThrottling,
  kIdempotentParameterMismatch,
  kItemCollectionSizeLimitExceeded,
  kDuplicateItem,       // PartiQL's INSERT of a key that exists
  kExpiredIterator,     // DynamoDB Streams
  kTrimmedDataAccess,   // DynamoDB Streams
  // Backups and point-in-time recovery (CreateBackup ... RestoreTableToPointInTime).
  kBackupNotFound,
  kBackupInUse,
  kTableNotFound,
  kTableAlreadyExists,
  kTableInUse,
  kSourceTableNotFound,
  kContinuousBackupsUnavailable,
  kPointInTimeRecoveryUnavailable,
  kInvalidRestoreTime,
  // Export to and import from S3 (ExportTableToPointInTime, ImportTable and their Describe/List).
  kExportNotFound,
  kExportConflict,
  kInvalidExportTime,
  kImportNotFound,
  kImportConflict,
  // Resource-based policies: no policy, or not the revision ExpectedRevisionId names.
  kPolicyNotFound,
  // The legacy (version 2017.11.29) global table operations, for a name that is no such table.
  kGlobalTableNotFound,
  kInternalServerError,
};

class Status {
 public:
  Status() = default;

  static Status OK() { return Status(); }
  static Status Serialization(std::string message) {
    return Status(ErrorType::kSerialization, std::move(message));
  }
  static Status Validation(std::string message) {
    return Status(ErrorType::kValidation, std::move(message));
  }
  static Status UnknownOperation(std::string message = "") {
    return Status(ErrorType::kUnknownOperation, std::move(message));
  }
  static Status ResourceNotFound(std::string message) {
    return Status(ErrorType::kResourceNotFound, std::move(message));
  }
  static Status ResourceInUse(std::string message) {
    return Status(ErrorType::kResourceInUse, std::move(message));
  }
  static Status AccessDenied(std::string message) {
    return Status(ErrorType::kAccessDenied, std::move(message));
  }
  static Status ConditionalCheckFailed(std::string message) {
    return Status(ErrorType::kConditionalCheckFailed, std::move(message));
  }
  static Status LimitExceeded(std::string message) {
    return Status(ErrorType::kLimitExceeded, std::move(message));
  }
  static Status ProvisionedThroughputExceeded(std::string message) {
    return Status(ErrorType::kProvisionedThroughputExceeded, std::move(message));
  }
  static Status Throttling(std::string message) {
    return Status(ErrorType::kThrottling, std::move(message));
  }
  static Status TransactionCanceled(std::string message) {
    return Status(ErrorType::kTransactionCanceled, std::move(message));
  }
  static Status DuplicateItem(std::string message) {
    return Status(ErrorType::kDuplicateItem, std::move(message));
  }
  static Status IdempotentParameterMismatch(std::string message) {
    return Status(ErrorType::kIdempotentParameterMismatch, std::move(message));
  }
  // Our own bug, never the caller's: the message says what broke.
  static Status Internal(std::string message) {
    return Status(ErrorType::kInternalServerError, std::move(message));
  }

  bool ok() const { return type_ == ErrorType::kNone; }
  ErrorType type() const { return type_; }
  const std::string& message() const { return message_; }

  // Members the error body carries beside __type and message, as the text of a JSON object
  // (ConditionalCheckFailedException's "Item", TransactionCanceledException's
  // "CancellationReasons"); empty when there are none.
  const std::string& extra_members() const { return extra_members_; }
  Status WithExtraMembers(std::string json_object_text) && {
    extra_members_ = std::move(json_object_text);
    return std::move(*this);
  }

 // Any type with its message, for the rarer errors without a named constructor.
  Status(ErrorType type, std::string message) : type_(type), message_(std::move(message)) {}

 private:

  ErrorType type_ = ErrorType::kNone;
  std::string message_;
  std::string extra_members_;
};

// A value or the Status that explains why there is none.
template <class T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace ddbpg::base
