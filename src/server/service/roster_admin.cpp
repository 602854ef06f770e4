#include "server/service/roster_admin.h"

#include <algorithm>
#include <set>
#include <variant>

#include "core/domain/officer.h"
#include "core/domain/region_code.h"
#include "core/report/field_checks.h"
#include "core/report/phone.h"
#include "server/api/api_error.h"
#include "server/storage/audit_rows.h"
#include "server/storage/region_rows.h"

namespace bhabin::server::service {

namespace {

constexpr std::size_t kOneTimePasswordBytes = 12;  // 16 characters of base64url

using storage::Connection;

void audit(Connection& connection, const Principal& caller, std::int64_t now, const std::string& regency,
           const std::string& action, const std::string& subject) {
  storage::insertAuditEntry(connection, {regency, storage::newAuditEntryId(), now, caller.account.nrp, action, subject});
}

// An officer outside the area answers like an NRP nobody has: a Polsek learns nothing about other districts.
storage::OfficerState requireOfficerInArea(Connection& connection, const std::string& nrp, const std::string& area) {
  const auto account = storage::findAccount(connection, nrp);
  const auto state = storage::findOfficerState(connection, nrp);
  if (!account || account->role != storage::AccountRole::Officer || !state ||
      !storage::officerWorksIn(connection, nrp, state->regencyCode, area)) {
    throw api::ApiError(404, "officer_not_found");
  }
  return *state;
}

storage::ManagedOfficer managedOfficer(Connection& connection, const std::string& nrp) {
  const auto account = storage::findAccount(connection, nrp);
  const auto state = storage::findOfficerState(connection, nrp);
  return {nrp,
          account->name,
          account->phoneE164,
          account->active,
          state->regencyCode,
          state->onDuty,
          state->openReports,
          storage::villagesOf(connection, nrp)};
}

// Well-formed, distinct village codes; anything else is a form error on "villages".
std::vector<std::string> checkVillageCodes(const std::vector<std::string>& codes, bool required) {
  std::set<std::string> distinct;
  for (const std::string& code : codes) {
    if (!domain::isVillageCode(code))
      throw api::ApiError::invalidForm({{"villages", report::ErrorCode::InvalidVillageCode}});
    distinct.insert(code);
  }
  if (required && distinct.empty()) throw api::ApiError::invalidForm({{"villages", report::ErrorCode::Required}});
  return {distinct.begin(), distinct.end()};
}

// Each village must exist, lie in the area and be free (or `takeOver`); answers the villages taken from others.
std::vector<std::pair<std::string, std::string>> checkVillagesToTake(Connection& connection, const std::string& nrp,
                                                                     const std::vector<std::string>& villages,
                                                                     const std::string& area, bool takeOver) {
  std::vector<std::pair<std::string, std::string>> takenFrom;
  for (const std::string& village : villages) {
    if (!storage::isWithinArea(village, area))
      throw api::ApiError(403, "village_outside_area", "village " + village + " is outside area " + area);
    const auto region = storage::findRegion(connection, village);
    if (!region || region->level != domain::RegionLevel::Village)
      throw api::ApiError(422, "unknown_village", "village " + village + " is not in the database");
    const auto holder = storage::responsibleOfficerOf(connection, village);
    if (!holder || *holder == nrp) continue;
    const auto holderAccount = storage::findAccount(connection, *holder);
    // A deactivated officer's villages are uncovered: anyone may take them without asking.
    if (!takeOver && holderAccount && holderAccount->active) {
      throw api::ApiError(409, "village_taken",
                          "village " + village + " is held by officer " + *holder + "; send \"takeOver\": true to move it");
    }
    takenFrom.emplace_back(village, *holder);
  }
  return takenFrom;
}

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : " ") + item;
  return text;
}

struct CheckedOfficer {
  std::string nrp;
  std::string name;
  std::string phoneE164;
  std::vector<std::string> villages;
};

