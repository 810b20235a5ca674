// The texts of the backup and point-in-time recovery errors, in one place. Where no capture of
// the live service was found the text is our best guess, listed in docs/differences.md.
#pragma once

#include <string>

namespace ddbpg::api {

inline std::string BackupTableNotFoundMessage(const std::string& table) {
  return "Table not found: " + table;
}
inline std::string BackupNotFoundMessage(const std::string& arn) {
  return "Backup not found: " + arn;
}
inline std::string TargetTableExistsMessage(const std::string& table) {
  return "Table already exists: " + table;
}
inline std::string SourceTableNotFoundMessage(const std::string& table) {
  return "Source table not found: " + table;
}
inline std::string PointInTimeRecoveryDisabledMessage(const std::string& table) {
  return "Point in time recovery is not enabled for table '" + table + "'";
}

inline std::string InvalidRestoreTimeMessage(const std::string& earliest,
                                             const std::string& latest) {
  return "Restore time must be between " + earliest + " and " + latest;
}

}  // namespace ddbpg::api
