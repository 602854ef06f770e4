#include "core/wire/report_codec.h"

#include "core/wire/record_io.h"
#include "core/wire/report_fields.h"
#include "core/wire/report_record.h"

namespace bhabin::wire {

std::string encodeReportJson(const report::Report& report) { return detail::toJson(detail::toRecord(report)); }

std::variant<report::Report, ParseError> decodeReportJson(std::string_view json) {
  auto record = detail::fromJson<detail::ReportRecord>(json);
  if (auto* error = std::get_if<ParseError>(&record)) return *error;
  return detail::toReport(std::get<detail::ReportRecord>(std::move(record)));
}

std::string encodeReportBinary(const report::Report& report) {
  return detail::toBinary(kReportMagic, detail::toRecord(report));
}

std::variant<report::Report, ParseError> decodeReportBinary(std::string_view bytes) {
  auto record = detail::fromBinary<detail::ReportRecord>(kReportMagic, bytes);
  if (auto* error = std::get_if<ParseError>(&record)) return *error;
  return detail::toReport(std::get<detail::ReportRecord>(std::move(record)));
}

}  // namespace bhabin::wire
