#include "core/domain/time_zone.h"

namespace bhabin::domain {

namespace {

constexpr int kWib = 7 * 60;
constexpr int kWita = 8 * 60;
constexpr int kWit = 9 * 60;

}  // namespace

std::optional<int> indonesianUtcOffsetMinutes(std::string_view regionCode) {
  if (regionCode.size() < 2 || (regionCode.size() > 2 && regionCode[2] != '.')) return std::nullopt;
  const char island = regionCode[0];
  const char second = regionCode[1];
  if (second < '0' || second > '9') return std::nullopt;
  switch (island) {
    case '1':  // Sumatra (11-19) and
    case '2':  // Riau Islands (21)
    case '3':  // Java (31-36)
      return kWib;
    case '5': return kWita;  // Bali and Nusa Tenggara
    case '6': return second <= '2' ? kWib : kWita;  // West and Central Kalimantan; South, East and North
    case '7': return kWita;  // Sulawesi
    case '8':                // Maluku
    case '9':                // Papua
      return kWit;
    default: return std::nullopt;
  }
}

}  // namespace bhabin::domain
