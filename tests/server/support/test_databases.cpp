// Where the tests' fresh databases come from, and their removal when the test process ends.
#include "test_databases.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <mutex>
#include <random>
#include <sstream>

namespace bhabin::server::storage {

namespace {

std::string randomHex() {
  std::random_device random;
  std::ostringstream out;
  out << std::hex << random() << random();
  return out.str();
}

// One folder per test process; the files in it are the SQLite databases and their WAL and index files.
class SqliteFolder {
 public:
  SqliteFolder()
      : path_(std::filesystem::temp_directory_path() /
              ("bhabin-test-" + std::to_string(getpid()) + "-" + randomHex())) {
    std::filesystem::create_directories(path_);
  }
  SqliteFolder(const SqliteFolder&) = delete;
  SqliteFolder& operator=(const SqliteFolder&) = delete;
  ~SqliteFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }

  std::string nextPath() { return (path_ / ("db-" + std::to_string(++count_) + ".sqlite")).string(); }

 private:
  std::filesystem::path path_;
  std::atomic<int> count_{0};
};

// The URL with its database (the path) replaced, keeping any ?settings.
std::string withDatabase(const std::string& url, const std::string& database) {
  const auto scheme = url.find("://");
  const auto authority = scheme == std::string::npos ? 0 : scheme + 3;
  const auto query = url.find('?', authority);
  const auto path = url.find('/', authority);
  const auto end = query == std::string::npos ? url.size() : query;
  const auto cut = path == std::string::npos || path > end ? end : path;
  return url.substr(0, cut) + "/" + database + url.substr(end);
}

std::string hostTag() {
  char name[256] = {};
  gethostname(name, sizeof name - 1);
  std::ostringstream out;
  out << std::hex << (std::hash<std::string>{}(name)&0xffffffffu);
  return out.str();
}

// One database per test process, named bhabin_test_<host>_<pid>_<random>, and a schema in it per fresh
// database: creating a schema takes milliseconds, a database a tenth of a second.
class PostgresDatabase {
 public:
  PostgresDatabase() {
    const char* admin = std::getenv("BHABIN_TEST_POSTGRES_URL");
    if (!admin || !*admin) {
      throw std::runtime_error(
          "BHABIN_TEST_POSTGRES_URL is not set, so the PostgreSQL cases cannot run. ./scripts/test sets it; by "
          "hand: scripts/postgres start && export BHABIN_TEST_POSTGRES_URL=$(scripts/postgres url). "
          "BHABIN_SKIP_POSTGRES=1 skips these cases instead.");
    }
    adminUrl_ = admin;
    const std::string prefix = "bhabin_test_" + hostTag() + "_";
    name_ = prefix + std::to_string(getpid()) + "_" + randomHex();
    auto server = openPostgres(adminUrl_);
    dropLeftovers(*server, prefix);
    server->query("CREATE DATABASE " + name_, {});
    url_ = withDatabase(adminUrl_, name_);
    connection_ = openPostgres(url_);
  }
  PostgresDatabase(const PostgresDatabase&) = delete;
  PostgresDatabase& operator=(const PostgresDatabase&) = delete;
  ~PostgresDatabase() {
    connection_.reset();
    try {
      // FORCE: connections a failed test leaked must not keep the database alive. Dropping hundreds of
      // schemas' files may take longer than the drivers' statement timeout.
      auto admin = openPostgres(adminUrl_);
      admin->query("SET statement_timeout = 0", {});
      admin->query("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)", {});
    } catch (const std::exception& error) {
      std::cerr << "warning: test database " << name_ << " was not dropped: " << error.what() << "\n";
    }
  }

  std::string freshSchemaUrl() {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::string schema = "s_" + std::to_string(++count_);
    connection_->query("CREATE SCHEMA " + schema, {});
    const char separator = url_.find('?') == std::string::npos ? '?' : '&';
    return url_ + separator + "options=-c%20search_path%3D" + schema;
  }

 private:
  // Databases left by test processes of this machine that were killed before they could drop them.
  static void dropLeftovers(Connection& server, const std::string& prefix) {
    for (const Row& row : server.query("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", {prefix})) {
      const std::string& name = row.text(0);
      const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
      if (pid > 0 && kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
        server.query("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", {});
      }
    }
  }

  std::string adminUrl_, name_, url_;
  std::unique_ptr<Connection> connection_;
  std::mutex mutex_;
  int count_ = 0;
};

PostgresDatabase& postgresDatabase() {
  static PostgresDatabase database;  // a failed construction is retried at the next call, failing again
  return database;
}

}  // namespace

std::string dialectName(Dialect dialect) { return dialect == Dialect::Sqlite ? "Sqlite" : "Postgres"; }

bool postgresSkipped() {
  const char* skip = std::getenv("BHABIN_SKIP_POSTGRES");
  return skip && std::string(skip) == "1";
}

std::string freshSqlitePath() {
  static SqliteFolder folder;
  return folder.nextPath();
}

std::string freshPostgresUrl() { return postgresDatabase().freshSchemaUrl(); }

ConnectionFactory freshDatabaseFactory(Dialect dialect) {
  if (dialect == Dialect::Sqlite) return [path = freshSqlitePath()] { return openSqlite(path); };
  return [url = freshPostgresUrl()] { return openPostgres(url); };
}

std::unique_ptr<Connection> openFresh(Dialect dialect) { return freshDatabaseFactory(dialect)(); }

}  // namespace bhabin::server::storage
