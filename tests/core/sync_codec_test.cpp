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
