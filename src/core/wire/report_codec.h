// Reports on the wire (JSON, for the API) and in local storage (cereal portable binary, for IndexedDB and
// the server's cache). Decoding never throws: hostile or damaged input gives a ParseError naming the problem.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "core/report/report.h"
#include "core/wire/flat_json.h"

namespace bhabin::wire {

// {"formatVersion":2,"trackingCode":...,"category":"crime",...,"status":"received","assignedNrp":...,
//  "timeline":[{"action":"submit","status":"submitted","actor":{"role":"citizen","id":""},...}]}
std::string encodeReportJson(const report::Report& report);

// The report, or why not: malformed or over-limit JSON, a missing or mistyped field, a non-finite number, an
// unknown format version, a tracking code that fails its check, or a timeline the status rules do not allow.
std::variant<report::Report, ParseError> decodeReportJson(std::string_view json);

std::string encodeReportBinary(const report::Report& report);
std::variant<report::Report, ParseError> decodeReportBinary(std::string_view bytes);

}  // namespace bhabin::wire
