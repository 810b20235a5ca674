// Ion text as exports write it and imports read it: each DynamoDB type's Ion form, the
// Developer Guide's example read as written, errors for Ion without a DynamoDB form, and random
// items through Ion and back (seeded).
#include "engine/exchange/ion_text.h"

#include <gtest/gtest.h>

#include <string>

#include "engine/base/rng.h"
#include "engine/value/ddb_json.h"

namespace ddbpg::exchange {
namespace {

// An item's DynamoDB JSON as the engine normalizes it (numbers in canonical form).
json Normalized(const json& item) {
  base::Result<value::Item> decoded = value::DecodeItem(item);
  EXPECT_TRUE(decoded.ok()) << item.dump();
  return decoded.ok() ? value::EncodeItem(*decoded) : json();
}

TEST(IonTextTest, WritesEachTypeAsTheServiceDoes) {
  const json item = json::parse(R"({
    "Authors": {"SS": ["Author1", "Author2"]}, "Id": {"N": "103"}, "PageCount": {"N": "600"},
    "Price": {"N": "-2.5"}, "Big": {"N": "1.5E+30"}, "InPublication": {"BOOL": false},
    "Nothing": {"NULL": true}, "Blob": {"B": "AQI="}, "Blobs": {"BS": ["AQI="]},
    "Scores": {"NS": ["1", "20"]}, "Tags": {"L": [{"S": "a\"b"}, {"N": "0"}]},
    "Meta": {"M": {"odd name": {"S": "x\ny"}}}})");
  EXPECT_EQ(IonStruct({{"Item", item}}),
            "{Item:{Authors:$dynamodb_SS::[\"Author1\",\"Author2\"],Big:1.5d30,Blob:{{AQI=}},"
            "Blobs:$dynamodb_BS::[{{AQI=}}],Id:103.,InPublication:false,"
            "Meta:{'odd name':\"x\\ny\"},Nothing:null,PageCount:6d2,Price:-2.5,"
            "Scores:$dynamodb_NS::[1.,2d1],Tags:[\"a\\\"b\",0.]}}");
}

TEST(IonTextTest, ReadsEveryOneLetterEscape) {
  const std::string text = R"({Item:{s:"\a\b\f\n\r\t\v\0\"\'\\\/\?|"}})";
  std::string error;
  std::optional<std::vector<json>> documents = ParseIonDocuments(text, &error);
  ASSERT_TRUE(documents.has_value()) << error;
  ASSERT_EQ(documents->size(), 1u);
  EXPECT_EQ((*documents)[0]["Item"]["s"]["S"],
            std::string("\a\b\f\n\r\t\v") + std::string(1, '\0') + "\"'\\/?|");
}

TEST(IonTextTest, ReadsTheDeveloperGuideExample) {
  const std::string text = R"($ion_1_0 {
    Item:{
        Authors:$dynamodb_SS::["Author1","Author2"],
        Dimensions:"8.5 x 11.0 x 1.5",
        ISBN:"333-3333333333",
        Id:103.,
        InPublication:false,
        PageCount:6d2,
        Price:2d3,
        ProductCategory:"Book",
        Title:"Book 103 Title"
    }
}
$ion_1_0 {Item:{Id:104., Note:'''long '''  '''string''', Raw:{{ AQ== }}}} // a comment
)";
  std::string error;
  std::optional<std::vector<json>> documents = ParseIonDocuments(text, &error);
  ASSERT_TRUE(documents.has_value()) << error;
  ASSERT_EQ(documents->size(), 2u);
  EXPECT_EQ(Normalized((*documents)[0]["Item"]), json::parse(R"({
    "Authors": {"SS": ["Author1", "Author2"]}, "Dimensions": {"S": "8.5 x 11.0 x 1.5"},
    "ISBN": {"S": "333-3333333333"}, "Id": {"N": "103"}, "InPublication": {"BOOL": false},
    "PageCount": {"N": "600"}, "Price": {"N": "2000"}, "ProductCategory": {"S": "Book"},
    "Title": {"S": "Book 103 Title"}})"));
  EXPECT_EQ((*documents)[1]["Item"]["Note"], json({{"S", "long string"}}));
  EXPECT_EQ((*documents)[1]["Item"]["Raw"], json({{"B", "AQ=="}}));
}

