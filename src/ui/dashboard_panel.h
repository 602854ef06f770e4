// A supervisor's dashboard in the officers' tab: the period (7, 30 or 90 days), the headline figures, bars of
// the period's reports by status, a line of reports submitted and resolved per day, and the officers' table
// (most open reports first). A commander looks, not reads: the charts carry the story, numbers sit beside.
#pragma once

#include <cstdint>
#include <string>

#include "core/i18n/catalog.h"
#include "core/wire/api_answers.h"
#include "ui/officer_desk.h"

namespace bhabin::ui {

// "< 1 mnt", "45 mnt", "3 j 20 mnt", "2 hari 4 j": a wait as a supervisor reads it.
std::string formatDuration(std::int64_t ms, const i18n::Catalog& texts);

class DashboardPanel {
 public:
  void draw(const i18n::Catalog& texts, OfficerDesk& desk);

 private:
  void drawPeriodChoice(const i18n::Catalog& texts, OfficerDesk& desk);
  void drawHeadline(const i18n::Catalog& texts, const wire::AreaDashboardView& view);
  void drawStatusBars(const i18n::Catalog& texts, const wire::AreaDashboardView& view);
  void drawDays(const i18n::Catalog& texts, const wire::AreaDashboardView& view);
  void drawOfficers(const i18n::Catalog& texts, const wire::AreaDashboardView& view);
};

}  // namespace bhabin::ui
