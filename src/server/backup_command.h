// `bhabin-server backup --to FILE [OPTION VALUE]...`: a consistent copy of the SQLite database while servers
// keep running on it. PostgreSQL has its own tools for this (pg_dump, pg_restore; see README.md).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace bhabin::server {

// `args` follow the word "backup". Returns 0 when FILE holds a checked copy, 1 when the copy failed or does
// not pass SQLite's integrity check, 2 for a usage error (no --to, FILE exists, a PostgreSQL URL, no database).
int runBackupCommand(const std::vector<std::string>& args, const char* (*getenv)(const char*), std::ostream& out,
                     std::ostream& err);

}  // namespace bhabin::server