TEST(IonTextTest, QuotesNamesIonReadsAsSymbolIds) {
  EXPECT_EQ(IonStruct({{"Item", {{"$10", {{"S", "x"}}}, {"$a", {{"S", "y"}}}}}}),
            "{Item:{'$10':\"x\",$a:\"y\"}}");
}

TEST(IonTextTest, RefusesIonWithoutADynamoDbForm) {
  for (const char* text :
       {"{Item:{a:someSymbol}}", "{Item:{a:{{\"clob\"}}}}", "{Item:{a:\"open",
        "{Item:{a:$dynamodb_SS::[1.]}}", "{Item:{a:$dynamodb_NS::\"x\"}}", "[1, 2]",
        "{Item:{a:0x1F}}", "{Item:\"not a struct\"}", "{Item:{a:(sexp)}}", "{Item:{a:1 b:2}}",
        "{Item:{a:\"\\ud800\"}}", "{Item:{a:\"\\U00110000\"}}", "{Item:{a:'''bad \\x'''}}",
        "{Item:{a:\"ends\\"}) {
    std::string error;
    EXPECT_FALSE(ParseIonDocuments(text, &error).has_value()) << text;
    EXPECT_FALSE(error.empty()) << text;
  }
}

// A random attribute value of any type, nested up to `depth`.
json RandomValue(base::Rng& rng, int depth) {
  auto pick = [&](int n) { return static_cast<int>(rng.NextDouble() * n); };
  auto text = [&] {
    static const char* kPieces[] = {"a", "Z", " ", "\"", "\\", "\n", "é", "日本", "'", "$", "0"};
    std::string s;
    for (int i = pick(6); i > 0; --i) s += kPieces[pick(11)];
    return s;
  };
  auto number = [&] {
    static const char* kNumbers[] = {
        "0",      "7",     "-3",    "600",     "1.25",
        "-0.001", "1E+10", "12300", "9.99E-5", "123456789012345678901234567890"};
    return std::string(kNumbers[pick(10)]);
  };
  switch (depth > 0 ? pick(10) : pick(7)) {
    case 0:
      return {{"S", text()}};
    case 1:
      return {{"N", number()}};
    case 2:
      return {{"B", pick(2) ? "AQI=" : ""}};
    case 3:
      return {{"BOOL", pick(2) == 1}};
    case 4:
      return {{"NULL", true}};
    case 5:
      return {{"SS", {"x" + text(), "y" + text()}}};
    case 6:
      return {{"NS", {"1", number() == "1" ? "2" : "-4.5"}}};
    case 7:
      return {{"BS", {"AQ==", "Ag=="}}};
    case 8: {
      json list = json::array();
      for (int i = pick(4); i > 0; --i) list.push_back(RandomValue(rng, depth - 1));
      return {{"L", list}};
    }
    default: {
      json map = json::object();
      for (int i = pick(4); i > 0; --i)
        map[text() + std::to_string(i)] = RandomValue(rng, depth - 1);
      return {{"M", map}};
    }
  }
}

TEST(IonTextTest, RandomItemsSurviveIonAndBack) {
  base::Rng rng(1603);
  std::string text;
  std::vector<json> items;
  for (int n = 0; n < 300; ++n) {
    json item = {{"pk", {{"S", "k" + std::to_string(n)}}}};
    for (int i = static_cast<int>(rng.NextDouble() * 6); i > 0; --i) {
      item["a" + std::to_string(i)] = RandomValue(rng, 3);
    }
    items.push_back(Normalized(item));
    text += "$ion_1_0 " + IonStruct({{"Item", item}}) + "\n";
  }
  std::string error;
  std::optional<std::vector<json>> documents = ParseIonDocuments(text, &error);
  ASSERT_TRUE(documents.has_value()) << error;
  ASSERT_EQ(documents->size(), items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(Normalized((*documents)[i]["Item"]), items[i]) << i;
  }
}

}  // namespace
}  // namespace ddbpg::exchange
