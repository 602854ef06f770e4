// The whole interface headless (ui/app_ui.h): the real catalogs, a fake device, a recording map, ImGui frames
// without a window, and taps at the places the widget tags say things were drawn.
#include "ui/app_ui.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "core/tracking/tracking_code.h"
#include "core/wire/roster_codec.h"
#include "catalogs_and_tags.h"
#include "fake_platform.h"
#include "headless_imgui.h"
#include "recording_map_view.h"
#include "ui/dashboard_panel.h"
#include "ui/input_queue.h"
#include "ui/widget_tags.h"

namespace bhabin::ui {
namespace {

using testing::FakePlatform;
using testing::HeadlessImGui;
using testing::RecordingMapView;

using testing::loadCatalog;
using testing::tagged;

// Three officers (the third off duty) responsible for three villages of Brebes.
wire::RosterSnapshot smallRoster() {
  wire::RosterSnapshot roster;
  roster.version = 7;
  roster.officers = {
      {"85010001", "Bripka Joko Santoso", "+6281234567890", {-6.872, 109.042}, true, 0},
      {"85010002", "Brigpol Ani Lestari", "+6281311112222", {-6.901, 109.051}, true, 2},
      {"85010003", "Bripda Budi Hartono", "", {-6.968, 109.101}, false, 0},
  };
  roster.villages = {
      {"33.29.01.2001", "Pasarbatang", "Brebes", "Brebes", "Jawa Tengah", {-6.870, 109.040}, 0},
      {"33.29.01.2002", "Limbangan Wetan", "Brebes", "Brebes", "Jawa Tengah", {-6.900, 109.050}, 1},
      {"33.29.02.2001", "Jatibarang Kidul", "Jatibarang", "Brebes", "Jawa Tengah", {-6.970, 109.100}, 2},
  };
  return roster;
}

ImVec2 centreOf(const TaggedWidget& widget) { return ImVec2(widget.x + widget.width / 2, widget.y + widget.height / 2); }

class AppUiTest : public ::testing::Test {
 protected:
  explicit AppUiTest(ImVec2 display = ImVec2(1024.0f, 900.0f)) : imgui(display) {}

  // start() and the roster's answer.
  void startWithRoster() {
    app.start();
    ASSERT_NE(platform.pendingRequest("GET", "/api/v1/roster"), nullptr);
    ASSERT_TRUE(platform.respondTo("GET", "/api/v1/roster", {200, wire::encodeRosterJson(smallRoster()), 0, "\"7\""}));
    ASSERT_EQ(app.roster().state(), RosterData::State::Ready);
  }
  void frames(int count = 2) {
    for (int i = 0; i < count; ++i) imgui.frame(draw);
  }
  // Taps the widget tagged `id` in the last frame; false when it was not drawn.
  // Taps the widget tagged `id` in the last frame; false when it was not drawn. Afterwards the pointer is parked
  // off-screen, as the browser does when a finger lifts (src/app/browser_input.cpp pointerGone): ImGui ignores
  // a press on a tab when the pointer jumped there from another tab in the same frame.
  bool tap(const std::string& id) {
    const auto widget = tagged(id);
    if (!widget) return false;
    imgui.tap(centreOf(*widget), draw);
    InputQueue lifted;
    lifted.push(InputEvent::pointerMove(-3.0e38f, -3.0e38f));
    lifted.applyTo(ImGui::GetIO());
    imgui.frame(draw);
    return true;
  }

  // Delivers key and text events to the focused field, one state change per frame as the browser does.
  void type(std::initializer_list<InputEvent> events) {
    installKeyMap(ImGui::GetIO());
    InputQueue queue;
    for (const InputEvent& event : events) queue.push(event);
    while (!queue.empty()) {
      queue.applyTo(ImGui::GetIO());
      imgui.frame(draw);
    }
  }
  static bool contains(const std::vector<std::string>& fields, const std::string& field) {
    return std::find(fields.begin(), fields.end(), field) != fields.end();
  }

