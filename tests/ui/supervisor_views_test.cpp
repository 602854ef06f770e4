// A supervisor's "Personel" and "Ekspor" views through the whole headless interface (ui/roster_admin_panel.h,
// ui/export_panel.h): the real catalogs, a fake device answering as the server would, taps at the places the
// widget tags say things were drawn.
#include <gtest/gtest.h>


#include "catalogs_and_tags.h"
#include "fake_platform.h"
#include "headless_imgui.h"
#include "recording_map_view.h"
#include "ui/app_ui.h"
#include "ui/export_panel.h"
#include "ui/input_queue.h"
#include "ui/widget_tags.h"

namespace bhabin::ui {
namespace {

using testing::FakePlatform;
using testing::HeadlessImGui;
using testing::RecordingMapView;

using testing::loadCatalog;
using testing::tagged;

const std::string kRosterPath = "/api/v1/area/roster";
const std::string kJoko = "85010001";   // active, holds Pasarbatang
const std::string kAni = "85010002";    // active, holds Limbangan Wetan
const std::string kBudi = "85010003";   // deactivated, still holds Jatibarang Kidul (so it is uncovered)
const std::string kPasarbatang = "33.29.01.2001";
const std::string kLimbangan = "33.29.01.2002";
const std::string kJatibarang = "33.29.02.2001";
const std::string kKaligangsa = "33.29.02.2002";  // nobody holds it

std::string officerJson(const std::string& nrp, const std::string& name, bool active, const std::string& village) {
  return R"({"nrp":")" + nrp + R"(","name":")" + name + R"(","phone":"+6281234567890","active":)" + (active ? "true" : "false") +
         R"(,"regencyCode":"33.29","onDuty":false,"openReports":0,"villages":[")" + village + R"("]})";
}

std::string rosterAnswer() {
  return R"({"areaCode":"33.29","officers":[)" + officerJson(kJoko, "Bripka Joko Santoso", true, kPasarbatang) + "," +
         officerJson(kAni, "Brigpol Ani Lestari", true, kLimbangan) + "," + officerJson(kBudi, "Bripda Budi Hartono", false, kJatibarang) +
         R"(],"villages":[{"code":")" + kPasarbatang + R"(","name":"Pasarbatang","officer":")" + kJoko + R"(","covered":true},)" +
         R"({"code":")" + kLimbangan + R"(","name":"Limbangan Wetan","officer":")" + kAni + R"(","covered":true},)" +
         R"({"code":")" + kJatibarang + R"(","name":"Jatibarang Kidul","officer":")" + kBudi + R"(","covered":false},)" +
         R"({"code":")" + kKaligangsa + R"(","name":"Kaligangsa","officer":null,"covered":false}],)" +
         R"("uncovered":[")" + kJatibarang + R"(",")" + kKaligangsa + R"("]})";
}

std::string changeAnswer(const std::string& nrp, const std::string& name, const std::string& villagesJson, const std::string& extra = "") {
  return R"({"officer":{"nrp":")" + nrp + R"(","name":")" + name + R"(","phone":"","active":true,"regencyCode":"33.29","onDuty":false,)" +
         R"("openReports":0,"villages":)" + villagesJson + "}" + extra + R"(,"releasedVillages":[],"takenFrom":[]})";
}

class SupervisorViewsTest : public ::testing::Test {
 protected:
  explicit SupervisorViewsTest(ImVec2 display = ImVec2(1024.0f, 900.0f)) : imgui(display) {}

  // A Polres supervisor of Brebes whose session the device remembers, on the officers' tab.
  void SetUp() override {
    platform.stored[OfficerDesk::kSignedInKey] = "1";
    app.start();
    ASSERT_TRUE(platform.respondTo("GET", "/api/v1/session",
                                   {200, R"({"nrp":"91129615","name":"AKBP Wahyu","role":"supervisor","areaCode":"33.29"})", 0, ""}));
    frames();
    ASSERT_TRUE(tap("tab.officer"));
  }

  void openRoster() {
    ASSERT_TRUE(tap("supervisor.roster"));
    ASSERT_NE(platform.pendingRequest("GET", kRosterPath), nullptr);
    ASSERT_TRUE(platform.respondTo("GET", kRosterPath, {200, rosterAnswer(), 0, ""}));
    frames();
  }

