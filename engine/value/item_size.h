// Item size by DynamoDB's rules (Developer Guide, "Item sizes and formats"); every capacity
// figure and the 400 KB limit are computed from it.
#pragma once

#include <cstddef>
#include <string_view>

#include "engine/value/attribute_value.h"

namespace ddbpg::value {

// Bytes a value occupies, not counting the name of the attribute holding it.
size_t AttributeValueSize(const AttributeValue& value);

// Bytes of a top-level attribute: UTF-8 bytes of its name plus its value.
size_t AttributeSize(std::string_view name, const AttributeValue& value);

// The sum of AttributeSize over the item's attributes.
size_t ItemSize(const Item& item);

}  // namespace ddbpg::value
