#include "core/report/report_validation.h"

#include "core/domain/region_code.h"
#include "core/report/field_checks.h"
#include "core/report/phone.h"

namespace bhabin::report {

namespace {

constexpr std::size_t kMaxPhotoRefBytes = 128;

// A photo reference names an object the upload endpoint created: short, ASCII, no path characters.
bool isPhotoRef(std::string_view ref) {
  if (ref.size() > kMaxPhotoRefBytes) return false;
  for (char c : ref) {
    const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alnum && c != '-' && c != '_' && c != ':' && c != '.') return false;
  }
  return ref.find("..") == std::string_view::npos;
}

Reporter checkReporter(const ReportForm& form, const ValidationSettings& settings,
                       std::vector<ValidationError>& errors) {
  Reporter reporter;
  reporter.anonymous = form.anonymous;
  if (form.anonymous) return reporter;
  reporter.name = checkText(form.reporterName, "reporterName", {text::Lines::Single, true, 1, settings.nameMaxChars},
                            errors);
  if (!text::trimWhitespace(form.reporterPhone).empty()) {
    auto phone = normalizeIndonesianPhone(form.reporterPhone);
    if (auto* code = std::get_if<ErrorCode>(&phone)) {
      errors.push_back({"reporterPhone", *code});
    } else {
      reporter.phoneE164 = std::get<std::string>(std::move(phone));
    }
  }
  return reporter;
}

}  // namespace

Validated<Reporter> validateReporter(const ReportForm& form, const ValidationSettings& settings) {
  Validated<Reporter> result;
  Reporter reporter = checkReporter(form, settings, result.errors);
  if (result.errors.empty()) result.value = std::move(reporter);
  return result;
}

Validated<ReportDetails> validateReportForm(const ReportForm& form, std::int64_t nowUnixMs,
                                            const ValidationSettings& settings) {
  Validated<ReportDetails> result;
  auto& errors = result.errors;
  ReportDetails details;
  const std::string_view categoryText = text::trimWhitespace(form.category);
  if (categoryText.empty()) {
    errors.push_back({"category", ErrorCode::Required});
  } else if (auto category = categoryFromCode(categoryText)) {
    details.category = *category;
  } else {
    errors.push_back({"category", ErrorCode::UnknownCategory});
  }
  details.title = checkText(form.title, "title",
                            {text::Lines::Single, true, settings.titleMinChars, settings.titleMaxChars}, errors);
  details.description =
      checkText(form.description, "description",
                {text::Lines::Multi, true, settings.descriptionMinChars, settings.descriptionMaxChars}, errors);
  details.incidentAtUnixMs = checkPastTime(form.incidentAtUnixMs, "incidentAtUnixMs", nowUnixMs, settings, errors);
  details.position = checkPosition(form.latDeg, form.lonDeg, settings.serviceArea, errors);
  const std::string_view village = text::trimWhitespace(form.villageCode);
  if (village.empty()) {
    errors.push_back({"villageCode", ErrorCode::Required});
  } else if (!domain::isVillageCode(village)) {
    errors.push_back({"villageCode", ErrorCode::InvalidVillageCode});
  }
  details.villageCode = std::string(village);
  const std::string_view photoRef = text::trimWhitespace(form.photoRef);
  if (!isPhotoRef(photoRef)) errors.push_back({"photoRef", ErrorCode::InvalidPhotoRef});
  details.photoRef = std::string(photoRef);
  details.reporter = checkReporter(form, settings, errors);
  if (errors.empty()) result.value = std::move(details);
  return result;
}

bool noteRequired(Action action) {
  return action == Action::Reject || action == Action::Reopen || action == Action::Note;
}

Validated<std::string> validateNote(std::string_view raw, bool required, const ValidationSettings& settings) {
  Validated<std::string> result;
  std::string note = checkText(raw, "note", {text::Lines::Multi, required, 0, settings.noteMaxChars}, result.errors);
  if (result.errors.empty()) result.value = std::move(note);
  return result;
}

}  // namespace bhabin::report
