#include "ui/roster_admin.h"

#include <algorithm>

#include "ui/api_problem.h"

namespace bhabin::ui {

namespace {

std::string officerPath(const std::string& nrp) { return "/api/v1/area/officers/" + nrp; }

}  // namespace

void RosterAdmin::load() {
  requested_ = true;
  ++pending_;
  platform_.send(getRequest("/api/v1/area/roster"), [this, session = session_](const HttpResponse& response) {
    if (session != session_) return;
    --pending_;
    if (response.status != 200) {
      problem_ = problemOf(response);
      return;
    }
    auto decoded = wire::decodeAreaRoster(response.body);
    if (auto* roster = std::get_if<wire::AreaRosterView>(&decoded)) {
      roster_ = std::move(*roster);
      problem_.clear();
    } else {
      problem_ = std::get<wire::ParseError>(decoded).message;
    }
  });
}

void RosterAdmin::clear() {
  ++session_;
  pending_ = 0;
  requested_ = false;
  roster_.reset();
  problem_.clear();
  outcome_ = {};
  import_.reset();
}

const wire::ManagedOfficerView* RosterAdmin::officer(const std::string& nrp) const {
  if (!roster_) return nullptr;
  const auto found = std::find_if(roster_->officers.begin(), roster_->officers.end(), [&](const auto& o) { return o.nrp == nrp; });
  return found == roster_->officers.end() ? nullptr : &*found;
}

const wire::AreaVillageView* RosterAdmin::village(const std::string& code) const {
  if (!roster_) return nullptr;
  const auto found = std::find_if(roster_->villages.begin(), roster_->villages.end(), [&](const auto& v) { return v.code == code; });
  return found == roster_->villages.end() ? nullptr : &*found;
}

std::vector<std::string> RosterAdmin::heldByOthers(const std::vector<std::string>& codes, const std::string& nrp) const {
  std::vector<std::string> held;
  for (const std::string& code : codes) {
    const wire::AreaVillageView* found = village(code);
    // A deactivated holder's village is uncovered and is moved without taking over, as the server does.
    if (found && found->officerNrp && *found->officerNrp != nrp && found->covered) held.push_back(code);
  }
  return held;
}

void RosterAdmin::write(Write kind, const std::string& nrp, HttpRequest sent) {
  outcome_ = {kind, nrp, true, std::nullopt, std::nullopt};
  ++pending_;
  platform_.send(sent, [this, session = session_](const HttpResponse& response) {
    if (session != session_) return;
    --pending_;
    outcome_.sending = false;
    if (response.status < 200 || response.status >= 300) {
      outcome_.refusal = apiErrorOf(response);
      if (response.status == 0) outcome_.refusal->message.clear();
      return;
    }
    auto decoded = wire::decodeOfficerChange(response.body);
    if (auto* change = std::get_if<wire::OfficerChangeView>(&decoded)) {
      outcome_.nrp = change->officer.nrp;
      outcome_.change = std::move(*change);
    } else {
      outcome_.refusal = wire::ApiErrorView{"malformed_answer", std::get<wire::ParseError>(decoded).message, {}};
    }
    load();
  });
}

void RosterAdmin::create(const wire::NewOfficerForm& form) {
  write(Write::Create, form.nrp, bodyRequest("POST", "/api/v1/area/officers", wire::encodeNewOfficerRequest(form)));
}

void RosterAdmin::deactivate(const std::string& nrp) {
  write(Write::Deactivate, nrp, bodyRequest("POST", officerPath(nrp) + "/deactivate", "{}"));
}

void RosterAdmin::activate(const std::string& nrp) { write(Write::Activate, nrp, bodyRequest("POST", officerPath(nrp) + "/activate", "{}")); }

void RosterAdmin::resetPassword(const std::string& nrp) {
  write(Write::Password, nrp, bodyRequest("POST", officerPath(nrp) + "/password", "{}"));
}

void RosterAdmin::assignVillages(const std::string& nrp, const std::vector<std::string>& villages, bool takeOver) {
  write(Write::Villages, nrp, bodyRequest("PUT", officerPath(nrp) + "/villages", wire::encodeVillagesRequest(villages, takeOver)));
}

void RosterAdmin::importCsv(const std::string& csv, bool dryRun) {
  const std::string path = std::string("/api/v1/area/officers/import") + (dryRun ? "?dryRun=1" : "");
  outcome_ = {Write::Import, {}, true, std::nullopt, std::nullopt};
  import_.reset();
  ++pending_;
  platform_.send(bodyRequest("POST", path, csv, "text/csv"), [this, session = session_, dryRun](const HttpResponse& response) {
    if (session != session_) return;
    --pending_;
    outcome_.sending = false;
    // 422 carries the same result, with the problems; anything else is a refusal of the request itself.
    if (response.status == 200 || response.status == 422) {
      auto decoded = wire::decodeImportResult(response.body);
      if (auto* result = std::get_if<wire::ImportResultView>(&decoded)) {
        import_ = std::move(*result);
        if (!dryRun && response.status == 200) load();
        return;
      }
    }
    outcome_.refusal = apiErrorOf(response);
    if (response.status == 0) outcome_.refusal->message.clear();
  });
}

}  // namespace bhabin::ui
