// The SQL layer against both real drivers (SQLite on a temporary file, PostgreSQL on the test server):
// the same statements must give the same answers, errors must say what kind they are, and the pool and
// inTransaction must commit, roll back, retry and hand connections back as promised.
#include "server/storage/database.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cfloat>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <functional>
#include <future>
#include <limits>
#include <optional>
#include <thread>
#include <utility>

#include "support/test_databases.h"

namespace bhabin::server::storage {
namespace {

using namespace std::chrono_literals;

template <class Action>
std::optional<DatabaseError> errorFrom(Action&& action) {
  try {
    action();
  } catch (const DatabaseError& error) {
    return error;
  }
  return std::nullopt;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::int64_t countRows(Connection& connection, const std::string& table) {
  return connection.query("SELECT COUNT(*) FROM " + table, {}).at(0).integer(0);
}

// ---- Reading result columns (no database) ----

TEST(Row, IntegerReadsOnlyWholeNumbersThatFit) {
  const Row row({"42", "-9223372036854775808", "9223372036854775807", "9223372036854775808", "12a", " 1", "", "1.5",
                 "+1", std::nullopt});
  EXPECT_EQ(row.integer(0), 42);
  EXPECT_EQ(row.integer(1), std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(row.integer(2), std::numeric_limits<std::int64_t>::max());
  for (std::size_t column = 3; column < row.size(); ++column) {
    const auto error = errorFrom([&] { row.integer(column); });
    ASSERT_TRUE(error) << "column " << column;
    EXPECT_EQ(error->kind(), DatabaseErrorKind::Other);
    EXPECT_TRUE(contains(error->what(), "column " + std::to_string(column))) << error->what();
  }
}

TEST(Row, RealReadsOnlyFiniteNumbers) {
  const Row row({"109.04", "-6.8712345678901234", "7", "1e3", "abc", "inf", "NaN", "Infinity", "1e400", "1.5 ", ""});
  EXPECT_EQ(row.real(0), 109.04);
  EXPECT_EQ(row.real(1), -6.8712345678901234);
  EXPECT_EQ(row.real(2), 7.0);
  EXPECT_EQ(row.real(3), 1000.0);
  for (std::size_t column = 4; column < row.size(); ++column) {
    const auto error = errorFrom([&] { row.real(column); });
    ASSERT_TRUE(error) << "column " << column;
    EXPECT_TRUE(contains(error->what(), "column " + std::to_string(column))) << error->what();
  }
}

TEST(Row, NullIsNotText) {
  const Row row({std::nullopt, std::string("")});
  EXPECT_TRUE(row.isNull(0));
  EXPECT_FALSE(row.isNull(1));
  EXPECT_EQ(row.optionalText(0), std::nullopt);
  EXPECT_EQ(row.text(1), "");
  const auto error = errorFrom([&] { row.text(0); });
  ASSERT_TRUE(error);
  EXPECT_TRUE(contains(error->what(), "column 0")) << error->what();
}

// ---- Both drivers ----

class Database : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    BHABIN_SKIP_POSTGRES_IF_ASKED(GetParam());
    factory_ = freshDatabaseFactory(GetParam());
    db_ = factory_();
  }

  Connection& db() { return *db_; }

  ConnectionFactory factory_;
  std::unique_ptr<Connection> db_;
};

INSTANTIATE_TEST_SUITE_P(BothDialects, Database, ::testing::ValuesIn(kTestDialects), dialectTestName);

TEST_P(Database, ReportsItsDialect) { EXPECT_EQ(db().dialect(), GetParam()); }

TEST_P(Database, PlaceholdersMayComeInAnyOrderAndRepeat) {
  db().script("CREATE TABLE t (a BIGINT, b TEXT)");
  db().query("INSERT INTO t (b, a) VALUES ($2, $1)", {std::int64_t{7}, std::string("seven")});
  const auto rows = db().query("SELECT a, b FROM t WHERE b = $2 AND a = $1 AND b = $2", {std::int64_t{7}, "seven"});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].integer(0), 7);
  EXPECT_EQ(rows[0].text(1), "seven");
}

