// A PartiQL statement made into the JSON API request it stands for, as the Developer Guide's
// PartiQL pages describe each: a SELECT naming the whole key is a GetItem, one with the
// partition key's equality a Query, any other a Scan; INSERT is a PutItem that must not find
// the key, UPDATE an UpdateItem that must, DELETE a DeleteItem. The WHERE clause becomes the
// key, the key condition, the filter or the condition expression.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "engine/base/status.h"
#include "engine/core/engine_state.h"

namespace ddbpg::api {

using json = nlohmann::json;

// kConditionCheck: EXISTS(SELECT ...), which only a transaction takes.
enum class PartiqlOperation {
  kGetItem,
  kQuery,
  kScan,
  kPutItem,
  kUpdateItem,
  kDeleteItem,
  kConditionCheck
};

struct TranslatedStatement {
  PartiqlOperation operation = PartiqlOperation::kScan;
  std::string table;
  // The request with TableName, the key or item and the expressions; the caller adds the
  // members that come from the PartiQL request (ConsistentRead, Limit, ReturnConsumedCapacity).
  json request;
  // An EXISTS whose WHERE clause names the key and nothing more, which a transaction refuses
  // naming the statement.
  bool exists_without_condition = false;

  bool is_read() const {
    return operation == PartiqlOperation::kGetItem || operation == PartiqlOperation::kQuery ||
           operation == PartiqlOperation::kScan;
  }
};

// Parses `statement` and translates it with `parameters` (a JSON array of AttributeValues, or
// null) against the tables of `state`. Errors, in this order: the statement's syntax, the
// number of parameters, the table (ResourceNotFoundException), a key the WHERE clause must name.
// `value_fault`, when given, is set when the error is a parameter's value (a transaction names
// the statement of its other faults, not of these: captured, 2026).
base::Result<TranslatedStatement> TranslateStatement(const core::EngineState& state,
                                                     std::string_view statement,
                                                     const json& parameters,
                                                     bool* value_fault = nullptr);

}  // namespace ddbpg::api
