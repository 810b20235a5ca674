// Texts of the service that every layer uses (values, tables, requests).
#pragma once

namespace ddbpg::base {

// The prefix of DynamoDB's "One or more parameter values were invalid: ..." messages.
inline constexpr const char* kParameterValuesInvalid =
    "One or more parameter values were invalid: ";

}  // namespace ddbpg::base
