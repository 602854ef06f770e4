// A citizen's reports on this device (ui/citizen_reports.h): filing through the outbox with a device-made
// tracking code, the list kept in device storage, and following a report by code and secret.
#include "ui/citizen_reports.h"

#include <gtest/gtest.h>

#include <cctype>

#include "core/report_fixtures.h"
#include "core/tracking/tracking_code.h"
#include "core/wire/api_requests.h"
#include "fake_platform.h"

namespace bhabin::ui {
namespace {

using testing::FakePlatform;

std::vector<wire::TrackedReport> storedList(const FakePlatform& platform) {
  const auto bytes = platform.storedValue(CitizenReports::kStorageKey);
  if (!bytes) return {};
  auto decoded = wire::decodeTrackedReports(*bytes);
  if (auto* error = std::get_if<wire::ParseError>(&decoded)) {
    ADD_FAILURE() << "the stored list does not decode: " << error->message;
    return {};
  }
  return std::get<std::vector<wire::TrackedReport>>(decoded);
}

// GET /api/v1/track/CODE as api::writePublicReport writes it.
std::string publicReportBody(const std::string& code, const std::string& status = "received") {
  return R"({"trackingCode":")" + code +
         R"(","category":"traffic_accident","title":"Tabrakan di jalan pantura",)"
         R"("description":"Dua sepeda motor bertabrakan dekat pasar.","incidentAtUnixMs":1714528800000,)"
         R"("villageCode":"33.29.01.2001","status":")" +
         status +
         R"(","createdAtUnixMs":1714532400000,"updatedAtUnixMs":1714532460000,)"
         R"("position":{"latDeg":-6.8694,"lonDeg":109.0419},"assignedOfficer":null,)"
         R"("timeline":[{"action":"submit","status":"submitted","atUnixMs":1714532400000,"actorRole":"citizen","note":""},)"
         R"({"action":"receive","status":"received","atUnixMs":1714532460000,"actorRole":"officer","note":""}]})";
}

class CitizenReportsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    outbox.restore();
    reports.restore();  // as the app does at start; nothing is stored yet
  }

  // The details of a validated report, without a tracking code yet.
  static report::ReportDetails details(const std::string& title = "Tabrakan di jalan pantura") {
    report::ReportDetails details = testing::validDetails(1);
    details.trackingCode.clear();
    details.title = title;
    return details;
  }

  FakePlatform platform;
  OutboxSender outbox{platform, {}};
  CitizenReports reports{platform, outbox};
};

TEST_F(CitizenReportsTest, SubmitGivesAValidTrackingCodeOfTheVillagesRegency) {
  const auto code = reports.submit(details());
  ASSERT_TRUE(code.has_value());
  auto parsed = tracking::parseTrackingCode(*code);
  ASSERT_TRUE(std::holds_alternative<tracking::TrackingCode>(parsed)) << *code;
  EXPECT_EQ(std::get<tracking::TrackingCode>(parsed).text, *code) << "already canonical";
  EXPECT_EQ(std::get<tracking::TrackingCode>(parsed).regencyDigits(), "3329");
}

TEST_F(CitizenReportsTest, AVillageInAnotherRegencyGivesThatRegencysPrefix) {
  report::ReportDetails other = details();
  other.villageCode = "51.71.01.1001";
  const auto code = reports.submit(other);
  ASSERT_TRUE(code.has_value());
  EXPECT_EQ(code->substr(0, 5), "5171-");
}

TEST_F(CitizenReportsTest, SubmitRecordsTheCodeWithoutASecretAndPersistsIt) {
  const auto code = reports.submit(details());
  ASSERT_TRUE(code.has_value());
  ASSERT_EQ(reports.tracked().size(), 1u);
  EXPECT_EQ(reports.tracked()[0].trackingCode, *code);
  EXPECT_EQ(reports.tracked()[0].secret, "");
  EXPECT_EQ(reports.tracked()[0].title, "Tabrakan di jalan pantura");
  EXPECT_EQ(reports.tracked()[0].createdAtUnixMs, platform.now);
  ASSERT_NE(reports.trackedReport(*code), nullptr);

  const auto stored = storedList(platform);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].trackingCode, *code);
  EXPECT_EQ(stored[0].secret, "");
}

