// EngineState: everything one Engine owns, shared by the operation handlers.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "engine/base/clock.h"
#include "engine/engine.h"
#include "engine/store/table.h"

namespace ddbpg {

struct EngineState {
  EngineState(const Clock& clock_in, EngineOptions options_in)
      : clock(clock_in), options(std::move(options_in)) {}

  const Clock& clock;
  EngineOptions options;
  // Ordered by name, which is the order ListTables returns.
  std::map<std::string, std::unique_ptr<Table>> tables;
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
