#include "ui/widget_tags.h"

#include <imgui.h>
#include <imgui_internal.h>

namespace bhabin::ui {

void WidgetTags::tagLastItem(std::string_view id) {
  const ImGuiWindow* window = ImGui::GetCurrentWindowRead();
  if (window == nullptr || window->SkipItems) return;
  ImRect rect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  rect.ClipWithFull(window->ClipRect);
  if (rect.GetWidth() < 1.0f || rect.GetHeight() < 1.0f) return;
  current_.push_back({std::string(id), rect.Min.x, rect.Min.y, rect.GetWidth(), rect.GetHeight()});
}

bool WidgetTags::covers(std::string_view id, float x, float y) const {
  for (const TaggedWidget& widget : current_) {
    if (widget.id == id && x >= widget.x && x < widget.x + widget.width && y >= widget.y && y < widget.y + widget.height) {
      return true;
    }
  }
  return false;
}

WidgetTags& widgetTags() {
  static WidgetTags tags;
  return tags;
}

}  // namespace bhabin::ui
