// The three imports. Each runs in three steps: read the file (no database), check it against the database
// in a read-only transaction and plan every write, then — only when nothing is wrong and it is not a dry
// run — write the plan in one durable transaction.
#include "server/service/imports.h"

#include <set>
#include <variant>

#include "core/domain/officer.h"
#include "core/domain/region_code.h"
#include "core/report/phone.h"
#include "core/text/utf8.h"
#include "core/wire/geojson_boundaries.h"
#include "server/json/json_writer.h"
#include "server/service/import_fields.h"
#include "server/storage/account_rows.h"
#include "server/storage/audit_rows.h"
#include "server/storage/boundary_rows.h"
#include "server/storage/officer_rows.h"
#include "server/storage/region_rows.h"

namespace bhabin::server::service {

namespace {

using importing::Problems;
using importing::quoted;

ImportResult finish(ImportResult result, Problems problems, ImportMode mode) {
  result.dryRun = mode == ImportMode::DryRun;
  result.problems = std::move(problems).sorted();
  if (!result.clean()) {
    result.created = result.updated = result.unchanged = 0;
    result.initialPasswords.clear();
  }
  return result;
}

template <class Plan>
void tally(ImportResult& result, const std::vector<Plan>& plans) {
  for (const Plan& plan : plans) {
    ++(plan.isNew ? result.created : plan.changed ? result.updated : result.unchanged);
  }
}

// --- villages -----------------------------------------------------------------------------------------

struct VillageLine {
  std::size_t line = 0;
  std::string code;
  std::string name;
  std::optional<geo::LatLon> center;
};

struct VillagePlan {
  storage::RegionRow row;
  bool isNew = false;
  bool changed = false;
};

std::vector<VillageLine> readVillages(std::string_view csv, Problems& problems) {
  const auto file = importing::CsvRecords::read(csv, {"code", "name"}, {"lat", "lon"}, problems);
  if (!file) return {};
  importing::OncePerFile codes("code", "village");
  std::vector<VillageLine> villages;
  for (const auto& row : file->rows()) {
    VillageLine village{row.line, std::string(file->field(row, "code")), {}, {}};
    if (domain::isVillageCode(village.code)) {
      codes.add(village.code, row.line);
    } else {
      problems.atLine(row.line, "code", quoted(village.code) + " is not a village code (like 33.29.01.2001)");
    }
    village.name = importing::checkName(file->field(row, "name"), row.line, "name", problems).value_or("");
    village.center = importing::optionalPosition(file->field(row, "lat"), file->field(row, "lon"), row.line, problems);
    villages.push_back(std::move(village));
  }
  codes.reportLines(problems);
  return villages;
}

// Regions looked up once per import: a village file names the same district and regency many times.
class RegionLookup {
 public:
  explicit RegionLookup(storage::Connection& connection) : connection_(connection) {}

  const std::optional<storage::RegionRow>& find(const std::string& code) {
    auto found = cache_.find(code);
    if (found == cache_.end()) found = cache_.emplace(code, storage::findRegion(connection_, code)).first;
    return found->second;
  }

 private:
  storage::Connection& connection_;
  std::map<std::string, std::optional<storage::RegionRow>> cache_;
};

// The district, regency and province of a village from the catalog, for those the database lacks, so every
// imported village has its parents (supervisors' areas and names hang on them).
class ParentChain {
 public:
  ParentChain(const areas::AreaCatalog& catalog, RegionLookup& regions) : catalog_(catalog), regions_(regions) {}

  // False (and a problem) when the village's district or regency is known neither to the catalog nor to
  // the database.
  bool check(const VillageLine& village, Problems& problems) {
    const std::string district = village.code.substr(0, 8);
    const std::string regency = village.code.substr(0, 5);
    bool known = true;
    for (const auto& [code, what] : {std::pair{regency, "regency"}, std::pair{district, "district"}}) {
      if (!inCatalog(code) && !regions_.find(code)) {
        problems.atLine(village.line, "code",
                        std::string(what) + " " + code + " is neither in the area catalog nor in the database");
        known = false;
      }
    }
    if (known) addMissing({village.code.substr(0, 2), regency, district});
    return known;
  }