CheckedOfficer checkNewOfficer(const NewOfficer& officer) {
  std::vector<report::ValidationError> errors;
  CheckedOfficer checked;
  checked.nrp = officer.nrp;
  if (officer.nrp.empty()) {
    errors.push_back({"nrp", report::ErrorCode::Required});
  } else if (!domain::isValidNrp(officer.nrp)) {
    errors.push_back({"nrp", report::ErrorCode::InvalidNrp});
  }
  checked.name = report::checkText(officer.name, "name", {text::Lines::Single, true, 0, 100}, errors);
  if (officer.phone.empty()) {
    errors.push_back({"phone", report::ErrorCode::Required});
  } else {
    auto phone = report::normalizeIndonesianPhone(officer.phone);
    if (auto* error = std::get_if<report::ErrorCode>(&phone)) {
      errors.push_back({"phone", *error});
    } else {
      checked.phoneE164 = std::get<std::string>(std::move(phone));
    }
  }
  try {
    checked.villages = checkVillageCodes(officer.villages, true);
  } catch (const api::ApiError& error) {
    errors.insert(errors.end(), error.fields().begin(), error.fields().end());
  }
  if (!errors.empty()) throw api::ApiError::invalidForm(std::move(errors));
  return checked;
}

// The given password when it is acceptable, otherwise a fresh one-time password (answered once).
std::pair<std::string, std::optional<std::string>> chosenPassword(const std::string& nrp,
                                                                  const std::optional<std::string>& given) {
  if (given) {
    if (auto problem = passwordProblem(nrp, *given)) throw api::ApiError(422, *problem);
    return {*given, std::nullopt};
  }
  std::string oneTime = auth::randomToken(kOneTimePasswordBytes);
  return {oneTime, oneTime};
}

void takeVillages(Connection& connection, const std::string& nrp,
                  const std::vector<std::string>& villages) {
  for (const std::string& village : villages) storage::assignVillage(connection, village, nrp);
}

// The rosters load active officers only, so one who is (de)activated must reach them: off duty and the
// touched villages take new counter values, and a village change makes every roster reload everyone. An
// officer without villages is reloaded when a roster meets their state change under an NRP it lacks, and
// until then is off duty, which keeps them out of "nearest".
void changeActivity(Connection& connection, const std::string& nrp, std::int64_t now) {
  storage::setOnDuty(connection, nrp, false, now);
  storage::touchVillagesOf(connection, nrp);
}

}  // namespace

std::string managedArea(const Principal& caller) {
  switch (caller.account.role) {
    case storage::AccountRole::Admin: return "";
    case storage::AccountRole::Supervisor: return caller.account.areaCode;
    case storage::AccountRole::Officer: break;
  }
  throw api::ApiError(403, "forbidden", "for supervisors and administrators only");
}

AreaRoster RosterAdmin::roster(const Principal& caller) {
  const std::string area = managedArea(caller);
  return storage::inTransaction(backend_.pool(), storage::Durability::ReadOnly, [&](Connection& connection) {
    return AreaRoster{caller.account.areaCode, storage::managedOfficersInArea(connection, area),
                      storage::villagesInArea(connection, area)};
  });
}

OfficerChange RosterAdmin::create(const Principal& caller, const NewOfficer& officer) {
  const std::string area = managedArea(caller);
  const CheckedOfficer checked = checkNewOfficer(officer);
  const auto [password, oneTime] = chosenPassword(checked.nrp, officer.password);
  const std::string hash = auth::hashPassword(password, backend_.settings().passwordHashing);
  const std::int64_t now = backend_.now();
  OfficerChange change;
  change.oneTimePassword = oneTime;
  change.officer = storage::inTransaction(backend_.pool(), storage::Durability::Durable, [&](Connection& connection) {
    change.takenFrom = checkVillagesToTake(connection, checked.nrp, checked.villages, area, officer.takeOver);
    if (storage::findAccount(connection, checked.nrp)) throw api::ApiError(409, "nrp_taken");
    const auto first = storage::findRegion(connection, checked.villages.front());
    if (!first->center)
      throw api::ApiError(422, "village_without_center", "village " + first->code + " has no centre to start from");
    const std::string regency = domain::regencyOf(first->code).value_or("");
    storage::insertAccount(connection, {checked.nrp, storage::AccountRole::Officer, checked.name, checked.phoneE164,
                                        regency, hash, true, now, now});
    storage::insertOfficerState(connection, {checked.nrp, regency, false, *first->center, now, 0, 0});
    takeVillages(connection, checked.nrp, checked.villages);
    audit(connection, caller, now, regency, "officer_create", checked.nrp + " " + joined(checked.villages));
    return managedOfficer(connection, checked.nrp);
  });
  return change;
}

