#include "engine/api/plain_put_item.h"

#include "engine/api/plain_request.h"
#include "engine/api/write_answer.h"
#include "engine/base/limits.h"
#include "engine/core/write_path.h"
#include "engine/value/attribute_names.h"
#include "engine/value/item_size.h"
#include "engine/value/item_text.h"

namespace ddbpg::api {

std::optional<PlainPutItem> ReadPlainPutItem(std::string_view body) {
  PlainPutItem request;
  bool has_name = false;
  bool has_item = false;
  const bool plain = ReadPlainRequest(body, [&](value::JsonCursor& cursor,
                                                const std::string& name) {
    if (name == "TableName") return has_name = ReadPlainTableName(cursor, request.table_name);
    if (name == "Item") return has_item = value::ReadPlainItem(cursor, request.item);
    // ReturnValues takes only what a put may return; other values are errors api::PutItem reports.
    if (name == "ReturnValues") {
      return ReadPlainOption(cursor, "ReturnValues", {"NONE", "ALL_OLD"}, request.return_options);
    }
    if (std::optional<bool> read =
            ReadPlainWriteReturnOption(cursor, name, request.return_options)) {
      return *read;
    }
    return false;
  });
  if (!plain || !has_name || !has_item) return std::nullopt;
  return request;
}

std::optional<base::Result<std::string>> PutPlainItem(core::EngineState& state,
                                                      PlainPutItem& request) {
  // api::PutItem's checks in its order (PrepareWrite), each handed back to it when it fails.
  if (value::ItemSize(request.item) > base::limits::kMaxItemBytes) return std::nullopt;
  if (!value::CheckAttributeNames(request.item).ok()) return std::nullopt;
  core::PreparedWrite write;
  write.kind = core::WriteKind::kPut;
  write.table = state.FindTable(request.table_name);
  if (write.table == nullptr) return std::nullopt;
  base::Result<value::PrimaryKey> key = write.table->KeyOfItem(request.item);
  if (!key.ok()) return std::nullopt;
  write.key = std::move(*key);
  write.put_item = std::move(request.item);

  base::Result<core::WriteOutcome> outcome = core::ExecuteWrite(state, write);
  if (!outcome.ok()) return base::Result<std::string>(outcome.status());
  // Without a return option there is nothing to answer, and no tree to build for it.
  if (request.return_options.is_null()) return base::Result<std::string>(std::string("{}"));
  return base::Result<std::string>(
      PutOrDeleteAnswer(request.return_options, write, *outcome)
          .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace ddbpg::api
