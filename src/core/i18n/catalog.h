// UI text looked up by key, one catalog per language; Indonesian is the source language (assets/i18n/id.json).
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "core/wire/flat_json.h"

namespace bhabin::i18n {

enum class Language { Indonesian, English };

// The language code of the file that holds a language's catalog ("id", "en").
std::string_view languageCode(Language language);

class Catalog {
 public:
  Catalog() = default;
  explicit Catalog(wire::StringMap texts) : texts_(std::move(texts)) {}

  // The text for key; a missing key returns the key itself so a gap shows on screen instead of hiding.
  const char* text(std::string_view key) const;
  bool has(std::string_view key) const { return texts_.find(key) != texts_.end(); }
  const wire::StringMap& texts() const { return texts_; }

 private:
  wire::StringMap texts_;
  // Keys asked for but absent; a set keeps each returned pointer valid for the catalog's lifetime.
  mutable std::set<std::string, std::less<>> missing_;
};

// Parses a language file; the error names what is wrong with it.
std::variant<Catalog, wire::ParseError> parseCatalog(std::string_view json);

}  // namespace bhabin::i18n
