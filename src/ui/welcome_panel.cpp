#include "ui/welcome_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace bhabin::ui {

namespace {

i18n::Language drawLanguageChoice(const i18n::Catalog& texts, i18n::Language current) {
  i18n::Language picked = current;
  ImGui::TextDisabled("%s", texts.text("welcome.language"));
  if (ImGui::RadioButton(texts.text("language.indonesian"), current == i18n::Language::Indonesian)) {
    picked = i18n::Language::Indonesian;
  }
  ImGui::SameLine();
  if (ImGui::RadioButton(texts.text("language.english"), current == i18n::Language::English)) {
    picked = i18n::Language::English;
  }
  return picked;
}

}  // namespace

std::string chosenPositionText(const i18n::Catalog& texts, const WelcomeState& state) {
  if (!state.chosenPosition) return texts.text("welcome.tap_map");
  char coordinates[48];
  std::snprintf(coordinates, sizeof coordinates, "%.5f, %.5f", state.chosenPosition->latDeg,
                state.chosenPosition->lonDeg);
  return std::string(texts.text("welcome.chosen_position")) + " " + coordinates;
}

i18n::Language drawWelcomePanel(const i18n::Catalog& texts, WelcomeState& state, MapView& map) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float margin = 12.0f;
  const float width = std::min(420.0f, viewport->WorkSize.x - 2 * margin);
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + margin, viewport->WorkPos.y + margin), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(width, 0.0f), ImGuiCond_FirstUseEver);

  i18n::Language picked = state.language;
  // The "###" suffix keeps one window identity (position, size) across languages.
  const std::string title = std::string(texts.text("app.title")) + "###welcome";
  if (ImGui::Begin(title.c_str())) {
    ImGui::TextWrapped("%s", texts.text("welcome.intro"));
    ImGui::Separator();
    ImGui::TextWrapped("%s", chosenPositionText(texts, state).c_str());
    if (ImGui::Button(texts.text("welcome.show_brebes"))) map.flyTo(kBrebesCenter, kBrebesZoom);
    ImGui::Separator();
    picked = drawLanguageChoice(texts, state.language);
  }
  ImGui::End();
  return picked;
}

}  // namespace bhabin::ui
