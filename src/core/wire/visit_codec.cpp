#include "core/wire/visit_codec.h"

#include "core/wire/record_io.h"
#include "core/wire/visit_fields.h"

namespace bhabin::wire {

std::string encodeVisitJson(const domain::SambangVisit& visit) { return detail::toJson(visit); }

std::variant<domain::SambangVisit, ParseError> decodeVisitJson(std::string_view json) {
  auto visit = detail::fromJson<domain::SambangVisit>(json);
  if (auto* decoded = std::get_if<domain::SambangVisit>(&visit)) {
    if (!geo::isValid(decoded->position)) return ParseError{"\"position\" is out of range"};
  }
  return visit;
}

}  // namespace bhabin::wire
