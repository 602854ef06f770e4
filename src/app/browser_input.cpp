#include "app/browser_input.h"

#include <emscripten.h>
#include <emscripten/bind.h>
#include <imgui.h>

#include <string>

#include "ui/hit_test.h"
#include "ui/input_queue.h"
#include "ui/platform.h"
#include "ui/widget_tags.h"

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

bool wantsText() {
  ImGui::SetCurrentContext(target.context);
  return ImGui::GetIO().WantTextInput;
}

bool opensPhotoChooser(double x, double y) {
  return ui::widgetTags().covers(ui::kPhotoButtonTag, static_cast<float>(x), static_cast<float>(y));
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
  emscripten::function("bhabinInputWantsText", &wantsText);
  emscripten::function("bhabinInputOpensPhotoChooser", &opensPhotoChooser);
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
// after pointerup (to wherever the pointer was released) and Leaflet would take that click as its own. The
// click that opens the photo chooser (web/photo_picker.js) is let through: cancelling it keeps the chooser shut;
// so is the click on the link that saves a download (BrowserPlatform::download): cancelling it saves nothing.
// EM_JS stringifies this body through the C preprocessor: strings use double quotes, no comments inside.
EM_JS(void, bhabin_install_input_listeners, (), {
  const capture = {capture : true, passive : false};
  const placeholder = " ";
  let capturing = false;
  let pressEndedOnUi = false;
  let pressedPhotoButton = false;
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
    pressedPhotoButton = Module.bhabinInputOpensPhotoChooser(e.clientX, e.clientY);
    Module.bhabinInputPointerButton(e.clientX, e.clientY, imguiButton(e), true);
    swallow(e);
  }, capture);
  const release = (e) => {
    if (!capturing) return;
    capturing = false;
    pressEndedOnUi = true;
    Module.bhabinInputPointerButton(e.clientX, e.clientY, imguiButton(e), false);
    if (e.pointerType !== "mouse") Module.bhabinInputPointerGone();
    if (Module.bhabinInputWantsText()) textInput.focus({preventScroll : true});
    if (e.type === "pointerup" && pressedPhotoButton && Module.bhabinInputOpensPhotoChooser(e.clientX, e.clientY) &&
        window.bhabinPhotoPicker) {
      window.bhabinPhotoPicker.openNow();
    }
    swallow(e);
  };
  window.addEventListener("pointerup", release, capture);
  window.addEventListener("pointercancel", release, capture);
  const derivedEvents = ["mousedown", "mouseup", "click", "dblclick", "contextmenu", "touchstart", "touchmove",
                         "touchend"];
  for (const type of derivedEvents) {
    window.addEventListener(type, (e) => {
      if (e.target && (e.target.id === "bhabin-photo-input" || e.target.id === "bhabin-download-link")) return;
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
    if (e.isComposing || e.keyCode === 229) return;
    if (e.keyCode > 0 && e.keyCode < 512) {
      Module.bhabinInputKey(e.keyCode, down, e.ctrlKey, e.shiftKey, e.altKey, e.metaKey);
    }
    if (down && !e.ctrlKey && !e.metaKey && [...e.key].length === 1) Module.bhabinInputText(e.key);
    const shortcut = (e.ctrlKey || e.metaKey) && ["v", "c", "x"].includes(e.key.toLowerCase());
    if (shortcut) {
      e.stopPropagation();
    } else {
      swallow(e);
    }
  };
  window.addEventListener("keydown", onKey(true), capture);
  window.addEventListener("keyup", onKey(false), capture);
  window.addEventListener("blur", () => {
    capturing = false;
    Module.bhabinInputFocusLost();
  });
  window.addEventListener("paste", (e) => {
    if (!Module.bhabinInputWantsKeyboard()) return;
    const text = e.clipboardData ? e.clipboardData.getData("text/plain") : "";
    if (text) Module.bhabinInputText(text);
    swallow(e);
  }, capture);

  const textInput = document.createElement("input");
  textInput.type = "text";
  textInput.id = "bhabin-text-input";
  textInput.setAttribute("autocomplete", "off");
  textInput.setAttribute("aria-hidden", "true");
  textInput.value = placeholder;
  document.body.appendChild(textInput);
  const resetInput = () => {
    textInput.value = placeholder;
    textInput.setSelectionRange(placeholder.length, placeholder.length);
  };
  const pressKey = (keyCode) => {
    Module.bhabinInputKey(keyCode, true, false, false, false, false);
    Module.bhabinInputKey(keyCode, false, false, false, false, false);
  };
  textInput.addEventListener("input", (e) => {
    if (e.isComposing) return;
    if (e.inputType === "deleteContentBackward") {
      pressKey(8);
    } else if (e.inputType === "insertLineBreak") {
      pressKey(13);
    } else if (e.inputType === "insertReplacementText") {
      const typed = textInput.value.slice(placeholder.length);
      if (typed) Module.bhabinInputText(typed);
    } else if (e.data) {
      Module.bhabinInputText(e.data);
    }
    resetInput();
  });
  textInput.addEventListener("compositionend", (e) => {
    if (e.data) Module.bhabinInputText(e.data);
    resetInput();
  });
  Module.bhabinTextInput = textInput;
});

// The hidden input follows ImGui: focused while a text field is being edited (so phones show their keyboard
// and IME/autocorrect work), blurred when editing ends.
EM_JS(void, bhabin_sync_text_input, (int wantsText, float x, float y), {
  const input = Module.bhabinTextInput;
  if (!input) return;
  const focused = document.activeElement === input;
  if (wantsText && !focused) {
    input.style.left = x + "px";
    input.style.top = y + "px";
    input.focus({preventScroll : true});
  } else if (!wantsText && focused) {
    input.blur();
  }
});

void setClipboardText(void* platform, const char* text) { static_cast<ui::Platform*>(platform)->copyText(text); }

// Browsers hand clipboard text over only in a paste event (see the listener), so ImGui's own paste gets nothing.
const char* clipboardText(void*) { return ""; }

void installBrowserInput(ImGuiContext& context, ui::InputQueue& queue, ui::Platform& platform) {
  target = {&context, &queue};
  ImGuiIO& io = ImGui::GetIO();
  io.ClipboardUserData = &platform;
  io.SetClipboardTextFn = setClipboardText;
  io.GetClipboardTextFn = clipboardText;
  bhabin_install_input_listeners();
}

void syncTextInput(const ImGuiIO& io) {
  const bool pointerKnown = io.MousePos.x >= 0.0f && io.MousePos.y >= 0.0f;
  bhabin_sync_text_input(io.WantTextInput ? 1 : 0, pointerKnown ? io.MousePos.x : 0.0f, pointerKnown ? io.MousePos.y : 0.0f);
}

}  // namespace bhabin::app
