#include "server/service/backend.h"

#include <chrono>

namespace bhabin::server::service {

std::int64_t systemClockMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

Backend::Backend(storage::ConnectionPool& pool, BackendSettings settings, Clock clock)
    : pool_(pool), settings_(std::move(settings)), clock_(std::move(clock)), roster_(settings_.matching) {}

void Backend::refreshRoster() {
  auto connection = pool_.acquire();
  roster_.refresh(*connection);
}

const std::string& Backend::reportSecretKey() {
  std::lock_guard lock(keyMutex_);
  if (!reportSecretKey_.empty()) return reportSecretKey_;
  reportSecretKey_ = storage::inTransaction(pool_, storage::Durability::Durable, [](storage::Connection& connection) {
    // Every server proposes a key; the first one stored wins and all use it.
    connection.query("INSERT INTO server_keys (name, key_hex) VALUES ('report-secret', $1) ON CONFLICT (name) DO NOTHING",
                     {auth::toHex(auth::randomBytes(32))});
    return connection.query("SELECT key_hex FROM server_keys WHERE name = 'report-secret'").at(0).text(0);
  });
  return reportSecretKey_;
}

}  // namespace bhabin::server::service