TEST_P(Database, AWrongNumberOfValuesIsRefused) {
  db().script("CREATE TABLE t (a BIGINT, b TEXT)");
  const std::string sql = "SELECT a FROM t WHERE a = $1 AND b = $2";
  for (const std::vector<Param>& params :
       {std::vector<Param>{std::int64_t{1}}, std::vector<Param>{std::int64_t{1}, "x", "extra"}}) {
    const auto error = errorFrom([&] { db().query(sql, params); });
    ASSERT_TRUE(error) << params.size() << " values";
    EXPECT_EQ(error->kind(), DatabaseErrorKind::Other);
    EXPECT_TRUE(contains(error->what(), "expects 2 values")) << error->what();
  }
  // A gap in the numbering: $2 is neither used nor typed.
  EXPECT_TRUE(errorFrom([&] { db().query("SELECT a FROM t WHERE a = $1 AND b = $3", {std::int64_t{1}, "x", "y"}); }));
  EXPECT_TRUE(db().query(sql, {std::int64_t{1}, "x"}).empty());  // and the statement still works
}

TEST_P(Database, NullRoundTrips) {
  db().script("CREATE TABLE t (a BIGINT, b TEXT, c DOUBLE PRECISION)");
  db().query("INSERT INTO t (a, b, c) VALUES ($1, $2, $3)", {nullptr, nullptr, nullptr});
  const auto rows = db().query("SELECT a, b, c FROM t WHERE a IS NULL AND b IS NULL AND c IS NULL", {});
  ASSERT_EQ(rows.size(), 1u);
  for (std::size_t column = 0; column < 3; ++column) EXPECT_TRUE(rows[0].isNull(column)) << column;
  const auto error = errorFrom([&] { rows[0].integer(0); });
  ASSERT_TRUE(error);
  EXPECT_TRUE(contains(error->what(), "column 0")) << error->what();
}

TEST_P(Database, Int64ExtremesRoundTrip) {
  db().script("CREATE TABLE t (n BIGINT)");
  const std::vector<std::int64_t> values = {std::numeric_limits<std::int64_t>::min(),
                                            std::numeric_limits<std::int64_t>::max(), 0, -1,
                                            (std::int64_t{1} << 53) + 1};
  for (const std::int64_t value : values) db().query("INSERT INTO t (n) VALUES ($1)", {value});
  for (const std::int64_t value : values) {
    const auto rows = db().query("SELECT n FROM t WHERE n = $1", {value});
    ASSERT_EQ(rows.size(), 1u) << value;
    EXPECT_EQ(rows[0].integer(0), value);
  }
}

TEST_P(Database, DoublesRoundTripExactly) {
  db().script("CREATE TABLE t (id BIGINT, x DOUBLE PRECISION)");
  const std::vector<double> values = {-6.8712345678901234, 109.04, 0.1, 1.0 / 3.0, 1e-300, 5e-324, DBL_MAX, -DBL_MAX,
                                      123456789.123456789, 5.0};
  for (std::size_t i = 0; i < values.size(); ++i) {
    db().query("INSERT INTO t (id, x) VALUES ($1, $2)", {static_cast<std::int64_t>(i), values[i]});
  }
  const auto rows = db().query("SELECT id, x FROM t ORDER BY id", {});
  ASSERT_EQ(rows.size(), values.size());
  for (std::size_t i = 0; i < values.size(); ++i) EXPECT_EQ(rows[i].real(1), values[i]) << rows[i].text(1);
  // The server compares the stored value with the parameter bit for bit.
  EXPECT_EQ(db().query("SELECT id FROM t WHERE x = $1", {109.04}).at(0).integer(0), 1);
  EXPECT_EQ(db().query("SELECT x FROM t WHERE id = 9", {}).at(0).integer(0), 5);  // whole doubles read as integers

  const auto error = errorFrom([&] { db().query("INSERT INTO t (id, x) VALUES (99, $1)", {std::nan("")}); });
  ASSERT_TRUE(error);
  EXPECT_TRUE(contains(error->what(), "finite")) << error->what();
}

