#include "engine/api/stream_specification.h"

#include "engine/api/messages.h"
#include "engine/api/request_schema.h"
#include "engine/base/utc_time.h"

namespace ddbpg::api {
namespace {

// The service's enum order, not alphabetical.
constexpr const char* kViewTypes = "[OLD_IMAGE, KEYS_ONLY, NEW_AND_OLD_IMAGES, NEW_IMAGE]";

base::Status Invalid(const std::string& message) {
  return base::Status::Validation(std::string(kInvalidParameters) + message);
}

}  // namespace

MemberSpec StreamSpecificationMember() {
  return {
      "StreamSpecification",
      value::WireType::kStructure,
      "StreamSpecification",
      MemberKind::kPlain,
      {{"StreamEnabled", value::WireType::kBoolean}, {"StreamViewType", value::WireType::kString}}};
}

void ValidateStreamSpecification(const json& request, ValidationErrors& errors) {
  const json& specification = Member(request, "StreamSpecification");
  if (specification.is_null()) return;
  errors.NotNull(Member(specification, "StreamEnabled"), "streamSpecification.streamEnabled");
  errors.Enum(Member(specification, "StreamViewType"), "streamSpecification.streamViewType",
              kViewTypes);
}

base::Result<StreamChange> CheckStreamChange(const json& request, const store::Table* current) {
  StreamChange change;
  const json& specification = Member(request, "StreamSpecification");
  if (specification.is_null()) return change;
  const bool enable = Member(specification, "StreamEnabled") == true;
  const json& view_type = Member(specification, "StreamViewType");
  if (current == nullptr) {
    if (enable && view_type.is_null()) {
      return Invalid("Table is being created with a stream enabled, UpdateViewType is required");
    }
    if (!enable && !view_type.is_null()) {
      return Invalid(
          "Table is being created with a stream disabled, UpdateViewType should not be specified");
    }
  } else {
    if (enable && view_type.is_null()) {
      return Invalid("If stream is being enabled then UpdateViewType is required");
    }
    if (!enable && !view_type.is_null()) {
      return Invalid("If stream is being disabled, then UpdateViewType must not be specified");
    }
    const bool has_stream = current->definition().stream_view_type.has_value();
    if (enable && has_stream) {
      return base::Status::Validation("Table already has an enabled stream: TableName: " +
                                      current->name());
    }
    if (!enable && !has_stream) {
      return base::Status::Validation("Table has no stream to disable: TableName: " +
                                      current->name());
    }
  }
  if (enable) {
    change.action = StreamChange::Action::kEnable;
    change.view_type = *streams::ParseStreamViewType(view_type.get<std::string>());
  } else if (current != nullptr) {
    change.action = StreamChange::Action::kDisable;
  }
  return change;
}

void ConnectStream(core::EngineState& state, store::Table& table, streams::Stream& stream) {
  streams::Stream* recording = &stream;
  const base::Clock* clock = &state.clock;
  table.SetChangeListener([recording, clock](const value::Item* before, const value::Item* after,
                                             store::Table::ChangeOrigin origin) {
    recording->Append(before, after, origin == store::Table::ChangeOrigin::kTimeToLive,
                      clock->NowSeconds());
  });
}

void ApplyStreamChange(core::EngineState& state, store::Table& table, const StreamChange& change) {
  if (change.action == StreamChange::Action::kNone) return;
  if (change.action == StreamChange::Action::kDisable) {
    DisableStreamOf(state, table);
    return;
  }
  // The label is the time the stream was enabled; a second stream of the same table in the same
  // millisecond (possible on a virtual clock) takes the next one, so ARNs stay unique.
  double at = state.clock.NowSeconds();
  std::string label;
  std::string arn;
  do {
    label = base::FormatUtcIsoMillis(at);
    arn = state.TableArn(table.name()) + "/stream/" + label;
    at += 0.001;
  } while (state.FindStream(arn) != nullptr);

  std::vector<std::pair<std::string, std::string>> key_schema;
  for (const store::KeySchemaElement& element : table.definition().key_schema) {
    key_schema.push_back(
        {element.attribute_name, element.key_type == store::KeyType::kHash ? "HASH" : "RANGE"});
  }
  state.streams.push_back(std::make_unique<streams::Stream>(
      table.name(), arn, label, change.view_type, std::move(key_schema), state.clock.NowSeconds(),
      &state.next_stream_sequence));
  ConnectStream(state, table, *state.streams.back());
  store::TableDefinition& definition = table.mutable_definition();
  definition.stream_view_type = change.view_type;
  definition.latest_stream_arn = arn;
  definition.latest_stream_label = label;
}

void DisableStreamOf(core::EngineState& state, store::Table& table) {
  store::TableDefinition& definition = table.mutable_definition();
  if (!definition.stream_view_type) return;
  if (streams::Stream* stream = state.FindStream(definition.latest_stream_arn)) {
    stream->Disable(state.clock.NowSeconds());
  }
  table.SetChangeListener(nullptr);
  definition.stream_view_type.reset();
}

}  // namespace ddbpg::api
