#include "core/report/visit_validation.h"

#include <iterator>

#include "core/domain/officer.h"
#include "core/report/field_checks.h"

namespace bhabin::report {

namespace {

std::vector<domain::VisitTopic> checkTopics(const std::vector<std::string>& codes,
                                            std::vector<ValidationError>& errors) {
  bool seen[std::size(domain::kAllVisitTopics)] = {};
  for (const std::string& code : codes) {
    const auto topic = domain::topicFromCode(text::trimWhitespace(code));
    if (!topic) {
      errors.push_back({"topics", ErrorCode::UnknownTopic});
      return {};
    }
    seen[static_cast<std::size_t>(*topic)] = true;
  }
  std::vector<domain::VisitTopic> topics;
  for (domain::VisitTopic topic : domain::kAllVisitTopics) {
    if (seen[static_cast<std::size_t>(topic)]) topics.push_back(topic);
  }
  if (topics.empty()) errors.push_back({"topics", ErrorCode::Required});
  return topics;
}

}  // namespace

Validated<domain::SambangVisit> validateVisitForm(const VisitForm& form, std::int64_t nowUnixMs,
                                                  const ValidationSettings& settings) {
  Validated<domain::SambangVisit> result;
  auto& errors = result.errors;
  domain::SambangVisit visit;
  visit.officerNrp = std::string(text::trimWhitespace(form.officerNrp));
  if (visit.officerNrp.empty()) {
    errors.push_back({"officerNrp", ErrorCode::Required});
  } else if (!domain::isValidNrp(visit.officerNrp)) {
    errors.push_back({"officerNrp", ErrorCode::InvalidNrp});
  }
  visit.visitedAtUnixMs = checkPastTime(form.visitedAtUnixMs, "visitedAtUnixMs", nowUnixMs, settings, errors);
  visit.position = checkPosition(form.latDeg, form.lonDeg, settings.serviceArea, errors);
  visit.place = checkText(form.place, "place", {text::Lines::Single, true, 1, settings.placeMaxChars}, errors);
  visit.topics = checkTopics(form.topics, errors);
  visit.notes = checkText(form.notes, "notes", {text::Lines::Multi, false, 0, settings.notesMaxChars}, errors);
  if (errors.empty()) result.value = std::move(visit);
  return result;
}

}  // namespace bhabin::report
