// ResourcePolicy: the slot for the resource-based policy of a table or of a stream
// (PutResourcePolicy, CreateTable's ResourcePolicy). A plain record that a table's definition and
// a stream each hold; engine/api/resource_policy_document.h checks and canonicalizes documents.
#pragma once

#include <optional>
#include <string>

namespace ddbpg::base {

struct ResourcePolicy {
  // The attached document in the canonical form GetResourcePolicy answers with; empty while no
  // policy is attached.
  std::string document;
  // The attached policy's revision, or after a delete the last one: the service's revision ids
  // are the change's time in epoch milliseconds (13 digits), and a new one must exceed it.
  std::string revision_id;
  // Seconds on the engine's clock of the last PutResourcePolicy or DeleteResourcePolicy that
  // changed the slot: another change waits 15 seconds after it. CreateTable's policy sets none.
  std::optional<double> changed_at;

  bool attached() const { return !document.empty(); }
};

}  // namespace ddbpg::base
