// The transparent WebGL2 canvas that ImGui draws on, laid over the map, kept at device-pixel resolution.
#pragma once

#include <emscripten/html5_webgl.h>

#include <string>

namespace bhabin::app {

struct CanvasSize {
  float cssWidth = 0.0f;   // CSS pixels, what ImGui lays out in
  float cssHeight = 0.0f;
  float pixelRatio = 1.0f; // device pixels per CSS pixel (2-3 on phones)
};

class Canvas {
 public:
  // Creates a WebGL2 context on the canvas matching `selector` (e.g. "#ui") and makes it current.
  // Throws std::runtime_error when the browser has no WebGL2.
  explicit Canvas(std::string selector);
  ~Canvas();
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  // Resizes the drawing buffer to the canvas's CSS size times the pixel ratio, if either changed.
  CanvasSize syncSize();

 private:
  std::string selector_;
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context_ = 0;
  CanvasSize size_;
};

}  // namespace bhabin::app
