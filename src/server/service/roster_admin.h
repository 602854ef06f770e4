// Supervisors' and administrators' management of officer accounts in their area (Polsek: a district, Polres:
// a regency, Polda: a province, admin: everywhere): create, deactivate and reactivate, reset passwords,
// assign villages, and import a CSV of officers. Officers outside the caller's area answer as if they did not
// exist. Every change is written with an audit row in the same transaction, and reaches every server's
// matching roster through the 'officers' counter.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/service/accounts.h"
#include "server/service/imports.h"
#include "server/storage/officer_rows.h"

namespace bhabin::server::service {

struct NewOfficer {
  std::string nrp;
  std::string name;
  std::string phone;                     // as typed; stored in E.164
  std::vector<std::string> villages;     // at least one; the first gives the regency and starting position
  std::optional<std::string> password;   // nothing: a one-time password is made and answered once
  bool takeOver = false;                 // take villages another officer holds
};

struct AreaRoster {
  std::string areaCode;
  std::vector<storage::ManagedOfficer> officers;
  std::vector<storage::VillageHolder> villages;  // holder empty or inactive: uncovered (VillageHolder::covered)
};

struct OfficerChange {
  storage::ManagedOfficer officer;                        // after the change
  std::optional<std::string> oneTimePassword;             // created or reset without a given password
  std::vector<std::string> releasedVillages;              // villages no longer listed
  std::vector<std::pair<std::string, std::string>> takenFrom;  // village, previous holder
};

class RosterAdmin {
 public:
  RosterAdmin(Backend& backend, Imports& imports) : backend_(backend), imports_(imports) {}

  AreaRoster roster(const Principal& caller);
  // Throws ApiError: invalid_form (422), weak_password (422), nrp_taken (409), unknown_village (422),
  // village_outside_area (403), village_taken (409), village_without_center (422).
  OfficerChange create(const Principal& caller, const NewOfficer& officer);
  // Ends the officer's sessions and takes them off duty: they leave the matching at once. They keep their
  // villages, which count as uncovered (anyone may take them without takeOver) until they are activated
  // again. Their open reports stay assigned to them and show in the supervisor's worklist for a hand-over.
  OfficerChange deactivate(const Principal& caller, const std::string& nrp);
  OfficerChange activate(const Principal& caller, const std::string& nrp);
  // Sets `password` (checked by passwordProblem) or a one-time one, and ends the officer's sessions.
  OfficerChange resetPassword(const Principal& caller, const std::string& nrp, const std::optional<std::string>& password);
  // `villages` becomes the officer's set of villages inside the caller's area; villages they hold outside it stay.
  OfficerChange assignVillages(const Principal& caller, const std::string& nrp, const std::vector<std::string>& villages,
                               bool takeOver);
  ImportResult importOfficers(const Principal& caller, std::string_view csv, ImportMode mode);

 private:
  OfficerChange setActive(const Principal& caller, const std::string& nrp, bool active);

  Backend& backend_;
  Imports& imports_;
};

// The area a supervisor or administrator manages ('' = everywhere); throws forbidden (403) for officers.
std::string managedArea(const Principal& caller);

}  // namespace bhabin::server::service
