// The device's outbox at work (ui/outbox_sender.h): saved first, sent oldest first one at a time with its
// idempotency key, retried with backoff, settled by the server's answer.
#include "ui/outbox_sender.h"

#include <gtest/gtest.h>

#include "core/report/status_machine.h"
#include "core/report_fixtures.h"
#include "core/wire/api_requests.h"
#include "core/wire/report_codec.h"
#include "core/wire/sync_codec.h"
#include "fake_platform.h"

namespace bhabin::ui {
namespace {

using testing::FakePlatform;

using testing::submitChange;

sync::Change moveChange(std::uint8_t seed, report::Action action, std::string note, std::string handOverTo = {}) {
  sync::Change change;
  change.idempotencyKey = sync::makeIdempotencyKey({seed, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9});
  change.kind = sync::ChangeKind::ApplyMove;
  change.actor = testing::officer();
  change.createdAtUnixMs = testing::kNowUnixMs;
  change.reportId = testing::trackingCodeFor(seed);
  change.action = action;
  change.note = std::move(note);
  change.handOverToNrp = std::move(handOverTo);
  return change;
}

// Reports::create's answer, as the server writes it.
std::string creationBody(const std::string& code) {
  return R"({"trackingCode":")" + code +
         R"(","secret":"0a1b2c3d-4e5f6071-8293a4b5","status":"submitted","villageCode":"33.29.01.2001",)"
         R"("assignmentReason":"responsible_available",)"
         R"("assignedOfficer":{"nrp":"85010001","name":"Bripka Joko Santoso","phone":"+6281234567890","regencyCode":"33.29"},)"
         R"("duplicates":[]})";
}

std::string errorBody(const std::string& code, const std::string& message) {
  return R"({"error":{"code":")" + code + R"(","message":")" + message + R"(","fields":[]}})";
}

// The changes of the outbox the store holds, by key.
std::vector<std::string> storedKeys(const FakePlatform& platform) {
  const auto bytes = platform.storedValue(OutboxSender::kStorageKey);
  if (!bytes) return {};
  auto decoded = wire::decodeOutboxBinary(*bytes);
  if (auto* error = std::get_if<wire::ParseError>(&decoded)) {
    ADD_FAILURE() << "the stored outbox does not decode: " << error->message;
    return {};
  }
  std::vector<std::string> keys;
  for (const sync::Change& change : std::get<sync::Outbox>(decoded).pending()) keys.push_back(change.idempotencyKey);
  return keys;
}

std::vector<std::string> keysOf(const OutboxSender& sender) {
  std::vector<std::string> keys;
  for (const sync::Change& change : sender.outbox().pending()) keys.push_back(change.idempotencyKey);
  return keys;
}

struct Recorded {
  std::vector<std::pair<sync::Change, wire::CreationAnswer>> created;
  std::vector<std::pair<std::string, wire::StaffReportView>> moved;
  std::vector<RefusedChange> refused;
  int restored = 0;
  std::vector<sync::Change> visits;
};

OutboxListener recordingListener(Recorded& recorded) {
  return OutboxListener{
      [&recorded](const sync::Change& change, const wire::CreationAnswer& answer) { recorded.created.emplace_back(change, answer); },
      [&recorded](const sync::Change&, const std::string& outcome, const wire::StaffReportView& view) {
        recorded.moved.emplace_back(outcome, view);
      },
      [&recorded](const RefusedChange& refused) { recorded.refused.push_back(refused); },
      [&recorded] { ++recorded.restored; },
      [&recorded](const sync::Change& change) { recorded.visits.push_back(change); }};
}

class OutboxSenderTest : public ::testing::Test {
 protected:
  // A sender whose (empty) store has been read.
  void restoreEmpty() {
    sender.restore();
    ASSERT_EQ(sender.status().phase, SyncPhase::Idle);
  }
  // Fails the change in flight with "no network" and returns how long the sender then waits.
  std::int64_t failAndMeasureWait(const ui::HttpResponse& response = {}) {
    EXPECT_EQ(platform.pending.size(), 1u);
    platform.respond(response);
    const SyncStatus status = sender.status();
    EXPECT_EQ(status.phase, SyncPhase::Waiting);
    return status.nextAttemptAtUnixMs - platform.now;
  }

  FakePlatform platform;
  Recorded recorded;
  OutboxSender sender{platform, recordingListener(recorded)};
};

