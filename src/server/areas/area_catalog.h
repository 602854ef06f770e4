// Indonesia's administrative areas in memory — 38 provinces, 514 regencies and cities, 7,277 districts and
// 83,763 villages — read from the CSV files of the npm package idn-area-data, for code lookups, the areas of
// one regency, and the village search.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/search/village_index.h"

namespace bhabin::server::areas {

struct AreaError {
  std::string message;  // "FILE:LINE: what is wrong" (or "FILE: ..." for the file as a whole)
};

struct Province {
  std::string code;  // "33"
  std::string name;  // "Jawa Tengah", "DKI Jakarta"
};

struct Regency {
  std::string code;          // "33.29"
  std::string provinceCode;  // "33"
  std::string name;          // "Kabupaten Brebes", "Kota Tegal"
  // For lists and labels: "Brebes", but "Kota Tegal", because most cities share their name with a regency.
  std::string shortName;
};

struct District {
  std::string code;         // "33.29.01"
  std::string regencyCode;  // "33.29"
  std::string name;         // "Salem"
};

struct Village {
  std::string code;          // "33.29.01.2001"
  std::string districtCode;  // "33.29.01"
  std::string name;          // "Banjaran"
};

// A run of consecutive entries of one catalog list (the children of an area), valid while the catalog lives.
template <typename T>
class Slice {
 public:
  Slice(const T* first, const T* last) : first_(first), last_(last) {}
  const T* begin() const { return first_; }
  const T* end() const { return last_; }
  std::size_t size() const { return static_cast<std::size_t>(last_ - first_); }
  bool empty() const { return first_ == last_; }
  const T& operator[](std::size_t i) const { return first_[i]; }

 private:
  const T* first_;
  const T* last_;
};

class AreaCatalog {
 public:
  const std::vector<Province>& provinces() const { return provinces_; }
  const std::vector<Regency>& regencies() const { return regencies_; }
  const std::vector<District>& districts() const { return districts_; }
  const std::vector<Village>& villages() const { return villages_; }

  // The area with this code, or nullptr.
  const Province* province(std::string_view code) const;
  const Regency* regency(std::string_view code) const;
  const District* district(std::string_view code) const;
  const Village* village(std::string_view code) const;

  Slice<District> districtsOfRegency(std::string_view regencyCode) const;
  Slice<Village> villagesOfRegency(std::string_view regencyCode) const;
  Slice<Village> villagesOfDistrict(std::string_view districtCode) const;

  // Every village with its district, regency (full name) and province names, in code order, as the input of
  // search::VillageIndex::build. The records point into this catalog.
  std::vector<bhabin::search::VillageRecord> villageRecords() const;

 private:
  friend std::variant<AreaCatalog, AreaError> loadAreaCatalog(const std::string& dir);
  // Only the loader builds a catalog: the lookups rely on its checks and on every list being sorted by code.
  AreaCatalog(std::vector<Province> provinces, std::vector<Regency> regencies, std::vector<District> districts,
              std::vector<Village> villages);

  std::vector<Province> provinces_;
  std::vector<Regency> regencies_;
  std::vector<District> districts_;
  std::vector<Village> villages_;
};

// Reads provinces.csv, regencies.csv, districts.csv and villages.csv from `dir`. Every row is checked: the
// code has its level's shape, its parent column agrees with the code and names an existing area, no code
// repeats, and the name is not empty. Upper-case province and regency names become title case.
std::variant<AreaCatalog, AreaError> loadAreaCatalog(const std::string& dir);

// Where idn-area-data's CSV files are in a checkout with its npm packages installed.
std::string defaultAreaDataDir(const std::string& rootDir);

// The whole content of a data file, or an error naming it.
std::variant<std::string, AreaError> readDataFile(const std::string& path);

}  // namespace bhabin::server::areas
