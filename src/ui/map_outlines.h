// Regency and village outlines for the map, from GET /api/v1/boundaries: every regency at start, and the
// villages of the regency the person is looking at once a place is chosen. Drawn from our own data, so the
// map shows where things are even when no map tiles can be loaded (offline, or tiles blocked).
#pragma once

#include <string>

#include "ui/map_view.h"
#include "ui/platform.h"

namespace bhabin::ui {

class MapOutlines {
 public:
  MapOutlines(Platform& platform, MapView& map) : platform_(platform), map_(map) {}

  // Asks for the regencies' outlines (a 304 keeps what is drawn).
  void refresh();
  // Asks for the outlines of this regency's villages, unless they are already drawn. "" does nothing.
  void showRegency(const std::string& regencyCode);

  // How many outlines each layer draws now (for the test hook).
  int regencyOutlines() const { return regencyOutlines_; }
  int villageOutlines() const { return villageOutlines_; }

 private:
  void fetch(const std::string& path, std::string& etag, OutlineLayer layer, int& count);

  Platform& platform_;
  MapView& map_;
  std::string regenciesEtag_;
  std::string villagesEtag_;
  std::string villagesRegency_;
  int regencyOutlines_ = 0;
  int villageOutlines_ = 0;
};

}  // namespace bhabin::ui
