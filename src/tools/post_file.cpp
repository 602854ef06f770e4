#include "tools/post_file.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>

#include "tools/parse_number.h"

namespace bhabin::tools {

namespace {

std::string at(const CsvTable& table, const CsvTable::Row& row) { return table.file() + ":" + std::to_string(row.line); }

std::variant<std::size_t, CsvError> requireColumn(const CsvTable& table, const std::string& name) {
  if (auto column = table.column(name)) return *column;
  return CsvError{table.file() + ":1: no \"" + name + "\" column in the header"};
}

std::variant<geo::LatLon, CsvError> readPosition(const CsvTable& table, const CsvTable::Row& row, std::size_t latColumn,
                                                 std::size_t lonColumn) {
  const auto lat = parseFiniteDouble(row.fields[latColumn]);
  const auto lon = parseFiniteDouble(row.fields[lonColumn]);
  if (!lat) return CsvError{at(table, row) + ": lat \"" + row.fields[latColumn] + "\" is not a number"};
  if (!lon) return CsvError{at(table, row) + ": lon \"" + row.fields[lonColumn] + "\" is not a number"};
  const geo::LatLon position{*lat, *lon};
  if (!geo::isValid(position)) {
    return CsvError{at(table, row) + ": position " + row.fields[latColumn] + "," + row.fields[lonColumn] +
                    " is outside -90..90 latitude / -180..180 longitude"};
  }
  return position;
}

std::optional<bool> parseFlag(const std::string& text) {
  if (text == "1" || text == "true" || text == "yes" || text == "ya") return true;
  if (text == "0" || text == "false" || text == "no" || text == "tidak") return false;
  return std::nullopt;
}

bool wholeNumber(const std::string& text) {
  return !text.empty() && text.size() <= 18 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Internal ids in the order of the file's ids, so ties between equally distant posts break by file id.
std::vector<std::uint32_t> rankIds(const std::vector<std::string>& ids) {
  const bool numeric = std::all_of(ids.begin(), ids.end(), wholeNumber);
  std::vector<std::uint32_t> order(ids.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (numeric) return std::stoull(ids[a]) < std::stoull(ids[b]);
    return ids[a] < ids[b];
  });
  std::vector<std::uint32_t> rank(ids.size());
  for (std::size_t r = 0; r < order.size(); ++r) rank[order[r]] = static_cast<std::uint32_t>(r);
  return rank;
}

struct PostColumns {
  std::size_t id, lat, lon;
  std::optional<std::size_t> onDuty, openReports;
};

std::variant<match::Post, CsvError> readPost(const CsvTable& table, const CsvTable::Row& row, const PostColumns& columns) {
  auto position = readPosition(table, row, columns.lat, columns.lon);
  if (auto* error = std::get_if<CsvError>(&position)) return *error;
  match::Post post{0, std::get<geo::LatLon>(position)};
  if (columns.onDuty) {
    const auto flag = parseFlag(row.fields[*columns.onDuty]);
    if (!flag) return CsvError{at(table, row) + ": on_duty \"" + row.fields[*columns.onDuty] + "\" is not 1/0/true/false"};
    post.onDuty = *flag;
  }
  if (columns.openReports) {
    const auto load = parseFiniteDouble(row.fields[*columns.openReports]);
    if (!load || *load < 0 || *load > 1e9 || *load != static_cast<double>(static_cast<std::int32_t>(*load))) {
      return CsvError{at(table, row) + ": open_reports \"" + row.fields[*columns.openReports] + "\" is not a whole number >= 0"};
    }
    post.openReports = static_cast<std::int32_t>(*load);
  }
  return post;
}

}  // namespace

std::variant<PostFile, CsvError> loadPostFile(const std::string& path) {
  auto read = readCsv(path);
  if (auto* error = std::get_if<CsvError>(&read)) return *error;
  const CsvTable& table = std::get<CsvTable>(read);
  PostColumns columns{};
  for (auto [name, target] : {std::pair{"id", &columns.id}, {"lat", &columns.lat}, {"lon", &columns.lon}}) {
    auto column = requireColumn(table, name);
    if (auto* error = std::get_if<CsvError>(&column)) return *error;
    *target = std::get<std::size_t>(column);
  }
  columns.onDuty = table.column("on_duty");
  columns.openReports = table.column("open_reports");

  PostFile file;
  std::map<std::string, std::size_t> lineOfId;
  for (const CsvTable::Row& row : table.rows) {
    const std::string& id = row.fields[columns.id];
    if (id.empty()) return CsvError{at(table, row) + ": the id is empty"};
    const auto [previous, fresh] = lineOfId.emplace(id, row.line);
    if (!fresh) return CsvError{at(table, row) + ": id \"" + id + "\" already used on line " + std::to_string(previous->second)};
    auto post = readPost(table, row, columns);
    if (auto* error = std::get_if<CsvError>(&post)) return *error;
    file.posts.push_back(std::get<match::Post>(post));
    file.idText.push_back(id);
  }
  const std::vector<std::uint32_t> rank = rankIds(file.idText);
  std::vector<std::string> idByRank(file.idText.size());
  for (std::size_t i = 0; i < file.posts.size(); ++i) {
    file.posts[i].id = rank[i];
    idByRank[rank[i]] = file.idText[i];
  }
  file.idText = std::move(idByRank);
  return file;
}

std::variant<std::vector<geo::LatLon>, CsvError> loadPositionFile(const std::string& path) {
  auto read = readCsv(path);
  if (auto* error = std::get_if<CsvError>(&read)) return *error;
  const CsvTable& table = std::get<CsvTable>(read);
  auto lat = requireColumn(table, "lat");
  if (auto* error = std::get_if<CsvError>(&lat)) return *error;
  auto lon = requireColumn(table, "lon");
  if (auto* error = std::get_if<CsvError>(&lon)) return *error;
  std::vector<geo::LatLon> positions;
  positions.reserve(table.rows.size());
  for (const CsvTable::Row& row : table.rows) {
    auto position = readPosition(table, row, std::get<std::size_t>(lat), std::get<std::size_t>(lon));
    if (auto* error = std::get_if<CsvError>(&position)) return *error;
    positions.push_back(std::get<geo::LatLon>(position));
  }
  return positions;
}

}  // namespace bhabin::tools
