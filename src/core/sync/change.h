// One change a device made, possibly offline, waiting to reach the server: a new report, a citizen joining
// another's open report ("ikut melapor"), a move on one, or an officer's sambang visit.
// The idempotency key, generated on the device, makes the change happen once however often it is sent.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "core/domain/sambang_visit.h"
#include "core/report/report.h"

namespace bhabin::sync {

enum class ChangeKind { SubmitReport, ApplyMove, JoinReport, LogVisit };

inline constexpr ChangeKind kAllChangeKinds[] = {ChangeKind::SubmitReport, ChangeKind::ApplyMove, ChangeKind::JoinReport,
                                                 ChangeKind::LogVisit};
std::string_view changeKindCode(ChangeKind kind);  // "submit_report", "apply_move", "join_report", "log_visit"

struct Change {
  std::string idempotencyKey;  // makeIdempotencyKey(); unique per change, kept across resends
  ChangeKind kind = ChangeKind::SubmitReport;
  report::Actor actor;
  std::int64_t createdAtUnixMs = 0;  // the device's clock when the user acted; shown, never trusted for order
  std::string reportId;              // the report's tracking code (every kind but LogVisit)
  // SubmitReport: the new report (details.trackingCode == reportId). JoinReport: the joiner's identity
  // (anonymous, reporterName, reporterPhoneE164) and the joined report's title, to list it on the device.
  report::ReportDetails details;
  report::Action action = report::Action::Note;  // ApplyMove only
  std::string note;                  // ApplyMove: the note or reason
  std::string handOverToNrp;         // ApplyMove with hand_over
  domain::SambangVisit visit;        // LogVisit only: the validated visit
};

inline constexpr std::size_t kIdempotencyKeyBytes = 16;

// 32 lower-case hex characters from 128 random bits the caller took from a cryptographic source.
std::string makeIdempotencyKey(const std::array<std::uint8_t, kIdempotencyKeyBytes>& random);

}  // namespace bhabin::sync
