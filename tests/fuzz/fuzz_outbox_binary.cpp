// Hostile bytes into the stored-outbox decoder: never crash or over-allocate; what decodes round-trips.
#include <cstddef>
#include <cstdint>

#include "core/wire/sync_codec.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace bhabin;
  const auto decoded = wire::decodeOutboxBinary({reinterpret_cast<const char*>(data), size});
  if (const auto* outbox = std::get_if<sync::Outbox>(&decoded)) {
    const std::string bytes = wire::encodeOutboxBinary(*outbox);
    const auto again = wire::decodeOutboxBinary(bytes);
    BHABIN_FUZZ_CHECK(std::holds_alternative<sync::Outbox>(again));
    BHABIN_FUZZ_CHECK(std::get<sync::Outbox>(again).pending().size() == outbox->pending().size());
  }
  return 0;
}
