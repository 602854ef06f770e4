#include "ui/report_form_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>

#include "core/report/photo_metadata.h"
#include "ui/widget_tags.h"
#include "ui/widgets.h"

namespace bhabin::ui {

namespace {

constexpr std::int64_t kMsPerMinute = 60000;
constexpr std::int64_t kMsPerDay = 86400000;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// "07:15", or "07.15" as Indonesians write the time.
std::optional<int> minutesOfDay(const std::string& text) {
  int hours = -1, minutes = -1;
  char separator = 0, rest = 0;
  if (std::sscanf(text.c_str(), "%d%c%d%c", &hours, &separator, &minutes, &rest) != 3) return std::nullopt;
  if (separator != ':' && separator != '.') return std::nullopt;
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return std::nullopt;
  return hours * 60 + minutes;
}

// The time field takes what "HH:MM" is made of (ImGui's decimal filter would drop the colon).
int onlyTimeCharacters(ImGuiInputTextCallbackData* data) {
  const ImWchar c = data->EventChar;
  return (c >= '0' && c <= '9') || c == ':' || c == '.' ? 0 : 1;
}

std::string currentTimeText(std::int64_t nowUnixMs, int utcOffsetMinutes) {
  const std::int64_t local = floorDiv(nowUnixMs, kMsPerMinute) + utcOffsetMinutes;
  const auto minuteOfDay = static_cast<int>(local - floorDiv(local, 1440) * 1440);
  char text[16];
  std::snprintf(text, sizeof text, "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
  return text;
}

}  // namespace

report::ReportForm formFromDraft(const ReportDraft& draft, const geo::LatLon* position, const std::string& villageCode,
                                 std::int64_t nowUnixMs, int utcOffsetMinutes) {
  report::ReportForm form;
  if (draft.category >= 0 && draft.category < static_cast<int>(std::size(report::kAllCategories))) {
    form.category = std::string(report::categoryCode(report::kAllCategories[draft.category]));
  }
  form.title = draft.title;
  form.description = draft.description;
  if (const auto minutes = minutesOfDay(draft.time)) {
    const std::int64_t offsetMs = std::int64_t{utcOffsetMinutes} * kMsPerMinute;
    const std::int64_t localMidnight = floorDiv(nowUnixMs + offsetMs, kMsPerDay) * kMsPerDay;
    form.incidentAtUnixMs = localMidnight - draft.daysAgo * kMsPerDay + *minutes * kMsPerMinute - offsetMs;
  }
  if (position) {
    form.latDeg = position->latDeg;
    form.lonDeg = position->lonDeg;
  }
  form.villageCode = villageCode;
  form.anonymous = draft.anonymous;
  form.reporterName = draft.anonymous ? std::string() : draft.name;
  form.reporterPhone = draft.anonymous ? std::string() : draft.phone;
  return form;
}

std::optional<std::string> ReportFormPanel::draw(const i18n::Catalog& texts, i18n::Language language, Platform& platform,
                                                 const LocatePanel& locate, CitizenReports& reports, const OutboxSender& outbox) {
  if (sentCode_) return drawSent(texts, platform, reports, outbox);
  if (stage_ == Stage::CheckingNearby && platform.nowUnixMs() - checkStartedAtMs_ > kNearbyCheckTimeoutMs) sendNew(reports);
  if (stage_ == Stage::Offering) {
    drawOffer(texts, platform, reports);
  } else {
    drawForm(texts, language, platform, locate, reports);
  }
  return std::nullopt;
}

void ReportFormPanel::fieldErrors(const char* field, i18n::Language language) const {
  for (const report::ValidationError& error : errors_) {
    if (error.field == field) errorText(std::string(error.message(language)));
  }
}

void ReportFormPanel::drawForm(const i18n::Catalog& texts, i18n::Language language, Platform& platform,
                               const LocatePanel& locate, CitizenReports& reports) {
  if (!timeFilled_) {
    draft_.time = currentTimeText(platform.nowUnixMs(), platform.utcOffsetMinutes());
    timeFilled_ = true;
  }
  hintText(texts.text("report.emergency_hint"));
  if (alarmButton(texts.text("emergency.call"), "report.emergency")) platform.openExternal("tel:110");

  ImGui::TextUnformatted(texts.text("report.category"));
  const char* preview = draft_.category < 0 ? texts.text("report.choose_category")
                                            : report::categoryLabel(report::kAllCategories[draft_.category], language).data();
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::BeginCombo("##category", preview, ImGuiComboFlags_HeightLarge)) {
    for (std::size_t i = 0; i < std::size(report::kAllCategories); ++i) {
      const std::string label(report::categoryLabel(report::kAllCategories[i], language));
      if (ImGui::Selectable(label.c_str(), draft_.category == static_cast<int>(i))) draft_.category = static_cast<int>(i);
      tag("report.category." + std::string(report::categoryCode(report::kAllCategories[i])));
    }
    ImGui::EndCombo();
  }
  tag("report.category");
  fieldErrors("category", language);