TEST_F(CitizenReportsTest, SubmitQueuesASubmitChangeCarryingTheCode) {
  const report::ReportDetails filed = details();
  const auto code = reports.submit(filed);
  ASSERT_TRUE(code.has_value());
  ASSERT_EQ(outbox.outbox().pending().size(), 1u);
  const sync::Change& change = outbox.outbox().pending().front();
  EXPECT_EQ(change.kind, sync::ChangeKind::SubmitReport);
  EXPECT_EQ(change.reportId, *code);
  EXPECT_EQ(change.details.trackingCode, *code);
  EXPECT_EQ(change.details.title, filed.title);
  EXPECT_EQ(change.details.villageCode, filed.villageCode);
  EXPECT_EQ(change.actor.role, report::Role::Citizen);
  EXPECT_EQ(change.createdAtUnixMs, platform.now);
  EXPECT_EQ(change.idempotencyKey.size(), 32u);

  outbox.pump();
  ASSERT_EQ(platform.requests.size(), 1u);
  EXPECT_EQ(platform.requests[0].body, wire::encodeCreateReportRequest(change.details));
  EXPECT_NE(platform.requests[0].body.find("\"trackingCode\":\"" + *code + "\""), std::string::npos);
}

TEST_F(CitizenReportsTest, APhotoIsStoredBesideTheReportBeforeTheReportIsQueued) {
  const std::string photo = "\xFF\xD8\xFF jpeg bytes";
  bool saved = false;
  ASSERT_TRUE(reports.submit(details(), photo, [&saved](bool ok) { saved = ok; }).has_value());
  EXPECT_TRUE(saved);
  const sync::Change& change = outbox.outbox().pending().front();
  const std::string photoKey = OutboxSender::photoStorageKey(change.idempotencyKey);
  EXPECT_EQ(platform.storedValue(photoKey), std::optional<std::string>(photo));
  EXPECT_EQ(change.details.photoRef, "") << "the ref comes from the upload";
  std::vector<std::string> order;
  for (const auto& call : platform.saves) {
    if (call.key == photoKey || call.key == OutboxSender::kStorageKey) order.push_back(call.key);
  }
  EXPECT_EQ(order, (std::vector<std::string>{photoKey, OutboxSender::kStorageKey}));
}

TEST_F(CitizenReportsTest, APhotoTheDeviceCannotStoreIsReported) {
  platform.failSaves = true;
  bool saved = true;
  ASSERT_TRUE(reports.submit(details(), std::string("\xFF\xD8\xFF"), [&saved](bool ok) { saved = ok; }).has_value());
  EXPECT_FALSE(saved);
}

TEST_F(CitizenReportsTest, EveryReportGetsItsOwnCodeAndKeyNewestFirst) {
  const auto first = reports.submit(details("Banjir di pasar lama"));
  const auto second = reports.submit(details("Pohon tumbang di jalan"));
  ASSERT_TRUE(first && second);
  EXPECT_NE(*first, *second);
  ASSERT_EQ(reports.tracked().size(), 2u);
  EXPECT_EQ(reports.tracked()[0].trackingCode, *second);
  EXPECT_EQ(reports.tracked()[1].trackingCode, *first);
  ASSERT_EQ(outbox.outbox().pending().size(), 2u);
  EXPECT_NE(outbox.outbox().pending()[0].idempotencyKey, outbox.outbox().pending()[1].idempotencyKey);
  EXPECT_EQ(outbox.outbox().pending()[0].reportId, *first) << "the outbox sends the oldest first";
  EXPECT_EQ(storedList(platform).size(), 2u);
}

TEST_F(CitizenReportsTest, AVillageCodeWithoutARegencyGivesNoCodeAndQueuesNothing) {
  report::ReportDetails bad = details();
  bad.villageCode = "";
  EXPECT_FALSE(reports.submit(bad).has_value());
  bad.villageCode = "33";
  EXPECT_FALSE(reports.submit(bad).has_value());
  EXPECT_TRUE(reports.tracked().empty());
  EXPECT_TRUE(outbox.outbox().empty());
}

