// Administrators' imports on SQLite and PostgreSQL: villages, officers and boundaries over real HTTP (counts,
// initial passwords, the roster picking up what was imported), files with problems answered by line or
// feature with nothing written, dry runs, who may import, and the same imports from the command line.
#include <gtest/gtest.h>
#include <rapidjson/pointer.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>

#include "core/wire/geojson_boundaries.h"
#include "server/areas/demo_seed.h"
#include "server/import_command.h"
#include "server/storage/boundary_rows.h"
#include "support/api_server.h"
#include "support/test_databases.h"

namespace bhabin::server::testing {
namespace {

using storage::Dialect;

const areas::AreaCatalog& catalog() {
  static const areas::AreaCatalog loaded =
      std::get<areas::AreaCatalog>(areas::loadAreaCatalog(areas::defaultAreaDataDir(BHABIN_SOURCE_DIR)));
  return loaded;
}

// Villages of Kota Tegal: in the catalog, not in the Brebes demo, so importing them adds their parents too.
constexpr const char* kTegalVillage = "33.76.01.1001";  // Pesurungan Kidul
constexpr geo::LatLon kTegalCentre{-6.8791, 109.1052};
constexpr const char* kNewBrebesVillage = "33.29.01.2999";  // not in the catalog: a village split off lately

std::string number(double value) {
  char text[40];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

// A CSV file from its lines.
std::string lines(std::initializer_list<std::string> rows) {
  std::string text;
  for (const std::string& row : rows) text += row + "\n";
  return text;
}

std::string myOfficerPath(const geo::LatLon& at) {
  char path[160];
  std::snprintf(path, sizeof path, "/api/v1/my-officer?lat=%.9f&lon=%.9f", at.latDeg, at.lonDeg);
  return path;
}

std::set<std::size_t> problemLines(const Reply& reply) {
  std::set<std::size_t> lines;
  for (const auto& problem : reply.json["problems"].GetArray()) lines.insert(problem["line"].GetUint64());
  return lines;
}

std::string initialPassword(const Reply& reply, const std::string& nrp) {
  for (const auto& entry : reply.json["initialPasswords"].GetArray()) {
    if (entry["nrp"].GetString() == nrp) return entry["password"].GetString();
  }
  return {};
}

// A square of half-side `half` degrees around `centre`, as a one-feature FeatureCollection.
std::string squareFeature(const std::string& code, const geo::LatLon& centre, double half) {
  const double s = centre.latDeg - half, n = centre.latDeg + half, w = centre.lonDeg - half, e = centre.lonDeg + half;
  return R"({"type":"Feature","properties":{"code":")" + code +
         R"(","name":"ignored"},"geometry":{"type":"Polygon","coordinates":[[)" + "[" + number(w) + "," + number(s) +
         "],[" + number(e) + "," + number(s) + "],[" + number(e) + "," + number(n) + "],[" + number(w) + "," +
         number(n) + "],[" + number(w) + "," + number(s) + "]]]}}";
}

std::string collection(const std::string& features) {
  return R"({"type":"FeatureCollection","features":[)" + features + "]}";
}

class ImportApi : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    BHABIN_SKIP_POSTGRES_IF_ASKED(GetParam());
    server_ = std::make_unique<RunningServer>(GetParam());
    admin_ = std::make_unique<ApiClient>(server_->port());
    const Reply login = admin_->login(areas::kDemoAdminNrp);
    ASSERT_EQ(login.status, 200) << login.body;
    ASSERT_EQ(login.text("/role"), "admin");
  }

  Reply importCsv(const std::string& what, const std::string& csv, const std::string& query = "") {
    return admin_->post("/api/v1/admin/import/" + what + query, csv, "", "text/csv");
  }

  Reply importGeoJson(const std::string& geojson) {
    return admin_->post("/api/v1/admin/import/boundaries", geojson, "", "application/geo+json");
  }

  std::set<std::string> listedOfficers() {
    const Reply officers = admin_->get("/api/v1/area/officers");
    EXPECT_EQ(officers.status, 200) << officers.body;
    std::set<std::string> nrps;
    for (const auto& officer : officers.json["officers"].GetArray()) nrps.insert(officer["nrp"].GetString());
    return nrps;
  }

  Reply myOfficer(const geo::LatLon& at) { return ApiClient(server_->port()).get(myOfficerPath(at)); }

  std::unique_ptr<RunningServer> server_;
  std::unique_ptr<ApiClient> admin_;
};

TEST_P(ImportApi, VillagesThenOfficersAreImportedAndTheNewOfficerGetsReportsFromTheirVillage) {
  const auto& demo = brebesDemo();
  ASSERT_NE(myOfficer(kTegalCentre).text("/villageCode"), kTegalVillage) << "the roster is loaded before the import";
  const domain::Village& same = demo.villages[3];
  const domain::Village& renamed = demo.villages[4];
  const Reply villages = importCsv(
      "villages",
      lines({
          "name,code,lat,lon,remark",
          "Pesurungan Kidul," + std::string(kTegalVillage) + "," + number(kTegalCentre.latDeg) + "," +
              number(kTegalCentre.lonDeg) + ",x",
          "Desa Baru," + std::string(kNewBrebesVillage) + ",-7.1,108.95,",
          same.name + "," + same.code + "," + number(same.position.latDeg) + "," + number(same.position.lonDeg) + ",",
          "Nama Baru," + renamed.code + ",,,",
      }));
  ASSERT_EQ(villages.status, 200) << villages.body;
  EXPECT_FALSE(villages.json["dryRun"].GetBool());
  EXPECT_EQ(villages.json["created"].GetInt(), 2);
  EXPECT_EQ(villages.json["updated"].GetInt(), 1);
  EXPECT_EQ(villages.json["unchanged"].GetInt(), 1);
  EXPECT_EQ(villages.json["problems"].Size(), 0u);
  const Reply located = myOfficer(kTegalCentre);
  EXPECT_EQ(located.text("/villageCode"), kTegalVillage) << "the roster learns imported village centres";
  EXPECT_EQ(located.text("/responsibleStatus"), "none_assigned");

  const domain::Officer& relabelled = demo.officers[5];
  const std::string taken = demo.villages[6].code;
  const Reply officers = importCsv(
      "officers",
      lines({
          "nrp,name,phone,villages,on_duty",
          "11110001,Bripka Baru Satu,0812-1111-0001," + std::string(kTegalVillage) + ",1",
          "11110002,Brigpol Baru Dua,+62 812 1111 0002,\"" + std::string(kNewBrebesVillage) + "; " + taken + "\",true",
          relabelled.nrp + ",Aiptu Nama Lain," + relabelled.phoneE164 + "," + demo.villages[5].code + ",",
      }));
  ASSERT_EQ(officers.status, 200) << officers.body;
  EXPECT_EQ(officers.json["created"].GetInt(), 2);
  EXPECT_EQ(officers.json["updated"].GetInt(), 1);
  EXPECT_EQ(officers.json["unchanged"].GetInt(), 0);
  ASSERT_EQ(officers.json["notes"].Size(), 1u);
  const std::string note = officers.json["notes"][0].GetString();
  EXPECT_NE(note.find(taken), std::string::npos) << note;
  EXPECT_NE(note.find(demo.officers[6].nrp), std::string::npos) << note;
  ASSERT_EQ(officers.json["initialPasswords"].Size(), 2u);

  ApiClient newOfficer(server_->port());
  const Reply login = newOfficer.login("11110001", initialPassword(officers, "11110001"));
  ASSERT_EQ(login.status, 200) << login.body;
  EXPECT_EQ(login.text("/role"), "officer");
  EXPECT_EQ(newOfficer.login("11110001", kDemoPassword).status, 401) << "new officers do not share the demo password";

  const Reply created =
      ApiClient(server_->port())
          .post("/api/v1/reports", reportForm(kTegalCentre.latDeg, kTegalCentre.lonDeg, server_->clock().now()),
                newKey());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.text("/assignedOfficer/nrp"), "11110001");
  EXPECT_EQ(created.text("/assignmentReason"), "responsible_available");
  EXPECT_EQ(myOfficer(demo.villages[6].position).text("/responsibleOfficer/nrp"), "11110002");
  EXPECT_EQ(myOfficer(demo.villages[5].position).text("/responsibleOfficer/name"), "Aiptu Nama Lain");

