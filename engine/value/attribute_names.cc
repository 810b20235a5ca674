#include "engine/value/attribute_names.h"

#include <string>

#include "engine/base/limits.h"

namespace ddbpg::value {
namespace {

// Whether a map key inside `value`, at any depth, passes `bad`.
template <typename Predicate>
bool HasNestedName(const AttributeValue& value, const Predicate& bad) {
  if (value.type() == AttributeType::kL) {
    for (const AttributeValue& element : value.AsList()) {
      if (HasNestedName(element, bad)) return true;
    }
  }
  if (value.type() == AttributeType::kM) {
    for (const auto& [name, element] : value.AsMap()) {
      if (bad(name) || HasNestedName(element, bad)) return true;
    }
  }
  return false;
}

// Whether an attribute name of `item` or a map key inside it passes `bad`.
template <typename Predicate>
bool HasName(const Item& item, const Predicate& bad) {
  for (const auto& [name, value] : item) {
    if (bad(name) || HasNestedName(value, bad)) return true;
  }
  return false;
}

}  // namespace

base::Status CheckAttributeNames(const Item& item) {
  if (HasName(item, [](const std::string& name) { return name.empty(); })) {
    return base::Status::Validation("Empty attribute name");
  }
  if (HasName(item, [](const std::string& name) {
        return name.size() > base::limits::kMaxAttributeNameBytes;
      })) {
    // The service's text says "less than 65536" (ExtendDB issue #365, measured in 2026).
    return base::Status::Validation(
        "1 validation error detected: Attribute name is too large, must be less than 65536 "
        "bytes");
  }
  return base::Status::OK();
}

}  // namespace ddbpg::value
