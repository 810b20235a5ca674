// The wasm boundary: one engine handle taking and returning strings. With engine_handle.h, the
// only files that include Emscripten headers. Every call answers {status, body}, so errors keep
// their DynamoDB type across the boundary and no C++ exception reaches JavaScript.
#include <emscripten/bind.h>

#include <cstdint>
#include <string>

#include "wasm/engine_handle.h"

namespace {

// A copy of `bytes` as a Uint8Array (Embind would turn a std::string into UTF-16 text).
emscripten::val BytesToJs(const std::string& bytes) {
  return emscripten::val::global("Uint8Array")
      .new_(emscripten::typed_memory_view(bytes.size(),
                                          reinterpret_cast<const uint8_t*>(bytes.data())));
}

// `text` (UTF-8) as a JS string. Embind's own conversion of a std::string (Emscripten 3.1.6) walks
// every byte in JavaScript looking for NULs before it decodes: the largest single cost of a
// megabyte Scan page over HTTP. TextDecoder reads a view of the wasm memory natively instead,
// with the same result (NULs kept, invalid sequences as U+FFFD).
emscripten::val TextToJs(const std::string& text) {
  static const emscripten::val decoder = emscripten::val::global("TextDecoder").new_();
  return decoder.call<emscripten::val>(
      "decode",
      emscripten::typed_memory_view(text.size(), reinterpret_cast<const uint8_t*>(text.data())));
}

// {status, body}, and `journal` (a Uint8Array) when journaling is on and the request changed
// something: the caller stores it before it acknowledges the request. `body_as_bytes` answers
// the body as its UTF-8 bytes (a Uint8Array), which an HTTP server sends as they are.
emscripten::val Handle(ddbpg::wasm::EngineHandle& handle, const std::string& target,
                       const std::string& body, const std::string& region, bool body_as_bytes) {
  ddbpg::Response response = handle.engine().Handle(target, body, region);
  emscripten::val result = emscripten::val::object();
  result.set("status", response.status);
  result.set("body", body_as_bytes ? BytesToJs(response.body) : TextToJs(response.body));
  std::string journal = handle.engine().TakeJournal();
  if (!journal.empty()) result.set("journal", BytesToJs(journal));
  return result;
}

void SetJournaling(ddbpg::wasm::EngineHandle& handle, bool on) {
  handle.engine().SetJournaling(on);
}

// `journal` arrives as the bytes of a Uint8Array or Buffer (Embind copies them in).
emscripten::val Restore(ddbpg::wasm::EngineHandle& handle, const std::string& journal) {
  ddbpg::RestoreReport report = handle.engine().Restore(journal);
  emscripten::val result = emscripten::val::object();
  result.set("readable", report.readable);
  result.set("records", static_cast<double>(report.records));
  result.set("validBytes", static_cast<double>(report.valid_bytes));
  result.set("damage", report.damage);
  result.set("diverged", static_cast<double>(report.diverged));
  result.set("firstDivergence", report.first_divergence);
  return result;
}

// {bytes}: the whole playground as a snapshot (engine/persist/snapshot_format.h), or {error}
// when it cannot be written as one.
emscripten::val SaveSnapshot(ddbpg::wasm::EngineHandle& handle) {
  std::string error;
  const std::string snapshot = handle.engine().SaveSnapshot(&error);
  emscripten::val result = emscripten::val::object();
  if (snapshot.empty()) {
    result.set("error", error);
  } else {
    result.set("bytes", BytesToJs(snapshot));
  }
  return result;
}

// {error, tables, items}: `error` is "" when the snapshot was taken in, else nothing changed.
emscripten::val RestoreSnapshot(ddbpg::wasm::EngineHandle& handle, const std::string& snapshot) {
  ddbpg::SnapshotReport report = handle.engine().RestoreSnapshot(snapshot);
  emscripten::val result = emscripten::val::object();
  result.set("error", report.error);
  result.set("tables", static_cast<double>(report.tables));
  result.set("items", static_cast<double>(report.items));
  return result;
}

emscripten::val JournalHeader() { return BytesToJs(ddbpg::Engine::JournalHeader()); }

bool IsReadOnly(const std::string& target) { return ddbpg::Engine::IsReadOnly(target); }

}  // namespace

EMSCRIPTEN_BINDINGS(ddbpg) {
  emscripten::class_<ddbpg::wasm::EngineHandle>("_Engine")
      .constructor<>()
      .function("_handle", &Handle)
      .function("_setJournaling", &SetJournaling)
      .function("_restore", &Restore)
      .function("_saveSnapshot", &SaveSnapshot)
      .function("_restoreSnapshot", &RestoreSnapshot);
  emscripten::function("_journalHeader", &JournalHeader);
  emscripten::function("_isReadOnly", &IsReadOnly);
}
