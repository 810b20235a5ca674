// The engine's JSON reader, for request bodies and every document the engine reads back: the
// tree nlohmann's parser builds, built faster (a string is copied in runs instead of byte by
// byte, which was most of a 1 KB PutItem's time). It accepts
// exactly what nlohmann::json::parse accepts (RFC 8259, UTF-8 checked, a leading byte order mark
// skipped, non-finite numbers refused) and gives every number the type nlohmann gives it, so
// the handlers see the same tree either way; a seeded test compares the two on random input.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace ddbpg::value {

// The document in `text`, or false when it is not valid JSON (`out` is then unspecified).
// Nesting is limited to kMaxReadDepth levels (the dispatcher refuses far less first).
bool ReadJson(std::string_view text, nlohmann::json& out);

// The document in `text`, or a discarded value (is_discarded()) when it is not valid JSON: what
// nlohmann::json::parse(text, nullptr, false) answers. The engine reads all of its JSON with this
// reader, so nlohmann's parser (about 30 KB of wasm) is not in the module.
nlohmann::json ReadJsonOrDiscarded(std::string_view text);

inline constexpr int kMaxReadDepth = 512;

}  // namespace ddbpg::value
