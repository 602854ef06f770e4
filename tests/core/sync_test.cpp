#include "core/sync/sync_client.h"
#include "core/sync/sync_server.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <deque>
#include <random>
#include <set>
#include <variant>

#include "core/wire/report_codec.h"
#include "report_fixtures.h"

namespace bhabin::sync {
namespace {

using report::Action;

std::string keyFor(std::uint64_t n) {
  std::array<std::uint8_t, kIdempotencyKeyBytes> random{};
  for (std::size_t i = 0; i < 8; ++i) random[i] = static_cast<std::uint8_t>(n >> (8 * i));
  return makeIdempotencyKey(random);
}

Change submitChange(std::uint8_t seed, std::string key) {
  Change change;
  change.idempotencyKey = std::move(key);
  change.kind = ChangeKind::SubmitReport;
  change.actor = testing::citizen();
  change.details = testing::validDetails(seed);
  change.reportId = change.details.trackingCode;
  return change;
}

Change moveChange(const std::string& reportId, Action action, report::Actor actor, std::string note,
                  std::string key) {
  Change change;
  change.idempotencyKey = std::move(key);
  change.kind = ChangeKind::ApplyMove;
  change.actor = std::move(actor);
  change.reportId = reportId;
  change.action = action;
  change.note = std::move(note);
  return change;
}

SyncServer serverAssigning(std::string nrp) {
  return SyncServer([nrp](const report::ReportDetails&) { return nrp; });
}

TEST(IdempotencyKey, IsHexOfTheRandomBytes) {
  EXPECT_EQ(makeIdempotencyKey({0x00, 0x01, 0xAB, 0xFF}), "0001abff000000000000000000000000");
  EXPECT_NE(keyFor(1), keyFor(2));
}

TEST(Outbox, KeepsOrderAndIgnoresRequeuedKeys) {
  Outbox outbox;
  EXPECT_EQ(outbox.head(), nullptr);
  EXPECT_TRUE(outbox.enqueue(submitChange(1, "a")));
  EXPECT_TRUE(outbox.enqueue(submitChange(2, "b")));
  EXPECT_FALSE(outbox.enqueue(submitChange(3, "a")));
  ASSERT_EQ(outbox.pending().size(), 2u);
  EXPECT_EQ(outbox.head()->idempotencyKey, "a");
  EXPECT_FALSE(outbox.acknowledge("zzz"));
  EXPECT_TRUE(outbox.acknowledge("a"));
  EXPECT_FALSE(outbox.acknowledge("a"));
  EXPECT_EQ(outbox.head()->idempotencyKey, "b");
}

TEST(SyncServer, SendingTwiceCreatesOnce) {
  SyncServer server = serverAssigning("85010001");
  const Change change = submitChange(1, "k1");
  const ChangeResult first = server.receive(change, testing::kNowUnixMs);
  const ChangeResult again = server.receive(change, testing::kNowUnixMs + 5);
  EXPECT_EQ(first.outcome, Outcome::Applied);
  EXPECT_EQ(again.outcome, Outcome::Applied);
  EXPECT_EQ(server.reports().size(), 1u);
  EXPECT_EQ(server.cursor(), 1u);
  EXPECT_EQ(server.find(change.reportId)->assignedOfficerNrp(), "85010001");
  // The same tracking code under a new key is a different change, and refused.
  EXPECT_EQ(server.receive(submitChange(1, "k2"), testing::kNowUnixMs).outcome, Outcome::Refused);
  const Change note = moveChange(change.reportId, Action::Note, testing::citizen(), "tambahan", "k3");
  EXPECT_EQ(server.receive(note, testing::kNowUnixMs + 10).outcome, Outcome::Applied);
  EXPECT_EQ(server.receive(note, testing::kNowUnixMs + 20).outcome, Outcome::Applied);
  EXPECT_EQ(server.find(change.reportId)->timeline().size(), 2u);
}

TEST(SyncServer, PullReturnsEachChangedReportOnceSinceTheCursor) {
  SyncServer server = serverAssigning("85010001");
  server.receive(submitChange(1, "a"), testing::kNowUnixMs);
  server.receive(submitChange(2, "b"), testing::kNowUnixMs);
  const std::string first = testing::trackingCodeFor(1);
  server.receive(moveChange(first, Action::Receive, testing::officer(), "", "c"), testing::kNowUnixMs + 1);
  server.receive(moveChange(first, Action::Start, testing::officer(), "", "d"), testing::kNowUnixMs + 2);
  const PullResult all = server.pull(0);
  EXPECT_EQ(all.cursor, 4u);
  EXPECT_EQ(all.reports.size(), 2u);
  const PullResult recent = server.pull(2);
  ASSERT_EQ(recent.reports.size(), 1u);
  EXPECT_EQ(recent.reports[0].status(), report::Status::InProcess);
  EXPECT_TRUE(server.pull(4).reports.empty());
  EXPECT_TRUE(server.pull(99).reports.empty());
}

TEST(SyncServer, AJoinReachesAnOpenReportOnceAndIsRefusedForAMissingOrClosedOne) {
  SyncServer server = serverAssigning("85010001");
  server.receive(submitChange(1, "a"), testing::kNowUnixMs);
  const std::string id = testing::trackingCodeFor(1);
  Change join;
  join.idempotencyKey = "j1";
  join.kind = ChangeKind::JoinReport;
  join.actor = testing::citizen();
  join.reportId = id;
  EXPECT_EQ(server.receive(join, testing::kNowUnixMs + 1).outcome, Outcome::Applied);
  EXPECT_EQ(server.cursor(), 1u) << "nothing anyone pulls changed";
  EXPECT_EQ(server.find(id)->timeline().size(), 1u);

  join.idempotencyKey = "j2";
  join.reportId = testing::trackingCodeFor(9);
  EXPECT_EQ(server.receive(join, testing::kNowUnixMs + 2).outcome, Outcome::Refused);

  ASSERT_FALSE(server.applyDirect(id, {Action::Reject, testing::supervisor(), testing::kNowUnixMs + 3, "ganda", ""}));
  join.idempotencyKey = "j3";
  join.reportId = id;
  const ChangeResult closed = server.receive(join, testing::kNowUnixMs + 4);
  EXPECT_EQ(closed.outcome, Outcome::Refused);
  EXPECT_EQ(closed.message, "the report is closed");
  join.idempotencyKey = "j1";
  EXPECT_EQ(server.receive(join, testing::kNowUnixMs + 5).outcome, Outcome::Applied) << "the first join's answer is replayed for its key";
}

TEST(SyncMerge, ServerWinsOnStatusAndTheQueuedNoteIsKept) {
  SyncServer server = serverAssigning("85010001");
  server.receive(submitChange(1, "a"), testing::kNowUnixMs);
  const std::string id = testing::trackingCodeFor(1);
  SyncClient officerPhone(testing::officer());
  officerPhone.receivePull(server.pull(0));
  // Offline, the officer starts work with a note; meanwhile the supervisor receives and starts it.
  officerPhone.queueMove(id, Action::Receive, "", "", "m1", testing::kNowUnixMs + 10);
  officerPhone.queueMove(id, Action::Start, "sudah di lokasi", "", "m2", testing::kNowUnixMs + 11);
  EXPECT_EQ(officerPhone.localView(id)->status(), report::Status::InProcess);  // optimistic view
  ASSERT_FALSE(server.applyDirect(id, {Action::Receive, testing::supervisor(), testing::kNowUnixMs + 20, "", ""}));
  ASSERT_FALSE(server.applyDirect(id, {Action::Start, testing::supervisor(), testing::kNowUnixMs + 21, "", ""}));
  while (const Change* next = officerPhone.nextToSend()) {
    officerPhone.receiveResult(server.receive(*next, testing::kNowUnixMs + 30));
  }
  officerPhone.receivePull(server.pull(officerPhone.cursor()));
  const report::Report& merged = officerPhone.serverReports().at(id);
  EXPECT_EQ(merged.status(), report::Status::InProcess);
  EXPECT_EQ(merged.timeline().back().action, Action::Note);
  EXPECT_EQ(merged.timeline().back().note, "sudah di lokasi");
  ASSERT_EQ(officerPhone.notices().size(), 2u);
  EXPECT_EQ(officerPhone.notices()[0].outcome, Outcome::Refused);  // the bare receive: nothing to keep
  EXPECT_EQ(officerPhone.notices()[1].outcome, Outcome::AppliedAsNote);
  EXPECT_NE(officerPhone.notices()[1].message.find("cannot start a report that is in_process"), std::string::npos);
}

TEST(SyncMerge, NoteOnAReportClosedMeanwhileIsReportedToTheUser) {
  SyncServer server = serverAssigning("85010001");
  server.receive(submitChange(1, "a"), testing::kNowUnixMs);
  const std::string id = testing::trackingCodeFor(1);
  SyncClient citizenPhone(testing::citizen());
  citizenPhone.queueMove(id, Action::Note, "pelakunya dua orang", "", "n1", testing::kNowUnixMs + 5);
  ASSERT_FALSE(server.applyDirect(id, {Action::Reject, testing::supervisor(), testing::kNowUnixMs + 6, "ganda", ""}));
  citizenPhone.receiveResult(server.receive(*citizenPhone.nextToSend(), testing::kNowUnixMs + 7));
  EXPECT_TRUE(citizenPhone.outbox().empty());
  ASSERT_EQ(citizenPhone.notices().size(), 1u);
  EXPECT_EQ(citizenPhone.notices()[0].outcome, Outcome::Refused);
  EXPECT_NE(citizenPhone.notices()[0].message.find("rejected"), std::string::npos);
  EXPECT_EQ(server.find(id)->timeline().size(), 2u);
}

TEST(SyncClient, StaleAnswersDoNotUndoNewerState) {
  SyncServer server = serverAssigning("85010001");
  server.receive(submitChange(1, "a"), testing::kNowUnixMs);
  const PullResult old = server.pull(0);
  const std::string id = testing::trackingCodeFor(1);
  server.receive(moveChange(id, Action::Receive, testing::officer(), "", "b"), testing::kNowUnixMs + 1);
  SyncClient client(testing::citizen());
  client.receivePull(server.pull(0));
  client.receivePull(old);  // delayed, arrives last
  EXPECT_EQ(client.cursor(), 2u);
  EXPECT_EQ(client.serverReports().at(id).status(), report::Status::Received);
}

// Messages between devices and the server. Devices send changes and pull requests; the server answers.
struct ToServer {
  std::size_t from;
  std::variant<Change, std::uint64_t> body;  // a change, or a pull request with its cursor
};
struct ToDevice {
  std::size_t to;
  std::variant<ChangeResult, PullResult> body;
};
using Message = std::variant<ToServer, ToDevice>;

// A network that loses, duplicates, delays and reorders messages, deterministically from a seed.
class ChaosNetwork {
 public:
  explicit ChaosNetwork(std::uint64_t seed) : random_(seed) {}