TEST_F(CitizenReportsTest, CreatedFillsInTheSecretAndPersistsIt) {
  const auto code = reports.submit(details());
  ASSERT_TRUE(code.has_value());
  const sync::Change change = outbox.outbox().pending().front();
  wire::CreationAnswer answer;
  answer.trackingCode = *code;
  answer.secret = "0a1b2c3d-4e5f6071-8293a4b5";
  reports.created(change, answer);
  ASSERT_EQ(reports.tracked().size(), 1u);
  EXPECT_EQ(reports.tracked()[0].secret, "0a1b2c3d-4e5f6071-8293a4b5");
  const auto stored = storedList(platform);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].secret, "0a1b2c3d-4e5f6071-8293a4b5");
}

TEST_F(CitizenReportsTest, TheOutboxsCreatedAnswerReachesTheListThroughTheListener) {
  FakePlatform device;
  CitizenReports* citizen = nullptr;
  OutboxSender sender(device, OutboxListener{[&citizen](const sync::Change& change, const wire::CreationAnswer& answer) {
                                               citizen->created(change, answer);
                                             },
                                             {},
                                             {},
                                             {},
                                             {}});
  CitizenReports mine(device, sender);
  citizen = &mine;
  sender.restore();
  mine.restore();
  const auto code = mine.submit(details());
  ASSERT_TRUE(code.has_value());
  sender.pump();
  device.respond(201, R"({"trackingCode":")" + *code +
                          R"(","secret":"feedface-00000000-12345678","status":"submitted","villageCode":"33.29.01.2001",)"
                          R"("assignmentReason":"responsible_available","assignedOfficer":null,"duplicates":[]})");
  EXPECT_EQ(mine.trackedReport(*code)->secret, "feedface-00000000-12345678");
  EXPECT_EQ(storedList(device).at(0).secret, "feedface-00000000-12345678");
}

TEST_F(CitizenReportsTest, CreatedForAReportNotInTheListAddsIt) {
  sync::Change change;
  change.reportId = testing::trackingCodeFor(5);
  change.details.title = "Kebakaran gudang";
  change.createdAtUnixMs = 1714532400000;
  wire::CreationAnswer answer;
  answer.trackingCode = change.reportId;
  answer.secret = "s";
  reports.created(change, answer);
  ASSERT_EQ(reports.tracked().size(), 1u);
  EXPECT_EQ(reports.tracked()[0].trackingCode, testing::trackingCodeFor(5));
  EXPECT_EQ(reports.tracked()[0].title, "Kebakaran gudang");
  EXPECT_EQ(reports.tracked()[0].secret, "s");
  EXPECT_EQ(storedList(platform).size(), 1u);
}

TEST_F(CitizenReportsTest, RestoreReadsTheStoredList) {
  const std::vector<wire::TrackedReport> kept{{testing::trackingCodeFor(1), "aaaa", "Banjir", 1714532400000},
                                              {testing::trackingCodeFor(2), "", "Pencurian motor", 1714532300000}};
  platform.stored[CitizenReports::kStorageKey] = wire::encodeTrackedReports(kept);
  CitizenReports restored(platform, outbox);
  restored.restore();
  ASSERT_EQ(restored.tracked().size(), 2u);
  EXPECT_EQ(restored.tracked()[0].trackingCode, testing::trackingCodeFor(1));
  EXPECT_EQ(restored.tracked()[0].secret, "aaaa");
  EXPECT_EQ(restored.tracked()[0].title, "Banjir");
  EXPECT_EQ(restored.tracked()[0].createdAtUnixMs, 1714532400000);
  EXPECT_EQ(restored.tracked()[1].trackingCode, testing::trackingCodeFor(2));
  EXPECT_EQ(restored.tracked()[1].secret, "");
}

