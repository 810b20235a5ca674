// Document paths over items: reading the value at `a.b[2].c`, writing and removing there, and
// projecting an item onto a set of paths the way DynamoDB returns nested parts.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "engine/base/status.h"
#include "engine/expr/ast.h"
#include "engine/value/attribute_value.h"

namespace ddbpg::expr {

// The value at `path`, or nullptr when any step is missing or of the wrong kind.
const value::AttributeValue* FindAtPath(const value::Item& item, const Path& path);

// Writes `value` at `path`. The parent must exist and be a map (for a name) or a list (for an
// index); an index past the end appends. Returns false when the path cannot be written.
bool SetAtPath(value::Item& item, const Path& path, value::AttributeValue value);

// Removes the value at `path`; a missing path is not an error. A list element removal shifts
// the later elements down. Returns false only when the path crosses a value of the wrong kind.
bool RemoveAtPath(value::Item& item, const Path& path);

// The parts of `item` the paths name, keeping maps and lists around them (list elements keep
// their order, compacted). Paths that name nothing are skipped.
value::Item Project(const value::Item& item, const std::vector<Path>& paths);

// "[a, b, [2]]": a path as the service prints it in overlap and conflict messages.
std::string DescribePath(const Path& path);

// The top-level attribute names a condition reads (its paths' first elements, resolved).
std::set<std::string> TopLevelNames(const Condition& condition);

// OK when no two of `paths` overlap (one a prefix of the other) or conflict (one indexes a list
// where the other names a map member); otherwise the service's message, after `prefix`
// ("Invalid UpdateExpression: ", "Invalid ProjectionExpression: ").
base::Status CheckPathsDisjoint(const std::vector<Path>& paths, const std::string& prefix);

}  // namespace ddbpg::expr