TEST_F(OutboxSenderTest, NothingIsSentBeforeTheStoredOutboxHasBeenRead) {
  platform.loadImmediately = false;
  sender.restore();
  sender.queue(submitChange(1));
  sender.pump();
  EXPECT_TRUE(platform.requests.empty());
  EXPECT_EQ(sender.status().phase, SyncPhase::Loading);

  EXPECT_EQ(recorded.restored, 0);
  platform.completeLoads();
  platform.loadImmediately = true;  // the photo lookup before a report is sent
  EXPECT_EQ(recorded.restored, 1) << "the listener hears when the outbox has been read";
  EXPECT_EQ(sender.status().phase, SyncPhase::Waiting);
  sender.pump();
  ASSERT_EQ(platform.requests.size(), 1u);
  EXPECT_EQ(platform.requests[0].path, "/api/v1/reports");
}

TEST_F(OutboxSenderTest, AQueuedReportIsSavedToTheDeviceBeforeItIsSent) {
  restoreEmpty();
  const sync::Change change = submitChange(1);
  std::optional<bool> saved;
  sender.queue(change, [&saved](bool ok) { saved = ok; });
  EXPECT_EQ(saved, std::optional<bool>(true));
  EXPECT_TRUE(platform.requests.empty()) << "queue() only saves; pump() sends";

  const auto bytes = platform.storedValue(OutboxSender::kStorageKey);
  ASSERT_TRUE(bytes.has_value());
  auto decoded = wire::decodeOutboxBinary(*bytes);
  ASSERT_TRUE(std::holds_alternative<sync::Outbox>(decoded));
  const auto& stored = std::get<sync::Outbox>(decoded).pending();
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].idempotencyKey, change.idempotencyKey);
  EXPECT_EQ(stored[0].kind, sync::ChangeKind::SubmitReport);
  EXPECT_EQ(stored[0].details.trackingCode, change.details.trackingCode);
  EXPECT_EQ(stored[0].details.title, change.details.title);
}

TEST_F(OutboxSenderTest, AReportIsPostedToReportsWithItsIdempotencyKeyAndTheCreateBody) {
  restoreEmpty();
  const sync::Change change = submitChange(1);
  sender.queue(change);
  sender.pump();
  ASSERT_EQ(platform.requests.size(), 1u);
  const HttpRequest& request = platform.requests[0];
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.path, "/api/v1/reports");
  EXPECT_EQ(request.headers.at("Idempotency-Key"), change.idempotencyKey);
  EXPECT_EQ(request.headers.at("Content-Type"), "application/json");
  EXPECT_EQ(request.body, wire::encodeCreateReportRequest(change.details));
  EXPECT_EQ(sender.status().phase, SyncPhase::Sending);
  EXPECT_TRUE(sender.isSending(change.idempotencyKey));
}

TEST_F(OutboxSenderTest, AMoveIsPostedToTheReportsMovesWithTheMoveBody) {
  restoreEmpty();
  const sync::Change change = moveChange(4, report::Action::HandOver, "Di luar wilayah saya", "85010002");
  sender.queue(change);
  sender.pump();
  ASSERT_EQ(platform.requests.size(), 1u);
  const HttpRequest& request = platform.requests[0];
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.path, "/api/v1/reports/" + testing::trackingCodeFor(4) + "/moves");
  EXPECT_EQ(request.headers.at("Idempotency-Key"), change.idempotencyKey);
  EXPECT_EQ(request.body, wire::encodeMoveRequest(report::Action::HandOver, "Di luar wilayah saya", "85010002"));
}

sync::Change visitChange() {
  sync::Change change;
  change.idempotencyKey = sync::makeIdempotencyKey({7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7});
  change.kind = sync::ChangeKind::LogVisit;
  change.actor = testing::officer();
  change.createdAtUnixMs = testing::kNowUnixMs;
  change.visit = {"85010001", testing::kNowUnixMs, {-6.8694, 109.0419}, "Pos ronda RT 03", {domain::VisitTopic::Keamanan}, ""};
  return change;
}

