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

WidgetTags& widgetTags() {
  static WidgetTags tags;
  return tags;
}

}  // namespace bhabin::ui
