#include "ui/draw_fingerprint.h"

#include <imgui.h>

#include <cstring>

namespace bhabin::ui {

namespace {

// FNV-1a over 64-bit words: fast enough to run on every frame's few hundred kilobytes of vertices.
class Hash {
 public:
  void bytes(const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
      std::uint64_t word;
      std::memcpy(&word, p + i, 8);
      mix(word);
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, p + i, size - i);
    mix(tail ^ (static_cast<std::uint64_t>(size) << 56));
  }
  template <typename T>
  void value(const T& v) {
    bytes(&v, sizeof v);
  }
  std::uint64_t result() const { return state_; }

 private:
  void mix(std::uint64_t word) {
    state_ ^= word;
    state_ *= 0x100000001b3ULL;
  }
  std::uint64_t state_ = 0xcbf29ce484222325ULL;
};

}  // namespace

std::uint64_t drawFingerprint(const ImDrawData& drawData) {
  Hash hash;
  hash.value(drawData.DisplayPos);
  hash.value(drawData.DisplaySize);
  hash.value(drawData.FramebufferScale);
  hash.value(drawData.CmdListsCount);
  for (int n = 0; n < drawData.CmdListsCount; ++n) {
    const ImDrawList& list = *drawData.CmdLists[n];
    hash.bytes(list.VtxBuffer.Data, static_cast<std::size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert));
    hash.bytes(list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
    for (const ImDrawCmd& command : list.CmdBuffer) {
      hash.value(command.ClipRect);
      hash.value(command.TextureId);
      hash.value(command.VtxOffset);
      hash.value(command.IdxOffset);
      hash.value(command.ElemCount);
    }
  }
  return hash.result();
}

}  // namespace bhabin::ui
