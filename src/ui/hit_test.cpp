#include "ui/hit_test.h"

#include <imgui.h>
#include <imgui_internal.h>

namespace bhabin::ui {

// Between frames, Active still describes the frame just drawn. Walks ImGui's own window list rather than asking IsWindowHovered(): that answer is only computed in
// NewFrame for the previous mouse position, and a touch starts with no previous move.
bool coversPoint(const ImGuiContext& context, float x, float y) {
  const ImVec2 point(x, y);
  for (const ImGuiWindow* window : context.Windows) {
    if (!window->Active || window->Hidden) continue;
    if (window->Flags & ImGuiWindowFlags_NoMouseInputs) continue;
    if (window->Rect().Contains(point)) return true;
  }
  return false;
}

}  // namespace bhabin::ui
