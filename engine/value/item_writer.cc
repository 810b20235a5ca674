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

// Digits, sign and point: nothing to escape.
void WriteNumber(base::JsonWriter& writer, const Number& number) {
  char text[Number::kMaxTextLength];
  writer.PlainString(std::string_view(text, number.Format(text)));
}

}  // namespace

void WriteAttributeValue(base::JsonWriter& writer, const AttributeValue& value) {
  // The commonest values, a string with nothing to escape and a number, in one piece.
  if (value.type() == AttributeType::kS && value.IsJsonPlain()) {
    return writer.PlainStringObject("S", value.AsString());
  }
  if (value.type() == AttributeType::kN) {
    char text[Number::kMaxTextLength];
    return writer.PlainStringObject("N", std::string_view(text, value.AsNumber().Format(text)));
  }
  writer.BeginObject();
  writer.PlainKey(AttributeTypeName(value.type()));
  switch (value.type()) {
    case AttributeType::kS:  // one with a byte to escape
      writer.String(value.AsString());
      break;
    case AttributeType::kN:  // written above
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
      for (const Number& member : value.AsNumberSet()) WriteNumber(writer, member);
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
