// A citizen's reports on this device: filing one (through the outbox, so it works offline and arrives once),
// the list of codes filed here (kept in device storage), and following any report by code and secret.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/report/report.h"
#include "core/wire/api_answers.h"
#include "core/wire/api_requests.h"
#include "ui/outbox_sender.h"
#include "ui/platform.h"

namespace bhabin::ui {

struct TrackResult {
  enum class State { Loading, Found, NotFound, Failed } state = State::Loading;
  std::optional<wire::PublicReportView> report;
  std::string problem;  // the server's message, or empty for "no network"
  std::int64_t fetchedAtUnixMs = 0;
  bool answering = false;      // a confirm or reopen is on its way
  bool answerFailed = false;   // the last confirm or reopen did not go through
  std::string answerProblem;   // the server's reason then, or empty for "no network"
};

class CitizenReports {
 public:
  static constexpr const char* kStorageKey = "tracked_reports";

  CitizenReports(Platform& platform, OutboxSender& outbox) : platform_(platform), outbox_(outbox) {}

  // Reads the list kept on the device; reports filed before it is read are kept with the stored ones.
  void restore();
  // Adds the reports still waiting in the outbox that the list lacks: the outbox is saved before a report
  // counts as filed, the list a moment later, so a tab closed in between must not lose the code from the list.
  // Call when the outbox has been read.
  void adoptQueuedReports();
  // Queues a validated report; gives it its tracking code here so the citizen has it even offline.
  // Returns the code, or nothing when the village code has no regency (the validator prevents that).
  // A photo (already shrunk and stripped) is stored on the device beside it and uploaded just before it;
  // `photoSaved(false)` when the device could not store it, and the report then goes without it.
  std::optional<std::string> submit(report::ReportDetails details, std::optional<std::string> photo = std::nullopt,
                                    std::function<void(bool)> photoSaved = {});
  // "Ikut melapor": joins another citizen's open report instead of filing the same again; the report then
  // appears in this device's list and its secret arrives with the outbox's answer.
  void join(const wire::DuplicateView& other, const report::Reporter& joiner);
  // The outbox's answer to a report filed or joined from this device.
  void created(const sync::Change& change, const wire::CreationAnswer& answer);

  // Looks a report up; the answer arrives in trackResult(code). `typedCode` as the person typed it.
  void track(const std::string& typedCode, const std::string& secret);
  const TrackResult* trackResult(const std::string& code) const;
  // The citizen's answer to a resolved report, with its code and secret: confirm (rating 1-5, or 0 for none)
  // or reopen (with a reason). The report as the server then has it arrives in trackResult(code).
  void confirm(const std::string& code, const std::string& secret, std::uint32_t rating);
  void reopen(const std::string& code, const std::string& secret, const std::string& reason);

  const std::vector<wire::TrackedReport>& tracked() const { return tracked_; }
  const wire::TrackedReport* trackedReport(const std::string& code) const;

 private:
  void persist();
  void answer(const std::string& code, const std::string& secret, const char* what, std::string body);
  // Keeps a public view the server answered in the code's result; false when the answer was not one.
  bool keepPublicView(const std::string& code, const HttpResponse& response);
  sync::Change citizenChange(sync::ChangeKind kind, const std::string& trackingCode, std::int64_t nowUnixMs);

  Platform& platform_;
  OutboxSender& outbox_;
  std::vector<wire::TrackedReport> tracked_;  // newest first
  std::map<std::string, TrackResult> results_;
  bool restored_ = false;
  bool changedBeforeRestore_ = false;
};

// The canonical form of a typed tracking code, or nothing when it is not one.
std::optional<std::string> canonicalTrackingCode(const std::string& typed);

}  // namespace bhabin::ui
