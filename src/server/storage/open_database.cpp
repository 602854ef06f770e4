// Opening the configured database, shared by the server and the import command so both see one schema.
#include "server/storage/open_database.h"

#include <filesystem>
#include <string>

#include "server/storage/schema.h"

namespace bhabin::server::storage {

std::unique_ptr<ConnectionPool> openMigratedDatabase(const ServerConfig& config, std::int64_t nowUnixMs) {
  const auto size = static_cast<std::size_t>(config.threads);
  std::unique_ptr<ConnectionPool> pool;
  if (!config.databaseUrl.empty()) {
    const std::string url = config.databaseUrl;
    pool = std::make_unique<ConnectionPool>([url] { return openPostgres(url); }, size);
  } else {
    std::filesystem::create_directories(config.dataDir);
    const std::string path = config.dataDir + "/bhabin.sqlite3";
    pool = std::make_unique<ConnectionPool>([path] { return openSqlite(path); }, size);
  }
  migrate(*pool, nowUnixMs);
  return pool;
}

}  // namespace bhabin::server::storage