TEST_F(OutboxSenderTest, AVisitIsPostedToVisitsAndItsAnswerReachesTheListener) {
  restoreEmpty();
  const sync::Change change = visitChange();
  sender.queue(change);
  EXPECT_EQ(storedKeys(platform), std::vector<std::string>{change.idempotencyKey}) << "kept on the device first";
  sender.pump();
  ASSERT_EQ(platform.requests.size(), 1u);
  EXPECT_EQ(platform.requests[0].path, "/api/v1/visits");
  EXPECT_EQ(platform.requests[0].headers.at("Idempotency-Key"), change.idempotencyKey);
  EXPECT_EQ(platform.requests[0].body, wire::encodeVisitRequest(change.visit));
  platform.respond(201, R"({"visitId":"v1"})");
  ASSERT_EQ(recorded.visits.size(), 1u);
  EXPECT_EQ(recorded.visits[0].idempotencyKey, change.idempotencyKey);
  EXPECT_TRUE(recorded.created.empty());
  EXPECT_TRUE(sender.outbox().empty());
}

TEST_F(OutboxSenderTest, AVisitWaitsForTheNextLoginWhenTheSessionEnded) {
  restoreEmpty();
  sender.queue(visitChange());
  sender.pump();
  platform.respond(401, errorBody("unauthenticated", "Silakan masuk lagi"));
  EXPECT_EQ(sender.status().phase, SyncPhase::Blocked);
  EXPECT_EQ(sender.outbox().pending().size(), 1u);
  EXPECT_TRUE(recorded.visits.empty());
}

TEST_F(OutboxSenderTest, OnlyOneChangeIsInFlightAndTheOldestGoesFirst) {
  restoreEmpty();
  const sync::Change first = submitChange(1);
  const sync::Change second = moveChange(1, report::Action::Note, "Saya lihat pelakunya");
  sender.queue(first);
  sender.queue(second);
  sender.pump();
  sender.pump();
  sender.pump();
  ASSERT_EQ(platform.requests.size(), 1u);
  EXPECT_EQ(platform.requests[0].headers.at("Idempotency-Key"), first.idempotencyKey);

  platform.respond(201, creationBody(first.reportId));
  sender.pump();
  ASSERT_EQ(platform.requests.size(), 2u);
  EXPECT_EQ(platform.requests[1].headers.at("Idempotency-Key"), second.idempotencyKey);
  EXPECT_EQ(platform.requests[1].path, "/api/v1/reports/" + first.reportId + "/moves");
}

TEST_F(OutboxSenderTest, ACreatedAnswerIsHandedOnAndTheChangeLeavesTheOutboxAndTheStore) {
  restoreEmpty();
  const sync::Change change = submitChange(1);
  sender.queue(change);
  sender.pump();
  platform.respond(201, creationBody(change.reportId));

  ASSERT_EQ(recorded.created.size(), 1u);
  EXPECT_EQ(recorded.created[0].first.idempotencyKey, change.idempotencyKey);
  EXPECT_EQ(recorded.created[0].second.trackingCode, change.reportId);
  EXPECT_EQ(recorded.created[0].second.secret, "0a1b2c3d-4e5f6071-8293a4b5");
  EXPECT_EQ(recorded.created[0].second.assignmentReason, "responsible_available");
  ASSERT_TRUE(recorded.created[0].second.assignedOfficer.has_value());
  EXPECT_EQ(recorded.created[0].second.assignedOfficer->nrp, "85010001");
  EXPECT_TRUE(sender.outbox().empty());
  EXPECT_TRUE(platform.storedValue(OutboxSender::kStorageKey).has_value());
  EXPECT_TRUE(storedKeys(platform).empty()) << "the empty outbox is saved";
  EXPECT_EQ(sender.status().phase, SyncPhase::Idle);
  EXPECT_EQ(sender.status().waiting, 0u);

  sender.pump();
  EXPECT_EQ(platform.requests.size(), 1u) << "nothing more to send";
}

TEST_F(OutboxSenderTest, AnAppliedMoveIsHandedOnWithItsOutcome) {
  restoreEmpty();
  const sync::Change change = moveChange(1, report::Action::Receive, "");
  sender.queue(change);
  sender.pump();
  report::Report report = report::StatusMachine::submit(testing::validDetails(1), testing::citizen(), testing::kNowUnixMs, "85010001");
  ASSERT_FALSE(report::StatusMachine::apply(report, {report::Action::Receive, testing::officer(), testing::kNowUnixMs + 1000, "", ""}));
  const std::string body = R"({"outcome":"applied","message":"","report":{"report":)" + wire::encodeReportJson(report) +
                           R"(,"changeSeq":3,"assignedOfficer":null,"reporters":[],"allowedMoves":["start","note"]}})";
  platform.respond(200, body);
  ASSERT_EQ(recorded.moved.size(), 1u);
  EXPECT_EQ(recorded.moved[0].first, "applied");
  EXPECT_EQ(recorded.moved[0].second.report.status(), report::Status::Received);
  EXPECT_TRUE(sender.outbox().empty());
}

