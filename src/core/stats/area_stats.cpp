#include "core/stats/area_stats.h"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

namespace bhabin::stats {

namespace {

using report::Action;
using report::Report;
using report::TimelineEvent;

std::int64_t nearestRank(const std::vector<std::int64_t>& sorted, int percent) {
  const std::size_t rank = (sorted.size() * static_cast<std::size_t>(percent) + 99) / 100;  // ceil(p/100 · n)
  return sorted[std::max<std::size_t>(rank, 1) - 1];
}

std::optional<std::int64_t> firstTimeOf(const Report& report, Action action) {
  for (const TimelineEvent& event : report.timeline()) {
    if (event.action == action) return event.atUnixMs;
  }
  return std::nullopt;
}

// Every wait between a report reaching an officer and that officer receiving it, with the officer.
template <typename Visit>
void forEachReceiveWait(const Report& report, Visit visit) {
  std::int64_t reachedAt = report.timeline().front().atUnixMs;
  std::string holder = report.timeline().front().assignedNrp;
  for (const TimelineEvent& event : report.timeline()) {
    if (event.action == Action::Receive && event.actor.id == holder) visit(holder, event.atUnixMs - reachedAt);
    if (event.assignedNrp != holder) {
      holder = event.assignedNrp;
      reachedAt = event.atUnixMs;
    }
  }
}

class Tally {
 public:
  Tally(const std::vector<std::string>& officerNrps, const Period& period)
      : start_(period.startUnixMs()), end_(period.endUnixMs()) {
    for (const std::string& nrp : officerNrps) officers_[nrp].nrp = nrp;
    stats_.days.resize(static_cast<std::size_t>(period.dayCount()));
    for (std::size_t i = 0; i < stats_.days.size(); ++i) {
      stats_.days[i].day = domain::localDateOf(start_ + static_cast<std::int64_t>(i) * domain::kDayMs, period.zone);
    }
  }

  void add(const Report& report) {
    if (!report::isFinal(report.status()) && !report.assignedOfficerNrp().empty()) ++officer(report.assignedOfficerNrp()).openNow;
    countResolutions(report);
    countAnswersAndEscalations(report);
    const TimelineEvent& submitted = report.timeline().front();
    if (!inPeriod(submitted.atUnixMs)) return;
    ++stats_.submitted;
    ++byStatusAndCategory_[{report.status(), report.details().category}];
    ++dayOf(submitted.atUnixMs).submitted;
    if (!submitted.assignedNrp.empty()) ++officer(submitted.assignedNrp).assignedInPeriod;
    if (const auto received = firstTimeOf(report, Action::Receive)) toReceived_.push_back(*received - submitted.atUnixMs);
    if (const auto resolved = firstTimeOf(report, Action::Resolve)) toResolved_.push_back(*resolved - submitted.atUnixMs);
    forEachReceiveWait(report, [this](const std::string& nrp, std::int64_t waitMs) { receiveWaits_[nrp].push_back(waitMs); });
  }

  void add(const VisitEntry& visit) {
    if (inPeriod(visit.visitedAtUnixMs)) ++officer(visit.officerNrp).visitsInPeriod;
  }

  // Each officer's time on duty within [period start, `untilUnixMs`): from every change to the next (or the
  // end), clipped to the period, so the change before the period tells how it began.
  void addDuty(std::vector<DutyChange> changes, std::int64_t untilUnixMs) {
    std::sort(changes.begin(), changes.end(), [](const DutyChange& a, const DutyChange& b) {
      return std::tie(a.officerNrp, a.atUnixMs) < std::tie(b.officerNrp, b.atUnixMs);
    });
    for (std::size_t i = 0; i < changes.size(); ++i) {
      if (!changes[i].onDuty) continue;
      const bool lastOfOfficer = i + 1 == changes.size() || changes[i + 1].officerNrp != changes[i].officerNrp;
      const std::int64_t from = std::max(changes[i].atUnixMs, start_);
      const std::int64_t to = std::min(lastOfOfficer ? untilUnixMs : changes[i + 1].atUnixMs, untilUnixMs);
      if (to > from) officer(changes[i].officerNrp).dutyMsInPeriod += to - from;
    }
  }

  AreaStats finish() {
    for (const auto& [key, count] : byStatusAndCategory_) stats_.byStatusAndCategory.push_back({key.first, key.second, count});
    stats_.submittedToReceived = summarizeDurations(std::move(toReceived_));
    stats_.submittedToResolved = summarizeDurations(std::move(toResolved_));
    for (auto& [nrp, row] : officers_) {
      row.toReceive = summarizeDurations(std::move(receiveWaits_[nrp]));
      stats_.officers.push_back(std::move(row));
    }
    return std::move(stats_);
  }

 private:
  bool inPeriod(std::int64_t unixMs) const { return unixMs >= start_ && unixMs < end_; }
  DayCounts& dayOf(std::int64_t unixMs) { return stats_.days[static_cast<std::size_t>((unixMs - start_) / domain::kDayMs)]; }

  OfficerRow& officer(const std::string& nrp) {
    OfficerRow& row = officers_[nrp];
    row.nrp = nrp;
    return row;
  }

  void countResolutions(const Report& report) {
    bool first = true;
    for (const TimelineEvent& event : report.timeline()) {
      if (event.action != Action::Resolve || !inPeriod(event.atUnixMs)) continue;
      if (first) ++dayOf(event.atUnixMs).resolved;
      first = false;
      if (event.actor.role == report::Role::Officer) ++officer(event.actor.id).resolvedInPeriod;
    }
  }

  // Citizens' confirmations and reopenings, and escalations, each counted for the officer holding the report.
  void countAnswersAndEscalations(const Report& report) {
    for (const TimelineEvent& event : report.timeline()) {
      if (!inPeriod(event.atUnixMs) || event.assignedNrp.empty()) continue;
      if (event.action == Action::Confirm) {
        OfficerRow& row = officer(event.assignedNrp);
        ++row.confirmedInPeriod;
        if (event.rating > 0) {
          row.ratingSum += event.rating;
          ++row.ratingCount;
        }
      } else if (event.action == Action::Reopen && event.actor.role == report::Role::Citizen) {
        ++officer(event.assignedNrp).reopenedByCitizensInPeriod;
      } else if (event.action == Action::Escalate) {
        ++officer(event.assignedNrp).escalatedInPeriod;
        ++stats_.escalatedInPeriod;
      }
    }
  }

  std::int64_t start_;
  std::int64_t end_;
  AreaStats stats_;
  std::map<std::pair<report::Status, report::Category>, std::int64_t> byStatusAndCategory_;
  std::vector<std::int64_t> toReceived_;
  std::vector<std::int64_t> toResolved_;
  std::map<std::string, OfficerRow> officers_;
  std::map<std::string, std::vector<std::int64_t>> receiveWaits_;
};

}  // namespace

DurationSummary summarizeDurations(std::vector<std::int64_t> durationsMs) {
  if (durationsMs.empty()) return {};
  std::sort(durationsMs.begin(), durationsMs.end());
  return {static_cast<std::int64_t>(durationsMs.size()), nearestRank(durationsMs, 50), nearestRank(durationsMs, 90)};
}

AreaStats computeAreaStats(const AreaRecords& records, const Period& period, std::int64_t nowUnixMs) {
  Tally tally(records.officerNrps, period);
  for (const Report& report : records.reports) tally.add(report);
  for (const VisitEntry& visit : records.visits) tally.add(visit);
  tally.addDuty(records.dutyChanges, std::min(period.endUnixMs(), nowUnixMs));
  return tally.finish();
}

}  // namespace bhabin::stats