  HeadlessImGui imgui;
  FakePlatform platform;
  RecordingMapView map;
  AppUi app{platform, map, {loadCatalog("id"), loadCatalog("en")}};
  std::function<void()> draw = [this] { app.frame(); };
};

class PhoneAppUiTest : public AppUiTest {
 protected:
  PhoneAppUiTest() : AppUiTest(ImVec2(360.0f, 780.0f)) {}
};

TEST_F(AppUiTest, StartAsksForTheRosterAndReadsWhatTheDeviceKept) {
  app.start();
  ASSERT_EQ(platform.requests.size(), 2u) << "a citizen's device asks for nothing but the public roster and outlines";
  EXPECT_EQ(platform.requests[0].method, "GET");
  EXPECT_EQ(platform.requests[0].path, "/api/v1/roster");
  EXPECT_EQ(platform.requests[1].method, "GET");
  EXPECT_EQ(platform.requests[1].path, "/api/v1/boundaries");
  for (const char* key : {AppUi::kLanguageKey, OutboxSender::kStorageKey, CitizenReports::kStorageKey, OfficerDesk::kSignedInKey}) {
    EXPECT_NE(std::find(platform.loads.begin(), platform.loads.end(), key), platform.loads.end()) << key;
  }
  EXPECT_EQ(app.roster().state(), RosterData::State::Loading);
  EXPECT_EQ(app.tab(), Tab::MyOfficer);
  EXPECT_EQ(app.language(), i18n::Language::Indonesian);
}

TEST_F(AppUiTest, ChoosingAPositionNamesTheVillagesResponsibleOfficer) {
  startWithRoster();
  app.choosePosition({-6.8705, 109.0405});
  const MyOfficerView& answer = app.locate().answer();
  EXPECT_EQ(answer.villageCode, std::optional<std::string>("33.29.01.2001"));
  ASSERT_NE(answer.responsible, nullptr);
  EXPECT_EQ(answer.responsible->nrp, "85010001");
  EXPECT_EQ(answer.responsible->name, "Bripka Joko Santoso");
  EXPECT_EQ(answer.status, match::ResponsibleStatus::Available);
  ASSERT_FALSE(map.markers.empty());
  EXPECT_DOUBLE_EQ(map.markers.back().latDeg, -6.8705);
  EXPECT_DOUBLE_EQ(map.markers.back().lonDeg, 109.0405);
}

TEST_F(AppUiTest, AnOffDutyResponsibleOfficerComesWithTheNearestOnDuty) {
  startWithRoster();
  app.choosePosition({-6.9695, 109.0995});
  const MyOfficerView& answer = app.locate().answer();
  EXPECT_EQ(answer.villageCode, std::optional<std::string>("33.29.02.2001"));
  ASSERT_NE(answer.responsible, nullptr);
  EXPECT_EQ(answer.responsible->nrp, "85010003");
  EXPECT_EQ(answer.status, match::ResponsibleStatus::OffDuty);
  ASSERT_FALSE(answer.nearestOnDuty.empty());
  EXPECT_EQ(answer.nearestOnDuty[0].officer->nrp, "85010002") << "Limbangan Wetan's officer is the nearest on duty";
}

TEST_F(AppUiTest, APositionChosenBeforeTheRosterArrivesIsAnsweredOnceItDoes) {
  app.start();
  app.choosePosition({-6.8705, 109.0405});
  EXPECT_EQ(app.locate().answer().responsible, nullptr);
  ASSERT_TRUE(platform.respondTo("GET", "/api/v1/roster", {200, wire::encodeRosterJson(smallRoster()), 0, {}}));
  frames();
  ASSERT_NE(app.locate().answer().responsible, nullptr);
  EXPECT_EQ(app.locate().answer().responsible->nrp, "85010001");
}

TEST_F(AppUiTest, TheOfficersLayerShowsEveryOfficerInViewOnceTheRosterArrives) {
  startWithRoster();
  frames(1);
  const auto& points = map.layers[MapLayer::Officers];
  std::uint32_t officers = 0;
  for (const MapPoint& point : points) officers += point.count;
  EXPECT_EQ(officers, 3u);
}

TEST_F(AppUiTest, TheTabsAreTaggedAndATapOnEachSwitchesToIt) {
  startWithRoster();
  frames();
  for (const char* id : {"tab.my_officer", "tab.report", "tab.track", "tab.officer"}) {
    EXPECT_TRUE(tagged(id).has_value()) << id;
  }
  EXPECT_EQ(app.tab(), Tab::MyOfficer);
  const std::pair<const char*, Tab> taps[] = {
      {"tab.report", Tab::Report}, {"tab.track", Tab::Track}, {"tab.officer", Tab::Officer}, {"tab.my_officer", Tab::MyOfficer}};
  for (const auto& [id, tab] : taps) {
    ASSERT_TRUE(tap(id)) << id;
    frames(1);
    EXPECT_EQ(app.tab(), tab) << id;
  }
}

// A supervisor whose session the device remembers: the dashboard is asked for the last 30 local days of the
// area's zone, drawn with its figures and officers, and a period button asks again for 7 days.
class SupervisorDashboardTest : public AppUiTest {
 protected:
  void signInAs(const std::string& areaCode) {
    platform.stored[OfficerDesk::kSignedInKey] = "1";
    startWithRoster();
    ASSERT_TRUE(platform.respondTo("GET", "/api/v1/session", {200,
        R"({"nrp":"91129615","name":"AKBP Wahyu","role":"supervisor","areaCode":")" + areaCode + R"("})", 0, ""}));
  }
  static std::string dashboardAnswer() {
    return R"({"areaCode":"33.29","timeZone":"WIB","from":"2026-10-30","to":"2026-11-28","submitted":7,"escalatedInPeriod":0,)"
           R"("byStatusAndCategory":[{"status":"received","category":"crime","count":7}],)"
           R"("days":[{"date":"2026-11-28","submitted":7,"resolved":0}],)"
           R"("submittedToReceived":{"count":7,"medianMs":2700000,"p90Ms":7200000},"submittedToResolved":{"count":0,"medianMs":0,"p90Ms":0},)"
           R"("officers":[{"nrp":"87127740","name":"Bripka Teguh","onDuty":true,"openNow":7,"assignedInPeriod":7,)"
           R"("resolvedInPeriod":0,"visitsInPeriod":2,"confirmedInPeriod":0,"reopenedByCitizensInPeriod":0,"ratingSum":0,"ratingCount":0,"escalatedInPeriod":0,"dutyMsInPeriod":19800000,"toReceive":{"count":7,"medianMs":2700000,"p90Ms":7200000}}],)"
           R"("overdueTotal":12,"overdue":[{"trackingCode":"3329-AAAA-BBBB-CCCC-DDDD","category":"crime","status":"submitted",)"
           R"("assignedNrp":"87127740","deadline":"receive","dueAtUnixMs":1795824900000,"lateByMs":5400000,"escalated":true}],)"
           R"("reportPoints":{"latDeg":[-6.8712,-6.8713,-6.8714,-7.3],"lonDeg":[109.0401,109.0402,109.0403,108.9]}})";
  }
};

TEST_F(SupervisorDashboardTest, TheDashboardShowsTheAreasLastThirtyDaysAndChangesPeriod) {
  signInAs("33.29");  // 08:30 WIB on 28 November
  const std::string month = "/api/v1/area/dashboard?from=2026-10-30&to=2026-11-28";
  ASSERT_NE(platform.pendingRequest("GET", month), nullptr);
  ASSERT_TRUE(platform.respondTo("GET", month, {200, dashboardAnswer(), 0, ""}));
  frames();
  ASSERT_TRUE(tap("tab.officer"));
  frames();
  for (const char* id : {"dashboard.submitted", "dashboard.to_received", "dashboard.days_chart", "dashboard.status.received",
                         "dashboard.officer.87127740"}) {
    EXPECT_TRUE(tagged(id).has_value()) << id;
  }
  ASSERT_TRUE(tap("dashboard.period.7"));
  EXPECT_NE(platform.pendingRequest("GET", "/api/v1/area/dashboard?from=2026-11-22&to=2026-11-28"), nullptr);
  EXPECT_EQ(app.officerDesk().dashboardDays(), 7);
}

// What is late, by category, duty time, and where the period's reports were: drawn from the answer, and a
// late report opens with a tap. Bite, tried by hand: with the worklist drawn on the map instead of the
// period's points, the report layer was empty; without the duty column its tag was missing.
TEST_F(SupervisorDashboardTest, LateReportsCategoriesDutyAndThePeriodsMap) {
  signInAs("33.29");
  ASSERT_TRUE(platform.respondTo("GET", "/api/v1/area/dashboard?from=2026-10-30&to=2026-11-28", {200, dashboardAnswer(), 0, ""}));
  frames();
  ASSERT_TRUE(tap("tab.officer"));
  frames();
  for (const char* id : {"dashboard.overdue", "dashboard.category.crime", "dashboard.duty.87127740",
                         "dashboard.late.3329-AAAA-BBBB-CCCC-DDDD"}) {
    EXPECT_TRUE(tagged(id).has_value()) << id;
  }
  EXPECT_FALSE(tagged("dashboard.category.other").has_value()) << "only categories with reports";

  const auto& reports = map.layers[MapLayer::Reports];
  std::uint32_t drawn = 0;
  bool clustered = false;
  for (const MapPoint& point : reports) {
    drawn += point.count;
    clustered = clustered || (point.kind == MapPoint::Kind::ReportCluster && point.count == 3);
  }
  EXPECT_EQ(drawn, 4u) << "every report of the period in view";
  EXPECT_TRUE(clustered) << "the three close together share a cluster at zoom 10";

  ASSERT_TRUE(tap("dashboard.late.3329-AAAA-BBBB-CCCC-DDDD"));
  EXPECT_NE(platform.pendingRequest("GET", "/api/v1/reports/3329-AAAA-BBBB-CCCC-DDDD"), nullptr);
}

TEST_F(SupervisorDashboardTest, DaysAreTheAreasLocalDays) {
  platform.now = 1795797000000;  // 2026-11-27T16:30:00Z: 23:30 in Brebes (WIB), already 01:30 on the 28th in Jayapura (WIT)
  signInAs("91.71");
  EXPECT_NE(platform.pendingRequest("GET", "/api/v1/area/dashboard?from=2026-10-30&to=2026-11-28"), nullptr);
}

TEST(OverdueLine, SaysHowLateWhichDeadlineWhatAndWhetherEscalated) {
  stats::OverdueReport late;
  late.trackingCode = "3329-AAAA-BBBB-CCCC-DDDD";
  late.category = report::Category::Crime;
  late.deadline.kind = report::DeadlineKind::Resolve;
  late.deadline.lateByMs = (26 * 60 + 5) * 60000LL;
  EXPECT_EQ(overdueLine(late, loadCatalog("id"), i18n::Language::Indonesian), "1 hari 2 j · belum selesai · Kriminalitas · 3329-AAAA");
  late.deadline.kind = report::DeadlineKind::Receive;
  late.deadline.escalated = true;
  late.deadline.lateByMs = 90 * 60000LL;
  EXPECT_EQ(overdueLine(late, loadCatalog("en"), i18n::Language::English), "1 h 30 min · not yet received · Crime · 3329-AAAA · escalated");
}

TEST(FormatDuration, ReadsAsMinutesHoursAndDays) {
  const i18n::Catalog texts = loadCatalog("id");
  EXPECT_EQ(formatDuration(45 * 60000, texts), "45 mnt");
  EXPECT_EQ(formatDuration((3 * 60 + 20) * 60000, texts), "3 j 20 mnt");
  EXPECT_EQ(formatDuration((2 * 24 + 4) * 3600000LL, texts), "2 hari 4 j");
  EXPECT_EQ(formatDuration(59999, texts), "< 1 mnt");
  EXPECT_EQ(formatDuration(-5, texts), "< 1 mnt");
}

TEST_F(PhoneAppUiTest, OnAPhoneTheTabsAreTappableToo) {
  startWithRoster();
  frames();
  ASSERT_TRUE(tap("tab.report"));
  frames(1);
  EXPECT_EQ(app.tab(), Tab::Report);
  ASSERT_TRUE(tap("tab.track"));
  frames(1);
  EXPECT_EQ(app.tab(), Tab::Track);
}

TEST_F(AppUiTest, TheReportTabShowsTheFormWithItsSubmitButton) {
  startWithRoster();
  frames();
  EXPECT_FALSE(tagged("report.category").has_value()) << "not drawn while another tab is shown";
  ASSERT_TRUE(tap("tab.report"));
  frames(1);
  EXPECT_TRUE(tagged("report.category").has_value());
  EXPECT_TRUE(tagged("report.emergency").has_value());
}

TEST_F(AppUiTest, SendingAnEmptyFormMarksTheMissingFieldsAndQueuesNothing) {
  startWithRoster();
  frames();
  ASSERT_TRUE(tap("tab.report"));
  frames(1);
  ASSERT_TRUE(tap("report.submit"));
  const std::vector<std::string> refused = app.reportForm().refusedFields();
  for (const char* field : {"category", "title", "description", "consent"}) EXPECT_TRUE(contains(refused, field)) << field;
  EXPECT_FALSE(contains(refused, "incidentAtUnixMs")) << "the time is filled in when the form opens";
  EXPECT_TRUE(app.outbox().outbox().empty());
  EXPECT_FALSE(app.reportForm().sentCode().has_value());
}

// The time field once used ImGui's decimal filter, which drops ':': a retyped "07:15" became "0715", which
// formFromDraft cannot read (checked: this test failed then).
TEST_F(AppUiTest, ATimeRetypedAsHoursColonMinutesIsAccepted) {
  startWithRoster();
  frames();
  ASSERT_TRUE(tap("tab.report"));
  frames(1);
  ASSERT_TRUE(tap("report.time"));
  type({InputEvent::key(35, true), InputEvent::key(35, false),  // End
        InputEvent::key(8, true), InputEvent::key(8, false), InputEvent::key(8, true), InputEvent::key(8, false),
        InputEvent::key(8, true), InputEvent::key(8, false), InputEvent::key(8, true), InputEvent::key(8, false),
        InputEvent::key(8, true), InputEvent::key(8, false),  // five Backspaces clear "HH:MM"
        InputEvent::typed("07:15")});
  ASSERT_TRUE(tap("report.submit"));
  const std::vector<std::string> refused = app.reportForm().refusedFields();
  EXPECT_TRUE(contains(refused, "title")) << "the form was sent";
  EXPECT_FALSE(contains(refused, "incidentAtUnixMs")) << "\"07:15\" was typed";
}

TEST_F(AppUiTest, TheResponsibleOfficersCallButtonOpensATelLink) {
  startWithRoster();
  app.choosePosition({-6.8705, 109.0405});
  frames();
  ASSERT_TRUE(tagged("myofficer.responsible").has_value());
  ASSERT_TRUE(tap("myofficer.call"));
  ASSERT_FALSE(platform.openedUrls.empty());
  EXPECT_EQ(platform.openedUrls.back(), "tel:+6281234567890");
}

TEST_F(AppUiTest, TheEmergencyButtonCalls110) {
  startWithRoster();
  frames();
  ASSERT_TRUE(tap("emergency.call"));
  EXPECT_EQ(platform.openedUrls, std::vector<std::string>{"tel:110"});
}

TEST_F(AppUiTest, TheLanguageSwitchIsRememberedOnTheDevice) {
  startWithRoster();
  frames();
  ASSERT_TRUE(tap("language.toggle"));
  EXPECT_EQ(app.language(), i18n::Language::English);
  EXPECT_EQ(platform.storedValue(AppUi::kLanguageKey), std::optional<std::string>("en"));

  RecordingMapView otherMap;
  AppUi next(platform, otherMap, {loadCatalog("id"), loadCatalog("en")});
  next.start();
  EXPECT_EQ(next.language(), i18n::Language::English);
}

TEST_F(AppUiTest, ALinkToAReportOpensTheTrackTabAndFetchesItWithItsSecret) {
  startWithRoster();
  frames();
  const std::string code = tracking::makeTrackingCode("33.29", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})->text;
  std::string lower = code;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  app.openLink("track=" + lower + "&s=0a1b2c3d-4e5f6071-8293a4b5");

