// A thin SQL layer with two real drivers, SQLite and PostgreSQL, so the store's queries are written once.
// SQL uses PostgreSQL's numbered placeholders ($1, $2, ...) in both dialects; values travel as text or
// integers and come back as text, so no driver-specific types leak into the store. Casts are written
// CAST($1 AS BIGINT), never $1::bigint, which SQLite would read as one parameter name.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace bhabin::server::storage {

enum class Dialect { Sqlite, Postgres };

// Why a statement failed, for the callers that must react rather than report (a lost race on a unique key).
enum class DatabaseErrorKind {
  Other,
  UniqueViolation,  // an INSERT or UPDATE hit a UNIQUE or PRIMARY KEY constraint
  Busy,             // the database was locked or a serialization conflict occurred: retry the transaction
  Unavailable,      // the connection is gone (server restarted, network); a new connection may succeed
};

class DatabaseError : public std::runtime_error {
 public:
  DatabaseError(DatabaseErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  DatabaseErrorKind kind() const { return kind_; }

 private:
  DatabaseErrorKind kind_;
};

// A statement parameter. Booleans are stored as integers 0/1 in both dialects; doubles must be finite.
using Param = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

// [from, to) in milliseconds since 1970-01-01 UTC, for queries by period.
struct TimeRange {
  std::int64_t fromUnixMs = 0;
  std::int64_t toUnixMs = 0;
};

// One result row; columns by position, in SELECT order. Reading a column of the wrong kind throws
// DatabaseError naming the column.
class Row {
 public:
  explicit Row(std::vector<std::optional<std::string>> values) : values_(std::move(values)) {}

  std::size_t size() const { return values_.size(); }
  bool isNull(std::size_t column) const { return !values_.at(column).has_value(); }
  const std::string& text(std::size_t column) const;  // NULL reads as an error
  std::optional<std::string> optionalText(std::size_t column) const { return values_.at(column); }
  std::int64_t integer(std::size_t column) const;  // the text of a whole number
  double real(std::size_t column) const;           // the text of a finite number

 private:
  std::vector<std::optional<std::string>> values_;
};

// Whether a committed transaction must be on disk before commit returns. Reports and anything a client is
// told is saved use Durable; a frequently repeated update (an officer's position) may use Relaxed. ReadOnly
// transactions write nothing, so in SQLite they take no write lock and run beside a writer.
enum class Durability { Durable, Relaxed, ReadOnly };

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;

  // Runs one statement (no trailing semicolon needed) and returns its rows (none for non-SELECT).
  virtual std::vector<Row> query(std::string_view sql, const std::vector<Param>& params = {}) = 0;
  // Runs several statements without parameters (migrations).
  virtual void script(std::string_view sql) = 0;

  // Write transactions: begin takes the write lock up front in SQLite (BEGIN IMMEDIATE), so two writers
  // cannot deadlock on upgrade; in PostgreSQL it is READ COMMITTED and rows are locked with FOR UPDATE.
  virtual void begin(Durability durability) = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;

  // Rows changed by the last INSERT, UPDATE or DELETE.
  virtual std::int64_t changedRows() = 0;

  // Readies the connection for its next borrower: rolls back a transaction left open, and says whether the
  // connection still works (false: close it).
  virtual bool resetForReuse() noexcept = 0;
};

// Opens connections for a pool; one per driver.
using ConnectionFactory = std::function<std::unique_ptr<Connection>()>;

// A fixed-size pool: callers borrow a connection for one request and give it back; a connection that
// failed with Unavailable is replaced rather than returned. The first connection opens at once, so a wrong
// URL or path fails at start-up; the others open when needed. The pool must outlive its leases.
class ConnectionPool {
 public:
  ConnectionPool(ConnectionFactory open, std::size_t size);

  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<Connection> connection)
        : pool_(&pool), connection_(std::move(connection)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Connection& operator*() const { return *connection_; }
    Connection* operator->() const { return connection_.get(); }
    void discard() { discarded_ = true; }  // the connection is broken: close it instead of returning it

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Connection> connection_;
    bool discarded_ = false;
  };

  Lease acquire();  // waits while every connection is lent out
  Dialect dialect() const { return dialect_; }

 private:
  void giveBack(std::unique_ptr<Connection> connection, bool discarded) noexcept;

  ConnectionFactory open_;
  Dialect dialect_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::size_t opened_ = 0;
  std::size_t size_;
};

// Runs `work` inside a transaction on a borrowed connection; commits when it returns, rolls back when it
// throws. A Busy conflict, or a connection lost before the commit was sent, is retried a few times with a
// short backoff before the error reaches the caller; `work` must therefore be safe to run again.
void sleepBeforeRetry(int attempt);  // exponential with jitter: about 5, 10, 20 ... ms

template <class Work>
auto inTransaction(ConnectionPool& pool, Durability durability, Work&& work)
    -> decltype(work(std::declval<Connection&>())) {
  constexpr int kAttempts = 5;
  for (int attempt = 1;; ++attempt) {
    {
      auto connection = pool.acquire();
      bool committing = false;
      try {
        connection->begin(durability);
        if constexpr (std::is_void_v<decltype(work(*connection))>) {
          work(*connection);
          committing = true;
          connection->commit();
          return;
        } else {
          auto result = work(*connection);
          committing = true;
          connection->commit();
          return result;
        }
      } catch (const DatabaseError& error) {
        connection->rollback();
        if (error.kind() == DatabaseErrorKind::Unavailable) connection.discard();
        // A connection lost during COMMIT leaves the outcome unknown: running the work again could apply it twice.
        const bool retry =
            error.kind() == DatabaseErrorKind::Busy || (error.kind() == DatabaseErrorKind::Unavailable && !committing);
        if (!retry || attempt == kAttempts) throw;
      } catch (...) {
        connection->rollback();
        throw;
      }
    }  // the connection goes back to the pool before the wait
    sleepBeforeRetry(attempt);
  }
}

// Opens an SQLite database file (created if missing) in WAL mode with foreign keys on and a busy timeout.
std::unique_ptr<Connection> openSqlite(const std::string& path);

// Opens a PostgreSQL connection from a URL (postgresql://user@host:port/db); the error names the host, never
// the password.
std::unique_ptr<Connection> openPostgres(const std::string& url);

}  // namespace bhabin::server::storage
