#include "engine/api/batch_writes.h"

#include <utility>

#include "engine/api/consumed_capacity.h"
#include "engine/api/item_collections.h"
#include "engine/api/messages.h"
#include "engine/api/request_schema.h"
#include "engine/base/limits.h"
#include "engine/capacity/units.h"
#include "engine/core/item_collection_limit.h"
#include "engine/core/write_path.h"
#include "engine/value/attribute_names.h"
#include "engine/value/item_size.h"
#include "engine/value/json_object.h"
#include "engine/value/json_reader.h"

namespace ddbpg::api {
namespace {

using json = nlohmann::json;

constexpr const char* kKeySchemaMismatchMessage =
    "The provided key element does not match the schema";

// A put's key checks, with the two messages BatchWriteItem words as a schema mismatch
// (measured in 2026 in four regions; dynalite does the same rewrite).
base::Result<value::PrimaryKey> KeyOfPutItem(const store::Table& table, const value::Item& item) {
  base::Result<value::PrimaryKey> key = table.KeyOfItem(item);
  if (key.ok()) return key;
  const std::string& message = key.status().message();
  if (message.find("Missing the key ") != std::string::npos ||
      message.find("Type mismatch for key ") != std::string::npos) {
    return base::Status::Validation(kKeySchemaMismatchMessage);
  }
  return key;
}

// Whether `key` is one of the table's earlier writes' keys (a batch holds at most 25).
bool KeyRepeated(const std::vector<PendingWrite>& writes, size_t count,
                 const value::PrimaryKey& key) {
  const value::PrimaryKeyLess less;
  for (size_t i = 0; i < count; ++i) {
    if (!less(writes[i].key, key) && !less(key, writes[i].key)) return true;
  }
  return false;
}

// A write past an item collection's size limit fails the whole request before anything is
// written (it would fail again on retry, so it cannot be left unprocessed).
base::Status CheckItemCollections(const core::EngineState& state,
                                  const std::vector<TableWrites>& tables) {
  for (const TableWrites& table_writes : tables) {
    const store::Table& table = *table_writes.table;
    for (const PendingWrite& write : table_writes.writes) {
      if (base::Status s = core::CheckItemCollectionSize(table, write.key, table.Find(write.key),
                                                         write.is_put ? &write.attributes : nullptr,
                                                         state.scale);
          !s.ok()) {
        return s;
      }
    }
  }
  return base::Status::OK();
}

// The WriteRequest as sent, for UnprocessedItems.
json SentRequest(const PendingWrite& write) {
  if (write.request != nullptr) return *write.request;
  json tree;
  value::ReadJson(write.request_text, tree);  // text the plain reader read whole
  return tree;
}

}  // namespace

base::Status CheckItemToPut(const value::Item& item) {
  if (value::ItemSize(item) > base::limits::kMaxItemBytes) {
    return base::Status::Validation(kItemTooLargeMessage);
  }
  return value::CheckAttributeNames(item);
}

base::Status ResolveWrites(core::EngineState& state, std::vector<TableWrites>& tables) {
  for (TableWrites& table_writes : tables) {
    table_writes.table = state.FindTable(table_writes.name);
    if (table_writes.table == nullptr) {
      return base::Status::ResourceNotFound(kItemNotFoundInTableMessage);
    }
    std::vector<PendingWrite>& writes = table_writes.writes;
    for (size_t i = 0; i < writes.size(); ++i) {
      base::Result<value::PrimaryKey> key =
          writes[i].is_put ? KeyOfPutItem(*table_writes.table, writes[i].attributes)
                           : table_writes.table->KeyFromKeyParameter(writes[i].attributes);
      if (!key.ok()) return key.status();
      if (KeyRepeated(writes, i, *key)) return base::Status::Validation(kDuplicateKeysMessage);
      writes[i].key = std::move(*key);
    }
  }
  return CheckItemCollections(state, tables);
}

base::Result<json> RunWrites(core::EngineState& state, std::vector<TableWrites>& tables,
                             const json& options) {
  const ReturnConsumedCapacity mode =
      ParseReturnConsumedCapacity(Member(options, "ReturnConsumedCapacity"));
  json unprocessed = json::object();
  json consumed = json::array();
  size_t processed = 0;
  base::Status first_throttle;
  ItemCollectionMetricsList collections;

  for (TableWrites& table_writes : tables) {
    store::Table& table = *table_writes.table;
    capacity::CapacityCharge charge_total;
    bool table_processed = false;
    for (PendingWrite& write : table_writes.writes) {
      // Each write rounds to 1 KB on its own; a put pays for the larger of the old and new
      // item, a delete for the item it removes (DYNAMODB-FACTS A.3), plus its index writes.
      core::PreparedWrite prepared;
      prepared.kind = write.is_put ? core::WriteKind::kPut : core::WriteKind::kDelete;
      prepared.table = &table;
      prepared.key = std::move(write.key);
      if (write.is_put) prepared.put_item = std::move(write.attributes);
      base::Result<core::WriteOutcome> outcome = core::ExecuteWrite(state, prepared);
      if (!outcome.ok()) {
        if (first_throttle.ok()) first_throttle = outcome.status();
        unprocessed[table_writes.name].push_back(SentRequest(write));
        continue;
      }
      if (ReturnsItemCollectionMetrics(table, options)) {
        collections.Note(table, prepared.key.partition);
      }
      charge_total += outcome->charge;
      table_processed = true;
      ++processed;
    }
    if (table_processed && mode != ReturnConsumedCapacity::kNone) {
      consumed.push_back(ConsumedCapacityJson(mode, table_writes.name, charge_total));
    }
  }
  // As BatchGetItem: throttled everywhere is an error, throttled somewhere a partial result.
  if (processed == 0 && !first_throttle.ok()) return first_throttle;

  json response = value::JsonObject({{"UnprocessedItems", std::move(unprocessed)}});
  if (mode != ReturnConsumedCapacity::kNone) response["ConsumedCapacity"] = std::move(consumed);
  if (!collections.empty()) response["ItemCollectionMetrics"] = collections.ToJson();
  return response;
}

}  // namespace ddbpg::api
