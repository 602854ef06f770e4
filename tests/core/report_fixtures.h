// Small, valid reports and forms that tests change one field at a time.
#pragma once

#include <cstdint>
#include <string>

#include "core/report/report.h"
#include "core/report/report_validation.h"
#include "core/sync/change.h"
#include "core/tracking/tracking_code.h"

namespace bhabin::testing {

// 2024-05-01T03:00:00Z, the "now" of every validation test.
inline constexpr std::int64_t kNowUnixMs = 1714532400000;
inline constexpr std::int64_t kHourMs = 60 * 60 * 1000;

inline std::string trackingCodeFor(std::uint8_t seed) {
  tracking::RandomBytes random{};
  for (std::size_t i = 0; i < random.size(); ++i) random[i] = static_cast<std::uint8_t>(seed * 31 + i * 7);
  return tracking::makeTrackingCode("33.29", random)->text;
}

inline report::ReportForm validReportForm() {
  report::ReportForm form;
  form.category = "traffic_accident";
  form.title = "Tabrakan di jalan pantura";
  form.description = "Dua sepeda motor bertabrakan dekat pasar.";
  form.incidentAtUnixMs = kNowUnixMs - kHourMs;
  form.latDeg = -6.8694;
  form.lonDeg = 109.0419;
  form.villageCode = "33.29.01.2001";
  form.reporterName = "Siti Aminah";
  form.reporterPhone = "0812-3456-7890";
  return form;
}

inline report::ReportDetails validDetails(std::uint8_t seed = 1) {
  report::ReportDetails details = *report::validateReportForm(validReportForm(), kNowUnixMs).value;
  details.trackingCode = trackingCodeFor(seed);
  return details;
}

inline report::Actor citizen() { return {report::Role::Citizen, ""}; }
inline report::Actor officer(std::string nrp = "85010001") { return {report::Role::Officer, std::move(nrp)}; }
inline report::Actor supervisor() { return {report::Role::Supervisor, "75020002"}; }
inline report::Actor server() { return {report::Role::System, ""}; }

// A queued new report whose key and details follow `seed`.
inline sync::Change submitChange(std::uint8_t seed) {
  sync::Change change;
  change.idempotencyKey = sync::makeIdempotencyKey({seed, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
  change.kind = sync::ChangeKind::SubmitReport;
  change.actor = citizen();
  change.createdAtUnixMs = kNowUnixMs;
  change.details = validDetails(seed);
  change.reportId = change.details.trackingCode;
  return change;
}

}  // namespace bhabin::testing
