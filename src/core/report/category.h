// Report categories for Indonesian community policing, with stable codes and labels in both UI languages.
#pragma once

#include <optional>
#include <string_view>

#include "core/i18n/catalog.h"

namespace bhabin::report {

enum class Category {
  Crime,            // kriminalitas
  PublicOrder,      // gangguan ketertiban umum
  TrafficAccident,  // kecelakaan lalu lintas
  Disaster,         // bencana
  SocialConflict,   // konflik sosial
  Drugs,            // narkoba
  Environment,      // lingkungan
  Health,           // kesehatan
  Other,            // lainnya
};

inline constexpr Category kAllCategories[] = {
    Category::Crime,   Category::PublicOrder, Category::TrafficAccident, Category::Disaster, Category::SocialConflict,
    Category::Drugs,   Category::Environment, Category::Health,          Category::Other};

// Stable snake_case code ("traffic_accident"): stored, sent, and used by tests; never changes once shipped.
std::string_view categoryCode(Category category);
std::optional<Category> categoryFromCode(std::string_view code);

// The label shown to people, e.g. "Kecelakaan lalu lintas" / "Traffic accident".
std::string_view categoryLabel(Category category, i18n::Language language);

}  // namespace bhabin::report
