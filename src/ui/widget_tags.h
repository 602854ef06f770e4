// Stable names for the widgets a person touches, with where they were drawn this frame. Panels tag each
// such widget right after drawing it; the browser's test hook (window.bhabinTest.widgets()) lists the tags so
// browser tests can press real pointer and keyboard events at them, whatever the language or layout.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bhabin::ui {

struct TaggedWidget {
  std::string id;                        // e.g. "report.submit", "worklist.item.3329-…"
  float x = 0, y = 0, width = 0, height = 0;  // the visible part, in CSS pixels
};

class WidgetTags {
 public:
  void beginFrame() { current_.clear(); }
  // Tags the last drawn ImGui item when any of it is visible (not scrolled away or clipped).
  void tagLastItem(std::string_view id);
  const std::vector<TaggedWidget>& widgets() const { return current_; }
  // Whether the widget tagged `id` was drawn under this point in the last frame.
  bool covers(std::string_view id, float x, float y) const;

 private:
  std::vector<TaggedWidget> current_;
};

// The one registry of the running UI (the browser has one ImGui context).
WidgetTags& widgetTags();
inline void tag(std::string_view id) { widgetTags().tagLastItem(id); }

}  // namespace bhabin::ui