OfficerChange RosterAdmin::deactivate(const Principal& caller, const std::string& nrp) {
  return setActive(caller, nrp, false);
}

OfficerChange RosterAdmin::activate(const Principal& caller, const std::string& nrp) {
  return setActive(caller, nrp, true);
}

OfficerChange RosterAdmin::setActive(const Principal& caller, const std::string& nrp, bool active) {
  const std::string area = managedArea(caller);
  const std::int64_t now = backend_.now();
  OfficerChange change;
  change.officer = storage::inTransaction(backend_.pool(), storage::Durability::Durable, [&](Connection& connection) {
    const auto state = requireOfficerInArea(connection, nrp, area);
    storage::setAccountActive(connection, nrp, active);
    changeActivity(connection, nrp, now);
    if (!active) storage::revokeAllSessions(connection, nrp);
    audit(connection, caller, now, state.regencyCode, active ? "officer_activate" : "officer_deactivate", nrp);
    return managedOfficer(connection, nrp);
  });
  return change;
}

OfficerChange RosterAdmin::resetPassword(const Principal& caller, const std::string& nrp,
                                         const std::optional<std::string>& given) {
  const std::string area = managedArea(caller);
  storage::inTransaction(backend_.pool(), storage::Durability::ReadOnly,
                         [&](Connection& connection) { requireOfficerInArea(connection, nrp, area); });
  const auto [password, oneTime] = chosenPassword(nrp, given);
  const std::string hash = auth::hashPassword(password, backend_.settings().passwordHashing);
  const std::int64_t now = backend_.now();
  OfficerChange change;
  change.oneTimePassword = oneTime;
  change.officer = storage::inTransaction(backend_.pool(), storage::Durability::Durable, [&](Connection& connection) {
    const auto state = requireOfficerInArea(connection, nrp, area);
    storage::updatePasswordHash(connection, nrp, hash, now);
    storage::revokeAllSessions(connection, nrp);
    audit(connection, caller, now, state.regencyCode, "officer_password_reset", nrp);
    return managedOfficer(connection, nrp);
  });
  return change;
}

OfficerChange RosterAdmin::assignVillages(const Principal& caller, const std::string& nrp,
                                          const std::vector<std::string>& villages, bool takeOver) {
  const std::string area = managedArea(caller);
  const std::vector<std::string> wanted = checkVillageCodes(villages, false);
  const std::int64_t now = backend_.now();
  OfficerChange change;
  change.officer = storage::inTransaction(backend_.pool(), storage::Durability::Durable, [&](Connection& connection) {
    change.releasedVillages.clear();
    const auto state = requireOfficerInArea(connection, nrp, area);
    change.takenFrom = checkVillagesToTake(connection, nrp, wanted, area, takeOver);
    for (const std::string& village : storage::villagesOf(connection, nrp)) {
      if (!storage::isWithinArea(village, area) || std::binary_search(wanted.begin(), wanted.end(), village)) continue;
      storage::unassignVillage(connection, village, nrp);
      change.releasedVillages.push_back(village);
    }
    takeVillages(connection, nrp, wanted);
    audit(connection, caller, now, state.regencyCode, "officer_villages", nrp + " " + joined(wanted));
    return managedOfficer(connection, nrp);
  });
  return change;
}

ImportResult RosterAdmin::importOfficers(const Principal& caller, std::string_view csv, ImportMode mode) {
  return imports_.officers(csv, mode, {managedArea(caller), caller.account.nrp});
}

}  // namespace bhabin::server::service
