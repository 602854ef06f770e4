// What the server answers: the result of one change (repeated verbatim when the same key arrives again) and
// the reports changed since a cursor. Transport-free; wire encodes these for fetch.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/report/report.h"

namespace bhabin::sync {

enum class Outcome {
  Applied,        // the change happened as asked
  AppliedAsNote,  // the status move was no longer legal (the server moved on); its note was kept as a note
  Refused,        // nothing happened; `message` says why, and the device tells its user
};

inline constexpr Outcome kAllOutcomes[] = {Outcome::Applied, Outcome::AppliedAsNote, Outcome::Refused};
std::string_view outcomeCode(Outcome outcome);  // "applied", "applied_as_note", "refused"

struct ChangeResult {
  std::string idempotencyKey;
  std::string reportId;
  Outcome outcome = Outcome::Applied;
  std::string message;  // English, for the notice shown to the user; empty when applied
};

struct PullResult {
  std::uint64_t cursor = 0;            // pass back as `since` next time
  std::vector<report::Report> reports;  // the current state of every report changed after `since`
};

}  // namespace bhabin::sync
