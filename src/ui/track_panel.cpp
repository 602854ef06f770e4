#include "ui/track_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/text/utf8.h"
#include "ui/widget_tags.h"
#include "ui/widgets.h"

namespace bhabin::ui {

void TrackPanel::show(const std::string& code, const std::string& secret, CitizenReports& reports) {
  const auto canonical = canonicalTrackingCode(code);
  if (!canonical) return;
  shownCode_ = *canonical;
  shownSecret_ = secret;
  if (!secret.empty()) reports.track(shownCode_, secret);
}

void TrackPanel::draw(const i18n::Catalog& texts, i18n::Language language, Platform& platform, CitizenReports& reports) {
  if (!shownCode_.empty()) {
    if (button(texts.text("track.back"), "track.back")) {
      shownCode_.clear();
      return;
    }
    drawReport(texts, language, platform, reports);
    return;
  }
  drawMine(texts, platform, reports);
  ImGui::Separator();
  drawLookup(texts, reports);
}

void TrackPanel::drawMine(const i18n::Catalog& texts, Platform& platform, CitizenReports& reports) {
  ImGui::TextUnformatted(texts.text("track.mine"));
  if (reports.tracked().empty()) hintText(texts.text("track.none_yet"));
  for (const wire::TrackedReport& mine : reports.tracked()) {
    const std::string label = mine.trackingCode + "  " + mine.title + "\n" + formatLocalTime(mine.createdAtUnixMs, platform.utcOffsetMinutes()) +
                              (mine.secret.empty() ? std::string("  ") + texts.text("sent.waiting") : std::string());
    if (ImGui::Selectable((label + "##" + mine.trackingCode).c_str())) {
      const std::string code = mine.trackingCode;
      const std::string secret = mine.secret;
      tag("track.mine." + code);
      show(code, secret, reports);
      return;
    }
    tag("track.mine." + mine.trackingCode);
  }
}

void TrackPanel::drawLookup(const i18n::Catalog& texts, CitizenReports& reports) {
  ImGui::TextUnformatted(texts.text("track.by_code"));
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::InputTextWithHint("##code", texts.text("track.code_hint"), &typedCode_, ImGuiInputTextFlags_CharsUppercase);
  tag("track.code");
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::InputTextWithHint("##secret", texts.text("track.secret_hint"), &typedSecret_);
  tag("track.secret");
  if (badCode_) errorText(texts.text("track.bad_code"));
  if (button(texts.text("track.find"), "track.find", true)) {
    badCode_ = !canonicalTrackingCode(typedCode_);
    if (!badCode_) show(typedCode_, typedSecret_, reports);
  }
}

void TrackPanel::drawReport(const i18n::Catalog& texts, i18n::Language language, Platform& platform, CitizenReports& reports) {
  ImGui::PushFont(largeFontOrDefault());
  ImGui::TextUnformatted(shownCode_.c_str());
  ImGui::PopFont();
  tag("track.shown_code");
  if (const wire::TrackedReport* mine = reports.trackedReport(shownCode_); mine && shownSecret_.empty()) {
    shownSecret_ = mine->secret;
  }
  if (shownSecret_.empty()) {
    hintText(texts.text("track.not_sent_yet"));
    return;
  }
  // The secret of a report filed here arrives with the server's answer; fetch the status once it does.
  if (!reports.trackResult(shownCode_)) reports.track(shownCode_, shownSecret_);
  const TrackResult* result = reports.trackResult(shownCode_);
  if (button(texts.text("track.reload"), "track.reload")) reports.track(shownCode_, shownSecret_);
  ImGui::SameLine();
  if (button(texts.text("track.copy_link"), "track.copy_link")) {
    platform.copyText(std::string("#track=") + shownCode_ + "&s=" + shownSecret_);
  }
  if (!result || (result->state == TrackResult::State::Loading && !result->report)) {
    hintText(texts.text("track.loading"));
    return;
  }
  if (result->state == TrackResult::State::NotFound) errorText(result->problem);
  if (result->state == TrackResult::State::Failed) {
    errorText(result->problem.empty() ? texts.text("sync.offline") : result->problem);
  }
  if (!result->report) return;
  const wire::PublicReportView& view = *result->report;
  hintText(std::string(texts.text("track.updated")) + " " + formatAge(platform.nowUnixMs() - result->fetchedAtUnixMs, texts));
  ImGui::TextWrapped("%s", view.title.c_str());
  ImGui::Text("%s: %s", texts.text("track.status"), statusLabel(view.status, texts));
  tag("track.status");
  hintText(std::string(report::categoryLabel(view.category, language)));
  if (view.assignedOfficer) ImGui::TextWrapped("%s: %s", texts.text("track.officer"), view.assignedOfficer->name.c_str());
  drawAnswer(texts, platform, reports, *result);
  ImGui::Separator();
  ImGui::TextUnformatted(texts.text("track.timeline"));
  for (std::size_t i = 0; i < view.timeline.size(); ++i) {
    const wire::PublicTimelineEvent& event = view.timeline[i];
    ImGui::Bullet();
    ImGui::TextWrapped("%s  %s", formatLocalTime(event.atUnixMs, platform.utcOffsetMinutes()).c_str(), statusLabel(event.status, texts));
    tag("track.event." + std::to_string(i));
    if (!event.note.empty() && event.actorRole != report::Role::Citizen) {
      ImGui::Indent();
      ImGui::TextWrapped("%s", event.note.c_str());
      ImGui::Unindent();
    }
    if (event.rating > 0) {
      ImGui::Indent();
      ImGui::Text("%s: %u/5", texts.text("track.rating"), event.rating);
      ImGui::Unindent();
    }
  }
}

void TrackPanel::drawAnswer(const i18n::Catalog& texts, Platform& platform, CitizenReports& reports,
                            const TrackResult& result) {
  const wire::PublicReportView& view = *result.report;
  const bool open = view.status == report::Status::Resolved && view.confirmBeforeUnixMs &&
                    platform.nowUnixMs() < *view.confirmBeforeUnixMs;
  if (!open) return;
  ImGui::Separator();
  ImGui::TextWrapped("%s %s", texts.text("track.confirm_until"),
                     formatLocalTime(*view.confirmBeforeUnixMs, platform.utcOffsetMinutes()).c_str());
  ImGui::TextUnformatted(texts.text("track.rating"));
  for (int stars = 1; stars <= 5; ++stars) {
    if (stars > 1) ImGui::SameLine();
    ImGui::RadioButton((std::to_string(stars) + "##rating").c_str(), &rating_, stars);
    tag("track.rating." + std::to_string(stars));
  }
  if (button(texts.text("track.confirm"), "track.confirm", true) && !result.answering) {
    reports.confirm(shownCode_, shownSecret_, static_cast<std::uint32_t>(rating_));
  }
  ImGui::TextUnformatted(texts.text("track.reopen_reason"));
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::InputTextMultiline("##reopen_reason", &reopenReason_, ImVec2(-1.0f, ImGui::GetTextLineHeight() * 3));
  tag("track.reopen_reason");
  if (reasonMissing_) errorText(texts.text("track.reason_required"));
  if (button(texts.text("track.reopen"), "track.reopen", true) && !result.answering) {
    reasonMissing_ = text::trimWhitespace(reopenReason_).empty();
    if (!reasonMissing_) reports.reopen(shownCode_, shownSecret_, reopenReason_);
  }
  if (result.answerFailed) errorText(result.answerProblem.empty() ? texts.text("sync.offline") : result.answerProblem);
}

}  // namespace bhabin::ui
