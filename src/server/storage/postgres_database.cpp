// The PostgreSQL driver over libpq: statements are prepared once per connection and run with text
// parameters, results come back as text (booleans as 1/0, like SQLite), and SQLSTATEs map to
// DatabaseErrorKind. Error messages may reach logs, so they never carry the password or parameter values.
#include <libpq-fe.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <unordered_map>

#include "server/storage/database.h"

namespace bhabin::server::storage {

namespace {

constexpr Oid kBoolOid = 16;  // pg_type.oid of boolean; the client headers do not define it
constexpr const char* kConnectTimeoutSeconds = "10";
// A statement running longer than this is a bug or an overloaded server: fail it rather than hold a
// connection (and its locks) indefinitely.
constexpr const char* kSessionSettings = "SET statement_timeout = '15s'; SET extra_float_digits = 3";
// Prepared statements live in the server session; SQL built at run time must not grow them without bound.
constexpr std::size_t kMaxCachedStatements = 256;

std::string sqlExcerpt(std::string_view sql) {
  constexpr std::size_t kShown = 80;
  return std::string(sql.size() <= kShown ? sql : sql.substr(0, kShown)) + (sql.size() <= kShown ? "" : "...");
}

// libpq's messages span lines ("...failed: Connection refused\n\tIs the server running..."); logs want one.
std::string oneLine(const char* text) {
  std::string line;
  bool space = false;
  for (const char* c = text ? text : ""; *c; ++c) {
    if (*c == '\n' || *c == '\r' || *c == '\t' || *c == ' ') {
      space = !line.empty();
    } else {
      if (space) line += ' ';
      line += *c;
      space = false;
    }
  }
  return line;
}

std::string formatReal(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

bool startsWith(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

DatabaseErrorKind kindOf(PGconn* connection, const std::string& sqlState) {
  // Class 08 is a connection exception (but 08P01, a protocol violation, leaves the connection working);
  // 57P01..57P03: the server is shutting down or not yet accepting connections.
  if (PQstatus(connection) != CONNECTION_OK || (startsWith(sqlState, "08") && sqlState != "08P01") ||
      sqlState == "57P01" || sqlState == "57P02" || sqlState == "57P03") {
    return DatabaseErrorKind::Unavailable;
  }
  if (sqlState == "23505") return DatabaseErrorKind::UniqueViolation;
  // Serialization failure, deadlock, lock_timeout or NOWAIT: running the transaction again may succeed.
  if (sqlState == "40001" || sqlState == "40P01" || sqlState == "55P03") return DatabaseErrorKind::Busy;
  return DatabaseErrorKind::Other;
}

// Replaces every spelling of the password in `text`: as libpq decoded it, and as written in the URL
// (percent-encoded, or a "password=" parameter).
std::string withoutPassword(std::string text, const std::string& url, const std::string& decodedPassword) {
  std::vector<std::string> secrets = {decodedPassword};
  if (const auto scheme = url.find("://"); scheme != std::string::npos) {
    const auto at = url.rfind('@');
    const auto colon = url.find(':', scheme + 3);
    if (at != std::string::npos && colon != std::string::npos && colon < at) {
      secrets.push_back(url.substr(colon + 1, at - colon - 1));
    }
  }
  for (auto key = url.find("password="); key != std::string::npos; key = url.find("password=", key + 1)) {
    const auto start = key + std::strlen("password=");
    secrets.push_back(url.substr(start, url.find_first_of("& ", start) - start));
  }
  for (const std::string& secret : secrets) {
    if (secret.empty()) continue;
    for (auto found = text.find(secret); found != std::string::npos; found = text.find(secret, found + 3)) {
      text.replace(found, secret.size(), "***");
    }
  }
  return text;
}

// The decoded password from a URL, or nullopt when libpq cannot parse the URL at all.
std::optional<std::string> passwordIn(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  PQfreemem(error);  // it may quote the whole URL, password included
  if (!options) return std::nullopt;
  std::string password;
  for (const PQconninfoOption* option = options; option->keyword; ++option) {
    if (std::strcmp(option->keyword, "password") == 0 && option->val) password = option->val;
  }
  PQconninfoFree(options);
  return password;
}

// libpq would print NOTICEs ("table does not exist, skipping") to stderr.
void ignoreNotice(void*, const char*) {}

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(const std::string& url) {
    const std::optional<std::string> password = passwordIn(url);
    if (!password) {
      throw DatabaseError(DatabaseErrorKind::Unavailable,
                          "the PostgreSQL URL cannot be read: expected postgresql://user@host:port/database");
    }
    // Settings before "dbname" are defaults the URL may override; those after it are imposed.
    const char* keywords[] = {"connect_timeout", "application_name", "dbname", "client_encoding", nullptr};
    const char* values[] = {kConnectTimeoutSeconds, "bhabin-server", url.c_str(), "UTF8", nullptr};
    connection_ = PQconnectdbParams(keywords, values, 1);
    if (!connection_) throw DatabaseError(DatabaseErrorKind::Unavailable, "libpq could not allocate a connection");
    if (PQstatus(connection_) != CONNECTION_OK) {
      const std::string where = std::string("host ") + PQhost(connection_) + ", port " + PQport(connection_) +
                                ", database " + PQdb(connection_) + ", user " + PQuser(connection_);
      const std::string reason = oneLine(PQerrorMessage(connection_));
      PQfinish(connection_);
      throw DatabaseError(DatabaseErrorKind::Unavailable,
                          withoutPassword("cannot connect to PostgreSQL (" + where + "): " + reason, url, *password));
    }
    PQsetNoticeProcessor(connection_, ignoreNotice, nullptr);
    try {
      script(kSessionSettings);
    } catch (...) {
      PQfinish(connection_);
      throw;
    }
  }

  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;
  ~PostgresConnection() override { PQfinish(connection_); }

  Dialect dialect() const override { return Dialect::Postgres; }

  std::vector<Row> query(std::string_view sql, const std::vector<Param>& params) override {
    const PreparedStatement& statement = prepared(sql);
    if (statement.parameterCount != params.size()) {
      throw DatabaseError(DatabaseErrorKind::Other, "PostgreSQL: the statement expects " +
                                                        std::to_string(statement.parameterCount) +
                                                        " values ($1..$N) but got " + std::to_string(params.size()) +
                                                        " (in: " + sqlExcerpt(sql) + ")");
    }
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const Param& param = params[i];
      if (const auto* integer = std::get_if<std::int64_t>(&param)) {
        texts[i] = std::to_string(*integer);
      } else if (const auto* real = std::get_if<double>(&param)) {
        if (!std::isfinite(*real)) {
          throw DatabaseError(DatabaseErrorKind::Other, "parameter $" + std::to_string(i + 1) +
                                                            " is not a finite number (in: " + sqlExcerpt(sql) + ")");
        }
        texts[i] = formatReal(*real);
      } else if (const auto* text = std::get_if<std::string>(&param)) {
        // libpq sends text parameters as C strings: a NUL would silently cut the value short.
        if (text->find('\0') != std::string::npos) {
          throw DatabaseError(DatabaseErrorKind::Other, "parameter $" + std::to_string(i + 1) +
                                                            " contains a NUL character (in: " + sqlExcerpt(sql) + ")");
        }
        texts[i] = *text;
      } else {
        continue;  // NULL: values[i] stays nullptr
      }
      values[i] = texts[i].c_str();
    }
    Result result(PQexecPrepared(connection_, statement.name.c_str(), static_cast<int>(params.size()), values.data(),
                                 nullptr, nullptr, 0));
    check(result.get(), sql);
    // Like SQLite's count, a SELECT leaves the last write's count in place; INSERT ... RETURNING sets it.
    const std::string_view command = PQcmdStatus(result.get());
    if (startsWith(command, "INSERT") || startsWith(command, "UPDATE") || startsWith(command, "DELETE") ||
        startsWith(command, "MERGE")) {
      changedRows_ = std::strtoll(PQcmdTuples(result.get()), nullptr, 10);
    }
    return rowsOf(result.get());
  }

  void script(std::string_view sql) override { execute(std::string(sql)); }

  void begin(Durability durability) override {
    if (PQtransactionStatus(connection_) != PQTRANS_IDLE) {
      throw DatabaseError(DatabaseErrorKind::Other, "begin() inside an open transaction: commit or roll it back first");
    }
    // SET LOCAL lasts until the transaction ends. Relaxed commits return before the WAL reaches the disk:
    // a crash may lose the last ones but never corrupts anything.
    switch (durability) {
      case Durability::Durable: execute("BEGIN; SET LOCAL synchronous_commit = on"); break;
      case Durability::Relaxed: execute("BEGIN; SET LOCAL synchronous_commit = off"); break;
      case Durability::ReadOnly: execute("BEGIN READ ONLY"); break;
    }
  }

  void commit() override {
    const Result result = execute("COMMIT");
    // PostgreSQL answers COMMIT of a transaction that already failed with ROLLBACK rather than an error.
    if (std::strcmp(PQcmdStatus(result.get()), "ROLLBACK") == 0) {
      throw DatabaseError(DatabaseErrorKind::Other,
                          "PostgreSQL rolled the transaction back at COMMIT: a statement in it had failed "
                          "and its error was caught without ending the transaction");
    }
  }

  void rollback() noexcept override {
    const PGTransactionStatusType status = PQtransactionStatus(connection_);
    if (status == PQTRANS_INTRANS || status == PQTRANS_INERROR) PQclear(PQexec(connection_, "ROLLBACK"));
  }

  std::int64_t changedRows() override { return changedRows_; }

  bool resetForReuse() noexcept override {
    rollback();
    return PQstatus(connection_) == CONNECTION_OK && PQtransactionStatus(connection_) == PQTRANS_IDLE;
  }

 private:
  void check(const PGresult* result, std::string_view sql) const {
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    // The primary message only: DETAIL may quote the row's values, which are personal data.
    const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const std::string sqlState = state ? state : "";
    std::string message = primary                       ? oneLine(primary)
                          : status == PGRES_EMPTY_QUERY ? std::string("empty statement")
                                                        : oneLine(PQerrorMessage(connection_));
    throw DatabaseError(kindOf(connection_, sqlState), "PostgreSQL: " + message +
                                                           (sqlState.empty() ? "" : " (SQLSTATE " + sqlState + ")") +
                                                           " (in: " + sqlExcerpt(sql) + ")");
  }

  Result execute(const std::string& sql) {
    Result result(PQexec(connection_, sql.c_str()));
    check(result.get(), sql);
    return result;
  }

  struct PreparedStatement {
    std::string name;
    std::size_t parameterCount = 0;
  };

  const PreparedStatement& prepared(std::string_view sql) {
    std::string key(sql);
    if (const auto found = statements_.find(key); found != statements_.end()) return found->second;
    if (statements_.size() >= kMaxCachedStatements) {
      execute("DEALLOCATE ALL");
      statements_.clear();
    }
    PreparedStatement statement{"s" + std::to_string(++statementCount_), 0};
    // No parameter types: the server infers each from where it is used.
    const Result made(PQprepare(connection_, statement.name.c_str(), key.c_str(), 0, nullptr));
    check(made.get(), sql);
    // The server would refuse a wrong number of values as a protocol violation; say it plainly instead.
    const Result described(PQdescribePrepared(connection_, statement.name.c_str()));
    check(described.get(), sql);
    statement.parameterCount = static_cast<std::size_t>(PQnparams(described.get()));
    return statements_.emplace(std::move(key), std::move(statement)).first->second;
  }

  static std::vector<Row> rowsOf(const PGresult* result) {
    const int rowCount = PQntuples(result);
    const int columns = PQnfields(result);
    std::vector<Row> rows;
    rows.reserve(static_cast<std::size_t>(rowCount));
    for (int row = 0; row < rowCount; ++row) {
      std::vector<std::optional<std::string>> values;
      values.reserve(static_cast<std::size_t>(columns));
      for (int column = 0; column < columns; ++column) {
        if (PQgetisnull(result, row, column)) {
          values.emplace_back(std::nullopt);
        } else if (PQftype(result, column) == kBoolOid) {
          values.emplace_back(PQgetvalue(result, row, column)[0] == 't' ? "1" : "0");
        } else {
          values.emplace_back(
              std::string(PQgetvalue(result, row, column), static_cast<std::size_t>(PQgetlength(result, row, column))));
        }
      }
      rows.emplace_back(std::move(values));
    }
    return rows;
  }

  PGconn* connection_ = nullptr;
  std::unordered_map<std::string, PreparedStatement> statements_;  // by SQL text
  std::uint64_t statementCount_ = 0;
  std::int64_t changedRows_ = 0;
};

}  // namespace

std::unique_ptr<Connection> openPostgres(const std::string& url) { return std::make_unique<PostgresConnection>(url); }

}  // namespace bhabin::server::storage
