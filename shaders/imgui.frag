#version 300 es
// Dear ImGui fragments: vertex colour times the font atlas's coverage (a single channel: a quarter of the
// bytes to upload and sample; shapes use its fully covered pixel).
precision mediump float;

uniform sampler2D u_texture;

in vec2 v_uv;
in vec4 v_color;

out vec4 o_color;

void main() {
  o_color = v_color * vec4(1.0, 1.0, 1.0, texture(u_texture, v_uv).r);
}
