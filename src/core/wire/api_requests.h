// The JSON bodies the browser app sends to the server, and the small records it keeps on the device
// (reports it filed, so the citizen can follow them). The server reads the bodies with its own decoders
// (decodeReportForm, JsonBody); tests check that each body is what those decoders expect.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/geo/lat_lon.h"
#include "core/report/report.h"
#include "core/domain/sambang_visit.h"
#include "core/wire/flat_json.h"

namespace bhabin::wire {

// POST /reports: the validated details as a report form, with the device-made tracking code.
std::string encodeCreateReportRequest(const report::ReportDetails& details);
// POST /reports/CODE/reporters ("ikut melapor"): who joins, as the report form names them.
std::string encodeJoinRequest(const report::Reporter& reporter);
// POST /reports/CODE/moves.
std::string encodeMoveRequest(report::Action action, std::string_view note, std::string_view handOverToNrp);
// POST /track/CODE/confirm (rating 1-5, or 0 for none) and /track/CODE/reopen: the citizen's answer.
std::string encodeConfirmRequest(std::uint32_t rating);
std::string encodeReopenRequest(std::string_view reason);
std::string encodeLoginRequest(std::string_view nrp, std::string_view password);
std::string encodeDutyRequest(bool onDuty);
std::string encodePositionRequest(const geo::LatLon& position);
// POST /visits: a validated visit as decodeVisitForm reads it (the server takes the officer from the session).
std::string encodeVisitRequest(const domain::SambangVisit& visit);

// A report this device filed: enough to follow it with GET /track/CODE.
struct TrackedReport {
  std::string trackingCode;
  std::string secret;  // empty until the server has answered the creation
  std::string title;
  std::int64_t createdAtUnixMs = 0;
};

std::string encodeTrackedReports(const std::vector<TrackedReport>& reports);
std::variant<std::vector<TrackedReport>, ParseError> decodeTrackedReports(std::string_view json);

}  // namespace bhabin::wire
