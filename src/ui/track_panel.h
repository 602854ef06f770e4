// "Lacak laporan": the reports filed on this device, and any report by its tracking code and secret, with
// its status and timeline — each step with its time and the officer's note — and how old that view is. A
// resolved report can be confirmed (with a 1-5 rating) or reopened (with a reason) until its window ends.
#pragma once

#include <string>

#include "core/i18n/catalog.h"
#include "ui/citizen_reports.h"
#include "ui/platform.h"

namespace bhabin::ui {

class TrackPanel {
 public:
  void draw(const i18n::Catalog& texts, i18n::Language language, Platform& platform, CitizenReports& reports);
  // Shows one report (from a link, or after filing it) and fetches its status.
  void show(const std::string& code, const std::string& secret, CitizenReports& reports);
  const std::string& shownCode() const { return shownCode_; }

 private:
  void drawLookup(const i18n::Catalog& texts, CitizenReports& reports);
  void drawMine(const i18n::Catalog& texts, Platform& platform, CitizenReports& reports);
  void drawReport(const i18n::Catalog& texts, i18n::Language language, Platform& platform, CitizenReports& reports);
  void drawAnswer(const i18n::Catalog& texts, Platform& platform, CitizenReports& reports, const TrackResult& result);

  std::string typedCode_;
  std::string typedSecret_;
  bool badCode_ = false;
  std::string shownCode_;
  std::string shownSecret_;
  int rating_ = 0;  // 0 = no rating chosen
  std::string reopenReason_;
  bool reasonMissing_ = false;
};

}  // namespace bhabin::ui
