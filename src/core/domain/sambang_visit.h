// A sambang: an officer's logged visit to residents, with the topics discussed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/geo/lat_lon.h"

namespace bhabin::domain {

enum class VisitTopic { Keamanan, Ketertiban, Lingkungan, Kesehatan };  // security, order, environment, health

inline constexpr VisitTopic kAllVisitTopics[] = {VisitTopic::Keamanan, VisitTopic::Ketertiban,
                                                 VisitTopic::Lingkungan, VisitTopic::Kesehatan};

// Stable lower-case codes ("keamanan", ...) used on the wire and in forms.
std::string_view topicCode(VisitTopic topic);
std::optional<VisitTopic> topicFromCode(std::string_view code);

struct SambangVisit {
  std::string officerNrp;
  std::int64_t visitedAtUnixMs = 0;  // milliseconds since 1970-01-01 UTC
  geo::LatLon position;
  std::string place;                 // e.g. "Balai Desa Kaliwlingi"
  std::vector<VisitTopic> topics;    // at least one, each at most once, in kAllVisitTopics order
  std::string notes;
};

}  // namespace bhabin::domain
