// The dashboard's work for one request: an area's reports of a period (and the open ones) turned into its
// figures, and the late ones found. A Polda's province files tens of thousands of reports a month; the
// figures must stay a small part of the answer's time. Runs natively and as WebAssembly in node.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/report/deadlines.h"
#include "core/report/report_validation.h"
#include "core/report/status_machine.h"
#include "core/stats/area_stats.h"
#include "core/stats/overdue_reports.h"

namespace {

using namespace bhabin;

constexpr std::int64_t kMinute = 60 * 1000;
constexpr std::int64_t kDay = 24 * 60 * kMinute;
constexpr std::size_t kOfficers = 500;
const stats::Period kPeriod{{2026, 10, 30}, {2026, 11, 28}, domain::TimeZone::WIB};

report::ReportDetails detailsFor(std::size_t i) {
  report::ReportDetails details;
  details.trackingCode = "3329-" + std::to_string(1000000 + i);
  details.category = report::kAllCategories[i % std::size(report::kAllCategories)];
  details.title = "Laporan";
  details.position = {-7.0 + static_cast<double>(i % 1000) * 1e-4, 109.0 + static_cast<double>(i % 997) * 1e-4};
  details.villageCode = "33.29.01.2001";
  return details;
}

void apply(report::Report& report, report::Action action, const std::string& nrp, std::int64_t at) {
  report::Move move;
  move.action = action;
  move.actor = {report::Role::Officer, nrp};
  move.atUnixMs = at;
  report::StatusMachine::apply(report, move);
}

// `count` reports over the period, one officer in `kOfficers` each: a third left unread, a third received and
// worked on, a third resolved (deterministic, so native and WebAssembly runs measure the same input).
std::vector<report::Report> periodReports(std::size_t count) {
  std::vector<report::Report> reports;
  reports.reserve(count);
  const std::int64_t start = kPeriod.startUnixMs();
  const std::int64_t span = kPeriod.endUnixMs() - start - kDay;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string nrp = std::to_string(85000000 + i % kOfficers);
    const std::int64_t at = start + static_cast<std::int64_t>((i * 7919) % static_cast<std::size_t>(span / kMinute)) * kMinute;
    report::Report report = report::StatusMachine::submit(detailsFor(i), {report::Role::Citizen, ""}, at, nrp);
    if (i % 3 >= 1) {
      apply(report, report::Action::Receive, nrp, at + 20 * kMinute);
      apply(report, report::Action::Start, nrp, at + 30 * kMinute);
    }
    if (i % 3 == 2) apply(report, report::Action::Resolve, nrp, at + 300 * kMinute);
    reports.push_back(std::move(report));
  }
  return reports;
}

void BM_AreaStats(benchmark::State& state) {
  stats::AreaRecords records;
  records.reports = periodReports(static_cast<std::size_t>(state.range(0)));
  for (std::size_t i = 0; i < kOfficers; ++i) records.officerNrps.push_back(std::to_string(85000000 + i));
  for (auto _ : state) {
    benchmark::DoNotOptimize(stats::computeAreaStats(records, kPeriod, kPeriod.endUnixMs()));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_AreaStats)->Arg(1000)->Arg(30000)->Unit(benchmark::kMillisecond);

void BM_OverdueReports(benchmark::State& state) {
  const std::vector<report::Report> reports = periodReports(static_cast<std::size_t>(state.range(0)));
  const report::DeadlinePolicies policies;
  for (auto _ : state) {
    benchmark::DoNotOptimize(stats::overdueReports(reports, policies, kPeriod.endUnixMs(), 100));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_OverdueReports)->Arg(1000)->Arg(30000)->Unit(benchmark::kMillisecond);

}  // namespace
