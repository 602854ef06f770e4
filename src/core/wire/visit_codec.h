// Sambang visits on the wire (JSON) once validated; same rules as report_codec.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "core/domain/sambang_visit.h"
#include "core/wire/flat_json.h"

namespace bhabin::wire {

// {"formatVersion":2,"officerNrp":...,"visitedAtUnixMs":...,"position":{...},"place":...,
//  "topics":["keamanan",...],"notes":...}
std::string encodeVisitJson(const domain::SambangVisit& visit);
std::variant<domain::SambangVisit, ParseError> decodeVisitJson(std::string_view json);

}  // namespace bhabin::wire