  const HttpRequest* request = platform.pendingRequest("GET", "/api/v1/track/" + code);
  ASSERT_NE(request, nullptr);
  EXPECT_EQ(request->headers.at("X-Report-Secret"), "0a1b2c3d-4e5f6071-8293a4b5");
  frames();
  EXPECT_EQ(app.tab(), Tab::Track);
  EXPECT_EQ(app.trackPanel().shownCode(), code);

  ASSERT_TRUE(platform.respondTo(
      "GET", "/api/v1/track/" + code,
      {200,
       R"({"trackingCode":")" + code +
           R"(","category":"crime","title":"Pencurian motor","description":"Motor hilang di depan masjid.",)"
           R"("incidentAtUnixMs":1795820000000,"villageCode":"33.29.01.2001","status":"submitted",)"
           R"("createdAtUnixMs":1795821000000,"updatedAtUnixMs":1795821000000,"position":{"latDeg":-6.87,"lonDeg":109.04},)"
           R"("assignedOfficer":null,"timeline":[{"action":"submit","status":"submitted","atUnixMs":1795821000000,)"
           R"("actorRole":"citizen","note":""}]})",
       0,
       {}}));
  frames();
  const TrackResult* result = app.citizenReports().trackResult(code);
  ASSERT_NE(result, nullptr);
  EXPECT_EQ(result->state, TrackResult::State::Found);
  EXPECT_TRUE(tagged("track.shown_code").has_value());
}