  const std::vector<storage::RegionRow>& missing() const { return missing_; }

 private:
  bool inCatalog(const std::string& code) const {
    return code.size() == 5 ? catalog_.regency(code) != nullptr : catalog_.district(code) != nullptr;
  }

  void addMissing(const std::vector<std::string>& chain) {
    for (const std::string& code : chain) {
      if (added_.count(code) != 0 || regions_.find(code)) continue;
      if (auto row = fromCatalog(code)) {
        missing_.push_back(std::move(*row));
        added_.insert(code);
      }
    }
  }

  std::optional<storage::RegionRow> fromCatalog(const std::string& code) const {
    using domain::RegionLevel;
    if (const auto* province = code.size() == 2 ? catalog_.province(code) : nullptr) {
      return storage::RegionRow{code, RegionLevel::Province, "", province->name, std::nullopt};
    }
    if (const auto* regency = code.size() == 5 ? catalog_.regency(code) : nullptr) {
      return storage::RegionRow{code, RegionLevel::Regency, regency->provinceCode, regency->name, std::nullopt};
    }
    if (const auto* district = code.size() == 8 ? catalog_.district(code) : nullptr) {
      return storage::RegionRow{code, RegionLevel::District, district->regencyCode, district->name, std::nullopt};
    }
    return std::nullopt;
  }

  const areas::AreaCatalog& catalog_;
  RegionLookup& regions_;
  std::vector<storage::RegionRow> missing_;
  std::set<std::string> added_;
};

// A village already stored keeps its centre when the file gives none.
VillagePlan planVillage(const VillageLine& village, const std::optional<storage::RegionRow>& stored) {
  VillagePlan plan;
  plan.row = {village.code, domain::RegionLevel::Village, village.code.substr(0, 8), village.name, village.center};
  plan.isNew = !stored;
  if (stored) {
    if (!plan.row.center) plan.row.center = stored->center;
    plan.changed = stored->name != plan.row.name || stored->center.has_value() != plan.row.center.has_value() ||
                   (stored->center && !(*stored->center == *plan.row.center));
  }
  return plan;
}

// --- officers -----------------------------------------------------------------------------------------

struct OfficerLine {
  std::size_t line = 0;
  std::string nrp;
  std::string name;
  std::string phoneE164;
  std::vector<std::string> villages;
  std::optional<bool> onDuty;
  std::optional<geo::LatLon> position;
  bool positionGiven = false;  // lat or lon was written, even if wrongly
  bool readCleanly = true;     // no problem in the row itself
};

struct OfficerPlan {
  OfficerLine officer;
  bool isNew = false;
  bool changed = false;
  bool profileChanged = false;
  std::string areaCode;  // the regency of the first village; kept when the file lists none
  std::string previousRegency;
  std::vector<std::string> release;  // villages the officer had and the file gives to no one
  std::vector<std::string> take;     // villages the officer does not hold yet
  std::vector<std::string> notes;    // villages taken from other officers
  std::string passwordHash;          // new officers
};

std::vector<std::string> splitVillages(std::string_view text) {
  std::vector<std::string> codes;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(';', start), text.size());
    const std::string_view code = text::trimWhitespace(text.substr(start, end - start));
    if (!code.empty()) codes.emplace_back(code);
    start = end + 1;
  }
  return codes;
}

void checkPhone(std::string_view raw, OfficerLine& officer, Problems& problems) {
  auto phone = report::normalizeIndonesianPhone(raw);
  if (auto* error = std::get_if<report::ErrorCode>(&phone)) {
    problems.atLine(officer.line, "phone",
                    quoted(raw) + ": " + std::string(report::errorMessage(*error, i18n::Language::English)));
  } else {
    officer.phoneE164 = std::get<std::string>(std::move(phone));
  }
}