TEST_F(OutboxSenderTest, AMoveOvertakenByAnotherIsTakenOutShowingTheReportAsItStands) {
  restoreEmpty();
  const sync::Change change = moveChange(1, report::Action::Reject, "Laporan palsu");
  sender.queue(change);
  sender.pump();
  report::Report report = report::StatusMachine::submit(testing::validDetails(1), testing::citizen(), testing::kNowUnixMs, "85010001");
  for (report::Action action : {report::Action::Receive, report::Action::Start, report::Action::Resolve}) {
    ASSERT_FALSE(report::StatusMachine::apply(report, {action, testing::officer(), testing::kNowUnixMs + 1000, "Selesai", ""}));
  }
  const std::string body = R"({"outcome":"refused","message":"report is resolved","report":{"report":)" + wire::encodeReportJson(report) +
                           R"(,"changeSeq":4,"assignedOfficer":null,"reporters":[],"allowedMoves":[]}})";
  platform.respond(409, body);
  ASSERT_EQ(recorded.moved.size(), 1u) << "the report as it stands replaces the one shown";
  EXPECT_EQ(recorded.moved[0].second.report.status(), report::Status::Resolved);
  ASSERT_EQ(recorded.refused.size(), 1u);
  EXPECT_EQ(recorded.refused[0].error.code, "move_refused");
  EXPECT_EQ(recorded.refused[0].error.message, "report is resolved");
  EXPECT_TRUE(sender.outbox().empty()) << "never sent again";
}

TEST_F(OutboxSenderTest, ANetworkFailureKeepsTheChangeAndRetriesAfterOneSecondWithTheSameKey) {
  restoreEmpty();
  const sync::Change change = submitChange(1);
  sender.queue(change);
  sender.pump();
  EXPECT_EQ(failAndMeasureWait(), 1000);
  EXPECT_EQ(keysOf(sender), std::vector<std::string>{change.idempotencyKey});
  EXPECT_EQ(storedKeys(platform), std::vector<std::string>{change.idempotencyKey});
  EXPECT_TRUE(recorded.refused.empty());
  EXPECT_EQ(sender.status().lastProblem, "") << "no answer at all: the UI says offline";

  platform.advance(999);
  sender.pump();
  EXPECT_EQ(platform.requests.size(), 1u) << "not before the backoff";
  platform.advance(1);
  sender.pump();
  ASSERT_EQ(platform.requests.size(), 2u);
  EXPECT_EQ(platform.requests[1].headers.at("Idempotency-Key"), change.idempotencyKey);
  EXPECT_EQ(platform.requests[1].body, platform.requests[0].body);
}

TEST_F(OutboxSenderTest, TheBackoffDoublesUpToAMinute) {
  restoreEmpty();
  sender.queue(submitChange(1));
  const std::int64_t expected[] = {1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000};
  for (std::int64_t wait : expected) {
    sender.pump();
    ASSERT_EQ(platform.pending.size(), 1u);
    EXPECT_EQ(failAndMeasureWait(), wait);
    platform.advance(wait - 1);
    sender.pump();
    EXPECT_TRUE(platform.pending.empty()) << "sent before its " << wait << " ms were up";
    platform.advance(1);
  }
  EXPECT_EQ(platform.requests.size(), std::size(expected));
  for (const HttpRequest& request : platform.requests) {
    EXPECT_EQ(request.headers.at("Idempotency-Key"), platform.requests[0].headers.at("Idempotency-Key"));
  }
}