TEST_P(Database, Utf8TextRoundTrips) {
  db().script("CREATE TABLE t (s TEXT)");
  // Indonesian with a dash, a numero sign, a check mark, an emoji outside the BMP and CJK: 28 code points.
  const std::string text = "Polsek Sragen — № 5 ✓ 🚓 漢字 ñ";
  db().query("INSERT INTO t (s) VALUES ($1)", {text});
  const auto rows = db().query("SELECT s, length(s) FROM t WHERE s = $1", {text});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].text(0), text);
  EXPECT_EQ(rows[0].integer(1), 28);  // characters, not bytes: stored as text, not as a blob

  const std::string large(1 << 20, 'x');
  db().query("INSERT INTO t (s) VALUES ($1)", {large});
  EXPECT_EQ(db().query("SELECT s FROM t WHERE length(s) > 100", {}).at(0).text(0), large);

  const auto error = errorFrom([&] { db().query("INSERT INTO t (s) VALUES ($1)", {std::string("a\0b", 3)}); });
  ASSERT_TRUE(error);  // PostgreSQL text cannot hold it; SQLite refuses it too so tests see the same
  EXPECT_TRUE(contains(error->what(), "NUL")) << error->what();
}

TEST_P(Database, BooleansReadAsIntegers) {
  const auto rows = db().query("SELECT 1 = 1, 1 = 2", {});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].integer(0), 1);
  EXPECT_EQ(rows[0].integer(1), 0);
}

TEST_P(Database, DuplicateKeysAreUniqueViolationsWithoutTheValue) {
  db().script("CREATE TABLE accounts (nrp TEXT PRIMARY KEY, email TEXT UNIQUE, name TEXT NOT NULL)");
  const std::string sql = "INSERT INTO accounts (nrp, email, name) VALUES ($1, $2, $3)";
  db().query(sql, {"87050123", "budi@example.id", "Budi"});

  auto error = errorFrom([&] { db().query(sql, {"87050123", "other@example.id", "Budi"}); });
  ASSERT_TRUE(error);
  EXPECT_EQ(error->kind(), DatabaseErrorKind::UniqueViolation) << error->what();

  error = errorFrom([&] { db().query(sql, {"87050999", "budi@example.id", "Budi"}); });
  ASSERT_TRUE(error);
  EXPECT_EQ(error->kind(), DatabaseErrorKind::UniqueViolation) << error->what();
  EXPECT_FALSE(contains(error->what(), "budi@example.id")) << "messages reach logs: " << error->what();

  error = errorFrom([&] { db().query(sql, {"87050999", "sri@example.id", nullptr}); });
  ASSERT_TRUE(error);
  EXPECT_EQ(error->kind(), DatabaseErrorKind::Other) << error->what();

  EXPECT_EQ(countRows(db(), "accounts"), 1);  // and the connection still works
}

TEST_P(Database, ForeignKeysAreEnforced) {
  db().script(
      "CREATE TABLE parents (id TEXT PRIMARY KEY);"
      "CREATE TABLE children (id TEXT PRIMARY KEY, parent TEXT NOT NULL REFERENCES parents (id))");
  const auto error = errorFrom([&] { db().query("INSERT INTO children (id, parent) VALUES ('c', 'missing')", {}); });
  ASSERT_TRUE(error);
  EXPECT_EQ(error->kind(), DatabaseErrorKind::Other);
  EXPECT_EQ(countRows(db(), "children"), 0);
}

TEST_P(Database, StatementErrorsNameTheStatement) {
  const auto error = errorFrom([&] { db().query("SELEC 1 FROM nowhere", {}); });
  ASSERT_TRUE(error);
  EXPECT_EQ(error->kind(), DatabaseErrorKind::Other);
  EXPECT_TRUE(contains(error->what(), "SELEC 1 FROM nowhere")) << error->what();
}

TEST_P(Database, QueryRunsOneStatementAndScriptRunsMany) {
  EXPECT_TRUE(errorFrom([&] { db().query("SELECT 1; SELECT 2", {}); }));
  db().script(
      "CREATE TABLE a (x BIGINT);\n"
      "CREATE TABLE b (y BIGINT);\n"
      "INSERT INTO a (x) VALUES (1), (2);\n");
  EXPECT_EQ(countRows(db(), "a"), 2);
  EXPECT_EQ(countRows(db(), "b"), 0);
}