  ImGui::TextUnformatted(texts.text("report.title"));
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::InputTextWithHint("##title", texts.text("report.title_hint"), &draft_.title);
  tag("report.title");
  fieldErrors("title", language);

  ImGui::TextUnformatted(texts.text("report.description"));
  ImGui::InputTextMultiline("##description", &draft_.description, ImVec2(-1.0f, ImGui::GetTextLineHeight() * 5));
  tag("report.description");
  fieldErrors("description", language);

  ImGui::TextUnformatted(texts.text("report.where"));
  if (const auto& position = locate.position()) {
    const std::string& label = locate.answer().villageLabel;
    char coordinates[48];
    std::snprintf(coordinates, sizeof coordinates, "%.5f, %.5f", position->latDeg, position->lonDeg);
    ImGui::TextWrapped("%s", label.empty() ? coordinates : label.c_str());
    hintText(texts.text("report.drag_pin"));
  } else {
    errorText(texts.text("report.no_position"));
  }
  fieldErrors("latDeg", language);
  fieldErrors("lonDeg", language);
  fieldErrors("position", language);
  fieldErrors("villageCode", language);

  ImGui::TextUnformatted(texts.text("report.when"));
  ImGui::RadioButton(texts.text("report.today"), &draft_.daysAgo, 0);
  tag("report.today");
  ImGui::SameLine();
  ImGui::RadioButton(texts.text("report.yesterday"), &draft_.daysAgo, 1);
  tag("report.yesterday");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(80.0f);
  ImGui::InputText("##time", &draft_.time, ImGuiInputTextFlags_CallbackCharFilter, onlyTimeCharacters);
  tag("report.time");
  fieldErrors("incidentAtUnixMs", language);

  drawPhoto(texts, language, platform);

  ImGui::Separator();
  ImGui::Checkbox(texts.text("report.anonymous"), &draft_.anonymous);
  tag("report.anonymous");
  if (!draft_.anonymous) {
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint("##name", texts.text("report.name_hint"), &draft_.name);
    tag("report.name");
    fieldErrors("reporterName", language);
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint("##phone", texts.text("report.phone_hint"), &draft_.phone, ImGuiInputTextFlags_CharsNoBlank);
    tag("report.phone");
    fieldErrors("reporterPhone", language);
  } else {
    hintText(texts.text("report.anonymous_hint"));
  }
  ImGui::Checkbox(texts.text("report.consent"), &draft_.consent);
  tag("report.consent");
  if (tried_ && !draft_.consent) errorText(texts.text("report.consent_required"));

