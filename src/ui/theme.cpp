#include "ui/theme.h"

#include <imgui.h>

namespace bhabin::ui {

namespace {

ImFont* large = nullptr;

// Latin with its accents (names), and the punctuation our texts use: dashes, bullets, ellipsis, arrows.
constexpr ImWchar kGlyphRanges[] = {0x0020, 0x017F, 0x2010, 0x2027, 0x2190, 0x2193, 0};

}  // namespace

ImFont* largeFont() { return large; }

bool loadFonts(const FontSettings& settings) {
  ImGuiIO& io = ImGui::GetIO();
  ImFontConfig config;
  config.OversampleH = 1;  // rasterised at device resolution already; oversampling would only cost memory
  io.Fonts->Clear();
  // Layout stays in CSS pixels: glyphs drawn at 1/ratio of their rasterised size map 1:1 onto device pixels.
  io.FontGlobalScale = 1.0f / settings.pixelRatio;
  const float size = settings.sizeCssPixels * settings.pixelRatio;
  if (io.Fonts->AddFontFromFileTTF(settings.ttfPath.c_str(), size, &config, kGlyphRanges) != nullptr) {
    large = io.Fonts->AddFontFromFileTTF(settings.ttfPath.c_str(), size * 1.75f, &config, kGlyphRanges);
    return true;
  }
  config.SizePixels = size;
  io.Fonts->AddFontDefault(&config);
  large = io.Fonts->Fonts[0];
  return false;
}

void applyTheme() {
  ImGuiStyle& style = ImGui::GetStyle();
  ImGui::StyleColorsLight(&style);
  style.WindowRounding = 8.0f;
  style.FrameRounding = 6.0f;
  style.GrabRounding = 6.0f;
  style.WindowPadding = ImVec2(14.0f, 12.0f);
  style.FramePadding = ImVec2(10.0f, 8.0f);  // about 40 px tall buttons: a comfortable touch target
  style.ItemSpacing = ImVec2(10.0f, 10.0f);
  style.TouchExtraPadding = ImVec2(4.0f, 4.0f);
}

}  // namespace bhabin::ui
