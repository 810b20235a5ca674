// EngineHandle: the engine as the wasm module exposes it, with the real clock the page and node
// supply. Shared by the bindings and the page's heat view, which reads the same engine.
#pragma once

#include <emscripten.h>

#include <string>

#include "engine/engine.h"

namespace ddbpg::wasm {

// The page and node hand the engine real time; the engine itself never reads a clock.
class BrowserClock : public base::Clock {
 public:
  double NowSeconds() const override {
    return EM_ASM_DOUBLE({ return Date.now(); }) / 1000.0;
  }
};

class EngineHandle {
 public:
  EngineHandle() : engine_(clock_) {}
  Engine& engine() { return engine_; }

  // The last answer given to JavaScript as a view of wasm memory rather than a copy: kept here
  // until the next one replaces it, by which time JavaScript has copied it out.
  std::string& answer_bytes() { return answer_bytes_; }
  // Frees the kept answer once JavaScript has its copy, so a large one (a BatchGetItem answer
  // may be 16 MB) does not hold wasm memory while the engine is idle.
  void ReleaseAnswerBytes() { std::string().swap(answer_bytes_); }
  size_t answer_bytes_held() const { return answer_bytes_.capacity(); }

 private:
  BrowserClock clock_;
  Engine engine_;
  std::string answer_bytes_;
};

}  // namespace ddbpg::wasm
