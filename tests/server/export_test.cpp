// Exports of an area's reports and visits over real HTTP, on SQLite and PostgreSQL: no personal data unless
// asked for with a reason (and then audited), formulas neutralised for spreadsheets, the period read in the
// area's time zone, identities past retention never exported, and a Polsek seeing only their district.
//
// Bite, tried by hand (each weakening built, run, seen failing, then restored):
// - identifiedReportersInArea without its retention condition: IdentitiesPastRetentionAreNotExported failed
//   (the closed report's reporter was still in the file).
// - periodOf using offset 0 instead of the area's: ThePeriodIsReadInTheAreasTimeZone failed on both days.
// - reportTable writing the title with plain() instead of text(): PersonalDataOnlyWithAReasonAndAudited failed
//   at the neutralised formula.
#include <gtest/gtest.h>

#include <map>

#include "core/wire/csv.h"
#include "server/areas/demo_seed.h"
#include "server/open311/w3c_datetime.h"
#include "support/api_server.h"
#include "support/test_databases.h"

namespace bhabin::server::testing {
namespace {

using storage::Dialect;

constexpr std::int64_t kHour = 60 * 60 * 1000;
constexpr std::int64_t kDay = 24 * kHour;
constexpr int kWib = 7 * 60;

wire::CsvTable csvOf(const Reply& reply) {
  auto parsed = wire::parseCsv(reply.body);
  if (auto* table = std::get_if<wire::CsvTable>(&parsed)) return std::move(*table);
  ADD_FAILURE() << "not CSV: " << reply.body;
  return wire::CsvTable({});
}

std::string column(const wire::CsvTable& table, std::size_t row, const char* name) {
  const auto index = table.column(name);
  if (!index || row >= table.rows.size()) return "<missing>";
  return table.rows[row].fields[*index];
}

class AreaExport : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    BHABIN_SKIP_POSTGRES_IF_ASKED(GetParam());
    server_ = std::make_unique<RunningServer>(GetParam());
    const auto& demo = brebesDemo();
    for (std::size_t i = 0; i < demo.villages.size() && outside_ == 0; ++i) {
      if (demo.villages[i].districtCode != demo.villages[0].districtCode) outside_ = i;
    }
    for (const auto& supervisor : demo.supervisors) {
      if (supervisor.areaCode == demo.villages[0].districtCode) polsekNrp_ = supervisor.nrp;
      if (supervisor.areaCode == demo.villages[outside_].districtCode) otherPolsekNrp_ = supervisor.nrp;
    }
  }

  // Files a report at demo village `v` now; answers its tracking code.
  std::string file(std::size_t v, const std::string& extra = R"("anonymous":false,"reporterName":"Siti Aminah","reporterPhone":"0812-3456-7890")",
                   const std::string& title = "") {
    const auto& village = brebesDemo().villages[v];
    std::string form = reportForm(village.position.latDeg, village.position.lonDeg, server_->clock().now(), "crime", extra);
    if (!title.empty()) form.replace(form.find("Pencurian sepeda motor"), 22, title);
    const Reply created = ApiClient(server_->port()).post("/api/v1/reports", form, newKey());
    EXPECT_EQ(created.status, 201) << created.body;
    assignees_[created.text("/trackingCode")] = created.text("/assignedOfficer/nrp");
    server_->clock().advance(60 * 1000);  // the next report is filed later, so files list them in this order
    return created.text("/trackingCode");
  }

  ApiClient as(const std::string& nrp) {
    ApiClient client(server_->port());
    EXPECT_EQ(client.login(nrp).status, 200) << nrp;
    return client;
  }

  std::string today() const { return open311::formatW3cDateTime(server_->clock().now(), kWib).substr(0, 10); }

  static std::string period(const std::string& from, const std::string& to) { return "?from=" + from + "&to=" + to; }

  std::vector<std::string> exportAudit() {
    std::vector<std::string> entries;
    for (const auto& row : server_->connect()->query(
             "SELECT actor_nrp, subject FROM audit_log WHERE action = 'export_personal_data' ORDER BY at, entry_id")) {
      entries.push_back(row.text(0) + " " + row.text(1));
    }
    return entries;
  }

  std::unique_ptr<RunningServer> server_;
  std::size_t outside_ = 0;
  std::string polsekNrp_, otherPolsekNrp_;
  std::map<std::string, std::string> assignees_;
};

