// Schema migrations on both databases: from empty to the latest version, from the previous version with
// data in place, idempotent re-runs, and a refusal to run on a database written by a newer server.
#include <gtest/gtest.h>

#include "server/storage/account_rows.h"
#include "server/storage/counters.h"
#include "server/storage/schema.h"
#include "support/test_databases.h"

namespace bhabin::server::storage {
namespace {

class Migrations : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    BHABIN_SKIP_POSTGRES_IF_ASKED(GetParam());
    pool_ = std::make_unique<ConnectionPool>(freshDatabaseFactory(GetParam()), 2);
  }

  template <class Work>
  auto run(Work&& work) {
    return inTransaction(*pool_, Durability::Durable, std::forward<Work>(work));
  }

  std::unique_ptr<ConnectionPool> pool_;
};

TEST_P(Migrations, AnEmptyDatabaseReachesTheLatestVersion) {
  EXPECT_EQ(migrate(*pool_, 1000), latestSchemaVersion());
  run([](Connection& c) {
    EXPECT_EQ(schemaVersion(c), latestSchemaVersion());
    EXPECT_EQ(currentCounterValue(c, kChangesCounter), 0);
    EXPECT_EQ(c.query("SELECT COUNT(*) FROM visits").at(0).integer(0), 0);
    EXPECT_EQ(c.query("SELECT COUNT(*) FROM audit_log").at(0).integer(0), 0);
  });
  EXPECT_EQ(migrate(*pool_, 2000), latestSchemaVersion()) << "a second start changes nothing";
  run([](Connection& c) {
    EXPECT_EQ(c.query("SELECT COUNT(*) FROM schema_migrations").at(0).integer(0), latestSchemaVersion());
  });
}

TEST_P(Migrations, AnOlderVersionWithDataIsUpgradedWithoutLoss) {
  ASSERT_EQ(migrate(*pool_, 1000, 2), 2);  // before boundaries (3) and the index of identified reporters (4)
  run([](Connection& c) {
    insertAccount(c, {"87654321", AccountRole::Officer, "Bripka Ani", "+6281234567890", "33.29", "hash", true, 1, 1});
    nextCounterValue(c, kChangesCounter);
    c.query(
        "INSERT INTO regions (code, level, parent_code, regency_code, name) VALUES ('33.29', 'regency', '33', '33.29', "
        "'Brebes')");
  });
  EXPECT_THROW(run([](Connection& c) { c.query("SELECT COUNT(*) FROM boundaries"); }), DatabaseError)
      << "version 2 has no boundaries yet";
  EXPECT_EQ(migrate(*pool_, 2000), latestSchemaVersion());
  run([](Connection& c) {
    const auto account = findAccount(c, "87654321");
    ASSERT_TRUE(account.has_value());
    EXPECT_EQ(account->name, "Bripka Ani");
    EXPECT_EQ(currentCounterValue(c, kChangesCounter), 1);
    EXPECT_EQ(c.query("SELECT COUNT(*) FROM boundaries").at(0).integer(0), 0);
    EXPECT_EQ(c.query("SELECT version FROM regions WHERE code = '33.29'").at(0).integer(0), 0)
        << "regions gain a version";
  });
}

TEST_P(Migrations, ADatabaseFromANewerServerIsRefused) {
  migrate(*pool_, 1000);
  run([](Connection& c) {
    c.query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, 3000)", {std::int64_t{latestSchemaVersion() + 1}});
  });
  try {
    migrate(*pool_, 4000);
    FAIL() << "a newer schema was accepted";
  } catch (const DatabaseError& error) {
    EXPECT_NE(std::string(error.what()).find("run a newer server"), std::string::npos) << error.what();
  }
}

TEST_P(Migrations, EveryLargeTableCarriesTheRegencyAsTheFirstKeyColumn) {
  migrate(*pool_, 1000);
  // The distribution key of a sharded PostgreSQL: writes to these tables never need another regency's rows.
  run([](Connection& c) {
    for (const char* table : {"reports", "report_reporters", "applied_changes", "visits", "audit_log"}) {
      EXPECT_NO_THROW(c.query(std::string("SELECT regency_code FROM ") + table + " WHERE regency_code = '33.29'")) << table;
    }
  });
}

INSTANTIATE_TEST_SUITE_P(BothDialects, Migrations, ::testing::ValuesIn(kTestDialects), dialectTestName);

}  // namespace
}  // namespace bhabin::server::storage