TEST_F(AppUiTest, ALinkWithoutATrackingCodeChangesNothing) {
  startWithRoster();
  frames();
  const std::size_t sent = platform.requests.size();
  app.openLink("s=secret");
  app.openLink("");
  frames();
  EXPECT_EQ(app.tab(), Tab::MyOfficer);
  EXPECT_EQ(platform.requests.size(), sent);
}

TEST_F(AppUiTest, ALinkWithAMistypedCodeFetchesNothingAndShowsTheLookup) {
  startWithRoster();
  frames();
  std::string code = tracking::makeTrackingCode("33.29", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})->text;
  code[6] = code[6] == 'A' ? 'B' : 'A';
  const std::size_t sent = platform.requests.size();
  app.openLink("track=" + code + "&s=secret");
  frames();
  EXPECT_EQ(platform.requests.size(), sent);
  EXPECT_EQ(app.trackPanel().shownCode(), "");
  EXPECT_EQ(app.tab(), Tab::Track);
  EXPECT_TRUE(tagged("track.code").has_value()) << "the code can be typed again";
}

TEST_F(AppUiTest, TheSyncLineIsDrawnAndTheOutboxStartsIdle) {
  startWithRoster();
  frames();
  EXPECT_TRUE(tagged("sync.status").has_value());
  EXPECT_EQ(app.outbox().status().phase, SyncPhase::Idle);
}

