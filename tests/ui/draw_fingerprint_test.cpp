#include "ui/draw_fingerprint.h"

#include <gtest/gtest.h>

#include "headless_imgui.h"

namespace bhabin::ui {
namespace {

std::uint64_t fingerprintOf(testing::HeadlessImGui& imgui, const char* label, ImVec2 at = ImVec2(10, 10)) {
  imgui.frame([&] {
    ImGui::SetNextWindowPos(at);
    ImGui::Begin("panel");
    ImGui::Button(label);
    ImGui::End();
  });
  return drawFingerprint(*ImGui::GetDrawData());
}

TEST(DrawFingerprint, TheSameFrameTwiceHasTheSameFingerprint) {
  testing::HeadlessImGui imgui;
  fingerprintOf(imgui, "Kirim");  // ImGui settles window sizes over the first frames
  fingerprintOf(imgui, "Kirim");
  EXPECT_EQ(fingerprintOf(imgui, "Kirim"), fingerprintOf(imgui, "Kirim"));
}

TEST(DrawFingerprint, AnyChangeOnScreenChangesIt) {
  testing::HeadlessImGui imgui;
  fingerprintOf(imgui, "Kirim");
  fingerprintOf(imgui, "Kirim");
  const std::uint64_t before = fingerprintOf(imgui, "Kirim");
  EXPECT_NE(fingerprintOf(imgui, "Kirin"), before) << "one letter";
  fingerprintOf(imgui, "Kirim", ImVec2(11, 10));
  EXPECT_NE(fingerprintOf(imgui, "Kirim", ImVec2(11, 10)), before) << "one pixel";
  ImGui::GetIO().DisplaySize = ImVec2(361, 780);
  EXPECT_NE(fingerprintOf(imgui, "Kirim"), before) << "the display size";
}

}  // namespace
}  // namespace bhabin::ui
