// Engine::SetJournaling, TakeJournal and Restore: the engine's side of persistence. The engine
// decides what a record holds and replays records; the page and node store the bytes.
#include <nlohmann/json.hpp>
#include <string>

#include "engine/api/handlers.h"
#include "engine/api/journal_policy.h"
#include "engine/base/fault_barrier.h"
#include "engine/core/engine_state.h"
#include "engine/engine.h"
#include "engine/persist/journal_format.h"
#include "engine/value/json_reader.h"

namespace ddbpg {
namespace {

// Sets every table's enforcement without touching the configured setting, which replayed
// requests read and may change (Playground.Configure).
void EnforceOnTables(core::EngineState& state, bool enforced) {
  state.ForEachTable([enforced](store::Table& table) { table.SetThrottlingEnforced(enforced); });
}

constexpr std::string_view kBatchWriteItemTarget = "DynamoDB_20120810.BatchWriteItem";

// A BatchWriteItem request without the writes its answer returned as UnprocessedItems (each is
// the write request as sent), so that replaying it writes what was written: the request itself
// when everything was processed, "" when nothing was.
std::string ProcessedBatchWrites(std::string_view request_text, std::string_view response_text) {
  const nlohmann::json response = value::ReadJsonOrDiscarded(response_text);
  const nlohmann::json* unprocessed =
      response.is_object() && response.contains("UnprocessedItems") ? &response["UnprocessedItems"]
                                                                    : nullptr;
  if (unprocessed == nullptr || !unprocessed->is_object() || unprocessed->empty()) {
    return std::string(request_text);
  }
  nlohmann::json request = value::ReadJsonOrDiscarded(request_text);
  nlohmann::json& tables = request["RequestItems"];
  for (const auto& [table, writes] : unprocessed->items()) {
    if (!tables.contains(table)) continue;
    nlohmann::json& sent = tables[table];
    for (const nlohmann::json& write : writes) {
      for (auto it = sent.begin(); it != sent.end(); ++it) {
        if (*it == write) {
          sent.erase(it);
          break;
        }
      }
    }
    if (sent.empty()) tables.erase(table);
  }
  return tables.empty() ? "" : request.dump();
}

}  // namespace

std::string Engine::JournalHeader() { return persist::JournalHeader(); }

bool Engine::IsReadOnly(std::string_view target) { return api::IsReadOnlyTarget(target); }

void Engine::SetJournaling(bool on) {
  journaling_ = on;
  if (!on) journal_.clear();
}

std::string Engine::TakeJournal() {
  std::string taken;
  taken.swap(journal_);
  return taken;
}

void Engine::Journal(std::string_view target, std::string_view body, std::string_view region,
                     const Response& response, double time) {
  std::string processed;
  if (response.status == 200 && target == kBatchWriteItemTarget) {
    // Replay must not write what the caller was told was not processed.
    processed = ProcessedBatchWrites(body, response.body);
    body = processed;
  }
  if (response.status == 200 && !api::IsReadOnlyTarget(target) && !body.empty()) {
    const auto kind = region.empty() ? persist::JournalCommand::Kind::kRequest
                                     : persist::JournalCommand::Kind::kRegionalRequest;
    persist::AppendCommandRecord(journal_, {kind, time, target, body, region});
  } else if (state_->background_changed) {
    // The request changed nothing itself, but the TTL sweeper it woke deleted items.
    persist::AppendCommandRecord(journal_,
                                 {persist::JournalCommand::Kind::kBackground, time, "", ""});
  }
}

RestoreReport Engine::Restore(std::string_view bytes) {
  RestoreReport report;
  if (served_) {
    report.readable = false;
    report.damage = "a journal can only be restored into an empty playground";
    return report;
  }
  const persist::JournalContents contents = persist::ReadJournal(bytes);
  report.readable = contents.header_ok;
  report.valid_bytes = contents.valid_bytes;
  report.damage = contents.damage;
  if (!contents.header_ok) return report;

  const bool was_journaling = journaling_;
  journaling_ = false;
  // Every journaled request was served when it was first sent: replayed, none may be refused
  // for capacity, whatever reads (which the journal does not keep) consumed in between.
  EnforceOnTables(*state_, false);
  for (std::string_view payload : contents.payloads) {
    const std::optional<persist::JournalCommand> command = persist::DecodeCommand(payload);
    if (!command) {
      report.valid_bytes = static_cast<size_t>(payload.data() - bytes.data()) -
                           persist::kRecordHeaderBytes;
      report.damage = "the record at byte " + std::to_string(report.valid_bytes) +
                      " is of a kind this version does not know; it and the " +
                      std::to_string(bytes.size() - report.valid_bytes) +
                      " bytes from it were not read";
      break;
    }
    if (command->kind == persist::JournalCommand::Kind::kBackground) {
      state_->request_clock.HoldAt(command->time);
      // Background work reports nothing; a fault in it (our bug) is dropped.
      static_cast<void>(base::RunBehindFaultBarrier(
          [](void* state) { api::RunBackgroundWork(*static_cast<core::EngineState*>(state)); },
          state_.get()));
      state_->request_clock.Release();
    } else {
      Response response = Serve(command->target, command->body, command->time, command->region);
      if (response.status != 200) {
        if (report.diverged++ == 0) {
          report.first_divergence = std::string(command->target) + ": " + response.body;
        }
      }
    }
    // A table the request created (or an index it added) started with the configured setting.
    EnforceOnTables(*state_, false);
    ++report.records;
  }
  EnforceOnTables(*state_, state_->throttling_enforced);
  journaling_ = was_journaling;
  return report;
}

}  // namespace ddbpg
