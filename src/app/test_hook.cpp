#include "app/test_hook.h"

#include <emscripten/val.h>

namespace bhabin::app::test_hook {

using emscripten::val;

namespace {

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
  window.set("bhabinTest", created);
  return created;
}

}  // namespace

void publishReady() { hook().set("ready", true); }

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

}  // namespace bhabin::app::test_hook