  void frames(int count = 2) {
    for (int i = 0; i < count; ++i) imgui.frame(draw);
  }
  bool tap(const std::string& id) {
    const auto widget = tagged(id);
    if (!widget) return false;
    imgui.tap(ImVec2(widget->x + widget->width / 2, widget->y + widget->height / 2), draw);
    InputQueue lifted;
    lifted.push(InputEvent::pointerMove(-3.0e38f, -3.0e38f));
    lifted.applyTo(ImGui::GetIO());
    imgui.frame(draw);
    return true;
  }
  void type(const std::string& text) {
    InputQueue queue;
    queue.push(InputEvent::typed(text));
    while (!queue.empty()) {
      queue.applyTo(ImGui::GetIO());
      imgui.frame(draw);
    }
  }
  void typeInto(const std::string& id, const std::string& text) {
    ASSERT_TRUE(tap(id)) << id;
    type(text);
  }
  // The requests sent with this method and path.
  std::vector<HttpRequest> sent(const std::string& method, const std::string& path) const {
    std::vector<HttpRequest> out;
    for (const HttpRequest& request : platform.requests) {
      if (request.method == method && request.path == path) out.push_back(request);
    }
    return out;
  }

  HeadlessImGui imgui;
  FakePlatform platform;
  RecordingMapView map;
  AppUi app{platform, map, {loadCatalog("id"), loadCatalog("en")}};
  std::function<void()> draw = [this] { app.frame(); };
};

TEST_F(SupervisorViewsTest, TheSupervisorViewHasThreeSectionsAndTheRosterIsAskedForOnlyWhenOpened) {
  for (const char* id : {"supervisor.dashboard", "supervisor.roster", "supervisor.export"}) EXPECT_TRUE(tagged(id).has_value()) << id;
  EXPECT_EQ(platform.pendingRequest("GET", kRosterPath), nullptr);
  openRoster();
  EXPECT_EQ(app.officerPanel().supervisorSection(), SupervisorSection::Roster);
}

TEST_F(SupervisorViewsTest, UncoveredVillagesAreShownAboveTheOfficersAndOneIsAssignedInTwoTaps) {
  openRoster();
  ASSERT_TRUE(tagged("roster.uncovered").has_value());
  EXPECT_TRUE(tagged("roster.uncovered." + kJatibarang).has_value()) << "its holder is deactivated";
  EXPECT_TRUE(tagged("roster.uncovered." + kKaligangsa).has_value()) << "nobody holds it";
  EXPECT_FALSE(tagged("roster.uncovered." + kPasarbatang).has_value());
  ASSERT_TRUE(tagged("roster.officer." + kJoko).has_value());
  EXPECT_LT(tagged("roster.uncovered")->y, tagged("roster.officer." + kJoko)->y);

  ASSERT_TRUE(tap("roster.assign." + kKaligangsa));
  EXPECT_TRUE(tagged("roster.assigning").has_value());
  ASSERT_TRUE(tap("roster.officer." + kAni));
  const auto puts = sent("PUT", "/api/v1/area/officers/" + kAni + "/villages");
  ASSERT_EQ(puts.size(), 1u);
  EXPECT_EQ(puts[0].body, R"({"villages":[")" + kLimbangan + R"(",")" + kKaligangsa + R"("],"takeOver":false})");
  ASSERT_TRUE(platform.respondTo("PUT", "/api/v1/area/officers/" + kAni + "/villages",
                                 {200, changeAnswer(kAni, "Brigpol Ani Lestari", "[\"" + kLimbangan + "\",\"" + kKaligangsa + "\"]"), 0, ""}));
  frames();
  EXPECT_TRUE(tagged("roster.saved").has_value());
  EXPECT_EQ(sent("GET", kRosterPath).size(), 2u) << "the roster is read again after the change";
}

TEST_F(SupervisorViewsTest, ACreationRefusedByTheServerShowsEachFieldsErrorUnderThatField) {
  openRoster();
  ASSERT_TRUE(tap("roster.new"));
  typeInto("roster.form.nrp", "85010009");
  typeInto("roster.form.name", "Brigpol Sari");
  typeInto("roster.form.phone", "12");
  ASSERT_TRUE(tap("roster.form.village." + kKaligangsa));
  ASSERT_TRUE(tap("roster.form.submit"));
  const auto posts = sent("POST", "/api/v1/area/officers");
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].body, R"({"nrp":"85010009","name":"Brigpol Sari","phone":"12","villages":[")" + kKaligangsa + R"("],"takeOver":false})");
  ASSERT_TRUE(platform.respondTo("POST", "/api/v1/area/officers",
      {422, R"({"error":{"code":"invalid_form","message":"Periksa isian yang ditandai.","fields":[{"field":"phone","code":"invalid_phone","message":"Nomor telepon tidak valid."}]}})", 0, ""}));
  frames();
  const auto phone = tagged("roster.form.phone");
  const auto error = tagged("roster.form.error.phone");
  ASSERT_TRUE(phone && error);
  EXPECT_GT(error->y, phone->y) << "under the phone field";
  EXPECT_LT(error->y, tagged("roster.form.filter")->y) << "before the villages";
  EXPECT_FALSE(tagged("roster.form.error.nrp").has_value());
  EXPECT_EQ(app.rosterAdmin().outcome().refusal->fields[0].message, "Nomor telepon tidak valid.");
}

