// Internal to wire: the field lists of the report records, shared by every format (see record_io.h).
// Names are the wire names; the order is the binary layout. Append-only: a new field needs a new format
// version and a default for older data.
#pragma once

#include <string>
#include <vector>

#include "core/geo/lat_lon.h"
#include "core/report/report.h"

namespace bhabin::wire::detail {

// A report as stored and sent: its details and timeline, plus the status and officer the timeline leads to
// (redundant, so readers of the JSON need not replay it; checked against the replay when decoding).
struct ReportRecord {
  report::ReportDetails details;
  report::Status status = report::Status::Submitted;
  std::string assignedNrp;
  std::vector<report::TimelineEvent> timeline;
};

template <class Io>
void describe(Io& io, geo::LatLon& position) {
  io.real("latDeg", position.latDeg);
  io.real("lonDeg", position.lonDeg);
}

template <class Io>
void describe(Io& io, report::Reporter& reporter) {
  io.boolean("anonymous", reporter.anonymous);
  io.text("name", reporter.name);
  io.text("phoneE164", reporter.phoneE164);
}

template <class Io>
void describe(Io& io, report::Actor& actor) {
  io.enumeration("role", actor.role, report::kAllRoles, report::roleCode);
  io.text("id", actor.id);
}

template <class Io>
void describe(Io& io, report::ReportDetails& details) {
  io.text("trackingCode", details.trackingCode);
  io.enumeration("category", details.category, report::kAllCategories, report::categoryCode);
  io.text("title", details.title);
  io.text("description", details.description);
  io.integer("incidentAtUnixMs", details.incidentAtUnixMs);
  io.object("position", details.position);
  io.text("villageCode", details.villageCode);
  io.text("photoRef", details.photoRef);
  io.object("reporter", details.reporter);
}

template <class Io>
void describe(Io& io, report::TimelineEvent& event) {
  io.enumeration("action", event.action, report::kAllActions, report::actionCode);
  io.enumeration("status", event.status, report::kAllStatuses, report::statusCode);
  io.object("actor", event.actor);
  io.integer("atUnixMs", event.atUnixMs);
  io.text("note", event.note);
  io.text("assignedNrp", event.assignedNrp);
  if (io.version >= 3) io.count("rating", event.rating);
}

template <class Io>
void describe(Io& io, ReportRecord& record) {
  describe(io, record.details);  // flattened: the details are the report's top-level fields
  io.enumeration("status", record.status, report::kAllStatuses, report::statusCode);
  io.text("assignedNrp", record.assignedNrp);
  io.list("timeline", record.timeline);
}

}  // namespace bhabin::wire::detail
