// Draws Dear ImGui's draw lists with WebGL2 (OpenGL ES 3.0) and the shaders in shaders/.
// Needs: a current WebGL2 context. Implements: font atlas upload, ImDrawData rendering with scissor clipping,
// output premultiplied for a transparent canvas composited over the Leaflet map.
#pragma once

#include <GLES3/gl3.h>

struct ImDrawData;

namespace bhabin::app {

class WebGl2Renderer {
 public:
  WebGl2Renderer();
  ~WebGl2Renderer();
  WebGl2Renderer(const WebGl2Renderer&) = delete;
  WebGl2Renderer& operator=(const WebGl2Renderer&) = delete;

  // (Re)uploads ImGui's font atlas; call after the fonts change (e.g. a new device pixel ratio).
  void uploadFontAtlas();
  // Clears the framebuffer to transparent and draws the frame. Framebuffer size = display size * scale.
  void render(const ImDrawData& drawData);

 private:
  GLuint program_ = 0;
  GLint projectionLocation_ = -1;
  GLint textureLocation_ = -1;
  GLuint vertexArray_ = 0;
  GLuint vertexBuffer_ = 0;
  GLuint indexBuffer_ = 0;
  GLuint fontTexture_ = 0;
};

}  // namespace bhabin::app
