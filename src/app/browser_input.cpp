#include "app/browser_input.h"

#include <emscripten.h>
#include <emscripten/bind.h>
#include <imgui.h>

#include <string>

#include "ui/hit_test.h"
#include "ui/input_queue.h"

namespace bhabin::app {

namespace {

struct InputTarget {
  ImGuiContext* context = nullptr;
  ui::InputQueue* queue = nullptr;
};
InputTarget target;  // the JavaScript listeners reach C++ through free functions, hence one static target

bool covers(double x, double y) {
  return ui::coversPoint(*target.context, static_cast<float>(x), static_cast<float>(y));
}

bool wantsKeyboard() {
  ImGui::SetCurrentContext(target.context);
  return ImGui::GetIO().WantCaptureKeyboard;
}

void pointerMove(double x, double y) {
  target.queue->push(ui::InputEvent::pointerMove(static_cast<float>(x), static_cast<float>(y)));
}

void pointerButton(double x, double y, int button, bool down) {
  target.queue->push(ui::InputEvent::pointerButton(static_cast<float>(x), static_cast<float>(y), button, down));
}

// A finger lifted leaves no pointer behind; park ImGui's mouse off-screen so nothing stays highlighted.
void pointerGone() { target.queue->push(ui::InputEvent::pointerMove(-3.0e38f, -3.0e38f)); }

void wheel(double linesRight, double linesUp) {
  target.queue->push(ui::InputEvent::wheel(static_cast<float>(linesRight), static_cast<float>(linesUp)));
}

void key(int keyCode, bool down, bool ctrl, bool shift, bool alt, bool super) {
  target.queue->push(ui::InputEvent::modifiers(ctrl, shift, alt, super));
  target.queue->push(ui::InputEvent::key(keyCode, down));
}

void text(const std::string& utf8) { target.queue->push(ui::InputEvent::typed(utf8)); }

void focusLost() { target.queue->push(ui::InputEvent::focusLost()); }

}  // namespace

EMSCRIPTEN_BINDINGS(bhabin_input) {
  emscripten::function("bhabinInputCovers", &covers);
  emscripten::function("bhabinInputWantsKeyboard", &wantsKeyboard);
  emscripten::function("bhabinInputPointerMove", &pointerMove);
  emscripten::function("bhabinInputPointerButton", &pointerButton);
  emscripten::function("bhabinInputPointerGone", &pointerGone);
  emscripten::function("bhabinInputWheel", &wheel);
  emscripten::function("bhabinInputKey", &key);
  emscripten::function("bhabinInputText", &text);
  emscripten::function("bhabinInputFocusLost", &focusLost);
}

// The listeners themselves. Their only state is the current press: `capturing` while a press that began over
// ImGui lasts, and `pressEndedOnUi` after it until the next press, because browsers send mouseup and click
// after pointerup (to wherever the pointer was released) and Leaflet would take that click as its own.
// EM_JS stringifies this body through the C preprocessor: strings use double quotes, no comments inside.
EM_JS(void, bhabin_install_input_listeners, (), {
  const capture = {capture : true, passive : false};
  let capturing = false;
  let pressEndedOnUi = false;
  const covers = (x, y) => Module.bhabinInputCovers(x, y);
  const swallow = (e) => {
    e.stopPropagation();
    if (e.cancelable) e.preventDefault();
  };
  const imguiButton = (e) => (e.button === 2 ? 1 : e.button === 1 ? 2 : 0);
  const pointOf = (e) => {
    const touch = (e.changedTouches && e.changedTouches[0]) || e;
    return [ touch.clientX, touch.clientY ];
  };

  window.addEventListener("pointermove", (e) => {
    if (e.pointerType === "mouse" || capturing) Module.bhabinInputPointerMove(e.clientX, e.clientY);
    if (capturing) swallow(e);
  }, capture);
  window.addEventListener("pointerdown", (e) => {
    pressEndedOnUi = false;
    if (!covers(e.clientX, e.clientY)) return;
    capturing = true;
    Module.bhabinInputPointerButton(e.clientX, e.clientY, imguiButton(e), true);
    swallow(e);
  }, capture);
  const release = (e) => {
    if (!capturing) return;
    capturing = false;
    pressEndedOnUi = true;
    Module.bhabinInputPointerButton(e.clientX, e.clientY, imguiButton(e), false);
    if (e.pointerType !== "mouse") Module.bhabinInputPointerGone();
    swallow(e);
  };
  window.addEventListener("pointerup", release, capture);
  window.addEventListener("pointercancel", release, capture);
  const derivedEvents = ["mousedown", "mouseup", "click", "dblclick", "contextmenu", "touchstart", "touchmove",
                         "touchend"];
  for (const type of derivedEvents) {
    window.addEventListener(type, (e) => {
      const [x, y] = pointOf(e);
      if (capturing || pressEndedOnUi || covers(x, y)) swallow(e);
    }, capture);
  }
  window.addEventListener("wheel", (e) => {
    if (!covers(e.clientX, e.clientY)) return;
    const linesPerPixel = e.deltaMode === 0 ? 1 / 40 : e.deltaMode === 1 ? 1 : 10;
    Module.bhabinInputWheel(-e.deltaX * linesPerPixel, -e.deltaY * linesPerPixel);
    swallow(e);
  }, capture);
  const onKey = (down) => (e) => {
    if (!Module.bhabinInputWantsKeyboard()) return;
    if (e.keyCode > 0 && e.keyCode < 512) {
      Module.bhabinInputKey(e.keyCode, down, e.ctrlKey, e.shiftKey, e.altKey, e.metaKey);
    }
    if (down && !e.ctrlKey && !e.metaKey && [...e.key].length === 1) Module.bhabinInputText(e.key);
    swallow(e);
  };
  window.addEventListener("keydown", onKey(true), capture);
  window.addEventListener("keyup", onKey(false), capture);
  window.addEventListener("blur", () => {
    capturing = false;
    Module.bhabinInputFocusLost();
  });
});

void installBrowserInput(ImGuiContext& context, ui::InputQueue& queue) {
  target = {&context, &queue};
  bhabin_install_input_listeners();
}

}  // namespace bhabin::app
