// Routes the page's pointer, wheel and keyboard events between Dear ImGui and the Leaflet map.
//
// Policy: the ImGui canvas never receives events itself (CSS pointer-events: none), so by default everything
// reaches the map. Listeners on `window` in the capture phase see each event first: an event over a window
// ImGui drew (ui::coversPoint), or part of a press that began there, is queued for ImGui and stopped before
// Leaflet sees it. Keys go to ImGui only while it wants the keyboard (a text field is active).
#pragma once

struct ImGuiContext;

namespace bhabin::ui {
class InputQueue;
}

namespace bhabin::app {

// Installs the listeners once; both objects must outlive the page.
void installBrowserInput(ImGuiContext& context, ui::InputQueue& queue);

}  // namespace bhabin::app
