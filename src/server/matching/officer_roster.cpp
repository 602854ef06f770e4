#include "server/matching/officer_roster.h"

#include <algorithm>
#include <mutex>

#include "core/wire/geojson_boundaries.h"
#include "server/storage/boundary_rows.h"
#include "server/storage/counters.h"
#include "server/storage/officer_rows.h"
#include "server/storage/region_rows.h"

namespace bhabin::server::matching {

namespace {

struct LoadedOfficer {
  OfficerCard card;
  match::Post post;
};

std::vector<LoadedOfficer> loadActiveOfficers(storage::Connection& connection) {
  std::vector<LoadedOfficer> officers;
  for (const storage::Row& row : connection.query(
           "SELECT a.nrp, a.name, a.phone, s.regency_code, s.on_duty, s.lat, s.lon, s.open_reports "
           "FROM accounts a JOIN officer_state s ON s.nrp = a.nrp WHERE a.active = 1 ORDER BY a.nrp")) {
    LoadedOfficer officer;
    officer.card = {row.text(0), row.text(1), row.text(2), row.text(3)};
    officer.post.id = static_cast<match::PostId>(officers.size());  // NRP order: ties break by NRP
    officer.post.onDuty = row.integer(4) != 0;
    officer.post.position = {row.real(5), row.real(6)};
    officer.post.openReports = static_cast<std::int32_t>(std::clamp<std::int64_t>(row.integer(7), 0, 1 << 30));
    officers.push_back(std::move(officer));
  }
  return officers;
}

// Each stored boundary is one GeoJSON Feature, checked when it was imported.
std::vector<geo::Boundary> loadVillageBoundaries(storage::Connection& connection) {
  std::vector<geo::Boundary> boundaries;
  for (const storage::StoredBoundary& stored : storage::villageBoundaries(connection)) {
    auto parsed = wire::parseGeoJsonBoundaries(R"({"type":"FeatureCollection","features":[)" + stored.geojson + "]}");
    auto* read = std::get_if<std::vector<geo::Boundary>>(&parsed);
    if (read == nullptr || read->size() != 1) {
      throw storage::DatabaseError(storage::DatabaseErrorKind::Other,
                                   "the stored boundary of " + stored.code + " cannot be read");
    }
    boundaries.push_back(std::move(read->front()));
  }
  return boundaries;
}

// Whether something only a full reload picks up changed: a village's officer, centre or outline, or a new officer.
bool needsReload(storage::Connection& connection, std::int64_t version) {
  return version < 0 || !storage::villageAssignmentsChangedSince(connection, version).empty() ||
         storage::regionsChangedSince(connection, version) || storage::boundariesChangedSince(connection, version);
}

}  // namespace

void OfficerRoster::refresh(storage::Connection& connection) {
  const std::int64_t current = storage::currentCounterValue(connection, storage::kOfficersCounter);
  {
    std::shared_lock lock(mutex_);
    if (current == version_) return;
  }
  std::unique_lock lock(mutex_);
  if (current == version_) return;
  if (needsReload(connection, version_) || !applyStates(connection)) {
    reloadEverything(connection, current);
    return;
  }
  version_ = std::max(version_, current);
  if (index_.worthRebuilding()) index_.rebuild();
}

bool OfficerRoster::applyStates(storage::Connection& connection) {
  const auto states = storage::officerStatesChangedSince(connection, version_);
  const bool allKnown = std::all_of(states.begin(), states.end(),
                                    [this](const storage::OfficerState& state) { return idOf_.count(state.nrp) != 0; });
  if (!allKnown) return false;  // a new officer: ids are given in NRP order, so everything is renumbered
  for (const storage::OfficerState& state : states) {
    const match::PostId id = idOf_.at(state.nrp);
    index_.move(id, state.position);
    index_.setOnDuty(id, state.onDuty);
    index_.setOpenReports(id, std::max<std::int32_t>(0, state.openReports));
    version_ = std::max(version_, state.version);
  }
  return true;
}

void OfficerRoster::reloadEverything(storage::Connection& connection, std::int64_t version) {
  auto loaded = loadActiveOfficers(connection);
  std::vector<match::Post> posts;
  officers_.clear();
  idOf_.clear();
  for (LoadedOfficer& officer : loaded) {
    idOf_.emplace(officer.card.nrp, officer.post.id);
    posts.push_back(officer.post);
    officers_.push_back(std::move(officer.card));
  }
  auto built = match::PostIndex::build(posts);
  if (auto* error = std::get_if<match::BuildError>(&built)) {
    throw storage::DatabaseError(storage::DatabaseErrorKind::Other,
                                 "officer " + officers_.at(error->index).nrp + " cannot be matched: " + error->message);
  }
  index_ = std::move(std::get<match::PostIndex>(built));

  std::vector<match::VillagePoint> points;
  for (const storage::RegionRow& village : storage::villagesWithCenters(connection)) {
    points.push_back({village.code, *village.center});
  }
  std::map<std::string, match::PostId> responsible;
  for (const storage::VillageAssignment& assignment : storage::villageAssignmentsChangedSince(connection, -1)) {
    if (const auto id = idOf_.find(assignment.nrp); id != idOf_.end()) responsible.emplace(assignment.villageCode, id->second);
  }
  std::vector<geo::Boundary> boundaries = loadVillageBoundaries(connection);
  outsideBoundaries_ = boundaries.empty() ? nullptr : std::make_unique<match::VillageDirectory>(points, responsible);
  villages_ =
      std::make_unique<match::VillageDirectory>(std::move(points), std::move(responsible), std::move(boundaries));
  version_ = version;
}

MyOfficerResult OfficerRoster::myOfficer(const geo::LatLon& position, const std::optional<std::string>& villageCode) const {
  std::shared_lock lock(mutex_);
  MyOfficerResult result;
  if (!villages_) return result;
  match::MyOfficerQuery query{position, villageCode, settings_.nearestCount, settings_.maxDistanceKm, settings_.openReportsCap};
  result.answer = match::findMyOfficer(query, index_, *villages_);
  if (result.answer.villageSource == match::VillageSource::Unknown && outsideBoundaries_) {
    result.answer = match::findMyOfficer(query, index_, *outsideBoundaries_);
  }
  if (result.answer.responsibleOfficer) result.responsible = officers_.at(*result.answer.responsibleOfficer);
  for (const match::Neighbor& neighbor : result.answer.nearestOnDuty) {
    result.nearestOnDuty.push_back({officers_.at(neighbor.id), neighbor.distanceKm});
  }
  if (const auto assignee = result.answer.assignee()) result.assignee = officers_.at(*assignee);
  return result;
}

std::vector<NearbyOfficer> OfficerRoster::nearestOnDuty(const geo::LatLon& position, std::size_t k,
                                                        const std::string& exceptNrp) const {
  std::shared_lock lock(mutex_);
  match::NearestQuery query{position, k};
  query.maxDistanceKm = settings_.maxDistanceKm;
  query.onDutyOnly = true;
  query.openReportsCap = settings_.openReportsCap;
  const auto except = idOf_.find(exceptNrp);
  const std::optional<match::PostId> skip =
      except == idOf_.end() ? std::nullopt : std::optional<match::PostId>(except->second);
  std::vector<match::Neighbor> found;
  index_.nearest(query, [skip](match::PostId id) { return !skip || id != *skip; }, found);
  std::vector<NearbyOfficer> nearby;
  for (const match::Neighbor& neighbor : found) nearby.push_back({officers_.at(neighbor.id), neighbor.distanceKm});
  return nearby;
}

std::optional<OfficerCard> OfficerRoster::card(const std::string& nrp) const {
  std::shared_lock lock(mutex_);
  const auto found = idOf_.find(nrp);
  if (found == idOf_.end()) return std::nullopt;
  return officers_.at(found->second);
}

bool OfficerRoster::knowsVillage(const std::string& villageCode) const {
  std::shared_lock lock(mutex_);
  return villages_ && villages_->knows(villageCode);
}

}  // namespace bhabin::server::matching