std::vector<OfficerLine> readOfficers(std::string_view csv, Problems& problems) {
  const auto file =
      importing::CsvRecords::read(csv, {"nrp", "name", "phone", "villages"}, {"on_duty", "lat", "lon"}, problems);
  if (!file) return {};
  if (file->has("lat") != file->has("lon")) {
    problems.atLine(1, file->has("lat") ? "lon" : "lat", "the header needs both \"lat\" and \"lon\", or neither");
    return {};
  }
  importing::OncePerFile nrps("nrp", "NRP");
  importing::OncePerFile villages("villages", "village");
  std::vector<OfficerLine> officers;
  for (const auto& row : file->rows()) {
    const std::size_t before = problems.count();
    OfficerLine officer;
    officer.line = row.line;
    officer.nrp = std::string(file->field(row, "nrp"));
    if (domain::isValidNrp(officer.nrp)) {
      nrps.add(officer.nrp, row.line);
    } else {
      problems.atLine(row.line, "nrp", quoted(officer.nrp) + " is not an NRP (8 digits)");
    }
    officer.name = importing::checkName(file->field(row, "name"), row.line, "name", problems).value_or("");
    checkPhone(file->field(row, "phone"), officer, problems);
    for (std::string& code : splitVillages(file->field(row, "villages"))) {
      if (domain::isVillageCode(code)) {
        villages.add(code, row.line);
        officer.villages.push_back(std::move(code));
      } else {
        problems.atLine(row.line, "villages", quoted(code) + " is not a village code (like 33.29.01.2001)");
      }
    }
    officer.onDuty = importing::optionalFlag(file->field(row, "on_duty"), row.line, "on_duty", problems);
    officer.positionGiven = !file->field(row, "lat").empty() || !file->field(row, "lon").empty();
    officer.position =
        importing::optionalPosition(file->field(row, "lat"), file->field(row, "lon"), row.line, problems);
    officer.readCleanly = problems.count() == before;
    officers.push_back(std::move(officer));
  }
  nrps.reportLines(problems);
  villages.reportLines(problems);
  return officers;
}

class OfficerPlanner {
 public:
  OfficerPlanner(storage::Connection& connection, const std::vector<OfficerLine>& officers, std::string area)
      : connection_(connection), regions_(connection), area_(std::move(area)) {
    for (const OfficerLine& officer : officers) {
      for (const std::string& village : officer.villages) inFile_.insert(village);
    }
  }

  // Nothing when the row has a problem; its notes would only distract then.
  std::optional<OfficerPlan> plan(const OfficerLine& officer, Problems& problems) {
    const std::size_t before = problems.count();
    OfficerPlan plan;
    plan.officer = officer;
    const auto account = storage::findAccount(connection_, officer.nrp);
    if (account && account->role != storage::AccountRole::Officer) {
      problems.atLine(officer.line, "nrp",
                      officer.nrp + " is the NRP of a " + std::string(storage::accountRoleCode(account->role)) +
                          " account, not an officer");
    } else if (account && !storage::officerWorksIn(connection_, officer.nrp, account->areaCode, area_)) {
      problems.atLine(officer.line, "nrp", "officer " + officer.nrp + " works outside your area " + area_);
    }
    for (const std::string& village : officer.villages) checkVillage(officer, village, problems, plan);
    plan.isNew = !account;
    if (account) {
      planUpdate(*account, plan);
    } else {
      planNew(plan, problems);
    }
    if (problems.count() != before || !officer.readCleanly) return std::nullopt;
    return plan;
  }

 private:
  void checkVillage(const OfficerLine& officer, const std::string& village, Problems& problems, OfficerPlan& plan) {
    const auto& region = regions_.find(village);
    if (!region || region->level != domain::RegionLevel::Village) {
      problems.atLine(officer.line, "villages",
                      "village " + village + " is not in the database; import it with the villages file first");
      return;
    }
    if (!storage::isWithinArea(village, area_)) {
      problems.atLine(officer.line, "villages", "village " + village + " is outside your area " + area_);
      return;
    }
    const auto holder = storage::responsibleOfficerOf(connection_, village);
    if (holder == officer.nrp) return;
    plan.take.push_back(village);
    if (holder)
      plan.notes.push_back("line " + std::to_string(officer.line) + ": village " + village + " moves from officer " +
                           *holder + " to " + officer.nrp);
  }

