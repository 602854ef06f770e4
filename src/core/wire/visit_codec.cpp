#include "core/wire/visit_codec.h"

#include "core/wire/record_io.h"
#include "core/wire/report_fields.h"

namespace bhabin::wire {

namespace detail {

template <class Io>
void describe(Io& io, domain::SambangVisit& visit) {
  io.text("officerNrp", visit.officerNrp);
  io.integer("visitedAtUnixMs", visit.visitedAtUnixMs);
  io.object("position", visit.position);
  io.text("place", visit.place);
  io.enumList("topics", visit.topics, domain::kAllVisitTopics, domain::topicCode);
  io.text("notes", visit.notes);
}

}  // namespace detail

std::string encodeVisitJson(const domain::SambangVisit& visit) { return detail::toJson(visit); }

std::variant<domain::SambangVisit, ParseError> decodeVisitJson(std::string_view json) {
  auto visit = detail::fromJson<domain::SambangVisit>(json);
  if (auto* decoded = std::get_if<domain::SambangVisit>(&visit)) {
    if (!geo::isValid(decoded->position)) return ParseError{"\"position\" is out of range"};
  }
  return visit;
}

}  // namespace bhabin::wire
