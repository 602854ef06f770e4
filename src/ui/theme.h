// The look of every panel: light windows that read well over a map, sized for fingers on phones.
#pragma once

#include <string>

struct ImFont;

namespace bhabin::ui {

struct FontSettings {
  std::string ttfPath;              // a TrueType font readable by the process (Noto Sans in the app)
  float sizeCssPixels = 16.0f;      // text height as the user sees it
  float pixelRatio = 1.0f;          // device pixels per CSS pixel: the atlas is rasterised at this density
};

// Replaces the current context's fonts with `settings` rendered sharp for the pixel ratio. Returns false when
// the file cannot be read as a TrueType font; ImGui's built-in font (ASCII only) then stands in.
bool loadFonts(const FontSettings& settings);

// The same face 1.75 times larger, for what must be read at a glance (a tracking code); loaded by loadFonts.
ImFont* largeFont();

// Applies the colours and touch-friendly spacing to the current context's style.
void applyTheme();

}  // namespace bhabin::ui
