// A citizen's report: what was filed (details, fixed once submitted) and its timeline, which only ever grows.
// Reports are created and changed only through StatusMachine, so every timeline is a legal history.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/geo/lat_lon.h"
#include "core/report/category.h"
#include "core/report/status.h"

namespace bhabin::report {

struct Reporter {
  bool anonymous = true;  // when true, name and phone are empty: nothing identifies the citizen
  std::string name;
  std::string phoneE164;  // "+6281234567890"; may be empty even when not anonymous
};

struct ReportDetails {
  std::string trackingCode;  // canonical tracking code, the report's id ("3329-ABCD-EFGH-JKMN-PQRX")
  Category category = Category::Other;
  std::string title;
  std::string description;
  std::int64_t incidentAtUnixMs = 0;  // when it happened, milliseconds since 1970-01-01 UTC
  geo::LatLon position;               // where it happened
  std::string villageCode;            // Kemendagri code of the village the position lies in
  std::string photoRef;               // id of the stored photo; empty = no photo
  Reporter reporter;
};

struct TimelineEvent {
  Action action = Action::Submit;
  Status status = Status::Submitted;  // the report's status after this event
  Actor actor;
  std::int64_t atUnixMs = 0;          // never earlier than the previous event's
  std::string note;                   // the officer's note, a rejection reason, or a citizen's addition
  std::string assignedNrp;            // the responsible officer after this event; empty = unassigned
  std::uint32_t rating = 0;           // confirm only: the citizen's rating of the work, 1-5; 0 = none given
};

class Report {
 public:
  const ReportDetails& details() const { return details_; }
  const std::vector<TimelineEvent>& timeline() const { return timeline_; }  // never empty, oldest first
  Status status() const { return timeline_.back().status; }
  const std::string& assignedOfficerNrp() const { return timeline_.back().assignedNrp; }

 private:
  friend class StatusMachine;
  Report(ReportDetails details, TimelineEvent submitted)
      : details_(std::move(details)), timeline_{std::move(submitted)} {}

  ReportDetails details_;
  std::vector<TimelineEvent> timeline_;
};

}  // namespace bhabin::report
