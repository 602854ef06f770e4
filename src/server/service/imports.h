// Administrators' imports of real data: villages (CSV), officers with their villages (CSV), and village or
// regency outlines (GeoJSON). Each import checks the whole file first and collects every problem with its
// place in the file; only a clean file is written, in one durable transaction, so a file is never
// half-imported. A dry run checks and answers the same without writing.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/areas/area_catalog.h"
#include "server/service/backend.h"

namespace bhabin::server::service {

struct ImportProblem {
  std::size_t line = 0;                // CSV: the file's line, the header being line 1; 0 for GeoJSON
  std::optional<std::size_t> feature;  // GeoJSON: the feature's index in "features", from 0
  std::string field;                   // the column or property at fault ("nrp", "villages", "code"); may be empty
  std::string message;                 // English, for the administrator
};

struct InitialPassword {
  std::string nrp;
  std::string password;
};

struct ImportResult {
  bool dryRun = false;
  std::size_t created = 0;  // rows (or features) of the file, each counted once
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::vector<ImportProblem> problems;  // in file order; when there are any, nothing was written
  std::vector<std::string> notes;       // worth knowing but not wrong: a village changing officer
  // New officers' one-time passwords, shown once: only their hashes are stored.
  std::vector<InitialPassword> initialPasswords;

  bool clean() const { return problems.empty(); }
};

enum class ImportMode { Write, DryRun };

// Who imports, and where: a supervisor's file may only touch villages and officers of their area.
struct ImportScope {
  std::string area;      // '' = everywhere
  std::string actorNrp;  // when given, each officer created or changed gets an audit row
};

class Imports {
 public:
  Imports(Backend& backend, const areas::AreaCatalog& catalog) : backend_(backend), catalog_(catalog) {}

  // Columns code,name[,lat,lon]: upserts the villages, and their district, regency and province from the
  // catalog when the database lacks them.
  ImportResult villages(std::string_view csv, ImportMode mode);
  // Columns nrp,name,phone,villages[,on_duty][,lat,lon]: creates or updates officers and makes each the
  // responsible officer of the villages listed (';'-separated); villages an officer of the file no longer
  // lists are released (only those inside the scope's area).
  ImportResult officers(std::string_view csv, ImportMode mode, const ImportScope& scope);
  ImportResult officers(std::string_view csv, ImportMode mode) { return officers(csv, mode, ImportScope{}); }
  // A FeatureCollection of (Multi)Polygons with property "code", each a known village or regency.
  ImportResult boundaries(std::string_view geojson, ImportMode mode);

 private:
  Backend& backend_;
  const areas::AreaCatalog& catalog_;
};

}  // namespace bhabin::server::service
