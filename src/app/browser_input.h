// Routes the page's pointer, wheel and keyboard events between Dear ImGui and the Leaflet map.
//
// Policy: the ImGui canvas never receives events itself (CSS pointer-events: none), so by default everything
// reaches the map. Listeners on `window` in the capture phase see each event first: an event over a window
// ImGui drew (ui::coversPoint), or part of a press that began there, is queued for ImGui and stopped before
// Leaflet sees it. Keys go to ImGui only while it wants the keyboard (a text field is active).
//
// Text: while ImGui edits a text field, a hidden DOM <input> has the focus, so phones raise their on-screen
// keyboard and IME composition, autocorrect and dictation work; its input events feed ImGui. Pasted text
// arrives through the paste event; text ImGui copies goes to the system clipboard through the platform.
#pragma once

struct ImGuiContext;
struct ImGuiIO;

namespace bhabin::ui {
class InputQueue;
class Platform;
}

namespace bhabin::app {

// Installs the listeners once; all three must outlive the page.
void installBrowserInput(ImGuiContext& context, ui::InputQueue& queue, ui::Platform& platform);

// Focuses or blurs the hidden text input to match ImGui; call after each frame.
void syncTextInput(const ImGuiIO& io);

}  // namespace bhabin::app
