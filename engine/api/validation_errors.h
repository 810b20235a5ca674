// ValidationErrors: collects the constraint violations of one request and renders them the way
// DynamoDB's request validator does:
//   "2 validation errors detected: Value null at 'tableName' failed to satisfy constraint:
//    Member must not be null; Value '0' at '...' failed to satisfy constraint: ..."
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/status.h"

namespace ddbpg::api {

using json = nlohmann::json;

class ValidationErrors {
 public:
  // Records "Value <rendered value> at '<path>' failed to satisfy constraint: <constraint>".
  void Add(const json& value, std::string_view path, std::string_view constraint);

  // The common constraints; each records nothing when the value satisfies it.
  void NotNull(const json& value, std::string_view path);
  void Enum(const json& value, std::string_view path, std::string_view allowed_list);
  // A table or index name: [a-zA-Z0-9_.-]+ and length min_length..255. Null is not checked
  // here. The table operations require 3 characters; the item operations only 1.
  void ResourceName(const json& value, std::string_view path, size_t min_length = 3);
  void MinLength(const json& value, std::string_view path, size_t min);
  void MaxLength(const json& value, std::string_view path, size_t max);
  void MinValue(const json& value, std::string_view path, long long min);
  void MaxValue(const json& value, std::string_view path, long long max);

  bool empty() const { return messages_.empty(); }
  // OK when nothing was recorded, else the ValidationException listing at most the first 10.
  base::Status ToStatus() const;

 private:
  std::vector<std::string> messages_;
};

// How the validator prints a value: null, '<string>', '<number>', or Java's toString for lists
// and structures.
std::string RenderValue(const json& value);

}  // namespace ddbpg::api