  const Reply again = importCsv(
      "officers", "nrp,name,phone,villages\n" + relabelled.nrp + ",Aiptu Nama Lain," + relabelled.phoneE164 + ",\n");
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json["updated"].GetInt(), 1) << "the officer gives up their village";
  EXPECT_EQ(myOfficer(demo.villages[5].position).text("/responsibleStatus"), "none_assigned")
      << "a released village reaches the roster although no assignment row remains";
}

// The codes of GET /api/v1/boundaries[?regency=], read back by the core's GeoJSON reader as the browser does.
std::vector<std::string> outlineCodes(const Reply& reply) {
  EXPECT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.header("Content-Type"), "application/geo+json");
  auto parsed = wire::parseGeoJsonBoundaries(reply.body);
  if (auto* error = std::get_if<wire::ParseError>(&parsed)) {
    ADD_FAILURE() << error->message;
    return {};
  }
  std::vector<std::string> codes;
  for (const geo::Boundary& boundary : std::get<std::vector<geo::Boundary>>(parsed)) codes.push_back(boundary.code);
  return codes;
}

TEST_P(ImportApi, TheMapGetsTheDemoRegencysOutlineAndImportedVillageOutlinesRevalidated) {
  ApiClient anyone(server_->port());
  const Reply regencies = anyone.get("/api/v1/boundaries");
  EXPECT_EQ(outlineCodes(regencies), std::vector<std::string>{"33.29"}) << "the demo stores its outline";
  const std::string tag = regencies.header("ETag");
  ASSERT_FALSE(tag.empty());
  EXPECT_EQ(regencies.header("Cache-Control"), "no-cache");
  EXPECT_EQ(anyone.get("/api/v1/boundaries", {{"If-None-Match", tag}}).status, 304);
  EXPECT_EQ(outlineCodes(anyone.get("/api/v1/boundaries?regency=33.29")), std::vector<std::string>{"33.29"});

  const domain::Village& village = brebesDemo().villages[0];
  ASSERT_EQ(importGeoJson(collection(squareFeature(village.code, village.position, 0.01))).status, 200);
  EXPECT_EQ(outlineCodes(anyone.get("/api/v1/boundaries?regency=33.29")), (std::vector<std::string>{"33.29", village.code}));
  EXPECT_EQ(outlineCodes(anyone.get("/api/v1/boundaries")), std::vector<std::string>{"33.29"}) << "villages only by regency";
  EXPECT_EQ(anyone.get("/api/v1/boundaries", {{"If-None-Match", tag}}).status, 200) << "the import moved the version";

  EXPECT_EQ(anyone.get("/api/v1/boundaries?regency=33.76").errorCode(), "unknown_regency");
  EXPECT_EQ(anyone.get("/api/v1/boundaries?regency=brebes").errorCode(), "invalid_parameter");
}

