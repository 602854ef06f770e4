// The roster the browser matches against: every officer's duty, load and (rounded) position and every
// village with its responsible officer, downloaded once from GET /api/v1/roster and revalidated now and then.
// "Petugas saya" and the village search run here, in the core, with no request per question.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/cluster/cluster_index.h"
#include "core/match/roster_matching.h"
#include "core/search/village_index.h"
#include "core/wire/roster_codec.h"
#include "ui/platform.h"

namespace bhabin::ui {

struct VillageChoice {
  std::string code;
  std::string label;  // "Pasarbatang, Brebes, Brebes, Jawa Tengah"
  geo::LatLon center;
};

struct NearbyOfficerView {
  const wire::RosterOfficer* officer = nullptr;
  double distanceKm = 0.0;
};

// "Petugas saya" for one position, ready to show.
struct MyOfficerView {
  std::optional<std::string> villageCode;
  std::string villageLabel;
  const wire::RosterOfficer* responsible = nullptr;
  match::ResponsibleStatus status = match::ResponsibleStatus::UnknownVillage;
  std::vector<NearbyOfficerView> nearestOnDuty;
};

class RosterData {
 public:
  enum class State { Empty, Loading, Ready, Failed };

  explicit RosterData(Platform& platform) : platform_(platform) {}

  // Asks the server for the roster (a 304 keeps what is held). Safe to call again; one request at a time.
  void refresh();

  State state() const { return state_; }
  const std::string& problem() const { return problem_; }  // why the last refresh failed
  std::int64_t loadedAtUnixMs() const { return loadedAtUnixMs_; }
  const wire::RosterSnapshot* snapshot() const { return snapshot_.get(); }
  // Changes whenever a new snapshot replaces the old one; views holding officer pointers must be rebuilt.
  std::uint64_t generation() const { return generation_; }

  MyOfficerView myOfficer(const geo::LatLon& position, const std::optional<std::string>& villageCode = std::nullopt) const;
  std::vector<VillageChoice> searchVillages(const std::string& query, std::size_t limit) const;
  std::optional<VillageChoice> village(const std::string& code) const;
  // Officers on the map for a viewport and zoom: clusters, or single officers (id = officer index).
  void officersOnMap(const cluster::Viewport& viewport, double zoom, cluster::Clusters& out) const;

 private:
  void accept(const std::string& body, const std::string& etag);

  Platform& platform_;
  State state_ = State::Empty;
  bool requesting_ = false;
  std::string problem_;
  std::string etag_;
  std::int64_t loadedAtUnixMs_ = 0;
  std::uint64_t generation_ = 0;
  std::unique_ptr<wire::RosterSnapshot> snapshot_;
  std::unique_ptr<match::RosterMatching> matching_;
  search::VillageIndex villageIndex_;
  cluster::ClusterIndex officerClusters_;
};

}  // namespace bhabin::ui
