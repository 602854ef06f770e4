// Hostile bytes into the stored-report decoder: never crash or over-allocate; what decodes must round-trip.
#include <cstddef>
#include <cstdint>

#include "core/wire/report_codec.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace bhabin;
  const auto decoded = wire::decodeReportBinary({reinterpret_cast<const char*>(data), size});
  if (const auto* report = std::get_if<report::Report>(&decoded)) {
    const std::string bytes = wire::encodeReportBinary(*report);
    const auto again = wire::decodeReportBinary(bytes);
    BHABIN_FUZZ_CHECK(std::holds_alternative<report::Report>(again));
    BHABIN_FUZZ_CHECK(wire::encodeReportBinary(std::get<report::Report>(again)) == bytes);
    BHABIN_FUZZ_CHECK(std::holds_alternative<report::Report>(wire::decodeReportJson(wire::encodeReportJson(*report))));
  }
  return 0;
}
