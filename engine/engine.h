// The engine's public surface: one DynamoDB instance answering DynamoDB JSON requests.
//
// Every front (the wasm bindings, the native tests and benchmarks) talks to the engine through
// Engine::Handle and nothing else, so a request behaves the same from the page, from node and
// from a real DynamoDB client pointed at the local endpoint.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "engine/base/clock.h"

namespace ddbpg {

struct EngineOptions {
  std::string region = "us-east-1";
  // DynamoDB Local and most emulators use this account id in ARNs.
  std::string account_id = "000000000000";
};

// An HTTP status and a JSON body: a result object, or an error object with `__type`.
struct Response {
  int status = 200;
  std::string body;
};

struct EngineState;

class Engine {
 public:
  // `clock` must outlive the engine; the engine reads time from it and nowhere else.
  explicit Engine(const Clock& clock, EngineOptions options = {});
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Answers one request. `target` is the X-Amz-Target value, e.g.
  // "DynamoDB_20120810.PutItem"; `body` is the request's JSON text. Never throws: every failure
  // is a DynamoDB error response, and a failed request changes nothing.
  Response Handle(std::string_view target, std::string_view body);

 private:
  std::unique_ptr<EngineState> state_;
};

}  // namespace ddbpg
