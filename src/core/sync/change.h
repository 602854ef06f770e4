// One change a device made, possibly offline, waiting to reach the server: a new report or a move on one.
// The idempotency key, generated on the device, makes the change happen once however often it is sent.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "core/report/report.h"

namespace bhabin::sync {

enum class ChangeKind { SubmitReport, ApplyMove };

inline constexpr ChangeKind kAllChangeKinds[] = {ChangeKind::SubmitReport, ChangeKind::ApplyMove};
std::string_view changeKindCode(ChangeKind kind);  // "submit_report", "apply_move"

struct Change {
  std::string idempotencyKey;  // makeIdempotencyKey(); unique per change, kept across resends
  ChangeKind kind = ChangeKind::SubmitReport;
  report::Actor actor;
  std::int64_t createdAtUnixMs = 0;  // the device's clock when the user acted; shown, never trusted for order
  std::string reportId;              // the report's tracking code (both kinds)
  report::ReportDetails details;     // SubmitReport only (details.trackingCode == reportId)
  report::Action action = report::Action::Note;  // ApplyMove only
  std::string note;                  // ApplyMove: the note or reason
  std::string handOverToNrp;         // ApplyMove with hand_over
};

inline constexpr std::size_t kIdempotencyKeyBytes = 16;

// 32 lower-case hex characters from 128 random bits the caller took from a cryptographic source.
std::string makeIdempotencyKey(const std::array<std::uint8_t, kIdempotencyKeyBytes>& random);

}  // namespace bhabin::sync