TEST_P(AreaExport, PersonalDataOnlyWithAReasonAndAudited) {
  const std::string named = file(0, R"("anonymous":false,"reporterName":"Siti Aminah","reporterPhone":"0812-3456-7890")",
                                 "=HYPERLINK(1) motor");
  const std::string anonymous = file(0, R"("anonymous":true)");
  const std::string elsewhere = file(outside_);
  ApiClient polsek = as(polsekNrp_);
  const std::string days = period(today(), today());

  const Reply plain = polsek.get("/api/v1/area/export/reports.csv" + days);
  ASSERT_EQ(plain.status, 200) << plain.body;
  EXPECT_EQ(plain.header("Content-Type"), "application/octet-stream");
  EXPECT_EQ(plain.header("X-Export-Rows"), "2");
  EXPECT_EQ(plain.header("X-Export-Utc-Offset"), "420");
  EXPECT_NE(plain.header("Content-Disposition").find("reports-" + brebesDemo().villages[0].districtCode), std::string::npos);
  const wire::CsvTable table = csvOf(plain);
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(column(table, 0, "tracking_code"), named);
  EXPECT_EQ(column(table, 1, "tracking_code"), anonymous);
  EXPECT_EQ(column(table, 0, "title"), "'=HYPERLINK(1) motor") << "a formula is shown, not run";
  EXPECT_FALSE(table.column("reporter_names"));
  EXPECT_FALSE(table.column("description"));
  for (const char* personal : {"Siti", "3456", "Sepeda motor hilang"}) EXPECT_EQ(plain.body.find(personal), std::string::npos);
  EXPECT_EQ(plain.body.find(elsewhere), std::string::npos) << "another district's report";
  EXPECT_TRUE(exportAudit().empty()) << "nothing personal, nothing audited";

  const Reply noReason = polsek.get("/api/v1/area/export/reports.csv" + days + "&includePersonalData=1&reason=%20");
  EXPECT_EQ(noReason.status, 422);
  EXPECT_EQ(noReason.errorCode(), "reason_required");
  const Reply personal = polsek.get("/api/v1/area/export/reports.csv" + days + "&includePersonalData=1&reason=Rapat%20evaluasi");
  ASSERT_EQ(personal.status, 200) << personal.body;
  const wire::CsvTable full = csvOf(personal);
  EXPECT_EQ(column(full, 0, "reporter_names"), "Siti Aminah");
  EXPECT_EQ(column(full, 0, "reporter_phones"), "'+6281234567890") << "a leading + is neutralised too";
  EXPECT_EQ(column(full, 1, "reporter_names"), "");
  EXPECT_EQ(column(full, 0, "description"), "Sepeda motor hilang dari depan rumah tadi malam.");
  const auto audit = exportAudit();
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0], polsekNrp_ + " reports-" + brebesDemo().villages[0].districtCode + "-" + today() + "-" + today() +
                          ".csv rows=2 reason: Rapat evaluasi");

  const Reply other = as(otherPolsekNrp_).get("/api/v1/area/export/reports.csv" + days);
  EXPECT_EQ(csvOf(other).rows.size(), 1u);
  EXPECT_EQ(other.body.find(named), std::string::npos);
  EXPECT_EQ(as(brebesDemo().officers[0].nrp).get("/api/v1/area/export/reports.csv" + days).errorCode(), "forbidden");
}