TEST_P(ImportApi, ADemoDatabaseWithoutItsOutlineGetsItButAnImportedOneIsKept) {
  const auto stored = [this] { return storage::findBoundaryGeoJson(*server_->connect(), "33.29"); };
  const auto demoOutline = stored();
  ASSERT_TRUE(demoOutline.has_value());
  server_->connect()->query("DELETE FROM boundaries");
  areas::addDemoOutlineIfMissing(*server_->connect(), "33.29", brebesDemo().outline);
  EXPECT_EQ(stored(), demoOutline) << "seeded before outlines were stored: added at start";

  const Reply imported = importGeoJson(collection(squareFeature("33.29", {-7.0, 109.0}, 0.4)));
  ASSERT_EQ(imported.status, 200) << imported.body;
  const auto importedOutline = stored();
  ASSERT_NE(importedOutline, demoOutline);
  areas::addDemoOutlineIfMissing(*server_->connect(), "33.29", brebesDemo().outline);
  EXPECT_EQ(stored(), importedOutline);
  areas::addDemoOutlineIfMissing(*server_->connect(), "33.76", brebesDemo().outline);
  EXPECT_FALSE(storage::findBoundaryGeoJson(*server_->connect(), "33.76").has_value()) << "not a regency of this database";
}

TEST_P(ImportApi, AFileWithBadRowsIsAnsweredByLineAndNothingOfItIsWritten) {
  const auto& demo = brebesDemo();
  const std::string twice = demo.villages[12].code;
  const std::string csv = lines({
      "nrp,name,phone,villages,on_duty",                                                     // line 1
      "22220001,Bripka Baik Satu,0812-2222-0001," + demo.villages[10].code + ",1",           // 2: fine
      "1234,Bripka Nrp Pendek,0812-2222-0002," + demo.villages[11].code + ",1",              // 3: bad NRP
      "22220003,Bripka Ganda Satu,0812-2222-0003," + twice + ",1",                           // 4: twice
      "22220004,Bripka Desa Asing,0812-2222-0004," + std::string(kNewBrebesVillage) + ",1",  // 5: unknown
      "22220005,Bripka Ganda Dua,0812-2222-0005," + twice + ",1",                            // 6: twice
      "22220006,Bripka Baik Dua,0812-2222-0006," + demo.villages[13].code + ",0",            // 7: fine
  });
  const Reply reply = importCsv("officers", csv);
  ASSERT_EQ(reply.status, 422) << reply.body;
  EXPECT_EQ(problemLines(reply), (std::set<std::size_t>{3, 4, 5, 6})) << reply.body;
  EXPECT_EQ(reply.json["created"].GetInt(), 0);
  EXPECT_EQ(reply.json["initialPasswords"].Size(), 0u);
  for (const auto& problem : reply.json["problems"].GetArray()) {
    const std::string field = problem["field"].GetString();
    EXPECT_EQ(field, problem["line"].GetUint64() == 3 ? "nrp" : "villages") << reply.body;
  }

  const auto listed = listedOfficers();
  EXPECT_EQ(listed.count("22220001"), 0u);
  EXPECT_EQ(listed.count("22220006"), 0u);
  EXPECT_EQ(listed.size(), demo.officers.size());
  EXPECT_EQ(myOfficer(demo.villages[10].position).text("/responsibleOfficer/nrp"), demo.officers[10].nrp);
}

