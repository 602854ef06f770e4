// The whole interface of the app for one frame: a sheet over the map (at the bottom on a phone held upright,
// at the left on wider screens) with the citizen's tabs — my officer, file a report, follow a report — and the
// officers' tab, a language switch, the emergency number and the sync status. Platform-free: the browser
// drives it (src/app), and so do headless tests.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/i18n/catalog.h"
#include "ui/citizen_reports.h"
#include "ui/locate_panel.h"
#include "ui/map_outlines.h"
#include "ui/map_view.h"
#include "ui/officer_desk.h"
#include "ui/officer_panel.h"
#include "ui/outbox_sender.h"
#include "ui/platform.h"
#include "ui/report_form_panel.h"
#include "ui/roster_admin.h"
#include "ui/roster_data.h"
#include "ui/track_panel.h"

namespace bhabin::ui {

enum class Tab { MyOfficer, Report, Track, Officer };

class AppUi {
 public:
  static constexpr const char* kLanguageKey = "language";
  static constexpr std::int64_t kRosterRefreshMs = 5 * 60 * 1000;

  // `catalogs` holds Indonesian then English.
  AppUi(Platform& platform, MapView& map, std::array<i18n::Catalog, 2> catalogs);

  // Loads what the device kept (outbox, reports, language), the roster and the session. Call once.
  void start();
  // Opens what a link asked for: "#track=CODE&s=SECRET" shows that report's status.
  void openLink(const std::string& fragment);
  void frame();

  void choosePosition(const geo::LatLon& position) { locate_.choose(position, roster_, map_); }
  void mapMoved() { mapDirty_ = true; }
  void networkBack() { outbox_.retryNow(); }

  i18n::Language language() const { return language_; }
  Tab tab() const { return tab_; }
  const LocatePanel& locate() const { return locate_; }
  const RosterData& roster() const { return roster_; }
  const MapOutlines& outlines() const { return outlines_; }
  const OutboxSender& outbox() const { return outbox_; }
  const CitizenReports& citizenReports() const { return citizen_; }
  const OfficerDesk& officerDesk() const { return desk_; }
  const RosterAdmin& rosterAdmin() const { return rosterAdmin_; }
  const OfficerPanel& officerPanel() const { return officerPanel_; }
  const TrackPanel& trackPanel() const { return track_; }
  const ReportFormPanel& reportForm() const { return reportForm_; }

 private:
  const i18n::Catalog& texts() const { return catalogs_[static_cast<std::size_t>(language_)]; }
  void setLanguage(i18n::Language language);
  void drawHeader();
  void drawTabs();
  void drawSyncStatus();
  void drawRefusal();
  void updateMapLayers();
  std::vector<MapPoint> periodReportsOnMap(bool newPeriod);
  std::vector<MapPoint> worklistOnMap() const;
  void showTab(Tab tab) { requestedTab_ = tab; }

  Platform& platform_;
  MapView& map_;
  std::array<i18n::Catalog, 2> catalogs_;
  i18n::Language language_ = i18n::Language::Indonesian;
  OutboxSender outbox_;
  RosterData roster_;
  MapOutlines outlines_;
  CitizenReports citizen_;
  OfficerDesk desk_;
  RosterAdmin rosterAdmin_;
  LocatePanel locate_;
  ReportFormPanel reportForm_;
  TrackPanel track_;
  OfficerPanel officerPanel_;
  Tab tab_ = Tab::MyOfficer;
  std::optional<Tab> requestedTab_;
  std::optional<RefusedChange> lastRefusal_;
  bool sheetOpen_ = true;
  bool mapDirty_ = true;
  std::int64_t rosterCheckedAt_ = 0;
  std::uint64_t shownWorklistGeneration_ = 0;
  std::uint64_t shownRosterGeneration_ = 0;
  std::uint64_t shownDashboardGeneration_ = 0;
  cluster::ClusterIndex periodReports_;
};

}  // namespace bhabin::ui