// The tab closed after the outbox was saved but before the list was: the next start still lists the report,
// whichever of the two stores is read first.
TEST_F(CitizenReportsTest, AReportStillInTheOutboxIsListedWhenTheListLostIt) {
  for (const bool outboxFirst : {true, false}) {
    SCOPED_TRACE(outboxFirst ? "outbox read first" : "list read first");
    FakePlatform device;
    const std::vector<wire::TrackedReport> kept{{testing::trackingCodeFor(1), "aaaa", "Banjir", 1714532300000}};
    device.stored[CitizenReports::kStorageKey] = wire::encodeTrackedReports(kept);
    std::string queuedCode;
    {
      OutboxSender before(device, {});
      CitizenReports filed(device, before);
      before.restore();
      filed.restore();
      device.now = 1714532400000;
      queuedCode = filed.submit(details("Pohon tumbang di jalan")).value();
    }
    device.stored[CitizenReports::kStorageKey] = wire::encodeTrackedReports(kept);  // the list's save was lost

    device.loadImmediately = false;
    CitizenReports* citizen = nullptr;
    OutboxSender sender(device, OutboxListener{{}, {}, {}, [&citizen] { citizen->adoptQueuedReports(); }, {}});
    CitizenReports mine(device, sender);
    citizen = &mine;
    if (outboxFirst) {
      sender.restore();
      mine.restore();
    } else {
      mine.restore();
      sender.restore();
    }
    device.completeLoads();

    ASSERT_EQ(mine.tracked().size(), 2u);
    EXPECT_EQ(mine.tracked()[0].trackingCode, queuedCode) << "newest first";
    EXPECT_EQ(mine.tracked()[0].title, "Pohon tumbang di jalan");
    EXPECT_EQ(mine.tracked()[0].secret, "");
    EXPECT_EQ(mine.tracked()[1].trackingCode, testing::trackingCodeFor(1));
    EXPECT_EQ(storedList(device).size(), 2u) << "the repaired list is saved";
  }
}

TEST_F(CitizenReportsTest, RestoreOfNothingOrOfDamagedBytesLeavesTheListEmpty) {
  reports.restore();
  EXPECT_TRUE(reports.tracked().empty());
  platform.stored[CitizenReports::kStorageKey] = "{\"reports\":[{\"trackingCode\":1}]}";
  CitizenReports damaged(platform, outbox);
  damaged.restore();
  EXPECT_TRUE(damaged.tracked().empty());
}

TEST_F(CitizenReportsTest, AReportFiledWhileTheListIsReadIsKeptWithTheStoredOnes) {
  platform.stored[CitizenReports::kStorageKey] =
      wire::encodeTrackedReports({{testing::trackingCodeFor(1), "aaaa", "Banjir", 1714532400000}});
  platform.loadImmediately = false;
  CitizenReports later(platform, outbox);
  later.restore();
  const auto code = later.submit(details());
  platform.completeLoads();
  ASSERT_TRUE(code.has_value());
  ASSERT_EQ(later.tracked().size(), 2u);
  EXPECT_NE(later.trackedReport(*code), nullptr);
  EXPECT_NE(later.trackedReport(testing::trackingCodeFor(1)), nullptr);
}

// submit() before restore() is answered once saved a list holding only the new report over the stored one
// (checked: this test failed then); the save now waits for restore() to merge.
TEST_F(CitizenReportsTest, AReportFiledWhileTheListIsReadIsPersistedWithTheStoredOnes) {
  platform.stored[CitizenReports::kStorageKey] =
      wire::encodeTrackedReports({{testing::trackingCodeFor(1), "aaaa", "Banjir", 1714532400000}});
  platform.loadImmediately = false;
  CitizenReports later(platform, outbox);
  later.restore();
  const auto code = later.submit(details());
  platform.completeLoads();
  ASSERT_TRUE(code.has_value());
  EXPECT_EQ(storedList(platform).size(), 2u);
}

TEST_F(CitizenReportsTest, TrackSendsTheCanonicalCodeAndTheSecretHeader) {
  const std::string code = testing::trackingCodeFor(1);
  std::string typed = code;
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  reports.track(" " + typed + " ", "0a1b2c3d-4e5f6071-8293a4b5");
  ASSERT_EQ(platform.requests.size(), 1u);
  EXPECT_EQ(platform.requests[0].method, "GET");
  EXPECT_EQ(platform.requests[0].path, "/api/v1/track/" + code);
  EXPECT_EQ(platform.requests[0].headers.at("X-Report-Secret"), "0a1b2c3d-4e5f6071-8293a4b5");
  EXPECT_TRUE(platform.requests[0].body.empty());
  ASSERT_NE(reports.trackResult(code), nullptr);
  EXPECT_EQ(reports.trackResult(code)->state, TrackResult::State::Loading);
}

