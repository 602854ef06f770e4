// The citizen's report form: category, what happened, where (the chosen position; the pin can be dragged),
// when, an optional photo (shrunk and stripped of its metadata on the device), name and phone or anonymous,
// consent. The core's validator checks it on the device, with the same
// rules and messages as the server. Before a valid report is sent, open reports of the same category nearby
// are offered ("ikut melapor": join one instead of reporting it again); offline, or when the server does not
// answer soon, the report is sent without the offer. It goes to the outbox and its tracking code is shown at once.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/i18n/catalog.h"
#include "core/report/report_validation.h"
#include "ui/citizen_reports.h"
#include "ui/locate_panel.h"
#include "ui/platform.h"

namespace bhabin::ui {

struct ReportDraft {
  int category = -1;  // index into report::kAllCategories; -1 = not chosen
  std::string title;
  std::string description;
  int daysAgo = 0;     // 0 today, 1 yesterday, 2 the day before
  std::string time;    // "HH:MM" or "HH.MM", local time; filled with the time the form opened
  bool anonymous = false;
  std::string name;
  std::string phone;
  bool consent = false;
};

// The form as the validator reads it. `incidentAtUnixMs` stays empty when the time is not "HH:MM" or "HH.MM".
report::ReportForm formFromDraft(const ReportDraft& draft, const geo::LatLon* position, const std::string& villageCode,
                                 std::int64_t nowUnixMs, int utcOffsetMinutes);

class ReportFormPanel {
 public:
  // Draws the form, or the confirmation of the report just filed. Returns a tracking code when the citizen
  // asks to follow that report.
  std::optional<std::string> draw(const i18n::Catalog& texts, i18n::Language language, Platform& platform,
                                  const LocatePanel& locate, CitizenReports& reports, const OutboxSender& outbox);

  static constexpr std::int64_t kNearbyCheckTimeoutMs = 3000;

  const std::optional<std::string>& sentCode() const { return sentCode_; }
  bool joined() const { return joined_; }
  // The photo attached to the form now, as it will be uploaded; nullptr when none.
  const PickedPhoto* photo() const { return photo_ ? &*photo_ : nullptr; }
  // The open reports offered before sending; empty unless the offer is on screen.
  const std::vector<wire::DuplicateView>& offeredReports() const { return offered_; }
  // The fields refused at the last attempt to send, by the core's validator ("consent" for the declaration).
  std::vector<std::string> refusedFields() const;

 private:
  void drawForm(const i18n::Catalog& texts, i18n::Language language, Platform& platform, const LocatePanel& locate,
                CitizenReports& reports);
  std::optional<std::string> drawSent(const i18n::Catalog& texts, Platform& platform, const CitizenReports& reports,
                                      const OutboxSender& outbox);
  void drawOffer(const i18n::Catalog& texts, const Platform& platform, CitizenReports& reports);
  void drawPhoto(const i18n::Catalog& texts, i18n::Language language, Platform& platform);
  void attach(const PickedPhoto& picked);
  void fieldErrors(const char* field, i18n::Language language) const;
  void submit(Platform& platform, const LocatePanel& locate, CitizenReports& reports);
  void checkNearby(Platform& platform, CitizenReports& reports);
  void sendNew(CitizenReports& reports);
  void joinOffered(std::size_t index, CitizenReports& reports);
  void clearForm();

  enum class Stage { Editing, CheckingNearby, Offering };
  Stage stage_ = Stage::Editing;
  std::optional<report::ReportDetails> ready_;  // validated, waiting for the nearby check or the citizen's choice
  std::vector<wire::DuplicateView> offered_;
  std::int64_t checkStartedAtMs_ = 0;
  int checkNumber_ = 0;  // an answer to an abandoned check is ignored
  bool joined_ = false;
  std::optional<PickedPhoto> photo_;
  std::optional<report::ErrorCode> photoRefusal_;  // the core refused the picked file
  bool photoUnreadable_ = false;                   // the browser could not read it as a picture
  bool photoNotStored_ = false;                    // the device could not keep the last report's photo
  ReportDraft draft_;
  bool timeFilled_ = false;
  bool tried_ = false;
  std::vector<report::ValidationError> errors_;
  std::optional<std::string> sentCode_;
};

}  // namespace bhabin::ui
