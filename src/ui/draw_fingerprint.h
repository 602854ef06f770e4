// A fingerprint of one frame's ImGui draw data, so the renderer can skip drawing a frame identical to the last
// one: the canvas keeps showing it, and a phone saves the GPU work (and battery) while nothing on the panels
// changes, for instance while the map pans underneath.
#pragma once

#include <cstdint>

struct ImDrawData;

namespace bhabin::ui {

// Equal for draw data that draws the same pixels (same vertices, indices, commands, display size and scale);
// different otherwise, up to 64-bit hash collisions.
std::uint64_t drawFingerprint(const ImDrawData& drawData);

}  // namespace bhabin::ui
