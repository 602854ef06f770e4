// The first window a visitor sees: what the app is, the language choice, and the position chosen on the map.
#pragma once

#include <optional>
#include <string>

#include "core/geo/lat_lon.h"
#include "core/i18n/catalog.h"
#include "ui/map_view.h"

namespace bhabin::ui {

struct WelcomeState {
  i18n::Language language = i18n::Language::Indonesian;
  std::optional<geo::LatLon> chosenPosition;  // last place tapped on the map, if any
};

// Where "Show Brebes" takes the map: the regency of the demo data, whole in view on a phone.
inline constexpr geo::LatLon kBrebesCenter{-7.05, 108.98};
inline constexpr int kBrebesZoom = 10;

// The line about the chosen position: an invitation to tap the map, or the position to 5 decimals (~1 m).
std::string chosenPositionText(const i18n::Catalog& texts, const WelcomeState& state);

// Draws the panel for one frame with the texts of `texts` and returns the language the visitor picked
// (equal to state.language when unchanged) so the caller can swap catalogs before the next frame.
i18n::Language drawWelcomePanel(const i18n::Catalog& texts, WelcomeState& state, MapView& map);

}  // namespace bhabin::ui
