// Hostile JSON into the report decoder: never crash; what decodes must re-encode to a fixed point.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/wire/report_codec.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace bhabin;
  const auto decoded = wire::decodeReportJson({reinterpret_cast<const char*>(data), size});
  if (const auto* report = std::get_if<report::Report>(&decoded)) {
    const std::string json = wire::encodeReportJson(*report);
    const auto again = wire::decodeReportJson(json);
    BHABIN_FUZZ_CHECK(std::holds_alternative<report::Report>(again));
    BHABIN_FUZZ_CHECK(wire::encodeReportJson(std::get<report::Report>(again)) == json);
  }
  return 0;
}
