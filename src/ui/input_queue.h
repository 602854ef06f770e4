// Pointer, wheel and keyboard events from the platform, queued and fed to ImGui one frame at a time.
// Dear ImGui 1.86 reads input as per-frame state, so a tap whose press and release arrive between two frames
// would be lost; the queue applies at most one button change per frame, the way later ImGui versions do.
#pragma once

#include <cstdint>
#include <deque>
#include <string>

struct ImGuiIO;

namespace bhabin::ui {

struct InputEvent {
  enum class Kind : std::uint8_t { PointerMove, PointerButton, Wheel, Key, Text, Modifiers, FocusLost };
  Kind kind = Kind::PointerMove;
  float x = 0.0f, y = 0.0f;  // PointerMove/PointerButton: CSS pixels; Wheel: scroll in lines (+y = up)
  int code = 0;              // PointerButton: 0 left, 1 right, 2 middle; Key: index into ImGuiIO::KeysDown
  bool down = false;         // PointerButton, Key
  bool ctrl = false, shift = false, alt = false, super = false;  // Modifiers
  std::string text;          // Text: UTF-8 typed characters

  static InputEvent pointerMove(float x, float y);
  static InputEvent pointerButton(float x, float y, int button, bool down);
  static InputEvent wheel(float linesRight, float linesUp);
  static InputEvent key(int keyIndex, bool down);
  static InputEvent typed(std::string utf8);
  static InputEvent modifiers(bool ctrl, bool shift, bool alt, bool super);
  static InputEvent focusLost();
};

class InputQueue {
 public:
  void push(InputEvent event) { events_.push_back(std::move(event)); }
  bool empty() const { return events_.empty(); }

  // Applies queued events to io in arrival order, stopping after the first button change, or change of a key
  // ImGui acts on (navigation, editing, shortcuts), so that ImGui sees every such press and release in a frame
  // of its own; typing plain text goes through in one frame. Call once per frame before ImGui::NewFrame.
  void applyTo(ImGuiIO& io);

 private:
  std::deque<InputEvent> events_;
};

// Maps the ImGuiKey_* navigation keys (Tab, arrows, Enter, ...) to the indices used in ImGuiIO::KeysDown;
// the indices are the browsers' legacy keyCode values, which the platform layer sends as InputEvent::code.
void installKeyMap(ImGuiIO& io);

}  // namespace bhabin::ui
