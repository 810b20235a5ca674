// The files of an export, laid out as DynamoDB writes them to S3 (Developer Guide, "DynamoDB
// table export output format"):
//
//   <prefix>/AWSDynamoDB/<ExportId>/_started                 empty: the bucket was writable
//   <prefix>/AWSDynamoDB/<ExportId>/data/<name>.json.gz      a full export's data, one file per
//                                                            partition (.ion.gz in Ion)
//   <prefix>/AWSDynamoDB/data/<name>.json.gz                 an incremental export's data
//   <prefix>/AWSDynamoDB/<ExportId>/manifest-files.json      one line per data file
//   <prefix>/AWSDynamoDB/<ExportId>/manifest-summary.json    the export's description
//   ...manifest-*.md5, ...manifest-*.checksum                each manifest's MD5
//
// A data file holds one document per line: {"Item": ...} in a full export, {"Metadata", "Keys",
// "NewImage", "OldImage"} in an incremental one, as DynamoDB JSON or as Ion.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/exchange/object_store.h"
#include "engine/exchange/transfer_records.h"

namespace ddbpg::exchange {

// The key every object of `record`'s export starts with: "<prefix>/AWSDynamoDB/".
std::string ExportRoot(const ExportRecord& record);

// Writes the export's objects into `store` from `files` (one list of documents per partition;
// an empty partition gets an empty file), and fills in record.item_count and manifest_key.
void WriteExportObjects(ExportRecord& record, const std::vector<std::vector<nlohmann::json>>& files,
                        ObjectStore& store);

}  // namespace ddbpg::exchange
