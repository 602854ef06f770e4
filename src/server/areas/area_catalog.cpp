#include "server/areas/area_catalog.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <optional>
#include <sstream>

#include "core/domain/region_code.h"
#include "core/wire/csv.h"

namespace bhabin::server::areas {

namespace {

// How one of idn-area-data's files is laid out.
struct LevelFile {
  const char* fileName;
  domain::RegionLevel level;
  const char* noun;          // for messages: "village 33.29.01.2001"
  const char* shape;         // for messages: the expected code
  const LevelFile* parent;   // the level above; nullptr for provinces
  const char* parentColumn;  // nullptr for provinces
};

constexpr LevelFile kProvinceFile{"provinces.csv", domain::RegionLevel::Province, "province", "NN", nullptr, nullptr};
constexpr LevelFile kRegencyFile{"regencies.csv", domain::RegionLevel::Regency, "regency", "NN.NN", &kProvinceFile,
                                 "province_code"};
constexpr LevelFile kDistrictFile{"districts.csv", domain::RegionLevel::District, "district", "NN.NN.NN", &kRegencyFile,
                                  "regency_code"};
constexpr LevelFile kVillageFile{
    "villages.csv", domain::RegionLevel::Village, "village", "NN.NN.NN.NNNN", &kDistrictFile, "district_code"};

// A row that passed its own checks; whether its code repeats is known only once the whole file is read.
struct Row {
  std::size_t line = 0;
  std::string code;
  std::string parentCode;
  std::string name;
};

AreaError errorAt(const std::string& path, std::size_t line, const std::string& message) {
  return AreaError{path + ":" + std::to_string(line) + ": " + message};
}

std::string trimmed(const std::string& text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// Positions of the code, parent and name columns, in that order; provinces have no parent column.
std::variant<std::array<std::size_t, 3>, AreaError> findColumns(const wire::CsvTable& table, const std::string& path,
                                                                const LevelFile& level) {
  std::array<std::size_t, 3> columns{};
  const std::array<const char*, 3> names{"code", level.parentColumn, "name"};
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == nullptr) continue;
    const auto column = table.column(names[i]);
    if (!column) return errorAt(path, 1, std::string("no \"") + names[i] + "\" column in the header");
    columns[i] = *column;
  }
  return columns;
}

// What is wrong with one row on its own, or nothing. `parents` is the level above, sorted by code.
std::optional<std::string> rowProblem(const Row& row, const LevelFile& level, const std::vector<Row>& parents) {
  const std::string noun = level.noun;
  if (domain::regionLevel(row.code) != level.level) {
    return "\"" + row.code + "\" is not a " + noun + " code (" + level.shape + ")";
  }
  if (row.name.empty()) return "the name of " + noun + " " + row.code + " is empty";
  if (level.parent == nullptr) return std::nullopt;
  const std::string ownParent = row.code.substr(0, row.code.rfind('.'));
  if (row.parentCode != ownParent) {
    return noun + " " + row.code + " has " + level.parentColumn + " \"" + row.parentCode +
           "\", but its code belongs to " + ownParent;
  }
  const auto at = std::lower_bound(parents.begin(), parents.end(), row.parentCode,
                                   [](const Row& a, const std::string& code) { return a.code < code; });
  if (at == parents.end() || at->code != row.parentCode) {
    return std::string(level.parent->noun) + " " + row.parentCode + " of " + noun + " " + row.code + " is not in " +
           level.parent->fileName;
  }
  return std::nullopt;
}

// The rows of one level, checked and sorted by code.
std::variant<std::vector<Row>, AreaError> readLevel(const std::string& dir, const LevelFile& level,
                                                    const std::vector<Row>& parents) {
  const std::string path = dir + "/" + level.fileName;
  auto text = readDataFile(path);
  if (auto* error = std::get_if<AreaError>(&text)) return *error;
  auto parsed = wire::parseCsv(std::get<std::string>(text));
  if (auto* error = std::get_if<wire::CsvError>(&parsed)) return errorAt(path, error->line, error->message);
  const auto& table = std::get<wire::CsvTable>(parsed);
  auto columns = findColumns(table, path, level);
  if (auto* error = std::get_if<AreaError>(&columns)) return *error;
  const auto [code, parent, name] = std::get<std::array<std::size_t, 3>>(columns);

  std::vector<Row> rows;
  rows.reserve(table.rows.size());
  for (const auto& record : table.rows) {
    Row row{record.line, trimmed(record.fields[code]), level.parent ? trimmed(record.fields[parent]) : "",
            trimmed(record.fields[name])};
    if (auto problem = rowProblem(row, level, parents)) return errorAt(path, row.line, *problem);
    rows.push_back(std::move(row));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.code < b.code; });
  const auto repeat =
      std::adjacent_find(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.code == b.code; });
  if (repeat != rows.end()) {
    return errorAt(path, std::next(repeat)->line,
                   "code " + repeat->code + " is already on line " + std::to_string(repeat->line));
  }
  return rows;
}

bool isAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// idn-area-data writes province and regency names in capitals ("KABUPATEN PANGKAJENE DAN KEPULAUAN"); people
// read "Kabupaten Pangkajene dan Kepulauan". "DKI" is an abbreviation and stays in capitals.
std::string titleCase(const std::string& upper) {
  std::string out;
  std::istringstream words(upper);
  std::string word;
  while (words >> word) {
    if (!out.empty()) out += ' ';
    if (word == "DKI") {
      out += word;
    } else if (word == "DAN" && !out.empty()) {
      out += "dan";
    } else {
      bool wordStart = true;
      for (char c : word) {
        const bool letter = isAsciiLetter(c);
        if (letter) c = static_cast<char>(wordStart ? std::toupper(c) : std::tolower(c));
        out += c;
        wordStart = !letter;
      }
    }
  }
  return out;
}

