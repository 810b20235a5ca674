// Every DynamoDB limit the engine enforces, each with its source, so no other file hard-codes one.
#pragma once

#include <cstddef>

namespace ddbpg::base::limits {

// Item size (ServiceQuotas, "Item size"): byte-exact, 409,600 accepted and 409,601 rejected
// (measured against the live service; shared/DYNAMODB-FACTS.md A.2).
constexpr size_t kMaxItemBytes = 400 * 1024;

// Key value sizes (ServiceQuotas, "Partition key length" / "Sort key length").
constexpr size_t kMaxPartitionKeyBytes = 2048;
constexpr size_t kMaxSortKeyBytes = 1024;

// Nesting of lists and maps (ServiceQuotas, "Nested attribute depth").
constexpr int kMaxNestingDepth = 32;

// Table names (CreateTable API reference: 3 to 255 characters of [a-zA-Z0-9_.-]).
constexpr size_t kMinTableNameLength = 3;
constexpr size_t kMaxTableNameLength = 255;

// Attribute names used as keys (ServiceQuotas: key attribute names at most 255 bytes).
constexpr size_t kMaxKeyAttributeNameBytes = 255;
// Other attribute names, nested map keys included (ServiceQuotas: "64 KB"; the live service
// accepts 65,535 bytes and refuses 65,536, ExtendDB issue #365).
constexpr size_t kMaxAttributeNameBytes = 65535;

// ListTables Limit (ListTables API reference: 1 to 100).
constexpr long long kMaxListTablesLimit = 100;

// Tags (Developer Guide, "Tagging restrictions in DynamoDB"; Tag API reference): at most 50 on a
// table, and 50 on a stream (Developer Guide, "Using attribute-based access control with
// DynamoDB Streams"); keys 1 to 128 and values 0 to 256 Unicode characters. A stream's tags
// together hold at most 10 KB (the same page), counted here as the UTF-8 bytes of keys and values.
constexpr size_t kMaxTagsPerResource = 50;
constexpr size_t kMaxTagKeyCharacters = 128;
constexpr size_t kMaxTagValueCharacters = 256;
constexpr size_t kMaxStreamTagSetBytes = 10 * 1024;

// A ResourceArn names a table or stream in 1 to 1283 characters (TagResource and
// PutResourcePolicy API references).
constexpr size_t kMaxResourceArnLength = 1283;
// A resource-based policy document holds at most 20 KB, whitespace included (Developer Guide,
// "DynamoDB resource-based policy considerations"); the service's text names 20480 bytes.
constexpr size_t kMaxPolicyDocumentBytes = 20480;

// Capacity units (Developer Guide, "Read/write capacity mode"): a read unit covers 4 KB, a
// write unit 1 KB, both binary kilobytes.
constexpr size_t kReadUnitBytes = 4096;
constexpr size_t kWriteUnitBytes = 1024;

// Request bodies larger than this are refused before parsing. DynamoDB's largest requests
// (BatchWriteItem, 16 MB) fit well inside it; the bound keeps a hostile request from
// exhausting a browser tab's memory.
constexpr size_t kMaxRequestBodyBytes = 20 * 1024 * 1024;

// BatchGetItem API reference: "as many as 100 items", "up to 16 MB of data" per call.
constexpr size_t kMaxBatchGetKeys = 100;
constexpr size_t kMaxBatchGetResponseBytes = 16 * 1024 * 1024;
// BatchWriteItem API reference: "as many as 25 put or delete requests".
constexpr size_t kMaxBatchWriteRequests = 25;
// AttributesToGet: 1 to 255 names (KeysAndAttributes API reference).
constexpr size_t kMaxAttributesToGet = 255;

// Per-table provisioned throughput quota (ServiceQuotas: 40,000 RCU and 40,000 WCU).
constexpr long long kMaxTableReadCapacityUnits = 40000;
constexpr long long kMaxTableWriteCapacityUnits = 40000;

}  // namespace ddbpg::base::limits
