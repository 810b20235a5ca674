#include "engine/core/backups.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>

namespace ddbpg::core {
namespace {

// FNV-1a: the same eight hex digits on every platform and on replay.
uint32_t Fnv1a(const std::string& text) {
  uint32_t hash = 2166136261u;
  for (unsigned char c : text) hash = (hash ^ c) * 16777619u;
  return hash;
}

}  // namespace

store::TableBackup& AddBackup(EngineState& state, const store::Table& table,
                              const std::string& name, store::BackupType type, double now) {
  ++state.backups_created;
  char id[40];
  std::snprintf(id, sizeof(id), "%014lld-%08x", static_cast<long long>(std::llround(now * 1000)),
                static_cast<unsigned>(Fnv1a(table.definition().table_id + "/" +
                                            std::to_string(state.backups_created))));
  auto backup = std::make_unique<store::TableBackup>(store::CaptureTable(table));
  backup->arn = state.TableArn(table.name()) + "/backup/" + id;
  backup->name = name;
  backup->type = type;
  backup->created_at = now;
  state.backups.push_back(std::move(backup));
  return *state.backups.back();
}

void AddDeletedTableBackup(EngineState& state, const store::Table& table, double now) {
  constexpr double kSecondsPerDay = 24 * 3600;
  store::TableBackup& backup = AddBackup(state, table, table.name() + "$DeletedTableBackup",
                                         store::BackupType::kSystem, now);
  backup.expires_at = now + table.point_in_time().recovery_period_days() * kSecondsPerDay;
}

void ForgetExpiredBackups(EngineState& state, double now) {
  auto& backups = state.backups;
  backups.erase(std::remove_if(backups.begin(), backups.end(),
                               [now](const std::unique_ptr<store::TableBackup>& backup) {
                                 return backup->expires_at && *backup->expires_at <= now;
                               }),
                backups.end());
}

}  // namespace ddbpg::core