// ---- "ikut melapor": open reports of the same category nearby are offered before a report is sent ----

// Tall enough that the whole form fits without scrolling.
class ReportOfferTest : public AppUiTest {
 protected:
  ReportOfferTest() : AppUiTest(ImVec2(1024.0f, 2400.0f)) {}

  static constexpr const char* kNearbyPath = "/api/v1/reports/nearby?lat=-6.870500&lon=109.040500&category=traffic_accident";

  // Starts the app at Pasarbatang with the report form open.
  void openForm() {
    startWithRoster();
    app.choosePosition({-6.8705, 109.0405});
    frames();
    ASSERT_TRUE(tap("tab.report"));
    frames(1);
  }
  // Fills in a valid anonymous traffic accident at Pasarbatang and presses "Kirim laporan".
  void fillAndSend(bool open = true) {
    if (open) openForm();
    ASSERT_TRUE(tap("report.category"));
    frames(1);
    ASSERT_TRUE(tap("report.category.traffic_accident"));
    ASSERT_TRUE(tap("report.title"));
    type({InputEvent::typed("Tabrakan di jalan pantura")});
    ASSERT_TRUE(tap("report.description"));
    type({InputEvent::typed("Dua sepeda motor bertabrakan dekat pasar.")});
    ASSERT_TRUE(tap("report.anonymous"));
    ASSERT_TRUE(tap("report.consent"));
    ASSERT_TRUE(tap("report.submit"));
    ASSERT_TRUE(app.reportForm().refusedFields().empty()) << ::testing::PrintToString(app.reportForm().refusedFields());
  }
  std::string nearbyAnswer() const {
    return R"({"reports":[{"trackingCode":")" + otherCode +
           R"(","category":"traffic_accident","title":"Kecelakaan dekat pasar","status":"received","distanceKm":0.12,"createdAtUnixMs":)" +
           std::to_string(platform.now - 3600000) + "}]}";
  }
  const sync::Change* queued() const {
    const auto& pending = app.outbox().outbox().pending();
    return pending.empty() ? nullptr : &pending.back();
  }

  std::string otherCode = tracking::makeTrackingCode("33.29", tracking::RandomBytes{9, 8, 7, 6, 5, 4, 3, 2, 1, 0})->text;
};

