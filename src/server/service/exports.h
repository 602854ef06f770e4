// Supervisors' and administrators' exports of their area's reports and sambang visits for a period, as CSV
// (for spreadsheets) or GeoJSON (for maps). Personal data — reporters' names and phones, report descriptions
// and visit notes, which people write names into — is left out unless asked for with a reason; such an
// export is written to the audit log (who, when, what, how many rows, why) before it is answered, and never
// holds an identity the retention period has expired.
#pragma once

#include <cstddef>
#include <string>

#include "server/service/accounts.h"
#include "server/service/backend.h"

namespace bhabin::server::service {

enum class ExportData { Reports, Visits };
enum class ExportFormat { Csv, GeoJson };

struct ExportRequest {
  ExportData data = ExportData::Reports;
  ExportFormat format = ExportFormat::Csv;
  std::string from;  // "2026-11-01", the first day, midnight in the area's time zone
  std::string to;    // "2026-11-30", the last day, included
  bool personalData = false;
  std::string reason;  // required with personalData
};

struct ExportFile {
  std::string contentType;  // application/octet-stream for CSV (named .csv), application/geo+json
  std::string fileName;  // "reports-33.29.01-2026-11-01-2026-11-30.csv"
  std::string body;
  std::size_t rows = 0;
  int utcOffsetMinutes = 0;  // of the area; dates in the file are written in it
};

inline constexpr std::size_t kMaxExportRows = 20000;

class Exports {
 public:
  explicit Exports(Backend& backend) : backend_(backend) {}

  // Throws ApiError: forbidden (403) for officers, invalid_period (400), reason_required (422),
  // invalid_form (422, a reason over 500 characters), export_too_large (422) over kMaxExportRows rows.
  ExportFile run(const Principal& caller, const ExportRequest& request);

 private:
  Backend& backend_;
};

}  // namespace bhabin::server::service
