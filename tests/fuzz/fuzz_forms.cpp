// Hostile form JSON through decoder and validator, as the server runs them. The first byte picks the form
// (even, e.g. '0': report; odd, e.g. '1': visit). Whatever validates must be clean, encodable text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/text/utf8.h"
#include "core/wire/form_json.h"
#include "core/wire/visit_codec.h"
#include "fuzz_check.h"

namespace {

constexpr std::int64_t kNowUnixMs = 1714532400000;

void report(std::string_view json) {
  using namespace bhabin;
  const auto form = wire::decodeReportForm(json);
  if (!std::holds_alternative<report::ReportForm>(form)) return;
  const auto result = report::validateReportForm(std::get<report::ReportForm>(form), kNowUnixMs);
  BHABIN_FUZZ_CHECK(result.ok() == result.value.has_value());
  wire::encodeValidationErrorsJson(result.errors, i18n::Language::English);
  if (!result.ok()) return;
  const auto& details = *result.value;
  BHABIN_FUZZ_CHECK(text::isValidUtf8(details.title) && text::isValidUtf8(details.description));
  BHABIN_FUZZ_CHECK(details.reporter.phoneE164.empty() || details.reporter.phoneE164.rfind("+62", 0) == 0);
  BHABIN_FUZZ_CHECK(!wire::encodeReportDetailsJson(details).empty());
}

void visit(std::string_view json) {
  using namespace bhabin;
  const auto form = wire::decodeVisitForm(json);
  if (!std::holds_alternative<report::VisitForm>(form)) return;
  const auto result = report::validateVisitForm(std::get<report::VisitForm>(form), kNowUnixMs);
  if (!result.ok()) return;
  const auto decoded = wire::decodeVisitJson(wire::encodeVisitJson(*result.value));
  BHABIN_FUZZ_CHECK(std::holds_alternative<domain::SambangVisit>(decoded));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view json(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] % 2 == 0) {
    report(json);
  } else {
    visit(json);
  }
  return 0;
}
