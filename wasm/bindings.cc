// The wasm boundary: one engine handle taking and returning strings. With engine_handle.h, the
// only files that include Emscripten headers. Every call answers {status, body}, so errors keep
// their DynamoDB type across the boundary and no C++ exception reaches JavaScript.
#include <emscripten/bind.h>

#include <cstdint>
#include <string>
#include <utility>

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

// A request body as the engine takes it: text (Embind encodes it as UTF-8), or the bytes of a
// Uint8Array copied in with one native TypedArray.set (Embind's own conversion of a Uint8Array
// to std::string copies it a byte at a time in JavaScript).
std::string RequestBody(const emscripten::val& body) {
  if (body.isString()) return body.as<std::string>();
  std::string bytes(body["length"].as<size_t>(), '\0');
  emscripten::val(
      emscripten::typed_memory_view(bytes.size(), reinterpret_cast<uint8_t*>(bytes.data())))
      .call<void>("set", body);
  return bytes;
}

// {status, body}, and `journal` (a Uint8Array) when journaling is on and the request changed
// something: the caller stores it before it acknowledges the request. `body_as_bytes` answers
// the body as its UTF-8 bytes: a Uint8Array viewing wasm memory, valid until the next call into
// the engine, which the caller copies straight into the buffer an HTTP server sends.
emscripten::val Handle(ddbpg::wasm::EngineHandle& handle, const std::string& target,
                       const emscripten::val& body, const std::string& region, bool body_as_bytes) {
  ddbpg::Response response = handle.engine().Handle(target, RequestBody(body), region);
  emscripten::val result = emscripten::val::object();
  result.set("status", response.status);
  // Taken before the view is made: allocating may grow the memory, which would detach it.
  std::string journal = handle.engine().TakeJournal();
  if (!journal.empty()) result.set("journal", BytesToJs(journal));
  if (body_as_bytes) {
    std::string& kept = handle.answer_bytes();
    kept = std::move(response.body);
    result.set("body", emscripten::val(emscripten::typed_memory_view(
                           kept.size(), reinterpret_cast<const uint8_t*>(kept.data()))));
  } else {
    result.set("body", TextToJs(response.body));
  }
  return result;
}

void ReleaseAnswerBytes(ddbpg::wasm::EngineHandle& handle) { handle.ReleaseAnswerBytes(); }

// For tests: how many bytes of wasm memory the kept answer holds.
double AnswerBytesHeld(ddbpg::wasm::EngineHandle& handle) {
  return static_cast<double>(handle.answer_bytes_held());
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
      .function("_releaseAnswerBytes", &ReleaseAnswerBytes)
      .function("_answerBytesHeld", &AnswerBytesHeld)
      .function("_setJournaling", &SetJournaling)
      .function("_restore", &Restore)
      .function("_saveSnapshot", &SaveSnapshot)
      .function("_restoreSnapshot", &RestoreSnapshot);
  emscripten::function("_journalHeader", &JournalHeader);
  emscripten::function("_isReadOnly", &IsReadOnly);
}