TEST_P(ImportApi, ADryRunChecksAndCountsButWritesNothing) {
  const auto& demo = brebesDemo();
  const Reply reply = importCsv("officers",
                                lines({
                                    "nrp,name,phone,villages,lat,lon",
                                    "33330001,Bripka Coba,0812-3333-0001," + demo.villages[20].code + ",,",
                                    "33330002,Bripka Coba Dua,0812-3333-0002,,-6.9,109.0",
                                }),
                                "?dryRun=1");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_TRUE(reply.json["dryRun"].GetBool());
  EXPECT_EQ(reply.json["created"].GetInt(), 2);
  EXPECT_EQ(reply.json["initialPasswords"].Size(), 0u) << "no accounts, so no passwords";
  EXPECT_EQ(listedOfficers().count("33330001"), 0u);
  EXPECT_EQ(myOfficer(demo.villages[20].position).text("/responsibleOfficer/nrp"), demo.officers[20].nrp);

  const Reply noCentre =
      importCsv("officers", "nrp,name,phone,villages\n33330002,Bripka Coba Dua,0812-3333-0002,\n", "?dryRun=1");
  ASSERT_EQ(noCentre.status, 422) << noCentre.body;
  EXPECT_EQ(noCentre.text("/problems/0/field"), "lat") << "a new officer without village or position";
  EXPECT_EQ(importCsv("officers", "nrp,name\n", "?dryRun=maybe").status, 400);
}

