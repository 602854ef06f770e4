#include "app/test_hook.h"

#include <emscripten.h>
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include "ui/widget_tags.h"

namespace bhabin::app::test_hook {

using emscripten::val;

namespace {

std::function<std::string()> stateProvider;

val hook() {
  val window = val::global("window");
  val existing = window["bhabinTest"];
  if (!existing.isUndefined()) return existing;
  val created = val::object();
  created.set("ready", false);
  created.set("frames", 0);
  created.set("mapClicks", 0);
  created.set("lastMapClick", val::null());
  created.set("error", val::null());
  created.set("lastExternalUrl", val::null());
  created.set("lastCopiedText", val::null());
  created.set("lastDownloadUrl", val::null());
  window.set("bhabinTest", created);
  return created;
}

std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string widgetsJson() {
  std::string json = "[";
  for (const ui::TaggedWidget& widget : ui::widgetTags().widgets()) {
    if (json.size() > 1) json += ",";
    json += "{\"id\":\"" + escaped(widget.id) + "\",\"x\":" + std::to_string(widget.x) + ",\"y\":" + std::to_string(widget.y) +
            ",\"width\":" + std::to_string(widget.width) + ",\"height\":" + std::to_string(widget.height) + "}";
  }
  return json + "]";
}

std::string stateJson() { return stateProvider ? stateProvider() : "{}"; }

}  // namespace

EM_JS(void, bhabin_install_test_functions, (), {
  window.bhabinTest.widgets = () => JSON.parse(Module.bhabinTestWidgets());
  window.bhabinTest.state = () => JSON.parse(Module.bhabinTestState());
});

void install(std::function<std::string()> state) {
  stateProvider = std::move(state);
  hook();
  bhabin_install_test_functions();
}

void publishReady() {
  val h = hook();
  h.set("ready", true);
  // Milliseconds since navigation began, for the first-frame budget (bench/browser).
  h.set("firstFrameMs", val::global("performance").call<double>("now"));
}

void publishMapClick(const geo::LatLon& position, int clickCount) {
  val click = val::object();
  click.set("lat", position.latDeg);
  click.set("lng", position.lonDeg);
  val h = hook();
  h.set("lastMapClick", click);
  h.set("mapClicks", clickCount);
}

void publishFrameCount(int frames) { hook().set("frames", frames); }

void publishError(const std::string& message) { hook().set("error", message); }

void publishExternalUrl(const std::string& url) { hook().set("lastExternalUrl", url); }

void publishCopiedText(const std::string& text) { hook().set("lastCopiedText", text); }

void publishDownloadUrl(const std::string& url) { hook().set("lastDownloadUrl", url); }

EMSCRIPTEN_BINDINGS(bhabin_test_hook) {
  emscripten::function("bhabinTestWidgets", &widgetsJson);
  emscripten::function("bhabinTestState", &stateJson);
}

}  // namespace bhabin::app::test_hook
