#include "ui/roster_data.h"

#include "ui/api_problem.h"

namespace bhabin::ui {

void RosterData::refresh() {
  if (requesting_) return;
  requesting_ = true;
  if (state_ != State::Ready) state_ = State::Loading;
  HttpRequest request;
  request.path = "/api/v1/roster";
  if (!etag_.empty()) request.headers["If-None-Match"] = etag_;
  platform_.send(request, [this](const HttpResponse& response) {
    requesting_ = false;
    if (response.status == 304 && snapshot_) {
      loadedAtUnixMs_ = platform_.nowUnixMs();
      return;
    }
    if (response.status == 200) {
      accept(response.body, response.etag);
      return;
    }
    problem_ = problemOf(response);
    if (!snapshot_) state_ = State::Failed;
  });
}

void RosterData::accept(const std::string& body, const std::string& etag) {
  auto parsed = wire::parseRosterJson(body);
  if (auto* error = std::get_if<wire::ParseError>(&parsed)) {
    problem_ = error->message;
    if (!snapshot_) state_ = State::Failed;
    return;
  }
  auto snapshot = std::make_unique<wire::RosterSnapshot>(std::get<wire::RosterSnapshot>(std::move(parsed)));
  matching_ = std::make_unique<match::RosterMatching>(*snapshot);

  villageIndex_.build(match::villageRecords(*snapshot));

  std::vector<geo::LatLon> positions;
  positions.reserve(snapshot->officers.size());
  for (const wire::RosterOfficer& officer : snapshot->officers) positions.push_back(officer.position);
  officerClusters_.build(positions.data(), nullptr, positions.size());

  snapshot_ = std::move(snapshot);
  ++generation_;
  etag_ = etag;
  problem_.clear();
  loadedAtUnixMs_ = platform_.nowUnixMs();
  state_ = State::Ready;
}

MyOfficerView RosterData::myOfficer(const geo::LatLon& position, const std::optional<std::string>& villageCode) const {
  MyOfficerView view;
  if (!matching_) return view;
  const match::MyOfficerAnswer answer = matching_->myOfficer(position, villageCode);
  view.villageCode = answer.villageCode;
  if (answer.villageCode) {
    if (auto chosen = village(*answer.villageCode)) view.villageLabel = chosen->label;
  }
  view.status = answer.status;
  if (answer.responsibleOfficer) view.responsible = &snapshot_->officers[*answer.responsibleOfficer];
  for (const match::Neighbor& neighbor : answer.nearestOnDuty) {
    view.nearestOnDuty.push_back({&snapshot_->officers[neighbor.id], neighbor.distanceKm});
  }
  return view;
}

std::vector<VillageChoice> RosterData::searchVillages(const std::string& query, std::size_t limit) const {
  std::vector<VillageChoice> choices;
  if (!snapshot_) return choices;
  std::vector<search::SearchHit> hits;
  villageIndex_.search(query, {limit, 4}, hits);
  for (const search::SearchHit& hit : hits) {
    const wire::RosterVillage& found = snapshot_->villages[hit.village];
    choices.push_back({found.code, villageIndex_.label(hit.village), found.center});
  }
  return choices;
}

std::optional<VillageChoice> RosterData::village(const std::string& code) const {
  if (!snapshot_) return std::nullopt;
  for (std::uint32_t i = 0; i < snapshot_->villages.size(); ++i) {
    if (snapshot_->villages[i].code == code) return VillageChoice{code, villageIndex_.label(i), snapshot_->villages[i].center};
  }
  return std::nullopt;
}

void RosterData::officersOnMap(const cluster::Viewport& viewport, double zoom, cluster::Clusters& out) const {
  out.clear();
  if (snapshot_) officerClusters_.query(viewport, zoom, out);
}

}  // namespace bhabin::ui
