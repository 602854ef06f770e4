#include "ui/input_queue.h"

#include <imgui.h>

namespace bhabin::ui {

InputEvent InputEvent::pointerMove(float x, float y) {
  InputEvent event;
  event.kind = Kind::PointerMove;
  event.x = x;
  event.y = y;
  return event;
}

InputEvent InputEvent::pointerButton(float x, float y, int button, bool down) {
  InputEvent event = pointerMove(x, y);
  event.kind = Kind::PointerButton;
  event.code = button;
  event.down = down;
  return event;
}

InputEvent InputEvent::wheel(float linesRight, float linesUp) {
  InputEvent event = pointerMove(linesRight, linesUp);
  event.kind = Kind::Wheel;
  return event;
}

InputEvent InputEvent::key(int keyIndex, bool down) {
  InputEvent event;
  event.kind = Kind::Key;
  event.code = keyIndex;
  event.down = down;
  return event;
}

InputEvent InputEvent::typed(std::string utf8) {
  InputEvent event;
  event.kind = Kind::Text;
  event.text = std::move(utf8);
  return event;
}

InputEvent InputEvent::modifiers(bool ctrl, bool shift, bool alt, bool super) {
  InputEvent event;
  event.kind = Kind::Modifiers;
  event.ctrl = ctrl;
  event.shift = shift;
  event.alt = alt;
  event.super = super;
  return event;
}

InputEvent InputEvent::focusLost() {
  InputEvent event;
  event.kind = Kind::FocusLost;
  return event;
}

namespace {

// Keys ImGui acts on by themselves: navigation and editing keys (its key map), and any key while Ctrl or Super
// is held (shortcuts). Other keys only carry typed characters, which arrive as Text events.
bool keyMatters(int code, const ImGuiIO& io) {
  if (io.KeyCtrl || io.KeySuper) return true;
  for (int key = 0; key < ImGuiKey_COUNT; ++key) {
    const bool shortcutLetter = key >= ImGuiKey_A && key <= ImGuiKey_Z;  // Ctrl+A, C, V, X, Y, Z only
    if (io.KeyMap[key] == code && !shortcutLetter) return true;
  }
  return false;
}

bool changesState(const InputEvent& event, const ImGuiIO& io) {
  switch (event.kind) {
    case InputEvent::Kind::PointerButton: return io.MouseDown[event.code] != event.down;
    case InputEvent::Kind::Key: return io.KeysDown[event.code] != event.down && keyMatters(event.code, io);
    default: return false;
  }
}

bool validCode(const InputEvent& event) {
  switch (event.kind) {
    case InputEvent::Kind::PointerButton: return event.code >= 0 && event.code < IM_ARRAYSIZE(ImGuiIO::MouseDown);
    case InputEvent::Kind::Key: return event.code >= 0 && event.code < IM_ARRAYSIZE(ImGuiIO::KeysDown);
    default: return true;
  }
}

void apply(const InputEvent& event, ImGuiIO& io) {
  switch (event.kind) {
    case InputEvent::Kind::PointerMove: io.MousePos = ImVec2(event.x, event.y); break;
    case InputEvent::Kind::PointerButton:
      io.MousePos = ImVec2(event.x, event.y);
      io.MouseDown[event.code] = event.down;
      break;
    case InputEvent::Kind::Wheel:
      io.MouseWheelH += event.x;
      io.MouseWheel += event.y;
      break;
    case InputEvent::Kind::Key: io.KeysDown[event.code] = event.down; break;
    case InputEvent::Kind::Text: io.AddInputCharactersUTF8(event.text.c_str()); break;
    case InputEvent::Kind::Modifiers:
      io.KeyCtrl = event.ctrl;
      io.KeyShift = event.shift;
      io.KeyAlt = event.alt;
      io.KeySuper = event.super;
      break;
    case InputEvent::Kind::FocusLost:
      for (bool& down : io.MouseDown) down = false;
      for (bool& down : io.KeysDown) down = false;
      io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
      break;
  }
}

}  // namespace

void InputQueue::applyTo(ImGuiIO& io) {
  while (!events_.empty()) {
    const InputEvent event = std::move(events_.front());
    events_.pop_front();
    if (!validCode(event)) continue;
    const bool stateChange = changesState(event, io);
    apply(event, io);
    if (stateChange) break;
  }
}

void installKeyMap(ImGuiIO& io) {
  // Browser keyCode values (KeyboardEvent.keyCode), stable across browsers for these keys.
  io.KeyMap[ImGuiKey_Tab] = 9;
  io.KeyMap[ImGuiKey_LeftArrow] = 37;
  io.KeyMap[ImGuiKey_RightArrow] = 39;
  io.KeyMap[ImGuiKey_UpArrow] = 38;
  io.KeyMap[ImGuiKey_DownArrow] = 40;
  io.KeyMap[ImGuiKey_PageUp] = 33;
  io.KeyMap[ImGuiKey_PageDown] = 34;
  io.KeyMap[ImGuiKey_Home] = 36;
  io.KeyMap[ImGuiKey_End] = 35;
  io.KeyMap[ImGuiKey_Insert] = 45;
  io.KeyMap[ImGuiKey_Delete] = 46;
  io.KeyMap[ImGuiKey_Backspace] = 8;
  io.KeyMap[ImGuiKey_Space] = 32;
  io.KeyMap[ImGuiKey_Enter] = 13;
  io.KeyMap[ImGuiKey_Escape] = 27;
  io.KeyMap[ImGuiKey_KeyPadEnter] = 13;
  io.KeyMap[ImGuiKey_A] = 65;
  io.KeyMap[ImGuiKey_C] = 67;
  io.KeyMap[ImGuiKey_V] = 86;
  io.KeyMap[ImGuiKey_X] = 88;
  io.KeyMap[ImGuiKey_Y] = 89;
  io.KeyMap[ImGuiKey_Z] = 90;
}

}  // namespace bhabin::ui
