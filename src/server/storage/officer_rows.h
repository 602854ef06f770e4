// What the matching needs from the database: officers' duty, position and load, and which officer is
// responsible for which village. Every change takes a new 'officers' counter value, so each server process
// reloads only the rows that changed since it last looked.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/geo/lat_lon.h"
#include "core/stats/area_stats.h"
#include "server/storage/database.h"

namespace bhabin::server::storage {

struct OfficerState {
  std::string nrp;
  std::string regencyCode;
  bool onDuty = false;
  geo::LatLon position;
  std::int64_t positionAtUnixMs = 0;
  std::int32_t openReports = 0;
  std::int64_t version = 0;
};

struct VillageAssignment {
  std::string villageCode;
  std::string regencyCode;
  std::string nrp;
  std::int64_t version = 0;
};

// An officer stored on duty counts as on duty since their position's time (when they last shared it).
void insertOfficerState(Connection& connection, const OfficerState& state);
std::optional<OfficerState> findOfficerState(Connection& connection, const std::string& nrp);
// Records the change in the duty history when it is one.
void setOnDuty(Connection& connection, const std::string& nrp, bool onDuty, std::int64_t atUnixMs);
// The duty changes of the area's active officers before `toUnixMs`: those from `fromUnixMs` on, and each
// officer's last one before it (their state when the period began).
std::vector<stats::DutyChange> dutyChangesInArea(Connection& connection, const std::string& area,
                                                 std::int64_t fromUnixMs, std::int64_t toUnixMs);
void setOfficerRegency(Connection& connection, const std::string& nrp, const std::string& regencyCode);
void setPosition(Connection& connection, const std::string& nrp, const geo::LatLon& position, std::int64_t atUnixMs);
// Adds `delta` (+1 when a report is assigned, -1 when it closes or leaves) to the officer's open load.
void addOpenReports(Connection& connection, const std::string& nrp, std::int32_t delta);
std::vector<OfficerState> officerStatesChangedSince(Connection& connection, std::int64_t version);

struct OfficerInArea {
  std::string nrp;
  std::string name;
  std::string phoneE164;
  OfficerState state;
};
// Active officers who are responsible for a village in `area` or belong to a regency in it ('' = all).
std::vector<OfficerInArea> officersInArea(Connection& connection, const std::string& area);

// An officer as the roster administration shows them, active or not.
struct ManagedOfficer {
  std::string nrp;
  std::string name;
  std::string phoneE164;
  bool active = true;
  std::string regencyCode;
  bool onDuty = false;
  std::int32_t openReports = 0;
  std::vector<std::string> villages;  // code order
};
// Officers (active or not) whose regency lies in `area` or who hold a village in it ('' = all), NRP order.
std::vector<ManagedOfficer> managedOfficersInArea(Connection& connection, const std::string& area);

struct VillageHolder {
  std::string code;
  std::string name;
  std::optional<std::string> nrp;  // the responsible officer
  bool covered = false;            // the responsible officer is active
};
// Every village in `area` ('' = all) with its responsible officer, code order.
std::vector<VillageHolder> villagesInArea(Connection& connection, const std::string& area);

struct ReportCount {
  std::string status;
  std::string category;
  std::int64_t count = 0;
};
// Reports whose village lies in `area`, counted by status and category.
std::vector<ReportCount> reportCountsInArea(Connection& connection, const std::string& area);

void assignVillage(Connection& connection, const std::string& villageCode, const std::string& nrp);
// Removes the village from `nrp` (nothing when another officer holds it); the village's region row takes
// the counter value, because a deleted assignment leaves no row for other servers to notice.
void unassignVillage(Connection& connection, const std::string& villageCode, const std::string& nrp);
std::optional<std::string> responsibleOfficerOf(Connection& connection, const std::string& villageCode);
std::vector<VillageAssignment> villageAssignmentsChangedSince(Connection& connection, std::int64_t version);
std::vector<std::string> villagesOf(Connection& connection, const std::string& nrp);
// Whether the officer belongs to `area`: their regency lies in it, or a village they hold does.
bool officerWorksIn(Connection& connection, const std::string& nrp, const std::string& regencyCode,
                    const std::string& area);
// New counter values for the officer's villages, so every roster reloads them (an officer (de)activated).
void touchVillagesOf(Connection& connection, const std::string& nrp);

}  // namespace bhabin::server::storage