  void heal() { dropPercent_ = duplicatePercent_ = 0; }

  void send(Message message, int now) {
    if (chance(dropPercent_)) return;
    const int copies = chance(duplicatePercent_) ? 2 : 1;
    for (int i = 0; i < copies; ++i) inFlight_.push_back({now + 1 + below(kMaxDelayTicks + 1), message});
  }

  // The messages due at `now`, shuffled.
  std::vector<Message> deliver(int now) {
    std::vector<Message> due;
    for (auto it = inFlight_.begin(); it != inFlight_.end();) {
      if (it->dueTick <= now) {
        due.push_back(std::move(it->message));
        it = inFlight_.erase(it);
      } else {
        ++it;
      }
    }
    for (std::size_t i = due.size(); i > 1; --i) std::swap(due[i - 1], due[below(i)]);
    return due;
  }

  bool idle() const { return inFlight_.empty(); }

 private:
  static constexpr int kMaxDelayTicks = 6;
  struct InFlight {
    int dueTick;
    Message message;
  };
  // Raw engine output only: the standard fixes mt19937_64's sequence but not its distributions'.
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(random_() % n); }
  int below(int n) { return static_cast<int>(below(static_cast<std::size_t>(n))); }
  bool chance(int percent) { return below(100) < percent; }

  std::mt19937_64 random_;
  int dropPercent_ = 30;
  int duplicatePercent_ = 20;
  std::deque<InFlight> inFlight_;
};

class ChaosRun {
 public:
  explicit ChaosRun(std::uint64_t seed) : seed_(seed), network_(seed), actions_(seed * 7919 + 1) {
    devices_.push_back({SyncClient(testing::citizen())});
    devices_.push_back({SyncClient(testing::citizen())});
    devices_.push_back({SyncClient(testing::officer())});
  }

