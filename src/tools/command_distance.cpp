// `bhabin distance LAT1 LON1 LAT2 LON2`: the great-circle distance the matching engine uses, in km.
#include <cstdio>
#include <iostream>
#include <optional>

#include "core/geo/haversine.h"
#include "tools/commands.h"
#include "tools/parse_number.h"

namespace bhabin::tools {

int runDistance(const Arguments& args, std::ostream& out, std::ostream& err) {
  if (args.size() != 4) {
    err << "usage: bhabin distance LAT1 LON1 LAT2 LON2   (decimal degrees)\n";
    return 2;
  }
  double values[4] = {};
  for (std::size_t i = 0; i < 4; ++i) {
    const std::optional<double> value = parseFiniteDouble(args[i]);
    if (!value) {
      err << "bhabin distance: argument " << (i + 1) << " (\"" << args[i] << "\") is not a finite number\n";
      return 2;
    }
    values[i] = *value;
  }
  const geo::LatLon a{values[0], values[1]};
  const geo::LatLon b{values[2], values[3]};
  if (!geo::isValid(a) || !geo::isValid(b)) {
    err << "bhabin distance: latitude must be within -90..90 and longitude within -180..180\n";
    return 2;
  }
  char text[32];
  std::snprintf(text, sizeof text, "%.6f", geo::haversineKm(a, b));
  out << text << '\n';
  return 0;
}

}  // namespace bhabin::tools