bool startsWith(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

// "Kabupaten Brebes" -> "Brebes"; "Kota Tegal" stays, since Kabupaten Tegal exists too. "Administrasi", the
// status of Jakarta's cities and of Kepulauan Seribu, is left out as people do.
std::string shortRegencyName(std::string_view name) {
  constexpr std::string_view kRegency = "Kabupaten ", kCity = "Kota ", kAdministrative = "Administrasi ";
  const bool city = startsWith(name, kCity);
  if (city) name.remove_prefix(kCity.size());
  if (startsWith(name, kRegency)) name.remove_prefix(kRegency.size());
  if (startsWith(name, kAdministrative)) name.remove_prefix(kAdministrative.size());
  return (city ? std::string(kCity) : std::string()) + std::string(name);
}

template <typename T>
const T* findByCode(const std::vector<T>& list, std::string_view code) {
  const auto at =
      std::lower_bound(list.begin(), list.end(), code, [](const T& a, std::string_view c) { return a.code < c; });
  return at != list.end() && at->code == code ? &*at : nullptr;
}

// An area's children are the entries whose code is the area's code and a dot, then more: in code order they
// lie between "33.29." and "33.29/" ('/' follows '.' in ASCII).
template <typename T>
Slice<T> childrenOf(const std::vector<T>& list, std::string_view parentCode) {
  const auto bound = [&list](const std::string& key) {
    return list.data() + (std::lower_bound(list.begin(), list.end(), key,
                                           [](const T& a, const std::string& k) { return a.code < k; }) -
                          list.begin());
  };
  return Slice<T>(bound(std::string(parentCode) + "."), bound(std::string(parentCode) + "/"));
}

}  // namespace

AreaCatalog::AreaCatalog(std::vector<Province> provinces, std::vector<Regency> regencies,
                         std::vector<District> districts, std::vector<Village> villages)
    : provinces_(std::move(provinces)),
      regencies_(std::move(regencies)),
      districts_(std::move(districts)),
      villages_(std::move(villages)) {}

const Province* AreaCatalog::province(std::string_view code) const { return findByCode(provinces_, code); }
const Regency* AreaCatalog::regency(std::string_view code) const { return findByCode(regencies_, code); }
const District* AreaCatalog::district(std::string_view code) const { return findByCode(districts_, code); }
const Village* AreaCatalog::village(std::string_view code) const { return findByCode(villages_, code); }

Slice<District> AreaCatalog::districtsOfRegency(std::string_view regencyCode) const {
  return childrenOf(districts_, regencyCode);
}

Slice<Village> AreaCatalog::villagesOfRegency(std::string_view regencyCode) const {
  return childrenOf(villages_, regencyCode);
}

Slice<Village> AreaCatalog::villagesOfDistrict(std::string_view districtCode) const {
  return childrenOf(villages_, districtCode);
}

std::vector<bhabin::search::VillageRecord> AreaCatalog::villageRecords() const {
  std::vector<bhabin::search::VillageRecord> records;
  records.reserve(villages_.size());
  for (const Village& village : villages_) {
    // The loader guarantees every parent exists.
    const District& district = *this->district(village.districtCode);
    const Regency& regency = *this->regency(district.regencyCode);
    const Province& province = *this->province(regency.provinceCode);
    records.push_back({village.code, village.name, district.name, regency.name, province.name});
  }
  return records;
}

std::string defaultAreaDataDir(const std::string& rootDir) { return rootDir + "/node_modules/idn-area-data/data"; }

std::variant<std::string, AreaError> readDataFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return AreaError{path + ": cannot open the file"};
  std::ostringstream content;
  content << file.rdbuf();
  return content.str();
}

std::variant<AreaCatalog, AreaError> loadAreaCatalog(const std::string& dir) {
  std::array<std::vector<Row>, 4> levels;
  const std::array<const LevelFile*, 4> files{&kProvinceFile, &kRegencyFile, &kDistrictFile, &kVillageFile};
  const std::vector<Row> noParents;
  for (std::size_t i = 0; i < files.size(); ++i) {
    auto rows = readLevel(dir, *files[i], i == 0 ? noParents : levels[i - 1]);
    if (auto* error = std::get_if<AreaError>(&rows)) return *error;
    levels[i] = std::get<std::vector<Row>>(std::move(rows));
  }
  std::vector<Province> provinces;
  for (Row& row : levels[0]) provinces.push_back({std::move(row.code), titleCase(row.name)});
  std::vector<Regency> regencies;
  for (Row& row : levels[1]) {
    std::string name = titleCase(row.name);
    std::string shortName = shortRegencyName(name);
    regencies.push_back({std::move(row.code), std::move(row.parentCode), std::move(name), std::move(shortName)});
  }
  std::vector<District> districts;
  for (Row& row : levels[2]) districts.push_back({std::move(row.code), std::move(row.parentCode), std::move(row.name)});
  std::vector<Village> villages;
  for (Row& row : levels[3]) villages.push_back({std::move(row.code), std::move(row.parentCode), std::move(row.name)});
  return AreaCatalog(std::move(provinces), std::move(regencies), std::move(districts), std::move(villages));
}

}  // namespace bhabin::server::areas