  void run() {
    for (int tick = 0; tick < kMaxTicks; ++tick) {
      if (tick == kChaosTicks) network_.heal();
      if (tick < kChaosTicks && tick % 10 == 0) userActs(tick);
      if (tick < kChaosTicks && tick % 37 == 0) supervisorActs(tick);
      devicesSend(tick);
      for (Message& message : network_.deliver(tick)) handle(message, tick);
      if (tick > kChaosTicks && settled()) return;
    }
    ADD_FAILURE() << "seed " << seed_ << ": did not settle after the network healed";
  }

  void expectAgreementAndNoLossOrDuplication() const {
    EXPECT_EQ(server_.reports().size(), submitted_.size()) << "seed " << seed_;
    for (const Device& device : devices_) {
      EXPECT_TRUE(device.client.outbox().empty());
      ASSERT_EQ(device.client.serverReports().size(), server_.reports().size()) << "seed " << seed_;
      for (const auto& [id, report] : server_.reports()) {
        EXPECT_EQ(wire::encodeReportJson(device.client.serverReports().at(id)), wire::encodeReportJson(report));
      }
    }
    std::map<std::string, int> notices;  // by key
    std::set<std::string> refused;
    for (const Device& device : devices_) {
      for (const Notice& notice : device.client.notices()) {
        ++notices[notice.idempotencyKey];
        if (notice.outcome == Outcome::Refused) refused.insert(notice.idempotencyKey);
      }
    }
    for (const auto& [key, count] : notices) EXPECT_EQ(count, 1) << "notice repeated for " << key;
    std::map<std::string, int> inTimelines;
    for (const auto& [id, report] : server_.reports()) {
      for (const auto& event : report.timeline()) ++inTimelines[event.note];
    }
    for (const auto& [key, note] : notesSent_) {
      EXPECT_EQ(inTimelines[note], refused.count(key) ? 0 : 1) << "seed " << seed_ << " note " << note;
    }
    EXPECT_GT(notesSent_.size(), 10u);
  }