TEST_P(Database, ChangedRowsCountsTheLastWrite) {
  db().script("CREATE TABLE t (id BIGINT PRIMARY KEY, v TEXT)");
  db().query("INSERT INTO t (id, v) VALUES (1, 'a'), (2, 'b'), (3, 'b')", {});
  EXPECT_EQ(db().changedRows(), 3);
  db().query("UPDATE t SET v = 'c' WHERE v = $1", {"b"});
  EXPECT_EQ(db().changedRows(), 2);
  db().query("INSERT INTO t (id, v) VALUES (1, 'a') ON CONFLICT (id) DO NOTHING", {});
  EXPECT_EQ(db().changedRows(), 0);
  const auto returned = db().query("INSERT INTO t (id, v) VALUES (4, 'd'), (5, 'e') RETURNING id", {});
  ASSERT_EQ(returned.size(), 2u);
  EXPECT_EQ(returned[1].integer(0), 5);
  EXPECT_EQ(db().changedRows(), 2);
  db().query("DELETE FROM t WHERE id > $1", {std::int64_t{0}});
  EXPECT_EQ(db().changedRows(), 5);
}

TEST_P(Database, RollbackDiscardsAndCommitKeeps) {
  db().script("CREATE TABLE t (id BIGINT PRIMARY KEY)");
  db().begin(Durability::Durable);
  db().query("INSERT INTO t (id) VALUES (1)", {});
  db().rollback();
  EXPECT_EQ(countRows(db(), "t"), 0);

  db().begin(Durability::Relaxed);
  db().query("INSERT INTO t (id) VALUES (2)", {});
  db().commit();
  db().begin(Durability::Durable);
  db().query("INSERT INTO t (id) VALUES (3)", {});
  db().commit();
  auto other = factory_();
  EXPECT_EQ(countRows(*other, "t"), 2);
}

TEST_P(Database, AFailedStatementInATransactionIsUndoneWithIt) {
  db().script("CREATE TABLE t (id BIGINT PRIMARY KEY)");
  db().begin(Durability::Durable);
  db().query("INSERT INTO t (id) VALUES (1)", {});
  EXPECT_TRUE(errorFrom([&] { db().query("INSERT INTO t (id) VALUES (1)", {}); }));
  db().rollback();
  EXPECT_EQ(countRows(db(), "t"), 0);
  db().begin(Durability::Durable);  // the connection is usable again
  db().rollback();
}

TEST_P(Database, PreparedStatementsOutliveARollback) {
  db().script("CREATE TABLE t (id BIGINT PRIMARY KEY)");
  const std::string insert = "INSERT INTO t (id) VALUES ($1)";
  db().begin(Durability::Durable);
  db().query(insert, {std::int64_t{0}});  // prepared for the first time inside the transaction
  db().rollback();
  for (std::int64_t id = 1; id <= 50; ++id) db().query(insert, {id});
  EXPECT_EQ(countRows(db(), "t"), 50);
}

TEST_P(Database, ALockConflictIsBusy) {
  db().script("CREATE TABLE t (id BIGINT PRIMARY KEY, n BIGINT)");
  db().query("INSERT INTO t (id, n) VALUES (1, 0)", {});
  auto holder = factory_();
  holder->begin(Durability::Durable);
  holder->query("UPDATE t SET n = 1 WHERE id = 1", {});

  // Both wait for a lock before giving up; shorten the wait so the test stays fast.
  std::optional<DatabaseError> error;
  if (GetParam() == Dialect::Sqlite) {
    db().query("PRAGMA busy_timeout = 50", {});
    error = errorFrom([&] { db().begin(Durability::Durable); });
  } else {
    db().begin(Durability::Durable);
    db().query("SET LOCAL lock_timeout = '50ms'", {});
    error = errorFrom([&] { db().query("UPDATE t SET n = 2 WHERE id = 1", {}); });
  }
  ASSERT_TRUE(error);
  EXPECT_EQ(error->kind(), DatabaseErrorKind::Busy) << error->what();
  db().rollback();
  holder->commit();
  EXPECT_EQ(db().query("SELECT n FROM t", {}).at(0).integer(0), 1);
}

// ---- inTransaction over a real pool ----

