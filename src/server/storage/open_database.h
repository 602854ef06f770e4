// The database a server or an administrator's command works on, as configured: PostgreSQL when a URL is
// given, else the SQLite file in the data folder; migrated to the latest schema before anyone uses it.
#pragma once

#include <cstdint>
#include <memory>

#include "server/config.h"
#include "server/storage/database.h"

namespace bhabin::server::storage {

// One connection per request thread (config.threads). Throws DatabaseError (or std::filesystem_error for an
// unusable data folder) naming what is wrong.
std::unique_ptr<ConnectionPool> openMigratedDatabase(const ServerConfig& config, std::int64_t nowUnixMs);

}  // namespace bhabin::server::storage
