// The wasm boundary: one engine handle taking and returning strings. The only file that
// includes Emscripten headers. Every call answers {status, body}, so errors keep their DynamoDB
// type across the boundary and no C++ exception reaches JavaScript.
#include <emscripten.h>
#include <emscripten/bind.h>

#include <string>

#include "engine/engine.h"

namespace {

// The page and node hand the engine real time; the engine itself never reads a clock.
class BrowserClock : public ddbpg::Clock {
 public:
  double NowSeconds() const override {
    return EM_ASM_DOUBLE({ return Date.now(); }) / 1000.0;
  }
};

class EngineHandle {
 public:
  EngineHandle() : engine_(clock_) {}

  emscripten::val Handle(const std::string& target, const std::string& body) {
    ddbpg::Response response = engine_.Handle(target, body);
    emscripten::val result = emscripten::val::object();
    result.set("status", response.status);
    result.set("body", response.body);
    return result;
  }

 private:
  BrowserClock clock_;
  ddbpg::Engine engine_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(ddbpg) {
  emscripten::class_<EngineHandle>("_Engine")
      .constructor<>()
      .function("_handle", &EngineHandle::Handle);
}
