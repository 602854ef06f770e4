// Fresh, empty databases for tests in both dialects: an SQLite file in a temporary folder, or a
// PostgreSQL schema of its own inside one database created for this test process on the server named by
// BHABIN_TEST_POSTGRES_URL (./scripts/test starts one; scripts/postgres url prints its URL). Everything is
// dropped when the process ends. Without that variable the PostgreSQL cases fail, because CI must run them;
// a developer may set BHABIN_SKIP_POSTGRES=1 to skip them instead.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <string>

#include "server/storage/database.h"

namespace bhabin::server::storage {

// For INSTANTIATE_TEST_SUITE_P(BothDialects, Suite, ::testing::ValuesIn(kTestDialects), dialectTestName).
inline constexpr Dialect kTestDialects[] = {Dialect::Sqlite, Dialect::Postgres};
std::string dialectName(Dialect dialect);  // "Sqlite", "Postgres"
inline std::string dialectTestName(const ::testing::TestParamInfo<Dialect>& info) { return dialectName(info.param); }
inline void PrintTo(Dialect dialect, std::ostream* out) { *out << dialectName(dialect); }  // GoogleTest's printer

bool postgresSkipped();  // BHABIN_SKIP_POSTGRES=1

// Each call makes a new empty database. freshPostgresUrl throws std::runtime_error saying what to do when
// BHABIN_TEST_POSTGRES_URL is not set.
std::string freshSqlitePath();
std::string freshPostgresUrl();

// Opens connections to one new empty database (the same one at every call): a pool's factory.
ConnectionFactory freshDatabaseFactory(Dialect dialect);
std::unique_ptr<Connection> openFresh(Dialect dialect);

}  // namespace bhabin::server::storage

// First line of a dialect-parameterised test or SetUp: skips the PostgreSQL case on BHABIN_SKIP_POSTGRES=1.
#define BHABIN_SKIP_POSTGRES_IF_ASKED(dialect)                                                                   \
  if ((dialect) == ::bhabin::server::storage::Dialect::Postgres && ::bhabin::server::storage::postgresSkipped()) \
  GTEST_SKIP() << "BHABIN_SKIP_POSTGRES=1"
