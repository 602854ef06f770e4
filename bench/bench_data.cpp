#include "bench_data.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/wire/geojson_boundaries.h"

#include "tools/csv.h"
#include "tools/parse_number.h"

namespace bhabin::bench {

namespace {

std::string dataDir() {
  const char* configured = std::getenv("BHABIN_DATA_DIR");
  return configured != nullptr ? configured : "../shared/data";
}

// Reads the lat and lon columns of a CSV file; an error names the file.
std::vector<geo::LatLon> readPositions(const std::string& path, std::string& error) {
  auto read = tools::readCsv(path);
  if (auto* failure = std::get_if<tools::CsvError>(&read)) {
    error = failure->message + " (set BHABIN_DATA_DIR to the folder holding the national data)";
    return {};
  }
  const tools::CsvTable& table = std::get<tools::CsvTable>(read);
  const auto lat = table.column("lat");
  const auto lon = table.column("lon");
  if (!lat || !lon) {
    error = path + ": no lat/lon columns";
    return {};
  }
  std::vector<geo::LatLon> positions;
  positions.reserve(table.rows.size());
  for (const auto& row : table.rows) {
    positions.push_back({tools::parseFiniteDouble(row.fields[*lat]).value_or(0.0),
                         tools::parseFiniteDouble(row.fields[*lon]).value_or(0.0)});
  }
  return positions;
}

NationalData load() {
  NationalData data;
  const std::vector<geo::LatLon> posts = readPositions(dataDir() + "/officer_posts.csv", data.error);
  for (std::size_t i = 0; i < posts.size(); ++i) data.posts.push_back({static_cast<match::PostId>(i), posts[i]});
  if (data.error.empty()) data.reportPoints = readPositions(dataDir() + "/report_points.csv", data.error);
  if (!data.error.empty()) return data;
  std::ifstream file(dataDir() + "/regencies.geojson", std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  auto regencies = wire::parseGeoJsonBoundaries(text.str());
  if (auto* failure = std::get_if<wire::ParseError>(&regencies)) {
    data.error = dataDir() + "/regencies.geojson: " + failure->message;
  } else {
    data.regencies = std::get<std::vector<geo::Boundary>>(std::move(regencies));
  }
  return data;
}

}  // namespace

const NationalData& nationalData() {
  static const NationalData data = load();
  return data;
}

}  // namespace bhabin::bench
