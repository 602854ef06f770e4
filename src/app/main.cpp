// The browser app: ImGui panels on a WebGL2 canvas over a Leaflet map, one frame per animation frame.
#include <emscripten.h>
#include <emscripten/val.h>
#include <imgui.h>

#include <array>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "app/app_state_json.h"
#include "app/browser_input.h"
#include "app/browser_platform.h"
#include "app/canvas.h"
#include "app/leaflet_map.h"
#include "app/test_hook.h"
#include "app/webgl2_renderer.h"
#include "core/i18n/catalog.h"
#include "ui/app_ui.h"
#include "ui/draw_fingerprint.h"
#include "ui/input_queue.h"
#include "ui/theme.h"

namespace bhabin::app {
namespace {

// Files packed into the module's virtual file system at link time (see src/app/CMakeLists.txt).
constexpr const char* kFontPath = "/assets/fonts/NotoSans-Regular.ttf";
constexpr const char* kCatalogDir = "/assets/i18n/";

i18n::Catalog loadCatalog(i18n::Language language) {
  const std::string path = kCatalogDir + std::string(i18n::languageCode(language)) + ".json";
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("missing language file " + path);
  std::ostringstream text;
  text << file.rdbuf();
  auto parsed = i18n::parseCatalog(text.str());
  if (auto* error = std::get_if<wire::ParseError>(&parsed)) {
    throw std::runtime_error("language file " + path + " is not valid: " + error->message);
  }
  return std::get<i18n::Catalog>(std::move(parsed));
}

// Settings the page hands over in Module.bhabinConfig (fetched from the server by web/boot.js).
LeafletMapSettings mapSettingsFromPage() {
  LeafletMapSettings settings;
  const emscripten::val config = emscripten::val::module_property("bhabinConfig");
  if (config.isUndefined() || config.isNull()) return settings;
  if (config["tileUrl"].isString()) settings.tileUrl = config["tileUrl"].as<std::string>();
  if (config["tileAttribution"].isString()) settings.tileAttribution = config["tileAttribution"].as<std::string>();
  return settings;
}

std::string pageFragment() {
  const std::string hash = emscripten::val::global("location")["hash"].as<std::string>();
  return hash.empty() ? hash : hash.substr(1);
}

class App {
 public:
  App()
      : imgui_(ImGui::CreateContext()),
        canvas_("#ui"),
        map_(mapSettingsFromPage(), [this](const geo::LatLon& p) { onMapChoose(p); }),
        ui_(platform_, map_, {loadCatalog(i18n::Language::Indonesian), loadCatalog(i18n::Language::English)}) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the layout follows the screen; nothing worth persisting across visits
    io.BackendPlatformName = "bhabin_browser";
    io.BackendRendererName = "bhabin_webgl2";
    io.ConfigWindowsMoveFromTitleBarOnly = true;  // a drag inside a panel scrolls it on touch screens
    ui::installKeyMap(io);
    ui::applyTheme();
    installBrowserInput(*imgui_, input_, platform_);
    test_hook::install([this] { return appStateJson(ui_); });
    ui_.start();
    ui_.openLink(pageFragment());
  }

  ~App() { ImGui::DestroyContext(imgui_); }
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  void frame() {
    ImGuiIO& io = ImGui::GetIO();
    prepareDisplay(io);
    input_.applyTo(io);
    const double now = emscripten_get_now() / 1000.0;
    io.DeltaTime = lastFrameSeconds_ > 0.0 ? static_cast<float>(now - lastFrameSeconds_) : 1.0f / 60.0f;
    if (io.DeltaTime <= 0.0f) io.DeltaTime = 1.0f / 60.0f;
    lastFrameSeconds_ = now;
    if (map_.takeMoved()) ui_.mapMoved();
    if (const bool online = platform_.online(); online != wasOnline_) {
      wasOnline_ = online;
      if (online) ui_.networkBack();
    }

    ImGui::NewFrame();
    ui_.frame();
    platform_.setLanguage(ui_.language());
    ImGui::Render();
    // An unchanged frame is not drawn again: the canvas keeps showing it (see ui/draw_fingerprint.h).
    const std::uint64_t fingerprint = ui::drawFingerprint(*ImGui::GetDrawData());
    if (fingerprint != lastFingerprint_ || fontChanged_) {
      renderer_.render(*ImGui::GetDrawData());
      lastFingerprint_ = fingerprint;
      fontChanged_ = false;
    }
    syncTextInput(io);

    if (++frames_ == 1) test_hook::publishReady();
    test_hook::publishFrameCount(frames_);
  }

 private:
  // Matches ImGui's display to the canvas, and re-rasterises the font when the pixel ratio changes
  // (first frame, browser zoom, window moved to another screen).
  void prepareDisplay(ImGuiIO& io) {
    const CanvasSize size = canvas_.syncSize();
    io.DisplaySize = ImVec2(size.cssWidth, size.cssHeight);
    io.DisplayFramebufferScale = ImVec2(size.pixelRatio, size.pixelRatio);
    if (size.pixelRatio == fontPixelRatio_) return;
    if (!ui::loadFonts({kFontPath, 16.0f, size.pixelRatio})) {
      throw std::runtime_error(std::string("cannot read the UI font ") + kFontPath);
    }
    renderer_.uploadFontAtlas();
    fontPixelRatio_ = size.pixelRatio;
    fontChanged_ = true;
  }

  void onMapChoose(const geo::LatLon& position) {
    ui_.choosePosition(position);
    test_hook::publishMapClick(position, ++mapClicks_);
  }

  ImGuiContext* imgui_;
  Canvas canvas_;
  WebGl2Renderer renderer_;
  ui::InputQueue input_;
  BrowserPlatform platform_;
  LeafletMap map_;
  ui::AppUi ui_;
  float fontPixelRatio_ = 0.0f;
  bool fontChanged_ = false;
  std::uint64_t lastFingerprint_ = 0;
  double lastFrameSeconds_ = 0.0;
  bool wasOnline_ = true;
  int frames_ = 0;
  int mapClicks_ = 0;
};

std::unique_ptr<App> app;

void reportFailure(const char* where, const std::exception& error) {
  const std::string message = std::string(where) + ": " + error.what();
  emscripten::val::global("console").call<void>("error", message);
  test_hook::publishError(message);
}

void runFrame() {
  try {
    app->frame();
  } catch (const std::exception& error) {
    emscripten_cancel_main_loop();
    reportFailure("frame", error);
  }
}

}  // namespace
}  // namespace bhabin::app

int main() {
  using namespace bhabin::app;
  try {
    app = std::make_unique<App>();
  } catch (const std::exception& error) {
    reportFailure("start", error);
    return 1;
  }
  emscripten_set_main_loop(runFrame, 0, false);
  return 0;
}
