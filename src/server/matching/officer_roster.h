// The server's copy of what the matching engine needs (officers' duty, position and load; villages and who
// is responsible for them), kept in step with the database: before each use, the rows changed since the
// last look are applied as live updates, so several server processes on one database agree.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

#include "core/match/my_officer.h"
#include "core/match/post_index.h"
#include "server/storage/database.h"

namespace bhabin::server::matching {

struct OfficerCard {
  std::string nrp;
  std::string name;
  std::string phoneE164;
  std::string regencyCode;
};

struct NearbyOfficer {
  OfficerCard officer;
  double distanceKm = 0.0;
};

struct MyOfficerResult {
  match::MyOfficerAnswer answer;
  std::optional<OfficerCard> responsible;
  std::vector<NearbyOfficer> nearestOnDuty;
  std::optional<OfficerCard> assignee;
};

struct MatchingSettings {
  std::int32_t openReportsCap = 15;  // an officer with this many open reports gets no new ones automatically
  std::size_t nearestCount = 3;
  double maxDistanceKm = 50.0;       // "nearest" farther than this helps no one in an emergency
};

class OfficerRoster {
 public:
  explicit OfficerRoster(MatchingSettings settings = {}) : settings_(settings) {}

  // Applies every officer and village change committed since the last call (one cheap query when nothing
  // changed). Call at the start of a request, outside or inside a transaction.
  void refresh(storage::Connection& connection);

  MyOfficerResult myOfficer(const geo::LatLon& position, const std::optional<std::string>& villageCode) const;
  // On-duty officers under the load cap nearest to `position`, excluding `exceptNrp`.
  std::vector<NearbyOfficer> nearestOnDuty(const geo::LatLon& position, std::size_t k, const std::string& exceptNrp = {}) const;
  std::optional<OfficerCard> card(const std::string& nrp) const;
  bool knowsVillage(const std::string& villageCode) const;
  const MatchingSettings& settings() const { return settings_; }

 private:
  void reloadEverything(storage::Connection& connection, std::int64_t version);
  bool applyStates(storage::Connection& connection);

  MatchingSettings settings_;
  mutable std::shared_mutex mutex_;
  std::int64_t version_ = -1;
  match::PostIndex index_;
  std::vector<OfficerCard> officers_;           // by PostId
  std::map<std::string, match::PostId> idOf_;  // by NRP
  std::unique_ptr<match::VillageDirectory> villages_;
  // The same villages without outlines, while imported outlines cover only part of the country: a position
  // outside all of them still gets the village of the nearest centre, as before any outline was imported.
  std::unique_ptr<match::VillageDirectory> outsideBoundaries_;
};

}  // namespace bhabin::server::matching
