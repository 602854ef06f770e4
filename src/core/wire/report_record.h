// Internal to wire: converting between a Report and its stored record, with the checks a decoded record
// must pass before it becomes a Report again.
#pragma once

#include <optional>
#include <variant>

#include "core/wire/flat_json.h"
#include "core/wire/report_fields.h"

namespace bhabin::wire::detail {

ReportRecord toRecord(const report::Report& report);

// Why decoded details cannot be a report's (bad tracking code, position, village code), if they cannot.
std::optional<ParseError> checkDetails(const report::ReportDetails& details);

// Replays the record's timeline through the status rules; the recorded status and officer must match.
std::variant<report::Report, ParseError> toReport(ReportRecord record);

}  // namespace bhabin::wire::detail