TEST_F(CitizenReportsTest, AFoundReportIsDecodedAndKept) {
  const std::string code = testing::trackingCodeFor(1);
  reports.track(code, "secret");
  platform.advance(5000);
  platform.respond(200, publicReportBody(code));
  const TrackResult* result = reports.trackResult(code);
  ASSERT_NE(result, nullptr);
  EXPECT_EQ(result->state, TrackResult::State::Found);
  ASSERT_TRUE(result->report.has_value());
  EXPECT_EQ(result->report->trackingCode, code);
  EXPECT_EQ(result->report->status, report::Status::Received);
  EXPECT_EQ(result->report->timeline.size(), 2u);
  EXPECT_EQ(result->fetchedAtUnixMs, platform.now);
}

TEST_F(CitizenReportsTest, AnUnknownCodeOrSecretIsNotFoundWithTheServersMessage) {
  const std::string code = testing::trackingCodeFor(1);
  reports.track(code, "wrong");
  platform.respond(404, R"({"error":{"code":"report_not_found","message":"Laporan dengan kode dan kunci itu tidak ditemukan.","fields":[]}})");
  const TrackResult* result = reports.trackResult(code);
  ASSERT_NE(result, nullptr);
  EXPECT_EQ(result->state, TrackResult::State::NotFound);
  EXPECT_EQ(result->problem, "Laporan dengan kode dan kunci itu tidak ditemukan.");
  EXPECT_FALSE(result->report.has_value());
}

TEST_F(CitizenReportsTest, ANetworkFailureKeepsTheLastReportShown) {
  const std::string code = testing::trackingCodeFor(1);
  reports.track(code, "secret");
  platform.respond(200, publicReportBody(code));
  reports.track(code, "secret");
  platform.advance(60000);
  platform.respond(0, "");
  const TrackResult* result = reports.trackResult(code);
  ASSERT_NE(result, nullptr);
  EXPECT_EQ(result->state, TrackResult::State::Failed);
  EXPECT_EQ(result->problem, "") << "no answer: the panel says there is no network";
  ASSERT_TRUE(result->report.has_value());
  EXPECT_EQ(result->report->status, report::Status::Received);
  EXPECT_EQ(result->fetchedAtUnixMs, platform.now);
}

TEST_F(CitizenReportsTest, ANewerAnswerReplacesTheReportShown) {
  const std::string code = testing::trackingCodeFor(1);
  reports.track(code, "secret");
  platform.respond(200, publicReportBody(code));
  reports.track(code, "secret");
  const std::string resolved = R"(,{"action":"start","status":"in_process","atUnixMs":1714532500000,"actorRole":"officer","note":""},)"
                               R"({"action":"resolve","status":"resolved","atUnixMs":1714532600000,"actorRole":"officer","note":"Selesai"}]})";
  std::string body = publicReportBody(code, "resolved");
  body.replace(body.size() - 2, 2, resolved);
  platform.respond(200, body);
  const TrackResult* result = reports.trackResult(code);
  ASSERT_NE(result, nullptr);
  EXPECT_EQ(result->state, TrackResult::State::Found);
  EXPECT_EQ(result->report->status, report::Status::Resolved);
  ASSERT_EQ(result->report->timeline.size(), 4u);
  EXPECT_EQ(result->report->timeline.back().note, "Selesai");
}

TEST_F(CitizenReportsTest, AnAnswerThatDoesNotDecodeIsAFailureNamingTheProblem) {
  const std::string code = testing::trackingCodeFor(1);
  reports.track(code, "secret");
  platform.respond(200, R"({"trackingCode":")" + code + R"("})");
  const TrackResult* result = reports.trackResult(code);
  ASSERT_NE(result, nullptr);
  EXPECT_EQ(result->state, TrackResult::State::Failed);
  EXPECT_NE(result->problem.find("\"category\""), std::string::npos) << result->problem;
}

