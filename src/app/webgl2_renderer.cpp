#include "app/webgl2_renderer.h"

#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "shaders.h"

namespace bhabin::app {

namespace {

GLuint compileShader(GLenum type, const char* source) {
  GLuint shader = glCreateShader(type);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  GLint ok = GL_FALSE;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (ok != GL_TRUE) {
    char log[1024] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    glDeleteShader(shader);
    throw std::runtime_error(std::string("ImGui shader does not compile: ") + log);
  }
  return shader;
}

GLuint linkProgram(const char* vertexSource, const char* fragmentSource) {
  const GLuint vertex = compileShader(GL_VERTEX_SHADER, vertexSource);
  const GLuint fragment = compileShader(GL_FRAGMENT_SHADER, fragmentSource);
  const GLuint program = glCreateProgram();
  glAttachShader(program, vertex);
  glAttachShader(program, fragment);
  glLinkProgram(program);
  glDeleteShader(vertex);
  glDeleteShader(fragment);
  GLint ok = GL_FALSE;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (ok != GL_TRUE) {
    char log[1024] = {};
    glGetProgramInfoLog(program, sizeof log, nullptr, log);
    glDeleteProgram(program);
    throw std::runtime_error(std::string("ImGui shader program does not link: ") + log);
  }
  return program;
}

void describeVertexLayout() {
  const auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
}

// Orthographic projection from ImGui's display rectangle (CSS pixels, y down) to clip space.
void setProjection(GLint location, const ImDrawData& drawData) {
  const float l = drawData.DisplayPos.x;
  const float r = drawData.DisplayPos.x + drawData.DisplaySize.x;
  const float t = drawData.DisplayPos.y;
  const float b = drawData.DisplayPos.y + drawData.DisplaySize.y;
  const float projection[16] = {
      2.0f / (r - l),    0.0f,              0.0f,  0.0f,  //
      0.0f,              2.0f / (t - b),    0.0f,  0.0f,  //
      0.0f,              0.0f,              -1.0f, 0.0f,  //
      (r + l) / (l - r), (t + b) / (b - t), 0.0f,  1.0f,
  };
  glUniformMatrix4fv(location, 1, GL_FALSE, projection);
}

void setRenderState() {
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  // ImGui colours are straight alpha; the canvas is composited premultiplied, so colour is multiplied by
  // alpha here while alpha itself accumulates as coverage.
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glEnable(GL_SCISSOR_TEST);
}

}  // namespace

WebGl2Renderer::WebGl2Renderer() {
  program_ = linkProgram(shaders::imgui_vert, shaders::imgui_frag);
  projectionLocation_ = glGetUniformLocation(program_, "u_projection");
  textureLocation_ = glGetUniformLocation(program_, "u_texture");
  glGenVertexArrays(1, &vertexArray_);
  glGenBuffers(1, &vertexBuffer_);
  glGenBuffers(1, &indexBuffer_);
  glBindVertexArray(vertexArray_);
  glBindBuffer(GL_ARRAY_BUFFER, vertexBuffer_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer_);
  describeVertexLayout();
  glBindVertexArray(0);
}

WebGl2Renderer::~WebGl2Renderer() {
  glDeleteTextures(1, &fontTexture_);
  glDeleteBuffers(1, &indexBuffer_);
  glDeleteBuffers(1, &vertexBuffer_);
  glDeleteVertexArrays(1, &vertexArray_);
  glDeleteProgram(program_);
}

void WebGl2Renderer::uploadFontAtlas() {
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  unsigned char* pixels = nullptr;
  int width = 0;
  int height = 0;
  atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
  if (fontTexture_ == 0) glGenTextures(1, &fontTexture_);
  glBindTexture(GL_TEXTURE_2D, fontTexture_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
  atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(fontTexture_)));
  atlas.ClearTexData();
}

// 32-bit indices (set for the imgui target in cmake/third_party.cmake) let one draw list exceed 65,536
// vertices without the base-vertex draw call that WebGL2 lacks.
static_assert(sizeof(ImDrawIdx) == 4, "build imgui with ImDrawIdx=unsigned int");

void WebGl2Renderer::render(const ImDrawData& drawData) {
  const float framebufferWidth = drawData.DisplaySize.x * drawData.FramebufferScale.x;
  const float framebufferHeight = drawData.DisplaySize.y * drawData.FramebufferScale.y;
  glViewport(0, 0, static_cast<GLsizei>(framebufferWidth), static_cast<GLsizei>(framebufferHeight));
  glDisable(GL_SCISSOR_TEST);
  glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  if (framebufferWidth <= 0.0f || framebufferHeight <= 0.0f) return;

  setRenderState();
  glUseProgram(program_);
  glUniform1i(textureLocation_, 0);
  setProjection(projectionLocation_, drawData);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(vertexArray_);

  const ImVec2 origin = drawData.DisplayPos;
  const ImVec2 scale = drawData.FramebufferScale;
  for (int listIndex = 0; listIndex < drawData.CmdListsCount; ++listIndex) {
    const ImDrawList& list = *drawData.CmdLists[listIndex];
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.VtxBuffer.Size * sizeof(ImDrawVert)),
                 list.VtxBuffer.Data, GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.IdxBuffer.Size * sizeof(ImDrawIdx)),
                 list.IdxBuffer.Data, GL_STREAM_DRAW);
    for (const ImDrawCmd& command : list.CmdBuffer) {
      if (command.UserCallback != nullptr) continue;  // no panel of ours uses draw callbacks
      const float clipMinX = (command.ClipRect.x - origin.x) * scale.x;
      const float clipMinY = (command.ClipRect.y - origin.y) * scale.y;
      const float clipMaxX = (command.ClipRect.z - origin.x) * scale.x;
      const float clipMaxY = (command.ClipRect.w - origin.y) * scale.y;
      if (clipMaxX <= clipMinX || clipMaxY <= clipMinY) continue;
      // GL's scissor origin is the bottom-left corner; ImGui's is the top-left.
      glScissor(static_cast<GLint>(clipMinX), static_cast<GLint>(framebufferHeight - clipMaxY),
                static_cast<GLsizei>(clipMaxX - clipMinX), static_cast<GLsizei>(clipMaxY - clipMinY));
      glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(command.GetTexID())));
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(command.ElemCount), GL_UNSIGNED_INT,
                     reinterpret_cast<void*>(command.IdxOffset * sizeof(ImDrawIdx)));
    }
  }
  glBindVertexArray(0);
}

}  // namespace bhabin::app