TEST_P(Database, InTransactionCommitsAndReturnsTheResult) {
  db().script("CREATE TABLE t (id BIGINT PRIMARY KEY)");
  ConnectionPool pool(factory_, 2);
  const std::int64_t changed = inTransaction(pool, Durability::Durable, [](Connection& connection) {
    connection.query("INSERT INTO t (id) VALUES (1), (2)", {});
    return connection.changedRows();
  });
  EXPECT_EQ(changed, 2);
  EXPECT_EQ(countRows(db(), "t"), 2);
}

TEST_P(Database, InTransactionRollsBackWhenTheWorkThrows) {
  db().script("CREATE TABLE t (id BIGINT PRIMARY KEY)");
  ConnectionPool pool(factory_, 1);
  int runs = 0;
  EXPECT_THROW(inTransaction(pool, Durability::Durable,
                             [&](Connection& connection) {
                               ++runs;
                               connection.query("INSERT INTO t (id) VALUES (1)", {});
                               throw std::runtime_error("the report was invalid");
                             }),
               std::runtime_error);
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(countRows(db(), "t"), 0);

  // A unique violation is an answer, not a conflict: no second run.
  db().query("INSERT INTO t (id) VALUES (7)", {});
  runs = 0;
  const auto error = errorFrom([&] {
    inTransaction(pool, Durability::Durable, [&](Connection& connection) {
      ++runs;
      connection.query("INSERT INTO t (id) VALUES (8)", {});
      connection.query("INSERT INTO t (id) VALUES (7)", {});
    });
  });
  ASSERT_TRUE(error);
  EXPECT_EQ(error->kind(), DatabaseErrorKind::UniqueViolation);
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(countRows(db(), "t"), 1);
}

TEST_P(Database, InTransactionRetriesBusyAndUndoesEachFailedRun) {
  db().script("CREATE TABLE t (id BIGINT)");
  ConnectionPool pool(factory_, 1);
  int runs = 0;
  inTransaction(pool, Durability::Durable, [&](Connection& connection) {
    ++runs;
    connection.query("INSERT INTO t (id) VALUES ($1)", {std::int64_t{runs}});
    if (runs < 3) throw DatabaseError(DatabaseErrorKind::Busy, "simulated conflict");
  });
  EXPECT_EQ(runs, 3);
  const auto rows = db().query("SELECT id FROM t", {});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].integer(0), 3);

  runs = 0;
  const auto error = errorFrom([&] {
    inTransaction(pool, Durability::Relaxed, [&](Connection&) {
      ++runs;
      throw DatabaseError(DatabaseErrorKind::Busy, "always in conflict");
    });
  });
  ASSERT_TRUE(error);
  EXPECT_EQ(error->kind(), DatabaseErrorKind::Busy);
  EXPECT_EQ(runs, 5);
}

TEST_P(Database, ConcurrentWritersAllLand) {
  db().script(
      "CREATE TABLE visits (writer BIGINT, seq BIGINT, PRIMARY KEY (writer, seq));"
      "CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL);"
      "INSERT INTO counters (name, value) VALUES ('visits', 0)");
  constexpr int kWriters = 4;
  constexpr int kEach = 50;
  ConnectionPool pool(factory_, kWriters);
  std::vector<std::thread> writers;
  std::atomic<int> failures{0};
  for (int writer = 0; writer < kWriters; ++writer) {
    writers.emplace_back([&, writer] {
      for (int seq = 0; seq < kEach; ++seq) {
        try {
          inTransaction(pool, Durability::Durable, [&](Connection& connection) {
            connection.query("INSERT INTO visits (writer, seq) VALUES ($1, $2)",
                             {std::int64_t{writer}, std::int64_t{seq}});
            connection.query("UPDATE counters SET value = value + 1 WHERE name = $1", {"visits"});
          });
        } catch (const DatabaseError& error) {
          ADD_FAILURE() << "writer " << writer << ": " << error.what();
          ++failures;
        }
      }
    });
  }
  for (auto& thread : writers) thread.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(countRows(db(), "visits"), kWriters * kEach);
  EXPECT_EQ(db().query("SELECT value FROM counters", {}).at(0).integer(0), kWriters * kEach);
}

