#include "engine/value/item_size.h"

namespace ddbpg::value {
namespace {

// A list or map costs 3 bytes however empty, plus 1 byte per element (Developer Guide,
// "Item sizes and formats"; shared/DYNAMODB-FACTS.md A.2).
constexpr size_t kDocumentOverheadBytes = 3;
constexpr size_t kDocumentElementOverheadBytes = 1;

}  // namespace

size_t AttributeValueSize(const AttributeValue& value) {
  switch (value.type()) {
    case AttributeType::kS:
    case AttributeType::kB:
      return value.AsString().size();
    case AttributeType::kN:
      return value.AsNumber().StorageBytes();
    case AttributeType::kBool:
    case AttributeType::kNull:
      return 1;
    case AttributeType::kSS:
    case AttributeType::kBS: {
      size_t total = 0;
      for (const std::string& member : value.AsStringSet()) total += member.size();
      return total;
    }
    case AttributeType::kNS: {
      size_t total = 0;
      for (const Number& member : value.AsNumberSet()) total += member.StorageBytes();
      return total;
    }
    case AttributeType::kL: {
      size_t total = kDocumentOverheadBytes;
      for (const AttributeValue& element : value.AsList()) {
        total += kDocumentElementOverheadBytes + AttributeValueSize(element);
      }
      return total;
    }
    case AttributeType::kM: {
      size_t total = kDocumentOverheadBytes;
      for (const auto& [name, element] : value.AsMap()) {
        total += kDocumentElementOverheadBytes + AttributeSize(name, element);
      }
      return total;
    }
  }
  return 0;
}

size_t AttributeSize(std::string_view name, const AttributeValue& value) {
  return name.size() + AttributeValueSize(value);
}

size_t ItemSize(const Item& item) {
  size_t total = 0;
  for (const auto& [name, value] : item) total += AttributeSize(name, value);
  return total;
}

}  // namespace ddbpg::value