TEST_F(SupervisorViewsTest, DeactivatingAsksFirstAndSendsNothingUntilConfirmed) {
  openRoster();
  ASSERT_TRUE(tap("roster.officer." + kJoko));
  ASSERT_TRUE(tap("roster.deactivate"));
  EXPECT_TRUE(tagged("roster.deactivate.question").has_value());
  const std::string path = "/api/v1/area/officers/" + kJoko + "/deactivate";
  EXPECT_TRUE(sent("POST", path).empty());
  ASSERT_TRUE(tap("roster.deactivate.cancel"));
  EXPECT_FALSE(tagged("roster.deactivate.question").has_value());
  EXPECT_TRUE(sent("POST", path).empty());
  ASSERT_TRUE(tap("roster.deactivate"));
  ASSERT_TRUE(tap("roster.deactivate.confirm"));
  EXPECT_EQ(sent("POST", path).size(), 1u);
}

TEST_F(SupervisorViewsTest, AVillageHeldByAnotherActiveOfficerIsTakenOverOnlyAfterAsking) {
  openRoster();
  ASSERT_TRUE(tap("roster.officer." + kAni));
  ASSERT_TRUE(tap("roster.edit.village." + kPasarbatang));  // Joko's
  ASSERT_TRUE(tap("roster.villages.save"));
  const std::string path = "/api/v1/area/officers/" + kAni + "/villages";
  ASSERT_EQ(sent("PUT", path).size(), 1u);
  EXPECT_NE(sent("PUT", path)[0].body.find(R"("takeOver":false)"), std::string::npos);
  ASSERT_TRUE(platform.respondTo("PUT", path,
      {409, R"({"error":{"code":"village_taken","message":"Desa ini sudah dipegang petugas lain; pilih ambil alih untuk memindahkannya.","detail":"33.29.01.2001 85010001"}})", 0, ""}));
  frames();
  ASSERT_TRUE(tagged("roster.take_over.question").has_value());
  EXPECT_EQ(sent("PUT", path).size(), 1u) << "nothing moves before the answer";
  ASSERT_TRUE(tap("roster.take_over.confirm"));
  const auto puts = sent("PUT", path);
  ASSERT_EQ(puts.size(), 2u);
  EXPECT_NE(puts[1].body.find(kPasarbatang), std::string::npos);
  EXPECT_NE(puts[1].body.find(R"("takeOver":true)"), std::string::npos);
}

TEST_F(SupervisorViewsTest, TheImportDryRunListsEveryProblemByLineAndOffersTheImportOnlyWhenClean) {
  openRoster();
  ASSERT_TRUE(tap("roster.import"));
  const std::string csv = "nrp,name,phone,village_code\n85010020,Bripda Rina,0812,99.99.99.9999\n";
  typeInto("roster.import.csv", csv);
  ASSERT_TRUE(tap("roster.import.dry_run"));
  const auto* dryRun = platform.pendingRequest("POST", "/api/v1/area/officers/import?dryRun=1");
  ASSERT_NE(dryRun, nullptr);
  EXPECT_EQ(dryRun->body, csv);
  EXPECT_EQ(dryRun->headers.at("Content-Type"), "text/csv");
  ASSERT_TRUE(platform.respondTo("POST", "/api/v1/area/officers/import?dryRun=1",
      {422, R"({"dryRun":true,"created":0,"updated":0,"unchanged":0,"problems":[{"line":2,"field":"village_code","message":"Desa tidak dikenal"},)"
            R"({"line":2,"field":"phone","message":"Nomor telepon tidak valid"}],"notes":[],"initialPasswords":[]})", 0, ""}));
  frames();
  EXPECT_TRUE(tagged("roster.import.problem.0").has_value());
  EXPECT_TRUE(tagged("roster.import.problem.1").has_value());
  EXPECT_FALSE(tagged("roster.import.run").has_value()) << "no import after a dry run with problems";

  ASSERT_TRUE(tap("roster.import.dry_run"));
  ASSERT_TRUE(platform.respondTo("POST", "/api/v1/area/officers/import?dryRun=1",
      {200, R"({"dryRun":true,"created":1,"updated":0,"unchanged":0,"problems":[],"notes":[],"initialPasswords":[]})", 0, ""}));
  frames();
  EXPECT_FALSE(tagged("roster.import.problem.0").has_value());
  ASSERT_TRUE(tap("roster.import.run"));
  EXPECT_NE(platform.pendingRequest("POST", "/api/v1/area/officers/import"), nullptr);
}

