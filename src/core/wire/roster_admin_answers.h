// A supervisor's roster administration as the browser app reads and writes it (README "Roster
// administration"): the area's officers and villages, the answer to every officer change, the CSV import's
// result, and the JSON bodies of those writes. The server writes the answers (src/server/http/
// area_admin_routes.cpp, import_answer.cpp); like every answer they are hostile until decoded.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/wire/flat_json.h"

namespace bhabin::wire {

// One officer of the area, active or not.
struct ManagedOfficerView {
  std::string nrp;
  std::string name;
  std::string phoneE164;
  bool active = true;
  std::string regencyCode;
  bool onDuty = false;
  std::int64_t openReports = 0;
  std::vector<std::string> villages;  // codes
};

// One village of the area and who holds it; uncovered when nobody does or the holder is deactivated.
struct AreaVillageView {
  std::string code;
  std::string name;
  std::optional<std::string> officerNrp;
  bool covered = false;
};

// GET /area/roster.
struct AreaRosterView {
  std::string areaCode;
  std::vector<ManagedOfficerView> officers;
  std::vector<AreaVillageView> villages;
  std::vector<std::string> uncovered;  // village codes
};

struct TakenVillage {
  std::string village;
  std::string officerNrp;  // who held it before
};

// The answer to creating, (de)activating, resetting a password or assigning villages.
struct OfficerChangeView {
  ManagedOfficerView officer;
  std::optional<std::string> oneTimePassword;  // shown once, never stored
  std::vector<std::string> releasedVillages;
  std::vector<TakenVillage> takenFrom;
};

// One problem of an import: a CSV line (from 1, the header) and the column it is about.
struct ImportProblemView {
  std::int64_t line = 0;
  std::string field;
  std::string message;
};

struct InitialPasswordView {
  std::string nrp;
  std::string password;
};

// POST /area/officers/import[?dryRun=1]: 200 when clean, 422 with the problems (nothing written).
struct ImportResultView {
  bool dryRun = false;
  std::int64_t created = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
  std::vector<ImportProblemView> problems;
  std::vector<std::string> notes;
  std::vector<InitialPasswordView> initialPasswords;
};

std::variant<AreaRosterView, ParseError> decodeAreaRoster(std::string_view json);
std::variant<OfficerChangeView, ParseError> decodeOfficerChange(std::string_view json);
std::variant<ImportResultView, ParseError> decodeImportResult(std::string_view json);

// POST /area/officers: without a password the server answers a one-time password.
struct NewOfficerForm {
  std::string nrp;
  std::string name;
  std::string phone;
  std::vector<std::string> villages;
  bool takeOver = false;  // move villages another officer holds
};
std::string encodeNewOfficerRequest(const NewOfficerForm& form);
// PUT /area/officers/NRP/villages.
std::string encodeVillagesRequest(const std::vector<std::string>& villages, bool takeOver);

}  // namespace bhabin::wire
