// EngineState: everything one Engine owns, shared by the operation handlers.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "engine/base/clock.h"
#include "engine/base/playground_clock.h"
#include "engine/capacity/prices.h"
#include "engine/engine.h"
#include "engine/store/table.h"

namespace ddbpg {

struct EngineState {
  EngineState(const Clock& host_clock, EngineOptions options_in)
      : clock(host_clock), options(std::move(options_in)) {}

  // Real time from the host, or virtual time the Playground.* operations drive.
  PlaygroundClock clock;
  EngineOptions options;
  // Ordered by name, which is the order ListTables returns.
  std::map<std::string, std::unique_ptr<Table>> tables;
  // The playground scale (Playground.Configure): divides partition size and throughput limits.
  double scale = 1;
  // The price list the cost meter uses (Playground.Configure).
  Prices prices = *PricePreset("us-east-1");
  // Feeds table ids; deterministic so the same requests give the same responses.
  unsigned long long tables_created = 0;

  Table* FindTable(const std::string& name) {
    auto it = tables.find(name);
    return it == tables.end() ? nullptr : it->second.get();
  }
  std::string TableArn(const std::string& name) const {
    return "arn:aws:dynamodb:" + options.region + ":" + options.account_id + ":table/" + name;
  }
};

}  // namespace ddbpg
