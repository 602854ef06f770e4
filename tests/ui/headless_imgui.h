// Runs ImGui frames with no window and no GPU (like Dear ImGui's example_null), for testing panels, and finds
// items by label through ImGui's test-engine hooks so a test can tap a button the way a user would.
#pragma once

#include <imgui.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace bhabin::testing {

struct DrawnItem {
  std::string label;  // as passed to the widget, e.g. "Tampilkan Brebes"
  ImVec2 min, max;    // rectangle in CSS pixels
  ImVec2 center() const { return ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2); }
};

class HeadlessImGui {
 public:
  explicit HeadlessImGui(ImVec2 displaySize = ImVec2(360.0f, 780.0f));
  ~HeadlessImGui();
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;

  // One complete frame: NewFrame, `draw`, Render. Remembers the labelled items it drew.
  void frame(const std::function<void()>& draw);
  // Presses and releases at `point` over the next frames, redrawing with `draw` each time.
  void tap(ImVec2 point, const std::function<void()>& draw);
  // The item with this label in the last frame, if drawn.
  std::optional<DrawnItem> item(const std::string& label) const;

  ImGuiContext& context() { return *context_; }

 private:
  ImGuiContext* context_;
};

}  // namespace bhabin::testing