TEST_F(ReportOfferTest, AnOpenReportNearbyIsOfferedAndJoiningItQueuesAJoinInsteadOfANewReport) {
  fillAndSend();
  EXPECT_TRUE(app.outbox().outbox().empty()) << "nothing is sent before the citizen chose";
  ASSERT_TRUE(platform.respondTo("GET", kNearbyPath, {200, nearbyAnswer(), 0, ""}));
  frames(1);
  ASSERT_EQ(app.reportForm().offeredReports().size(), 1u);
  EXPECT_TRUE(tagged("report.send_new").has_value());
  ASSERT_TRUE(tap("report.join.0"));

  ASSERT_NE(queued(), nullptr);
  EXPECT_EQ(app.outbox().outbox().pending().size(), 1u);
  EXPECT_EQ(queued()->kind, sync::ChangeKind::JoinReport);
  EXPECT_EQ(queued()->reportId, otherCode);
  EXPECT_TRUE(queued()->details.reporter.anonymous);
  EXPECT_EQ(app.reportForm().sentCode(), std::optional<std::string>(otherCode));
  EXPECT_TRUE(app.reportForm().joined());
  ASSERT_NE(app.citizenReports().trackedReport(otherCode), nullptr);
  EXPECT_EQ(app.citizenReports().trackedReport(otherCode)->title, "Kecelakaan dekat pasar");

  frames(1);
  ASSERT_NE(platform.pendingRequest("POST", "/api/v1/reports/" + otherCode + "/reporters"), nullptr);
  EXPECT_EQ(platform.pendingRequest("POST", "/api/v1/reports/" + otherCode + "/reporters")->body,
            R"({"anonymous":true,"reporterName":"","reporterPhone":""})");
  ASSERT_TRUE(platform.respondTo("POST", "/api/v1/reports/" + otherCode + "/reporters",
                                 {200, R"({"trackingCode":")" + otherCode + R"(","secret":"feedface-00000000-12345678"})", 0, ""}));
  EXPECT_EQ(app.citizenReports().trackedReport(otherCode)->secret, "feedface-00000000-12345678");
}

