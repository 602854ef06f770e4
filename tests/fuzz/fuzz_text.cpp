// Hostile text through the UTF-8 clean-up, the phone normaliser, the tracking-code parser and the photo
// check, with the properties each promises.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/report/phone.h"
#include "core/report/photo.h"
#include "core/text/utf8.h"
#include "core/tracking/tracking_code.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace bhabin;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  for (text::Lines lines : {text::Lines::Single, text::Lines::Multi}) {
    if (const auto cleaned = text::cleanText(input, lines)) {
      BHABIN_FUZZ_CHECK(text::isValidUtf8(*cleaned));
      BHABIN_FUZZ_CHECK(text::cleanText(*cleaned, lines) == cleaned);  // idempotent
      BHABIN_FUZZ_CHECK(cleaned->find('\0') == std::string::npos && cleaned->find('\r') == std::string::npos);
    } else {
      BHABIN_FUZZ_CHECK(!text::isValidUtf8(input));
    }
  }
  const auto phone = report::normalizeIndonesianPhone(input);
  if (const auto* e164 = std::get_if<std::string>(&phone)) {
    BHABIN_FUZZ_CHECK(e164->rfind("+62", 0) == 0);
    BHABIN_FUZZ_CHECK(report::normalizeIndonesianPhone(*e164) == phone);
  }
  const auto code = tracking::parseTrackingCode(input);
  if (const auto* parsed = std::get_if<tracking::TrackingCode>(&code)) {
    BHABIN_FUZZ_CHECK(tracking::parseTrackingCode(parsed->text) == code);
  }
  report::checkPhoto(input);
  return 0;
}