// ---- The pool over real connections ----

// Counts the connections a pool opens.
struct CountingFactory {
  ConnectionFactory open;
  std::shared_ptr<std::atomic<int>> opened = std::make_shared<std::atomic<int>>(0);
  ConnectionFactory factory() const {
    return [open = open, opened = opened] {
      ++*opened;
      return open();
    };
  }
};

TEST_P(Database, PoolOpensConnectionsOnlyWhenNeeded) {
  CountingFactory counting{factory_};
  ConnectionPool pool(counting.factory(), 3);
  EXPECT_EQ(pool.dialect(), GetParam());
  EXPECT_EQ(*counting.opened, 1);  // the first at once, so a bad URL fails at start-up
  {
    auto first = pool.acquire();
    auto second = pool.acquire();
    EXPECT_NE(&*first, &*second);
    EXPECT_EQ(*counting.opened, 2);
  }
  for (int i = 0; i < 10; ++i) pool.acquire()->query("SELECT 1", {});
  EXPECT_EQ(*counting.opened, 2);
}

TEST_P(Database, PoolBlocksWhileAllAreLentThenHandsBackTheSameConnection) {
  ConnectionPool pool(factory_, 1);
  std::optional<ConnectionPool::Lease> lease(pool.acquire());
  Connection* const lent = &**lease;
  auto waiter = std::async(std::launch::async, [&pool] {
    auto next = pool.acquire();
    return &*next;
  });
  EXPECT_EQ(waiter.wait_for(100ms), std::future_status::timeout) << "acquire should wait for the lent connection";
  lease.reset();
  ASSERT_EQ(waiter.wait_for(10s), std::future_status::ready);
  EXPECT_EQ(waiter.get(), lent);
}

TEST_P(Database, PoolRollsBackATransactionLeftOpen) {
  db().script("CREATE TABLE t (id BIGINT PRIMARY KEY)");
  ConnectionPool pool(factory_, 1);
  {
    auto lease = pool.acquire();
    lease->begin(Durability::Durable);
    lease->query("INSERT INTO t (id) VALUES (1)", {});
  }  // given back mid-transaction, as an exception escaping a handler would
  auto lease = pool.acquire();
  EXPECT_EQ(countRows(*lease, "t"), 0);
  lease->begin(Durability::Durable);  // not "already in a transaction"
  lease->rollback();
  EXPECT_EQ(countRows(db(), "t"), 0);
}

TEST_P(Database, PoolReplacesADiscardedConnection) {
  CountingFactory counting{factory_};
  ConnectionPool pool(counting.factory(), 1);
  {
    auto lease = pool.acquire();
    lease.discard();
  }
  EXPECT_EQ(pool.acquire()->query("SELECT 1", {}).at(0).integer(0), 1);
  EXPECT_EQ(*counting.opened, 2);
}

// ---- The pool and inTransaction with a scripted connection, for failures a real one cannot stage ----

class ScriptedConnection final : public Connection {
 public:
  explicit ScriptedConnection(std::function<void()> onCommit) : onCommit_(std::move(onCommit)) {}
  Dialect dialect() const override { return Dialect::Sqlite; }
  std::vector<Row> query(std::string_view, const std::vector<Param>&) override { return {}; }
  void script(std::string_view) override {}
  void begin(Durability) override {}
  void commit() override { onCommit_(); }
  void rollback() noexcept override {}
  std::int64_t changedRows() override { return 0; }
  bool resetForReuse() noexcept override { return true; }

 private:
  std::function<void()> onCommit_;
};

TEST(InTransaction, AConnectionLostBeforeCommitIsRetriedOnANewOne) {
  int opened = 0;
  ConnectionPool pool(
      [&] {
        ++opened;
        return std::make_unique<ScriptedConnection>([] {});
      },
      1);
  int runs = 0;
  inTransaction(pool, Durability::Durable, [&](Connection&) {
    if (++runs == 1) throw DatabaseError(DatabaseErrorKind::Unavailable, "server restarted");
  });
  EXPECT_EQ(runs, 2);
  EXPECT_EQ(opened, 2);
}

