// StreamSpecification on CreateTable and UpdateTable: its rules, with the live service's texts
// (which say "UpdateViewType"), and turning a table's stream on and off.
#pragma once

#include <optional>
#include <nlohmann/json.hpp>

#include "engine/core/engine_state.h"
#include "engine/api/request_schema.h"
#include "engine/api/validation_errors.h"
#include "engine/base/status.h"

namespace ddbpg::api {

using json = nlohmann::json;

// The StreamSpecification member (CreateTable, UpdateTable), for the request shape walker.
MemberSpec StreamSpecificationMember();

// The validator's constraints (StreamEnabled present, StreamViewType in its enum).
void ValidateStreamSpecification(const json& request, ValidationErrors& errors);

// What the request asks of the table's stream.
struct StreamChange {
  enum class Action { kNone, kEnable, kDisable } action = Action::kNone;
  streams::StreamViewType view_type = streams::StreamViewType::kKeysOnly;
};
// CreateTable's rules (`current` null) or UpdateTable's, against the table's current stream.
base::Result<StreamChange> CheckStreamChange(const json& request, const store::Table* current);

// Applies a change: a new stream (with a new ARN and label) starts recording the table's
// changes, or the current one stops. The table's name is its stream ARN's.
void ApplyStreamChange(core::EngineState& state, store::Table& table, const StreamChange& change);

// Makes `stream` record every change of `table` (a new stream, or one restored from a snapshot).
void ConnectStream(core::EngineState& state, store::Table& table, streams::Stream& stream);

// Stops the stream of a table being deleted; its records stay readable for 24 hours.
void DisableStreamOf(core::EngineState& state, store::Table& table);

}  // namespace ddbpg::api