TEST_F(SupervisorViewsTest, AnExportDownloadsTheChosenFileAndPeriodWithTheReasonForPersonalData) {
  ASSERT_TRUE(tap("supervisor.export"));
  ASSERT_TRUE(tap("export.data.visits"));
  ASSERT_TRUE(tap("export.format.geojson"));
  ASSERT_TRUE(tap("export.period.7"));
  ASSERT_TRUE(tap("export.personal"));
  typeInto("export.reason", "Permintaan penyidik 12/XI");
  ASSERT_TRUE(tap("export.download"));
  ASSERT_EQ(platform.downloads.size(), 1u);
  EXPECT_EQ(platform.downloads[0],
            "/api/v1/area/export/visits.geojson?from=2026-11-22&to=2026-11-28&includePersonalData=1&reason=Permintaan%20penyidik%2012%2FXI");
  platform.answerDownload({{200, "", 0, {}}, "visits-33.29-2026-11-22-2026-11-28.geojson", 4});
  frames();
  EXPECT_TRUE(tagged("export.done").has_value());
  EXPECT_EQ(app.officerPanel().exportPanel().state().rows, 4);
}

TEST_F(SupervisorViewsTest, PersonalDataWithoutAReasonShowsTheServersRefusal) {
  ASSERT_TRUE(tap("supervisor.export"));
  ASSERT_TRUE(tap("export.personal"));
  ASSERT_TRUE(tap("export.download"));
  ASSERT_EQ(platform.downloads.size(), 1u);
  EXPECT_EQ(platform.downloads[0], "/api/v1/area/export/reports.csv?from=2026-10-30&to=2026-11-28&includePersonalData=1&reason=");
  platform.answerDownload({{422, R"({"error":{"code":"reason_required","message":"Sebutkan alasan mengekspor data pribadi."}})", 0, {}}, "", -1});
  frames();
  EXPECT_TRUE(tagged("export.refusal").has_value());
  EXPECT_EQ(app.officerPanel().exportPanel().state().refusal, "Sebutkan alasan mengekspor data pribadi.");
  EXPECT_FALSE(tagged("export.done").has_value());
}

class PhoneSupervisorViewsTest : public SupervisorViewsTest {
 protected:
  PhoneSupervisorViewsTest() : SupervisorViewsTest(ImVec2(360.0f, 780.0f)) {}
};

// On a phone held upright the sheet is the lower 60 % of the screen: each section's first actions must be in it.
TEST_F(PhoneSupervisorViewsTest, EachSectionIsReachableAndItsFirstActionsFitTheSheet) {
  openRoster();
  const auto sheet = tagged("tab.content");
  ASSERT_TRUE(sheet.has_value());
  for (const std::string& id : {"roster.uncovered." + kJatibarang, "roster.assign." + kJatibarang, std::string("roster.new")}) {
    const auto drawn = tagged(id);
    ASSERT_TRUE(drawn.has_value()) << id;
    EXPECT_LE(drawn->x + drawn->width, 360.0f) << id;
    EXPECT_LE(drawn->y + drawn->height, sheet->y + sheet->height) << id;
  }
  ASSERT_TRUE(tap("supervisor.export"));
  EXPECT_EQ(app.officerPanel().supervisorSection(), SupervisorSection::Export);
  ASSERT_TRUE(tagged("export.download").has_value());
  ASSERT_TRUE(tap("supervisor.dashboard"));
  EXPECT_EQ(app.officerPanel().supervisorSection(), SupervisorSection::Dashboard);
}

TEST(ExportPath, CountsTheDaysInTheAreasZone) {
  ExportChoice choice;
  choice.days = 7;
  // 2026-11-27T16:30Z: still the 27th in Brebes (WIB), already the 28th in Jayapura (WIT).
  EXPECT_EQ(exportPath(choice, "33.29", 1795797000000), "/api/v1/area/export/reports.csv?from=2026-11-21&to=2026-11-27");
  EXPECT_EQ(exportPath(choice, "91.71", 1795797000000), "/api/v1/area/export/reports.csv?from=2026-11-22&to=2026-11-28");
}

}  // namespace
}  // namespace bhabin::ui