 private:
  static constexpr int kChaosTicks = 400;
  static constexpr int kMaxTicks = 20000;
  static constexpr int kResendTicks = 8;
  static constexpr std::size_t kOfficer = 2;

  struct Device {
    SyncClient client;
    int lastSentTick = -kResendTicks;
  };

  static std::int64_t now(int tick) { return testing::kNowUnixMs + std::int64_t{tick} * 1000; }

  void userActs(int tick) {
    const std::size_t who = actions_() % devices_.size();
    SyncClient& client = devices_[who].client;
    if (who != kOfficer && submitted_.size() < 12 && actions_() % 2 == 0) {
      report::ReportDetails details = testing::validDetails(static_cast<std::uint8_t>(submitted_.size() + 1));
      submitted_.insert(details.trackingCode);
      client.submitReport(details, keyFor(++keys_), now(tick));
      return;
    }
    if (client.serverReports().empty()) return;
    auto target = client.serverReports().begin();
    std::advance(target, static_cast<long>(actions_() % client.serverReports().size()));
    constexpr Action kOfficerMoves[] = {Action::Receive, Action::Start, Action::Resolve, Action::Note};
    const Action action = who == kOfficer ? kOfficerMoves[actions_() % 4] : Action::Note;
    const std::string key = keyFor(++keys_);
    const std::string note = "note " + std::to_string(seed_) + "/" + std::to_string(tick);
    notesSent_.emplace(key, note);
    client.queueMove(target->first, action, note, "", key, now(tick));
  }

  void supervisorActs(int tick) {
    if (server_.reports().empty()) return;
    auto target = server_.reports().begin();
    std::advance(target, static_cast<long>(actions_() % server_.reports().size()));
    // Refused once the report is closed; the supervisor's own notes are not counted.
    server_.applyDirect(target->first, {Action::Note, testing::supervisor(), now(tick), "supervisor", ""});
  }

  void devicesSend(int tick) {
    for (std::size_t i = 0; i < devices_.size(); ++i) {
      Device& device = devices_[i];
      const Change* next = device.client.nextToSend();
      if (next && tick - device.lastSentTick >= kResendTicks) {
        network_.send(ToServer{i, *next}, tick);
        device.lastSentTick = tick;
      }
      if (tick % 5 == 0) network_.send(ToServer{i, device.client.cursor()}, tick);
    }
  }

  void handle(Message& message, int tick) {
    if (auto* toServer = std::get_if<ToServer>(&message)) {
      if (const auto* change = std::get_if<Change>(&toServer->body)) {
        network_.send(ToDevice{toServer->from, server_.receive(*change, now(tick))}, tick);
      } else {
        network_.send(ToDevice{toServer->from, server_.pull(std::get<std::uint64_t>(toServer->body))}, tick);
      }
      return;
    }
    auto& toDevice = std::get<ToDevice>(message);
    SyncClient& client = devices_[toDevice.to].client;
    if (const auto* result = std::get_if<ChangeResult>(&toDevice.body)) {
      client.receiveResult(*result);
      devices_[toDevice.to].lastSentTick = -kResendTicks;  // answered: send the next change right away
    } else {
      client.receivePull(std::get<PullResult>(toDevice.body));
    }
  }

  bool settled() const {
    if (!network_.idle()) return false;
    for (const Device& device : devices_) {
      if (!device.client.outbox().empty() || device.client.cursor() != server_.cursor()) return false;
    }
    return true;
  }

  std::uint64_t seed_;
  SyncServer server_ = serverAssigning("85010001");
  ChaosNetwork network_;
  std::mt19937_64 actions_;
  std::vector<Device> devices_;
  std::set<std::string> submitted_;
  std::map<std::string, std::string> notesSent_;  // idempotency key -> unique note text
  std::uint64_t keys_ = 0;
};

TEST(SyncChaos, AfterTheNetworkHealsEveryoneAgreesAndNothingIsLostOrDuplicated) {
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    ChaosRun run(seed);
    run.run();
    run.expectAgreementAndNoLossOrDuplication();
  }
}

}  // namespace
}  // namespace bhabin::sync
