// How reports appear in API answers: the public view a citizen sees with the tracking code and secret (no
// identities, no officer ids), and the staff view (the core's full JSON, reporters when allowed, and the
// moves the caller may make).
#pragma once

#include <optional>
#include <string>

#include "core/report/report.h"
#include "server/json/json_writer.h"
#include "server/matching/officer_roster.h"
#include "server/service/reports.h"

namespace bhabin::server::api {

// `confirmBeforeUnixMs`: until when the citizen may confirm or reopen it (resolved reports only).
void writePublicReport(json::JsonWriter& out, const report::Report& report,
                       const std::optional<matching::OfficerCard>& assigned,
                       std::optional<std::int64_t> confirmBeforeUnixMs = std::nullopt);
void writeStaffReport(json::JsonWriter& out, const service::ReportForStaff& report,
                      const std::optional<matching::OfficerCard>& assigned);
void writeOfficerCard(json::JsonWriter& out, const std::optional<matching::OfficerCard>& officer);
// [{"officer": card, "distanceKm": d}, ...] in the given order.
void writeNearbyOfficers(json::JsonWriter& out, const std::vector<matching::NearbyOfficer>& officers);

}  // namespace bhabin::server::api