TEST_F(OutboxSenderTest, AServerErrorsRetryAfterIsHonoured) {
  restoreEmpty();
  sender.queue(submitChange(1));
  sender.pump();
  const std::int64_t wait = failAndMeasureWait({503, errorBody("server_busy", "Server sedang sibuk; coba lagi sebentar."), 30, {}});
  EXPECT_EQ(wait, 30000);
  EXPECT_EQ(sender.status().lastProblem, "Server sedang sibuk; coba lagi sebentar.");
  platform.advance(29999);
  sender.pump();
  EXPECT_EQ(platform.requests.size(), 1u);
  platform.advance(1);
  sender.pump();
  EXPECT_EQ(platform.requests.size(), 2u);
}

TEST_F(OutboxSenderTest, ARateLimitAnswerWaitsAsLongAsAskedEvenBeyondTheCap) {
  restoreEmpty();
  sender.queue(submitChange(1));
  sender.pump();
  EXPECT_EQ(failAndMeasureWait({429, errorBody("too_many_requests", "Terlalu banyak percobaan; coba lagi nanti."), 120, {}}),
            120000);
  EXPECT_TRUE(recorded.refused.empty()) << "429 is not a refusal";
  EXPECT_EQ(sender.outbox().pending().size(), 1u);
}

TEST_F(OutboxSenderTest, AServerErrorWithoutJsonStillRetries) {
  restoreEmpty();
  sender.queue(submitChange(1));
  sender.pump();
  EXPECT_EQ(failAndMeasureWait({502, "<html>Bad Gateway</html>", 0, {}}), 1000);
  EXPECT_EQ(sender.status().lastProblem, "HTTP 502");
}

TEST_F(OutboxSenderTest, RetryNowSkipsTheWait) {
  restoreEmpty();
  sender.queue(submitChange(1));
  sender.pump();
  platform.respond(503, errorBody("server_busy", "busy"), 30);
  sender.pump();
  EXPECT_EQ(platform.requests.size(), 1u);
  sender.retryNow();
  sender.pump();
  EXPECT_EQ(platform.requests.size(), 2u);
  EXPECT_EQ(failAndMeasureWait(), 1000) << "the backoff starts again";
}

TEST_F(OutboxSenderTest, ARefusedFormIsTakenOutAndReportedWithTheServersMessage) {
  restoreEmpty();
  const sync::Change change = submitChange(1);
  sender.queue(change);
  sender.queue(submitChange(2));
  sender.pump();
  platform.respond(422, R"({"error":{"code":"invalid_form","message":"Periksa kembali isian yang ditandai.","fields":[)"
                        R"({"field":"title","code":"required","message":"Wajib diisi."}]}})");
  ASSERT_EQ(recorded.refused.size(), 1u);
  EXPECT_EQ(recorded.refused[0].change.idempotencyKey, change.idempotencyKey);
  EXPECT_EQ(recorded.refused[0].error.code, "invalid_form");
  EXPECT_EQ(recorded.refused[0].error.message, "Periksa kembali isian yang ditandai.");
  ASSERT_EQ(recorded.refused[0].error.fields.size(), 1u);
  EXPECT_EQ(recorded.refused[0].error.fields[0].field, "title");
  EXPECT_EQ(keysOf(sender), std::vector<std::string>{submitChange(2).idempotencyKey});
  EXPECT_EQ(storedKeys(platform), std::vector<std::string>{submitChange(2).idempotencyKey});
  EXPECT_TRUE(recorded.created.empty());

  sender.pump();
  ASSERT_EQ(platform.requests.size(), 2u) << "the next change goes at once";
  EXPECT_EQ(platform.requests[1].headers.at("Idempotency-Key"), submitChange(2).idempotencyKey);
}

TEST_F(OutboxSenderTest, ABadRequestIsTakenOutAndReportedToo) {
  restoreEmpty();
  sender.queue(submitChange(1));
  sender.pump();
  platform.respond(400, errorBody("idempotency_key_invalid", "Idempotency-Key harus 16 sampai 64 huruf, angka, '-' atau '_'."));
  ASSERT_EQ(recorded.refused.size(), 1u);
  EXPECT_EQ(recorded.refused[0].error.code, "idempotency_key_invalid");
  EXPECT_EQ(recorded.refused[0].error.message, "Idempotency-Key harus 16 sampai 64 huruf, angka, '-' atau '_'.");
  EXPECT_TRUE(sender.outbox().empty());
  EXPECT_TRUE(storedKeys(platform).empty());
  EXPECT_EQ(sender.status().phase, SyncPhase::Idle);
}

