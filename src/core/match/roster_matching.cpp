#include "core/match/roster_matching.h"

#include <stdexcept>
#include <variant>

namespace bhabin::match {

namespace {

PostIndex indexOfficers(const std::vector<wire::RosterOfficer>& officers) {
  std::vector<Post> posts;
  posts.reserve(officers.size());
  for (std::size_t i = 0; i < officers.size(); ++i) {
    const wire::RosterOfficer& officer = officers[i];
    posts.push_back({static_cast<PostId>(i), officer.position, officer.onDuty, officer.openReports});
  }
  auto built = PostIndex::build(posts);
  if (const auto* error = std::get_if<BuildError>(&built)) {
    throw std::invalid_argument("roster officer " + officers.at(error->index).nrp + ": " + error->message);
  }
  return std::get<PostIndex>(std::move(built));
}

std::vector<VillagePoint> villagePoints(const std::vector<wire::RosterVillage>& villages) {
  std::vector<VillagePoint> points;
  points.reserve(villages.size());
  for (const wire::RosterVillage& village : villages) points.push_back({village.code, village.center});
  return points;
}

std::map<std::string, PostId> responsibleOfficers(const std::vector<wire::RosterVillage>& villages) {
  std::map<std::string, PostId> responsible;
  for (const wire::RosterVillage& village : villages) {
    if (village.officer >= 0) responsible.emplace(village.code, static_cast<PostId>(village.officer));
  }
  return responsible;
}

}  // namespace

RosterMatching::RosterMatching(const wire::RosterSnapshot& snapshot)
    : rules_(snapshot.rules),
      officers_(indexOfficers(snapshot.officers)),
      villages_(villagePoints(snapshot.villages), responsibleOfficers(snapshot.villages)) {}

MyOfficerAnswer RosterMatching::myOfficer(const geo::LatLon& position, std::optional<std::string> villageCode) const {
  const MyOfficerQuery query{position, std::move(villageCode), rules_.nearestCount, rules_.maxDistanceKm,
                             rules_.openReportsCap};
  return findMyOfficer(query, officers_, villages_);
}

std::vector<Neighbor> RosterMatching::nearestOnDuty(const geo::LatLon& position, std::size_t k) const {
  NearestQuery query{position, k};
  query.maxDistanceKm = rules_.maxDistanceKm;
  query.onDutyOnly = true;
  query.openReportsCap = rules_.openReportsCap;
  std::vector<Neighbor> nearest;
  officers_.nearest(query, nearest);
  return nearest;
}

std::vector<search::VillageRecord> villageRecords(const wire::RosterSnapshot& snapshot) {
  std::vector<search::VillageRecord> records;
  records.reserve(snapshot.villages.size());
  for (const wire::RosterVillage& village : snapshot.villages) {
    records.push_back({village.code, village.name, village.district, village.regency, village.province});
  }
  return records;
}

}  // namespace bhabin::match
