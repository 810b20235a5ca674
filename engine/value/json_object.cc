#include "engine/value/json_object.h"

#include <string>
#include <utility>

namespace ddbpg::value {

nlohmann::json JsonObject(std::initializer_list<JsonMember> members) {
  nlohmann::json out(nlohmann::json::value_t::object);
  auto& object = out.get_ref<nlohmann::json::object_t&>();
  for (const JsonMember& member : members) {
    object.emplace(std::string(member.name), std::move(member.value));
  }
  return out;
}

}  // namespace ddbpg::value
