// The SQLite driver: one database file in WAL mode (readers never wait for the writer), foreign keys on,
// prepared statements kept per SQL text, and SQLite's result codes mapped to DatabaseErrorKind.
#include <sqlite3.h>

#include <charconv>
#include <chrono>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "server/storage/database.h"

namespace bhabin::server::storage {

namespace {

constexpr int kBusyTimeoutMs = 5000;
// Statements are cached per SQL text; SQL built at run time (an IN list of varying length) must not grow
// the cache without bound.
constexpr std::size_t kMaxCachedStatements = 256;

std::string sqlExcerpt(std::string_view sql) {
  constexpr std::size_t kShown = 80;
  return std::string(sql.size() <= kShown ? sql : sql.substr(0, kShown)) + (sql.size() <= kShown ? "" : "...");
}

DatabaseErrorKind kindOf(int extendedCode) {
  if (extendedCode == SQLITE_CONSTRAINT_UNIQUE || extendedCode == SQLITE_CONSTRAINT_PRIMARYKEY) {
    return DatabaseErrorKind::UniqueViolation;
  }
  const int primary = extendedCode & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) return DatabaseErrorKind::Busy;
  return DatabaseErrorKind::Other;
}

// The shortest text that reads back as the same double, as PostgreSQL prints it, whatever the C locale.
std::string formatReal(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

// One writer at a time per database file in this process: writers queue on a mutex and start the moment the
// previous one commits. SQLite's own busy handler sleeps in growing steps instead, which under load left some
// writers waiting a second behind a queue of a few milliseconds.
std::shared_ptr<std::timed_mutex> writerGate(const std::string& path) {
  static std::mutex registryMutex;
  static std::map<std::string, std::weak_ptr<std::timed_mutex>> gates;
  std::lock_guard lock(registryMutex);
  std::shared_ptr<std::timed_mutex> gate = gates[path].lock();
  if (!gate) {
    gate = std::make_shared<std::timed_mutex>();
    gates[path] = gate;
  }
  return gate;
}

struct StatementDeleter {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

// Leaves a cached statement ready for its next use however this one ends; a statement left mid-way would
// keep its read snapshot open and stop WAL checkpoints.
class ResetOnExit {
 public:
  explicit ResetOnExit(sqlite3_stmt* statement) : statement_(statement) {}
  ResetOnExit(const ResetOnExit&) = delete;
  ResetOnExit& operator=(const ResetOnExit&) = delete;
  ~ResetOnExit() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }

 private:
  sqlite3_stmt* statement_;
};

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::string& path) : writerGate_(writerGate(path)) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int code = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (code != SQLITE_OK) {
      const std::string reason = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
      sqlite3_close(db_);
      throw DatabaseError(DatabaseErrorKind::Unavailable, "cannot open the SQLite database " + path + ": " + reason +
                                                              " (does its folder exist and is it writable?)");
    }
    try {
      sqlite3_extended_result_codes(db_, 1);  // tells a UNIQUE violation from other constraint failures
      sqlite3_busy_timeout(db_, kBusyTimeoutMs);
      const auto mode = query("PRAGMA journal_mode=WAL", {});
      if (mode.empty() || mode[0].optionalText(0) != std::optional<std::string>("wal")) {
        throw DatabaseError(DatabaseErrorKind::Other,
                            "SQLite could not switch " + path + " to WAL mode: give a file on a local disk");
      }
      execute("PRAGMA foreign_keys=ON");
      setSynchronous(Durability::Durable);  // statements outside a transaction commit durably too
    } catch (...) {
      closeDatabase();
      throw;
    }
  }

  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;
  ~SqliteConnection() override {
    rollback();
    closeDatabase();
  }

  Dialect dialect() const override { return Dialect::Sqlite; }

  std::vector<Row> query(std::string_view sql, const std::vector<Param>& params) override {
    sqlite3_stmt* statement = prepared(sql);
    ResetOnExit reset(statement);
    bind(statement, sql, params);
    std::vector<Row> rows;
    const int columns = sqlite3_column_count(statement);
    for (;;) {
      const int code = sqlite3_step(statement);
      if (code == SQLITE_DONE) break;
      if (code != SQLITE_ROW) fail(code, sql);
      std::vector<std::optional<std::string>> values;
      values.reserve(static_cast<std::size_t>(columns));
      for (int column = 0; column < columns; ++column) values.push_back(columnValue(statement, column));
      rows.emplace_back(std::move(values));
    }
    return rows;
  }

  void script(std::string_view sql) override { execute(std::string(sql)); }

  void begin(Durability durability) override {
    if (durability == Durability::ReadOnly) {
      // Deferred: reads one WAL snapshot without taking the write lock, so readers never queue behind a writer.
      execute("BEGIN DEFERRED");
      return;
    }
    enterWriterGate();
    try {
      setSynchronous(durability);  // a PRAGMA that has no effect inside a transaction
      // IMMEDIATE takes the write lock now, so two writers never deadlock upgrading read locks.
      execute("BEGIN IMMEDIATE");
    } catch (...) {
      releaseWriterGate();
      throw;
    }
  }

  void commit() override {
    execute("COMMIT");
    releaseWriterGate();
  }

  void rollback() noexcept override {
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    releaseWriterGate();
  }

  std::int64_t changedRows() override { return sqlite3_changes64(db_); }

  bool resetForReuse() noexcept override {
    rollback();
    return sqlite3_get_autocommit(db_) != 0;
  }

 private:
  [[noreturn]] void fail(int code, std::string_view sql) const {
    throw DatabaseError(kindOf(code), std::string("SQLite: ") + sqlite3_errmsg(db_) + " (in: " + sqlExcerpt(sql) + ")");
  }

  void execute(const std::string& sql) {
    char* message = nullptr;
    const int code = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    if (code == SQLITE_OK) return;
    const std::string reason = message ? message : sqlite3_errstr(code);
    sqlite3_free(message);
    throw DatabaseError(kindOf(sqlite3_extended_errcode(db_)), "SQLite: " + reason + " (in: " + sqlExcerpt(sql) + ")");
  }

  void setSynchronous(Durability durability) {
    if (synchronous_ == durability) return;
    // In WAL mode FULL syncs the log at every commit; NORMAL only at checkpoints, so a power cut may lose the
    // last commits but never corrupts the file.
    execute(durability == Durability::Durable ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
    synchronous_ = durability;
  }

  sqlite3_stmt* prepared(std::string_view sql) {
    std::string key(sql);
    if (const auto found = statements_.find(key); found != statements_.end()) return found->second.get();
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    const int code =
        sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT, &raw, &tail);
    Statement statement(raw);
    if (code != SQLITE_OK) fail(code, sql);
    if (!statement) {
      throw DatabaseError(DatabaseErrorKind::Other, "SQLite: no statement in: " + sqlExcerpt(sql));
    }
    const std::string_view rest(tail, static_cast<std::size_t>(key.data() + key.size() - tail));
    if (rest.find_first_not_of(" \t\r\n;") != std::string_view::npos) {
      throw DatabaseError(DatabaseErrorKind::Other,
                          "query() runs one statement; use script() for several (in: " + sqlExcerpt(sql) + ")");
    }
    if (statements_.size() >= kMaxCachedStatements) statements_.clear();
    return statements_.emplace(std::move(key), std::move(statement)).first->second.get();
  }

  // Parameters are $1..$N, as in PostgreSQL; SQLite sees them as named parameters "$1", "$2", ...
  void bind(sqlite3_stmt* statement, std::string_view sql, const std::vector<Param>& params) const {
    if (sqlite3_bind_parameter_count(statement) != static_cast<int>(params.size())) {
      throw DatabaseError(DatabaseErrorKind::Other, "SQLite: the statement expects " +
                                                        std::to_string(sqlite3_bind_parameter_count(statement)) +
                                                        " values ($1..$N) but got " + std::to_string(params.size()) +
                                                        " (in: " + sqlExcerpt(sql) + ")");
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
      const std::string name = "$" + std::to_string(i + 1);
      const int index = sqlite3_bind_parameter_index(statement, name.c_str());
      if (index == 0) {
        throw DatabaseError(
            DatabaseErrorKind::Other,
            "SQLite: parameter " + name + " is not in the statement (placeholders are $1..$N): " + sqlExcerpt(sql));
      }
      const Param& param = params[i];
      int code = SQLITE_OK;
      if (std::holds_alternative<std::nullptr_t>(param)) {
        code = sqlite3_bind_null(statement, index);
      } else if (const auto* integer = std::get_if<std::int64_t>(&param)) {
        code = sqlite3_bind_int64(statement, index, *integer);
      } else if (const auto* real = std::get_if<double>(&param)) {
        // SQLite would store NaN as NULL and PostgreSQL would keep it: refuse it in both.
        if (!std::isfinite(*real)) {
          throw DatabaseError(DatabaseErrorKind::Other,
                              "parameter " + name + " is not a finite number (in: " + sqlExcerpt(sql) + ")");
        }
        code = sqlite3_bind_double(statement, index, *real);
      } else {
        const auto& text = std::get<std::string>(param);
        // PostgreSQL text cannot hold NUL: refuse it here too, so SQLite tests catch what production would.
        if (text.find('\0') != std::string::npos) {
          throw DatabaseError(DatabaseErrorKind::Other,
                              "parameter " + name + " contains a NUL character (in: " + sqlExcerpt(sql) + ")");
        }
        code = sqlite3_bind_text64(statement, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8);
      }
      if (code != SQLITE_OK) fail(code, sql);
    }
  }

  static std::optional<std::string> columnValue(sqlite3_stmt* statement, int column) {
    switch (sqlite3_column_type(statement, column)) {
      case SQLITE_NULL:
        return std::nullopt;
      case SQLITE_INTEGER:
        return std::to_string(sqlite3_column_int64(statement, column));
      case SQLITE_FLOAT:
        return formatReal(sqlite3_column_double(statement, column));
      case SQLITE_BLOB: {
        const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, column));
        return std::string(bytes ? bytes : "", static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
      }
      default: {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
        return std::string(text ? text : "", static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
      }
    }
  }

  // Waits as long as SQLite's busy timeout would have, and fails the same way.
  void enterWriterGate() {
    if (!writerGate_->try_lock()) {
      const auto timeout = query("PRAGMA busy_timeout", {});
      const auto waitMs = timeout.empty() ? kBusyTimeoutMs : timeout[0].integer(0);
      if (!writerGate_->try_lock_for(std::chrono::milliseconds(waitMs))) {
        throw DatabaseError(DatabaseErrorKind::Busy, "SQLite: another writer held the database for " +
                                                         std::to_string(waitMs) + " ms");
      }
    }
    holdsWriterGate_ = true;
  }

  void releaseWriterGate() noexcept {
    if (!holdsWriterGate_) return;
    holdsWriterGate_ = false;
    writerGate_->unlock();
  }

  void closeDatabase() noexcept {
    statements_.clear();  // every statement is finalized before the handle closes
    sqlite3_close(db_);
    db_ = nullptr;
  }

  sqlite3* db_ = nullptr;
  std::shared_ptr<std::timed_mutex> writerGate_;
  bool holdsWriterGate_ = false;
  std::optional<Durability> synchronous_;
  std::unordered_map<std::string, Statement> statements_;
};

}  // namespace

std::unique_ptr<Connection> openSqlite(const std::string& path) { return std::make_unique<SqliteConnection>(path); }

}  // namespace bhabin::server::storage
