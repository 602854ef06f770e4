// The report and visit forms as the browser posts them and importers write them: a flat JSON object whose
// missing members stay empty, so the validator (not the decoder) reports what is required.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/report/report_validation.h"
#include "core/report/visit_validation.h"
#include "core/wire/flat_json.h"

namespace bhabin::wire {

// Members: category, title, description, villageCode, photoRef, reporterName, reporterPhone (strings),
// incidentAtUnixMs (integer), latDeg, lonDeg (numbers), anonymous (bool). Unknown members are ignored; a member
// of the wrong type is an error naming it.
std::variant<report::ReportForm, ParseError> decodeReportForm(std::string_view json);

// Members: officerNrp, place, notes (strings), visitedAtUnixMs (integer), latDeg, lonDeg (numbers),
// topics (array of strings).
std::variant<report::VisitForm, ParseError> decodeVisitForm(std::string_view json);

// The normalised results of the validators, for a form's caller (the command-line tool, the API's answer).
// Details carry an empty trackingCode until submitted.
std::string encodeReportDetailsJson(const report::ReportDetails& details);

// {"errors":[{"field":"title","code":"required","message":"Wajib diisi."}, ...]} in the given language.
std::string encodeValidationErrorsJson(const std::vector<report::ValidationError>& errors, i18n::Language language);

}  // namespace bhabin::wire
