// Limits the form validators apply. Every field has a default that fits the national service; the server
// and the browser use the same values, and tests shrink them.
#pragma once

#include <cstddef>
#include <cstdint>

namespace bhabin::report {

// A latitude/longitude box in decimal degrees. The default covers Indonesia (Sabang to Merauke, Miangas to
// Rote) with a margin for offshore incidents.
struct ServiceArea {
  double minLatDeg = -11.5;
  double maxLatDeg = 6.5;
  double minLonDeg = 94.5;
  double maxLonDeg = 141.5;
};

struct ValidationSettings {
  ServiceArea serviceArea;
  std::int64_t clockSkewToleranceMs = 5 * 60 * 1000;                 // a phone's clock may run this far ahead
  std::int64_t maxIncidentAgeMs = 366LL * 24 * 60 * 60 * 1000;       // older incidents need an office visit
  std::size_t titleMinChars = 5;                                     // characters = Unicode code points
  std::size_t titleMaxChars = 120;
  std::size_t descriptionMinChars = 10;
  std::size_t descriptionMaxChars = 4000;
  std::size_t nameMaxChars = 100;
  std::size_t placeMaxChars = 200;
  std::size_t notesMaxChars = 4000;
  std::size_t noteMaxChars = 2000;                                   // a status-change note or reason
  std::size_t photoMaxBytes = 5 * 1024 * 1024;
};

}  // namespace bhabin::report