TEST(InTransaction, AConnectionLostDuringCommitIsNotRetried) {
  // The commit may have been applied: running the work again could file a report twice.
  ConnectionPool pool(
      [] {
        return std::make_unique<ScriptedConnection>(
            [] { throw DatabaseError(DatabaseErrorKind::Unavailable, "connection lost at COMMIT"); });
      },
      1);
  int runs = 0;
  const auto error = errorFrom([&] { inTransaction(pool, Durability::Durable, [&](Connection&) { ++runs; }); });
  ASSERT_TRUE(error);
  EXPECT_EQ(error->kind(), DatabaseErrorKind::Unavailable);
  EXPECT_EQ(runs, 1);
}

TEST(InTransaction, BusyAtCommitIsRetried) {
  int commits = 0;
  ConnectionPool pool(
      [&] {
        return std::make_unique<ScriptedConnection>([&] {
          if (++commits == 1) throw DatabaseError(DatabaseErrorKind::Busy, "serialization failure");
        });
      },
      1);
  int runs = 0;
  inTransaction(pool, Durability::Durable, [&](Connection&) { ++runs; });
  EXPECT_EQ(runs, 2);
  EXPECT_EQ(commits, 2);
}

TEST(ConnectionPool, AFailedOpenFreesItsPlace) {
  bool failNext = false;
  ConnectionPool pool(
      [&] {
        if (std::exchange(failNext, false)) throw DatabaseError(DatabaseErrorKind::Unavailable, "refused");
        return std::make_unique<ScriptedConnection>([] {});
      },
      2);
  auto held = pool.acquire();
  failNext = true;
  EXPECT_THROW(pool.acquire(), DatabaseError);
  auto second = std::async(std::launch::async, [&pool] { return pool.acquire()->changedRows(); });
  ASSERT_EQ(second.wait_for(10s), std::future_status::ready) << "the failed open still counted as lent";
  EXPECT_EQ(second.get(), 0);
}

// ---- SQLite only ----

TEST(SqliteDatabase, WalForeignKeysBusyTimeoutAndSynchronousAreSet) {
  auto db = openSqlite(freshSqlitePath());
  EXPECT_EQ(db->query("PRAGMA journal_mode", {}).at(0).text(0), "wal");
  EXPECT_EQ(db->query("PRAGMA foreign_keys", {}).at(0).integer(0), 1);
  EXPECT_EQ(db->query("PRAGMA busy_timeout", {}).at(0).integer(0), 5000);
  EXPECT_EQ(db->query("PRAGMA synchronous", {}).at(0).integer(0), 2);  // FULL
  db->begin(Durability::Relaxed);
  EXPECT_EQ(db->query("PRAGMA synchronous", {}).at(0).integer(0), 1);  // NORMAL
  db->commit();
  db->begin(Durability::Durable);
  EXPECT_EQ(db->query("PRAGMA synchronous", {}).at(0).integer(0), 2);
  db->rollback();
}

TEST(SqliteDatabase, BlobsComeBackAsBytes) {
  auto db = openSqlite(freshSqlitePath());
  EXPECT_EQ(db->query("SELECT x'00ff41'", {}).at(0).text(0), std::string("\0\xff"
                                                                         "A",
                                                                         3));
}

TEST(SqliteDatabase, AFolderThatDoesNotExistIsUnavailable) {
  const auto error = errorFrom([] { openSqlite("/nonexistent-bhabin-folder/reports.sqlite"); });
  ASSERT_TRUE(error);
  EXPECT_EQ(error->kind(), DatabaseErrorKind::Unavailable);
  EXPECT_TRUE(contains(error->what(), "/nonexistent-bhabin-folder/reports.sqlite")) << error->what();
}

// ---- PostgreSQL only ----

class PostgresDatabase : public ::testing::Test {
 protected:
  void SetUp() override {
    BHABIN_SKIP_POSTGRES_IF_ASKED(Dialect::Postgres);
    url_ = freshPostgresUrl();
  }
  std::string url_;
};

