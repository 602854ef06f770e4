// The database schema as an ordered list of migrations, applied on start. One SQL text serves SQLite and
// PostgreSQL: portable types only (TEXT, BIGINT, INTEGER, DOUBLE PRECISION), booleans as 0/1 integers.
//
// Distribution: every large table (reports, their reporters, applied changes, visits, audit entries,
// sessions' owners' state) carries `regency_code` and has it first in its primary key, so a distributed
// PostgreSQL can shard them by regency with no cross-shard foreign keys on the write path. The small
// reference tables (regions, accounts, village assignments) are replicated to every shard.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "server/storage/database.h"

namespace bhabin::server::storage {

struct Migration {
  int version = 0;
  std::string_view description;
  std::string_view sql;
};

const std::vector<Migration>& migrations();
int latestSchemaVersion();

// Brings the database up to `targetVersion` (default: the latest), each migration in its own durable
// transaction; concurrent servers starting together wait for each other. Returns the version now in place.
// Throws DatabaseError when the database is newer than this program knows (a downgrade would lose data).
int migrate(ConnectionPool& pool, std::int64_t nowUnixMs, int targetVersion = 0);

int schemaVersion(Connection& connection);

}  // namespace bhabin::server::storage
