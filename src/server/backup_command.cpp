// The backup command: SQLite's VACUUM INTO reads one committed snapshot (WAL included) and writes it as a
// new, compact database file, without stopping writers for longer than each of their own transactions.
#include "server/backup_command.h"

#include <algorithm>
#include <filesystem>
#include <ostream>

#include "server/config.h"
#include "server/storage/database.h"

namespace bhabin::server {

namespace {

constexpr const char* kUsage =
    "usage: bhabin-server backup --to FILE [OPTION VALUE]...\n"
    "  Copies the SQLite database (DATA_DIR/bhabin.sqlite3) to FILE, which must not exist yet, while servers\n"
    "  keep running, and checks the copy. To restore: stop the server, remove DATA_DIR/bhabin.sqlite3 and its\n"
    "  -wal and -shm files, copy FILE to DATA_DIR/bhabin.sqlite3, start the server.\n"
    "  For PostgreSQL use pg_dump --format=custom and pg_restore (see README.md).\n"
    "The options are the server's (see bhabin-server --help), e.g. --data-dir.\n";

// The value after `flag`, removed from `args` together with the flag; empty when absent.
std::string takeOption(std::vector<std::string>& args, const std::string& flag) {
  const auto found = std::find(args.begin(), args.end(), flag);
  if (found == args.end() || found + 1 == args.end()) return {};
  std::string value = *(found + 1);
  args.erase(found, found + 2);
  return value;
}

// "ok", or SQLite's list of what is damaged.
std::string integrityOf(const std::string& path) {
  auto copy = storage::openSqlite(path);
  std::string report;
  for (const storage::Row& row : copy->query("PRAGMA integrity_check")) report += (report.empty() ? "" : "; ") + row.text(0);
  return report;
}

int backUp(const std::string& database, const std::string& target, std::ostream& out, std::ostream& err) {
  if (!std::filesystem::exists(database)) {
    err << "bhabin-server backup: there is no database at " << database << " (set --data-dir or BHABIN_DATA_DIR)\n";
    return 2;
  }
  if (std::filesystem::exists(target)) {
    err << "bhabin-server backup: " << target << " already exists; choose a new file, so no backup is overwritten\n";
    return 2;
  }
  storage::openSqlite(database)->query("VACUUM INTO $1", {target});
  const std::string integrity = integrityOf(target);
  if (integrity != "ok") {
    err << "bhabin-server backup: the copy in " << target << " fails SQLite's integrity check: " << integrity << '\n';
    return 1;
  }
  out << "backup: " << database << " copied to " << target << " (" << std::filesystem::file_size(target)
      << " bytes, integrity ok)\n";
  return 0;
}

}  // namespace

int runBackupCommand(const std::vector<std::string>& args, const char* (*getenv)(const char*), std::ostream& out,
                     std::ostream& err) {
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    out << kUsage;
    return 0;
  }
  std::vector<std::string> options = args;
  const std::string target = takeOption(options, "--to");
  if (target.empty()) {
    err << kUsage;
    return 2;
  }
  const auto parsed = parseConfig(options, getenv, out, err);
  if (!parsed.config) return parsed.exitCode == 0 ? 0 : 2;
  if (!parsed.config->databaseUrl.empty()) {
    err << "bhabin-server backup: the database is PostgreSQL; back it up with pg_dump --format=custom --file=FILE "
           "and restore with pg_restore (see README.md)\n";
    return 2;
  }
  try {
    return backUp(parsed.config->dataDir + "/bhabin.sqlite3", target, out, err);
  } catch (const std::exception& error) {
    err << "bhabin-server backup: " << error.what() << '\n';
    return 1;
  }
}

}  // namespace bhabin::server
