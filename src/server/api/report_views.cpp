#include "server/api/report_views.h"

#include "core/wire/report_codec.h"

namespace bhabin::server::api {

namespace {

void writePosition(json::JsonWriter& out, const geo::LatLon& position) {
  out.key("position").beginObject().member("latDeg", position.latDeg).member("lonDeg", position.lonDeg).endObject();
}

void writePublicTimeline(json::JsonWriter& out, const report::Report& report) {
  out.key("timeline").beginArray();
  for (const report::TimelineEvent& event : report.timeline()) {
    out.beginObject()
        .member("action", report::actionCode(event.action))
        .member("status", report::statusCode(event.status))
        .member("atUnixMs", event.atUnixMs)
        .member("actorRole", report::roleCode(event.actor.role))
        .member("note", event.note)
        .member("rating", static_cast<std::int64_t>(event.rating))
        .endObject();
  }
  out.endArray();
}

void writeDeadlines(json::JsonWriter& out, const std::vector<report::Deadline>& deadlines) {
  out.key("deadlines").beginArray();
  for (const report::Deadline& deadline : deadlines) {
    out.beginObject()
        .member("kind", report::deadlineCode(deadline.kind))
        .member("dueAtUnixMs", deadline.dueAtUnixMs)
        .member("lateByMs", deadline.lateByMs)
        .member("escalated", deadline.escalated)
        .endObject();
  }
  out.endArray();
}

}  // namespace

void writeOfficerCard(json::JsonWriter& out, const std::optional<matching::OfficerCard>& officer) {
  if (!officer) {
    out.null();
    return;
  }
  out.beginObject()
      .member("nrp", officer->nrp)
      .member("name", officer->name)
      .member("phone", officer->phoneE164)
      .member("regencyCode", officer->regencyCode)
      .endObject();
}

void writeNearbyOfficers(json::JsonWriter& out, const std::vector<matching::NearbyOfficer>& officers) {
  out.beginArray();
  for (const matching::NearbyOfficer& nearby : officers) {
    out.beginObject().key("officer");
    writeOfficerCard(out, nearby.officer);
    out.member("distanceKm", nearby.distanceKm).endObject();
  }
  out.endArray();
}


void writePublicReport(json::JsonWriter& out, const report::Report& report,
                       const std::optional<matching::OfficerCard>& assigned,
                       std::optional<std::int64_t> confirmBeforeUnixMs) {
  const report::ReportDetails& details = report.details();
  out.beginObject()
      .member("trackingCode", details.trackingCode)
      .member("category", report::categoryCode(details.category))
      .member("title", details.title)
      .member("description", details.description)
      .member("incidentAtUnixMs", details.incidentAtUnixMs)
      .member("villageCode", details.villageCode)
      .member("status", report::statusCode(report.status()))
      .member("createdAtUnixMs", report.timeline().front().atUnixMs)
      .member("updatedAtUnixMs", report.timeline().back().atUnixMs);
  if (confirmBeforeUnixMs) {
    out.member("confirmBeforeUnixMs", *confirmBeforeUnixMs);
  } else {
    out.key("confirmBeforeUnixMs").null();
  }
  writePosition(out, details.position);
  out.key("assignedOfficer");
  writeOfficerCard(out, assigned);
  writePublicTimeline(out, report);
  out.endObject();
}

void writeStaffReport(json::JsonWriter& out, const service::ReportForStaff& report,
                      const std::optional<matching::OfficerCard>& assigned) {
  out.beginObject().key("report").raw(wire::encodeReportJson(report.stored.report));
  out.member("changeSeq", report.stored.changeSeq);
  out.key("assignedOfficer");
  writeOfficerCard(out, assigned);
  out.key("reporters").beginArray();
  for (const storage::ReporterRow& reporter : report.reporters) {
    out.beginObject()
        .member("anonymous", reporter.anonymous)
        .member("name", reporter.name)
        .member("phone", reporter.phoneE164)
        .member("joinedAtUnixMs", reporter.joinedAtUnixMs)
        .endObject();
  }
  out.endArray().key("allowedMoves").beginArray();
  for (report::Action action : report.allowedMoves) out.value(report::actionCode(action));
  out.endArray();
  writeDeadlines(out, report.deadlines);
  out.endObject();
}

}  // namespace bhabin::server::api