TEST_F(OutboxSenderTest, AnEndedSessionBlocksUntilUnblocked) {
  restoreEmpty();
  const sync::Change change = moveChange(1, report::Action::Start, "");
  sender.queue(change);
  sender.pump();
  platform.respond(401, errorBody("session_expired", "Sesi Anda telah berakhir; silakan masuk lagi."));
  EXPECT_EQ(sender.status().phase, SyncPhase::Blocked);
  EXPECT_EQ(sender.status().lastProblem, "Sesi Anda telah berakhir; silakan masuk lagi.");
  EXPECT_EQ(keysOf(sender), std::vector<std::string>{change.idempotencyKey});
  EXPECT_TRUE(recorded.refused.empty());

  platform.advance(10 * 60 * 1000);
  sender.pump();
  sender.retryNow();
  sender.pump();
  EXPECT_EQ(platform.requests.size(), 1u) << "blocked: neither time nor retryNow sends";
  EXPECT_EQ(sender.status().phase, SyncPhase::Blocked);

  sender.unblock();
  sender.pump();
  ASSERT_EQ(platform.requests.size(), 2u);
  EXPECT_EQ(platform.requests[1].headers.at("Idempotency-Key"), change.idempotencyKey);
  EXPECT_EQ(sender.status().phase, SyncPhase::Sending);
}

TEST_F(OutboxSenderTest, RestoreKeepsTheStoredChangesFirstAndOnesQueuedWhileReadingAfterThem) {
  sync::Outbox stored;
  stored.enqueue(submitChange(1));
  stored.enqueue(moveChange(1, report::Action::Note, "tambahan"));
  platform.stored[OutboxSender::kStorageKey] = wire::encodeOutboxBinary(stored);
  platform.loadImmediately = false;

  sender.restore();
  sender.queue(submitChange(2));
  platform.completeLoads();
  platform.loadImmediately = true;

  EXPECT_EQ(keysOf(sender), (std::vector<std::string>{submitChange(1).idempotencyKey,
                                                      moveChange(1, report::Action::Note, "").idempotencyKey,
                                                      submitChange(2).idempotencyKey}));
  EXPECT_EQ(sender.status().waiting, 3u);
  sender.pump();
  ASSERT_EQ(platform.requests.size(), 1u);
  EXPECT_EQ(platform.requests[0].headers.at("Idempotency-Key"), submitChange(1).idempotencyKey);
}

// A change queued while the stored outbox was still being read was once saved on its own, overwriting the
// stored changes (checked: this test failed then); its save now waits for restore() to merge.
TEST_F(OutboxSenderTest, AfterRestoreTheStoreHoldsTheStoredAndTheNewlyQueuedChanges) {
  sync::Outbox stored;
  stored.enqueue(submitChange(1));
  platform.stored[OutboxSender::kStorageKey] = wire::encodeOutboxBinary(stored);
  platform.loadImmediately = false;

  sender.restore();
  sender.queue(submitChange(2));  // saved before the read (which sees the old outbox) is answered
  platform.completeLoads();

  EXPECT_EQ(keysOf(sender), (std::vector<std::string>{submitChange(1).idempotencyKey, submitChange(2).idempotencyKey}));
  EXPECT_EQ(storedKeys(platform), (std::vector<std::string>{submitChange(1).idempotencyKey, submitChange(2).idempotencyKey}));
}

TEST_F(OutboxSenderTest, QueueingTheSameKeyTwiceQueuesItOnce) {
  restoreEmpty();
  const sync::Change change = submitChange(1);
  sender.queue(change);
  std::optional<bool> saved;
  sender.queue(change, [&saved](bool ok) { saved = ok; });
  EXPECT_EQ(saved, std::optional<bool>(true));
  EXPECT_EQ(sender.outbox().pending().size(), 1u);
  EXPECT_EQ(storedKeys(platform), std::vector<std::string>{change.idempotencyKey});
  EXPECT_EQ(sender.status().waiting, 1u);
}

TEST_F(OutboxSenderTest, AChangeQueuedWhileTheSameIsInFlightIsNotSentAgainAfterItsAnswer) {
  restoreEmpty();
  const sync::Change change = submitChange(1);
  sender.queue(change);
  sender.pump();
  sender.queue(change);
  platform.respond(201, creationBody(change.reportId));
  sender.pump();
  EXPECT_EQ(platform.requests.size(), 1u);
  EXPECT_TRUE(sender.outbox().empty());
}

