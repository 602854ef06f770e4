#include "ui/welcome_panel.h"

#include <gtest/gtest.h>
#include <imgui_internal.h>

#include "headless_imgui.h"
#include "recording_map_view.h"

namespace bhabin::ui {
namespace {

i18n::Catalog catalog(const char* title, const char* showBrebes) {
  return i18n::Catalog(wire::StringMap{{"app.title", title},
                                       {"welcome.show_brebes", showBrebes},
                                       {"welcome.tap_map", "tap"},
                                       {"welcome.chosen_position", "Lokasi:"},
                                       {"language.english", "English"},
                                       {"language.indonesian", "Bahasa Indonesia"}});
}

struct Harness {
  testing::HeadlessImGui imgui;
  testing::RecordingMapView map;
  WelcomeState state;
  i18n::Catalog indonesian = catalog("Judul", "Tampilkan Brebes");
  i18n::Catalog english = catalog("Title", "Show Brebes");

  std::function<void()> draw() {
    return [this] {
      const i18n::Catalog& texts = state.language == i18n::Language::English ? english : indonesian;
      state.language = drawWelcomePanel(texts, state, map);
    };
  }
  void frame() { imgui.frame(draw()); }
  // The panel as a visitor first meets it: a new auto-sized window stays hidden for its first frame.
  void open() {
    frame();
    frame();
  }
  void tap(const char* label) {
    const auto item = imgui.item(label);
    ASSERT_TRUE(item.has_value()) << "no item labelled " << label;
    imgui.tap(item->center(), draw());
  }
};

TEST(WelcomePanel, TitleComesFromTheCatalog) {
  Harness h;
  h.open();
  const ImGuiWindow* window = ImGui::FindWindowByName("###welcome");
  ASSERT_NE(window, nullptr);
  EXPECT_STREQ(window->Name, "Judul###welcome");
}

TEST(WelcomePanel, ShowBrebesFliesTheMapThere) {
  Harness h;
  h.open();
  h.tap("Tampilkan Brebes");
  ASSERT_EQ(h.map.flights.size(), 1u);
  EXPECT_EQ(h.map.flights[0].center, kBrebesCenter);
  EXPECT_EQ(h.map.flights[0].zoom, kBrebesZoom);
}

TEST(WelcomePanel, PickingEnglishSwitchesTheLanguageAndKeepsTheWindow) {
  Harness h;
  h.open();
  const ImVec2 before = ImGui::FindWindowByName("###welcome")->Pos;
  h.tap("English");
  EXPECT_EQ(h.state.language, i18n::Language::English);
  h.frame();
  const ImGuiWindow* window = ImGui::FindWindowByName("###welcome");
  EXPECT_EQ(window->Pos.x, before.x);
  EXPECT_TRUE(h.imgui.item("Show Brebes").has_value());
  EXPECT_FALSE(h.imgui.item("Tampilkan Brebes").has_value());
}

TEST(WelcomePanel, InvitesATapUntilAPositionIsChosenThenShowsIt) {
  const i18n::Catalog texts = catalog("Judul", "Tampilkan Brebes");
  WelcomeState state;
  EXPECT_EQ(chosenPositionText(texts, state), "tap");
  state.chosenPosition = geo::LatLon{-7.123456, 109.000004};
  EXPECT_EQ(chosenPositionText(texts, state), "Lokasi: -7.12346, 109.00000");
}

TEST(WelcomePanel, FitsAPhoneScreen) {
  Harness h;
  h.open();
  const ImGuiWindow* window = ImGui::FindWindowByName("###welcome");
  ASSERT_NE(window, nullptr);
  EXPECT_GE(window->Pos.x, 0.0f);
  EXPECT_LE(window->Pos.x + window->Size.x, 360.0f);
}

}  // namespace
}  // namespace bhabin::ui
