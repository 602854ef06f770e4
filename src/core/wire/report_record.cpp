#include "core/wire/report_record.h"

#include "core/domain/region_code.h"
#include "core/report/status_machine.h"
#include "core/tracking/tracking_code.h"

namespace bhabin::wire::detail {

ReportRecord toRecord(const report::Report& report) {
  return {report.details(), report.status(), report.assignedOfficerNrp(), report.timeline()};
}

std::optional<ParseError> checkDetails(const report::ReportDetails& details) {
  const auto code = tracking::parseTrackingCode(details.trackingCode);
  const auto* parsed = std::get_if<tracking::TrackingCode>(&code);
  if (!parsed || parsed->text != details.trackingCode) {
    return ParseError{"\"trackingCode\" is not a canonical tracking code"};
  }
  if (!geo::isValid(details.position)) return ParseError{"\"position\" is out of range"};
  if (!domain::isVillageCode(details.villageCode)) return ParseError{"\"villageCode\" is not a village code"};
  return std::nullopt;
}

std::variant<report::Report, ParseError> toReport(ReportRecord record) {
  if (auto error = checkDetails(record.details)) return *error;
  auto restored = report::StatusMachine::restore(std::move(record.details), record.timeline);
  if (auto* error = std::get_if<report::MoveError>(&restored)) return ParseError{error->message};
  auto& report = std::get<report::Report>(restored);
  if (report.status() != record.status || report.assignedOfficerNrp() != record.assignedNrp) {
    return ParseError{"\"status\" or \"assignedNrp\" disagrees with the timeline"};
  }
  return std::move(report);
}

}  // namespace bhabin::wire::detail