TEST_P(AreaExport, GeoJsonAndVisits) {
  const std::string code = file(0);
  ApiClient officer = as(brebesDemo().officers[0].nrp);
  const auto& village = brebesDemo().villages[0];
  char visit[320];
  std::snprintf(visit, sizeof visit,
                R"({"visitedAtUnixMs":%lld,"latDeg":%.9f,"lonDeg":%.9f,"place":"Balai Desa","topics":["keamanan","kesehatan"],"notes":"Bertemu Pak Darto"})",
                static_cast<long long>(server_->clock().now() - kHour), village.position.latDeg, village.position.lonDeg);
  ASSERT_EQ(officer.post("/api/v1/visits", visit, newKey()).status, 201);
  ApiClient polsek = as(polsekNrp_);
  const std::string days = period(today(), today());

  const Reply geo = polsek.get("/api/v1/area/export/reports.geojson" + days);
  ASSERT_EQ(geo.status, 200) << geo.body;
  EXPECT_EQ(geo.header("Content-Type"), "application/geo+json");
  ASSERT_EQ(geo.json["features"].Size(), 1u);
  const auto& feature = geo.json["features"][0];
  EXPECT_STREQ(feature["properties"]["tracking_code"].GetString(), code.c_str());
  EXPECT_NEAR(feature["geometry"]["coordinates"][0].GetDouble(), village.position.lonDeg, 1e-6);
  EXPECT_NEAR(feature["geometry"]["coordinates"][1].GetDouble(), village.position.latDeg, 1e-6);
  EXPECT_FALSE(feature["properties"].HasMember("reporter_names"));

  const Reply visits = polsek.get("/api/v1/area/export/visits.csv" + days);
  ASSERT_EQ(visits.status, 200) << visits.body;
  const wire::CsvTable table = csvOf(visits);
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(column(table, 0, "officer_nrp"), brebesDemo().officers[0].nrp);
  EXPECT_EQ(column(table, 0, "topics"), "keamanan; kesehatan");
  EXPECT_EQ(visits.body.find("Darto"), std::string::npos);
  const Reply withNotes =
      polsek.get("/api/v1/area/export/visits.geojson" + days + "&includePersonalData=1&reason=Laporan%20bulanan");
  ASSERT_EQ(withNotes.status, 200) << withNotes.body;
  EXPECT_STREQ(withNotes.json["features"][0]["properties"]["notes"].GetString(), "Bertemu Pak Darto");
  EXPECT_EQ(as(otherPolsekNrp_).get("/api/v1/area/export/visits.geojson" + days).json["features"].Size(), 0u);
}

TEST_P(AreaExport, ThePeriodIsReadInTheAreasTimeZone) {
  // Move the clock to 00:30 WIB: still yesterday in UTC.
  const std::int64_t now = server_->clock().now();
  const std::int64_t wibMs = now + kWib * 60 * 1000;
  server_->clock().advance(kDay - wibMs % kDay + 30 * 60 * 1000);
  const std::string code = file(0);
  const std::string wibDay = today();
  const std::string utcDay = open311::formatW3cDateTime(server_->clock().now()).substr(0, 10);
  ASSERT_NE(wibDay, utcDay);
  ApiClient polsek = as(polsekNrp_);
  EXPECT_EQ(polsek.get("/api/v1/area/export/reports.csv" + period(wibDay, wibDay)).header("X-Export-Rows"), "1");
  EXPECT_EQ(polsek.get("/api/v1/area/export/reports.csv" + period(utcDay, utcDay)).header("X-Export-Rows"), "0");
  EXPECT_NE(polsek.get("/api/v1/area/export/reports.csv" + period(wibDay, wibDay)).body.find("+07:00"), std::string::npos);

  for (const std::string& bad : {period("2026-13-01", wibDay), period(wibDay, "2020-01-01"), period("2025-01-01", "2026-12-31"),
                                 std::string("?from=") + wibDay, period(wibDay + "T00:00", wibDay)}) {
    const Reply refused = polsek.get("/api/v1/area/export/reports.csv" + bad);
    EXPECT_EQ(refused.status, 400) << bad;
    EXPECT_EQ(refused.errorCode(), "invalid_period") << bad;
  }
}

TEST_P(AreaExport, IdentitiesPastRetentionAreNotExported) {
  const std::string closed = file(0);
  const std::string open = file(0);
  const std::string day = today();
  {
    ApiClient officer = as(assignees_[closed]);
    for (const char* move : {R"({"action":"receive"})", R"({"action":"start"})", R"({"action":"resolve","note":"Selesai"})"}) {
      EXPECT_EQ(officer.post("/api/v1/reports/" + closed + "/moves", move, newKey()).status, 200);
    }
  }
  server_->clock().advance(366 * kDay);  // past the default retention of 365 days; the purge has not run
  const Reply personal =
      as(polsekNrp_).get("/api/v1/area/export/reports.csv" + period(day, day) + "&includePersonalData=1&reason=Audit%20tahunan");
  ASSERT_EQ(personal.status, 200) << personal.body;
  const wire::CsvTable table = csvOf(personal);
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(column(table, 0, "tracking_code"), closed);
  EXPECT_EQ(column(table, 0, "reporter_names"), "");
  EXPECT_EQ(column(table, 0, "reporter_phones"), "");
  EXPECT_EQ(column(table, 1, "reporter_names"), "Siti Aminah") << "an open report keeps its reporter";
}

INSTANTIATE_TEST_SUITE_P(BothDialects, AreaExport, ::testing::ValuesIn(storage::kTestDialects), storage::dialectTestName);

}  // namespace
}  // namespace bhabin::server::testing
