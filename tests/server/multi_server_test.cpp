// Two bhabin-server processes on one PostgreSQL, as behind a load balancer: nothing a request needs lives
// in only one of them (sessions, idempotency keys, cursors, officer state are in the database).
#include <gtest/gtest.h>
#include <rapidjson/pointer.h>

#include <chrono>
#include <filesystem>

#include "support/api_server.h"
#include "support/server_process.h"
#include "support/test_databases.h"

namespace bhabin::server::testing {
namespace {

TEST(TwoServersOnePostgres, AReportCreatedThroughOneIsReadUpdatedAndListedThroughTheOther) {
  BHABIN_SKIP_POSTGRES_IF_ASKED(storage::Dialect::Postgres);
  const std::string url = storage::freshPostgresUrl();
  const std::vector<std::string> options = {"--root", BHABIN_SOURCE_DIR, "--database-url", url, "--demo-password",
                                            kDemoPassword, "--log-level", "error", "--threads", "4",
                                            "--data-dir", (std::filesystem::temp_directory_path() / "bhabin-unused").string()};
  ServerProcess first(options);  // migrates and seeds the demo
  ServerProcess second(options);
  ApiClient viaFirst(first.port());
  ApiClient viaSecond(second.port());
  const std::int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::system_clock::now().time_since_epoch()).count();

  const auto& demo = brebesDemo();
  std::size_t o = 0;
  while (!demo.officers[o].onDuty) ++o;
  const geo::LatLon at = demo.villages[o].position;
  const std::string key = newKey();
  const std::string form = reportForm(at.latDeg, at.lonDeg, now);
  const Reply created = viaFirst.post("/api/v1/reports", form, key);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string code = created.text("/trackingCode");

  const Reply retried = viaSecond.post("/api/v1/reports", form, key);
  EXPECT_EQ(retried.body, created.body) << "the idempotency key is known to every server";
  EXPECT_EQ(viaSecond.get("/api/v1/track/" + code, {{"X-Report-Secret", created.text("/secret")}}).status, 200)
      << "the secret derives from a key both servers share";

  ASSERT_EQ(viaFirst.login(demo.officers[o].nrp).status, 200);
  viaSecond.setSessionToken(viaFirst.sessionToken());
  const Reply list = viaSecond.get("/api/v1/worklist");
  ASSERT_EQ(list.status, 200) << "a session made by one server is valid on the other: " << list.body;
  ASSERT_EQ(list.json["reports"].Size(), 1u);
  const Reply moved = viaSecond.post("/api/v1/reports/" + code + "/moves", R"({"action":"receive","note":"OK"})", newKey());
  EXPECT_EQ(moved.text("/report/report/status"), "received");
  EXPECT_EQ(viaFirst.get("/api/v1/reports/" + code).text("/report/status"), "received");

  // An officer going off duty through one server changes the matching of the other at its next request.
  const std::string spot = "/api/v1/officers/nearest?k=1&lat=" + std::to_string(at.latDeg) + "&lon=" + std::to_string(at.lonDeg);
  EXPECT_EQ(viaSecond.get(spot).text("/officers/0/officer/nrp"), demo.officers[o].nrp);
  ASSERT_EQ(viaFirst.put("/api/v1/officer/duty", R"({"onDuty":false})").status, 200);
  EXPECT_NE(viaSecond.get(spot).text("/officers/0/officer/nrp"), demo.officers[o].nrp);

  ASSERT_EQ(viaFirst.del("/api/v1/session").status, 200);
  EXPECT_EQ(viaSecond.get("/api/v1/worklist").errorCode(), "session_expired") << "logout reaches every server";
}

}  // namespace
}  // namespace bhabin::server::testing
