#include "core/report/category.h"

namespace bhabin::report {

namespace {

struct CategoryInfo {
  std::string_view code;
  std::string_view indonesian;
  std::string_view english;
};

CategoryInfo infoOf(Category category) {
  switch (category) {
    case Category::Crime: return {"crime", "Kriminalitas", "Crime"};
    case Category::PublicOrder: return {"public_order", "Gangguan ketertiban umum", "Public-order disturbance"};
    case Category::TrafficAccident: return {"traffic_accident", "Kecelakaan lalu lintas", "Traffic accident"};
    case Category::Disaster: return {"disaster", "Bencana", "Disaster"};
    case Category::SocialConflict: return {"social_conflict", "Konflik sosial", "Social conflict"};
    case Category::Drugs: return {"drugs", "Narkoba", "Drugs"};
    case Category::Environment: return {"environment", "Lingkungan", "Environment"};
    case Category::Health: return {"health", "Kesehatan", "Health"};
    case Category::Other: return {"other", "Lainnya", "Other"};
  }
  return {"other", "Lainnya", "Other"};
}

}  // namespace

std::string_view categoryCode(Category category) { return infoOf(category).code; }

std::optional<Category> categoryFromCode(std::string_view code) {
  for (Category category : kAllCategories) {
    if (categoryCode(category) == code) return category;
  }
  return std::nullopt;
}

std::string_view categoryLabel(Category category, i18n::Language language) {
  const CategoryInfo info = infoOf(category);
  return language == i18n::Language::English ? info.english : info.indonesian;
}

}  // namespace bhabin::report
