#include "core/i18n/catalog.h"

namespace bhabin::i18n {

std::string_view languageCode(Language language) {
  switch (language) {
    case Language::Indonesian: return "id";
    case Language::English: return "en";
  }
  return "id";
}

const char* Catalog::text(std::string_view key) const {
  auto it = texts_.find(key);
  if (it != texts_.end()) return it->second.c_str();
  return missing_.emplace(key).first->c_str();
}

std::variant<Catalog, wire::ParseError> parseCatalog(std::string_view json) {
  auto parsed = wire::parseFlatStringObject(json);
  if (auto* error = std::get_if<wire::ParseError>(&parsed)) return *error;
  return Catalog(std::get<wire::StringMap>(std::move(parsed)));
}

}  // namespace bhabin::i18n
