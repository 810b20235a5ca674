#include "engine/api/get_item_answer.h"

#include "engine/base/json_writer.h"
#include "engine/core/read_path.h"
#include "engine/expr/document.h"
#include "engine/value/item_writer.h"

namespace ddbpg::api {

base::Result<std::string> AnswerGetItem(core::EngineState& state, store::Table& table,
                                        const value::PrimaryKey& key, bool consistent,
                                        ReturnConsumedCapacity mode,
                                        const std::vector<expr::Path>& paths,
                                        capacity::CapacityCharge* charge) {
  base::Result<core::ItemRead> read = core::ReadItem(state, table, key, consistent);
  if (!read.ok()) return read.status();
  const value::Item* found = read->item;
  const double units = read->units;
  if (charge != nullptr) *charge = capacity::CapacityCharge{units, {}, {}};

  // Members in the order a tree would print them: ConsumedCapacity, then Item.
  std::string response;
  base::JsonWriter writer(response);
  writer.BeginObject();
  WriteConsumedCapacity(writer, mode, table.name(), capacity::CapacityCharge{units, {}, {}});
  if (found != nullptr) {
    writer.Key("Item");
    // (Not a conditional expression: that would copy the item when nothing is projected.)
    if (paths.empty()) {
      value::WriteItem(writer, *found);
    } else {
      value::WriteItem(writer, expr::Project(*found, paths));
    }
  }
  writer.EndObject();
  return response;
}

}  // namespace ddbpg::api