TEST_F(PostgresDatabase, SessionSettingsAndDurability) {
  auto db = openPostgres(url_);
  EXPECT_EQ(db->query("SHOW client_encoding", {}).at(0).text(0), "UTF8");
  EXPECT_EQ(db->query("SHOW statement_timeout", {}).at(0).text(0), "15s");
  db->begin(Durability::Relaxed);
  EXPECT_EQ(db->query("SHOW synchronous_commit", {}).at(0).text(0), "off");
  db->commit();
  EXPECT_EQ(db->query("SHOW synchronous_commit", {}).at(0).text(0), "on");  // SET LOCAL ended with it
  db->begin(Durability::Durable);
  EXPECT_EQ(db->query("SHOW synchronous_commit", {}).at(0).text(0), "on");
  db->rollback();
}

TEST_F(PostgresDatabase, CommitAfterASwallowedErrorFails) {
  // PostgreSQL answers such a COMMIT with ROLLBACK; the caller must hear that nothing was saved.
  auto db = openPostgres(url_);
  db->begin(Durability::Durable);
  EXPECT_TRUE(errorFrom([&] { db->query("SELECT * FROM missing_table", {}); }));
  const auto error = errorFrom([&] { db->commit(); });
  ASSERT_TRUE(error);
  EXPECT_TRUE(contains(error->what(), "rolled the transaction back")) << error->what();
  EXPECT_TRUE(db->resetForReuse());
}

TEST_F(PostgresDatabase, AKilledSessionIsUnavailableAndInTransactionReconnects) {
  ConnectionPool pool([url = url_] { return openPostgres(url); }, 1);
  const std::int64_t pid = pool.acquire()->query("SELECT pg_backend_pid()", {}).at(0).integer(0);
  openPostgres(url_)->query("SELECT pg_terminate_backend($1, 5000)", {pid});

  int runs = 0;
  const std::int64_t newPid = inTransaction(pool, Durability::Durable, [&](Connection& connection) {
    ++runs;
    return connection.query("SELECT pg_backend_pid()", {}).at(0).integer(0);
  });
  EXPECT_NE(newPid, pid);
  EXPECT_EQ(runs, 1);  // the first attempt failed at BEGIN, before the work ran

  auto victim = openPostgres(url_);
  const std::int64_t victimPid = victim->query("SELECT pg_backend_pid()", {}).at(0).integer(0);
  openPostgres(url_)->query("SELECT pg_terminate_backend($1, 5000)", {victimPid});
  const auto error = errorFrom([&] { victim->query("SELECT 1", {}); });
  ASSERT_TRUE(error);
  EXPECT_EQ(error->kind(), DatabaseErrorKind::Unavailable) << error->what();
  EXPECT_FALSE(victim->resetForReuse());
}

// No server needed: nothing listens on port 1.
TEST(PostgresConnect, AnUnreachableServerIsUnavailableAndTheMessageHidesThePassword) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"postgresql://budi:Rahasia-123@127.0.0.1:1/laporan", "Rahasia-123"},
      {"postgresql://budi:Ra%40hasia-456@127.0.0.1:1/laporan", "Ra@hasia-456"},
      {"postgresql://budi@127.0.0.1:1/laporan?password=Rahasia-789", "Rahasia-789"},
  };
  for (const auto& [url, password] : cases) {
    const auto error = errorFrom([&url = url] { openPostgres(url); });
    ASSERT_TRUE(error) << url;
    EXPECT_EQ(error->kind(), DatabaseErrorKind::Unavailable);
    const std::string message = error->what();
    EXPECT_TRUE(contains(message, "127.0.0.1")) << message;
    EXPECT_TRUE(contains(message, "port 1")) << message;
    EXPECT_TRUE(contains(message, "laporan")) << message;
    EXPECT_FALSE(contains(message, password)) << message;
    EXPECT_FALSE(contains(message, "Ra%40hasia")) << message;
  }
}

TEST(PostgresConnect, AnUnreadableUrlIsUnavailableAndNotEchoed) {
  const auto error = errorFrom([] { openPostgres("postgresql://budi:Rahasia-123@127.0.0.1:notaport/laporan?x"); });
  ASSERT_TRUE(error);
  EXPECT_EQ(error->kind(), DatabaseErrorKind::Unavailable);
  EXPECT_FALSE(contains(error->what(), "Rahasia-123")) << error->what();
}

}  // namespace
}  // namespace bhabin::server::storage
