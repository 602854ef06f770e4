#include "ui/hit_test.h"

#include <gtest/gtest.h>

#include "headless_imgui.h"

namespace bhabin::ui {
namespace {

void drawWindowAt(const char* name, ImVec2 position, ImVec2 size) {
  ImGui::SetNextWindowPos(position);
  ImGui::SetNextWindowSize(size);
  ImGui::Begin(name);
  ImGui::TextUnformatted("x");
  ImGui::End();
}

TEST(HitTest, PointsOnADrawnWindowBelongToImGuiAndTheRestToTheMap) {
  testing::HeadlessImGui imgui;
  imgui.frame([] { drawWindowAt("panel", ImVec2(10, 20), ImVec2(200, 100)); });
  EXPECT_TRUE(coversPoint(imgui.context(), 10.0f, 20.0f));
  EXPECT_TRUE(coversPoint(imgui.context(), 209.0f, 119.0f));
  EXPECT_FALSE(coversPoint(imgui.context(), 211.0f, 50.0f));
  EXPECT_FALSE(coversPoint(imgui.context(), 100.0f, 121.0f));
  EXPECT_FALSE(coversPoint(imgui.context(), 5.0f, 5.0f));
}

TEST(HitTest, AWindowNoLongerDrawnReleasesItsArea) {
  testing::HeadlessImGui imgui;
  imgui.frame([] { drawWindowAt("panel", ImVec2(10, 20), ImVec2(200, 100)); });
  imgui.frame([] {});
  EXPECT_FALSE(coversPoint(imgui.context(), 50.0f, 50.0f));
}

TEST(HitTest, NothingDrawnMeansEverythingGoesToTheMap) {
  testing::HeadlessImGui imgui;
  imgui.frame([] {});
  imgui.frame([] {});
  // ImGui's implicit "Debug" window exists in every frame but is never shown unless used.
  EXPECT_FALSE(coversPoint(imgui.context(), 100.0f, 100.0f));
  EXPECT_FALSE(coversPoint(imgui.context(), 70.0f, 70.0f));
}

TEST(HitTest, WindowsThatIgnoreTheMouseDoNotCover) {
  testing::HeadlessImGui imgui;
  imgui.frame([] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(100, 100));
    ImGui::Begin("overlay", nullptr, ImGuiWindowFlags_NoMouseInputs);
    ImGui::End();
  });
  EXPECT_FALSE(coversPoint(imgui.context(), 50.0f, 50.0f));
}

}  // namespace
}  // namespace bhabin::ui
