// The DynamoDB-JSON codec: AttributeValues and items between the wire form
// ({"S": "x"}, {"N": "1.5"}, {"B": "<base64>"}, ...) and AttributeValue.
//
// Decoding is split in two because DynamoDB reports problems in two rounds: every JSON-type
// mismatch in the request is a SerializationException (CheckAttributeValueWire), found before
// any value rule is checked; the value rules (empty or duplicate sets, numbers, nesting) are
// ValidationExceptions (DecodeAttributeValue), checked after the request's own members.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "engine/base/status.h"
#include "engine/value/attribute_value.h"

namespace ddbpg::value {

using json = nlohmann::json;

// OK when every member of the AttributeValue (and of nested ones) has the JSON type the
// protocol expects; unknown members are ignored, as the service ignores them.
base::Status CheckAttributeValueWire(const json& value);
// The same for a map of name to AttributeValue (an Item, a Key, ExpressionAttributeValues).
base::Status CheckAttributeMapWire(const json& value);

// The service checks values in one of two layers, and the operation decides which; the layer
// decides the wording of a bad number or a duplicate set member (captured in four regions,
// 2026). kCurrent: PutItem, UpdateItem, DeleteItem, GetItem, BatchGetItem, Query and the
// transactions (as eu-west-2 answers them). kOlder: BatchWriteItem and Scan, which read numbers
// as Java's BigDecimal does and print a duplicate set's members as sent, unquoted.
enum class ValueLayer { kCurrent, kOlder };

struct DecodeOptions {
  // PutItem, UpdateItem and DeleteItem report number and duplicate-member errors inside
  // "1 validation error detected: "; the other operations report them bare.
  bool envelope_value_errors = false;
  ValueLayer layer = ValueLayer::kCurrent;
  // Where the value sits, as its faults name it ("ExpressionAttributeValues contains invalid
  // value: " ... " for key :v"): around every fault, except that the current layer reports a
  // number's or a set member's fault bare.
  std::string_view fault_prefix;
  std::string_view fault_suffix;
};

// Decodes a wire-checked AttributeValue, enforcing DynamoDB's value rules.
base::Result<AttributeValue> DecodeAttributeValue(const json& value, DecodeOptions options = {});
// Decodes a wire-checked map of AttributeValues.
base::Result<Item> DecodeItem(const json& value, DecodeOptions options = {});

json EncodeAttributeValue(const AttributeValue& value);
json EncodeItem(const Item& item);

}  // namespace ddbpg::value
