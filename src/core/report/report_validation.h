// The citizen's report form and the status-change note: one validator each, run by the browser before
// queueing and by the server before storing, so both refuse the same things with the same codes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/report/report.h"
#include "core/report/validation_error.h"
#include "core/report/validation_settings.h"

namespace bhabin::report {

// The form as typed. Missing numbers are empty optionals; every text is raw bytes from the user.
struct ReportForm {
  std::string category;                         // a category code, e.g. "traffic_accident"
  std::string title;
  std::string description;                      // multi-line
  std::optional<std::int64_t> incidentAtUnixMs;
  std::optional<double> latDeg;
  std::optional<double> lonDeg;
  std::string villageCode;                      // "33.29.01.2001"
  std::string photoRef;                         // from a completed photo upload; empty = none
  bool anonymous = false;
  std::string reporterName;                     // required unless anonymous
  std::string reporterPhone;                    // optional; any common spelling
};

// Error field names are the member names above ("title", "reporterPhone", ...) plus "position" for the
// service area. For an anonymous report the name and phone are dropped unread: nothing identifying is kept.
// The details' trackingCode is left empty: the submitter assigns it.
Validated<ReportDetails> validateReportForm(const ReportForm& form, std::int64_t nowUnixMs,
                                            const ValidationSettings& settings = {});

// Only the reporter's part of the form (anonymous, reporterName, reporterPhone), for a citizen joining an
// existing report ("ikut melapor"); the same rules and field names as validateReportForm.
Validated<Reporter> validateReporter(const ReportForm& form, const ValidationSettings& settings = {});

// Whether a status change must carry a note: a rejection and a reopening say why, a note is nothing else.
bool noteRequired(Action action);

// A note or reason attached to a status change (field "note"): cleaned, multi-line, at most noteMaxChars.
Validated<std::string> validateNote(std::string_view raw, bool required, const ValidationSettings& settings = {});

}  // namespace bhabin::report
