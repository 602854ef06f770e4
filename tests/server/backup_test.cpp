// Backup and restore, once per database, as README.md tells an operator to do them: reports, timelines,
// joined reporters, sambang visits and officers are written through a real server; SQLite is copied with
// `bhabin-server backup` while that server keeps running, PostgreSQL with pg_dump; the copy is restored
// into a fresh database, a separate server process starts on it, and everything reads back the same.
//
// Bite, tried by hand: with VACUUM INTO in backup_command.cpp replaced by a copy of bhabin.sqlite3 alone
// (std::filesystem::copy_file, leaving the -wal file behind, as a naive `cp` of a live database does), the
// SQLite case failed at the snapshot comparison: every write was still in the WAL, so the restored server
// found an empty database, seeded a new demo, and answered report_not_found for every report, empty
// worklist, counts and visits, and other officer positions. For PostgreSQL, a dump made with
// `--exclude-table-data=SCHEMA.report_reporters` (a dump missing one table's rows) restored without error and
// failed the same comparison at each of the three reports, whose reporters were gone.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sys/wait.h>

#include "support/api_server.h"
#include "support/server_process.h"
#include "support/test_databases.h"

namespace bhabin::server::testing {
namespace {

namespace fs = std::filesystem;
using storage::Dialect;

struct Ran {
  int exitCode = -1;
  std::string output;
};

std::string shellQuoted(const std::string& word) {
  std::string quoted = "'";
  for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

Ran run(const std::vector<std::string>& args) {
  std::string command;
  for (const std::string& arg : args) command += shellQuoted(arg) + " ";
  Ran ran;
  FILE* pipe = popen((command + "2>&1").c_str(), "r");
  if (!pipe) return ran;
  char buffer[512];
  while (std::fgets(buffer, sizeof buffer, pipe)) ran.output += buffer;
  const int status = pclose(pipe);
  ran.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return ran;
}

fs::path freshFolder(const std::string& name) {
  static int serial = 0;
  const fs::path folder = fs::temp_directory_path() / ("bhabin-backup-test-" + std::to_string(::getpid()) + "-" +
                                                       name + "-" + std::to_string(serial++));
  fs::remove_all(folder);
  fs::create_directories(folder);
  return folder;
}

// A database created for one restore, dropped when the test ends (after the server on it has stopped).
class RestoredPostgres {
 public:
  RestoredPostgres() : name_("bhabin_restore_" + std::to_string(::getpid())) {
    admin()->query("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    admin()->query("CREATE DATABASE " + name_);
  }
  ~RestoredPostgres() {
    try {
      admin()->query("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (const std::exception& error) {
      ADD_FAILURE() << "restored database " << name_ << " was not dropped: " << error.what();
    }
  }
  // `url` with its database replaced by this one (the URL has no settings after its path).
  std::string urlLike(const std::string& url) const { return url.substr(0, url.rfind('/') + 1) + name_; }

 private:
  static std::unique_ptr<storage::Connection> admin() { return storage::openPostgres(std::getenv("BHABIN_TEST_POSTGRES_URL")); }
  std::string name_;
};

// A staff view without its running deadlines: how late a report is depends on the clock of whoever asks.
std::string withoutDeadlines(std::string body) {
  for (auto at = body.find(",\"deadlines\":["); at != std::string::npos; at = body.find(",\"deadlines\":[", at)) {
    body.erase(at, body.find(']', at) + 1 - at);
  }
  return body;
}

class BackupAndRestore : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    BHABIN_SKIP_POSTGRES_IF_ASKED(GetParam());
    server_ = std::make_unique<RunningServer>(GetParam());
  }

  static std::size_t onDutyOfficer() {
    const auto& officers = brebesDemo().officers;
    for (std::size_t i = 0; i < officers.size(); ++i) {
      if (officers[i].onDuty) return i;
    }
    return 0;
  }
  static const std::string& officerNrp() { return brebesDemo().officers[onDutyOfficer()].nrp; }

  // Three reports (one worked to resolved, one joined by a second reporter) and a sambang visit.
  void writeThroughTheServer() {
    ApiClient citizen(server_->port());
    const geo::LatLon at = brebesDemo().villages.at(onDutyOfficer()).position;
    for (int i = 0; i < 3; ++i) {
      const Reply created = citizen.post("/api/v1/reports", reportForm(at.latDeg, at.lonDeg + 0.001 * i, server_->clock().now()), newKey());
      ASSERT_EQ(created.status, 201) << created.body;
      secrets_[created.text("/trackingCode")] = created.text("/secret");
    }
    const std::string first = secrets_.begin()->first;
    ASSERT_EQ(citizen.post("/api/v1/reports/" + first + "/reporters",
                           R"({"anonymous":false,"reporterName":"Budi Santoso","reporterPhone":"0813-1111-2222"})", newKey()).status, 200);
    ApiClient officer(server_->port());
    ASSERT_EQ(officer.login(officerNrp()).status, 200);
    for (const char* move : {R"({"action":"receive","note":"Segera ke lokasi"})", R"({"action":"start"})",
                             R"({"action":"resolve","note":"Motor ditemukan"})"}) {
      ASSERT_EQ(officer.post("/api/v1/reports/" + first + "/moves", move, newKey()).status, 200);
    }
    char visit[300];
    std::snprintf(visit, sizeof visit,
                  R"({"visitedAtUnixMs":%lld,"latDeg":%.9f,"lonDeg":%.9f,"place":"Balai Desa","topics":["keamanan"],"notes":"Ronda"})",
                  static_cast<long long>(server_->clock().now() - 60 * 60 * 1000), at.latDeg, at.lonDeg);
    ASSERT_EQ(officer.post("/api/v1/visits", visit, newKey()).status, 201);
  }

  // The last write before the backup: a copy that misses what was committed last shows it here.
  void writeLastNote() {
    ApiClient officer(server_->port());
    ASSERT_EQ(officer.login(officerNrp()).status, 200);
    const std::string last = secrets_.rbegin()->first;
    ASSERT_EQ(officer.post("/api/v1/reports/" + last + "/moves", R"({"action":"note","note":"Catatan terakhir"})", newKey()).status, 200);
  }

  // Everything that must survive, as the API shows it: each report with its timeline and reporters, the
  // citizens' tracking views (the secrets derive from a key in the database), the area's worklist and
  // counts, the officers with their state, and the visits.
  std::map<std::string, std::string> snapshot(int port) {
    ApiClient polres(port), officer(port), citizen(port);
    EXPECT_EQ(polres.login(brebesDemo().supervisors.front().nrp).status, 200);
    EXPECT_EQ(officer.login(officerNrp()).status, 200);
    std::map<std::string, std::string> seen;
    for (const auto& [code, secret] : secrets_) {
      seen["report " + code] = withoutDeadlines(polres.get("/api/v1/reports/" + code).body);
      seen["track " + code] = citizen.get("/api/v1/track/" + code, {{"X-Report-Secret", secret}}).body;
    }
    seen["worklist"] = withoutDeadlines(polres.get("/api/v1/worklist").body);
    seen["summary"] = polres.get("/api/v1/area/summary").body;
    seen["officers"] = polres.get("/api/v1/area/officers").body;
    seen["visits"] = officer.get("/api/v1/visits").body;
    return seen;
  }

  std::vector<std::string> restoredServerOptions(const fs::path& dataDir) const {
    // The copy runs on the real clock, long after the test's: it must not escalate or close what it restored.
    return {"--root", BHABIN_SOURCE_DIR, "--data-dir", dataDir.string(), "--demo-password", kDemoPassword,
            "--log-level", "error", "--threads", "4", "--open311-api-key", kOpen311ApiKey, "--deadline-sweep-minutes", "0"};
  }

  std::unique_ptr<RunningServer> server_;
  std::map<std::string, std::string> secrets_;  // tracking code → secret
};

TEST_P(BackupAndRestore, ARestoredCopyServesEveryReportTimelineAndOfficer) {
  writeThroughTheServer();
  writeLastNote();
  const auto before = snapshot(server_->port());
  ASSERT_NE(before.at("report " + secrets_.rbegin()->first).find("Catatan terakhir"), std::string::npos);
  const fs::path folder = freshFolder(storage::dialectName(GetParam()));
  const fs::path restoredDir = folder / "restored";
  fs::create_directories(restoredDir);
  std::unique_ptr<RestoredPostgres> restoredDatabase;
  std::vector<std::string> options = restoredServerOptions(restoredDir);

  if (GetParam() == Dialect::Sqlite) {
    // Online: the server that wrote everything keeps running and serving during the copy.
    const fs::path backup = folder / "bhabin-backup.sqlite3";
    const Ran backedUp = run({BHABIN_SERVER_BINARY, "backup", "--to", backup.string(), "--data-dir", server_->dataDir().string()});
    ASSERT_EQ(backedUp.exitCode, 0) << backedUp.output;
    EXPECT_NE(backedUp.output.find("integrity ok"), std::string::npos) << backedUp.output;
    const Ran again = run({BHABIN_SERVER_BINARY, "backup", "--to", backup.string(), "--data-dir", server_->dataDir().string()});
    EXPECT_EQ(again.exitCode, 2) << "an existing backup is never overwritten: " << again.output;
    const auto check = storage::openSqlite(backup.string())->query("PRAGMA integrity_check");
    ASSERT_EQ(check.size(), 1u);
    EXPECT_EQ(check[0].text(0), "ok");
    fs::copy_file(backup, restoredDir / "bhabin.sqlite3");
  } else {
    const std::string url = server_->databaseUrl();
    const std::string marker = "search_path%3D";
    const std::string schema = url.substr(url.find(marker) + marker.size());
    const std::string databaseUrl = url.substr(0, url.find('?'));
    const fs::path dump = folder / "bhabin.dump";
    const Ran dumped = run({"pg_dump", "--format=custom", "--schema=" + schema, "--file=" + dump.string(), databaseUrl});
    ASSERT_EQ(dumped.exitCode, 0) << dumped.output;
    restoredDatabase = std::make_unique<RestoredPostgres>();
    const std::string restoredUrl = restoredDatabase->urlLike(databaseUrl);
    const Ran restored = run({"pg_restore", "--exit-on-error", "--no-owner", "--dbname=" + restoredUrl, dump.string()});
    ASSERT_EQ(restored.exitCode, 0) << restored.output;
    options.push_back("--database-url");
    options.push_back(restoredUrl + "?options=-c%20" + marker + schema);
  }

  {
    ServerProcess restoredServer(options);
    const auto after = snapshot(restoredServer.port());
    for (const auto& [what, body] : before) EXPECT_EQ(after.at(what), body) << what;
  }
  fs::remove_all(folder);
}

INSTANTIATE_TEST_SUITE_P(BothDialects, BackupAndRestore, ::testing::ValuesIn(storage::kTestDialects), storage::dialectTestName);

}  // namespace
}  // namespace bhabin::server::testing
