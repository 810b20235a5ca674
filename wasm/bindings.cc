// The wasm boundary: one engine handle taking and returning strings. With engine_handle.h, the
// only files that include Emscripten headers. Every call answers {status, body}, so errors keep
// their DynamoDB type across the boundary and no C++ exception reaches JavaScript.
#include <emscripten/bind.h>

#include <string>

#include "wasm/engine_handle.h"

namespace {

emscripten::val Handle(ddbpg::wasm::EngineHandle& handle, const std::string& target,
                       const std::string& body) {
  ddbpg::Response response = handle.engine().Handle(target, body);
  emscripten::val result = emscripten::val::object();
  result.set("status", response.status);
  result.set("body", response.body);
  return result;
}

}  // namespace

EMSCRIPTEN_BINDINGS(ddbpg) {
  emscripten::class_<ddbpg::wasm::EngineHandle>("_Engine")
      .constructor<>()
      .function("_handle", &Handle);
}
