#include "core/match/my_officer.h"

#include <tuple>

namespace bhabin::match {

namespace {

PostIndex indexVillagePoints(const std::vector<VillagePoint>& villages) {
  std::vector<Post> points;
  points.reserve(villages.size());
  for (std::size_t i = 0; i < villages.size(); ++i) {
    if (geo::isValid(villages[i].center)) points.push_back({static_cast<PostId>(i), villages[i].center});
  }
  // Indices are unique and positions were checked, so the build cannot fail.
  return std::get<PostIndex>(PostIndex::build(points));
}

ResponsibleStatus statusOf(const std::optional<Post>& officer, std::int32_t cap) {
  if (!officer) return ResponsibleStatus::NoneAssigned;  // assigned to an officer the index does not know
  if (!officer->onDuty) return ResponsibleStatus::OffDuty;
  if (officer->openReports >= cap) return ResponsibleStatus::AtLoadCap;
  return ResponsibleStatus::Available;
}

}  // namespace

VillageDirectory::VillageDirectory(std::vector<VillagePoint> villages, std::map<std::string, PostId> responsibleOfficer,
                                   std::vector<geo::Boundary> boundaries)
    : villages_(std::move(villages)),
      responsible_(std::move(responsibleOfficer)),
      boundaries_(std::move(boundaries), 0.05),
      villagePoints_(indexVillagePoints(villages_)) {
  for (const VillagePoint& village : villages_) codes_.insert(village.code);
}

std::optional<PostId> VillageDirectory::responsibleFor(const std::string& villageCode) const {
  const auto it = responsible_.find(villageCode);
  return it == responsible_.end() ? std::nullopt : std::optional<PostId>(it->second);
}

bool VillageDirectory::knows(const std::string& villageCode) const {
  return responsible_.count(villageCode) > 0 || codes_.count(villageCode) > 0;
}

std::pair<std::optional<std::string>, VillageSource> VillageDirectory::locate(const geo::LatLon& position) const {
  if (const geo::Boundary* boundary = boundaries_.find(position)) return {boundary->code, VillageSource::Boundary};
  if (boundaries_.size() > 0) return {std::nullopt, VillageSource::Unknown};  // outside every known village
  std::vector<Neighbor> nearest;
  villagePoints_.nearest({position, 1}, nearest);
  if (nearest.empty()) return {std::nullopt, VillageSource::Unknown};
  return {villages_[nearest.front().id].code, VillageSource::NearestVillagePoint};
}

std::optional<PostId> MyOfficerAnswer::assignee() const {
  if (status == ResponsibleStatus::Available) return responsibleOfficer;
  if (!nearestOnDuty.empty()) return nearestOnDuty.front().id;
  return std::nullopt;
}

std::string MyOfficerAnswer::assignmentReason() const {
  if (status == ResponsibleStatus::Available) return "responsible_available";
  if (!assignee()) return "no_officer_available";
  return "nearest_because_" + std::string(responsibleStatusCode(status));
}

std::string_view responsibleStatusCode(ResponsibleStatus status) {
  switch (status) {
    case ResponsibleStatus::Available: return "available";
    case ResponsibleStatus::OffDuty: return "off_duty";
    case ResponsibleStatus::AtLoadCap: return "at_load_cap";
    case ResponsibleStatus::NoneAssigned: return "none_assigned";
    case ResponsibleStatus::UnknownVillage: return "unknown_village";
  }
  return "unknown_village";
}

std::string_view villageSourceCode(VillageSource source) {
  switch (source) {
    case VillageSource::GivenCode: return "given_code";
    case VillageSource::Boundary: return "boundary";
    case VillageSource::NearestVillagePoint: return "nearest_village_point";
    case VillageSource::Unknown: return "unknown";
  }
  return "unknown";
}

MyOfficerAnswer findMyOfficer(const MyOfficerQuery& query, const PostIndex& officers, const VillageDirectory& villages) {
  MyOfficerAnswer answer;
  if (query.villageCode && villages.knows(*query.villageCode)) {
    answer.villageCode = query.villageCode;
    answer.villageSource = VillageSource::GivenCode;
  } else {
    std::tie(answer.villageCode, answer.villageSource) = villages.locate(query.position);
  }
  if (answer.villageCode) {
    answer.responsibleOfficer = villages.responsibleFor(*answer.villageCode);
    answer.status = answer.responsibleOfficer ? statusOf(officers.find(*answer.responsibleOfficer), query.openReportsCap)
                                              : ResponsibleStatus::NoneAssigned;
  }

  NearestQuery nearest{query.position, query.nearestCount};
  nearest.maxDistanceKm = query.maxDistanceKm;
  nearest.onDutyOnly = true;
  nearest.openReportsCap = query.openReportsCap;
  const std::optional<PostId> responsible = answer.responsibleOfficer;
  officers.nearest(nearest, [responsible](PostId id) { return !responsible || id != *responsible; },
                   answer.nearestOnDuty);
  return answer;
}

}  // namespace bhabin::match
