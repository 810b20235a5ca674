// Items and AttributeValues written as DynamoDB JSON straight into a response (JsonWriter),
// without building an nlohmann tree: the same text EncodeItem's tree dumps to.
#pragma once

#include "engine/base/json_writer.h"
#include "engine/value/attribute_value.h"

namespace ddbpg::value {

void WriteAttributeValue(base::JsonWriter& writer, const AttributeValue& value);
void WriteItem(base::JsonWriter& writer, const Item& item);

}  // namespace ddbpg::value
