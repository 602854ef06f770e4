// The national benchmark data (../shared/data, or the folder in BHABIN_DATA_DIR): 83,763 officer posts and
// 100,000 report points, loaded once per process. Benchmarks skip themselves when the data is absent.
#pragma once

#include <string>
#include <vector>

#include "core/geo/boundary_index.h"
#include "core/geo/lat_lon.h"
#include "core/match/post_index.h"

namespace bhabin::bench {

struct NationalData {
  std::vector<match::Post> posts;          // id = row number, all on duty, no load
  std::vector<geo::LatLon> reportPoints;   // in file order (regencies drawn by population)
  std::vector<geo::Boundary> regencies;    // the 514 regency and city outlines
  std::string error;                       // why the data could not be read; empty when it was
};

const NationalData& nationalData();

}  // namespace bhabin::bench
