// "My officer" and the nearest on-duty officers computed in the browser from the server's public roster
// snapshot (GET /api/v1/roster): the snapshot's officers become a PostIndex (post id = index into
// snapshot.officers), its villages a VillageDirectory, and its rules the query settings, so the answers are
// the server's own (GET /api/v1/my-officer) up to the rounding of the published officer positions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/match/my_officer.h"
#include "core/match/post_index.h"
#include "core/search/village_index.h"
#include "core/wire/roster_codec.h"

namespace bhabin::match {

class RosterMatching {
 public:
  // Copies what the matching needs; `snapshot` may go away afterwards. Throws std::invalid_argument, naming
  // the officer, for an officer position or load parseRosterJson would have refused: snapshots come from
  // parseRosterJson, so that is a programming error, not bad input.
  explicit RosterMatching(const wire::RosterSnapshot& snapshot);

  // findMyOfficer with the snapshot's rules. The village comes from `villageCode` when the snapshot knows it,
  // else from the nearest village centre (the snapshot carries no outlines). Ids index snapshot.officers.
  MyOfficerAnswer myOfficer(const geo::LatLon& position, std::optional<std::string> villageCode) const;

  // The `k` nearest on-duty officers under the load cap and within the rules' distance, nearest first.
  std::vector<Neighbor> nearestOnDuty(const geo::LatLon& position, std::size_t k) const;

 private:
  wire::MatchingRules rules_;
  PostIndex officers_;
  VillageDirectory villages_;
};

// The snapshot's villages as the input of search::VillageIndex::build (village number = index into
// snapshot.villages). The records point into `snapshot`, which must outlive them.
std::vector<search::VillageRecord> villageRecords(const wire::RosterSnapshot& snapshot);

}  // namespace bhabin::match