// Checked once that this bites: with the secret header left off the request, it fails.
TEST_F(CitizenReportsTest, ConfirmPostsTheRatingWithSecretAndKeyAndShowsTheClosedReport) {
  const std::string code = testing::trackingCodeFor(1);
  reports.confirm(code, "secret", 4);
  reports.confirm(code, "secret", 4);
  ASSERT_EQ(platform.requests.size(), 1u) << "one answer at a time";
  const HttpRequest& sent = platform.requests[0];
  EXPECT_EQ(sent.method, "POST");
  EXPECT_EQ(sent.path, "/api/v1/track/" + code + "/confirm");
  EXPECT_EQ(sent.headers.at("X-Report-Secret"), "secret");
  EXPECT_EQ(sent.headers.at("Idempotency-Key").size(), sync::makeIdempotencyKey({}).size());
  EXPECT_EQ(sent.body, R"({"rating":4})");
  EXPECT_TRUE(reports.trackResult(code)->answering);
  platform.respond(200, publicReportBody(code, "closed"));
  const TrackResult* result = reports.trackResult(code);
  EXPECT_FALSE(result->answering);
  EXPECT_FALSE(result->answerFailed);
  EXPECT_EQ(result->report->status, report::Status::Closed);
}

TEST_F(CitizenReportsTest, ARefusedReopenKeepsTheReportAndSaysWhy) {
  const std::string code = testing::trackingCodeFor(1);
  reports.track(code, "secret");
  platform.respond(200, publicReportBody(code, "resolved"));
  reports.reopen(code, "secret", "Motor belum kembali");
  EXPECT_EQ(platform.requests[1].path, "/api/v1/track/" + code + "/reopen");
  EXPECT_EQ(platform.requests[1].body, R"({"reason":"Motor belum kembali"})");
  platform.respond(409, R"({"error":{"code":"confirm_window_passed","message":"Batas waktu konfirmasi sudah lewat.","fields":[]}})");
  const TrackResult* result = reports.trackResult(code);
  EXPECT_TRUE(result->answerFailed);
  EXPECT_EQ(result->answerProblem, "Batas waktu konfirmasi sudah lewat.");
  EXPECT_EQ(result->state, TrackResult::State::Found);
  EXPECT_EQ(result->report->status, report::Status::Resolved) << "the last report stays shown";
}

TEST_F(CitizenReportsTest, AMistypedCodeIsNotLookedUp) {
  std::string code = testing::trackingCodeFor(1);
  code[7] = code[7] == 'A' ? 'B' : 'A';
  reports.track(code, "secret");
  EXPECT_TRUE(platform.requests.empty());
  EXPECT_EQ(reports.trackResult(code), nullptr);
}

TEST(CanonicalTrackingCode, AcceptsLowerCaseSpacesAndMissingHyphens) {
  const std::string code = testing::trackingCodeFor(1);
  std::string lower = code;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(canonicalTrackingCode(lower), code);
  std::string spaced;
  for (char c : code) spaced += c == '-' ? ' ' : c;
  EXPECT_EQ(canonicalTrackingCode("  " + spaced + " "), code);
  std::string bare;
  for (char c : code) {
    if (c != '-') bare += c;
  }
  EXPECT_EQ(canonicalTrackingCode(bare), code);
}

TEST(CanonicalTrackingCode, RefusesAMistypedCharacterASwapAndAWrongLength) {
  const std::string code = testing::trackingCodeFor(1);
  std::string typo = code;
  typo[10] = typo[10] == '7' ? '8' : '7';
  EXPECT_EQ(canonicalTrackingCode(typo), std::nullopt) << typo;
  std::string swapped = code;
  std::size_t at = 5;
  while (swapped[at] == swapped[at + 1]) ++at;
  std::swap(swapped[at], swapped[at + 1]);
  EXPECT_EQ(canonicalTrackingCode(swapped), std::nullopt) << swapped;
  EXPECT_EQ(canonicalTrackingCode(code.substr(0, code.size() - 1)), std::nullopt);
  EXPECT_EQ(canonicalTrackingCode(""), std::nullopt);
  EXPECT_EQ(canonicalTrackingCode(code + "X"), std::nullopt);
}

}  // namespace
}  // namespace bhabin::ui