TEST_F(OutboxSenderTest, AFailedSaveIsReportedButTheChangeIsStillSent) {
  restoreEmpty();
  platform.failSaves = true;
  std::optional<bool> saved;
  sender.queue(submitChange(1), [&saved](bool ok) { saved = ok; });
  EXPECT_EQ(saved, std::optional<bool>(false));
  EXPECT_FALSE(platform.storedValue(OutboxSender::kStorageKey).has_value());
  sender.pump();
  EXPECT_EQ(platform.requests.size(), 1u);
}

TEST_F(OutboxSenderTest, TheSavedCallbackWaitsForTheStorageToFinish) {
  restoreEmpty();
  platform.saveImmediately = false;
  std::optional<bool> saved;
  sender.queue(submitChange(1), [&saved](bool ok) { saved = ok; });
  EXPECT_FALSE(saved.has_value());
  EXPECT_TRUE(sender.status().saving) << "the user must not be told it is safe yet";
  platform.completeSave();
  EXPECT_EQ(saved, std::optional<bool>(true));
  EXPECT_FALSE(sender.status().saving);
}

TEST_F(OutboxSenderTest, ADamagedStoredOutboxIsReportedAndNewChangesStillWork) {
  platform.stored[OutboxSender::kStorageKey] = "not an outbox at all";
  sender.restore();
  EXPECT_EQ(sender.status().phase, SyncPhase::Idle);
  EXPECT_NE(sender.status().lastProblem.find("damaged"), std::string::npos) << sender.status().lastProblem;
  sender.queue(submitChange(1));
  sender.pump();
  EXPECT_EQ(platform.requests.size(), 1u);
}

TEST_F(OutboxSenderTest, StatusMovesThroughLoadingIdleWaitingSendingAndIdle) {
  platform.loadImmediately = false;
  EXPECT_EQ(sender.status().phase, SyncPhase::Loading);
  sender.restore();
  EXPECT_EQ(sender.status().phase, SyncPhase::Loading);
  platform.completeLoads();
  platform.loadImmediately = true;
  EXPECT_EQ(sender.status().phase, SyncPhase::Idle);
  sender.queue(submitChange(1));
  EXPECT_EQ(sender.status().phase, SyncPhase::Waiting);
  EXPECT_EQ(sender.status().waiting, 1u);
  sender.pump();
  EXPECT_EQ(sender.status().phase, SyncPhase::Sending);
  platform.respond({0, "", 0, {}});
  EXPECT_EQ(sender.status().phase, SyncPhase::Waiting);
  EXPECT_EQ(sender.status().nextAttemptAtUnixMs, platform.now + 1000);
  platform.advance(1000);
  sender.pump();
  EXPECT_EQ(sender.status().phase, SyncPhase::Sending);
  platform.respond(201, creationBody(submitChange(1).reportId));
  EXPECT_EQ(sender.status().phase, SyncPhase::Idle);
  EXPECT_EQ(sender.status().nextAttemptAtUnixMs, 0);
  EXPECT_EQ(sender.status().lastProblem, "");
}

// ---- a report's photo: uploaded just before the report, which then names it ----

const std::string kPhoto = std::string("\xFF\xD8\xFF\xE0", 4) + "a small JPEG's bytes" + std::string("\xFF\xD9", 2);
constexpr const char* kPhotoRef = "ph_AbCdEfGhIjKlMnOpQrStUvWx";

