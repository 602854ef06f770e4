#include "core/wire/sync_codec.h"

#include <gtest/gtest.h>

#include "report_fixtures.h"

namespace bhabin::wire {
namespace {

using testing::submitChange;

sync::Change noteChange(const std::string& reportId) {
  sync::Change change;
  change.idempotencyKey = "note-1";
  change.kind = sync::ChangeKind::ApplyMove;
  change.actor = testing::officer();
  change.reportId = reportId;
  change.action = report::Action::Resolve;
  change.note = "selesai";
  return change;
}

// An outbox of format version 1 (a report and a resolve with a note), as the app before visits wrote it.
constexpr std::string_view kVersion1Outbox =
    "01424f4842010000000200000000000000200000000000000030313032303330343035303630373038303930613062306330"
    "6430653066313000000000000000000000803b18328f0100001800000000000000333332392d33574b322d544431562d3839"
    "344e2d304e54571800000000000000333332392d33574b322d544431562d3839344e2d304e54570219000000000000005461"
    "6272616b616e206469206a616c616e2070616e74757261290000000000000044756120736570656461206d6f746f72206265"
    "7274616272616b616e2064656b61742070617361722e004de1318f010000d1915cfe437a1bc0f46c567dae425b400d000000"
    "0000000033332e32392e30312e323030310000000000000000000b000000000000005369746920416d696e61680e00000000"
    "0000002b36323831323334353637383930070000000000000000000000000000000006000000000000006e6f74652d310101"
    "0800000000000000383530313030303100000000000000001800000000000000333332392d33574b322d544431562d383934"
    "4e2d304e54570000000000000000080000000000000000000000000000000000000000000000000000000000000000000000"
    "000000000000000000000000000000000000000000010000000000000000000000000000000003070000000000000073656c"
    "657361690000000000000000";

std::string fromHex(std::string_view hex) {
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) bytes += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
  return bytes;
}

sync::Change visitChange() {
  sync::Change change;
  change.idempotencyKey = "visit-1";
  change.kind = sync::ChangeKind::LogVisit;
  change.actor = testing::officer();
  change.createdAtUnixMs = testing::kNowUnixMs;
  change.visit = {"85010001", testing::kNowUnixMs - 60000, {-6.8694, 109.0419}, "Pos ronda RT 03",
                  {domain::VisitTopic::Keamanan, domain::VisitTopic::Lingkungan}, "Warga minta patroli malam."};
  return change;
}

TEST(SyncCodec, AVersion1OutboxStillLoadsAfterAnUpgrade) {
  auto decoded = decodeOutboxBinary(fromHex(kVersion1Outbox));
  ASSERT_TRUE(std::holds_alternative<sync::Outbox>(decoded)) << std::get<ParseError>(decoded).message;
  const auto& pending = std::get<sync::Outbox>(decoded).pending();
  ASSERT_EQ(pending.size(), 2u);
  EXPECT_EQ(pending[0].kind, sync::ChangeKind::SubmitReport);
  EXPECT_EQ(pending[0].reportId, testing::trackingCodeFor(1));
  EXPECT_EQ(pending[1].kind, sync::ChangeKind::ApplyMove);
  EXPECT_EQ(pending[1].note, "selesai");
  EXPECT_EQ(pending[1].visit.place, "") << "no visit in a version-1 change";
}

TEST(SyncCodec, AVisitWaitsInTheOutboxWithEveryField) {
  sync::Outbox outbox;
  outbox.enqueue(visitChange());
  auto decoded = decodeOutboxBinary(encodeOutboxBinary(outbox));
  ASSERT_TRUE(std::holds_alternative<sync::Outbox>(decoded)) << std::get<ParseError>(decoded).message;
  const sync::Change& back = std::get<sync::Outbox>(decoded).pending().at(0);
  const sync::Change expected = visitChange();
  EXPECT_EQ(back.kind, sync::ChangeKind::LogVisit);
  EXPECT_EQ(back.visit.officerNrp, expected.visit.officerNrp);
  EXPECT_EQ(back.visit.visitedAtUnixMs, expected.visit.visitedAtUnixMs);
  EXPECT_EQ(back.visit.position.latDeg, expected.visit.position.latDeg);
  EXPECT_EQ(back.visit.place, expected.visit.place);
  EXPECT_EQ(back.visit.topics, expected.visit.topics);
  EXPECT_EQ(back.visit.notes, expected.visit.notes);

  sync::Change nowhere = visitChange();
  nowhere.visit.position = {95.0, 109.0};
  auto refused = decodeChangeJson(encodeChangeJson(nowhere));
  ASSERT_TRUE(std::holds_alternative<ParseError>(refused));
  EXPECT_EQ(std::get<ParseError>(refused).message, "\"visit.position\" is out of range");
}

TEST(SyncCodec, ChangeJsonRoundTrip) {
  const sync::Change change = submitChange(3);
  const std::string json = encodeChangeJson(change);
  EXPECT_NE(json.find("\"kind\": \"submit_report\""), std::string::npos) << json;
  auto decoded = decodeChangeJson(json);
  ASSERT_TRUE(std::holds_alternative<sync::Change>(decoded)) << std::get<ParseError>(decoded).message;
  const auto& back = std::get<sync::Change>(decoded);
  EXPECT_EQ(back.idempotencyKey, change.idempotencyKey);
  EXPECT_EQ(back.details.title, change.details.title);
  EXPECT_EQ(encodeChangeJson(back), json);
}

TEST(SyncCodec, ChangesMustBeSelfConsistent) {
  sync::Change change = submitChange(3);
  change.reportId = testing::trackingCodeFor(4);
  auto decoded = decodeChangeJson(encodeChangeJson(change));
  ASSERT_TRUE(std::holds_alternative<ParseError>(decoded));
  EXPECT_EQ(std::get<ParseError>(decoded).message, "\"details.trackingCode\" differs from \"reportId\"");
  change = submitChange(3);
  change.idempotencyKey.clear();
  EXPECT_TRUE(std::holds_alternative<ParseError>(decodeChangeJson(encodeChangeJson(change))));
}

TEST(SyncCodec, OutboxSurvivesStorageInOrder) {
  sync::Outbox outbox;
  outbox.enqueue(submitChange(1));
  outbox.enqueue(noteChange(submitChange(1).reportId));
  outbox.enqueue(submitChange(2));
  const std::string bytes = encodeOutboxBinary(outbox);
  auto decoded = decodeOutboxBinary(bytes);
  ASSERT_TRUE(std::holds_alternative<sync::Outbox>(decoded)) << std::get<ParseError>(decoded).message;
  const auto& pending = std::get<sync::Outbox>(decoded).pending();
  ASSERT_EQ(pending.size(), 3u);
  EXPECT_EQ(pending[0].idempotencyKey, outbox.pending()[0].idempotencyKey);
  EXPECT_EQ(pending[1].action, report::Action::Resolve);
  EXPECT_EQ(pending[1].note, "selesai");
  EXPECT_EQ(pending[2].details.trackingCode, testing::trackingCodeFor(2));
  EXPECT_TRUE(std::holds_alternative<sync::Outbox>(decodeOutboxBinary(encodeOutboxBinary(sync::Outbox{}))));
}

TEST(SyncCodec, DamagedOutboxIsRefusedWhole) {
  sync::Outbox outbox;
  outbox.enqueue(submitChange(1));
  outbox.enqueue(noteChange(submitChange(1).reportId));
  const std::string bytes = encodeOutboxBinary(outbox);
  for (std::size_t cut = 0; cut < bytes.size(); cut += 7) {
    EXPECT_TRUE(std::holds_alternative<ParseError>(decodeOutboxBinary(bytes.substr(0, cut)))) << cut;
  }
  std::string flipped = bytes;
  flipped[flipped.find("selesai")] = static_cast<char>(0xFF);  // invalid UTF-8 inside the note
  EXPECT_TRUE(std::holds_alternative<ParseError>(decodeOutboxBinary(flipped)));
  auto asReport = decodeOutboxBinary(encodeOutboxBinary(outbox).replace(1, 4, "PRHB"));
  ASSERT_TRUE(std::holds_alternative<ParseError>(asReport));
  EXPECT_NE(std::get<ParseError>(asReport).message.find("magic"), std::string::npos);
}

}  // namespace
}  // namespace bhabin::wire
