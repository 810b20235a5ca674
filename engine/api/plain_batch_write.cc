#include "engine/api/plain_batch_write.h"

#include <algorithm>
#include <utility>

#include "engine/api/plain_request.h"
#include "engine/base/limits.h"
#include "engine/value/item_text.h"
#include "engine/value/json_cursor.h"

namespace ddbpg::api {
namespace {

using base::limits::kMaxBatchWriteRequests;

// At a '{' holding exactly one member named `member`: reads its item into `out`.
bool ReadOnlyItem(value::JsonCursor& cursor, const char* member, value::Item& out) {
  bool read = false;
  return value::ReadObjectMembers(cursor,
                                  [&](const std::string& name) {
                                    if (read || name != member) return false;
                                    return read = value::ReadPlainItem(cursor, out);
                                  }) &&
         read;
}

// A WriteRequest: {"PutRequest": {"Item": ...}} or {"DeleteRequest": {"Key": ...}}, its text
// kept for UnprocessedItems.
bool ReadWriteRequest(value::JsonCursor& cursor, std::string_view body, PendingWrite& out) {
  const size_t start = cursor.Position();
  bool read = false;
  if (!value::ReadObjectMembers(cursor, [&](const std::string& name) {
        if (read) return false;
        out.is_put = name == "PutRequest";
        if (!out.is_put && name != "DeleteRequest") return false;
        return read = ReadOnlyItem(cursor, out.is_put ? "Item" : "Key", out.attributes);
      })) {
    return false;
  }
  out.request_text = body.substr(start, cursor.Position() - start);
  return read;
}

// RequestItems: table name to 1 to 25 WriteRequests, 25 in all, each table once.
bool ReadRequestItems(value::JsonCursor& cursor, std::string_view body,
                      std::vector<TableWrites>& tables) {
  size_t total = 0;
  if (!value::ReadObjectMembers(cursor, [&](std::string name) {
        if (!IsValidTableName(name)) return false;
        for (const TableWrites& table : tables) {
          if (table.name == name) return false;
        }
        TableWrites& table = tables.emplace_back();
        table.name = std::move(name);
        return value::ReadArrayElements(cursor,
                                        [&] {
                                          if (++total > kMaxBatchWriteRequests) return false;
                                          return ReadWriteRequest(cursor, body,
                                                                  table.writes.emplace_back());
                                        }) &&
               !table.writes.empty();
      })) {
    return false;
  }
  // The general reader's tree keeps a map's members in name order, and runs the tables so.
  std::sort(tables.begin(), tables.end(),
            [](const TableWrites& a, const TableWrites& b) { return a.name < b.name; });
  return !tables.empty();
}

}  // namespace

std::optional<PlainBatchWrite> ReadPlainBatchWrite(std::string_view body) {
  PlainBatchWrite request;
  bool has_items = false;
  const bool plain =
      ReadPlainRequest(body, [&](value::JsonCursor& cursor, const std::string& name) {
        if (name == "RequestItems")
          return has_items = ReadRequestItems(cursor, body, request.tables);
        if (std::optional<bool> read =
                ReadPlainWriteReturnOption(cursor, name, request.return_options)) {
          return *read;
        }
        return false;
      });
  if (!plain || !has_items) return std::nullopt;
  return request;
}

std::optional<base::Result<std::string>> WritePlainBatch(core::EngineState& state,
                                                         PlainBatchWrite& request) {
  // api::BatchWriteItem's checks in its order, each handed back to it when it fails.
  for (const TableWrites& table : request.tables) {
    for (const PendingWrite& write : table.writes) {
      if (write.is_put && !CheckItemToPut(write.attributes).ok()) return std::nullopt;
    }
  }
  if (!ResolveWrites(state, request.tables).ok()) return std::nullopt;
  base::Result<nlohmann::json> answer = RunWrites(state, request.tables, request.return_options);
  if (!answer.ok()) return base::Result<std::string>(answer.status());
  return base::Result<std::string>(
      answer->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace ddbpg::api
