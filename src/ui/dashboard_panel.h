// A supervisor's dashboard in the officers' tab: the period (7, 30 or 90 days), the headline figures, the
// reports late now (most late first, a tap opens one), bars of the period's reports by status and by category,
// a line of reports submitted and resolved per day, and the officers' table (most open reports first, with
// their time on duty). The map under it shows where the period's reports were (see AppUi). A commander looks, not reads: the charts carry the story, numbers sit beside.
#pragma once

#include <cstdint>
#include <string>

#include "core/i18n/catalog.h"
#include "core/wire/api_answers.h"
#include "ui/officer_desk.h"

namespace bhabin::ui {

// "< 1 mnt", "45 mnt", "3 j 20 mnt", "2 hari 4 j": a wait as a supervisor reads it.
std::string formatDuration(std::int64_t ms, const i18n::Catalog& texts);
// "1 j 30 mnt · belum diterima · Kejahatan · 3329-AAAA · dieskalasi": a late report in the dashboard's list.
std::string overdueLine(const stats::OverdueReport& late, const i18n::Catalog& texts, i18n::Language language);

class DashboardPanel {
 public:
  void draw(const i18n::Catalog& texts, i18n::Language language, OfficerDesk& desk);

 private:
  void drawPeriodChoice(const i18n::Catalog& texts, OfficerDesk& desk);
  void drawHeadline(const i18n::Catalog& texts, const wire::AreaDashboardView& view);
  void drawOverdue(const i18n::Catalog& texts, i18n::Language language, const wire::AreaDashboardView& view, OfficerDesk& desk);
  void drawStatusBars(const i18n::Catalog& texts, const wire::AreaDashboardView& view);
  void drawCategoryBars(const i18n::Catalog& texts, i18n::Language language, const wire::AreaDashboardView& view);
  void drawDays(const i18n::Catalog& texts, const wire::AreaDashboardView& view);
  void drawOfficers(const i18n::Catalog& texts, const wire::AreaDashboardView& view);
};

}  // namespace bhabin::ui
