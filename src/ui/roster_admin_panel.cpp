#include "ui/roster_admin_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "ui/widget_tags.h"
#include "ui/widgets.h"

namespace bhabin::ui {

namespace {

constexpr std::size_t kOfficerRowsShown = 60;
// Enough to act on at once without pushing the officers off a phone's screen; the count says the rest.
constexpr std::size_t kUncoveredShown = 20;

std::string villageName(const RosterAdmin& admin, const std::string& code) {
  const wire::AreaVillageView* village = admin.village(code);
  return village ? village->name : code;
}

std::string officerName(const RosterAdmin& admin, const std::string& nrp) {
  const wire::ManagedOfficerView* officer = admin.officer(nrp);
  return officer ? officer->name : nrp;
}

std::string villageNames(const RosterAdmin& admin, const std::vector<std::string>& codes) {
  std::string out;
  for (const std::string& code : codes) out += (out.empty() ? "" : ", ") + villageName(admin, code);
  return out;
}

// "Aktif · Bertugas · 2 laporan terbuka"
std::string statusLine(const i18n::Catalog& texts, const wire::ManagedOfficerView& officer) {
  std::string line = texts.text(officer.active ? "roster.active" : "roster.inactive");
  if (officer.active) line += std::string(" · ") + texts.text(officer.onDuty ? "officer.on_duty" : "roster.off_duty");
  if (officer.openReports > 0) line += " · " + std::to_string(officer.openReports) + " " + texts.text("roster.open_reports");
  return line;
}

// The server's message for one field of a refused form, if it named that field.
void fieldError(const std::optional<wire::ApiErrorView>& refusal, const char* field) {
  if (!refusal) return;
  for (const wire::FieldErrorView& error : refusal->fields) {
    if (error.field != field) continue;
    errorText(error.message);
    tag(std::string("roster.form.error.") + field);
  }
}

}  // namespace

void RosterAdminPanel::draw(const i18n::Catalog& texts, Platform& platform, RosterAdmin& admin) {
  admin.ensureLoaded();
  if (!admin.problem().empty()) errorText(admin.problem());
  const auto& roster = admin.roster();
  if (!roster) {
    // Signed out and in again, maybe as someone else: start from the list.
    view_ = View::List;
    assigningVillage_.clear();
    hintText(texts.text(admin.busy() ? "roster.loading" : "roster.not_loaded"));
    if (!admin.busy() && button(texts.text("worklist.reload"), "roster.reload")) admin.load();
    return;
  }
  drawUncovered(texts, admin);
  drawOutcome(texts, platform, admin);
  switch (view_) {
    case View::List: drawList(texts, admin); break;
    case View::Officer: drawOfficer(texts, admin); break;
    case View::Create: drawCreate(texts, admin); break;
    case View::Import: drawImport(texts, admin); break;
  }
}

void RosterAdminPanel::show(View view, RosterAdmin& admin) {
  view_ = view;
  confirmingDeactivate_ = false;
  confirmingPassword_ = false;
  admin.forgetOutcome();
}

// Villages nobody active looks after are what a commander must see first.
void RosterAdminPanel::drawUncovered(const i18n::Catalog& texts, RosterAdmin& admin) {
  const auto& uncovered = admin.roster()->uncovered;
  if (uncovered.empty()) {
    hintText(texts.text("roster.all_covered"));
    tag("roster.all_covered");
    return;
  }
  ImGui::PushFont(largeFontOrDefault());
  errorText(std::string(texts.text("roster.uncovered")) + " (" + std::to_string(uncovered.size()) + ")");
  ImGui::PopFont();
  tag("roster.uncovered");
  for (std::size_t i = 0; i < uncovered.size(); ++i) {
    const std::string& code = uncovered[i];
    if (i == kUncoveredShown) {
      hintText("+" + std::to_string(uncovered.size() - i) + " " + texts.text("roster.uncovered_more"));
      break;
    }
    ImGui::PushID(code.c_str());
    const wire::AreaVillageView* village = admin.village(code);
    std::string line = villageName(admin, code);
    if (village && village->officerNrp) line += "  (" + officerName(admin, *village->officerNrp) + " · " + texts.text("roster.inactive") + ")";
    ImGui::TextWrapped("%s", line.c_str());
    tag("roster.uncovered." + code);
    ImGui::SameLine();
    if (button(texts.text("roster.assign"), "roster.assign." + code)) {
      assigningVillage_ = code;
      show(View::List, admin);
    }
    ImGui::PopID();
  }
  if (assigningVillage_.empty()) return;
  hintText(std::string(texts.text("roster.assign_pick")) + " " + villageName(admin, assigningVillage_));
  tag("roster.assigning");
  if (button(texts.text("roster.cancel"), "roster.assign.cancel")) assigningVillage_.clear();
}

void RosterAdminPanel::drawOutcome(const i18n::Catalog& texts, Platform& platform, RosterAdmin& admin) {
  const RosterAdmin::WriteOutcome& outcome = admin.outcome();
  if (outcome.write == RosterAdmin::Write::None || outcome.write == RosterAdmin::Write::Import) return;
  if (outcome.sending) {
    hintText(texts.text("roster.sending"));
    return;
  }
  if (outcome.refusal) {
    if (outcome.refusal->code == "village_taken") {
      drawTakeOverQuestion(texts, admin);
      return;
    }
    // Field errors stand beside the form's fields; anything else is said here.
    if (outcome.refusal->fields.empty() || view_ != View::Create) {
      errorText(outcome.refusal->message.empty() ? std::string(texts.text("sync.offline")) : outcome.refusal->message);
      tag("roster.refusal");
    }
    return;
  }
  if (!outcome.change) return;
  const wire::OfficerChangeView& change = *outcome.change;
  std::string done = std::string(texts.text("roster.saved")) + ": " + change.officer.name;
  if (!change.takenFrom.empty()) {
    std::vector<std::string> taken;
    for (const wire::TakenVillage& village : change.takenFrom) taken.push_back(village.village);
    done += " · " + std::string(texts.text("roster.taken_over")) + " " + villageNames(admin, taken);
  }
  hintText(done);
  tag("roster.saved");
  if (!change.oneTimePassword) return;
  // Shown once: the server keeps only its hash, so the supervisor passes it on now.
  ImGui::TextWrapped("%s", texts.text("roster.one_time_password"));
  ImGui::PushFont(largeFontOrDefault());
  ImGui::TextUnformatted(change.oneTimePassword->c_str());
  ImGui::PopFont();
  tag("roster.one_time_password");
  if (button(texts.text("roster.copy"), "roster.one_time_password.copy")) platform.copyText(*change.oneTimePassword);
}

void RosterAdminPanel::drawTakeOverQuestion(const i18n::Catalog& texts, RosterAdmin& admin) {
  const RosterAdmin::WriteOutcome& outcome = admin.outcome();
  const bool creating = outcome.write == RosterAdmin::Write::Create;
  const std::vector<std::string> asked = creating ? form_.villages : lastVillages_;
  std::string question = texts.text("roster.take_over_question");
  for (const std::string& code : admin.heldByOthers(asked, creating ? form_.nrp : lastVillagesNrp_)) {
    const wire::AreaVillageView* village = admin.village(code);
    question += "\n" + villageName(admin, code) + " ← " + officerName(admin, village && village->officerNrp ? *village->officerNrp : "");
  }
  ImGui::TextWrapped("%s", question.c_str());
  tag("roster.take_over.question");
  if (button(texts.text("roster.take_over"), "roster.take_over.confirm")) {
    if (creating) {
      form_.takeOver = true;
      admin.create(form_);
    } else {
      assignVillages(admin, lastVillagesNrp_, lastVillages_, true);
    }
  }
  ImGui::SameLine();
  if (button(texts.text("roster.cancel"), "roster.take_over.cancel")) admin.forgetOutcome();
}

void RosterAdminPanel::assignVillages(RosterAdmin& admin, const std::string& nrp, std::vector<std::string> villages, bool takeOver) {
  lastVillagesNrp_ = nrp;
  lastVillages_ = villages;
  admin.assignVillages(nrp, villages, takeOver);
}

void RosterAdminPanel::drawList(const i18n::Catalog& texts, RosterAdmin& admin) {
  const wire::AreaRosterView& roster = *admin.roster();
  ImGui::Separator();
  ImGui::Text("%s (%zu)", texts.text("roster.officers"), roster.officers.size());
  if (button(texts.text("roster.new"), "roster.new")) {
    form_ = {};
    villages_.choose({});
    show(View::Create, admin);
  }
  ImGui::SameLine();
  if (button(texts.text("roster.import"), "roster.import")) show(View::Import, admin);
  ImGui::SameLine();
  if (button(texts.text("worklist.reload"), "roster.reload")) admin.load();
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::InputTextWithHint("##roster_filter", texts.text("roster.filter"), &filter_);
  tag("roster.filter");
  const std::string wanted = foldedForSearch(filter_);
  std::size_t shown = 0;
  for (const wire::ManagedOfficerView& officer : roster.officers) {
    if (!matchesFilter(officer.name, officer.nrp, wanted)) continue;
    if (++shown > kOfficerRowsShown) {
      hintText(texts.text("roster.more"));
      break;
    }
    const std::string villages = officer.villages.empty() ? std::string(texts.text("roster.no_villages")) : villageNames(admin, officer.villages);
    const std::string label = officer.name + " (" + officer.nrp + ")\n" + statusLine(texts, officer) + "\n" + villages + "##" + officer.nrp;
    if (!officer.active) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    const bool chosen = ImGui::Selectable(label.c_str());
    if (!officer.active) ImGui::PopStyleColor();
    tag("roster.officer." + officer.nrp);
    if (!chosen) continue;
    if (!assigningVillage_.empty()) {
      std::vector<std::string> assigned = officer.villages;
      if (std::find(assigned.begin(), assigned.end(), assigningVillage_) == assigned.end()) assigned.push_back(assigningVillage_);
      assigningVillage_.clear();
      assignVillages(admin, officer.nrp, std::move(assigned), false);
      return;
    }
    openedNrp_ = officer.nrp;
    villages_.choose(officer.villages);
    show(View::Officer, admin);
    return;
  }
}

void RosterAdminPanel::drawOfficer(const i18n::Catalog& texts, RosterAdmin& admin) {
  if (button(texts.text("worklist.back"), "roster.back")) {
    show(View::List, admin);
    return;
  }
  const wire::ManagedOfficerView* officer = admin.officer(openedNrp_);
  if (!officer) return;
  ImGui::TextWrapped("%s (%s)", officer->name.c_str(), officer->nrp.c_str());
  tag("roster.opened");
  hintText(statusLine(texts, *officer) + (officer->phoneE164.empty() ? "" : " · " + officer->phoneE164));

  if (officer->active) {
    if (!confirmingDeactivate_ && button(texts.text("roster.deactivate"), "roster.deactivate")) confirmingDeactivate_ = true;
    if (confirmingDeactivate_) {
      ImGui::TextWrapped("%s", texts.text("roster.deactivate_question"));
      tag("roster.deactivate.question");
      if (alarmButton(texts.text("roster.deactivate_confirm"), "roster.deactivate.confirm")) {
        confirmingDeactivate_ = false;
        admin.deactivate(officer->nrp);
      }
      ImGui::SameLine();
      if (button(texts.text("roster.cancel"), "roster.deactivate.cancel")) confirmingDeactivate_ = false;
    }
  } else if (button(texts.text("roster.activate"), "roster.activate")) {
    admin.activate(officer->nrp);
  }
  if (!confirmingPassword_ && button(texts.text("roster.reset_password"), "roster.password")) confirmingPassword_ = true;
  if (confirmingPassword_) {
    ImGui::TextWrapped("%s", texts.text("roster.reset_password_question"));
    if (button(texts.text("roster.reset_password_confirm"), "roster.password.confirm")) {
      confirmingPassword_ = false;
      admin.resetPassword(officer->nrp);
    }
    ImGui::SameLine();
    if (button(texts.text("roster.cancel"), "roster.password.cancel")) confirmingPassword_ = false;
  }

  ImGui::Separator();
  ImGui::TextUnformatted(texts.text("roster.villages"));
  villages_.draw(texts, *admin.roster(), officer->nrp, "roster.edit");
  if (button(texts.text("roster.save_villages"), "roster.villages.save", true) && !admin.busy()) {
    assignVillages(admin, officer->nrp, villages_.chosen(), false);
  }
}

void RosterAdminPanel::drawCreate(const i18n::Catalog& texts, RosterAdmin& admin) {
  if (button(texts.text("worklist.back"), "roster.back")) {
    show(View::List, admin);
    return;
  }
  const auto& refusal = admin.outcome().write == RosterAdmin::Write::Create ? admin.outcome().refusal : std::nullopt;
  const auto field = [&](const char* key, const char* name, std::string& value, ImGuiInputTextFlags flags) {
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint((std::string("##new_") + name).c_str(), texts.text(key), &value, flags);
    tag(std::string("roster.form.") + name);
    fieldError(refusal, name);
  };
  field("login.nrp", "nrp", form_.nrp, ImGuiInputTextFlags_CharsDecimal);
  field("roster.name", "name", form_.name, 0);
  field("roster.phone", "phone", form_.phone, 0);
  ImGui::TextUnformatted(texts.text("roster.villages"));
  villages_.draw(texts, *admin.roster(), form_.nrp, "roster.form");
  fieldError(refusal, "villages");
  if (refusal && !refusal->fields.empty()) {
    errorText(refusal->message);
    tag("roster.form.refusal");
  }
  hintText(texts.text("roster.new_hint"));
  if (button(texts.text("roster.create"), "roster.form.submit", true) && !admin.busy()) {
    form_.villages = villages_.chosen();
    form_.takeOver = false;
    admin.create(form_);
  }
  // Created: the one-time password shows above; the form starts empty for the next officer.
  if (admin.outcome().write == RosterAdmin::Write::Create && admin.outcome().change && !form_.nrp.empty() &&
      admin.outcome().change->officer.nrp == form_.nrp) {
    form_ = {};
    villages_.choose({});
  }
}

void RosterAdminPanel::drawImport(const i18n::Catalog& texts, RosterAdmin& admin) {
  if (button(texts.text("worklist.back"), "roster.back")) {
    show(View::List, admin);
    return;
  }
  ImGui::TextWrapped("%s", texts.text("roster.import_intro"));
  ImGui::InputTextMultiline("##import_csv", &csv_, ImVec2(-1.0f, ImGui::GetTextLineHeight() * 8));
  tag("roster.import.csv");
  const bool sending = admin.outcome().write == RosterAdmin::Write::Import && admin.outcome().sending;
  if (button(texts.text("roster.import_check"), "roster.import.dry_run") && !sending) {
    dryRunCsv_.clear();
    admin.importCsv(csv_, true);
  }
  const auto& result = admin.importResult();
  if (result && result->dryRun && result->problems.empty() && dryRunCsv_.empty() && !sending) dryRunCsv_ = csv_;
  // The real import only for the text a clean dry run checked.
  const bool checked = !dryRunCsv_.empty() && dryRunCsv_ == csv_;
  if (checked) {
    ImGui::SameLine();
    if (button(texts.text("roster.import_run"), "roster.import.run") && !sending) admin.importCsv(csv_, false);
  }
  if (sending) hintText(texts.text("roster.sending"));
  if (admin.outcome().write == RosterAdmin::Write::Import && admin.outcome().refusal) {
    errorText(admin.outcome().refusal->message.empty() ? std::string(texts.text("sync.offline")) : admin.outcome().refusal->message);
    tag("roster.import.refusal");
  }
  if (!result) return;
  const char* summaryKey = !result->problems.empty() ? "roster.import_problems" : result->dryRun ? "roster.import_clean" : "roster.import_done";
  ImGui::TextWrapped("%s %s %lld · %s %lld · %s %lld", texts.text(summaryKey), texts.text("roster.import_created"),
                     static_cast<long long>(result->created), texts.text("roster.import_updated"), static_cast<long long>(result->updated),
                     texts.text("roster.import_unchanged"), static_cast<long long>(result->unchanged));
  tag("roster.import.summary");
  for (std::size_t i = 0; i < result->problems.size(); ++i) {
    const wire::ImportProblemView& problem = result->problems[i];
    errorText(std::string(texts.text("roster.import_line")) + " " + std::to_string(problem.line) + " · " + problem.field + ": " + problem.message);
    tag("roster.import.problem." + std::to_string(i));
  }
  for (const std::string& note : result->notes) hintText(note);
  for (const wire::InitialPasswordView& initial : result->initialPasswords) {
    ImGui::Text("%s  %s", initial.nrp.c_str(), initial.password.c_str());
    tag("roster.import.password." + initial.nrp);
  }
}

}  // namespace bhabin::ui
