// Hostile JSON into the sync-change decoder (what the server receives): never crash; accepted changes
// re-encode to a fixed point.
#include <cstddef>
#include <cstdint>

#include "core/wire/sync_codec.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace bhabin;
  const auto decoded = wire::decodeChangeJson({reinterpret_cast<const char*>(data), size});
  if (const auto* change = std::get_if<sync::Change>(&decoded)) {
    const std::string json = wire::encodeChangeJson(*change);
    const auto again = wire::decodeChangeJson(json);
    BHABIN_FUZZ_CHECK(std::holds_alternative<sync::Change>(again));
    BHABIN_FUZZ_CHECK(wire::encodeChangeJson(std::get<sync::Change>(again)) == json);
  }
  return 0;
}
