// Reading ImportTable's source objects into items (Developer Guide, "Amazon S3 import formats
// for DynamoDB"): every object under the prefix, decompressed as InputCompressionType says
// (never guessed), then DYNAMODB_JSON ({"Item": ...} per line), ION ($ion_1_0 {Item:...} per
// line) or CSV (a header, then one item per row; key attributes typed by the table, the rest
// strings). An item that cannot be read or lacks the table's key is an error and is skipped;
// an object that cannot be decompressed, or Ion that cannot be parsed, is one error and the
// rest of that object is skipped, as the service may do.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/value/attribute_value.h"

namespace ddbpg::exchange {

// A key attribute of the new table or of one of its global indexes: an item must carry the
// table's (`required`), and an index's when present must have its type.
struct KeyAttribute {
  std::string name;
  value::AttributeType type;
  bool required;
};

struct ImportOptions {
  std::string format;       // DYNAMODB_JSON, ION or CSV
  std::string compression;  // NONE, GZIP or ZSTD (which the playground cannot read)
  char csv_delimiter = ',';
  std::optional<std::vector<std::string>> csv_header;  // HeaderList: the first row is data
  std::vector<KeyAttribute> keys;
};

struct ImportedItems {
  std::vector<value::Item> items;
  long long processed_items = 0;  // items read, good and bad
  long long errors = 0;
  long long processed_bytes = 0;  // the objects' stored bytes
};

// Reads `objects` (key, stored bytes) in order.
ImportedItems ReadImportObjects(
    const std::vector<std::pair<std::string, const std::string*>>& objects,
    const ImportOptions& options);

}  // namespace ddbpg::exchange
