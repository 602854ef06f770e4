// Internal to wire: the field list of a sambang visit, shared by the visit codec and the sync changes that
// carry one (see record_io.h). Append-only: a new field needs a new format version and a default.
#pragma once

#include "core/domain/sambang_visit.h"
#include "core/wire/report_fields.h"

namespace bhabin::wire::detail {

template <class Io>
void describe(Io& io, domain::SambangVisit& visit) {
  io.text("officerNrp", visit.officerNrp);
  io.integer("visitedAtUnixMs", visit.visitedAtUnixMs);
  io.object("position", visit.position);
  io.text("place", visit.place);
  io.enumList("topics", visit.topics, domain::kAllVisitTopics, domain::topicCode);
  io.text("notes", visit.notes);
}

}  // namespace bhabin::wire::detail