TEST_P(ImportApi, OnlyAdministratorsImportAndOnlyInTheRightFormat) {
  const auto& demo = brebesDemo();
  const std::string csv = "code,name\n" + std::string(kNewBrebesVillage) + ",Desa Baru\n";
  ApiClient anonymous(server_->port());
  EXPECT_EQ(anonymous.post("/api/v1/admin/import/villages", csv, "", "text/csv").status, 401);
  for (const std::string& nrp : {demo.officers[0].nrp, demo.supervisors[0].nrp}) {
    ApiClient staff(server_->port());
    ASSERT_EQ(staff.login(nrp).status, 200);
    const Reply refused = staff.post("/api/v1/admin/import/villages", csv, "", "text/csv");
    EXPECT_EQ(refused.status, 403) << nrp;
    EXPECT_EQ(refused.errorCode(), "forbidden");
  }
  const Reply json = admin_->post("/api/v1/admin/import/villages", csv, "", "application/json");
  EXPECT_EQ(json.status, 415);
  EXPECT_EQ(json.errorCode(), "unsupported_media_type");
  EXPECT_EQ(admin_->post("/api/v1/admin/import/boundaries", collection(""), "", "text/csv").status, 415);
  EXPECT_EQ(importCsv("villages", csv, "?dryRun=true").status, 200);
  EXPECT_EQ(admin_->post("/api/v1/admin/import/villages", csv, "", "text/csv; charset=utf-8").status, 200);

  const Reply header = importCsv("villages", "kode,name\n33.29.01.2001,X\n");
  ASSERT_EQ(header.status, 422);
  EXPECT_EQ(header.text("/problems/0/field"), "code");
  EXPECT_EQ(header.json["problems"][0]["line"].GetInt(), 1);
}

TEST_P(ImportApi, AVillageBoundaryDecidesTheVillageOfPositionsInsideIt) {
  const auto& demo = brebesDemo();
  // A village and its nearest neighbour: a point 55 % of the way over lies nearer the neighbour's centre,
  // but inside a square around the first village that does not reach the neighbour's centre.
  const std::size_t v = 30;
  std::size_t w = v == 0 ? 1 : 0;
  auto apart = [&](std::size_t i) {
    return std::max(std::abs(demo.villages[i].position.latDeg - demo.villages[v].position.latDeg),
                    std::abs(demo.villages[i].position.lonDeg - demo.villages[v].position.lonDeg));
  };
  for (std::size_t i = 0; i < demo.villages.size(); ++i) {
    if (i != v && apart(i) < apart(w)) w = i;
  }
  const geo::LatLon centre = demo.villages[v].position, neighbour = demo.villages[w].position;
  const geo::LatLon inside{centre.latDeg + 0.55 * (neighbour.latDeg - centre.latDeg),
                           centre.lonDeg + 0.55 * (neighbour.lonDeg - centre.lonDeg)};
  ASSERT_NE(myOfficer(inside).text("/villageCode"), demo.villages[v].code) << "nearest centre says another village";

  const Reply bad = importGeoJson(collection(
      squareFeature(demo.villages[v].code, centre, 0.6 * apart(w)) + "," +
      squareFeature(kNewBrebesVillage, centre, 0.01) + "," +
      R"({"type":"Feature","properties":{"code":"33.29"},"geometry":{"type":"Polygon","coordinates":[[[109,-7],[109.1,-7],[109.1,-6.9]]]}})"));
  ASSERT_EQ(bad.status, 422) << bad.body;
  ASSERT_EQ(bad.json["problems"].Size(), 1u) << bad.body;
  EXPECT_EQ(bad.json["problems"][0]["feature"].GetInt(), 1);
  EXPECT_EQ(bad.text("/problems/0/field"), "code");
  EXPECT_EQ(myOfficer(inside).text("/villageSource"), "nearest_village_point") << "nothing of the bad file was stored";

  const Reply broken = importGeoJson(collection(
      squareFeature(demo.villages[v].code, centre, 0.01) + "," +
      R"({"type":"Feature","properties":{"code":"33.29"},"geometry":{"type":"Point","coordinates":[109,-7]}})"));
  ASSERT_EQ(broken.status, 422) << broken.body;
  EXPECT_EQ(broken.json["problems"][0]["feature"].GetInt(), 1) << broken.body;

  const Reply good = importGeoJson(collection(squareFeature(demo.villages[v].code, centre, 0.6 * apart(w))));
  ASSERT_EQ(good.status, 200) << good.body;
  EXPECT_EQ(good.json["created"].GetInt(), 1);
  const Reply located = myOfficer(inside);
  EXPECT_EQ(located.text("/villageSource"), "boundary") << located.body;
  EXPECT_EQ(located.text("/villageCode"), demo.villages[v].code);
  const Reply elsewhere = myOfficer(neighbour);
  EXPECT_EQ(elsewhere.text("/villageSource"), "nearest_village_point")
      << "outlines of some villages leave the rest as before";
  EXPECT_EQ(elsewhere.text("/villageCode"), demo.villages[w].code);

  const Reply same = importGeoJson(collection(squareFeature(demo.villages[v].code, centre, 0.6 * apart(w))));
  EXPECT_EQ(same.json["unchanged"].GetInt(), 1) << same.body;
}

