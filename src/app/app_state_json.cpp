#include "app/app_state_json.h"

// cereal's JSON header first: it configures rapidjson (assertions throw), and every translation unit must see
// rapidjson configured the same way.
#include <cereal/archives/json.hpp>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <imgui.h>

#include <algorithm>

#include "core/domain/local_time.h"

namespace bhabin::app {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void text(Writer& out, const char* key, std::string_view value) {
  out.Key(key);
  out.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

const char* tabCode(ui::Tab tab) {
  switch (tab) {
    case ui::Tab::MyOfficer: return "my_officer";
    case ui::Tab::Report: return "report";
    case ui::Tab::Track: return "track";
    case ui::Tab::Officer: return "officer";
  }
  return "my_officer";
}

const char* rosterStateCode(ui::RosterData::State state) {
  switch (state) {
    case ui::RosterData::State::Empty: return "empty";
    case ui::RosterData::State::Loading: return "loading";
    case ui::RosterData::State::Ready: return "ready";
    case ui::RosterData::State::Failed: return "failed";
  }
  return "empty";
}

const char* syncPhaseCode(ui::SyncPhase phase) {
  switch (phase) {
    case ui::SyncPhase::Loading: return "loading";
    case ui::SyncPhase::Idle: return "idle";
    case ui::SyncPhase::Waiting: return "waiting";
    case ui::SyncPhase::Sending: return "sending";
    case ui::SyncPhase::Blocked: return "blocked";
  }
  return "loading";
}

void writeMyOfficer(Writer& out, const ui::AppUi& app) {
  const auto& position = app.locate().position();
  out.Key("position");
  if (position) {
    out.StartObject();
    out.Key("lat");
    out.Double(position->latDeg);
    out.Key("lon");
    out.Double(position->lonDeg);
    out.EndObject();
  } else {
    out.Null();
  }
  const ui::MyOfficerView& answer = app.locate().answer();
  text(out, "village", answer.villageCode.value_or(""));
  text(out, "responsibleNrp", answer.responsible ? answer.responsible->nrp : "");
  text(out, "responsibleStatus", match::responsibleStatusCode(answer.status));
  out.Key("nearestNrps");
  out.StartArray();
  for (const ui::NearbyOfficerView& nearby : answer.nearestOnDuty) out.String(nearby.officer->nrp.c_str());
  out.EndArray();
}

void writeCitizen(Writer& out, const ui::AppUi& app) {
  const ui::SyncStatus sync = app.outbox().status();
  out.Key("sync");
  out.StartObject();
  text(out, "phase", syncPhaseCode(sync.phase));
  out.Key("waiting");
  out.Uint64(sync.waiting);
  out.Key("saving");
  out.Bool(sync.saving);
  text(out, "problem", sync.lastProblem);
  out.EndObject();

  out.Key("refusedFields");
  out.StartArray();
  for (const std::string& field : app.reportForm().refusedFields()) out.String(field.c_str());
  out.EndArray();
  out.Key("outlines");
  out.StartObject();
  out.Key("regencies");
  out.Int(app.outlines().regencyOutlines());
  out.Key("villages");
  out.Int(app.outlines().villageOutlines());
  out.EndObject();
  out.Key("offeredReports");
  out.StartArray();
  for (const wire::DuplicateView& offered : app.reportForm().offeredReports()) out.String(offered.trackingCode.c_str());
  out.EndArray();
  out.Key("joined");
  out.Bool(app.reportForm().joined());
  out.Key("photo");
  if (const ui::PickedPhoto* photo = app.reportForm().photo()) {
    out.StartObject();
    out.Key("width");
    out.Int(photo->width);
    out.Key("height");
    out.Int(photo->height);
    out.Key("bytes");
    out.Uint(static_cast<unsigned>(photo->jpeg.size()));
    out.EndObject();
  } else {
    out.Null();
  }

  out.Key("tracked");
  out.StartArray();
  for (const wire::TrackedReport& tracked : app.citizenReports().tracked()) {
    out.StartObject();
    text(out, "code", tracked.trackingCode);
    out.Key("hasSecret");
    out.Bool(!tracked.secret.empty());
    out.EndObject();
  }
  out.EndArray();

  const std::string& shown = app.trackPanel().shownCode();
  text(out, "shownTrackingCode", shown);
  const ui::TrackResult* result = shown.empty() ? nullptr : app.citizenReports().trackResult(shown);
  text(out, "trackedStatus", result && result->report ? report::statusCode(result->report->status) : "");
  text(out, "trackedOfficerNrp", result && result->report && result->report->assignedOfficer ? result->report->assignedOfficer->nrp : "");
  out.Key("trackedTimeline");
  out.StartArray();
  if (result && result->report) {
    for (const auto& event : result->report->timeline) out.String(report::statusCode(event.status).data());
  }
  out.EndArray();
}

// What a supervisor's dashboard shows: the period, the headline count, the officers' rows (and how many were
// on duty in it), what is late and how many reports the map was given.
void writeDashboard(Writer& out, const ui::OfficerDesk& desk) {
  out.Key("dashboard");
  const auto& view = desk.dashboard();
  if (!view) {
    out.Null();
    return;
  }
  out.StartObject();
  out.Key("days");
  out.Int(desk.dashboardDays());
  text(out, "from", domain::isoDate(view->from));
  text(out, "to", domain::isoDate(view->to));
  out.Key("submitted");
  out.Int64(view->submitted);
  out.Key("officers");
  out.Uint(static_cast<unsigned>(view->officers.size()));
  out.Key("receivedMedianMs");
  out.Int64(view->submittedToReceived.medianMs);
  out.Key("officersOnDutyInPeriod");
  out.Int64(std::count_if(view->officers.begin(), view->officers.end(),
                          [](const wire::DashboardOfficerView& officer) { return officer.figures.dutyMsInPeriod > 0; }));
  out.Key("overdueTotal");
  out.Int64(view->overdueTotal);
  out.Key("reportPoints");
  out.Uint(static_cast<unsigned>(view->reportPoints.size()));
  out.EndObject();
}

void writeOfficer(Writer& out, const ui::AppUi& app) {
  const ui::OfficerDesk& desk = app.officerDesk();
  out.Key("session");
  if (desk.session()) {
    out.StartObject();
    text(out, "nrp", desk.session()->nrp);
    text(out, "role", desk.session()->role);
    out.EndObject();
  } else {
    out.Null();
  }
  out.Key("onDuty");
  if (desk.onDuty()) {
    out.Bool(*desk.onDuty());
  } else {
    out.Null();
  }
  out.Key("visitsLogged");
  out.Int(desk.visitsLogged());
  out.Key("recentVisits");
  out.StartArray();
  for (const domain::SambangVisit& visit : desk.recentVisits()) out.String(visit.place.c_str());
  out.EndArray();
  out.Key("visitRefusedFields");
  out.StartArray();
  for (const report::ValidationError& error : desk.visitResult().errors) out.String(error.field.c_str());
  out.EndArray();
  writeDashboard(out, desk);
  out.Key("worklist");
  out.StartArray();
  for (const wire::StaffReportView& item : desk.worklist()) {
    out.StartObject();
    text(out, "code", item.report.details().trackingCode);
    text(out, "status", report::statusCode(item.report.status()));
    out.EndObject();
  }
  out.EndArray();
  out.Key("openedReport");
  if (const auto& opened = desk.opened()) {
    out.StartObject();
    text(out, "code", opened->report.details().trackingCode);
    text(out, "status", report::statusCode(opened->report.status()));
    out.Key("allowedMoves");
    out.StartArray();
    for (report::Action action : opened->allowedMoves) out.String(report::actionCode(action).data());
    out.EndArray();
    out.Key("reporters");
    out.Uint(static_cast<unsigned>(opened->reporters.size()));
    text(out, "photoRef", opened->report.details().photoRef);
    out.EndObject();
  } else {
    out.Null();
  }
}

// A supervisor's roster as the "Personel" view has it: who holds which village, what is uncovered, and how the
// last write ended ("sending", "saved", or the server's error code).
void writeAreaRoster(Writer& out, const ui::RosterAdmin& admin) {
  out.Key("areaRoster");
  const auto& roster = admin.roster();
  if (!roster) {
    out.Null();
    return;
  }
  out.StartObject();
  out.Key("officers");
  out.Uint(static_cast<unsigned>(roster->officers.size()));
  out.Key("uncovered");
  out.StartArray();
  for (const std::string& code : roster->uncovered) out.String(code.c_str());
  out.EndArray();
  out.Key("holders");
  out.StartObject();
  for (const wire::AreaVillageView& village : roster->villages) {
    out.Key(village.code.c_str());
    if (village.officerNrp) {
      out.String(village.officerNrp->c_str());
    } else {
      out.Null();
    }
  }
  out.EndObject();
  const ui::RosterAdmin::WriteOutcome& outcome = admin.outcome();
  text(out, "lastWrite", outcome.sending ? "sending" : outcome.refusal ? outcome.refusal->code : outcome.change ? "saved" : "");
  out.EndObject();
}

void writeExport(Writer& out, const ui::ExportPanel& panel) {
  out.Key("export");
  out.StartObject();
  out.Key("downloading");
  out.Bool(panel.state().downloading);
  text(out, "fileName", panel.state().fileName);
  out.Key("rows");
  out.Int64(panel.state().rows);
  text(out, "refusal", panel.state().refusal);
  out.EndObject();
}

}  // namespace

std::string appStateJson(const ui::AppUi& app) {
  rapidjson::StringBuffer buffer;
  Writer out(buffer);
  out.StartObject();
  text(out, "tab", tabCode(app.tab()));
  text(out, "language", i18n::languageCode(app.language()));
  text(out, "rosterState", rosterStateCode(app.roster().state()));
  out.Key("editingText");
  out.Bool(ImGui::GetIO().WantTextInput);
  writeMyOfficer(out, app);
  writeCitizen(out, app);
  writeOfficer(out, app);
  writeAreaRoster(out, app.rosterAdmin());
  writeExport(out, app.officerPanel().exportPanel());
  out.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace bhabin::app
