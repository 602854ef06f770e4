#include "ui/officer_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "ui/widget_tags.h"
#include "ui/widgets.h"

namespace bhabin::ui {

namespace {

// "  TERLAMBAT" on a worklist line when any deadline of the report has passed.
std::string lateMark(const wire::StaffReportView& item, const i18n::Catalog& texts) {
  const bool late = std::any_of(item.deadlines.begin(), item.deadlines.end(),
                                [](const wire::DeadlineView& deadline) { return deadline.lateByMs > 0; });
  return late ? std::string("  ") + texts.text("deadline.late") : std::string();
}

// Each running deadline: what must happen by when, and whether it is late (and the supervisor told).
void drawDeadlines(const wire::StaffReportView& opened, const i18n::Catalog& texts, Platform& platform) {
  for (const wire::DeadlineView& deadline : opened.deadlines) {
    const char* what = texts.text(deadline.kind == report::DeadlineKind::Receive ? "deadline.receive" : "deadline.resolve");
    const std::string due = std::string(what) + " " + formatLocalTime(deadline.dueAtUnixMs, platform.utcOffsetMinutes());
    if (deadline.lateByMs == 0) {
      hintText(due);
      continue;
    }
    errorText(due + "  " + texts.text(deadline.escalated ? "deadline.escalated" : "deadline.late"));
  }
}

}  // namespace

void OfficerPanel::draw(const i18n::Catalog& texts, i18n::Language language, Platform& platform, OfficerDesk& desk,
                        RosterAdmin& admin) {
  if (!desk.session()) {
    drawLogin(texts, desk);
    return;
  }
  const wire::SessionView& session = *desk.session();
  ImGui::TextWrapped("%s (%s)", session.name.c_str(), session.nrp.c_str());
  tag("officer.who");
  ImGui::SameLine();
  if (button(texts.text("officer.logout"), "officer.logout")) {
    desk.logout();
    return;
  }
  if (!desk.problem().empty()) errorText(desk.problem());
  if (desk.opened()) {
    drawOpened(texts, language, platform, desk);
    return;
  }
  if (session.role != "officer") {
    drawSupervisor(texts, language, platform, desk, admin);
    return;
  }
  drawDuty(texts, platform, desk);
  drawWorklist(texts, language, platform, desk);
  drawVisit(texts, language, platform, desk);
}

void OfficerPanel::drawSupervisor(const i18n::Catalog& texts, i18n::Language language, Platform& platform, OfficerDesk& desk,
                                  RosterAdmin& admin) {
  if (!ImGui::BeginTabBar("supervisor")) return;
  const auto section = [&](const char* key, SupervisorSection which, const char* id) {
    const bool open = ImGui::BeginTabItem((std::string(texts.text(key)) + "###" + id).c_str());
    tag(std::string("supervisor.") + id);
    if (open) section_ = which;
    return open;
  };
  if (section("supervisor.dashboard", SupervisorSection::Dashboard, "dashboard")) {
    dashboard_.draw(texts, language, desk);
    drawWorklist(texts, language, platform, desk);
    ImGui::EndTabItem();
  }
  if (section("supervisor.roster", SupervisorSection::Roster, "roster")) {
    roster_.draw(texts, platform, admin);
    ImGui::EndTabItem();
  }
  if (section("supervisor.export", SupervisorSection::Export, "export")) {
    export_.draw(texts, platform, desk);
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

// Sambang: a visit to residents, logged where the officer stands now.
void OfficerPanel::drawVisit(const i18n::Catalog& texts, i18n::Language language, const Platform& platform, OfficerDesk& desk) {
  ImGui::Separator();
  ImGui::TextUnformatted(texts.text("visit.title"));
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::InputTextWithHint("##visit_place", texts.text("visit.place_hint"), &visitPlace_);
  tag("visit.place");
  const char* topicLabels[] = {texts.text("visit.topic_security"), texts.text("visit.topic_order"),
                               texts.text("visit.topic_environment"), texts.text("visit.topic_health")};
  for (std::size_t i = 0; i < visitTopics_.size(); ++i) {
    if (i % 2 == 1) ImGui::SameLine(ImGui::GetContentRegionAvail().x / 2);
    ImGui::Checkbox(topicLabels[i], &visitTopics_[i]);
    tag("visit.topic." + std::string(domain::topicCode(domain::kAllVisitTopics[i])));
  }
  ImGui::InputTextMultiline("##visit_notes", &visitNotes_, ImVec2(-1.0f, ImGui::GetTextLineHeight() * 3));
  tag("visit.notes");

  const OfficerDesk::VisitResult& result = desk.visitResult();
  const bool busy = result.state == OfficerDesk::VisitResult::State::Locating;
  if (button(busy ? texts.text("visit.busy") : texts.text("visit.submit"), "visit.submit", true) && !busy) {
    report::VisitForm form;
    form.place = visitPlace_;
    form.notes = visitNotes_;
    for (std::size_t i = 0; i < visitTopics_.size(); ++i) {
      if (visitTopics_[i]) form.topics.emplace_back(domain::topicCode(domain::kAllVisitTopics[i]));
    }
    desk.logVisit(std::move(form));
  }
  if (const std::size_t waiting = desk.waitingVisits(); waiting > 0) {
    hintText(std::to_string(waiting) + " " + texts.text("visit.waiting"));
  }
  tag("visit.state");
  if (result.state == OfficerDesk::VisitResult::State::Saved) {
    hintText(texts.text("visit.logged"));
    if (!visitPlace_.empty() || !visitNotes_.empty()) {
      visitPlace_.clear();
      visitNotes_.clear();
      visitTopics_.fill(false);
    }
  }
  if (result.state == OfficerDesk::VisitResult::State::Refused) {
    for (const report::ValidationError& error : result.errors) errorText(std::string(error.message(language)));
    if (result.noPosition) errorText(texts.text("visit.no_position"));
  }
  drawRecentVisits(texts, desk, platform);
}

// The latest visits the server has, so the officer sees what was recorded (and what a supervisor will see).
void OfficerPanel::drawRecentVisits(const i18n::Catalog& texts, const OfficerDesk& desk, const Platform& platform) {
  constexpr std::size_t kShown = 10;
  const auto& visits = desk.recentVisits();
  if (visits.empty()) return;
  ImGui::Spacing();
  ImGui::TextUnformatted(texts.text("visit.recent"));
  const char* topicLabels[] = {texts.text("visit.topic_security"), texts.text("visit.topic_order"),
                               texts.text("visit.topic_environment"), texts.text("visit.topic_health")};
  for (std::size_t i = 0; i < visits.size() && i < kShown; ++i) {
    const domain::SambangVisit& visit = visits[i];
    std::string topics;
    for (domain::VisitTopic topic : visit.topics) {
      topics += (topics.empty() ? "" : ", ") + std::string(topicLabels[static_cast<std::size_t>(topic)]);
    }
    ImGui::TextWrapped("%s", visit.place.c_str());
    tag("visit.recent." + std::to_string(i));
    hintText(formatLocalTime(visit.visitedAtUnixMs, platform.utcOffsetMinutes()) + " · " + topics);
  }
}

void OfficerPanel::drawLogin(const i18n::Catalog& texts, OfficerDesk& desk) {
  ImGui::TextWrapped("%s", texts.text("login.intro"));
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::InputTextWithHint("##nrp", texts.text("login.nrp"), &nrp_, ImGuiInputTextFlags_CharsDecimal);
  tag("login.nrp");
  ImGui::SetNextItemWidth(-1.0f);
  const bool entered = ImGui::InputTextWithHint("##password", texts.text("login.password"), &password_,
                                                ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
  tag("login.password");
  if (!desk.problem().empty()) errorText(desk.problem());
  if ((button(desk.busy() ? texts.text("login.busy") : texts.text("login.submit"), "login.submit", true) || entered) &&
      !desk.busy()) {
    desk.login(nrp_, password_);
    password_.clear();
  }
}

void OfficerPanel::drawDuty(const i18n::Catalog& texts, Platform& platform, OfficerDesk& desk) {
  bool onDuty = desk.onDuty().value_or(false);
  if (ImGui::Checkbox(texts.text("duty.on_duty"), &onDuty)) desk.setDuty(onDuty);
  tag("duty.toggle");
  if (!onDuty) return;
  bool share = desk.sharingPosition();
  if (ImGui::Checkbox(texts.text("duty.share_position"), &share)) desk.setSharePosition(share);
  tag("duty.share_position");
  if (share) {
    hintText(desk.lastPositionSentAtUnixMs() == 0
                 ? std::string(texts.text("duty.position_pending"))
                 : std::string(texts.text("duty.position_sent")) + " " +
                       formatAge(platform.nowUnixMs() - desk.lastPositionSentAtUnixMs(), texts));
  }
}

void OfficerPanel::drawWorklist(const i18n::Catalog& texts, i18n::Language language, Platform& platform, OfficerDesk& desk) {
  ImGui::Separator();
  ImGui::Text("%s (%zu)", texts.text("worklist.title"), desk.worklist().size());
  ImGui::SameLine();
  if (button(texts.text("worklist.reload"), "worklist.reload")) desk.refreshWorklist();
  if (desk.worklistFetchedAtUnixMs() > 0) {
    hintText(std::string(texts.text("worklist.updated")) + " " + formatAge(platform.nowUnixMs() - desk.worklistFetchedAtUnixMs(), texts));
  }
  if (desk.worklist().empty()) hintText(texts.text("worklist.empty"));
  for (const wire::StaffReportView& item : desk.worklist()) {
    const report::ReportDetails& details = item.report.details();
    const std::string waiting = desk.waitingMoves(details.trackingCode) > 0 ? std::string("  ") + texts.text("sent.waiting") : "";
    const std::string label = std::string(statusLabel(item.report.status(), texts)) + " - " +
                              std::string(report::categoryLabel(details.category, language)) + waiting +
                              lateMark(item, texts) + "\n" + details.title + "\n" +
                              formatLocalTime(item.report.timeline().front().atUnixMs, platform.utcOffsetMinutes()) + "##" +
                              details.trackingCode;
    if (ImGui::Selectable(label.c_str())) {
      tag("worklist.item." + details.trackingCode);
      note_.clear();
      noteErrors_.clear();
      choosingHandOver_ = false;
      desk.open(details.trackingCode);
      return;
    }
    tag("worklist.item." + details.trackingCode);
  }
}

void OfficerPanel::drawOpened(const i18n::Catalog& texts, i18n::Language language, Platform& platform, OfficerDesk& desk) {
  if (button(texts.text("worklist.back"), "report.back")) {
    desk.close();
    return;
  }
  const wire::StaffReportView& opened = *desk.opened();
  const report::ReportDetails& details = opened.report.details();
  ImGui::TextUnformatted(details.trackingCode.c_str());
  tag("report.code");
  ImGui::TextWrapped("%s", details.title.c_str());
  ImGui::Text("%s: %s", texts.text("track.status"), statusLabel(opened.report.status(), texts));
  tag("report.status");
  hintText(std::string(report::categoryLabel(details.category, language)) + ", " +
           formatLocalTime(details.incidentAtUnixMs, platform.utcOffsetMinutes()));
  ImGui::TextWrapped("%s", details.description.c_str());
  // A logged-in browser tab shows it: the photo route checks the same session cookie.
  if (!details.photoRef.empty() && button(texts.text("officer.photo"), "report.photo")) {
    platform.openExternal("/api/v1/photos/" + details.photoRef);
  }
  if (desk.waitingMoves(details.trackingCode) > 0) hintText(texts.text("sent.waiting"));
  drawDeadlines(opened, texts, platform);

  ImGui::Separator();
  ImGui::TextUnformatted(texts.text("report.reporters"));
  for (std::size_t i = 0; i < opened.reporters.size(); ++i) {
    const wire::ReporterView& reporter = opened.reporters[i];
    if (reporter.anonymous) {
      hintText(texts.text("report.anonymous_reporter"));
      continue;
    }
    ImGui::TextWrapped("%s %s", reporter.name.c_str(), reporter.phoneE164.c_str());
    if (!reporter.phoneE164.empty()) {
      ImGui::PushID(static_cast<int>(i));
      if (button(texts.text("officer.call"), "reporter." + std::to_string(i) + ".call")) platform.openExternal(telUrl(reporter.phoneE164));
      ImGui::SameLine();
      if (button(texts.text("officer.whatsapp"), "reporter." + std::to_string(i) + ".whatsapp")) {
        platform.openExternal(whatsappUrl(reporter.phoneE164));
      }
      ImGui::PopID();
    }
  }

  ImGui::Separator();
  drawMoves(texts, language, desk);

  ImGui::Separator();
  ImGui::TextUnformatted(texts.text("track.timeline"));
  for (const report::TimelineEvent& event : opened.report.timeline()) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s  %s", formatLocalTime(event.atUnixMs, platform.utcOffsetMinutes()).c_str(), actionLabel(event.action, texts));
    if (!event.note.empty() && event.action != report::Action::Submit) {
      ImGui::Indent();
      ImGui::TextWrapped("%s", event.note.c_str());
      ImGui::Unindent();
    }
  }
}

void OfficerPanel::drawMoves(const i18n::Catalog& texts, i18n::Language language, OfficerDesk& desk) {
  const wire::StaffReportView& opened = *desk.opened();
  if (opened.allowedMoves.empty()) return;
  ImGui::TextUnformatted(texts.text("moves.note"));
  ImGui::InputTextMultiline("##note", &note_, ImVec2(-1.0f, ImGui::GetTextLineHeight() * 3));
  tag("moves.note");
  for (const report::ValidationError& error : noteErrors_) errorText(std::string(error.message(language)));
  for (report::Action action : opened.allowedMoves) {
    const std::string id = "move." + std::string(report::actionCode(action));
    if (action == report::Action::HandOver) {
      if (button(actionLabel(action, texts), id)) {
        choosingHandOver_ = !choosingHandOver_;
        if (choosingHandOver_) desk.loadHandOverCandidates();
      }
      continue;
    }
    if (button(actionLabel(action, texts), id)) {
      noteErrors_ = desk.move(action, note_);
      if (noteErrors_.empty()) note_.clear();
    }
  }
  if (!choosingHandOver_) return;
  ImGui::TextUnformatted(texts.text("moves.hand_over_to"));
  if (desk.candidates().empty()) hintText(texts.text("moves.no_candidates"));
  for (const wire::HandOverCandidate& candidate : desk.candidates()) {
    const std::string label = candidate.officer.name + "  (" + formatKm(candidate.distanceKm) + ")##" + candidate.officer.nrp;
    if (ImGui::Selectable(label.c_str())) {
      noteErrors_ = desk.move(report::Action::HandOver, note_, candidate.officer.nrp);
      if (noteErrors_.empty()) {
        note_.clear();
        choosingHandOver_ = false;
      }
    }
    tag("handover." + candidate.officer.nrp);
  }
}

}  // namespace bhabin::ui