std::string photoAnswer() { return std::string(R"({"photoRef":")") + kPhotoRef + R"(","mediaType":"image/jpeg","bytes":26})"; }

// The queued report as the device store holds it.
sync::Change storedChange(const FakePlatform& platform, std::size_t index = 0) {
  auto decoded = wire::decodeOutboxBinary(platform.storedValue(OutboxSender::kStorageKey).value_or(""));
  if (auto* error = std::get_if<wire::ParseError>(&decoded)) {
    ADD_FAILURE() << error->message;
    return {};
  }
  return std::get<sync::Outbox>(decoded).pending().at(index);
}

class OutboxPhotoTest : public OutboxSenderTest {
 protected:
  void SetUp() override {
    restoreEmpty();
    platform.stored[OutboxSender::photoStorageKey(change.idempotencyKey)] = kPhoto;
    sender.queue(change);
    sender.pump();
  }
  const sync::Change change = submitChange(1);
};

TEST_F(OutboxPhotoTest, ThePhotoIsUploadedFirstAndTheReportThenNamesIt) {
  ASSERT_EQ(platform.requests.size(), 1u);
  EXPECT_EQ(platform.requests[0].method, "POST");
  EXPECT_EQ(platform.requests[0].path, "/api/v1/photos");
  EXPECT_EQ(platform.requests[0].headers.at("Content-Type"), "image/jpeg");
  EXPECT_EQ(platform.requests[0].body, kPhoto);
  EXPECT_EQ(sender.status().phase, SyncPhase::Sending);

  platform.respond(201, photoAnswer());
  EXPECT_EQ(storedChange(platform).details.photoRef, kPhotoRef) << "the device remembers the ref before the report goes";
  sender.pump();
  ASSERT_EQ(platform.requests.size(), 2u);
  EXPECT_EQ(platform.requests[1].path, "/api/v1/reports");
  EXPECT_NE(platform.requests[1].body.find(std::string("\"photoRef\":\"") + kPhotoRef + "\""), std::string::npos) << platform.requests[1].body;
  EXPECT_EQ(platform.requests[1].headers.at("Idempotency-Key"), change.idempotencyKey);

  platform.respond(201, creationBody(change.reportId));
  EXPECT_TRUE(sender.outbox().empty());
  EXPECT_FALSE(platform.storedValue(OutboxSender::photoStorageKey(change.idempotencyKey)).has_value())
      << "the photo leaves the device once the report arrived";
}

TEST_F(OutboxPhotoTest, TheReportWaitsUntilTheRefIsDurablyStored) {
  platform.saveImmediately = false;
  platform.respond(201, photoAnswer());
  sender.pump();
  EXPECT_EQ(platform.requests.size(), 1u) << "a report re-sent after a crash with another ref would not match its key";
  platform.completeSaves();
  sender.pump();
  ASSERT_EQ(platform.requests.size(), 2u);
  EXPECT_EQ(platform.requests[1].path, "/api/v1/reports");
}

TEST_F(OutboxPhotoTest, AFailedUploadIsRetriedWithBackoffAndTheReportWaits) {
  platform.respond({0, "", 0, {}});
  EXPECT_EQ(sender.status().phase, SyncPhase::Waiting);
  EXPECT_EQ(sender.status().nextAttemptAtUnixMs, platform.now + OutboxSender::kFirstRetryMs);
  sender.pump();
  EXPECT_EQ(platform.requests.size(), 1u);
  platform.advance(OutboxSender::kFirstRetryMs);
  sender.pump();
  ASSERT_EQ(platform.requests.size(), 2u);
  EXPECT_EQ(platform.requests[1].path, "/api/v1/photos");
}

TEST_F(OutboxPhotoTest, ARefusedPhotoIsDroppedAndTheReportGoesWithoutIt) {
  platform.respond(422, errorBody("invalid_form", "Foto rusak"));
  ASSERT_EQ(recorded.refused.size(), 1u);
  EXPECT_EQ(recorded.refused[0].error.code, "photo_refused");
  EXPECT_EQ(recorded.refused[0].error.message, "Foto rusak");
  EXPECT_FALSE(platform.storedValue(OutboxSender::photoStorageKey(change.idempotencyKey)).has_value());
  EXPECT_EQ(sender.outbox().pending().size(), 1u) << "the report itself is still queued";
  sender.pump();
  ASSERT_EQ(platform.requests.size(), 2u);
  EXPECT_EQ(platform.requests[1].path, "/api/v1/reports");
  EXPECT_NE(platform.requests[1].body.find("\"photoRef\":\"\""), std::string::npos);
}

TEST_F(OutboxPhotoTest, AfterARestartBetweenUploadAndReportThePhotoIsNotUploadedAgain) {
  platform.respond(201, photoAnswer());
  OutboxSender restarted(platform, {});  // the same device storage, read again
  restarted.restore();
  restarted.pump();
  ASSERT_EQ(platform.requests.size(), 2u);
  EXPECT_EQ(platform.requests[1].path, "/api/v1/reports");
  EXPECT_NE(platform.requests[1].body.find(kPhotoRef), std::string::npos);
}

}  // namespace
}  // namespace bhabin::ui
