// PartiQL's reserved words: SQL-92's keywords and PartiQL's own (its type names, MISSING, PIVOT,
// RETURNING, ...). The service's parser reads a bare reserved word as a keyword wherever it
// stands, so a path component that is one must be double-quoted ("m"."inner").
#pragma once

#include <string_view>

namespace ddbpg::partiql {

// Whether `word`, compared without regard to case, is a PartiQL reserved word.
bool IsReservedWord(std::string_view word);

}  // namespace ddbpg::partiql