  void planUpdate(const storage::Account& account, OfficerPlan& plan) {
    const OfficerLine& officer = plan.officer;
    for (const std::string& village : storage::villagesOf(connection_, officer.nrp)) {
      if (inFile_.count(village) == 0 && storage::isWithinArea(village, area_)) plan.release.push_back(village);
    }
    const auto state = storage::findOfficerState(connection_, officer.nrp);
    plan.previousRegency = state ? state->regencyCode : account.areaCode;
    plan.areaCode =
        officer.villages.empty() ? account.areaCode : domain::regencyOf(officer.villages.front()).value_or("");
    plan.profileChanged =
        account.name != officer.name || account.phoneE164 != officer.phoneE164 || account.areaCode != plan.areaCode;
    plan.changed =
        plan.profileChanged || plan.previousRegency != plan.areaCode || !plan.take.empty() || !plan.release.empty();
  }

  void planNew(OfficerPlan& plan, Problems& problems) {
    OfficerLine& officer = plan.officer;
    plan.areaCode = officer.villages.empty() ? "" : domain::regencyOf(officer.villages.front()).value_or("");
    bool firstKnown = true;
    if (!officer.position && !officer.villages.empty()) {
      const auto& first = regions_.find(officer.villages.front());
      firstKnown = first.has_value();
      if (first) officer.position = first->center;
    }
    // An unknown first village or a wrong lat/lon is a problem already.
    if (!officer.position && !officer.positionGiven && firstKnown) {
      problems.atLine(officer.line, "lat", "a new officer needs lat and lon when their first village has no centre");
    }
  }

  storage::Connection& connection_;
  RegionLookup regions_;
  std::string area_;
  std::set<std::string> inFile_;
};

// Argon2id costs about 50 ms per officer, which a regency's few hundred officers can afford. For a
// province's thousands the plan is one shared temporary hash and a "must change password" flag at first login.
void makeInitialPasswords(std::vector<OfficerPlan>& plans, const auth::PasswordHashing& hashing, ImportResult& result) {
  for (OfficerPlan& plan : plans) {
    if (!plan.isNew) continue;
    const std::string password = auth::randomToken(12);
    plan.passwordHash = auth::hashPassword(password, hashing);
    result.initialPasswords.push_back({plan.officer.nrp, password});
  }
}

void writeOfficer(storage::Connection& connection, const OfficerPlan& plan, std::int64_t now) {
  const OfficerLine& officer = plan.officer;
  if (plan.isNew) {
    storage::insertAccount(connection, {officer.nrp, storage::AccountRole::Officer, officer.name, officer.phoneE164,
                                        plan.areaCode, plan.passwordHash, true, now, now});
    storage::insertOfficerState(
        connection, {officer.nrp, plan.areaCode, officer.onDuty.value_or(false), *officer.position, now, 0, 0});
    return;
  }
  if (plan.profileChanged)
    storage::updateAccountProfile(connection, officer.nrp, officer.name, officer.phoneE164, plan.areaCode);
  if (plan.previousRegency != plan.areaCode) storage::setOfficerRegency(connection, officer.nrp, plan.areaCode);
}

void auditOfficers(storage::Connection& connection, const std::vector<OfficerPlan>& plans, const std::string& actorNrp,
                   std::int64_t now) {
  for (const OfficerPlan& plan : plans) {
    if (!plan.isNew && !plan.changed) continue;
    std::string subject = plan.officer.nrp;
    for (const std::string& village : plan.officer.villages) subject += " " + village;
    storage::insertAuditEntry(connection, {plan.areaCode, storage::newAuditEntryId(), now, actorNrp,
                                           plan.isNew ? "officer_import_create" : "officer_import_update", subject});
  }
}

