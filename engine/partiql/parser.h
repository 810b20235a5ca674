// Parses one PartiQL statement of DynamoDB's dialect: SELECT, INSERT, UPDATE and DELETE (the
// Developer Guide's "PartiQL statements for DynamoDB" pages). A statement outside it is a
// ValidationException with the service's "Statement wasn't well formed" prefix.
#pragma once

#include <string_view>

#include "engine/base/status.h"
#include "engine/partiql/ast.h"

namespace ddbpg::partiql {

// The statement, with every `?` numbered in the order written.
base::Result<Statement> Parse(std::string_view statement);

}  // namespace ddbpg::partiql