TEST_F(ReportOfferTest, SendingANewReportAfterAllFilesIt) {
  fillAndSend();
  ASSERT_TRUE(platform.respondTo("GET", kNearbyPath, {200, nearbyAnswer(), 0, ""}));
  frames(1);
  ASSERT_TRUE(tap("report.send_new"));
  ASSERT_NE(queued(), nullptr);
  EXPECT_EQ(queued()->kind, sync::ChangeKind::SubmitReport);
  EXPECT_EQ(queued()->details.title, "Tabrakan di jalan pantura");
  EXPECT_FALSE(app.reportForm().joined());
  EXPECT_EQ(app.reportForm().sentCode(), std::optional<std::string>(queued()->reportId));
}

TEST_F(ReportOfferTest, BackToTheFormKeepsWhatWasTyped) {
  fillAndSend();
  ASSERT_TRUE(platform.respondTo("GET", kNearbyPath, {200, nearbyAnswer(), 0, ""}));
  frames(1);
  ASSERT_TRUE(tap("report.back_to_form"));
  frames(1);
  EXPECT_TRUE(app.outbox().outbox().empty());
  ASSERT_TRUE(tap("report.submit"));
  EXPECT_NE(platform.pendingRequest("GET", kNearbyPath), nullptr) << "the same report is checked again";
}

TEST_F(ReportOfferTest, NoOpenReportNearbySendsTheReportAtOnce) {
  fillAndSend();
  ASSERT_TRUE(platform.respondTo("GET", kNearbyPath, {200, R"({"reports":[]})", 0, ""}));
  ASSERT_NE(queued(), nullptr);
  EXPECT_EQ(queued()->kind, sync::ChangeKind::SubmitReport);
}

TEST_F(ReportOfferTest, AServerErrorDoesNotStopTheReport) {
  fillAndSend();
  ASSERT_TRUE(platform.respondTo("GET", kNearbyPath, {503, R"({"error":{"code":"unavailable","message":"x"}})", 5, ""}));
  ASSERT_NE(queued(), nullptr);
  EXPECT_EQ(queued()->kind, sync::ChangeKind::SubmitReport);
}

TEST_F(ReportOfferTest, OfflineTheReportIsSentWithoutAsking) {
  platform.isOnline = false;
  fillAndSend();
  EXPECT_EQ(platform.pendingRequest("GET", kNearbyPath), nullptr);
  ASSERT_NE(queued(), nullptr);
  EXPECT_EQ(queued()->kind, sync::ChangeKind::SubmitReport);
}