  ImGui::Spacing();
  if (stage_ == Stage::CheckingNearby) {
    hintText(texts.text("report.checking_nearby"));
  } else if (button(texts.text("report.send"), "report.submit", true)) {
    submit(platform, locate, reports);
  }
  if (tried_ && !errors_.empty()) errorText(texts.text("report.fix_errors"));
}

void ReportFormPanel::drawOffer(const i18n::Catalog& texts, const Platform& platform, CitizenReports& reports) {
  ImGui::TextWrapped("%s", texts.text("report.nearby_intro"));
  std::optional<std::size_t> chosen;
  for (std::size_t i = 0; i < offered_.size(); ++i) {
    const wire::DuplicateView& other = offered_[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::Separator();
    ImGui::TextWrapped("%s", other.title.c_str());
    const auto status = report::statusFromCode(other.status);
    hintText(std::string(status ? statusLabel(*status, texts) : other.status.c_str()) + " · " + formatKm(other.distanceKm) +
             " · " + formatAge(platform.nowUnixMs() - other.createdAtUnixMs, texts));
    if (button(texts.text("report.join"), "report.join." + std::to_string(i), true)) chosen = i;
    ImGui::PopID();
  }
  ImGui::Separator();
  hintText(texts.text("report.join_hint"));
  if (photo_) hintText(texts.text("report.join_without_photo"));
  if (button(texts.text("report.send_new"), "report.send_new", true)) {
    sendNew(reports);
  } else if (button(texts.text("report.back_to_form"), "report.back_to_form", true)) {
    offered_.clear();
    stage_ = Stage::Editing;
  } else if (chosen) {
    joinOffered(*chosen, reports);
  }
}

void ReportFormPanel::drawPhoto(const i18n::Catalog& texts, i18n::Language language, Platform& platform) {
  ImGui::TextUnformatted(texts.text("report.photo"));
  if (photo_) {
    char size[64];
    std::snprintf(size, sizeof size, "%d × %d px, %.0f KB", photo_->width, photo_->height, static_cast<double>(photo_->jpeg.size()) / 1024.0);
    ImGui::TextUnformatted(size);
    tag("report.photo.info");
    hintText(texts.text("report.photo_stripped"));
  }
  if (button(photo_ ? texts.text("report.photo_replace") : texts.text("report.photo_add"), kPhotoButtonTag)) {
    platform.pickPhoto([this](const PickedPhoto& picked) { attach(picked); });
  }
  if (photo_) {
    ImGui::SameLine();
    if (button(texts.text("report.photo_remove"), "report.photo.remove")) photo_.reset();
  }
  if (photoUnreadable_) errorText(texts.text("report.photo_unreadable"));
  if (photoRefusal_) errorText(std::string(report::errorMessage(*photoRefusal_, language)));
}

// The browser already re-encoded the picture from its pixels; the core's stripper checks the result (type,
// size, structure) and would drop any metadata a browser left in, so no stored copy can tell where it was taken.
void ReportFormPanel::attach(const PickedPhoto& picked) {
  if (picked.outcome == PickedPhoto::Outcome::Cancelled) return;
  photoUnreadable_ = picked.outcome == PickedPhoto::Outcome::Unreadable;
  photoRefusal_.reset();
  if (photoUnreadable_) return;
  auto stripped = report::stripPhotoMetadata(picked.jpeg);
  if (auto* refusal = std::get_if<report::ErrorCode>(&stripped)) {
    photoRefusal_ = *refusal;
    return;
  }
  photo_ = PickedPhoto{PickedPhoto::Outcome::Picked, std::move(std::get<report::StrippedPhoto>(stripped).bytes), picked.width,
                       picked.height};
}

std::vector<std::string> ReportFormPanel::refusedFields() const {
  std::vector<std::string> fields;
  for (const report::ValidationError& error : errors_) fields.push_back(error.field);
  if (tried_ && !draft_.consent) fields.push_back("consent");
  return fields;
}

void ReportFormPanel::submit(Platform& platform, const LocatePanel& locate, CitizenReports& reports) {
  tried_ = true;
  const auto& position = locate.position();
  const std::string village = locate.answer().villageCode.value_or("");
  const report::ReportForm form =
      formFromDraft(draft_, position ? &*position : nullptr, village, platform.nowUnixMs(), platform.utcOffsetMinutes());
  auto validated = report::validateReportForm(form, platform.nowUnixMs());
  errors_ = validated.errors;
  if (!validated.ok() || !draft_.consent) return;
  ready_ = std::move(*validated.value);
  if (platform.online()) {
    checkNearby(platform, reports);
  } else {
    sendNew(reports);
  }
}

void ReportFormPanel::checkNearby(Platform& platform, CitizenReports& reports) {
  stage_ = Stage::CheckingNearby;
  checkStartedAtMs_ = platform.nowUnixMs();
  const int number = ++checkNumber_;
  char query[160];
  std::snprintf(query, sizeof query, "?lat=%.6f&lon=%.6f&category=", ready_->position.latDeg, ready_->position.lonDeg);
  HttpRequest request;
  request.path = "/api/v1/reports/nearby" + std::string(query) + std::string(report::categoryCode(ready_->category));
  platform.send(request, [this, number, &reports](const HttpResponse& response) {
    if (number != checkNumber_ || stage_ != Stage::CheckingNearby) return;
    // Without an answer the report is sent anyway: the offer helps the officer, it must never block a report.
    if (response.status == 200) {
      auto decoded = wire::decodeOpenReportsNearby(response.body);
      if (auto* open = std::get_if<std::vector<wire::DuplicateView>>(&decoded); open && !open->empty()) {
        offered_ = std::move(*open);
        stage_ = Stage::Offering;
        return;
      }
    }
    sendNew(reports);
  });
}

void ReportFormPanel::sendNew(CitizenReports& reports) {
  stage_ = Stage::Editing;
  offered_.clear();
  std::optional<std::string> photo;
  if (photo_) photo = std::move(photo_->jpeg);
  photoNotStored_ = false;
  sentCode_ = reports.submit(std::move(*ready_), std::move(photo), [this](bool stored) { photoNotStored_ = !stored; });
  ready_.reset();
  if (!sentCode_) {
    errors_.push_back({"villageCode", report::ErrorCode::InvalidVillageCode});
    return;
  }
  joined_ = false;
  clearForm();
}

void ReportFormPanel::joinOffered(std::size_t index, CitizenReports& reports) {
  const wire::DuplicateView other = offered_.at(index);
  reports.join(other, ready_->reporter);
  sentCode_ = other.trackingCode;
  joined_ = true;
  stage_ = Stage::Editing;
  offered_.clear();
  ready_.reset();
  clearForm();
}

void ReportFormPanel::clearForm() {
  draft_ = ReportDraft{};
  photo_.reset();
  photoRefusal_.reset();
  photoUnreadable_ = false;
  timeFilled_ = false;
  tried_ = false;
}

std::optional<std::string> ReportFormPanel::drawSent(const i18n::Catalog& texts, Platform& platform,
                                                     const CitizenReports& reports, const OutboxSender& outbox) {
  const std::string& code = *sentCode_;
  ImGui::TextWrapped("%s", joined_ ? texts.text("sent.joined") : texts.text("sent.thanks"));
  ImGui::TextUnformatted(texts.text("sent.code"));
  ImGui::PushFont(largeFontOrDefault());
  ImGui::TextUnformatted(code.c_str());
  ImGui::PopFont();
  tag("sent.code");
  if (button(texts.text("sent.copy"), "sent.copy")) platform.copyText(code);

  const sync::Change* queued = nullptr;
  for (const sync::Change& change : outbox.outbox().pending()) {
    if (change.reportId == code) queued = &change;
  }
  const wire::TrackedReport* tracked = reports.trackedReport(code);
  if (queued && outbox.status().saving) {
    hintText(texts.text("sent.saving"));
  } else if (queued) {
    hintText(outbox.isSending(queued->idempotencyKey) ? texts.text("sent.sending") : texts.text("sent.waiting"));
  } else if (tracked && !tracked->secret.empty()) {
    hintText(texts.text("sent.delivered"));
  }
  tag("sent.state");
  if (photoNotStored_) errorText(texts.text("sent.photo_not_stored"));

  std::optional<std::string> follow;
  if (button(texts.text("sent.track"), "sent.track", true)) follow = code;
  if (button(texts.text("sent.another"), "sent.another", true)) sentCode_.reset();
  return follow;
}

}  // namespace bhabin::ui
