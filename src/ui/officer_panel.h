// The officers' tab: log in with NRP and password; then duty, position sharing, the worklist (most urgent
// first, with its age when the network is gone), and one report at a time — its reporters to call, its
// timeline, and the moves allowed now, each with a note, including handing it to a nearby officer.
// A supervisor gets three sections instead: Dasbor (figures and worklist), Personel and Ekspor.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/domain/sambang_visit.h"

#include "core/i18n/catalog.h"
#include "core/report/validation_error.h"
#include "ui/dashboard_panel.h"
#include "ui/export_panel.h"
#include "ui/officer_desk.h"
#include "ui/platform.h"
#include "ui/roster_admin.h"
#include "ui/roster_admin_panel.h"

namespace bhabin::ui {

// A supervisor's view is split in three so each fits a phone: the dashboard with the worklist, the roster
// ("Personel"), and the exports.
enum class SupervisorSection { Dashboard, Roster, Export };

class OfficerPanel {
 public:
  void draw(const i18n::Catalog& texts, i18n::Language language, Platform& platform, OfficerDesk& desk, RosterAdmin& admin);
  SupervisorSection supervisorSection() const { return section_; }
  const ExportPanel& exportPanel() const { return export_; }
  const RosterAdminPanel& rosterPanel() const { return roster_; }

 private:
  void drawLogin(const i18n::Catalog& texts, OfficerDesk& desk);
  void drawSupervisor(const i18n::Catalog& texts, i18n::Language language, Platform& platform, OfficerDesk& desk, RosterAdmin& admin);
  void drawDuty(const i18n::Catalog& texts, Platform& platform, OfficerDesk& desk);
  void drawWorklist(const i18n::Catalog& texts, i18n::Language language, Platform& platform, OfficerDesk& desk);
  void drawOpened(const i18n::Catalog& texts, i18n::Language language, Platform& platform, OfficerDesk& desk);
  void drawMoves(const i18n::Catalog& texts, i18n::Language language, OfficerDesk& desk);
  void drawVisit(const i18n::Catalog& texts, i18n::Language language, const Platform& platform, OfficerDesk& desk);
  void drawRecentVisits(const i18n::Catalog& texts, const OfficerDesk& desk, const Platform& platform);

  DashboardPanel dashboard_;
  RosterAdminPanel roster_;
  ExportPanel export_;
  SupervisorSection section_ = SupervisorSection::Dashboard;
  std::string nrp_;
  std::string password_;
  std::string note_;
  std::vector<report::ValidationError> noteErrors_;
  bool choosingHandOver_ = false;
  std::string visitPlace_;
  std::string visitNotes_;
  std::array<bool, std::size(domain::kAllVisitTopics)> visitTopics_{};
};

}  // namespace bhabin::ui