TEST_F(ReportOfferTest, ASlowAnswerIsNotWaitedForAndIsIgnoredWhenItComes) {
  fillAndSend();
  frames(1);
  EXPECT_TRUE(app.outbox().outbox().empty());
  platform.advance(ReportFormPanel::kNearbyCheckTimeoutMs + 1);
  frames(1);
  ASSERT_NE(queued(), nullptr);
  EXPECT_EQ(queued()->kind, sync::ChangeKind::SubmitReport);
  ASSERT_TRUE(platform.respondTo("GET", kNearbyPath, {200, nearbyAnswer(), 0, ""}));
  frames(1);
  EXPECT_TRUE(app.reportForm().offeredReports().empty());
  EXPECT_EQ(app.outbox().outbox().pending().size(), 1u);
}

// ---- the report's photo ----

std::string jpegSegment(unsigned char marker, const std::string& payload) {
  const auto length = static_cast<unsigned>(payload.size() + 2);
  return std::string("\xFF") + static_cast<char>(marker) + static_cast<char>(length >> 8) + static_cast<char>(length & 0xFF) + payload;
}

// A tiny JPEG as a phone writes it: with an Exif block naming where it was taken.
std::string jpegWithGps() {
  using namespace std::string_literals;
  return "\xFF\xD8"s + jpegSegment(0xE1, "Exif\0\0MM\0*\0\0\0\x08"s + "GPSLatitude -6.8705 109.0405") +
         jpegSegment(0xDB, "\x00"s + std::string(64, '\x01')) + jpegSegment(0xC0, "\x08\x00\x10\x00\x10\x01\x01\x11\x00"s) +
         jpegSegment(0xC4, "\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x05"s) +
         jpegSegment(0xDA, "\x01\x01\x00\x00\x3F\x00"s) + "\x12\x34\xFF\x00\x56"s + "\xFF\xD9"s;
}

TEST_F(ReportOfferTest, APickedPhotoLosesItsLocationOnTheDeviceAndWaitsBesideTheReport) {
  openForm();
  ASSERT_TRUE(tap("report.photo.add"));
  ASSERT_EQ(platform.pendingPhotoPicks.size(), 1u);
  platform.answerPhotoPick({PickedPhoto::Outcome::Picked, jpegWithGps(), 16, 16});
  frames(1);
  ASSERT_NE(app.reportForm().photo(), nullptr);
  EXPECT_EQ(app.reportForm().photo()->jpeg.find("GPSLatitude"), std::string::npos);
  EXPECT_TRUE(tagged("report.photo.info").has_value());
  EXPECT_TRUE(tagged("report.photo.remove").has_value());
}

TEST_F(ReportOfferTest, ThePhotoGoesWithTheReportAndIsStoredUnderItsKey) {
  platform.isOnline = false;
  openForm();
  ASSERT_TRUE(tap("report.photo.add"));
  platform.answerPhotoPick({PickedPhoto::Outcome::Picked, jpegWithGps(), 16, 16});
  ASSERT_NE(app.reportForm().photo(), nullptr);
  const std::string attached = app.reportForm().photo()->jpeg;
  fillAndSend(false);
  ASSERT_NE(queued(), nullptr);
  EXPECT_EQ(platform.storedValue(OutboxSender::photoStorageKey(queued()->idempotencyKey)), std::optional<std::string>(attached));
  EXPECT_EQ(app.reportForm().photo(), nullptr) << "the next report starts without it";
}

TEST_F(ReportOfferTest, AnUnreadableOrCancelledPickAttachesNothing) {
  openForm();
  ASSERT_TRUE(tap("report.photo.add"));
  platform.answerPhotoPick({PickedPhoto::Outcome::Cancelled, "", 0, 0});
  EXPECT_EQ(app.reportForm().photo(), nullptr);
  ASSERT_TRUE(tap("report.photo.add"));
  platform.answerPhotoPick({PickedPhoto::Outcome::Unreadable, "", 0, 0});
  EXPECT_EQ(app.reportForm().photo(), nullptr);
  ASSERT_TRUE(tap("report.photo.add"));
  platform.answerPhotoPick({PickedPhoto::Outcome::Picked, "GIF89a not a photo we take", 1, 1});
  EXPECT_EQ(app.reportForm().photo(), nullptr) << "the core refuses the type";
}

}  // namespace
}  // namespace bhabin::ui
