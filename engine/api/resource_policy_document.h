// A resource-based policy document as PutResourcePolicy and CreateTable's ResourcePolicy take it:
// the checks the service makes that need no IAM (size, JSON, the grammar's required fields,
// unique statement ids, no Allow to everyone), and the canonical form it stores and
// GetResourcePolicy answers with. What a policy permits is never evaluated: the playground's
// caller may do everything (docs/differences.md, "Resource-based policies").
// Texts from the live service (2026 captures), except those docs/differences.md lists as guessed.
#pragma once

#include <string>

#include "engine/base/resource_policy.h"
#include "engine/base/status.h"

namespace ddbpg::api {

// The document (at most base::limits::kMaxPolicyDocumentBytes as sent) in canonical form: minified,
// the keys in IAM's order (Version, Id, Statement; Sid, Effect, Principal, NotPrincipal, Action,
// NotAction, Resource, NotResource, Condition, then any other in name order), one-element lists
// of strings as the string, duplicates in such lists removed, and an account id as principal
// ({"AWS": "123456789012"}) as its root user's ARN. Two documents that differ only in those
// respects are the same policy: a second put of it changes nothing. ValidationException for a
// document the service refuses.
base::Result<std::string> CanonicalPolicyDocument(const std::string& text);

// The revision id a change made `now` (seconds) gets: epoch milliseconds, and always above the
// slot's previous revision so ids grow in change order even when the clock goes back (a host
// clock adjusted, a playground reopened on another machine).
std::string NextRevisionId(const base::ResourcePolicy& slot, double now);

}  // namespace ddbpg::api
