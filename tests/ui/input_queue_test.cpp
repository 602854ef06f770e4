#include "ui/input_queue.h"

#include <gtest/gtest.h>
#include <imgui_internal.h>

#include "headless_imgui.h"

namespace bhabin::ui {
namespace {

TEST(InputQueue, ATapBetweenTwoFramesBecomesAPressAndAReleaseInSeparateFrames) {
  testing::HeadlessImGui imgui;
  ImGuiIO& io = ImGui::GetIO();
  InputQueue queue;
  queue.push(InputEvent::pointerMove(50.0f, 60.0f));
  queue.push(InputEvent::pointerButton(50.0f, 60.0f, 0, true));
  queue.push(InputEvent::pointerButton(50.0f, 60.0f, 0, false));

  queue.applyTo(io);
  EXPECT_TRUE(io.MouseDown[0]);
  EXPECT_EQ(io.MousePos.x, 50.0f);
  EXPECT_EQ(io.MousePos.y, 60.0f);
  EXPECT_FALSE(queue.empty());

  queue.applyTo(io);
  EXPECT_FALSE(io.MouseDown[0]);
  EXPECT_TRUE(queue.empty());
}

TEST(InputQueue, ATapOnAButtonClicksItOnce) {
  testing::HeadlessImGui imgui;
  int clicks = 0;
  const auto draw = [&clicks] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::Begin("panel");
    if (ImGui::Button("press me")) ++clicks;
    ImGui::End();
  };
  imgui.frame(draw);
  imgui.frame(draw);  // a new auto-sized window stays hidden for its first frame
  const auto button = imgui.item("press me");
  ASSERT_TRUE(button.has_value());
  imgui.tap(button->center(), draw);
  EXPECT_EQ(clicks, 1);
}

TEST(InputQueue, ATapBesideAButtonDoesNotClickIt) {
  testing::HeadlessImGui imgui;
  int clicks = 0;
  const auto draw = [&clicks] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::Begin("panel");
    if (ImGui::Button("press me")) ++clicks;
    ImGui::End();
  };
  imgui.frame(draw);
  imgui.frame(draw);  // a new auto-sized window stays hidden for its first frame
  const auto button = imgui.item("press me");
  ASSERT_TRUE(button.has_value());
  imgui.tap(ImVec2(button->max.x + 30.0f, button->center().y), draw);
  EXPECT_EQ(clicks, 0);
}

TEST(InputQueue, WheelAndTextAccumulateWithinOneFrame) {
  testing::HeadlessImGui imgui;
  ImGuiIO& io = ImGui::GetIO();
  InputQueue queue;
  queue.push(InputEvent::wheel(0.0f, 1.0f));
  queue.push(InputEvent::wheel(0.5f, 2.0f));
  queue.push(InputEvent::typed("S\xC3\xA9"));
  queue.applyTo(io);
  EXPECT_FLOAT_EQ(io.MouseWheel, 3.0f);
  EXPECT_FLOAT_EQ(io.MouseWheelH, 0.5f);
  ASSERT_EQ(io.InputQueueCharacters.Size, 2);
  EXPECT_EQ(io.InputQueueCharacters[0], 'S');
  EXPECT_EQ(io.InputQueueCharacters[1], 0xE9);
}

TEST(InputQueue, TypingPlainLettersGoesThroughInOneFrameButEditingKeysGetFramesOfTheirOwn) {
  testing::HeadlessImGui imgui;
  ImGuiIO& io = ImGui::GetIO();
  installKeyMap(io);
  constexpr int kLetterA = 65;
  constexpr int kBackspace = 8;
  InputQueue queue;
  for (const char* letter : {"a", "b"}) {
    queue.push(InputEvent::key(kLetterA, true));
    queue.push(InputEvent::typed(letter));
    queue.push(InputEvent::key(kLetterA, false));
  }
  queue.push(InputEvent::key(kBackspace, true));
  queue.push(InputEvent::key(kBackspace, false));

  queue.applyTo(io);
  EXPECT_EQ(io.InputQueueCharacters.Size, 2) << "both letters in the first frame";
  EXPECT_TRUE(io.KeysDown[kBackspace]);
  queue.applyTo(io);
  EXPECT_FALSE(io.KeysDown[kBackspace]);
  EXPECT_TRUE(queue.empty());
}

TEST(InputQueue, OutOfRangeCodesAreDroppedNotWrittenOutOfBounds) {
  testing::HeadlessImGui imgui;
  ImGuiIO& io = ImGui::GetIO();
  InputQueue queue;
  queue.push(InputEvent::key(100000, true));
  queue.push(InputEvent::pointerButton(1.0f, 1.0f, -1, true));
  queue.push(InputEvent::pointerButton(1.0f, 1.0f, 5, true));
  queue.applyTo(io);
  EXPECT_TRUE(queue.empty());
  for (bool down : io.MouseDown) EXPECT_FALSE(down);
}

TEST(InputQueue, LosingFocusReleasesEverything) {
  testing::HeadlessImGui imgui;
  ImGuiIO& io = ImGui::GetIO();
  installKeyMap(io);
  InputQueue queue;
  queue.push(InputEvent::modifiers(false, true, false, false));
  queue.push(InputEvent::key(io.KeyMap[ImGuiKey_Tab], true));
  queue.applyTo(io);
  ASSERT_TRUE(io.KeysDown[9]);
  ASSERT_TRUE(io.KeyShift);
  queue.push(InputEvent::focusLost());
  queue.applyTo(io);
  EXPECT_FALSE(io.KeysDown[9]);
  EXPECT_FALSE(io.KeyShift);
}

}  // namespace
}  // namespace bhabin::ui
