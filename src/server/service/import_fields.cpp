// The imports' shared checks; every message names the value it refuses, shortened and made printable.
#include "server/service/import_fields.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <tuple>

#include "core/text/utf8.h"

namespace bhabin::server::service::importing {

namespace {

constexpr std::size_t kQuotedChars = 40;

std::optional<double> parseNumber(std::string_view text) {
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string listOf(const std::vector<std::size_t>& places) {
  std::string text;
  for (std::size_t i = 0; i < places.size(); ++i) {
    if (i > 0) text += i + 1 == places.size() ? " and " : ", ";
    text += std::to_string(places[i]);
  }
  return text;
}

std::string lowerAscii(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return lower;
}

}  // namespace

void Problems::atLine(std::size_t line, std::string field, std::string message) {
  list_.push_back({line, std::nullopt, std::move(field), std::move(message)});
}

void Problems::atFeature(std::size_t feature, std::string field, std::string message) {
  list_.push_back({0, feature, std::move(field), std::move(message)});
}

void Problems::add(Problems&& more) {
  list_.insert(list_.end(), std::make_move_iterator(more.list_.begin()), std::make_move_iterator(more.list_.end()));
}

std::vector<ImportProblem> Problems::sorted() && {
  std::stable_sort(list_.begin(), list_.end(), [](const ImportProblem& a, const ImportProblem& b) {
    return std::tie(a.line, a.feature) < std::tie(b.line, b.feature);
  });
  return std::move(list_);
}

std::optional<CsvRecords> CsvRecords::read(std::string_view text, const std::vector<std::string>& required,
                                           const std::vector<std::string>& optional, Problems& problems) {
  auto parsed = wire::parseCsv(text);
  if (auto* error = std::get_if<wire::CsvError>(&parsed)) {
    problems.atLine(error->line, "", error->message);
    return std::nullopt;
  }
  CsvRecords records(std::get<wire::CsvTable>(std::move(parsed)));
  for (const std::string& name : required) {
    if (const auto column = records.table_.column(name)) {
      records.columns_.emplace(name, *column);
    } else {
      problems.atLine(1, name, "the header has no \"" + name + "\" column");
    }
  }
  for (const std::string& name : optional) {
    if (const auto column = records.table_.column(name)) records.columns_.emplace(name, *column);
  }
  if (problems.any()) return std::nullopt;
  return records;
}

std::string_view CsvRecords::field(const wire::CsvTable::Row& row, const std::string& column) const {
  const auto found = columns_.find(column);
  return found == columns_.end() ? std::string_view() : text::trimWhitespace(row.fields.at(found->second));
}

void OncePerFile::reportLines(Problems& problems) const {
  for (const auto& [key, lines] : places_) {
    if (lines.size() < 2) continue;
    for (std::size_t line : lines) {
      problems.atLine(line, field_, what_ + " " + key + " appears on lines " + listOf(lines) + "; list it once");
    }
  }
}

void OncePerFile::reportFeatures(Problems& problems) const {
  for (const auto& [key, features] : places_) {
    if (features.size() < 2) continue;
    for (std::size_t feature : features) {
      problems.atFeature(feature, field_,
                         what_ + " " + key + " appears in features " + listOf(features) + "; give it once");
    }
  }
}

std::optional<std::string> checkName(std::string_view raw, std::size_t line, const char* field, Problems& problems) {
  auto cleaned = text::cleanText(raw, text::Lines::Single);
  if (!cleaned) {
    problems.atLine(line, field, "is not valid UTF-8 (save the file as UTF-8)");
    return std::nullopt;
  }
  if (cleaned->empty()) {
    problems.atLine(line, field, "is required");
    return std::nullopt;
  }
  if (text::countCodePoints(*cleaned).value_or(0) > kMaxNameChars) {
    problems.atLine(line, field, "is longer than " + std::to_string(kMaxNameChars) + " characters");
    return std::nullopt;
  }
  return cleaned;
}

std::optional<geo::LatLon> optionalPosition(std::string_view lat, std::string_view lon, std::size_t line,
                                            Problems& problems) {
  if (lat.empty() && lon.empty()) return std::nullopt;
  if (lat.empty() || lon.empty()) {
    problems.atLine(line, lat.empty() ? "lat" : "lon", "give lat and lon together, or neither");
    return std::nullopt;
  }
  const auto latDeg = parseNumber(lat);
  const auto lonDeg = parseNumber(lon);
  if (!latDeg) problems.atLine(line, "lat", quoted(lat) + " is not a number (decimal degrees, e.g. -6.87)");
  if (!lonDeg) problems.atLine(line, "lon", quoted(lon) + " is not a number (decimal degrees, e.g. 109.04)");
  if (!latDeg || !lonDeg) return std::nullopt;
  const geo::LatLon position{*latDeg, *lonDeg};
  if (!geo::isValid(position)) {
    problems.atLine(line, std::abs(*latDeg) > 90 ? "lat" : "lon", "is out of range (lat -90..90, lon -180..180)");
    return std::nullopt;
  }
  return position;
}

std::optional<bool> optionalFlag(std::string_view text, std::size_t line, const char* field, Problems& problems) {
  const std::string value = lowerAscii(text);
  if (value.empty()) return std::nullopt;
  if (value == "1" || value == "true") return true;
  if (value == "0" || value == "false") return false;
  problems.atLine(line, field, quoted(text) + " is not 0, 1, true or false");
  return std::nullopt;
}

std::string quoted(std::string_view text) {
  // Messages travel in JSON and terminals: the value is cleaned and cut at a character boundary.
  const auto cleaned = text::cleanText(text, text::Lines::Single);
  if (!cleaned) return "(a value that is not UTF-8)";
  std::size_t chars = 0, end = 0;
  while (end < cleaned->size() && chars < kQuotedChars) {
    ++end;
    while (end < cleaned->size() && (static_cast<unsigned char>((*cleaned)[end]) & 0xC0) == 0x80) ++end;
    ++chars;
  }
  return "\"" + cleaned->substr(0, end) + (end < cleaned->size() ? "…\"" : "\"");
}

}  // namespace bhabin::server::service::importing
