// Amazon Ion text (amazon-ion.github.io/ion-docs) as DynamoDB's exports write it and ImportTable
// reads it: a document of the form {Item:{name:value,...}}, with S as an Ion string, N as a
// decimal, B as a blob, BOOL and NULL as Ion's, L as a list, M as a struct, and SS, NS and BS as
// lists annotated $dynamodb_SS, $dynamodb_NS and $dynamodb_BS. Both directions work on DynamoDB
// JSON trees ({"S": "x"}), so the item rules stay in one place (value::DecodeItem).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ddbpg::exchange {

using json = nlohmann::json;

// `document` (a JSON object of DynamoDB JSON values under top-level names, such as
// {"Item": {...}} or {"Keys": ..., "NewImage": ...}) as one Ion struct on one line.
std::string IonStruct(const json& document);

// The top-level values of an Ion text (after the $ion_1_0 marker), each turned back into the
// JSON form IonStruct() takes; nothing, with `error` set, when the text is not Ion this reader
// knows (the types above, comments, annotations) or a value has no DynamoDB form.
std::optional<std::vector<json>> ParseIonDocuments(std::string_view text, std::string* error);

}  // namespace ddbpg::exchange
