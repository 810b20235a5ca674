// The rules every attribute name in a stored item follows, nested map keys included.
#pragma once

#include "engine/base/status.h"
#include "engine/value/attribute_value.h"

namespace ddbpg::value {

// ValidationException when an attribute name of `item`, nested map keys included, is empty
// ("Empty attribute name", reported before the table is looked up: 2026 captures of
// TransactWriteItems) or longer than 65,535 bytes. Every write that stores an item checks it,
// and an import refuses such an item (a key attribute's name is already bounded by its
// table's schema).
base::Status CheckAttributeNames(const Item& item);

}  // namespace ddbpg::value
