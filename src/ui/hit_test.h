// Decides whether a pointer position belongs to the ImGui layer or to the map under it.
#pragma once

struct ImGuiContext;

namespace bhabin::ui {

// True when the point (in CSS pixels of the canvas) lies on a window ImGui drew in its last frame,
// including popups and menus. The browser routes an event to ImGui when this is true, else to the map.
bool coversPoint(const ImGuiContext& context, float x, float y);

}  // namespace bhabin::ui
