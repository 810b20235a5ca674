#include "engine/value/item_writer.h"

#include "engine/value/base64.h"

namespace ddbpg::value {
namespace {

void WriteStrings(base::JsonWriter& writer, const std::vector<std::string>& members, bool binary) {
  writer.BeginArray();
  for (const std::string& member : members) {
    if (binary) {
      writer.PlainString(Base64Encode(member));
    } else {
      writer.String(member);
    }
  }
  writer.EndArray();
}

}  // namespace

void WriteAttributeValue(base::JsonWriter& writer, const AttributeValue& value) {
  writer.BeginObject();
  writer.Key(AttributeTypeName(value.type()));
  switch (value.type()) {
    case AttributeType::kS:
      if (value.IsJsonPlain()) {
        writer.PlainString(value.AsString());
      } else {
        writer.String(value.AsString());
      }
      break;
    case AttributeType::kN:  // digits, sign, point and exponent: nothing to escape
      writer.PlainString(value.AsNumber().ToString());
      break;
    case AttributeType::kB:
      writer.PlainString(Base64Encode(value.AsString()));
      break;
    case AttributeType::kBool:
      writer.Bool(value.AsBool());
      break;
    case AttributeType::kNull:
      writer.Bool(true);
      break;
    case AttributeType::kSS:
      WriteStrings(writer, value.AsStringSet(), /*binary=*/false);
      break;
    case AttributeType::kBS:
      WriteStrings(writer, value.AsStringSet(), /*binary=*/true);
      break;
    case AttributeType::kNS:
      writer.BeginArray();
      for (const Number& member : value.AsNumberSet()) writer.PlainString(member.ToString());
      writer.EndArray();
      break;
    case AttributeType::kL:
      writer.BeginArray();
      for (const AttributeValue& element : value.AsList()) WriteAttributeValue(writer, element);
      writer.EndArray();
      break;
    case AttributeType::kM:
      WriteItem(writer, value.AsMap());
      break;
  }
  writer.EndObject();
}

void WriteItem(base::JsonWriter& writer, const Item& item) {
  writer.BeginObject();
  for (const auto& [name, value] : item) {
    writer.Key(name);
    WriteAttributeValue(writer, value);
  }
  writer.EndObject();
}

}  // namespace ddbpg::value
