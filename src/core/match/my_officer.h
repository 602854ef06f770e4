// "Petugas saya": the officer responsible for the village a citizen is in, and the nearest eligible officers
// on duty — the same rules the server uses to assign a new report automatically (PRODUCT.md, Matching).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/geo/boundary_index.h"
#include "core/match/post_index.h"

namespace bhabin::match {

// How the citizen's village was decided, in order of preference.
enum class VillageSource {
  GivenCode,            // the citizen (or the report form) named the village
  Boundary,             // the position lies inside a loaded village boundary
  NearestVillagePoint,  // no boundaries: the village whose centre point is nearest
  Unknown,              // none of the above gave a village
};

// Why the responsible officer is or is not the one to contact.
enum class ResponsibleStatus {
  Available,       // on duty and under the load cap: this is the officer
  OffDuty,         // responsible, but off duty: use the nearest on-duty officers
  AtLoadCap,       // responsible, but already at the cap of open reports
  NoneAssigned,    // the village has no responsible officer
  UnknownVillage,  // the village could not be decided
};

struct VillagePoint {
  std::string code;
  geo::LatLon center;
};

// What the matching knows about villages and who covers them. Boundaries are optional; village points are
// the fallback without them. Every village has at most one responsible officer.
class VillageDirectory {
 public:
  VillageDirectory(std::vector<VillagePoint> villages, std::map<std::string, PostId> responsibleOfficer,
                   std::vector<geo::Boundary> boundaries = {});

  std::optional<PostId> responsibleFor(const std::string& villageCode) const;
  bool knows(const std::string& villageCode) const;
  // The village of a position: by boundary when loaded, else by nearest village point.
  std::pair<std::optional<std::string>, VillageSource> locate(const geo::LatLon& position) const;

 private:
  std::vector<VillagePoint> villages_;
  std::set<std::string> codes_;
  std::map<std::string, PostId> responsible_;
  geo::BoundaryIndex boundaries_;
  PostIndex villagePoints_;  // ids are indices into villages_
};

struct MyOfficerQuery {
  geo::LatLon position;
  std::optional<std::string> villageCode = std::nullopt;  // when the citizen picked the village
  std::size_t nearestCount = 3;            // how many nearest on-duty officers to list
  double maxDistanceKm = std::numeric_limits<double>::infinity();
  std::int32_t openReportsCap = std::numeric_limits<std::int32_t>::max();
};

struct MyOfficerAnswer {
  std::optional<std::string> villageCode;
  VillageSource villageSource = VillageSource::Unknown;
  std::optional<PostId> responsibleOfficer;
  ResponsibleStatus status = ResponsibleStatus::UnknownVillage;
  // Nearest on-duty officers under the cap, excluding the responsible one: alternatives when it is
  // Available, the fallback otherwise. Sorted by distance, ties by id.
  std::vector<Neighbor> nearestOnDuty;
  // Who should get a report filed here: the responsible officer when Available, else the nearest eligible.
  std::optional<PostId> assignee() const;
  // Why assignee() is who it is, as a stable code recorded on the report's timeline and translated by the app:
  // "responsible_available", or "nearest_because_" + the responsible status ("off_duty", "at_load_cap",
  // "none_assigned", "unknown_village"), or "no_officer_available" when nobody is eligible.
  std::string assignmentReason() const;
};

std::string_view responsibleStatusCode(ResponsibleStatus status);  // "available", "off_duty", ...
std::string_view villageSourceCode(VillageSource source);          // "given_code", "boundary", ...

MyOfficerAnswer findMyOfficer(const MyOfficerQuery& query, const PostIndex& officers, const VillageDirectory& villages);

}  // namespace bhabin::match
