// Officer posts and query positions from CSV files, validated row by row with the file and line of each
// problem. Posts need columns id, lat, lon (any order, others ignored); on_duty and open_reports are optional.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "core/match/post_index.h"
#include "tools/csv.h"

namespace bhabin::tools {

struct PostFile {
  // Posts with internal ids 0..n-1 assigned in id order (numeric when every id is a whole number,
  // otherwise by text), so the index's tie-break by id is a tie-break by the file's ids.
  std::vector<match::Post> posts;
  std::vector<std::string> idText;  // internal id -> the id as written in the file
};

std::variant<PostFile, CsvError> loadPostFile(const std::string& path);

// Query positions: columns lat, lon.
std::variant<std::vector<geo::LatLon>, CsvError> loadPositionFile(const std::string& path);

}  // namespace bhabin::tools
