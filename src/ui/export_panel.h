// A supervisor's exports (README "Exports"): reports or visits, as CSV or GeoJSON, for the last 7, 30 or 90
// days of the area's own time zone, optionally with personal data — which needs a reason, audited by the
// server. The file comes through the browser's download; a refusal is shown with the server's message.
#pragma once

#include <cstdint>
#include <string>

#include "core/i18n/catalog.h"
#include "ui/officer_desk.h"
#include "ui/platform.h"

namespace bhabin::ui {

struct ExportChoice {
  enum class Data { Reports, Visits } data = Data::Reports;
  enum class Format { Csv, GeoJson } format = Format::Csv;
  int days = 30;  // local days up to and including today
  bool includePersonalData = false;
  std::string reason;  // required by the server with personal data
};

// "/api/v1/area/export/reports.csv?from=2026-10-30&to=2026-11-28[&includePersonalData=1&reason=…]", the
// days counted in the time zone of `areaCode` (WIB where unknown), as the server counts them.
std::string exportPath(const ExportChoice& choice, const std::string& areaCode, std::int64_t nowUnixMs);

class ExportPanel {
 public:
  void draw(const i18n::Catalog& texts, Platform& platform, const OfficerDesk& desk);

  struct State {
    bool downloading = false;
    std::string fileName;       // the last file the browser received
    std::int64_t rows = -1;
    std::string refusal;        // the server's message, translated
    bool noAnswer = false;      // offline or the connection dropped
  };
  const State& state() const { return state_; }

 private:
  void drawChoice(const i18n::Catalog& texts);
  void start(Platform& platform, const OfficerDesk& desk);

  ExportChoice choice_;
  State state_;
  std::uint64_t generation_ = 0;  // a new download makes the previous one's answer stale
};

}  // namespace bhabin::ui
