// What the imports share: a list of problems tied to places in the file, CSV columns found by name, the
// "appears once per file" rule, and the field checks (names, numbers, flags, positions) with English
// messages for administrators.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/geo/lat_lon.h"
#include "core/wire/csv.h"
#include "server/service/imports.h"

namespace bhabin::server::service::importing {

class Problems {
 public:
  void atLine(std::size_t line, std::string field, std::string message);
  void atFeature(std::size_t feature, std::string field, std::string message);
  void add(Problems&& more);
  bool any() const { return !list_.empty(); }
  std::size_t count() const { return list_.size(); }
  // In file order: by line, then by feature.
  std::vector<ImportProblem> sorted() &&;

 private:
  std::vector<ImportProblem> list_;
};

// A CSV file's records with their columns found by header name (any order, case and spaces ignored).
class CsvRecords {
 public:
  // Nothing when the text is not CSV or lacks a required column; the problems say which.
  static std::optional<CsvRecords> read(std::string_view text, const std::vector<std::string>& required,
                                        const std::vector<std::string>& optional, Problems& problems);

  const std::vector<wire::CsvTable::Row>& rows() const { return table_.rows; }
  bool has(const std::string& column) const { return columns_.count(column) != 0; }
  // The field trimmed of white space; "" when the file has no such column.
  std::string_view field(const wire::CsvTable::Row& row, const std::string& column) const;

 private:
  explicit CsvRecords(wire::CsvTable table) : table_(std::move(table)) {}

  wire::CsvTable table_;
  std::map<std::string, std::size_t> columns_;
};

// Keys that may appear once in a file (a village code, an NRP). Every place of a repeated key is a
// problem, so the administrator sees all the rows to choose between.
class OncePerFile {
 public:
  OncePerFile(std::string field, std::string what) : field_(std::move(field)), what_(std::move(what)) {}
  void add(const std::string& key, std::size_t place) { places_[key].push_back(place); }
  void reportLines(Problems& problems) const;
  void reportFeatures(Problems& problems) const;

 private:
  std::string field_;
  std::string what_;  // "NRP", "village"
  std::map<std::string, std::vector<std::size_t>> places_;
};

inline constexpr std::size_t kMaxNameChars = 100;

// A person's or place's name: valid UTF-8, cleaned as every form field is, not empty, at most
// kMaxNameChars code points.
std::optional<std::string> checkName(std::string_view raw, std::size_t line, const char* field, Problems& problems);

// lat and lon given together (both empty: nothing), finite and in range.
std::optional<geo::LatLon> optionalPosition(std::string_view lat, std::string_view lon, std::size_t line,
                                            Problems& problems);

// 0, 1, true or false (any case); empty: nothing.
std::optional<bool> optionalFlag(std::string_view text, std::size_t line, const char* field, Problems& problems);

std::string quoted(std::string_view text);  // "\"text\"", for messages

}  // namespace bhabin::server::service::importing