// --- boundaries ---------------------------------------------------------------------------------------

struct BoundaryPlan {
  storage::StoredBoundary stored;
  bool isNew = false;
  bool changed = false;
};

// The core names the feature of its first problem as "feature N: ..."; the answer carries N as a number.
void addParseProblem(const std::string& message, Problems& problems) {
  constexpr std::string_view kPrefix = "feature ";
  const std::size_t colon = message.find(": ");
  if (message.rfind(kPrefix, 0) == 0 && colon != std::string::npos) {
    const std::string index = message.substr(kPrefix.size(), colon - kPrefix.size());
    if (!index.empty() && index.find_first_not_of("0123456789") == std::string::npos) {
      problems.atFeature(std::stoul(index), "", message.substr(colon + 2));
      return;
    }
  }
  problems.atLine(0, "", message);
}

std::vector<geo::Boundary> readBoundaries(std::string_view geojson, Problems& problems) {
  auto parsed = wire::parseGeoJsonBoundaries(geojson);
  if (auto* error = std::get_if<wire::ParseError>(&parsed)) {
    addParseProblem(error->message, problems);
    return {};
  }
  auto boundaries = std::get<std::vector<geo::Boundary>>(std::move(parsed));
  if (boundaries.empty()) problems.atLine(0, "features", "the FeatureCollection has no features");
  importing::OncePerFile codes("code", "code");
  for (std::size_t i = 0; i < boundaries.size(); ++i) {
    const std::string& code = boundaries[i].code;
    const auto level = domain::regionLevel(code);
    if (level != domain::RegionLevel::Village && level != domain::RegionLevel::Regency) {
      problems.atFeature(i, "code", quoted(code) + " is not a village or regency code (like 33.29.01.2001 or 33.29)");
    } else {
      codes.add(code, i);
    }
    if (!(boundaries[i].shape.areaSquareDegrees() > 0))
      problems.atFeature(i, "geometry", "the outline of " + quoted(code) + " has no area");
  }
  codes.reportFeatures(problems);
  return boundaries;
}

// A village outline needs the village in the database (it is matched there); a regency's may come from the catalog.
std::optional<BoundaryPlan> planBoundary(const geo::Boundary& boundary, std::size_t feature,
                                         const areas::AreaCatalog& catalog, RegionLookup& regions,
                                         storage::Connection& connection, Problems& problems) {
  const auto level = domain::regionLevel(boundary.code);
  if (level != domain::RegionLevel::Village && level != domain::RegionLevel::Regency)
    return std::nullopt;  // already a problem
  if (level == domain::RegionLevel::Village && !regions.find(boundary.code)) {
    problems.atFeature(feature, "code",
                       "village " + boundary.code + " is not in the database; import it with the villages file first");
    return std::nullopt;
  }
  if (level == domain::RegionLevel::Regency && !regions.find(boundary.code) &&
      catalog.regency(boundary.code) == nullptr) {
    problems.atFeature(feature, "code",
                       "regency " + boundary.code + " is neither in the area catalog nor in the database");
    return std::nullopt;
  }
  BoundaryPlan plan{storage::storedBoundary(boundary), false, false};
  const auto stored = storage::findBoundaryGeoJson(connection, boundary.code);
  plan.isNew = !stored;
  plan.changed = stored && *stored != plan.stored.geojson;
  return plan;
}

}  // namespace