INSTANTIATE_TEST_SUITE_P(BothDialects, ImportApi, ::testing::ValuesIn(storage::kTestDialects),
                         storage::dialectTestName);

// The command line on an empty database of either dialect (no demo): the same service, its answer as text.
class ImportCommand : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    BHABIN_SKIP_POSTGRES_IF_ASKED(GetParam());
    static int serial = 0;
    dir_ = std::filesystem::temp_directory_path() /
           ("bhabin-import-test-" + std::to_string(::getpid()) + "-" + std::to_string(serial++));
    std::filesystem::create_directories(dir_);
    options_ = {"--root", BHABIN_SOURCE_DIR, "--data-dir", dir_.string(), "--threads", "2"};
    if (GetParam() == Dialect::Postgres) {
      options_.push_back("--database-url");
      options_.push_back(storage::freshPostgresUrl());
    }
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string file(const std::string& name, const std::string& content) {
    const auto path = (dir_ / name).string();
    std::ofstream(path) << content;
    return path;
  }

  int run(std::vector<std::string> args) {
    out_.str("");
    err_.str("");
    args.insert(args.end(), options_.begin(), options_.end());
    return runImportCommand(
        args, [](const char*) -> const char* { return nullptr; }, out_, err_);
  }

  std::filesystem::path dir_;
  std::vector<std::string> options_;
  std::ostringstream out_, err_;
};

TEST_P(ImportCommand, ImportsReportsProblemsByFileAndLineAndRefusesBadUsage) {
  const auto tegal = catalog().villagesOfDistrict("33.76.01");
  ASSERT_GE(tegal.size(), 2u);
  const std::string villages = file("villages.csv", lines({
                                                        "code,name,lat,lon",
                                                        tegal[0].code + "," + tegal[0].name + ",-6.88,109.10",
                                                        tegal[1].code + "," + tegal[1].name + ",-6.87,109.11",
                                                    }));
  EXPECT_EQ(run({"villages", villages, "--dry-run"}), 0) << err_.str();
  EXPECT_NE(out_.str().find("2 created, 0 updated, 0 unchanged (dry run"), std::string::npos) << out_.str();
  EXPECT_EQ(run({"villages", villages}), 0) << err_.str();
  EXPECT_NE(out_.str().find("villages: 2 created"), std::string::npos) << out_.str();
  EXPECT_EQ(run({"villages", villages}), 0) << err_.str();
  EXPECT_NE(out_.str().find("0 created, 0 updated, 2 unchanged"), std::string::npos)
      << "the dry run wrote nothing, the import everything once";

  const std::string bad = file("officers.csv", lines({
                                                   "nrp,name,phone,villages",
                                                   "44440001,Bripka Satu,0812-4444-0001," + tegal[0].code,
                                                   "4444,Bripka Dua,0812-4444-0002," + tegal[1].code,
                                               }));
  EXPECT_EQ(run({"officers", bad}), 1);
  EXPECT_NE(err_.str().find(bad + ":3: nrp: \"4444\" is not an NRP"), std::string::npos) << err_.str();

  const std::string good =
      file("good.csv", "nrp,name,phone,villages\n44440001,Bripka Satu,0812-4444-0001," + tegal[0].code + "\n");
  EXPECT_EQ(run({"officers", good}), 0) << err_.str();
  EXPECT_NE(out_.str().find("initial password for 44440001: "), std::string::npos) << out_.str();

  EXPECT_EQ(run({"towns", villages}), 2);
  EXPECT_EQ(run({"villages"}), 2);
  EXPECT_EQ(run({"villages", (dir_ / "missing.csv").string()}), 2);
  EXPECT_EQ(run({"villages", villages, "--no-such-option", "x"}), 2);
}

INSTANTIATE_TEST_SUITE_P(BothDialects, ImportCommand, ::testing::ValuesIn(storage::kTestDialects),
                         storage::dialectTestName);

}  // namespace
}  // namespace bhabin::server::testing
