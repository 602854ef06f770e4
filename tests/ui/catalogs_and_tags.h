// What the whole-interface tests share: the app's real catalogs, read from assets/i18n, and the widgets the
// last frame tagged.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "core/i18n/catalog.h"
#include "ui/widget_tags.h"

namespace bhabin::testing {

inline i18n::Catalog loadCatalog(const char* code) {
  const std::filesystem::path path = std::filesystem::path(BHABIN_SOURCE_DIR) / "assets/i18n" / (std::string(code) + ".json");
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  auto parsed = i18n::parseCatalog(text.str());
  if (auto* error = std::get_if<wire::ParseError>(&parsed)) {
    ADD_FAILURE() << path << ": " << error->message;
    return {};
  }
  return std::get<i18n::Catalog>(std::move(parsed));
}

inline std::optional<ui::TaggedWidget> tagged(const std::string& id) {
  for (const ui::TaggedWidget& widget : ui::widgetTags().widgets()) {
    if (widget.id == id) return widget;
  }
  return std::nullopt;
}

}  // namespace bhabin::testing
