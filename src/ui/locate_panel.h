// "Petugas saya": where the citizen is (the browser's position, a tap on the map, or a village found by name)
// and who to contact there — the responsible officer and the nearest officers on duty, computed on the device
// by the core from the roster, with one tap to call or to open WhatsApp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/i18n/catalog.h"
#include "ui/map_view.h"
#include "ui/platform.h"
#include "ui/roster_data.h"

namespace bhabin::ui {

class LocatePanel {
 public:
  static constexpr std::size_t kSearchResults = 6;
  static constexpr int kChosenZoom = 14;

  void draw(const i18n::Catalog& texts, Platform& platform, const RosterData& roster, MapView& map);
  // A position from the map (tap, dragged pin) or the device; `villageCode` when the citizen picked the
  // village by name (its own village, not the one its centre falls in).
  void choose(const geo::LatLon& position, const RosterData& roster, MapView& map,
              std::optional<std::string> villageCode = std::nullopt);

  const std::optional<geo::LatLon>& position() const { return position_; }
  const std::optional<std::string>& chosenVillage() const { return village_; }
  // The answer for the current position; recomputed when the position or the roster changes.
  const MyOfficerView& answer() const { return answer_; }

 private:
  void refreshAnswer(const RosterData& roster);
  void drawLocating(const i18n::Catalog& texts, Platform& platform, const RosterData& roster, MapView& map);
  void drawSearch(const i18n::Catalog& texts, const RosterData& roster, MapView& map);
  void drawAnswer(const i18n::Catalog& texts, Platform& platform);
  void drawContact(const i18n::Catalog& texts, Platform& platform, const wire::RosterOfficer& officer, const std::string& idPrefix);

  std::optional<geo::LatLon> position_;
  std::optional<std::string> village_;  // picked by name: the village itself, not the one its centre falls in
  MyOfficerView answer_;
  std::uint64_t answerGeneration_ = 0;
  std::string query_;
  std::string searchedFor_;
  std::vector<VillageChoice> results_;
  bool locating_ = false;
  GeolocationResult::Failure locateFailure_ = GeolocationResult::Failure::None;
};

}  // namespace bhabin::ui
