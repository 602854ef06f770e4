#version 300 es
// Dear ImGui fragments: vertex colour times the texture (the font atlas, or a white pixel of it for shapes).
precision mediump float;

uniform sampler2D u_texture;

in vec2 v_uv;
in vec4 v_color;

out vec4 o_color;

void main() {
  o_color = v_color * texture(u_texture, v_uv);
}
