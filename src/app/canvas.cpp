#include "app/canvas.h"

#include <emscripten/html5.h>

#include <cmath>
#include <stdexcept>

namespace bhabin::app {

Canvas::Canvas(std::string selector) : selector_(std::move(selector)) {
  EmscriptenWebGLContextAttributes attributes;
  emscripten_webgl_init_context_attributes(&attributes);
  attributes.majorVersion = 2;
  attributes.minorVersion = 0;
  attributes.alpha = EM_TRUE;  // the map must show through wherever ImGui draws nothing
  attributes.premultipliedAlpha = EM_TRUE;
  attributes.depth = EM_FALSE;
  attributes.stencil = EM_FALSE;
  attributes.antialias = EM_FALSE;  // ImGui anti-aliases its own shapes
  context_ = emscripten_webgl_create_context(selector_.c_str(), &attributes);
  if (context_ <= 0) throw std::runtime_error("this browser cannot create a WebGL2 context");
  emscripten_webgl_make_context_current(context_);
}

Canvas::~Canvas() { emscripten_webgl_destroy_context(context_); }

CanvasSize Canvas::syncSize() {
  double cssWidth = 0.0;
  double cssHeight = 0.0;
  emscripten_get_element_css_size(selector_.c_str(), &cssWidth, &cssHeight);
  const auto pixelRatio = static_cast<float>(emscripten_get_device_pixel_ratio());
  const CanvasSize now{static_cast<float>(cssWidth), static_cast<float>(cssHeight), pixelRatio};
  if (now.cssWidth != size_.cssWidth || now.cssHeight != size_.cssHeight || now.pixelRatio != size_.pixelRatio) {
    emscripten_set_canvas_element_size(selector_.c_str(), static_cast<int>(std::lround(cssWidth * pixelRatio)),
                                       static_cast<int>(std::lround(cssHeight * pixelRatio)));
    size_ = now;
  }
  return size_;
}

}  // namespace bhabin::app
