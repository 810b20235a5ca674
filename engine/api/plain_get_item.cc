#include "engine/api/plain_get_item.h"

#include "engine/api/get_item_answer.h"
#include "engine/api/plain_request.h"
#include "engine/value/item_text.h"

namespace ddbpg::api {

std::optional<PlainGetItem> ReadPlainGetItem(std::string_view body) {
  PlainGetItem request;
  bool has_name = false;
  bool has_key = false;
  const bool plain =
      ReadPlainRequest(body, [&](value::JsonCursor& cursor, const std::string& name) {
        if (name == "TableName") return has_name = ReadPlainTableName(cursor, request.table_name);
        if (name == "Key") return has_key = value::ReadPlainItem(cursor, request.key);
        if (name == "ConsistentRead") {
          if (cursor.Literal("true")) return request.consistent = true;
          return cursor.Literal("false");
        }
        if (name == "ReturnConsumedCapacity") {
          nlohmann::json options;
          if (!ReadPlainOption(cursor, "ReturnConsumedCapacity", {"INDEXES", "TOTAL", "NONE"},
                               options)) {
            return false;
          }
          request.return_consumed_capacity =
              ParseReturnConsumedCapacity(options["ReturnConsumedCapacity"]);
          return true;
        }
        return false;
      });
  if (!plain || !has_name || !has_key) return std::nullopt;
  return request;
}

std::optional<base::Result<std::string>> GetPlainItem(core::EngineState& state,
                                                      const PlainGetItem& request) {
  // api::GetItem's checks in its order, each handed back to it when it fails.
  store::Table* table = state.FindTable(request.table_name);
  if (table == nullptr) return std::nullopt;
  base::Result<value::PrimaryKey> key = table->KeyFromKeyParameter(request.key);
  if (!key.ok()) return std::nullopt;
  return AnswerGetItem(state, *table, *key, request.consistent, request.return_consumed_capacity,
                       {}, nullptr);
}

}  // namespace ddbpg::api