// The database checks run even when some rows are already wrong, so one answer lists every problem; each
// transaction body starts afresh because a transaction may be retried.
ImportResult Imports::villages(std::string_view csv, ImportMode mode) {
  Problems problems;
  ImportResult result;
  const std::vector<VillageLine> lines = readVillages(csv, problems);
  std::vector<VillagePlan> plans;
  std::vector<storage::RegionRow> parents;
  Problems checked;
  storage::inTransaction(backend_.pool(), storage::Durability::ReadOnly, [&](storage::Connection& connection) {
    checked = {};
    plans.clear();
    RegionLookup regions(connection);
    ParentChain chain(catalog_, regions);
    for (const VillageLine& village : lines) {
      if (!domain::isVillageCode(village.code)) continue;
      if (chain.check(village, checked)) plans.push_back(planVillage(village, regions.find(village.code)));
    }
    parents = chain.missing();
  });
  problems.add(std::move(checked));
  tally(result, plans);
  if (problems.any() || mode == ImportMode::DryRun) return finish(std::move(result), std::move(problems), mode);
  storage::inTransaction(backend_.pool(), storage::Durability::Durable, [&](storage::Connection& connection) {
    for (const storage::RegionRow& parent : parents) storage::upsertRegion(connection, parent);
    for (const VillagePlan& plan : plans) {
      if (plan.isNew || plan.changed) storage::upsertRegion(connection, plan.row);
    }
  });
  return finish(std::move(result), std::move(problems), mode);
}

ImportResult Imports::officers(std::string_view csv, ImportMode mode, const ImportScope& scope) {
  Problems problems;
  ImportResult result;
  const std::vector<OfficerLine> lines = readOfficers(csv, problems);
  std::vector<OfficerPlan> plans;
  Problems checked;
  storage::inTransaction(backend_.pool(), storage::Durability::ReadOnly, [&](storage::Connection& connection) {
    checked = {};
    plans.clear();
    result.notes.clear();
    OfficerPlanner planner(connection, lines, scope.area);
    for (const OfficerLine& officer : lines) {
      if (auto plan = planner.plan(officer, checked)) {
        result.notes.insert(result.notes.end(), plan->notes.begin(), plan->notes.end());
        plans.push_back(std::move(*plan));
      }
    }
  });
  problems.add(std::move(checked));
  tally(result, plans);
  if (problems.any() || mode == ImportMode::DryRun) return finish(std::move(result), std::move(problems), mode);
  makeInitialPasswords(plans, backend_.settings().passwordHashing, result);
  const std::int64_t now = backend_.now();
  storage::inTransaction(backend_.pool(), storage::Durability::Durable, [&](storage::Connection& connection) {
    for (const OfficerPlan& plan : plans) {
      for (const std::string& village : plan.release) storage::unassignVillage(connection, village, plan.officer.nrp);
    }
    for (const OfficerPlan& plan : plans) writeOfficer(connection, plan, now);
    for (const OfficerPlan& plan : plans) {
      for (const std::string& village : plan.take) storage::assignVillage(connection, village, plan.officer.nrp);
    }
    if (!scope.actorNrp.empty()) auditOfficers(connection, plans, scope.actorNrp, now);
  });
  return finish(std::move(result), std::move(problems), mode);
}

ImportResult Imports::boundaries(std::string_view geojson, ImportMode mode) {
  Problems problems;
  ImportResult result;
  const std::vector<geo::Boundary> boundaries = readBoundaries(geojson, problems);
  std::vector<BoundaryPlan> plans;
  Problems checked;
  storage::inTransaction(backend_.pool(), storage::Durability::ReadOnly, [&](storage::Connection& connection) {
    checked = {};
    plans.clear();
    RegionLookup regions(connection);
    for (std::size_t i = 0; i < boundaries.size(); ++i) {
      if (auto plan = planBoundary(boundaries[i], i, catalog_, regions, connection, checked))
        plans.push_back(std::move(*plan));
    }
  });
  problems.add(std::move(checked));
  tally(result, plans);
  if (problems.any() || mode == ImportMode::DryRun) return finish(std::move(result), std::move(problems), mode);
  storage::inTransaction(backend_.pool(), storage::Durability::Durable, [&](storage::Connection& connection) {
    for (const BoundaryPlan& plan : plans) {
      if (plan.isNew || plan.changed) storage::upsertBoundary(connection, plan.stored);
    }
  });
  return finish(std::move(result), std::move(problems), mode);
}

}  // namespace bhabin::server::service
